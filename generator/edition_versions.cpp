#include "edition_versions.hpp"
#include "versions/typed_since.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

#include "model/attachment_file.hpp"
#include "publish/manifest.hpp"

namespace fs = std::filesystem;

namespace boardpack {

namespace {

// A published snapshot: nullopt if there is none; an error (reported) if it cannot be read.
std::optional<versions::Snapshot> read_published(const fs::path& file, bool* broken, Diagnostics& diags) {
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string why;
    auto s = in ? versions::read_snapshot(text.str(), &why) : std::nullopt;
    if (!s) {
        if (why.empty()) why = _("cannot be read");
        diags.error({file.string(), 0, 0},
                    fmt(_("the published version's snapshot is damaged ({}); the next version cannot be compared with it: "
                          "move the packet away to start again at version 1"), why));
        *broken = true;
    }
    return s;
}

// Whether an edition published with a snapshot has lost it (deleted or moved by hand): its list
// of files names it, or it keeps earlier versions. Compared with nothing, the next build would
// publish the corrected figures as version 1 over the version the board has read, with no
// rettelsesblad and the old version gone (a review). An error (reported); a packet from before
// snapshots, which has neither, is version 1 as before.
bool snapshot_lost(const fs::path& edition, const std::string& file, Diagnostics& diags) {
    std::error_code ec;
    bool listed = false;
    if (std::ifstream in{edition / publish::manifest_file(edition.filename().string()), std::ios::binary}) {
        std::ostringstream text;
        text << in.rdbuf();
        if (const auto files = publish::parse_manifest(text.str())) listed = files->count(file) > 0;
    }
    if (!listed && !fs::is_directory(edition / "versioner", ec)) return false;
    diags.error({(edition / file).string(), 0, 0},
                fmt(_("the published version's snapshot is missing, though the packet was published with one; the next "
                      "version cannot be compared with it, and would replace the version the board has read: put the "
                      "snapshot back (from a backup), or move the packet away to start again at version 1")));
    return true;
}

// How many days before its meeting a correction may be dated without a warning: a packet goes
// out a week or two before the meeting.
constexpr long kCorrectionDaysBefore = 31;

// SOURCE_DATE_EPOCH as a date (UTC), or year 0 if it is not set or not a number.
model::Date source_date() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch) return {};
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end != '\0' || seconds < 0) return {};
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return {};
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// A month or day as two digits.
std::string two(int n) {
    std::string digits = std::to_string(n);
    if (n < 10) digits.insert(digits.begin(), '0');  // (GCC 12 warned of "0" + a string: -Wrestrict)
    return digits;
}

// The pointers one edition's comparison marks.
std::set<const void*> marked(const versions::Comparison& c) {
    std::set<const void*> out;
    for (const void* p : c.items) out.insert(p);
    for (const void* p : c.cells) out.insert(p);
    for (const void* p : c.figures) out.insert(p);
    for (const void* p : c.blocks) out.insert(p);
    return out;
}

// The model's parts a snapshot has entries for (its items, cells, texts and their figures), sorted.
std::vector<const void*> shown_parts(const versions::Snapshot& s) {
    std::vector<const void*> out;
    for (const auto& i : s.items)
        if (i.item) out.push_back(i.item);
    for (const auto& c : s.cells) out.push_back(c.cell);
    for (const auto& t : s.texts) {
        if (t.block) out.push_back(t.block);
        out.insert(out.end(), t.figures.begin(), t.figures.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.shrink_to_fit();
    return out;
}

}  // namespace

versions::PrintedWords printed_words(const render::Wording& wording) {
    versions::PrintedWords out;
    for (int k = 0; k < model::kSectionCount; ++k) {
        const auto kind = static_cast<model::SectionKind>(k);
        out.sections[model::section_title(kind)] = wording.section_title(kind);
    }
    // As written, {nummer}, {titel} and {kilde} left for the snapshot to fill in.
    out.figure = wording.get("figur");
    out.table = wording.get("tabel");
    out.source = wording.get("kilde");
    out.struck = wording.get("overstreget-i-teksten");
    out.order = wording.get("rettet-raekkefoelge");
    out.unit = wording.get("rettet-enhed");
    out.row_name = wording.get("rettet-raekkenavn");
    out.source_figure = wording.get("rettet-kildens-tal");
    out.label_heading = wording.get("rettet-forspalte");
    out.link = wording.get("rettet-lenke");
    return out;
}

std::optional<publish::LegacyEdition> legacy_edition(const fs::path& snapshot) {
    std::ifstream in(snapshot, std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    const std::string text = read.str();
    std::string why;
    const auto s = in ? versions::read_snapshot(text, &why) : std::nullopt;
    if (!s) return std::nullopt;
    publish::LegacyEdition out;
    out.version = s->version;
    // A PDF attachment has its fingerprint in the snapshot, a Markdown one an empty field; a
    // snapshot from before the fingerprints has five fields to a "bilag" record, not six, and
    // then any attachment may have had its own file.
    bool fingerprints = true;
    for (size_t at = 0; at < text.size();) {
        const size_t end = std::min(text.find('\n', at), text.size());
        if (text.compare(at, 6, "bilag\t") == 0 && std::count(text.begin() + static_cast<std::ptrdiff_t>(at),
                                                                text.begin() + static_cast<std::ptrdiff_t>(end), '\t') < 5)
            fingerprints = false;
        at = end + 1;
    }
    for (const versions::AttachmentEntry& a : s->attachments)
        if (!fingerprints || !a.content.empty()) out.attachment_files.insert(model::attachment_file(a.item, a.number, a.title));
    return out;
}

bool decide_version(model::Meeting& meeting, const fs::path& published, const versions::PrintedWords& printed, int e,
                    EditionVersion& v, Diagnostics& diags) {
    const model::Edition edition = e == 0 ? model::Edition::Offentlig : model::Edition::Lukket;
    const std::string folder = model::edition_folder(edition);
    const std::string file = versions::snapshot_file(folder);
    v.snapshot = versions::take_snapshot(meeting, edition, printed);
    if (edition == model::Edition::Offentlig) v.shown_parts = shown_parts(v.snapshot);
    bool broken = false;
    const auto before = read_published(published.empty() ? fs::path() : published / folder / file, &broken, diags);
    if (broken) return false;
    if (!before && !published.empty() && snapshot_lost(published / folder, file, diags)) return false;
    // The closed edition holds every item: its published version is what the typed numbers left
    // unquoted are compared with (typed_since.hpp); then they go.
    if (edition == model::Edition::Lukket) {
        if (before) versions::warn_stale_typed_numbers(meeting, *before, v.snapshot, diags);
        for (model::AgendaItem& item : meeting.items) std::vector<model::TypedNumber>().swap(item.typed_numbers);
    }
    if (!before) return true;  // the first publication (or a packet from before snapshots): version 1
    bool ok = true;
    v.published = before->version;
    if (versions::same_content(*before, v.snapshot)) {
        // Nothing changed: the published version again, marked as it was against the one before.
        v.fresh = false;
        v.snapshot.version = before->version;
        v.snapshot.date = before->date;
        v.snapshot.published = before->published;
        // A published snapshot from before links' addresses were kept stays without them (its
        // bytes as they were); the next correction keeps them.
        if (!versions::keeps_links(*before)) {
            std::vector<versions::LinkEntry>().swap(v.snapshot.links);
            std::erase_if(v.snapshot.fields, [](const auto& f) { return f.first == versions::kLinksField; });
        }
        // The formulas as the published snapshot wrote them where they are written in another
        // form only (canonical_formula), so the snapshot's bytes stay as they were; a formula
        // rewritten to compute the same figures otherwise (same_content) is kept as it is now,
        // so a later correction finds the causes of its figures.
        for (size_t i = 0; i < v.snapshot.cells.size(); ++i) {
            std::string& now = v.snapshot.cells[i].formula;
            const std::string& was = before->cells[i].formula;
            if (now != was && versions::canonical_formula(now) == versions::canonical_formula(was)) now = was;
        }
        for (size_t i = 0; i < v.snapshot.texts.size(); ++i) {
            // A picture's caption the published snapshot recorded as words (from before
            // captions quoted their figures, versions::with_quoted_captions) stays so. A figure
            // typed where it was quoted, or quoted where it was typed, is recorded as now written,
            // so a later correction finds the causes of its figures.
            if (v.snapshot.texts[i].expressions.size() != before->texts[i].expressions.size()) {
                if (!before->texts[i].expressions.empty() || !v.snapshot.texts[i].block ||
                    v.snapshot.texts[i].block->kind != model::Block::Kind::Image)
                    continue;
                v.snapshot.texts[i].text = before->texts[i].text;
                v.snapshot.texts[i].expressions.clear();
                v.snapshot.texts[i].figures.clear();
                continue;
            }
            for (size_t k = 0; k < v.snapshot.texts[i].expressions.size(); ++k) {
                std::string& now = v.snapshot.texts[i].expressions[k];
                const std::string& was = before->texts[i].expressions[k];
                if (now != was && versions::canonical_expression(now) == versions::canonical_expression(was)) now = was;
            }
        }
        if (before->version > 1) {
            const std::string n = std::to_string(before->version - 1);
            fs::path older = published / folder / "versioner" / n / file;
            std::error_code ec;
            // A public version withdrawn when an item in it was made confidential (build.cpp).
            if (!fs::exists(older, ec)) older = published / "lukket" / "tilbagetrukket" / folder / "versioner" / n / file;
            const auto previous = read_published(older, &broken, diags);
            if (broken) ok = false;
            if (previous) {
                v.comparison = versions::compare(*previous, v.snapshot, printed.sections, printed.table, printed.order, printed.unit,
                                             printed.row_name, printed.source_figure, printed.label_heading, printed.link);
                v.changes.previous = {previous->version, previous->date};
            }
        }
    } else {
        v.snapshot.version = before->version + 1;
        v.snapshot.date = meeting.corrected.year ? meeting.corrected : source_date();
        // A correction is dated after (or on the day of) the version it corrects: an old
        // "rettet:" line left from an earlier correction would otherwise date this one.
        const auto day = [](const model::Date& d) { return d.year * 10000 + d.month * 100 + d.day; };
        if (v.snapshot.date.year && before->date.year && day(v.snapshot.date) < day(before->date)) {
            diags.error(meeting.locs.corrected,
                        fmt(_("the correction's date {}-{}-{} is before that of version {} of the {} edition, which "
                              "it corrects ({}-{}-{}); write this correction's date on the \"rettet:\" line"),
                            v.snapshot.date.year, two(v.snapshot.date.month), two(v.snapshot.date.day), before->version,
                            folder, before->date.year, two(before->date.month), two(before->date.day)));
            ok = false;
        }
        v.comparison = versions::compare(*before, v.snapshot, printed.sections, printed.table, printed.order, printed.unit,
                                         printed.row_name, printed.source_figure, printed.label_heading, printed.link);
        v.changes.previous = {before->version, before->date};
        // The public versions before stay published, with what they showed, unless an item
        // is now confidential: then they are withdrawn (build.cpp), and only this one is left.
        if (edition == model::Edition::Offentlig && v.comparison.now_confidential.empty())
            v.snapshot.published.merge(versions::shown_folders(*before));
        // This version's rettelsesblad prints the title of each public item taken off the
        // agenda ("Punkt 3 er taget af dagsordenen: ..."): it has published that item as much
        // as a version that shows it, and is withdrawn too should it come back confidential.
        if (edition == model::Edition::Offentlig) {
            std::set<std::string> now;
            for (const versions::ItemEntry& i : v.snapshot.items)
                if (!i.folder.empty()) now.insert(i.folder);
            for (const versions::ItemEntry& i : before->items)
                if (i.shown && !i.folder.empty() && !now.count(i.folder)) v.snapshot.published.insert(i.folder);
        }
    }
    v.changes.figures = v.comparison.changes.figures;
    v.changes.texts = v.comparison.changes.texts;
    v.changes.parts = v.comparison.changes.parts;
    v.changes.version = {v.snapshot.version, v.snapshot.date};
    if (edition == model::Edition::Offentlig && v.fresh) {
        for (int number : v.comparison.now_confidential) {
            SourceLoc where{"meeting.txt", 0, 0};
            for (const model::AgendaItem& item : meeting.items)
                if (item.number == number) where = item.loc;
            // TRANSLATORS: {0} is the item's number now, {1} the public edition's latest version.
            diags.warning(where, fmt(_("item {} is now confidential, but the public edition published its content "
                                       "(in version {} or an earlier one); the new public version says only that "
                                       "the item is now confidential, and the earlier public versions are now kept "
                                       "only in the closed edition (lukket/tilbagetrukket/), but whoever has one "
                                       "of them keeps what it said"),
                                     number, before->version));
        }
    }
    return ok;
}

bool versions_dated(const model::Meeting& meeting, const EditionVersion (&v)[2], Diagnostics& diags) {
    std::string undated;  // the new versions that need a date: "offentlig version 2, lukket version 2"
    for (int e = 0; e < 2; ++e)
        if (v[e].fresh && v[e].published > 0 && v[e].snapshot.date.year == 0)
            undated += (undated.empty() ? "" : ", ") +
                       fmt(_("{} version {}"), model::edition_folder(e == 0 ? model::Edition::Offentlig : model::Edition::Lukket),
                           v[e].snapshot.version);
    if (undated.empty()) {
        // A date a month or more before the meeting is no correction's: a packet goes out before
        // its meeting, and is corrected after that ("rettet: 2021-01-01" left from another
        // meeting, SOURCE_DATE_EPOCH=1 printed "rettet 1. januar 1970"; a review). Printed on
        // every page, so said once, at the line, as a warning.
        for (int e = 0; e < 2; ++e) {
            const model::Date& d = v[e].snapshot.date;
            if (!v[e].fresh || v[e].published == 0 || d.year == 0 || meeting.date.year == 0) continue;
            if (model::day_number(d) + kCorrectionDaysBefore >= model::day_number(meeting.date)) break;
            diags.warning(meeting.locs.corrected,
                          fmt(_("the correction's date {}-{}-{} is more than a month before the meeting ({}-{}-{}), "
                                "before the packet it corrects went out; it is printed on every page: check the "
                                "\"rettet:\" line (or SOURCE_DATE_EPOCH)"),
                              d.year, two(d.month), two(d.day), meeting.date.year, two(meeting.date.month),
                              two(meeting.date.day)));
            break;
        }
        return true;
    }
    diags.error(meeting.locs.corrected,
                fmt(_("this build changes the packet published before, so it makes a new version ({}): give the "
                      "correction's date with a line \"rettet: YYYY-MM-DD\" in meeting.txt (or set SOURCE_DATE_EPOCH); "
                      "boardpack never takes it from the clock"),
                    undated));
    return false;
}

bool decide_versions(model::Meeting& meeting, const fs::path& published, const versions::PrintedWords& printed,
                     bool need_date, EditionVersion (&out)[2], Diagnostics& diags) {
    bool ok = true;
    for (int e = 0; e < 2; ++e) ok = decide_version(meeting, published, printed, e, out[e], diags) && ok;
    return (!need_date || versions_dated(meeting, out, diags)) && ok;
}

bool marks_agree(const EditionVersion (&v)[2]) {
    // The public snapshot's entries are the public items' parts: the closed edition's marks among
    // them must be the public edition's.
    const std::vector<const void*>& public_parts = v[0].shown_parts;
    const std::set<const void*> pub = marked(v[0].comparison);
    std::set<const void*> closed;
    for (const void* p : marked(v[1].comparison))
        if (std::binary_search(public_parts.begin(), public_parts.end(), p)) closed.insert(p);
    return pub == closed;
}

namespace {

// The items of the text changes `counted` picks, in the order they come: "19", "5 and 19".
std::string items_of(const model::Changes& c, bool (*counted)(const model::TextChange&), unsigned long& n) {
    std::vector<int> items;
    n = 0;
    for (const model::TextChange& t : c.texts)
        if (counted(t)) {
            ++n;
            if (std::find(items.begin(), items.end(), t.item) == items.end()) items.push_back(t.item);
        }
    std::string list;
    for (size_t i = 0; i < items.size(); ++i) list += (i ? (i + 1 == items.size() ? _(" and ") : ", ") : "") + std::to_string(items[i]);
    return list;
}

bool in_details(const model::TextChange& t) { return t.item == 0; }
bool a_paragraph(const model::TextChange& t) { return t.item != 0 && t.paragraph; }
bool a_number(const model::TextChange& t) { return t.item != 0 && t.renumbered; }
bool a_status(const model::TextChange& t) { return t.item != 0 && t.status; }
bool another(const model::TextChange& t) { return t.item != 0 && !t.paragraph && !t.renumbered && !t.status; }

// "{} paragraphs in items {}": the pattern for n changes of a kind, in one item or several.
const char* paragraphs(unsigned long n, bool several) {
    return several ? tr_n("{} paragraph in items {}", "{} paragraphs in items {}", n)
                   : tr_n("{} paragraph in item {}", "{} paragraphs in item {}", n);
}
const char* other_changes(unsigned long n, bool several) {
    return several ? tr_n("{} other change in items {}", "{} other changes in items {}", n)
                   : tr_n("{} other change in item {}", "{} other changes in item {}", n);
}

// The text changes by kind: a renumbered item or a changed status is no paragraph (a probe's
// renumbering was "3 paragraphs in items 8, 9 and 11").
void text_parts(const model::Changes& c, std::vector<std::string>& parts) {
    const auto counted = [&](bool (*kind)(const model::TextChange&), const char* (*pattern)(unsigned long, bool)) {
        unsigned long n = 0;
        const std::string list = items_of(c, kind, n);
        if (n) parts.push_back(fmt(pattern(n, list.find_first_not_of("0123456789") != std::string::npos), n, list));
    };
    unsigned long n = 0;
    items_of(c, in_details, n);
    if (n) parts.push_back(fmt(tr_n("{} change in the meeting's details", "{} changes in the meeting's details", n), n));
    counted(a_paragraph, paragraphs);
    std::string list = items_of(c, a_number, n);
    if (n) parts.push_back(fmt(tr_n("item {} renumbered", "items {} renumbered", n), list));
    list = items_of(c, a_status, n);
    if (n) parts.push_back(fmt(tr_n("status of item {} changed", "status of items {} changed", n), list));
    counted(another, other_changes);
}

}  // namespace

std::string change_summary(const model::Changes& c) {
    int inputs = 0, derived = 0;
    for (const model::FigureChange& f : c.figures) (f.input ? inputs : derived) += 1;
    std::vector<std::string> parts;
    if (inputs) parts.push_back(fmt(tr_n("{} input figure", "{} input figures", inputs), inputs));
    if (derived) parts.push_back(fmt(tr_n("{} derived figure", "{} derived figures", derived), derived));
    text_parts(c, parts);
    unsigned long replaced = 0;
    for (const model::PartChange& p : c.parts)
        if (p.kind == model::PartChange::Kind::AttachmentReplaced || p.kind == model::PartChange::Kind::PictureReplaced)
            ++replaced;
    if (const unsigned long other = c.parts.size() - replaced)
        parts.push_back(fmt(tr_n("{} item, table or attachment added, removed or made confidential",
                                 "{} items, tables or attachments added, removed or made confidential", other),
                            other));
    if (replaced)
        parts.push_back(fmt(tr_n("{} attachment or picture replaced by another file",
                                 "{} attachments or pictures replaced by another file", replaced),
                            replaced));
    if (parts.empty()) return _("no figure or text changed");
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
}

std::string word_difference(const std::vector<model::DiffWord>& words) {
    using Kind = model::DiffWord::Kind;
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        const Kind k = words[i].kind;
        const bool opens = k != Kind::Same && (i == 0 || words[i - 1].kind != k);
        const bool closes = k != Kind::Same && (i + 1 == words.size() || words[i + 1].kind != k);
        if (i) out += ' ';
        out += opens ? (k == Kind::Removed ? "[-" : "{+") : "";
        out += words[i].text;
        out += closes ? (k == Kind::Removed ? "-]" : "+}") : "";
    }
    return out;
}

void print_changes(const EditionVersion& v, const std::string& edition, std::ostream& out) {
    if (v.published == 0) {
        out << fmt(_("{}: not published yet; a build makes version 1\n"), edition);
        return;
    }
    if (!v.fresh) {
        out << fmt(_("{}: no change since version {}\n"), edition, v.published);
        return;
    }
    const model::Changes& c = v.changes;
    out << fmt(_("{}: version {} would become version {}: {}\n"), edition, v.published, v.snapshot.version, change_summary(c));
    auto where = [](const model::FigureChange& f) {
        if (!f.calculation.empty()) return fmt(_("item {}, calculation {}, value {}"), f.item, f.calculation, f.row);
        if (f.table && !f.formula_of.empty())
            return fmt(_("item {}, table {} ({}), the formula for {}"), f.item, f.table, f.table_title, f.formula_of);
        return f.table ? fmt(_("item {}, table {} ({}), {} / {}"), f.item, f.table, f.table_title, f.row, f.column)
                       : fmt(_("item {}, {}, figure in the text"), f.item, f.section);
    };
    for (const model::FigureChange& f : c.figures) {
        // An empty cell as "(empty)", never "-", which a cell may print: an empty cell corrected
        // to "-" was "- -> -", where the rettelsesblad says "tilføjet, -".
        const std::string before = f.before.empty() ? _("(empty)") : f.before, after = f.after.empty() ? _("(empty)") : f.after;
        out << (f.cause >= 0 ? "    " : "  ") << where(f) << ": " << before << " -> " << after
            << (f.input ? _(" (input)") : f.cause >= 0 ? "" : _(" (derived)")) << "\n";
    }
    for (const model::TextChange& t : c.texts) {
        out << "  " << (t.item ? fmt(_("item {}, {}"), t.item, t.section.empty() ? _("heading") : t.section)
                               : fmt(_("the meeting's {}"), t.section))
            // The same words spaced otherwise (a paragraph made a code block): said, as no word is marked.
            << (t.respaced ? _(" (the same words with other spaces or line breaks)") : "")
            << ": " << word_difference(t.words) << "\n";
    }
    for (const model::PartChange& p : c.parts) {
        const char* what = "";
        switch (p.kind) {
            case model::PartChange::Kind::ItemAdded: what = _("item added"); break;
            case model::PartChange::Kind::ItemRemoved: what = _("item removed"); break;
            case model::PartChange::Kind::ItemNowConfidential: what = _("item now confidential"); break;
            case model::PartChange::Kind::TableAdded: what = _("table added"); break;
            case model::PartChange::Kind::TableRemoved: what = _("table removed"); break;
            case model::PartChange::Kind::AttachmentAdded: what = _("attachment added"); break;
            case model::PartChange::Kind::AttachmentRemoved: what = _("attachment removed"); break;
            case model::PartChange::Kind::AttachmentReplaced: what = _("attachment replaced by another file"); break;
            case model::PartChange::Kind::PictureReplaced: what = _("picture replaced by another file"); break;
        }
        out << "  " << fmt(_("item {}: {}"), p.item, what) << (p.title.empty() ? "" : ": " + p.title) << "\n";
    }
}

}  // namespace boardpack
