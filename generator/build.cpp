#include "build.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <sstream>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <system_error>
#include <thread>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "core/malloc_tuning.hpp"
#include "edition_render.hpp"
#include "edition_versions.hpp"
#include "attach/pdf_attachment.hpp"
#include "input/markdown_reader.hpp"
#include "input/meeting_loader.hpp"
#include "model/attachment_file.hpp"
#include "model/document.hpp"
#include "publish/published_packets.hpp"
#include "publish/publisher.hpp"
#include "publish/targets.hpp"
#include "render/pdf/line_memo.hpp"

namespace fs = std::filesystem;

namespace boardpack {

namespace {

// "24 items", "1 item"; "62 pages": counts as the summaries print them, each with its plural.
std::string items_counted(size_t n) { return fmt(tr_n("{} item", "{} items", static_cast<unsigned long>(n)), n); }
std::string pages_counted(int n) { return fmt(tr_n("{} page", "{} pages", static_cast<unsigned long>(n)), n); }

using pipeline::RenderKit;

// The fonts and templates, loaded on another thread while the first meeting is read (some 11 M
// instructions that had to be done before reading could start). get() waits for them, from any
// thread; null if they could not be loaded (their messages are in diags(), and nothing is built).
class KitSource {
public:
    explicit KitSource(const BuildOptions& o)
        : loading_(std::async(std::launch::async, [this, templates = o.templates, fonts = o.fonts] {
              // Its heap is new: the templates and the fonts' tables touch some 0,7 MiB of it (x10's
              // peak memory is within 0,5 MiB of its target: no more is made present than is used).
              prefault_thread_heap(size_t{768} << 10);
              return pipeline::load_kit(templates, fonts, diags_);
          })) {}
    ~KitSource() { get(); }  // the loading thread writes into this object
    KitSource(const KitSource&) = delete;
    KitSource& operator=(const KitSource&) = delete;

    const RenderKit* get() const {
        std::call_once(once_, [this] { kit_ = loading_.get(); });
        return kit_ ? &*kit_ : nullptr;
    }
    const Diagnostics& diags() const {
        get();
        return diags_;
    }

private:
    Diagnostics diags_;
    mutable std::future<std::optional<RenderKit>> loading_;
    mutable std::once_flag once_;
    mutable std::optional<RenderKit> kit_;
};

// build_one's status when the kit could not be loaded: it has printed nothing, and the caller
// reports the kit's messages.
constexpr int kKitFailed = -1;

void print_diagnostics(const Diagnostics& diags, const BuildOptions& o, std::ostream& err) {
    for (const Diagnostic& d : diags.all())
        if (!(o.quiet && d.severity == Severity::Note)) err << format_diagnostic(d, o.color);
}

// The input size (all the meeting's files) up to which the two editions render at once. The
// example (230 KB of input, 104 pages) peaks at 12,6 MiB instead of 11,3 MiB; ten times
// it (2,3 MB) would peak at 32 MiB instead of 25 MiB, over issue 10's memory target.
constexpr size_t kEditionsTogetherBytes = 1u << 20;

// Test hook (documented in the README): wait this many milliseconds before publishing, so a
// test can kill a build while its files are only in the staging folder.
void pause_for_tests() {
    if (const char* ms = std::getenv("BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS"))
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(ms)));
}

// `builds`: a build, which has by then taken its lock (output/.boardpack/<meeting>/lock, with the
// folders on its way): it published nothing, and the packet there is as it was, but it did write.
// The meeting folder as a summary names it: as given, unless that is no name ("." or ".." given
// inside the meeting folder), then the folder's own name, which is also the packet's.
std::string shown_folder(const fs::path& dir) {
    const std::string normal = dir.lexically_normal().string();
    if (normal != "." && normal != ".." && !normal.ends_with("/..") && !normal.ends_with("/../")) return dir.string();
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(dir, ec);
    return ec || real.filename().empty() ? dir.string() : real.filename().string();
}

int input_failed(const fs::path& dir, const Diagnostics& diags, bool builds, std::ostream& err) {
    if (builds)
        err << fmt(_("boardpack: {}: {} error(s); nothing was published\n"), shown_folder(dir), diags.error_count());
    else
        err << fmt(_("boardpack: {}: {} error(s); nothing was written\n"), shown_folder(dir), diags.error_count());
    return kExitInputError;
}

// "2023-09-15".
std::string iso_date(const model::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

// Where the closed edition keeps the public versions withdrawn because an item in them was made
// confidential: lukket/tilbagetrukket/offentlig/versioner/N/.
constexpr const char* kWithdrawn = "lukket/tilbagetrukket";

// Writes edition `e`'s snapshot into its folder in the staging folder (published by the same
// swap as the rest), after which only its version and date are kept.
bool write_snapshot(publish::Publisher& publisher, int e, EditionVersion& v, std::string* why) {
    const std::string folder = model::edition_folder(e == 0 ? model::Edition::Offentlig : model::Edition::Lukket);
    const publish::Access access = e == 1 ? publish::Access::Restricted : publish::Access::Public;
    versions::Snapshot& s = v.snapshot;
    const auto fill = [&s](const publish::Put& put) { versions::write_snapshot(s, put); };
    if (!publisher.write(folder + "/" + versions::snapshot_file(folder), fill, access, why)) return false;
    versions::Snapshot kept;
    kept.meeting = s.meeting;
    kept.edition = s.edition;
    kept.version = s.version;
    kept.date = s.date;
    s = std::move(kept);
    return true;
}

// Carries each edition's kept versions into the new packet: the versions before, and the one
// published now when this build makes a new one (README, "Corrections"). All of it is in the
// staging folder, so it is published by the same swap.
bool write_versions(publish::Publisher& publisher, const EditionVersion (&kept)[2], std::string* why) {
    const model::Edition editions[2] = {model::Edition::Offentlig, model::Edition::Lukket};
    for (int e = 0; e < 2; ++e) {
        const std::string folder = model::edition_folder(editions[e]);
        const publish::Access access = e == 1 ? publish::Access::Restricted : publish::Access::Public;
        const EditionVersion& v = kept[e];
        if (v.published == 0) continue;
        // Public versions withdrawn before (an item in them was made confidential) stay withdrawn.
        if (e == 1 && !publisher.keep(kWithdrawn, kWithdrawn, access, why)) return false;
        // An item made confidential: the public versions that published it leave the public
        // edition and are kept, for the record, only in the closed one.
        const bool withdraw = e == 0 && v.fresh && !v.comparison.now_confidential.empty();
        // The packet published now holds those versions (and the one just before) readable by all:
        // shut to others before the new one is published (Publisher::withdraws).
        if (withdraw) publisher.withdraws();
        const std::string versions_folder =
            withdraw ? std::string(kWithdrawn) + "/offentlig/" + publish::kVersionsFolder : folder + "/" + publish::kVersionsFolder;
        const publish::Access kept_access = withdraw ? publish::Access::Restricted : access;
        if (!publisher.keep(folder + "/" + publish::kVersionsFolder, versions_folder, kept_access, why)) return false;
        if (!v.fresh) continue;
        // The version published now, whole (its files, attachments and rettelsesblad), becomes a kept one:
        // not its kept versions, nor the closed edition's withdrawn public ones (carried above).
        std::vector<std::string> names;
        std::error_code ec;
        const fs::path withdrawn = fs::path(kWithdrawn).filename();
        // Nor its list of files: the new packet's lists name the kept files.
        for (fs::directory_iterator it(publisher.published() / folder, ec); !ec && it != fs::directory_iterator();
             it.increment(ec))
            if (it->path().filename() != publish::kVersionsFolder && !(e == 1 && it->path().filename() == withdrawn) &&
                it->path().filename() != publish::manifest_file(folder))
                names.push_back(it->path().filename().string());
        std::sort(names.begin(), names.end());
        const std::string into = versions_folder + "/" + std::to_string(v.published) + "/";
        for (const std::string& name : names)
            if (!publisher.keep(folder + "/" + name, into + name, kept_access, why)) return false;
    }
    return true;
}

int build_one(const publish::MeetingTarget& meeting_target, const BuildOptions& o, const KitSource& kits,
              std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    diags.set_warnings_are_errors(o.strict);
    const fs::path& dir = meeting_target.dir;
    const std::string& id = meeting_target.id;

    // The PDF reader, if the meeting's folders hold PDF files, is started first of all: the
    // attachments are most of the time a meeting with them takes to be read, and the reader's own
    // start (some 12 ms) is then done while the lock is taken and the items are read.
    DiskFiles files(dir);
    input::UnfinishedAttachments attachments;
    pipeline::start_reading_attachments(files, attachments);

    // A build takes the meeting's lock before anything else it does, so a second build of the
    // same meeting is refused at once rather than after doing all its work.
    std::unique_ptr<publish::Publisher> publisher;
    std::string why;
    // check reads the packet published in the output folder (if boardpack wrote it), to compare
    // with it as a build would; it takes no lock and writes nothing.
    fs::path check_published;
    if (!o.check_only) {
        publisher = publish::Publisher::begin(o.output, id, legacy_edition, &why);
        if (!publisher) {
            err << "boardpack: " << why << "\n";
            return kExitOutputError;
        }
    } else if (publish::inspect_target(o.output / id, id, legacy_edition).kind == publish::TargetKind::OwnLink) {
        check_published = o.output / id;
    }

    // The tables are computed while the PDF reader reads the attachments: computing does not use
    // them, and the reader is most of the time a meeting with attachments takes to be read.
    auto meeting = pipeline::load(files, id, diags, &attachments);
    const RenderKit* loaded = kits.get();
    if (!loaded) return kKitFailed;
    const RenderKit& kit = *loaded;
    if (meeting) {
        meeting->corrects_published = publisher ? !publisher->published().empty() : !check_published.empty();
        pipeline::compute(*meeting, kit.wording, diags);
        // What reads nothing of the PDF attachments is done while the reader reads on, not after.
        if (!diags.has_errors()) {
            pipeline::prepare(*meeting, kit.wording, diags);
            pipeline::report_unprintable(*meeting, kit.fonts, diags);
            pipeline::check_confidential_mentions(*meeting, diags);
        }
        pipeline::finish_attachments(*meeting, attachments, files, diags);
    }
    if (!meeting || diags.has_errors()) {
        print_diagnostics(diags, o, err);
        return input_failed(dir, diags, !o.check_only, err);
    }

    // check renders too (in memory), so it finds everything a build would. Two editions at once
    // hold two documents in memory: a large meeting renders them one after the other, so its
    // peak memory stays what one edition needs.
    bool together = o.editions_together && files.totals().bytes <= kEditionsTogetherBytes;
    // Each edition's version, against the snapshots of the packet published now (read under the
    // lock), and the marks of what changed (README, "Corrections"). check has none.
    EditionVersion ev[2];
    const model::Changes* changes[2] = {nullptr, nullptr};
    std::function<void(int)> mark_edition;
    if (publisher && !diags.has_errors()) {
        // One edition at a time: its snapshot goes to the staging folder as soon as its version is
        // decided, and its entries are freed (rendering needs only the marks made from them, and
        // at ten times the example each edition's are some 3,5 MB), before the next is taken. But
        // a meeting small enough to render its editions together has the public edition's snapshot
        // written on another thread while the closed edition's version is decided: the second
        // core is idle then (the attachments are read), and it is some 0,6 ms of the example's.
        // Writing reads only the snapshot, and the publisher takes files from two threads at once.
        const versions::PrintedWords printed = printed_words(kit.wording);
        bool decided = true;
        std::string public_why;
        std::future<bool> public_written;
        for (int e = 0; e < 2; ++e) {
            decided = decide_version(*meeting, publisher->published(), printed, e, ev[e], diags) && decided;
            if (!decided) continue;
            if (e == 0 && together) {
                try {
                    public_written = std::async(std::launch::async, [&publisher, &ev, &public_why] {
                        return write_snapshot(*publisher, 0, ev[0], &public_why);
                    });
                    continue;
                } catch (const std::system_error&) {
                    // No thread to be had (a limit on the user's processes): written here.
                }
            }
            if (!write_snapshot(*publisher, e, ev[e], &why)) {
                err << fmt(_("boardpack: {}; the packet in {} was left as it was\n"), why, publisher->target().string());
                return kExitOutputError;
            }
        }
        if (public_written.valid() && !public_written.get()) {
            err << fmt(_("boardpack: {}; the packet in {} was left as it was\n"), public_why, publisher->target().string());
            return kExitOutputError;
        }
        if (!decided || !versions_dated(*meeting, ev, diags)) {
            print_diagnostics(diags, o, err);
            return input_failed(dir, diags, !o.check_only, err);
        }
        for (int e = 0; e < 2; ++e) changes[e] = ev[e].view_changes();
        if (marks_agree(ev)) {
            versions::mark(ev[0].comparison);
            versions::mark(ev[1].comparison);
        } else {
            // The editions mark a public item differently (one is newer than the other): each
            // renders with its own marks, one after the other.
            together = false;
            mark_edition = [&](int e) {
                versions::clear_marks(*meeting);
                versions::mark(ev[e].comparison);
            };
        }
        std::vector<const void*>().swap(ev[0].shown_parts);
    } else if (!check_published.empty() && !diags.has_errors()) {
        // check compares with the packet published in the output folder as a build would, read
        // only: a change that needs the correction's date ("rettet:"), a lost or damaged
        // snapshot, a typed figure gone stale, are its problems too (a review: check passed and
        // the build then failed).
        if (decide_versions(*meeting, check_published, printed_words(kit.wording), false, ev, diags))
            versions_dated(*meeting, ev, diags);
        if (diags.has_errors()) {
            print_diagnostics(diags, o, err);
            return input_failed(dir, diags, false, err);
        }
    }
    // What the summary says of the items, counted now: the items are freed once the last packet
    // is laid out (its PDF is written without them; see render_editions).
    const size_t item_count = meeting->items.size();
    size_t confidential = 0;
    for (const model::AgendaItem& item : meeting->items) confidential += model::is_confidential(item.status) ? 1 : 0;
    EditionRun runs[2];
    render_editions(*meeting, kit, publisher.get(), !diags.has_errors(), o.strict, together, runs, changes, mark_edition,
                    [&meeting, &kit] {
                        std::vector<model::AgendaItem>().swap(meeting->items);
                        if (render::pdf::LineMemo* memo = kit.fonts.layout_metrics().line_memo()) memo->forget();
                    });
    int pages[2] = {0, 0};
    EditionResult results[2];
    for (int e = 0; e < 2; ++e) {
        for (const Diagnostic& d : runs[e].diags.all()) diags.add(d);
        pages[e] = runs[e].pages;
        results[e] = runs[e].result;
        if (results[e] == EditionResult::OutputFailed) {
            print_diagnostics(diags, o, err);
            err << fmt(_("boardpack: {}; the packet in {} was left as it was\n"), runs[e].why, publisher->target().string());
            return kExitOutputError;
        }
    }
    // The italic, bold italic and monospace faces are read when text in them is first laid out:
    // a damaged one is an error, as a damaged regular face is at start-up.
    if (const render::pdf::FontFiles::FallbackProblem* p = kit.fonts.style_problem()) diags.error({p->path, 0, 0}, p->why);
    print_diagnostics(diags, o, err);
    if (results[0] != EditionResult::Written || results[1] != EditionResult::Written || diags.has_errors())
        return input_failed(dir, diags, !o.check_only, err);
    if (o.check_only) {
        if (o.quiet) return kExitOk;
        out << fmt(_("boardpack: {}: no errors, {} warning(s) ({}; offentlig {}, lukket {})\n"), shown_folder(dir),
                   diags.warning_count(), items_counted(item_count), pages_counted(pages[0]), pages_counted(pages[1]));
        return kExitOk;
    }
    if (!write_versions(*publisher, ev, &why)) {
        err << fmt(_("boardpack: {}; the packet in {} was left as it was\n"), why, publisher->target().string());
        return kExitOutputError;
    }
    // What the archive page says of this packet.
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", meeting->date.year, meeting->date.month, meeting->date.day);
    if (!publisher->describe({{"dato", date}, {"organ", meeting->body}, {"titel", meeting->title},
                              {"organisation", meeting->organisation}},
                             &why)) {
        err << fmt(_("boardpack: {}; the packet in {} was left as it was\n"), why, publisher->target().string());
        return kExitOutputError;
    }
    pause_for_tests();
    if (!publisher->commit(&why)) {
        err << fmt(_("boardpack: {}; the packet in {} was left as it was\n"), why, publisher->target().string());
        return kExitOutputError;
    }
    // Published, but perhaps not for good: said even with --quiet.
    if (!publisher->unsynced_switch().empty())
        err << fmt(_("boardpack: warning: {}; the new packet is published, but if the machine stops soon, {} may show "
                     "the packet before it: check the disk, and build again\n"),
                   publisher->unsynced_switch(), publisher->target().string());
    // A file saved into the packet while this build ran is not in the new packet: said even with
    // --quiet, since the file is no longer where it was saved.
    if (!publisher->left_behind().empty())
        err << fmt(_("boardpack: warning: {} was saved into the packet while this build ran; the new packet is "
                     "published without it, and it is now in {}, with the packet it was saved into; move it from there\n"),
                   publisher->left_behind_shown().string(), publisher->left_behind().string());
    if (o.quiet) return kExitOk;
    // Each count with its own plural: Danish adjectives agree with theirs ("1 offentligt, 2
    // fortrolige"), where one plural for the items' count printed "1 fortrolige" (a review).
    const size_t public_count = item_count - confidential;
    out << fmt(_("boardpack: built {}: {} ({}, {}); offentlig {}, lukket {}; {} in {}\n"), id, items_counted(item_count),
               fmt(tr_n("{} public", "{} public", static_cast<unsigned long>(public_count)), public_count),
               fmt(tr_n("{} confidential", "{} confidential", static_cast<unsigned long>(confidential)), confidential),
               pages_counted(pages[0]), pages_counted(pages[1]),
               fmt(tr_n("{} file", "{} files", static_cast<unsigned long>(publisher->files_written())), publisher->files_written()),
               publisher->target().string());
    // What a rebuild did to each edition's version: "version 2: 1 input figure, 14 derived figures, ...".
    if (ev[0].published || ev[1].published)
        for (int e = 0; e < 2; ++e) {
            const EditionVersion& v = ev[e];
            const char* name = e == 0 ? "offentlig" : "lukket";
            if (!v.fresh)
                out << fmt(_("boardpack: {}: {} unchanged, still version {}\n"), id, name, v.snapshot.version);
            else
                out << fmt(_("boardpack: {}: {} version {}, rettet {}: {}\n"), id, name, v.snapshot.version,
                           iso_date(v.snapshot.date), change_summary(v.changes));
        }
    return kExitOk;
}

// The archive page, output/index.html, once the output holds two packets or more: the public
// editions of every packet boardpack published there (not only this run's), newest first.
int write_archive(const BuildOptions& o, const RenderKit& kit, std::ostream& err) {
    const std::vector<publish::PublishedPacket> packets = publish::published_packets(o.output);
    if (packets.size() < 2) return kExitOk;
    std::vector<render::html::ArchiveMeeting> meetings;
    for (const publish::PublishedPacket& p : packets) {
        render::html::ArchiveMeeting m;
        m.id = p.id;
        auto fact = [&](const char* key) {
            const auto f = p.facts.find(key);
            return f == p.facts.end() ? std::string() : f->second;
        };
        m.body = fact("organ");
        m.title = fact("titel");
        m.organisation = fact("organisation");
        m.html = p.public_html;
        m.pdf = p.public_pdf;
        if (m.html.empty() || m.pdf.empty()) continue;  // not a whole packet: nothing to link
        const std::string date = fact("dato");
        if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &m.date.year, &m.date.month, &m.date.day) != 3) continue;  // an older packet
        meetings.push_back(std::move(m));
    }
    if (meetings.size() < 2) return kExitOk;
    Diagnostics diags;
    const auto html = render::html::render_archive(std::move(meetings), kit.wording, kit.html, diags);
    print_diagnostics(diags, o, err);
    std::string why;
    if (!html) return kExitInputError;
    if (!publish::write_index(o.output, *html, &why)) {
        err << "boardpack: " << why << "\n";
        return kExitOutputError;
    }
    return kExitOk;
}

// Builds the meetings, up to o.jobs at once (0: one per core). Each meeting's messages and summary
// are collected and printed in input order, so the output of -j8 reads as that of -j1; the
// packets are the same byte for byte, since each meeting is built alone from its own input.
int build_all(const std::vector<publish::MeetingTarget>& targets, const BuildOptions& o, const KitSource& kit,
              std::ostream& out, std::ostream& err) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t jobs = std::min<size_t>(targets.size(), o.jobs == 0 ? cores : o.jobs);
    int status = kExitOk;
    if (jobs <= 1) {
        // One meeting at a time: its two editions at once, unless there is one core or -j1.
        BuildOptions one = o;
        one.editions_together = o.editions_together && cores > 1 && o.jobs != 1;
        for (const publish::MeetingTarget& t : targets) {
            const int one_status = build_one(t, one, kit, out, err);
            if (one_status == kKitFailed) return one_status;
            status = std::max(status, one_status);
        }
        return status;
    }
    // Shared set-up that is not safe to do from several threads at once, done once here (the
    // qpdf module is loaded once for all threads by the first PDF attachment read).
    input::prepare_markdown_reader();
    struct Result {
        std::ostringstream out, err;
        int status = kExitOk;
        bool done = false;
    };
    std::vector<Result> results(targets.size());
    std::mutex mutex;
    std::condition_variable finished;
    std::atomic<size_t> next{0};
    // The meetings keep the cores busy: each renders its editions one after the other.
    BuildOptions each = o;
    each.editions_together = false;
    auto worker = [&] {
        for (size_t i = next++; i < targets.size(); i = next++) {
            Result& r = results[i];
            // Without fonts and templates nothing is built: the meetings after the first are not read.
            r.status = i > 0 && !kit.get() ? kKitFailed : build_one(targets[i], each, kit, r.out, r.err);
            const std::lock_guard<std::mutex> lock(mutex);
            r.done = true;
            finished.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (size_t j = 0; j < jobs; ++j) threads.emplace_back(worker);
    // Each meeting's lines as soon as it and every meeting before it are done.
    for (Result& r : results) {
        std::unique_lock<std::mutex> lock(mutex);
        finished.wait(lock, [&] { return r.done; });
        lock.unlock();
        err << r.err.str();
        out << r.out.str();
        status = std::max(status, r.status);
    }
    for (std::thread& t : threads) t.join();
    return status;
}

}  // namespace

int run_diff(const BuildOptions& o, std::ostream& out, std::ostream& err) {
    publish::TargetProblem problem;
    const auto targets = publish::resolve_targets(o.meetings, o.output, false, &problem);
    if (!targets) {
        err << "boardpack: " << problem.message << "\n";
        return problem.usage ? kExitUsage : kExitInputError;
    }
    Diagnostics kit_diags;
    const std::optional<RenderKit> kit = pipeline::load_kit(o.templates, o.fonts, kit_diags);
    if (!kit) {
        print_diagnostics(kit_diags, o, err);
        return kExitInputError;
    }
    int status = kExitOk;
    for (const publish::MeetingTarget& t : *targets) {
        // The published packet is checked against its lists of files first, as a build checks it:
        // a snapshot edited by hand in the output folder is no published version, and what it
        // says would be listed as changes of the input. What a build would refuse, diff refuses,
        // with the build's words and exit code.
        const fs::path published = o.output / t.id;
        const publish::TargetState state = publish::inspect_target(published, t.id, legacy_edition);
        if (state.kind == publish::TargetKind::Foreign) {
            // TRANSLATORS: {1} is a whole clause: "it holds out/m/offentlig/snapshot-offentlig.txt, which ...".
            err << "boardpack: "
                << fmt(_("will not compare the input with {}, which a build would not replace either: {}"), published.string(),
                       state.why)
                << "\n";
            status = std::max(status, kExitOutputError);
            continue;
        }
        Diagnostics diags;
        diags.set_warnings_are_errors(o.strict);
        DiskFiles files(t.dir);
        auto meeting = pipeline::load(files, t.id, diags);
        if (meeting) pipeline::compute(*meeting, kit->wording, diags);
        if (!meeting || diags.has_errors()) {
            print_diagnostics(diags, o, err);
            status = std::max(status, input_failed(t.dir, diags, false, err));
            continue;
        }
        pipeline::prepare(*meeting, kit->wording, diags);
        // Read through output/<meeting> as published; nothing is written, nothing locked.
        const bool exists = state.kind == publish::TargetKind::OwnLink;
        EditionVersion ev[2];
        const bool ok = decide_versions(*meeting, exists ? published : fs::path(), printed_words(kit->wording), false, ev, diags);
        print_diagnostics(diags, o, err);
        if (!ok) {
            status = std::max(status, kExitInputError);
            continue;
        }
        out << fmt(_("boardpack: {}: the input compared with the packet published in {}\n"), shown_folder(t.dir), published.string());
        for (int e = 0; e < 2; ++e) print_changes(ev[e], e == 0 ? "offentlig" : "lukket", out);
        if ((ev[0].fresh && ev[0].published) || (ev[1].fresh && ev[1].published)) {
            if (meeting->corrected.year == 0 && ev[0].snapshot.date.year == 0 && ev[1].snapshot.date.year == 0)
                out << _("boardpack: a build needs the correction's date: add \"rettet: YYYY-MM-DD\" to meeting.txt\n");
        }
    }
    return status;
}

std::vector<fs::path> find_meetings(const fs::path& inputs) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(inputs, ec))
        if (entry.is_directory() && fs::exists(entry.path() / "meeting.txt")) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

int run_build(const BuildOptions& o, std::ostream& out, std::ostream& err) {
    // Every meeting's packet name and place is checked before anything is built.
    publish::TargetProblem problem;
    const auto targets = publish::resolve_targets(o.meetings, o.output, !o.check_only, &problem);
    if (!targets) {
        err << "boardpack: " << problem.message << "\n";
        return problem.usage ? kExitUsage : kExitInputError;
    }
    // A PDF reader for the first meeting, started before the fonts' and templates' thread so that
    // its start does not wait for a core (pdf_attachment.hpp): the first meeting's queue takes it
    // when build_one starts its reader.
    const attach::EarlyReader early_reader(!targets->empty() && std::thread::hardware_concurrency() > 1 &&
                                           input::holds_pdf_files(DiskFiles(targets->front().dir)));
    const KitSource kit(o);
    const int status = build_all(*targets, o, kit, out, err);
    if (!kit.get()) {
        print_diagnostics(kit.diags(), o, err);
        return kExitInputError;
    }
    if (o.check_only) return status;
    return std::max(status, write_archive(o, *kit.get(), err));
}

}  // namespace boardpack
