#include "input/meeting_loader.hpp"
#include "core/messages.hpp"

#include <map>
#include <set>
#include <thread>

#include "attach/pdf_attachment.hpp"
#include "core/item_files.hpp"
#include "core/key_values.hpp"
#include "core/skeleton_placeholders.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "core/text_file.hpp"
#include "input/item_reader.hpp"

namespace boardpack::input {

namespace {

const std::vector<KeySpec> kMeetingKeys = {
    {"organisation", true, false}, {"organ", true, false}, {"titel", false, false},
    {"dato", true, false},         {"tidspunkt", true, false}, {"sted", true, false},
    {"punkt", true, true},         {"delt", false, true},      {"rettet", false, false},
};

// A folder named in meeting.txt as one name for one folder: without trailing slashes ("pub/" is
// "pub") and without "." parts ("./02-budget" and "02-budget/." are "02-budget"). The name is
// the item's identity from version to version: "./02-budget" taken for another item than
// "02-budget" left a public version of an item made confidential published.
std::string folder_name(const std::string& name) {
    if (name.starts_with('/')) return name;  // an absolute path: unsafe_path_reason says why not
    std::string out;
    size_t start = 0;
    while (start <= name.size()) {
        const size_t end = std::min(name.find('/', start), name.size());
        const std::string_view part = std::string_view(name).substr(start, end - start);
        if (!part.empty() && part != ".") {
            if (!out.empty()) out += '/';
            out += part;
        }
        start = end + 1;
    }
    // "/" or "." alone: left as written, for the error that names it.
    return out.empty() ? name : out;
}

// Warns about each folder that holds an item.md but is neither listed with `punkt:` nor shared
// with `delt:`: it would be dropped from the packet without a word.
void warn_unlisted_items(const InputFiles& files, const std::map<std::string, SourceLoc>& listed,
                         const std::set<std::string>& listed_real, const std::vector<const KeyValue*>& shared_keys,
                         const std::vector<const KeyValue*>& item_keys, const TextFile& meeting_file, Diagnostics& diags) {
    std::set<std::string> shared;
    for (const KeyValue* kv : shared_keys) {
        const std::string name = folder_name(kv->value);
        shared.insert(name.substr(0, name.find('/')));
    }
    // Said where the list of items is, so the fix is one line away.
    SourceLoc where = meeting_file.loc(1);
    std::string line;
    if (!item_keys.empty()) {
        where = item_keys.back()->loc;
        line = item_keys.back()->line;
    }
    for (const std::string& name : files.list(".")) {
        if (name.empty() || name[0] == '.' || listed.count(name) || shared.count(name)) continue;
        if (!files.is_directory(name) || !files.exists(join_relative(name, "item.md"))) continue;
        // Listed through a link to it ("punkt: link-hem" for "02-hem"): the same folder.
        std::string why;
        if (const auto real = files.real_path(name, &why); real && listed_real.count(*real)) continue;
        diags.warning(where,
                      fmt(_("the folder {} holds an item.md, but meeting.txt does not list it, so it is left out of the "
                            "packet; add \"punkt: {}\" to include it"), quote_text(name), name),
                      line);
    }
}

// The folders directly in the meeting folder, for "did you mean".
std::vector<std::string> folders_on_disk(const InputFiles& files) {
    std::vector<std::string> out;
    for (const std::string& name : files.list("."))
        if (files.is_directory(name)) out.push_back(name);
    return out;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::optional<model::Date> parse_iso_date(const std::string& text) {
    const std::string t(trim(text));
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    model::Date d{std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), std::stoi(t.substr(8, 2))};
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
    const int max_day = days[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
    if (d.day > max_day) return std::nullopt;
    return d;
}

UnfinishedAttachments::UnfinishedAttachments() = default;
UnfinishedAttachments::~UnfinishedAttachments() = default;
UnfinishedAttachments::UnfinishedAttachments(UnfinishedAttachments&&) noexcept = default;
UnfinishedAttachments& UnfinishedAttachments::operator=(UnfinishedAttachments&&) noexcept = default;

bool holds_pdf_files(const InputFiles& files) {
    for (const std::string& folder : folders_on_disk(files))
        for (const std::string& name : files.list(folder))
            if (is_pdf_name(name)) return true;
    return false;
}

void start_reading_attachments(const InputFiles& files, UnfinishedAttachments& unfinished) {
    if (!unfinished.pdfs) unfinished.pdfs = std::make_unique<PdfReading>(std::thread::hardware_concurrency() > 1);
    // A reader started early for this meeting (attach::EarlyReader) was started because its
    // folders hold a PDF file: they are not listed again to find one.
    if (attach::early_reader_waiting() || holds_pdf_files(files)) unfinished.pdfs->queue.start_reader_early();
}

void finish_attachments(model::Meeting& meeting, UnfinishedAttachments& unfinished, const InputFiles& files,
                        Diagnostics& diags) {
    if (!unfinished.pdfs) return;
    finish_pdf_attachments(*unfinished.pdfs, meeting.items, files.totals(), diags);
    unfinished.pdfs.reset();
}

std::optional<model::Meeting> load_meeting(const InputFiles& files, const std::string& meeting_id,
                                           Diagnostics& diags, UnfinishedAttachments* unfinished) {
    auto file = load_text_file(files, "meeting.txt", diags);
    if (!file) return std::nullopt;
    const auto keys = parse_key_values(*file, 1, static_cast<int>(file->lines.size()) + 1, diags);
    check_keys(keys, kMeetingKeys, file->loc(1), "meeting.txt", diags);  // a file name: not translated

    model::Meeting meeting;
    meeting.id = meeting_id;
    meeting.locs.corrected = file->loc(1);
    std::vector<const KeyValue*> item_keys;
    std::vector<const KeyValue*> shared_keys;
    // The text fields, each kept with where it was written.
    const struct {
        const char* key;
        std::string* value;
        SourceLoc* loc;
    } text_fields[] = {{"organisation", &meeting.organisation, &meeting.locs.organisation},
                       {"organ", &meeting.body, &meeting.locs.body},
                       {"titel", &meeting.title, &meeting.locs.title},
                       {"tidspunkt", &meeting.time, &meeting.locs.time},
                       {"sted", &meeting.place, &meeting.locs.place}};
    for (const KeyValue& kv : keys) {
        bool text_field = false;
        for (const auto& f : text_fields) {
            if (kv.key != f.key) continue;
            *f.value = kv.value;
            *f.loc = kv.value_loc;
            text_field = true;
            warn_placeholder(kv, diags);
        }
        if (text_field) continue;
        if (kv.key == "punkt") item_keys.push_back(&kv);
        else if (kv.key == "delt") shared_keys.push_back(&kv);
        else if ((kv.key == "dato" || kv.key == "rettet") && !kv.value.empty()) {
            // "rettet:" dates a corrected version (README, "Corrections"); a build that makes none ignores it.
            model::Date& date = kv.key == "dato" ? meeting.date : meeting.corrected;
            if (kv.key == "rettet") meeting.locs.corrected = kv.value_loc;
            if (auto d = parse_iso_date(kv.value)) date = *d;
            else diags.error(kv.value_loc, fmt(_("the date must be written YYYY-MM-DD, e.g. 2023-09-14, and exist; found {}"),
                                               quote_text(kv.value)), kv.line);
        }
    }

    // Who owns which part of the folder is settled before any item is read, so each item reads
    // through an ItemFiles that knows every other item's folder.
    FileOwners owners;
    for (const KeyValue* kv : shared_keys) {
        const std::string name = folder_name(kv->value);
        if (name.empty()) continue;
        std::string why;
        std::optional<std::string> real;
        if (auto unsafe = unsafe_path_reason(name)) why = *unsafe;
        else if (!files.exists(name)) why = fmt(_("there is no such file or folder ({})"), files.display(name));
        else real = files.real_path(name, &why);
        if (real) {
            if (auto overlap = owners.add({name, *real, kv->value_loc, true})) {
                diags.error(kv->value_loc, *overlap, kv->line);
                continue;
            }
        } else {
            diags.error(kv->value_loc, fmt(_("cannot share {}: {}"), quote_text(name), why), kv->line);
        }
    }
    std::vector<std::pair<const KeyValue*, FileOwner>> listed;
    std::map<std::string, SourceLoc> folders;
    std::set<std::string> folders_real;
    for (const KeyValue* kv : item_keys) {
        if (kv->value.empty()) continue;
        const std::string folder = folder_name(kv->value);
        if (auto why = unsafe_path_reason(folder)) {
            diags.error(kv->value_loc, fmt(_("cannot use the item folder {}: {}"), quote_text(folder), *why), kv->line);
            continue;
        }
        if (folders.count(folder)) {
            diags.error(kv->value_loc, fmt(_("the item folder {} is listed twice"), quote_text(folder)), kv->line);
            continue;
        }
        folders[folder] = kv->value_loc;
        std::string why;
        const bool is_folder = files.is_directory(folder);
        // Asked also of what is not a folder there, for the reason: a link that leads outside the
        // meeting folder is refused, which is not the same as missing.
        const auto real = files.real_path(folder, &why);
        if (!why.empty()) {
            diags.error(kv->value_loc, fmt(_("cannot use the item folder {}: {}"), quote_text(folder), why), kv->line);
            continue;
        }
        if (!real || !is_folder) {
            diags.error(kv->value_loc,
                        fmt(_("there is no item folder {} ({}){}"), quote_text(folder), files.display(folder),
                            did_you_mean(folder, folders_on_disk(files))),
                        kv->line);
            continue;
        }
        folders_real.insert(*real);
        FileOwner owner{folder, *real, kv->value_loc, false};
        if (auto overlap = owners.add(owner)) {
            diags.error(kv->value_loc, *overlap, kv->line);
            continue;
        }
        listed.emplace_back(kv, std::move(owner));
    }

    warn_unlisted_items(files, folders, folders_real, shared_keys, item_keys, *file, diags);

    std::map<int, SourceLoc> numbers;  // item number -> where it was first given
    const FileAliases aliases(files, owners);  // shared by all items, so the folders are walked once
    // PDF attachments are cleaned on a second core while the items' text is read.
    // A build made the queue, and started its reader, before it took its lock; otherwise now.
    UnfinishedAttachments reading;
    if (unfinished && unfinished->pdfs) reading = std::move(*unfinished);
    else start_reading_attachments(files, reading);
    PdfReading& pdfs = *reading.pdfs;
    for (const auto& [kv, owner] : listed) {
        if (!count_for_meeting(files.totals(), &ReadTotals::items, 1, kMaxMeetingItems, N_("agenda items"), kv->value_loc,
                               diags))
            break;
        const ItemFiles item_files(files, owners, aliases, owner);
        const size_t pending_before = pdfs.pending.size();
        auto item = read_item(item_files, owner.name, kv->value_loc, pdfs, diags);
        size_t index = PendingPdf::kLeftOut;
        if (item) {
            if (auto it = numbers.find(item->number); it != numbers.end()) {
                diags.error(item->loc, fmt(_("item number {} is used twice: also in {}:{}"), item->number, it->second.file,
                                           it->second.line));
            } else {
                // The agenda prints the items in the order of the punkt: lines, whatever their
                // numbers: an item numbered below one listed before it ("8" after "11", a late item
                // given its place by number but not by line) would print out of order.
                if (const int before = numbers.empty() ? 0 : numbers.rbegin()->first; before > item->number)
                    diags.warning(kv->value_loc,
                                  fmt(_("item {0} ({1}) is listed after item {2}: the agenda prints the items in the order "
                                        "of the \"punkt:\" lines, so {0} would come after {2}; move this line up, or "
                                        "correct the item's number"),
                                      item->number, quote_text(owner.name), before),
                                  kv->line);
                numbers[item->number] = item->loc;
                index = meeting.items.size();
                meeting.items.push_back(std::move(*item));
            }
        }
        for (size_t k = pending_before; k < pdfs.pending.size(); ++k) pdfs.pending[k].item = index;
    }
    if (unfinished) *unfinished = std::move(reading);
    else finish_attachments(meeting, reading, files, diags);
    // With errors, the meeting is still returned (without the items that could not be read), so
    // computing it lists the mistakes it finds too; it is never printed.
    return meeting;
}

}  // namespace boardpack::input
