#include "edition_render.hpp"
#include "core/messages.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "core/malloc_tuning.hpp"
#include "model/attachment_file.hpp"
#include "publish/packet_folder.hpp"

namespace boardpack {

namespace {

using pipeline::RenderKit;

// Each PDF attachment the edition shows as its own file, bilag/<item>-<n>-<slug>.pdf (cleaned, as
// merged), which the HTML links to. A redacted item has no attachments: nothing of it is written.
bool write_attachment_files(const model::EditionView& view, const std::string& folder, publish::Publisher& publisher,
                            publish::Access access, std::string* why) {
    for (const model::AgendaItem& item : view.items)
        for (const model::Attachment& a : item.attachments)
            if (a.pdf && !publisher.write(folder + "/" + model::attachment_file(item, a), *a.pdf, access, why)) return false;
    return true;
}

// The pieces of an edition's work, in the order they run when the editions render one after
// the other (and their messages are merged).
enum class Task { Html, Packet, Correction };
constexpr int kTasks = 3;

// What an edition's tasks share: the edition as it shows the meeting (as it is marked when the
// job is made), and where its files go.
struct EditionJob {
    EditionJob(const model::Meeting& meeting, int e, const model::Changes* changes)
        : edition(e == 0 ? model::Edition::Offentlig : model::Edition::Lukket),
          view(pipeline::edition(meeting, edition)),
          folder(model::edition_folder(edition)),
          // The closed edition is for the board: readable by the owner and group only.
          access(edition == model::Edition::Lukket ? publish::Access::Restricted : publish::Access::Public),
          corrected(changes && changes->version.number > 1) {
        view.changes = changes;  // nullptr for a first version (README, "Corrections")
    }
    model::Edition edition;
    model::EditionView view;
    std::string folder;
    publish::Access access;
    bool corrected;  // a corrected version: it has a rettelsesblad of its own
};

// One task's outcome.
struct TaskRun {
    bool ran = false;
    Diagnostics diags;
    EditionResult result = EditionResult::Written;
    std::string why;
    int pages = 0;
};

// What every task uses. The publisher is shared by the threads (its write, create and finish
// may be called at once: each writes its file while the other renders).
struct Renderer {
    const RenderKit& kit;
    publish::Publisher* publisher;
    // The editions render one after the other (a large meeting): the PDF writer gives memory
    // back between its steps (pdf_writer.hpp).
    bool in_turn = false;
    // Rendering together, the editions' HTML pages make each public item's blocks once
    // (blocks_memo.hpp), and their packets measure each table once (table_parts_memo.hpp).
    render::html::BlocksHtmlMemo* blocks = nullptr;
    render::pdf::TablePartsMemo* table_parts = nullptr;
    // ... and compress each page they print alike once (page_stream_memo.hpp).
    render::pdf::PageStreamMemo* page_streams = nullptr;

    // Writes laid-out pages (with the PDF attachments' pages they draw) as the PDF `relative`
    // (to output/<meeting>) in the staging folder, and makes it durable; with `agenda_only`, a
    // merged packet's agenda-only PDF there too, written with it (pdf_writer.hpp).
    EditionResult publish_pdf(render::pdf::LaidOutDocument laid, const std::string& relative, publish::Access access,
                              Diagnostics& diags, std::string* why, const std::string& agenda_only = {}) {
        std::string path, agenda_only_path;
        path = publisher->create(relative, access, why);
        if (path.empty()) return EditionResult::OutputFailed;
        if (!agenda_only.empty()) {
            agenda_only_path = publisher->create(agenda_only, access, why);
            if (agenda_only_path.empty()) return EditionResult::OutputFailed;
        }
        render::pdf::PdfFileFailure failed;
        std::map<std::string, FileRecord> written;  // the two files as written: not read back to be listed
        switch (pipeline::write_pdf(std::move(laid), kit, path, diags, agenda_only_path, &failed, in_turn, &written,
                                    page_streams)) {
            case render::pdf::PdfResult::Written: break;
            case render::pdf::PdfResult::Refused: return EditionResult::InputFailed;
            case render::pdf::PdfResult::FileFailed:
                *why = fmt(_("cannot write {}: {}"), failed.path, failed.why);
                return EditionResult::OutputFailed;
        }
        const auto record = [&written](const std::string& p) {
            const auto w = written.find(p);
            return w == written.end() ? nullptr : &w->second;
        };
        if (!agenda_only_path.empty() && !publisher->finish(agenda_only_path, record(agenda_only_path), why))
            return EditionResult::OutputFailed;
        return publisher->finish(path, record(path), why) ? EditionResult::Written : EditionResult::OutputFailed;
    }

    // Writes a file the edition made in memory.
    EditionResult publish_text(const std::string& relative, const std::string& text, publish::Access access,
                               std::string* why) {
        return publisher->write(relative, text, access, why) ? EditionResult::Written : EditionResult::OutputFailed;
    }

    // Runs one task of `job`, writing its file when `write`; without, the packet is only
    // rendered and checked (the PDF writer refuses some things only when it writes), and the
    // other PDFs are not made at all. `laid_out`, if given, is called once the packet is laid
    // out: after it the task reads nothing of the job's view.
    void run(Task task, const EditionJob& job, bool write, TaskRun& r, const std::function<void()>& laid_out = {}) {
        r.ran = true;
        const model::EditionView& view = job.view;
        const render::pdf::FontMetrics& metrics = kit.fonts.layout_metrics();
        switch (task) {
            case Task::Html: {
                // Written to its file as it is made, never held whole (several MB for a large
                // meeting); a page whose template failed, or that has errors, is left in the
                // staging folder, which is then never published.
                bool made = true;
                if (!write) {
                    made = pipeline::render_html(view, kit.wording, kit.html, r.diags, [](std::string_view) {}, blocks);
                } else {
                    const publish::Fill fill = [&](const publish::Put& put) {
                        made = pipeline::render_html(view, kit.wording, kit.html, r.diags, put, blocks);
                    };
                    if (!publisher->write(publish::edition_file(job.folder, "html"), fill, job.access, &r.why)) {
                        r.result = EditionResult::OutputFailed;
                        return;
                    }
                }
                if (!made) {
                    r.result = EditionResult::InputFailed;
                    return;
                }
                if (!write || r.diags.has_errors()) return;
                r.result = EditionResult::Written;
                if (!write_attachment_files(view, job.folder, *publisher, job.access, &r.why))
                    r.result = EditionResult::OutputFailed;
                return;
            }
            case Task::Packet: {
                render::pdf::LaidOutDocument laid = pipeline::lay_out(view, kit.wording, metrics, table_parts);
                r.pages = static_cast<int>(laid.pages.size());
                // Said once, by the edition that holds every table.
                if (job.edition == model::Edition::Lukket)
                    for (const model::Table* t : laid.numbers_split)
                        r.diags.warning(t->loc, fmt(_("the table {} is too wide for the PDF's page even in the smallest "
                                                      "type, so numbers in it break over lines there, where they can be "
                                                      "misread; leave out or merge columns, shorten the headings, or split "
                                                      "the table in two"),
                                                    quote_text(t->title)));
                if (laid_out) laid_out();
                if (!write) {
                    // Written nowhere, so that `check` finds what the PDF writer would refuse.
                    if (pipeline::write_pdf(std::move(laid), kit, "", r.diags) == render::pdf::PdfResult::Refused)
                        r.result = EditionResult::InputFailed;
                    return;
                }
                // A packet that merges PDF attachments cannot claim PDF/UA (their pages are
                // outside its structure tree), so the edition also gets the agenda and items
                // alone, which keeps the claim: its attachment lists link each PDF attachment's
                // own file in bilag/. Its pages are the packet's but the attachments': it is
                // written with the packet, each page they print alike once for both.
                const std::string agenda_only = laid.agenda_only ? publish::agenda_only_file(job.folder) : std::string();
                r.result = publish_pdf(std::move(laid), publish::edition_file(job.folder, "pdf"), job.access, r.diags, &r.why,
                                       agenda_only);
                return;
            }
            case Task::Correction: {
                // A corrected version's rettelsesblad also as its own HTML and PDF beside the
                // edition's, so it can be sent on its own to those who read the earlier version.
                const auto sheet = pipeline::render_correction_html(view, kit.wording, kit.html, r.diags);
                if (!sheet) {
                    r.result = EditionResult::InputFailed;
                    return;
                }
                r.result = publish_text(job.folder + "/" + pipeline::correction_file(job.edition, "html"), *sheet, job.access,
                                        &r.why);
                if (r.result != EditionResult::Written) return;
                r.result = publish_pdf(pipeline::lay_out_correction(view, kit.wording, metrics),
                                       job.folder + "/" + pipeline::correction_file(job.edition, "pdf"), job.access,
                                       r.diags, &r.why);
                return;
            }
        }
    }
};

// Whether a written edition has the task's file: a rettelsesblad only for a corrected version.
bool has_task(const EditionJob& job, Task task) { return task != Task::Correction || job.corrected; }

// An edition's tasks merged into its run: their messages in task order, the first failed write
// (else the first refusal) as its result.
void merge(TaskRun (&tasks)[kTasks], bool strict, EditionRun& run) {
    run.diags.set_warnings_are_errors(strict);
    for (TaskRun& t : tasks) {
        if (!t.ran) continue;
        for (const Diagnostic& d : t.diags.all()) run.diags.add(d);
        if (&t == &tasks[static_cast<int>(Task::Packet)]) run.pages = t.pages;
    }
    for (const EditionResult worst : {EditionResult::OutputFailed, EditionResult::InputFailed})
        for (TaskRun& t : tasks)
            if (t.ran && t.result == worst && run.result == EditionResult::Written) {
                run.result = worst;
                run.why = t.why;
            }
}

// One edition's tasks one after the other, as a reader of the code would expect: its HTML, then
// its packet (with its agenda-only PDF), and its rettelsesblad only when nothing failed before.
// `release` (render_editions) is called once its packet is laid out if no rettelsesblad follows.
// Editions render one after the other for a large meeting, so the memory freed by then is
// given back to the system.
void render_alone(Renderer& renderer, const EditionJob& job, bool clean, bool strict, TaskRun (&tasks)[kTasks],
                  const std::function<void()>& release) {
    for (TaskRun& t : tasks) t.diags.set_warnings_are_errors(strict);
    const bool writes = renderer.publisher && clean;
    TaskRun& html = tasks[static_cast<int>(Task::Html)];
    renderer.run(Task::Html, job, writes, html);
    if (html.result == EditionResult::OutputFailed) return;
    const bool write_pdf = writes && html.result == EditionResult::Written && !html.diags.has_errors();
    TaskRun& packet = tasks[static_cast<int>(Task::Packet)];
    const bool last_reader = !(writes && has_task(job, Task::Correction));
    // Once the packet is laid out, the PDF writer makes its largest blocks (the structure
    // trees, the fonts' subsets) while the layout, the model and what the HTML and layout
    // freed are all held: the freed pages are given back first, so that the peak is what is
    // in use (at ten times the example 30 -> 28 MiB; 34 -> 31 MiB with paragraphs its own).
    renderer.run(Task::Packet, job, write_pdf, packet, [&] {
        if (last_reader && release) release();
        give_back_free_memory();
    });
    if (!write_pdf || packet.result != EditionResult::Written) return;
    if (has_task(job, Task::Correction)) renderer.run(Task::Correction, job, true, tasks[static_cast<int>(Task::Correction)]);
}

}  // namespace

void render_editions(const model::Meeting& meeting, const RenderKit& kit, publish::Publisher* publisher, bool clean,
                     bool strict, bool together, EditionRun (&runs)[2], const model::Changes* const (&changes)[2],
                     const std::function<void(int)>& before, const std::function<void()>& release) {
    Renderer renderer{kit, publisher};
    TaskRun tasks[2][kTasks];
    if (!together) {
        renderer.in_turn = true;
        for (int e = 0; e < 2; ++e) {
            // The first edition's PDFs freed what they held (libharu's documents, the laid-out
            // pages, the structure trees), but the heap keeps those pages touched, and the
            // second edition's HTML and layout would grow beside them rather than into them:
            // given back first (x10's max RSS 28,0-28,4 -> 27,3-27,6 MiB).
            if (e == 1) give_back_free_memory();
            if (before) before(e);
            const EditionJob job(meeting, e, changes[e]);
            render_alone(renderer, job, clean, strict, tasks[e], e == 1 ? release : std::function<void()>());
            merge(tasks[e], strict, runs[e]);
            // A failed write of the first stops the build before the second; its errors stop
            // the second from writing.
            if (runs[e].result == EditionResult::OutputFailed) return;
            clean = clean && !runs[e].diags.has_errors();
        }
        return;
    }
    // Both editions' tasks, taken by two threads in turn, in the order below. Each writes when
    // the build writes: an error one task finds does not stop another from putting its file
    // into the staging folder, which is then never published.
    const EditionJob jobs[2] = {EditionJob(meeting, 0, changes[0]), EditionJob(meeting, 1, changes[1])};
    // Editions render together only when they mark a public item alike (build.cpp), so a
    // public item's blocks are the same markup in both pages, and its tables the same parts in
    // both packets: made once. The memos hold them all until both editions are done: a meeting
    // small enough to render together.
    render::html::BlocksHtmlMemo blocks;
    render::pdf::TablePartsMemo table_parts;
    render::pdf::PageStreamMemo page_streams;
    renderer.blocks = &blocks;
    renderer.table_parts = &table_parts;
    renderer.page_streams = &page_streams;
    const bool writes = publisher && clean;
    struct Work {
        int edition;
        Task task;
    };
    // The closed packet first (the largest task: every table is measured and every page
    // compressed there), then the two HTML pages on the other thread, then the public packet,
    // which by then finds most of its lines, tables and pages made. The two packets laid out at
    // once (as before) went in step: one waited for each table and page the other was making,
    // and the example took some 2 ms longer.
    std::vector<Work> work = {{1, Task::Packet}, {1, Task::Html}, {0, Task::Html}, {0, Task::Packet}};
    for (const int e : {1, 0})
        if (writes && has_task(jobs[e], Task::Correction)) work.push_back({e, Task::Correction});
    for (auto& edition : tasks)
        for (TaskRun& t : edition) t.diags.set_warnings_are_errors(strict);
    std::atomic<size_t> next{0};
    const auto worker = [&] {
        for (size_t i = next++; i < work.size(); i = next++) {
            const Work& w = work[i];
            renderer.run(w.task, jobs[w.edition], writes, tasks[w.edition][static_cast<int>(w.task)]);
        }
    };
    // The second thread's heap is new: the example's HTML pages and public packet touch some
    // 1,8 MiB of it, 450 page faults one at a time, made present at once instead.
    std::thread second([&] {
        prefault_thread_heap(size_t{2} << 20);
        worker();
    });
    worker();
    second.join();
    for (int e = 0; e < 2; ++e) merge(tasks[e], strict, runs[e]);
}

}  // namespace boardpack
