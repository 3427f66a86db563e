#include "input/item_reader.hpp"
#include "input/image_reader.hpp"
#include "core/messages.hpp"
#include "input/braced_figures.hpp"

#include "attach/pdf_attachment.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/key_values.hpp"
#include "core/skeleton_placeholders.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "core/text_file.hpp"
#include "input/chart_reader.hpp"
#include "input/formula_reader.hpp"
#include "input/markdown_reader.hpp"
#include "input/table_reader.hpp"
#include "model/anchors.hpp"

namespace boardpack::input {

using model::AgendaItem;
using model::Block;
using model::SectionKind;

namespace {

// A case number as the case system writes it: "EMN-", a four-digit year, "-", five digits.
bool is_case_number(const std::string& text) {
    if (text.size() != 14 || text.compare(0, 4, "EMN-") != 0 || text[8] != '-') return false;
    for (size_t i = 4; i < text.size(); ++i)
        if (i != 8 && (text[i] < '0' || text[i] > '9')) return false;
    return true;
}

const std::vector<KeySpec> kItemKeys = {
    {"nummer", true, false},        {"status", true, false},     {"titel", true, false},
    {"sagsbehandler", true, false}, {"sagsnummer", true, false}, {"bilag", false, true},
};

std::optional<SectionKind> section_by_name(const std::string& folded) {
    // The titles folded once, not for every heading of every item.
    static const std::array<std::string, model::kSectionCount> titles = [] {
        std::array<std::string, model::kSectionCount> t;
        for (int k = 0; k < model::kSectionCount; ++k) t[static_cast<size_t>(k)] = fold_label(model::section_title(static_cast<SectionKind>(k)));
        return t;
    }();
    for (int k = 0; k < model::kSectionCount; ++k)
        if (folded == titles[static_cast<size_t>(k)]) return static_cast<SectionKind>(k);
    if (folded == "resume") return SectionKind::Resume;
    if (folded == "oekonomi") return SectionKind::Oekonomi;
    return std::nullopt;
}

std::string known_sections() {
    std::string s;
    for (int k = 0; k < model::kSectionCount; ++k)
        s += std::string(k ? ", " : "") + model::section_title(static_cast<SectionKind>(k));
    return s;
}

std::vector<std::string> section_titles() {
    std::vector<std::string> titles;
    for (int k = 0; k < model::kSectionCount; ++k) titles.emplace_back(model::section_title(static_cast<SectionKind>(k)));
    return titles;
}

const std::vector<KeySpec> kCalculationKeys = {{"navn", true, false}, {"værdi", true, true}, {"mangler", false, false}};

std::string first_word(const std::string& info) { return info.substr(0, info.find(' ')); }

// The block type a fenced block that boardpack does not handle was probably meant to be: its
// info string is a near miss ("tabell", "beregninger"), or its lines are all "key: value" lines
// with a table's or calculation's keys. nullopt for ordinary code.
std::optional<std::string> meant_block(const std::string& info, const std::string& body) {
    if (auto near = nearest_name(first_word(info), {"tabel", "beregning"})) return near;
    bool any = false, calculation = false;
    for (const Line& l : split_lines(body)) {
        const std::string_view t = trim(l.text);
        if (t.empty() || t[0] == '#') continue;
        const size_t colon = t.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const std::string key = fold_label(t.substr(0, colon));
        const auto known = [&](const std::vector<KeySpec>& spec) {
            return std::any_of(spec.begin(), spec.end(), [&](const KeySpec& k) { return key == k.key; });
        };
        if (known(kCalculationKeys) && !known(table_keys())) calculation = true;
        else if (!known(table_keys()) && !known(kCalculationKeys)) return std::nullopt;
        any = true;
    }
    if (!any) return std::nullopt;
    return calculation ? "beregning" : "tabel";
}

// Where a value's name holds a word the formula language reads as an operator when it stands
// between spaces ("x" and "×" multiply, "+ - * /", ".." a range), and that word; npos if none.
// Such a value could not be named bare in the formulas below it ("y = x + 1" reads "x" as "*").
std::pair<size_t, std::string> operator_in_name(const std::string& name) {
    static const char* const kOperators[] = {"x", "\xC3\x97", "+", "-", "*", "/", ".."};
    for (size_t i = 0; i < name.size();) {
        while (i < name.size() && (name[i] == ' ' || name[i] == '\t')) ++i;
        size_t j = i;
        while (j < name.size() && name[j] != ' ' && name[j] != '\t') ++j;
        const std::string_view word = std::string_view(name).substr(i, j - i);
        for (const char* op : kOperators)
            if (!word.empty() && word == op) return {i, std::string(word)};
        i = j;
    }
    return {std::string::npos, ""};
}

// A ```beregning block: "navn: kontingent" and "værdi: sats-2024 = ..." lines.
std::optional<model::Calculation> read_calculation(const std::vector<KeyValue>& keys, const SourceLoc& fence,
                                                   Diagnostics& diags) {
    const int errors_before = diags.error_count();
    check_keys(keys, kCalculationKeys, fence, _("the beregning block"), diags);
    model::Calculation c;
    c.loc = fence;
    for (const KeyValue& kv : keys) {
        if (kv.key == "navn") {
            c.name = fold_label(kv.value);
            c.name_loc = kv.value_loc;
        } else if (kv.key == "mangler") {
            c.missing_passes = read_missing_passes(kv, diags);
        } else if (kv.key == "værdi") {
            auto f = read_formula(kv, model::Formula::Kind::Value, diags);
            if (!f) continue;
            if (const auto [at, op] = operator_in_name(f->target); at != std::string::npos) {
                SourceLoc l = kv.value_loc;
                const size_t value_byte = kv.line.find(kv.value);
                const size_t name_byte = kv.value.find(f->target);
                if (value_byte != std::string::npos && name_byte != std::string::npos)
                    l.column = column_of(kv.line, value_byte + name_byte + at);
                const bool times = op == "x" || op == "\xC3\x97";
                const std::string what = times ? _("multiplication, as *") : op == ".." ? _("a range") : _("arithmetic");
                diags.error(l, f->target == op
                                   ? fmt(_("the value name {} is an operator in a formula ({}), so the value could not "
                                           "be used by its name (\"{} + 1\" would not quote it); choose another name"),
                                         quote_text(f->target), what, op)
                                   : fmt(_("the value name {} holds \"{}\" between spaces, which a formula reads as an "
                                           "operator ({}), so the value could not be used by its name; choose another "
                                           "name"),
                                         quote_text(f->target), op, what),
                            kv.line);
                continue;
            }
            c.values.push_back(std::move(*f));
        }
    }
    if (diags.error_count() > errors_before) return std::nullopt;
    return c;
}

// Reads a Markdown text with tables, appending its tables to the item.
std::vector<Block> read_body(const TextFile& file, int first_line, const std::string& folder,
                             const InputFiles& files, AgendaItem& item, int attachment, Diagnostics& diags) {
    MarkdownSource src;
    src.file = file.name;
    src.first_line = first_line;
    src.totals = &files.totals();
    src.typed_numbers = &item.typed_numbers;
    // Its footnotes' notes are places in the packet: "punkt-5-note-1", "punkt-5-bilag-1-note-1"
    // (the attachment's number is its index + 1, model::attachment_anchor's).
    src.note_anchor = model::item_anchor(item) + (attachment < 0 ? "" : "-bilag-" + std::to_string(attachment + 1)) + "-note-";
    src.lines.reserve(file.lines.size());
    for (const Line& l : file.lines) src.lines.push_back(l.text);
    // The text from the first line on, each line ended by "\n": the file's own bytes where they
    // are that already (no "\r", a line end at the end), else the lines written out so.
    const size_t first = static_cast<size_t>(std::max(first_line, 1) - 1);
    const size_t start = first < file.lines.size() ? static_cast<size_t>(file.lines[first].text.data() - file.content.data())
                                                   : file.content.size();
    const std::string_view rest = std::string_view(file.content).substr(start);
    std::string written;
    if (rest.empty() || (rest.back() == '\n' && rest.find('\r') == std::string_view::npos)) {
        src.text = rest;
    } else {
        for (const Line& l : file.lines) {
            if (l.number < first_line) continue;
            written += l.text;
            written += '\n';
        }
        src.text = written;
    }
    // A block that could not be read is remembered by name with its error, so what quotes it
    // is a follow-on of that error, not "there is no table named ...".
    auto unreadable = [&](const std::vector<KeyValue>& keys, size_t before, int follow_ons_before) {
        const KeyValue* name = find_key(keys, "navn");
        const auto root = diags.root_since(before, follow_ons_before);
        if (name && root && !trim(name->value).empty()) item.unreadable.emplace(fold_label(name->value), *root);
    };
    FenceHandler on_fence = [&](const std::string& info, const std::string& body, const SourceLoc& fence, int body_line) {
        const size_t before = diags.size();
        const int follow_ons_before = diags.follow_on_count();
        if (info == "tabel") {
            TableBlock block;
            block.loc = fence;
            block.keys = parse_key_values(body, file.name, body_line, 0, diags);
            auto table = read_table(block, folder, files, diags);
            // A table read with errors (a cell that is not a number, say) is not computed: its
            // formulas would only repeat those errors.
            if (!table || diags.root_since(before, follow_ons_before)) {
                unreadable(block.keys, before, follow_ons_before);
                return kConsumed;
            }
            table->attachment = attachment;
            item.tables.push_back(std::move(*table));
            return static_cast<int>(item.tables.size()) - 1;
        }
        if (info == "beregning") {
            const auto keys = parse_key_values(body, file.name, body_line, 0, diags);
            if (auto calc = read_calculation(keys, fence, diags)) item.calculations.push_back(std::move(*calc));
            else unreadable(keys, before, follow_ons_before);
            return kConsumed;
        }
        if (info == "diagram") {
            const auto keys = parse_key_values(body, file.name, body_line, 0, diags);
            auto chart = read_chart(keys, fence, diags);
            if (!chart) return kConsumed;
            item.charts.push_back(std::move(*chart));
            return chart_fence(static_cast<int>(item.charts.size()) - 1);
        }
        if (auto meant = meant_block(info, body)) {
            diags.error(fence, info.empty() || nearest_name(first_word(info), {"tabel", "beregning"})
                                   ? fmt(_("a ```{0} block would be printed as code; did you mean ```{1}?"), info, *meant)
                                   : fmt(_("a ```{0} block would be printed as code; did you mean ```{1}? (its lines are "
                                           "written like a ```{1} block's)"), info, *meant),
                        file.line_text(fence.line));
            return kConsumed;
        }
        return kNotHandled;
    };
    return read_markdown(src, on_fence, diags);
}

// An attachment's date, "YYYY-MM-DD" (a real calendar day), or nullopt.
std::optional<model::Date> read_date(const std::string& text) {
    int y = 0, m = 0, d = 0;
    char rest = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || text[4] != '-' ||
        text[7] != '-')
        return std::nullopt;
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
    return model::Date{y, m, d};
}

// A PDF attachment is read as untrusted input, checked and cleaned (attach/pdf_attachment.hpp),
// in two steps: its bytes are read and queued here, to be cleaned on another thread; false (with
// an error) if they cannot be read.
bool queue_pdf_attachment(const KeyValue& kv, const std::string& name, const std::string& rel, const InputFiles& files,
                          const AgendaItem& item, PdfReading& pdfs, Diagnostics& diags) {
    std::string why;
    auto content = files.read(rel, &why);
    if (!content) {
        diags.error(kv.value_loc, fmt(_("cannot read the attachment file {} ({}): {}"), quote_text(name), files.display(rel), why),
                    kv.line);
        return false;
    }
    PendingPdf p;
    p.ticket = pdfs.queue.add(std::move(*content), model::is_confidential(item.status));
    p.loc = kv.value_loc;
    p.line = kv.line;
    p.name = name;
    p.display = files.display(rel);
    p.attachment = item.attachments.size();
    pdfs.pending.push_back(std::move(p));
    return true;
}

// A queued PDF attachment's result into `a` (null: its item was left out; the messages still
// count). Every refusal names the "bilag:" line with qpdf's reason.
void finish_pdf_attachment(const PendingPdf& p, attach::Cleaned cleaned, model::Attachment* a, ReadTotals& totals,
                           Diagnostics& diags) {
    if (!cleaned.pdf) {
        diags.error(p.loc, fmt(_("cannot use the attachment file {} ({}): {}"), quote_text(p.name), p.display, cleaned.why),
                    p.line);
        return;
    }
    attach::CleanPdf& clean = *cleaned.pdf;
    if (totals.attachment_pages + static_cast<size_t>(clean.pages) > attach::kMaxPacketAttachmentPages) {
        diags.error(p.loc, fmt(_("the PDF attachments of this meeting would have more than {} pages together; "
                                 "the attachment file {} has {}"),
                               attach::kMaxPacketAttachmentPages, quote_text(p.name), clean.pages),
                    p.line);
        return;
    }
    totals.attachment_pages += static_cast<size_t>(clean.pages);
    if (!clean.removed.empty()) {
        std::string what;
        for (const std::string& w : clean.removed) what += (what.empty() ? "" : ", ") + w;
        diags.note(p.loc, fmt(_("removed from the attachment file {}: {}; the packet and bilag/ carry it without them"),
                              quote_text(p.name), what),
                   p.line);
    }
    if (!clean.tagged)
        diags.warning(p.loc, fmt(_("the attachment file {} ({}) is not a tagged PDF: a screen reader cannot follow it, "
                                   "and the packet PDF that holds it does not claim PDF/UA; save it as a tagged "
                                   "(accessible) PDF"),
                                 quote_text(p.name), p.display),
                      p.line);
    if (!a) return;
    a->pdf_pages = clean.pages;
    a->pdf = std::make_shared<const std::string>(std::move(clean.bytes));
    a->pdf_fingerprint = std::move(clean.fingerprint);
    a->imported = std::move(clean.imported);
}

void read_attachment(const KeyValue& kv, const std::string& folder, const InputFiles& files, AgendaItem& item,
                     PdfReading& pdfs, Diagnostics& diags) {
    if (!count_for_meeting(files.totals(), &ReadTotals::attachments, 1, kMaxMeetingAttachments, N_("attachments (\"bilag:\")"),
                           kv.value_loc, diags))
        return;
    // The fields, split at each "|" outside braces: a figure's options ("{[x] | mio. kr.}") are
    // not fields, and the figure is warned of as one the title prints as written. A "{" never
    // closed splits at every "|".
    const auto split = [&](bool braces) {
        std::vector<std::string> out;
        size_t start = 0;
        int depth = 0;
        for (size_t i = 0; i <= kv.value.size(); ++i) {
            const char ch = i < kv.value.size() ? kv.value[i] : '|';
            if (braces && ch == '{') ++depth;
            if (braces && ch == '}' && depth > 0) --depth;
            if (ch != '|' || (depth > 0 && i < kv.value.size())) continue;
            out.emplace_back(trim(std::string_view(kv.value).substr(start, i - start)));
            start = i + 1;
        }
        return std::make_pair(out, depth == 0);
    };
    auto [parts, closed] = split(true);
    if (!closed) parts = split(false).first;
    if (parts.size() < 2 || parts.size() > 4 || parts[0].empty() || parts[1].empty()) {
        diags.error(kv.value_loc, _("write an attachment as \"bilag: title | document id\", \"bilag: title | document id | "
                                    "file\" or \"bilag: title | document id | file | YYYY-MM-DD\""),
                    kv.line);
        return;
    }
    model::Attachment a;
    a.number = static_cast<int>(item.attachments.size()) + 1;
    a.title = parts[0];
    a.document_id = parts[1];
    a.case_number = item.case_number;
    a.loc = kv.loc;
    if (parts.size() == 4) {
        const auto date = read_date(parts[3]);
        if (!date) {
            diags.error(kv.value_loc, fmt(_("the attachment's date {} is not a date written YYYY-MM-DD (e.g. 2023-09-01)"),
                                          quote_text(parts[3])),
                        kv.line);
            return;
        }
        a.date = *date;
    }
    const int index = static_cast<int>(item.attachments.size());
    if (parts.size() >= 3 && !parts[2].empty()) {
        if (auto why = unsafe_path_reason(parts[2], true)) {
            diags.error(kv.value_loc, fmt(_("cannot use the attachment file {}: {}"), quote_text(parts[2]), *why), kv.line);
            return;
        }
        const std::string rel = join_relative(folder, parts[2]);
        if (is_pdf_name(parts[2])) {
            if (!queue_pdf_attachment(kv, parts[2], rel, files, item, pdfs, diags)) return;
            a.file = rel;
            item.attachments.push_back(std::move(a));
            return;
        }
        std::string why;
        auto content = files.read(rel, &why);
        if (!content) {
            diags.error(kv.value_loc, fmt(_("cannot read the attachment file {} ({}): {}"), quote_text(parts[2]),
                                          files.display(rel), why), kv.line);
            return;
        }
        if (attach::looks_like_pdf(*content)) {
            diags.error(kv.value_loc, fmt(_("the attachment file {} is a PDF; name it with .pdf so it is merged into the packet"),
                                          quote_text(parts[2])),
                        kv.line);
            return;
        }
        auto text = make_text_file(rel, files.display(rel), std::move(*content), diags);
        if (!text) return;
        a.content = read_body(*text, 1, folder, files, item, index, diags);
    }
    item.attachments.push_back(std::move(a));
}

// The header: between a first line "---" and the next "---". Returns the closing line's number.
std::optional<int> header_end(const TextFile& file, Diagnostics& diags) {
    if (file.lines.empty() || trim(file.lines[0].text) != "---") {
        diags.error(file.loc(1, 1), _("item.md must start with a header between two \"---\" lines (nummer, status, titel, ...)"),
                    file.line_text(1));
        return std::nullopt;
    }
    for (size_t i = 1; i < file.lines.size(); ++i)
        if (trim(file.lines[i].text) == "---") return file.lines[i].number;
    diags.error(file.loc(1, 1), _("the header that starts here is never closed with a \"---\" line"), file.line_text(1));
    return std::nullopt;
}

// The header's keys into the item; its "bilag:" lines are returned, read once the body is.
std::vector<const KeyValue*> read_header(const std::vector<KeyValue>& keys, AgendaItem& item, Diagnostics& diags) {
    std::vector<const KeyValue*> attachment_keys;
    for (const KeyValue& kv : keys) {
        if (kv.value.empty()) continue;
        if (kv.key == "nummer") {
            item.loc = kv.loc;
            const std::string v(trim(kv.value));
            const bool digits = !v.empty() && v.size() <= 4 && v.find_first_not_of("0123456789") == std::string::npos;
            if (!digits || std::stoi(v) < 1) {
                diags.error(kv.value_loc, fmt(_("the item number must be a whole number from 1 to 9999, found {}"), quote_text(kv.value)),
                            kv.line);
            } else {
                item.number = std::stoi(v);
            }
        } else if (kv.key == "status") {
            const std::string s = fold_label(kv.value);
            if (s == "offentlig") item.status = model::Status::Offentlig;
            else if (s == "fortrolig") item.status = model::Status::Fortrolig;
            else if (s == "lukket") item.status = model::Status::Lukket;
            else diags.error(kv.value_loc, fmt(_("unknown status {}; use Offentlig, Fortrolig or Lukket"), quote_text(kv.value)),
                             kv.line);
        } else if (kv.key == "titel") {
            warn_braced_figure(kv, _("an item's \"titel:\" (the agenda, its heading and bookmark)"), diags);
            item.title = kv.value;
            item.header_locs.title = kv.value_loc;
        } else if (kv.key == "sagsbehandler") {
            item.case_officer = kv.value;
            item.header_locs.case_officer = kv.value_loc;
            warn_placeholder(kv, diags);
        } else if (kv.key == "sagsnummer") {
            item.case_number = kv.value;
            item.header_locs.case_number = kv.value_loc;
            // The skeleton's placeholder is said to be one: in Danish "is not written EMN-ÅÅÅÅ-NNNNN"
            // (YYYY is ÅÅÅÅ) read as a contradiction at "EMN-ÅÅÅÅ-NNNNN".
            if (!kv.value.empty() && !warn_placeholder(kv, diags) && !is_case_number(kv.value))
                diags.warning(kv.value_loc, fmt(_("the case number {} is not written EMN-YYYY-NNNNN (e.g. EMN-2023-00054); "
                                                  "check it against the case"), quote_text(kv.value)),
                              kv.line);
        } else if (kv.key == "bilag") {
            warn_braced_figure(kv, _("an attachment's \"bilag:\" line"), diags);
            attachment_keys.push_back(&kv);
        }
    }
    return attachment_keys;
}

// The section a sub-heading or a paragraph names and nothing else ("## Økonomi", "**Økonomi**",
// "#Økonomi", "Økonomi:"), or nullopt.
std::optional<SectionKind> section_named_alone(const Block& b) {
    size_t bytes = 0;  // longer than any section's name with its marks: not read further
    for (const model::Inline& in : b.inlines) bytes += in.text.size();
    if (bytes > 40) return std::nullopt;
    std::string text = plain_text(b.inlines);
    size_t from = 0, to = text.size();
    while (from < to && (text[from] == '#' || text[from] == ' ' || text[from] == '*')) ++from;
    while (to > from && (text[to - 1] == ':' || text[to - 1] == ' ' || text[to - 1] == '*')) --to;
    if (to - from > 40 || to == from) return std::nullopt;
    return section_by_name(fold_label(text.substr(from, to - from)));
}

// The body, split into the standard sections at its level-1 headings.
void split_sections(std::vector<Block>& blocks, const TextFile& file, AgendaItem& item, Diagnostics& diags) {
    for (int k = 0; k < model::kSectionCount; ++k) {
        model::Section s;
        s.kind = static_cast<SectionKind>(k);
        item.sections.push_back(std::move(s));
    }
    std::vector<bool> seen(model::kSectionCount, false);
    std::vector<std::pair<SectionKind, SourceLoc>> lookalikes;
    model::Section* current = nullptr;
    bool reported_preamble = false;
    for (Block& b : blocks) {
        if (b.kind == Block::Kind::Heading && b.level == 1) {
            reported_preamble = true;
            const std::string name = plain_text(b.inlines);
            const std::string folded = fold_label(name);
            current = nullptr;
            if (folded == "bilag") {
                diags.error(b.loc, _("list attachments in the header with \"bilag: title | document id\" lines, not under a "
                                   "\"# Bilag\" heading"), file.line_text(b.loc.line));
                continue;
            }
            const auto kind = section_by_name(folded);
            if (!kind) {
                const std::string meant = did_you_mean(name, section_titles());
                diags.error(b.loc, meant.empty() ? fmt(_("unknown section {}; the sections are: {}"), quote_text(name), known_sections())
                                                 : fmt(_("unknown section {}{} The sections are: {}"), quote_text(name), meant,
                                                       known_sections()),
                            file.line_text(b.loc.line));
                continue;
            }
            const int k = static_cast<int>(*kind);
            if (seen[static_cast<size_t>(k)]) {
                diags.error(b.loc, fmt(_("the section {} appears twice"), quote_text(name)), file.line_text(b.loc.line));
                continue;
            }
            seen[static_cast<size_t>(k)] = true;
            current = &item.sections[static_cast<size_t>(k)];
            continue;
        }
        if (!current) {
            // Text outside a section: reported once, before the first heading; after an unknown
            // heading it was already reported with the heading.
            if (!reported_preamble) {
                diags.error(b.loc, _("text before the first section heading; start the text with \"# Resumé\""),
                            file.line_text(b.loc.line));
                reported_preamble = true;
            }
            continue;
        }
        // A section's heading written as a sub-heading ("## Økonomi"), a bold line
        // ("**Økonomi**") or without its space ("#Økonomi"): judged below, once the sections
        // written are known.
        if ((b.kind == Block::Kind::Heading || b.kind == Block::Kind::Paragraph) && b.inlines.size() <= 3)
            if (const auto kind = section_named_alone(b)) lookalikes.emplace_back(*kind, b.loc);
        current->blocks.push_back(std::move(b));
    }
    // Its text went under the section before it, and the packet printed "Økonomi: Ingen
    // bemærkninger" above it (a review): an error where that section is not written as one.
    for (const auto& [kind, loc] : lookalikes) {
        if (seen[static_cast<size_t>(kind)]) continue;
        const std::string title = model::section_title(kind);
        diags.error(loc,
                    fmt(_("this line names the section {0} but is not its heading: the text after it goes under the section "
                          "before it, and the packet prints {0} as empty; write \"# {1}\" on a line of its own"),
                        quote_text(title), title),
                    file.line_text(loc.line));
    }
    // Held for the whole build: without the spare room their growth left.
    for (model::Section& s : item.sections) {
        s.defaulted = s.blocks.empty();
        s.blocks.shrink_to_fit();
    }
}

// Tables are numbered per item in the order the packet prints them, as figures are: the sections
// in their standard order, whatever order item.md writes them in ("# Økonomi" before "# Resumé"
// printed Tabel 2 before Tabel 1); each attachment counts anew.
void number_table_blocks(std::vector<Block>& blocks, AgendaItem& item, std::vector<int>& counters) {
    for (Block& b : blocks) {
        if (b.kind == Block::Kind::Table && b.table >= 0 && static_cast<size_t>(b.table) < item.tables.size()) {
            model::Table& t = item.tables[static_cast<size_t>(b.table)];
            if (t.number == 0) t.number = ++counters[static_cast<size_t>(t.attachment + 1)];
        }
        for (auto& list_item : b.items) number_table_blocks(list_item, item, counters);
        number_table_blocks(b.children, item, counters);
    }
}

void number_tables(AgendaItem& item) {
    std::vector<int> counters(item.attachments.size() + 1, 0);
    for (model::Table& t : item.tables) t.number = 0;
    for (model::Section& s : item.sections) number_table_blocks(s.blocks, item, counters);
    for (model::Attachment& a : item.attachments) number_table_blocks(a.content, item, counters);
    // A table no block prints (none today) after those that are.
    for (model::Table& t : item.tables)
        if (t.number == 0) t.number = ++counters[static_cast<size_t>(t.attachment + 1)];
}

}  // namespace

std::optional<AgendaItem> read_item(const InputFiles& files, const std::string& folder, const SourceLoc& listed_at,
                                    PdfReading& pdfs, Diagnostics& diags) {
    const int errors_before = diags.error_count();
    auto file = load_text_file(files, join_relative(folder, "item.md"), diags, listed_at);
    if (!file) return std::nullopt;
    const std::optional<int> close = header_end(*file, diags);
    if (!close) return std::nullopt;
    const auto keys = parse_key_values(*file, 2, *close, diags);
    check_keys(keys, kItemKeys, file->loc(1), _("the item header"), diags);

    AgendaItem item;
    item.folder = folder;
    item.loc = file->loc(1);
    const std::vector<const KeyValue*> attachment_keys = read_header(keys, item, diags);
    const bool header_errors = diags.error_count() > errors_before;
    std::vector<Block> blocks = read_body(*file, *close + 1, folder, files, item, -1, diags);
    split_sections(blocks, *file, item, diags);
    for (const KeyValue* kv : attachment_keys) read_attachment(*kv, folder, files, item, pdfs, diags);
    number_tables(item);
    read_images(item, folder, files, diags);

    // An item whose header has an error is left out (its number or status is not known); one
    // whose body has errors is kept, so its tables are still computed and their mistakes are
    // listed with the others (the build stops after that anyway).
    if (header_errors) return std::nullopt;
    return item;
}

void finish_pdf_attachments(PdfReading& pdfs, std::vector<AgendaItem>& items, ReadTotals& totals, Diagnostics& diags) {
    for (const PendingPdf& p : pdfs.pending) {
        model::Attachment* a = p.item < items.size() && p.attachment < items[p.item].attachments.size()
                                   ? &items[p.item].attachments[p.attachment]
                                   : nullptr;
        finish_pdf_attachment(p, pdfs.queue.take(p.ticket), a, totals, diags);
    }
    pdfs.pending.clear();
}

bool is_pdf_name(const std::string& name) {
    return name.size() > 4 && fold_label(std::string_view(name).substr(name.size() - 4)) == ".pdf";
}

}  // namespace boardpack::input
