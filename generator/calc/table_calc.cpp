#include "calc/table_calc.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "calc/cell_units.hpp"
#include "calc/change_direction.hpp"
#include "numbers/footnote_marks.hpp"
#include "numbers/danish_number.hpp"
#include "calc/evaluator.hpp"
#include "calc/figure_groups.hpp"
#include "calc/heading_units.hpp"
#include "calc/options.hpp"
#include "calc/rounded_parts.hpp"
#include "calc/typed_totals.hpp"
#include "calc/units.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "model/totals.hpp"

namespace boardpack::calc {

using model::Cell;
using model::Formula;
using model::Table;
using model::TableRow;

namespace {

// A folded label's length without its trailing ":", footnote marks ("*", a superscript digit
// "¹", a dagger "†") and spaces: "[Antal i alt]" names the heading "Antal i alt¹" as it names
// "Antal i alt*" (a review: the superscript was not read through).
size_t key_length(std::string_view folded) {
    size_t n = folded.size();
    // Most labels end in a letter or a digit: nothing to take off.
    if (n > 0 && ((folded[n - 1] >= 'a' && folded[n - 1] <= 'z') || (folded[n - 1] >= '0' && folded[n - 1] <= '9'))) return n;
    for (;;) {
        if (n > 0 && (folded[n - 1] == ':' || folded[n - 1] == '*' || folded[n - 1] == ' ')) {
            --n;
            continue;
        }
        // ¹ ² ³ (Latin-1), ⁰ ⁴-⁹ (U+2070, U+2074-2079), † ‡ (U+2020, U+2021).
        if (n >= 2 && static_cast<unsigned char>(folded[n - 2]) == 0xC2 &&
            (folded[n - 1] == '\xB9' || folded[n - 1] == '\xB2' || folded[n - 1] == '\xB3')) {
            n -= 2;
            continue;
        }
        if (n >= 3 && static_cast<unsigned char>(folded[n - 3]) == 0xE2 &&
            ((static_cast<unsigned char>(folded[n - 2]) == 0x81 &&
              (static_cast<unsigned char>(folded[n - 1]) == 0xB0 ||
               (static_cast<unsigned char>(folded[n - 1]) >= 0xB4 && static_cast<unsigned char>(folded[n - 1]) <= 0xB9))) ||
             (static_cast<unsigned char>(folded[n - 2]) == 0x80 &&
              (static_cast<unsigned char>(folded[n - 1]) == 0xA0 || static_cast<unsigned char>(folded[n - 1]) == 0xA1)))) {
            n -= 3;
            continue;
        }
        return n;
    }
}

}  // namespace

std::string label_key(const std::string& label) {
    std::string k = fold_label(label);
    k.resize(key_length(k));
    return k;
}

namespace {

// label_key(label), folded on the stack where the label is short (no heap block): a formula's
// labels are looked up for every cell it computes, and each column reference without the
// headings' keys compares every heading of its table.
class StackKey {
public:
    explicit StackKey(std::string_view label) {
        if (label.size() * kFoldGrowth > sizeof buf_) {
            spill_ = label_key(std::string(label));
            key_ = spill_;
            return;
        }
        const std::string_view folded(buf_, fold_label_into(label, buf_));
        key_ = folded.substr(0, key_length(folded));
    }
    StackKey(const StackKey&) = delete;  // key_ may point into buf_
    StackKey& operator=(const StackKey&) = delete;
    std::string_view view() const { return key_; }

private:
    char buf_[256];
    std::string spill_;
    std::string_view key_;
};

// Whether label_key(label) == key.
bool has_label_key(std::string_view label, std::string_view key) { return StackKey(label).view() == key; }

// A row whose cells after its label are all empty: a group's heading, or a total not computed.
bool row_without_figures(const model::TableRow& row) {
    for (size_t k = 1; k < row.cells.size(); ++k)
        if (row.cells[k].kind != Cell::Kind::Empty) return false;
    return true;
}

std::string row_key(const Table& t, size_t r) {
    return t.rows[r].cells.empty() || t.rows[r].cells[0].text.empty() ? "" : label_key(t.rows[r].cells[0].text);
}

// The group a row stands under: the label of the nearest row above it whose label is not repeated.
std::string group_of(const Table& t, size_t r, const std::vector<std::string>& keys,
                     const std::map<std::string, int>& counts) {
    for (size_t i = r; i-- > 0;) {
        const std::string& k = keys[i];
        if (!k.empty() && counts.at(k) == 1) return t.rows[i].cells[0].text;
    }
    return "";
}

// The heading a row stands under, where its group has one: the label of the nearest row above
// it that has no figures ("Drift;;" over "Løn", "Husleje" and "I alt"), if that label is not
// repeated. A reader names the group so ("Drift / I alt"), not by the row just above.
std::string heading_of(const Table& t, size_t r, const std::vector<std::string>& keys,
                       const std::map<std::string, int>& counts) {
    for (size_t i = r; i-- > 0;) {
        const std::string& k = keys[i];
        if (k.empty() || t.rows[i].role != TableRow::Role::Data || !row_without_figures(t.rows[i])) continue;
        return counts.at(k) == 1 ? t.rows[i].cells[0].text : std::string();
    }
    return "";
}

}  // namespace

namespace {

std::vector<std::string> row_keys(const Table& t) {
    std::vector<std::string> keys(t.rows.size());
    for (size_t r = 0; r < t.rows.size(); ++r) keys[r] = row_key(t, r);
    return keys;
}

}  // namespace

std::optional<size_t> find_row(const Table& t, const std::string& label, std::string* ambiguous) {
    return find_row(t, row_keys(t), label, ambiguous);
}

std::optional<size_t> find_row(const Table& t, const std::vector<std::string>& keys, const std::string& label,
                               std::string* ambiguous) {
    // Each row's key once; how often each occurs only when a group is needed (a reference by
    // group, or the list of rows a repeated label could mean).
    const StackKey folded(label);
    const std::string_view key = folded.view();
    const size_t slash = label.rfind(" / ");
    // The one row a label names, the most common case, found without listing the rows in a vector.
    if (slash == std::string::npos) {
        const auto end = keys.begin() + static_cast<std::ptrdiff_t>(t.rows.size());
        const auto first = std::find(keys.begin(), end, key);
        if (first != end && std::find(first + 1, end, key) == end) return static_cast<size_t>(first - keys.begin());
    }
    std::vector<size_t> found;
    for (size_t r = 0; r < t.rows.size(); ++r)
        if (keys[r] == key) found.push_back(r);
    std::map<std::string, int> counts;
    for (const std::string& k : keys)
        if (!k.empty()) ++counts[k];
    // "Gruppe / Label": a repeated label named by the group it stands under. A row labelled so
    // too ("Drift / Løn" beside a repeated "Løn" under "Drift") makes the reference mean either.
    if (slash != std::string::npos) {
        const std::string group = label_key(label.substr(0, slash)), inner = label_key(label.substr(slash + 3));
        const auto repeated = counts.find(inner);
        if (found.size() == 1 && (repeated == counts.end() || repeated->second < 2)) return found[0];
        for (size_t r = 0; r < t.rows.size(); ++r)
            if (keys[r] == inner &&
                (label_key(group_of(t, r, keys, counts)) == group || label_key(heading_of(t, r, keys, counts)) == group) &&
                std::find(found.begin(), found.end(), r) == found.end())
                found.push_back(r);
    }
    if (found.size() == 1) return found[0];
    if (found.size() > 1 && ambiguous) {
        *ambiguous = fmt(_("the row {} could mean {} rows: "), quote_text(label), found.size());
        for (size_t i = 0; i < found.size(); ++i) {
            const TableRow& row = t.rows[found[i]];
            // A row labelled as a group's row is named ("Drift / Løn") is listed as labelled.
            const bool labelled = slash != std::string::npos && keys[found[i]] == key;
            std::string group;
            if (!labelled) {
                group = heading_of(t, found[i], keys, counts);
                if (group.empty()) group = group_of(t, found[i], keys, counts);
            }
            *ambiguous += std::string(i ? ", " : "") + "[" + (group.empty() ? "" : group + " / ") + row.cells[0].text + "]";
            if (row.loc.line > 0) *ambiguous += " (" + row.loc.file + ":" + std::to_string(row.loc.line) + ")";
        }
        *ambiguous += _("; write the one meant as [gruppe / række], the group being its heading (the nearest row above it "
                         "without figures) or the row above it that is not repeated");
    }
    return std::nullopt;
}

namespace {

// The columns whose heading `matches` the label: found once, or, where several are, nullopt and
// *ambiguous listing them.
template <class Matches>
std::optional<size_t> find_column_where(const Table& t, const std::string& label, std::string* ambiguous,
                                        const Matches& matches) {
    // Two headings that match alike ("Budget" and "budget*") would silently resolve to the first:
    // like a repeated row label, a reference that could mean either is an error listing them.
    std::vector<size_t> found;
    for (size_t c = 1; c < t.header.size(); ++c)
        if (matches(c)) found.push_back(c);
    if (found.size() == 1) return found[0];
    if (found.size() > 1 && ambiguous) {
        *ambiguous = fmt(_("the column {} could mean {} columns: "), quote_text(label), found.size());
        for (size_t i = 0; i < found.size(); ++i) {
            *ambiguous += std::string(i ? ", " : "") + "[" + t.header[found[i]] + "]";
            if (found[i] < t.header_locs.size() && !t.header_locs[found[i]].file.empty()) {
                const SourceLoc& l = t.header_locs[found[i]];
                *ambiguous += " (" + l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + ")";
            }
        }
        *ambiguous += _("; give the columns headings that differ in the CSV (case, spacing, a trailing \":\" and "
                        "footnote \"*\" are ignored when headings are matched)");
    }
    return std::nullopt;
}

// The first cell of a row as written: its label ("" for a row without cells).
const std::string& row_label(const TableRow& row) {
    static const std::string none;
    return row.cells.empty() ? none : row.cells[0].text;
}

}  // namespace

std::optional<size_t> find_column(const Table& t, const std::string& label, std::string* ambiguous) {
    const StackKey key(label);
    return find_column_where(t, label, ambiguous, [&](size_t c) { return has_label_key(t.header[c], key.view()); });
}

std::optional<size_t> find_column(const Table& t, const std::vector<std::string>& keys, const std::string& label,
                                  std::string* ambiguous) {
    const StackKey key(label);
    return find_column_where(t, label, ambiguous, [&](size_t c) { return keys[c] == key.view(); });
}

const std::vector<std::string>& LabelKeys::rows(const Table& t) {
    const auto same = [&] {
        if (row_labels_.size() != t.rows.size()) return false;
        for (size_t r = 0; r < t.rows.size(); ++r)
            if (row_label(t.rows[r]) != row_labels_[r]) return false;
        return true;
    };
    if (same()) return row_keys_;  // (also before the first use, for a table without rows)
    row_labels_.clear();
    for (const TableRow& row : t.rows) row_labels_.push_back(row_label(row));
    row_keys_ = row_keys(t);
    return row_keys_;
}

const std::vector<std::string>& LabelKeys::columns(const Table& t) {
    if (headings_ == t.header) return column_keys_;
    headings_ = t.header;
    column_keys_.clear();
    for (const std::string& h : t.header) column_keys_.push_back(label_key(h));
    return column_keys_;
}

namespace {

std::string position(const Cell& c) {
    if (c.loc.file.empty()) return "";
    return " (" + c.loc.file + ":" + std::to_string(c.loc.line) + ":" + std::to_string(c.loc.column) + ")";
}

const std::string& row_name(const Table& t, size_t r) { return t.rows[r].cells[0].text; }

// "\"Andel = [Del] / [I alt] * 100\"": a formula as written, quoted for a message.
std::string quoted(const Formula& f) { return quote_text(f.target + " = " + f.expression); }

// " (item.md:14:15)": where a formula is written, for a message at another place.
std::string position_of(const Formula& f) {
    if (f.loc.file.empty()) return "";
    return " (" + f.loc.file + ":" + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + ")";
}

// A column of numbers: one with a number read from the CSV, even if a word among them made it
// text (a word there is a mistake in the cell, which a formula using it reports).
bool holds_numbers(const Table& t, size_t c) {
    for (const TableRow& row : t.rows)
        if (row.role != TableRow::Role::Computed && c < row.cells.size() && row.cells[c].kind == Cell::Kind::Number)
            return true;
    return false;
}

}  // namespace

namespace {

// An amount written in kr. that the table shows in a larger unit ("enhed: mio. kr."); a share
// (or percentage points) keeps its own.
bool shown_scaled(const Table& t, const Cell& c) {
    return kroner_per(t.unit) > 1 && c.kind == Cell::Kind::Number && c.unit != "%" && c.unit != "pct." &&
           c.unit != kPoints && !c.unitless;
}

// Whether a heading names a target or a limit ("Mål", "Måltal (dage)", "Loft"): figures judged
// against, never added up.
// The words of a folded heading (fold_label): brackets and punctuation part words as spaces do
// ("Måltal (dage)", "Udvikling (2016=100)"). Views into `h`, which is changed so.
std::vector<std::string_view> heading_words(std::string& h) {
    for (char& ch : h)
        switch (ch) {
            case '(': case ')': case '[': case ']': case '{': case '}': case ',': case ';': case ':': case '/': case '*':
            case '=': case '.': ch = ' ';
        }
    std::vector<std::string_view> words;
    for (size_t i = 0; i < h.size();) {
        const size_t end = std::min(h.find(' ', i), h.size());
        if (end > i) words.push_back(std::string_view(h).substr(i, end - i));
        i = end + 1;
    }
    return words;
}

bool names_target(const std::string& heading) {
    std::string h = fold_label(heading);
    for (const std::string_view w : heading_words(h))
        for (const char* target : {"m\xC3\xA5l", "m\xC3\xA5ltal", "m\xC3\xA5ls\xC3\xA6tning", "m\xC3\xA5let", "target",
                                   "norm", "krav", "loft", "gr\xC3\xA6nse", "gr\xC3\xA6nsev\xC3\xA6rdi"})
            if (w == target) return true;
    return false;
}

// "12,5 a)", "2,5 ‰", "1.250,-", "12,5 1)": a Danish number at the start of the
// text, then something without digits that is no unit a cell may carry ("1) " as a footnote
// too). A date ("28-09-2023"), a period ("2023K1", "1. kvt. 2023") or a time goes on with digits.
bool figure_with_suffix(std::string_view text) {
    std::string_view t = trim(text);
    size_t start = 0;
    // "(400)", "÷ 400" and "400-" are errors at their cells already (input/foreign_figures.hpp).
    start = minus_sign_size(t);
    if (start == 0 && t.starts_with('+')) start = 1;
    while (start < t.size() && t[start] == ' ') ++start;
    if (start >= t.size() || t[start] < '0' || t[start] > '9') return false;
    size_t end = start;
    while (end < t.size() && ((t[end] >= '0' && t[end] <= '9') || t[end] == '.' || t[end] == ',' || t[end] == ' ')) ++end;
    // The longest start that reads as a number: "1.250," is "1.250" and ",-" after it.
    for (; end > start; --end) {
        if (!read_danish_number(t.substr(start, end - start))) continue;
        std::string_view rest = trim(t.substr(end));
        if (rest.empty() || rest == "-") return false;
        // "1)" as a footnote mark; other digits after the number make it a date, a period or a time.
        if (rest.size() <= 3 && rest.back() == ')' && rest.find_first_not_of("0123456789)") == std::string_view::npos)
            return true;
        return rest.find_first_of("0123456789") == std::string_view::npos;
    }
    return false;
}

// Whether a heading (or a row's label) names figures that do not add up across rows or columns:
// an average or a median ("Gns. ventetid (dage)", "Gennemsnitlig"), an index ("Indeks",
// "Udvikling (2016=100)"), a rank ("Rang", "Placering"), a rate per thousand ("Promille", "‰") or a
// ratio per something that is not a
// period ("Udgift pr. indbygger", "Senge pr. 1.000 indbyggere", "Overlæger pr. afdelingslæge";
// "Udgift pr. år" adds up across budget lines). Three regions' average of 40 days is no 120 days.
bool names_index(const std::string& heading);

bool names_no_sum(const std::string& heading) {
    using namespace std::string_view_literals;
    if (names_index(heading)) return true;  // "Indeks", "Prisindeks", "(2016=100)"
    std::string h = fold_label(heading);
    if (h.find("\xE2\x80\xB0") != std::string::npos) return true;  // "‰": a rate per thousand
    // A slash is "per" ("Udgift/indbygger", "Kr./patient", "Senge/1.000 indbyggere"); not between
    // figures ("2023/24", a budget year).
    const auto digit = [&h](size_t i) { return i < h.size() && h[i] >= '0' && h[i] <= '9'; };
    for (size_t slash = h.find('/'); slash != std::string::npos; slash = h.find('/', slash + 1))
        if (slash > 0 && slash + 1 < h.size() && h[slash + 1] != ' ' && !(digit(slash - 1) && digit(slash + 1))) {
            h.replace(slash, 1, " per ");
            slash += 4;
        }
    const std::vector<std::string_view> words = heading_words(h);
    // An average over time of what is counted ("Gns. antal indlagte pr. dag") adds up over the
    // regions as the counts do; an average over what is counted ("Gns. ventetid") does not.
    bool per_period = false;
    for (size_t k = 0; k + 1 < words.size(); ++k)
        if (words[k] == "pr" || words[k] == "per")
            for (const std::string_view period : {"dag"sv, "d\xC3\xB8gn"sv, "uge"sv, "m\xC3\xA5ned"sv, "md"sv, "kvartal"sv, "kvt"sv, "\xC3\xA5r"sv,
                                       "halv\xC3\xA5r"sv, "time"sv})
                per_period = per_period || words[k + 1] == period;
    for (size_t k = 0; k < words.size(); ++k) {
        const std::string_view w = words[k];
        for (const std::string_view word : {"gennemsnit"sv, "gennemsnitlig"sv, "gennemsnitlige"sv, "gennemsnitligt"sv, "gns"sv, "median"sv,
                                 "middelv\xC3\xA6rdi"sv})
            if (w == word && !per_period) return true;
        // An average or a median written as one word with what it is of ("Gennemsnitsløn",
        // "Gennemsnitspris", "Medianalder", "Snitløn"; a probe's three regions summed to 135.500 kr.).
        if ((w.starts_with("gennemsnits") || (w.size() > 6 && w.starts_with("median")) ||
             (w.size() > 4 && w.starts_with("snit") && (w.ends_with("l\xC3\xB8n") || w.ends_with("pris") || w.ends_with("alder")))) &&
            !per_period)
            return true;
        // A guarantee or a norm per case ("Ventetidsgaranti (dage)", "Normtid", "Normeret tid"):
        // three regions' 30 days are no 90 days.
        if (w.ends_with("garanti") || w == "normtid" ||
            ((w == "normeret" || w == "normerede") && k + 1 < words.size() && words[k + 1] == "tid"))
            return true;
        for (const std::string_view word : {"rang"sv, "rangering"sv, "placering"sv, "forholdstal"sv, "ratio"sv,
                                 "promille"sv, "fordelingstal"sv, "bmi"sv})
            if (w == word) return true;
        // "Alder (år)", not "Lønudgift (alder 18-25)", nor "Alder" heading age groups.
        if ((w == "alder" || w == "alderen") && k == 0 && words.size() > 1) return true;
        if (w.ends_with("kvotient") || w == "kvadratmeterpris") return true;  // "Klassekvotient"
        // "Gennemsnitsalder", "Middellevetid" (a probe's regions summed to 221 days).
        if (w.size() > 6 && w.ends_with("salder")) return true;
        // A time until something, per case ("Tid til behandling (dage)", "Dage til operation"), and
        // a price per unit ("Pris (kr.)" of a hip and a knee operation; "Kostpris"): not where the
        // heading counts or totals ("Antal forløb, tid til udredning over 30 dage", "Kø-tid
        // (timer i alt)", "Samlet pris") or names an amount in a larger unit or spent ("Kostpris
        // (mio. kr.)", "Forbrug til kostpris", "Udgifter i faste priser").
        const auto counted_or_spent = [&] {
            for (size_t o = 0; o < words.size(); ++o) {
                const std::string_view other = words[o];
                // "Antal forløb, tid til ..." counts cases; "Antal dage til operation" is a time.
                if (other == "antal" && o + 1 < words.size() &&
                    (words[o + 1] == "dage" || words[o + 1] == "uger" || words[o + 1] == "m\xC3\xA5neder" ||
                     words[o + 1] == "timer" || words[o + 1] == "d\xC3\xB8gn"))
                    continue;
                if (other == "antal" || other == "alt" || other == "samlet" || other == "samlede" || other == "total" ||
                    other == "mio" || other == "mia" || other == "t" || other == "forbrug" || other.starts_with("udgift") ||
                    other.ends_with("forbrug"))
                    return true;
            }
            return false;
        };
        if (k + 1 < words.size() && words[k + 1] == "til")
            for (const std::string_view time : {"tid"sv, "tiden"sv, "dage"sv, "uger"sv, "m\xC3\xA5neder"sv, "d\xC3\xB8gn"sv, "timer"sv})
                if (w == time && !counted_or_spent()) return true;
        if ((w == "pris" || w == "kostpris" || w == "enhedsomkostning" || w == "enhedsomkostninger" || w == "l\xC3\xB8nsats" ||
             w == "l\xC3\xB8nsatser" || w == "dagsats" || w == "dagsatser") &&
            !counted_or_spent())
            return true;
        // A price or a rate per unit: "Takst", "DRG-takst", "Timepris", "Sats" (a tariff times a
        // count adds up; tariffs added up are no tariff).
        for (const std::string_view word : {"sats"sv, "satser"sv, "timesats"sv, "rentesats"sv, "kontingentsats"sv, "skattesats"sv, "momssats"sv,
                                 "procentsats"sv, "timepris"sv, "timepriser"sv, "enhedspris"sv, "enhedspriser"sv, "stykpris"sv,
                                 "stykpriser"sv, "kilopris"sv, "literpris"sv})
            if (w == word) return true;
        if (w.ends_with("takst") || w.ends_with("takster")) return true;
        // Times a thing takes, per case ("Ventetid (dage)", "Gns. liggetid"): three regions' 40
        // days are no 120 days. A grade or a score ("Dækningsgrad", "Tilfredshed (1-5)") no more.
        for (const std::string_view time : {"ventetid"sv, "ventetiden"sv, "liggetid"sv, "liggetiden"sv, "svartid"sv, "svartiden"sv,
                                 "behandlingstid"sv, "behandlingstiden"sv, "responstid"sv, "responstiden"sv, "udrykningstid"sv,
                                 "udrykningstiden"sv, "forl\xC3\xB8" "bstid"sv, "levetid"sv, "levetiden"sv, "ventetider"sv,
                                 "liggetider"sv, "svartider"sv, "behandlingstider"sv, "responstider"sv})
            if (w.ends_with(time)) return true;
        if ((w == "k\xC3\xB8tid" || w == "k\xC3\xB8-tid" || w == "k\xC3\xB8tiden") && !counted_or_spent()) return true;
        // Rates of occurrence ("Incidens", "Standardiseret rate", "Genindlæggelsesrate"): per so
        // many, never added up. ("Rate" alone is also an instalment, which adds up.)
        // ("Renter" and "Rente" are also interest paid, an amount, and "Middel" a means: not these.)
        for (const std::string_view word : {"snit"sv, "tilfredshed"sv, "score"sv, "karakter"sv, "skala"sv,
                                 "incidens"sv, "incidensen"sv, "pr\xC3\xA6valens"sv, "pr\xC3\xA6valensen"sv, "mortalitet"sv,
                                 "d\xC3\xB8" "delighed"sv})
            if (w == word) return true;
        if ((w.size() > 5 && (w.ends_with("rate") || w.ends_with("raten"))) ||
            ((w == "rate" || w == "raten") && k > 0 && words[k - 1].ends_with("standardiseret")))
            return true;
        if (w.size() > 4 && (w.ends_with("grad") || w.ends_with("graden"))) return true;
        // A scale: "(1-5)", "(0-10)".
        if (const size_t dash = w.find('-'); dash != std::string_view::npos && dash > 0 && dash + 1 < w.size()) {
            const std::string_view low = w.substr(0, dash), high = w.substr(dash + 1);
            // (Not an age group: "0-5 år".)
            const bool ages = k + 1 < words.size() && (words[k + 1] == "\xC3\xA5r" || words[k + 1] == "\xC3\xA5rige");
            if (low.find_first_not_of("0123456789") == std::string_view::npos &&
                high.find_first_not_of("0123456789") == std::string_view::npos && low.size() <= 1 && high.size() <= 2 && !ages)
                return true;
        }
        // "pr." also says "by" ("Udgift pr. region" adds up over the regions): a rate only per
        // a number ("pr. 1.000 indbyggere") or per a person or a unit counted.
        if ((w == "pr" || w == "per") && k + 1 < words.size()) {
            const std::string_view next = words[k + 1];
            const auto digits = [](std::string_view word) { return word.find_first_not_of("0123456789") == std::string_view::npos; };
            if (digits(next)) {
                // "pr. 1. januar 2023", "pr. 31.12.2023": a date the figures are counted at, not a rate.
                const std::string_view then = k + 2 < words.size() ? words[k + 2] : "";
                bool month = false;
                for (const std::string_view m : {"januar"sv, "februar"sv, "marts"sv, "april"sv, "maj"sv, "juni"sv, "juli"sv, "august"sv, "september"sv,
                                      "oktober"sv, "november"sv, "december"sv, "jan"sv, "feb"sv, "mar"sv, "apr"sv, "jun"sv, "jul"sv, "aug"sv,
                                      "sep"sv, "sept"sv, "okt"sv, "nov"sv, "dec"sv})
                    month = month || then == m;
                const bool date = month || (!then.empty() && digits(then) && k + 3 < words.size() && digits(words[k + 3]));
                if (!date) return true;
                continue;
            }
            for (const std::string_view unit : {"indbygger"sv, "indbyggere"sv, "borger"sv, "borgere"sv, "patient"sv, "patienter"sv, "ansat"sv, "ansatte"sv,
                                     "elev"sv, "elever"sv, "barn"sv, "person"sv, "personer"sv, "bruger"sv, "brugere"sv, "medlem"sv,
                                     "\xC3\xA5rsv\xC3\xA6rk"sv, "fuldtidsstilling"sv, "seng"sv, "senge"sv, "l\xC3\xA6ge"sv,
                                     "overl\xC3\xA6ge"sv, "afdelingsl\xC3\xA6ge"sv, "speciall\xC3\xA6ge"sv, "indl\xC3\xA6ggelse"sv,
                                     "kontakt"sv, "udskrivning"sv, "medarbejder"sv, "l\xC3\xA6rer"sv, "husstand"sv, "forl\xC3\xB8" "b"sv, "bes\xC3\xB8g"sv, "operation"sv, "behandling"sv, "enhed"sv, "stk"sv,
                                     "km"sv, "m2"sv, "kvadratmeter"sv})
                if (next == unit) return true;
        }
    }
    return false;
}

// Whether a heading or label names a rate per thousand or more: "‰", "Promille", "pr. 1.000
// indbyggere", "Pr. 100.000" (a figure per so many is no share in per cent).
bool names_per_mille(const std::string& heading) {
    if (heading.find("\xE2\x80\xB0") != std::string::npos) return true;  // "‰"
    // Cheap first (asked of every cell a formula reads): neither "romille" nor "000" in it.
    const auto has = [&](std::string_view word) {
        for (size_t i = 0; i + word.size() <= heading.size(); ++i) {
            size_t k = 0;
            while (k < word.size() && (heading[i + k] | 0x20) == word[k]) ++k;
            if (k == word.size()) return true;
        }
        return false;
    };
    if (heading.find("000") == std::string::npos && !has("romille")) return false;
    std::string h = fold_label(heading);
    const std::vector<std::string_view> words = heading_words(h);
    for (size_t k = 0; k < words.size(); ++k) {
        if (words[k] == "promille") return true;
        // "pr. 1.000", "per 100.000": heading_words parts "1.000" into "1" and "000".
        if ((words[k] == "pr" || words[k] == "per") && k + 2 < words.size() && words[k + 1].find_first_not_of("0123456789") ==
                std::string_view::npos && words[k + 2] == "000")
            return true;
    }
    return false;
}

// Whether a heading says its figures are percentage points ("Ændring (procentpoint)", "Forskel i
// pct.-point"), so its cells need not.
bool names_points(const std::string& heading) {
    // Cheap first (asked of every cell a formula reads): every spelling has "oint" in it.
    if (heading.find("oint") == std::string::npos && heading.find("OINT") == std::string::npos) return false;
    const std::string h = fold_label(heading);
    for (const char* w : {"procentpoint", "procent-point", "pct.-point", "pct.point", "pct-point", "%-point"})
        if (h.find(w) != std::string::npos) return true;
    return false;
}

// Whether a heading or label names an index: "Indeks", "Indekstal", "Prisindeks", "Index",
// "Udvikling (2016=100)".
bool names_index(const std::string& heading) {
    // Cheap first (asked of every cell a formula reads): "nde" or "NDE" ("Indeks", "INDEX") or "=" in it.
    if (heading.find('=') == std::string::npos && heading.find("nde") == std::string::npos &&
        heading.find("NDE") == std::string::npos)
        return false;
    std::string h = fold_label(heading);
    if (h.find("=100") != std::string::npos || h.find("= 100") != std::string::npos) return true;  // "(2016=100)"
    for (const std::string_view w : heading_words(h))
        if (w == "indeks" || w == "indekstal" || w == "index" || (w.size() > 6 && w.ends_with("indeks"))) return true;
    return false;
}

// In a table whose figures are amounts ("talenhed: mio. kr.") or shown in another unit ("enhed:
// mio. kr."), a figure written without a unit under a heading, or beside a label, that says it is
// none ("Ændring i pct.", "Indeks") is no amount: the table's "enhed" leaves it as written, and a
// formula or a figure reads no kroner (a probe's "-1,7" under "Ændring i pct." printed
// "-1.700.000 kr.", its "98,3" under "Indeks" "98,3 mio. kr.", and under "enhed: mio. kr." both
// "0,0", in silence).
void mark_no_amount_cells(Table& t) {
    if (kroner_per(t.figures_unit) <= 0 && kroner_per(t.unit) <= 0) return;
    const auto mark = [](Cell& c) {
        if (c.kind == Cell::Kind::Number && c.unit.empty() && !c.count && c.formula == 0) c.unitless = true;
    };
    for (size_t k = 1; k < t.header.size(); ++k)
        if (names_no_amount(t.header[k]))
            for (model::TableRow& row : t.rows)
                if (k < row.cells.size()) mark(row.cells[k]);
    for (model::TableRow& row : t.rows)
        if (!row.cells.empty() && names_no_amount(row.cells[0].text))
            for (size_t k = 1; k < row.cells.size(); ++k) mark(row.cells[k]);
}

}  // namespace

bool names_no_amount(const std::string& heading) {
    return names_per_cent(heading) || names_points(heading) || names_per_mille(heading) || names_index(heading);
}

bool names_rate_figures(const std::string& heading) {
    return names_no_sum(heading) || (names_per_cent(heading) && !names_points(heading));
}

bool names_target_or_limit(const std::string& label) {
    if (names_target(label)) return true;
    std::string h = fold_label(label);
    for (const std::string_view w : heading_words(h))
        if (w == "ramme" || w == "rammen" || w == "budgetramme" || w == "udgiftsramme" || w == "maksimum" || w == "minimum")
            return true;
    return false;
}

Decimal shown_number(const Table& t, const Cell& c) {
    if (!shown_scaled(t, c)) return c.value;
    // Dividing by a power of ten keeps the count and adds its digits: it always fits.
    return Decimal::div(c.value, Decimal(kroner_per(t.unit), 0)).value_or(c.value);
}

namespace {

bool adds_across_left_out_row(const Expr& row, const Expr& column);

// Whether the formula `f`, limited by "| kolonner A .. B" ("| rækker" for a column formula),
// leaves the cell at `row`, `column` out of its range.
bool range_leaves_out(const Table& t, const Formula& f, size_t row, size_t column) {
    if (f.options.empty()) return false;
    FormulaError ignored;
    const auto options = parse_options(f.options, true, &ignored);
    if (!options || options->from.empty()) return false;
    const bool row_formula = f.kind == Formula::Kind::Row;
    const auto a = row_formula ? find_column(t, options->from) : find_row(t, options->from);
    const auto b = row_formula ? find_column(t, options->to) : find_row(t, options->to);
    const size_t at = row_formula ? column : row;
    return a && b && (at < *a || at > *b);
}

// Whether the row formula `f` of `row` leaves the cell in `column` as the CSV has it: a column
// formula writes `column` but leaves `row` out ("| rækker A .. B"), and `f`, a plain sum, would
// add up figures that do not add up (adds_across_left_out_row).
bool ratio_column_leaves_row(const Table& t, const Formula& f, size_t row, size_t column) {
    FormulaError ignored;
    std::unique_ptr<Expr> row_expr;
    for (const Formula& g : t.formulas) {
        if (g.kind != Formula::Kind::Column || find_column(t, g.target) != column || !range_leaves_out(t, g, row, column))
            continue;
        if (!row_expr) row_expr = parse_expression(f.expression, &ignored);
        const auto expr = parse_expression(g.expression, &ignored);
        if (row_expr && expr && !adds_across_left_out_row(*row_expr, *expr)) return true;
    }
    return false;
}

}  // namespace

const Formula* writer_of(const Table& t, size_t row, size_t column, const Formula** leaves) {
    if (t.formulas.empty()) return nullptr;
    LabelKeys keys;  // the table's labels folded once for its formulas, not once for each
    return writer_of(t, keys, row, column, leaves);
}

const Formula* writer_of(const Table& t, LabelKeys& keys, size_t row, size_t column, const Formula** leaves) {
    for (const Formula& f : t.formulas) {
        const bool row_formula = f.kind == Formula::Kind::Row;
        if (f.kind == Formula::Kind::Value) continue;
        if (!(row_formula ? find_row(t, keys.rows(t), f.target) == row : find_column(t, keys.columns(t), f.target) == column))
            continue;
        if (row_formula && ratio_column_leaves_row(t, f, row, column)) continue;
        // A formula limited by "| kolonner A .. B" ("| rækker") writes no cell outside that range.
        if (range_leaves_out(t, f, row, column)) {
            if (leaves && !*leaves) *leaves = &f;
            continue;
        }
        return &f;
    }
    return nullptr;
}

std::optional<Value> cell_value(const Table& t, size_t row, size_t column, Failure* error) {
    const Cell& c = t.rows[row].cells[column];
    switch (c.kind) {
        case Cell::Kind::Number: {
            Value v = Value::of(c.value, c.decimals);
            v.printed = c.text;
            v.kept_published = c.kept_published;
            v.hundred = c.hundred;
            v.count = c.count;
            // A figure written under a heading or beside a label that says it is no amount
            // (mark_no_amount_cells), in a table of amounts.
            v.no_amount = c.unitless && !c.count && c.formula == 0;
            if (c.unitless) return v;  // a ratio or index computed here, or a count: no kroner, whatever the table's unit
            v.unit = cell_unit(t.figures_unit, c.unit);
            v.amount = kroner_per(v.unit) > 0 && (kroner_per(c.unit) > 0 || !t.figures_unit.empty());
            // "Andel (pct.)" over a bare 30: a share to be added up as one (sum_min_max), though
            // written without its sign; not percentage points ("Ændring (%-point)").
            if (c.unit.empty() && t.figures_unit.empty() && column < t.header.size()) {
                const std::string& label = row_name(t, row);
                v.headed_per_cent = (names_per_cent(t.header[column]) && !names_points(t.header[column])) ||
                                    (names_per_cent(label) && !names_points(label));
                // "Andel" naming no unit (not "Andel (mio. kr.)", "Andel, antal"): maybe per cent.
                const auto share_only = [](const std::string& h) {
                    return names_share(h) && !names_points(h) && unit_named_in(h).empty() && !names_kroner(h) &&
                           (" " + fold_label(h)).find(" antal") == std::string::npos;
                };
                v.headed_share = !v.headed_per_cent && (share_only(t.header[column]) || share_only(label));
                v.per_mille = names_per_mille(t.header[column]) || names_per_mille(label);
            }
            if (kroner_per(t.unit) > 0 && kroner_per(v.unit) > 0 && t.unit != v.unit) {
                v.shown_in = t.unit;
                v.shown_decimals = t.decimals >= 0 ? t.decimals : 1;  // as show_scaled prints an input figure
            }
            return v;
        }
        case Cell::Kind::Text: {
            Value v = Value::word(c.text, c.tone);
            v.from = c.loc;
            v.code = c.code;
            return v;
        }
        case Cell::Kind::NotAvailable:
        case Cell::Kind::Dash: {
            Value v = Value::missing(c.text);
            if (!writer_of(t, row, column)) v.from = c.loc;  // an input cell: the place to fix
            return v;
        }
        case Cell::Kind::Empty:
            // Advice to write a figure is only for raw input cells: writing 0 into a computed cell
            // would print a wrong total.
            if (const Formula* f = writer_of(t, row, column)) {
                error->message = fmt(_("the cell {} / {} is computed by the formula {}, which has not been computed yet: "
                                       "row formulas are computed in the order written, then column formulas; put that one first"),
                                     quote_text(row_name(t, row)), quote_text(t.header[column]),
                                     quoted(*f));
                return std::nullopt;
            }
            if (const Formula* f = nullptr; (writer_of(t, row, column, &f), f)) {
                error->message = fmt(_("the cell {} / {} is left empty by the formula {}, whose range leaves it out; widen "
                                       "the range, or use a cell the formula computes"),
                                     quote_text(row_name(t, row)), quote_text(t.header[column]),
                                     quote_text(f->target + " = " + f->expression + " | " + f->options));
                return std::nullopt;
            }
            if (row_without_figures(t.rows[row]))
                // A group's heading row ("Drift;;") or a total's row with no formula: "write 0" would
                // be wrong advice for both.
                error->message = fmt(_("the cell {} / {}{} is empty, as is every cell of its row: if the row is a heading, "
                                       "leave it out of the formula (a range can start below it); if it is a total, compute "
                                       "it with a \"række:\" line before this formula; else write its figures, 0 where an "
                                       "amount is zero"),
                                     quote_text(row_name(t, row)), quote_text(t.header[column]), position(c));
            else
                error->message = fmt(_("the cell {} / {}{} is empty; write 0 if the amount is zero"), quote_text(row_name(t, row)),
                                     quote_text(t.header[column]), position(c));
            if (!c.loc.file.empty()) error->cause = c.loc;
            return std::nullopt;
    }
    return std::nullopt;
}

std::string missing_input_message(const std::string& cell, const std::string& shown, const Formula& f) {
    std::string at;
    if (!f.loc.file.empty())
        at = " (" + f.loc.file + ":" + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + ")";
    return fmt(_("the cell {} holds {}, not a number, but the formula {}{} needs a number; write the number, or "
                 "\"mangler: videre\" in the formula's block to print {} in the cells computed from it"),
               cell, quote_text(shown), quoted(f), at, quote_text(shown));
}

bool refuse_missing(const Value& missing, const Formula& f, Failure* error) {
    const std::string cell = missing.where.empty() ? std::string(_("a quoted cell")) : missing.where;
    if (!missing.from.file.empty()) {
        error->message = missing_input_message(cell, missing.text, f);
        error->at = missing.from;
        return false;
    }
    error->message = fmt(_("{} is {} (computed from a figure that is not available in its table), but this formula needs "
                           "a number; write \"mangler: videre\" in this formula's block to print \"-\" here too"),
                         cell, quote_text(missing.text));
    return false;
}

void report(Diagnostics& diags, const Formula& f, const FormulaError& error, const std::string& where) {
    if (error.follows_from) {
        SourceLoc l = f.loc;
        l.column += static_cast<int>(utf8_length(std::string_view(f.expression).substr(
            0, std::min<size_t>(static_cast<size_t>(error.column), f.expression.size()))));
        diags.follow_on(*error.follows_from, l);
    } else if (error.at && !error.at->file.empty()) {
        diags.error(*error.at, error.message);
    } else {
        report(diags, f, error.column, error.message + where);
    }
}

void report(Diagnostics& diags, const Formula& f, int offset, const std::string& message, bool in_options) {
    SourceLoc l = in_options ? f.options_loc : f.loc;
    const std::string& text = in_options ? f.options : f.expression;
    l.column += static_cast<int>(utf8_length(std::string_view(text).substr(0, std::min<size_t>(static_cast<size_t>(offset), text.size()))));
    diags.error(l, message, f.line);
}

namespace {

// Each row's label_key, kept while the table's computation looks labels up cell after cell (it
// was made again for every lookup: 6 M instructions of the example). Computed rows are only
// ever added at the end, labelled before they are added, so a change in the number of rows is
// the only change to catch.
class RowKeys {
public:
    const std::vector<std::string>& of(const Table& t) {
        if (keys_.size() != t.rows.size() || !made_) {
            keys_ = row_keys(t);
            made_ = true;
        }
        return keys_;
    }

    // What each row (rows) or column reads as beside the one before it, for sums over ranges:
    // made once per table, as the keys are (names_total and names_part fold each label).
    enum Role : unsigned char { Plain, Total, Part, Skipped };
    const std::vector<unsigned char>& roles(const Table& t, bool rows) {
        std::vector<unsigned char>& out = rows ? row_roles_ : column_roles_;
        const size_t n = rows ? t.rows.size() : t.header.size();
        if (out.size() == n) return out;
        out.assign(n, Plain);
        const auto label_of = [&](size_t i) -> const std::string& {
            static const std::string none;
            return rows ? (t.rows[i].cells.empty() ? none : t.rows[i].cells[0].text) : t.header[i];
        };
        // Rows marked as a list's items ("- Ledere") among rows that are not are sub-items of the
        // row before them; where every row is marked, the marks say nothing.
        // The same of columns ("- Overlæger" after "Læger"), past the labels' column.
        bool plain_unmarked = false;
        for (size_t i = rows ? 0 : 1; i < n; ++i)
            plain_unmarked = plain_unmarked || (!label_of(i).empty() && (!rows || t.rows[i].role != TableRow::Role::Spacer) &&
                                                !model::marked_as_item(label_of(i)) && !model::names_total(label_of(i)));
        // Rows indented in the CSV further than the least indented rows of figures (an export's
        // "  Heraf overtid" under "Løn") are sub-items too. Totals do not set that least indent
        // ("I alt" flush left over indented rows), nor do group headings without figures ("Drift;;").
        const auto total = [&](size_t i) { return model::names_total(label_of(i)) || model::declared_total(t, label_of(i)); };
        int least = -1;
        for (size_t i = 0; i < n && rows; ++i)
            if (!label_of(i).empty() && t.rows[i].role == TableRow::Role::Data && !total(i) &&
                std::any_of(t.rows[i].cells.begin() + 1, t.rows[i].cells.end(),
                            [](const model::Cell& c) { return c.kind == model::Cell::Kind::Number; }))
                least = least < 0 ? t.rows[i].indent : std::min(least, t.rows[i].indent);
        const auto indented = [&](size_t i) { return rows && least >= 0 && t.rows[i].indent > least && !total(i); };
        for (size_t i = 0; i < n; ++i) {
            const std::string& label = label_of(i);
            if ((rows && t.rows[i].role == TableRow::Role::Spacer) || label.empty()) out[i] = Skipped;
            else if (model::names_part(label) || (plain_unmarked && model::marked_as_item(label)) || indented(i))
                out[i] = Part;
            else if (total(i)) out[i] = Total;
        }
        return out;
    }

    // Whether each row (rows) or column is labelled as figures that do not add up with counts and
    // amounts (names_no_sum: an index, an average, a figure per person; names_per_cent: a share),
    // made once per table as the roles are.
    const std::vector<bool>& rates(const Table& t, bool rows) {
        std::vector<bool>& out = rows ? row_rates_ : column_rates_;
        const size_t n = rows ? t.rows.size() : t.header.size();
        if (out.size() == n) return out;
        out.assign(n, false);
        for (size_t i = rows ? 0 : 1; i < n; ++i) {
            const std::string& label = rows ? (t.rows[i].cells.empty() ? std::string() : t.rows[i].cells[0].text) : t.header[i];
            out[i] = !label.empty() && (names_no_sum(label) || (names_per_cent(label) && !names_points(label)));
        }
        return out;
    }

    // The headings' keys, for the formulas' column lookups (checked against the headings on each use).
    const std::vector<std::string>& columns(const Table& t) { return columns_.columns(t); }

private:
    std::vector<std::string> keys_;
    std::vector<bool> row_rates_, column_rates_;
    std::vector<unsigned char> row_roles_, column_roles_;
    bool made_ = false;
    LabelKeys columns_;
};

// Whether a formula adds up what it reads (labels, sums of ranges, + and -, and those times or
// over a number): computed across another formula's results, it gives what that formula gives
// across its inputs (row_writes_crossing). Without `minus`, a plain sum: no "-" (an average, a
// sum over a number, is one).
bool adds_up(const Expr& e, bool minus = true) {
    switch (e.kind) {
        case Expr::Kind::Label: return true;
        case Expr::Kind::Unary: return minus && e.op == '-' && adds_up(*e.args[0], minus);
        case Expr::Kind::Binary:
            if (e.op == '+' || (minus && e.op == '-')) return adds_up(*e.args[0], minus) && adds_up(*e.args[1], minus);
            if (e.op == '*')
                return (adds_up(*e.args[0], minus) && e.args[1]->kind == Expr::Kind::Number) ||
                       (e.args[0]->kind == Expr::Kind::Number && adds_up(*e.args[1], minus));
            if (e.op == '/') return adds_up(*e.args[0], minus) && e.args[1]->kind == Expr::Kind::Number;
            return false;
        case Expr::Kind::Call:
            if (e.text != "sum") return false;
            for (const auto& a : e.args)
                if (a->kind != Expr::Kind::Range && !adds_up(*a, minus)) return false;
            return true;
        default: return false;
    }
}

bool plain_sum(const Expr& e) { return adds_up(e, false); }

namespace {

// A formula that gives a word (status(), udvikling(), loft()): judged on the other formula's
// figures there, never added up.
bool gives_words(const Expr& e) {
    return e.kind == Expr::Kind::Call && (e.text == "status" || e.text == "udvikling" || e.text == "loft");
}

// A figure the same in every row and column: a written number, or a cell of a table named
// ("t[I alt; 2024]").
bool fixed_figure(const Expr& e) {
    return e.kind == Expr::Kind::Number || (e.kind == Expr::Kind::Cell && e.cell.size() == 2);
}

// Whether `e` divides by a figure, not a written number: a share, an index, a rate, a figure
// per inhabitant, anywhere in it ("[Ledere] / [Ansatte] * 100", "[2024] / [2023] * 100 - 100",
// "100 - [Overholdt] / [Forløb] * 100", "[Udgift] / t[I alt; Udgift] * 100").
bool divides_by_figure(const Expr& e) {
    if (e.kind == Expr::Kind::Binary && e.op == '/' && e.args[1]->kind != Expr::Kind::Number) return true;
    for (const auto& a : e.args)
        if (divides_by_figure(*a)) return true;
    return false;
}

// Whether `e` is a sum of products of figures ("[Antal] * [Takst]", "([A] + [B]) * [Pris] /
// 1000"): each product is an amount of its own row, and the products add up, as the figures do.
// A number added or taken away ("[Antal] * [Takst] + 500") makes it no such sum.
bool sums_products(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::Label: return true;
        case Expr::Kind::Unary: return e.op == '-' && sums_products(*e.args[0]);
        case Expr::Kind::Binary:
            if (e.op == '+' || e.op == '-') return sums_products(*e.args[0]) && sums_products(*e.args[1]);
            if (e.op == '*')
                return (sums_products(*e.args[0]) || fixed_figure(*e.args[0])) &&
                       (sums_products(*e.args[1]) || fixed_figure(*e.args[1])) &&
                       !(fixed_figure(*e.args[0]) && fixed_figure(*e.args[1]));
            if (e.op == '/') return sums_products(*e.args[0]) && fixed_figure(*e.args[1]);
            return false;
        case Expr::Kind::Call:
            if (e.text != "sum") return false;
            for (const auto& a : e.args)
                if (a->kind != Expr::Kind::Range && !sums_products(*a)) return false;
            return true;
        default: return false;
    }
}

// What a formula that does not add up gives where it crosses one that does (row_writes_crossing).
enum class Across {
    Words,    // status(), udvikling(), loft(): judges the adder's figures there
    Ratio,    // divides by a figure: across a sum, the ratio of the totals
    Extreme,  // max() or min() of figures alone: across a sum, the largest (smallest) total
    Product,  // products of figures ("[Antal] * [Takst]"): across a sum, the sum of the products
    Other,    // a number added ("[2024] - 100"), a constant ("Mål = 79"), abs(): could mean either
};

Across across_kind(const Expr& e) {
    if (gives_words(e)) return Across::Words;
    if (divides_by_figure(e)) return Across::Ratio;
    const Expr& u = unscaled(e);
    if (u.kind == Expr::Kind::Call && (u.text == "max" || u.text == "min") && u.args.size() > 0 &&
        std::all_of(u.args.begin(), u.args.end(),
                    [](const auto& a) { return a->kind == Expr::Kind::Label || a->kind == Expr::Kind::Range; }))
        return Across::Extreme;
    if (sums_products(e)) return Across::Product;
    return Across::Other;
}

// Where one formula adds up and the other does not: which of them writes the crossing cell, or
// neither surely (nullopt: it could mean either, so the column's writes and check_crossings
// compares). `other_writes` true: the one that does not add up, computed from the adder's results.
std::optional<bool> other_writes(const Expr& adder, const Expr& other) {
    switch (across_kind(other)) {
        case Across::Words: return true;
        // A ratio of a sum is the ratio of its totals, the largest of a sum's rows the largest
        // total; across a difference either could be meant (the difference of the shares, the
        // share of the net; the largest change, the change of the largest).
        case Across::Ratio:
        case Across::Extreme: return plain_sum(adder) ? std::optional<bool>(true) : std::nullopt;
        case Across::Product: return false;
        case Across::Other: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

// Where a computed row and a computed column cross, whether the row's formula writes the cell
// (after every column formula), or the column's (from the row's results). Two formulas that add
// up agree there; where neither does, the column's writes and check_crossings compares. Where one
// adds up (other_writes): a ratio across a plain sum is the ratio of the sums (a sum row's share
// is the share of the totals, 25, never the sum of two shares, 40; its growth in per cent the
// growth of the total, never the sum of the regions'), a max() the largest of the totals, and a
// word judges the other's figures; products are added up (a sum row across "Udgift = [Antal] *
// [Takst]" is the sum of the products, never the product of two sums); anything else could mean
// either (a constant "Mål = 79" across a sum row: 79, or 237?), so the column's writes and
// check_crossings compares (crossing_may_mean_either).
bool row_writes_crossing(const Expr& row, const Expr& column) {
    const bool row_adds = adds_up(row), column_adds = adds_up(column);
    if (row_adds == column_adds) return false;
    const std::optional<bool> other = other_writes(row_adds ? row : column, row_adds ? column : row);
    if (!other) return false;
    return row_adds != *other;
}

// Whether a crossing the column's formula writes could mean the row's too: neither adds up, or
// one adds up and other_writes cannot tell.
bool crossing_may_mean_either(const Expr& row, const Expr& column) {
    const bool row_adds = adds_up(row), column_adds = adds_up(column);
    if (!row_adds && !column_adds) return true;
    if (row_adds == column_adds) return false;
    return !other_writes(row_adds ? row : column, row_adds ? column : row);
}

// Whether a row formula that adds up may write the cell of a computed column whose formula
// leaves the row out ("| rækker A .. C"). A difference may: across a share column it is the
// change in points. A plain sum only where the column's figures add up, as its own sums or
// products do: a ratio, a max() or a word added up is no total (five ratios' sum printed 8,72
// where the ratio of the totals is 1,77), so that cell is left as the CSV has it.
bool adds_across_left_out_row(const Expr& row, const Expr& column) {
    if (!adds_up(row)) return false;
    return !plain_sum(row) || adds_up(column) || across_kind(column) == Across::Product;
}

// A cell a formula of the table will write, and that formula's place in the order of computing.
struct PlannedCell {
    size_t order = 0;
    const PreparedFormula* formula = nullptr;
};
using Planned = std::map<std::pair<size_t, size_t>, PlannedCell>;
// The cells a formula failed to compute, each with its error (an index into Diagnostics).
using FailedCells = std::map<std::pair<size_t, size_t>, size_t>;
// The rows (or columns) each sum formula of a table adds, as index ranges: found once per formula.
using SumSpans = std::map<const PreparedFormula*, std::vector<std::pair<size_t, size_t>>>;

// The index ranges that the labels and ranges of `e` name among `t`'s rows (rows) or columns,
// added to `out` (a label is a range of one; with `ranges_only`, only its ranges).
void add_named_spans(const Table& t, RowKeys& keys, bool rows, const Expr& e, bool ranges_only,
                     std::vector<std::pair<size_t, size_t>>& out) {
    const auto at = [&](const std::string& label) {
        return rows ? find_row(t, keys.of(t), label) : find_column(t, keys.columns(t), label);
    };
    if (e.kind == Expr::Kind::Label && !ranges_only) {
        if (const auto k = at(e.text)) out.emplace_back(*k, *k);
    } else if (e.kind == Expr::Kind::Range) {
        const auto x = at(e.text), y = at(e.text2);
        if (x && y && *x <= *y) out.emplace_back(*x, *y);
    }
    for (const auto& arg : e.args) add_named_spans(t, keys, rows, *arg, ranges_only, out);
}

// Whether `e` names the row (or column) `index` of `t`, alone or inside a range.
bool names_index(const Table& t, const std::vector<std::string>& keys, const Expr& e, bool rows, size_t index) {
    auto at = [&](const std::string& label) { return rows ? find_row(t, keys, label) : find_column(t, label); };
    if (e.kind == Expr::Kind::Label && at(e.text) == index) return true;
    if (e.kind == Expr::Kind::Range) {
        const auto a = at(e.text), b = at(e.text2);
        if (a && b && *a <= index && index <= *b) return true;
    }
    for (const auto& arg : e.args)
        if (names_index(t, keys, *arg, rows, index)) return true;
    return false;
}

// Labels resolve to rows (row formulas) or columns (column formulas) of the same table.
class TableScope final : public Scope {
public:
    // `own` is the row or column the formula writes, which it must not use.
    // `computed` holds the cells formulas have written; `planned` the cells each formula will
    // write, `now` the place of `formula`, the one being evaluated, in the order of computing.
    TableScope(Table& t, RowKeys& keys, References& refs, bool rows, size_t fixed, std::optional<size_t> own,
               const std::map<std::pair<size_t, size_t>, const Formula*>& computed, const Planned& planned, size_t now,
               const Formula& formula, SumSpans& sums, const FailedCells* failed = nullptr)
        : Scope(refs), t_(t), keys_(keys), rows_(rows), fixed_(fixed), own_(own), computed_(computed), planned_(planned),
          now_(now), formula_(formula), sums_(sums), failed_(failed) {}

    std::optional<Value> label(const std::string& label, Failure* error) override {
        std::string ambiguous;
        const auto i = rows_ ? find_row(t_, keys_.of(t_), label, &ambiguous) : find_column(t_, keys_.columns(t_), label, &ambiguous);
        if (!i) {
            if (!ambiguous.empty()) {
                error->message = ambiguous;
                return std::nullopt;
            }
            error->message = fmt(rows_ ? _("the table has no row {}{}") : _("the table has no column {}{}"), quote_text(label), known(label));
            return std::nullopt;
        }
        if (own_ && *i == *own_) {
            error->message = fmt(rows_ ? _("the formula uses its own row {}: that is a cycle; use the rows or columns it is computed from")
                                       : _("the formula uses its own column {}: that is a cycle; use the rows or columns it is computed from"),
                                 quote_text(label));
            return std::nullopt;
        }
        return rows_ ? input(*i, fixed_, error) : input(fixed_, *i, error);
    }

    // A cell of this table quoted by its name ("t[I alt; 2016]" in "Indeks = [I alt] / t[I alt;
    // 2016] * 100"): an input cell, or one an earlier formula has computed, as the table prints
    // it. A cell this formula computes itself, or one a later formula computes, holds no figure
    // yet (the empty cell or the published figure would be read silently): an error, said as a
    // cycle where it is one.
    std::optional<Value> cell(const std::string& name, const std::vector<std::string>& labels, Failure* error) override {
        if (t_.name.empty() || fold_label(name) != t_.name) return refs().cell(name, labels, error);
        const auto at = own_cell_at(name, labels, error);
        if (!at) return std::nullopt;
        const auto [r, c] = *at;
        if (writes(formula_, r, c)) {
            error->message = fmt(_("the formula quotes {}[{}; {}], a cell it computes itself: that is a cycle; use the "
                                   "cells that one is computed from"),
                                 name, labels[0], labels[1]);
            return std::nullopt;
        }
        if (failed_before(r, c, error) || !computed_by_now(r, c, error)) return std::nullopt;
        // An earlier formula that stopped before this cell (at its own error) left it as the CSV has it.
        if (const auto planned = planned_.find({r, c});
            planned != planned_.end() && !computed_.count({r, c}) && t_.rows[r].cells[c].kind != Cell::Kind::Empty) {
            error->message = fmt(_("the cell {} / {} could not be computed (see its error)"), quote_text(row_name(t_, r)),
                                 quote_text(t_.header[c]));
            return std::nullopt;
        }
        auto v = cell_value(t_, r, c, error);
        if (v) v->where = name + "[" + labels[0] + "; " + labels[1] + "]";
        return v;
    }

    std::string number_as_label(const std::string& written, const std::string& other_form) override {
        std::string ambiguous;
        const auto i = rows_ ? find_row(t_, keys_.of(t_), written, &ambiguous) : find_column(t_, keys_.columns(t_), written, &ambiguous);
        if (!i && ambiguous.empty()) return "";
        const std::string label = i ? (rows_ ? row_name(t_, *i) : t_.header[*i]) : written;
        return fmt(rows_ ? _("{0} could be the number or the row {1} of the table; write [{0}] for the row, or the number "
                             "another way ({2})")
                         : _("{0} could be the number or the column {1} of the table; write [{0}] for the column, or the "
                             "number another way ({2})"),
                   written, quote_text(label), other_form);
    }

    std::optional<std::vector<Value>> range(const std::string& from, const std::string& to, Failure* error,
                                            bool* to_failed) override {
        std::string ambiguous;
        const auto a = rows_ ? find_row(t_, keys_.of(t_), from, &ambiguous) : find_column(t_, keys_.columns(t_), from, &ambiguous);
        const auto b = rows_ && a ? find_row(t_, keys_.of(t_), to, &ambiguous) : (a ? find_column(t_, keys_.columns(t_), to, &ambiguous) : std::nullopt);
        *to_failed = a.has_value();
        if (!ambiguous.empty()) {
            error->message = ambiguous;
            return std::nullopt;
        }
        if (!a || !b) {
            error->message = fmt(rows_ ? _("the table has no row {}{}") : _("the table has no column {}{}"),
                                 quote_text(!a ? from : to), known(!a ? from : to));
            return std::nullopt;
        }
        if (*a > *b) {
            error->message = fmt(_("the range {} .. {} runs backwards"), quote_text(from), quote_text(to));
            return std::nullopt;
        }
        if (counts_twice(*a, *b, from, to, error) || counts_read_total_twice(*a, *b, from, to, error) ||
            mixes_rates(*a, *b, from, to, error))
            return std::nullopt;
        std::vector<Value> out;
        out.reserve(*b - *a + 1);
        for (size_t i = *a; i <= *b; ++i) {
            if (rows_ && t_.rows[i].role == TableRow::Role::Spacer) continue;
            auto v = rows_ ? input(i, fixed_, error) : input(fixed_, i, error);
            if (!v) return std::nullopt;
            out.push_back(std::move(*v));
        }
        return out;
    }

    // The per-cent sign of the cells of this table the formula read ("" for none or mixed).
    std::string share_sign() const { return share_sign_.sign(); }
    // The first cell the formula read that prints as a year ("2019": four digits from 1900 to
    // 2099 without a thousands point, in a column of nothing else), if any.
    std::optional<std::pair<size_t, size_t>> year_read() const { return year_read_; }

    // A "-" quoted from another table (or by the table's own name) passes only where this table
    // says "mangler: videre"; from an input cell the error belongs at that cell.
    bool accepts_missing(const Value& missing, Failure* error) override {
        if (t_.missing_passes) return true;
        return refuse_missing(missing, formula_, error);
    }

    // Words in a column of numbers ("ca. 5.000" among figures) are the cell's fault, not the
    // formula's: the error is put at that cell, naming the cell the formula cannot compute.
    void word_as_number(const Value& word, Failure* error) override {
        if (word.from.file.empty()) return;
        for (size_t r = 0; r < t_.rows.size(); ++r)
            for (size_t c = 1; c < t_.rows[r].cells.size(); ++c) {
                const Cell& cell = t_.rows[r].cells[c];
                if (cell.kind != Cell::Kind::Text || cell.loc != word.from) continue;
                // A code or a year (a row labelled "Opgørelsesår" across a column of figures) is
                // no word among figures: not_a_number says why it is not computed with.
                if (!holds_numbers(t_, c) || cell.code) return;
                const size_t row = rows_ ? *own_ : fixed_, column = rows_ ? fixed_ : *own_;
                error->message = fmt(_("the cell {} / {} holds the text {}, not a number, so the formula {}{} cannot compute "
                                       "{} / {}; write the number alone in the cell (a word such as \"ca.\" belongs in a "
                                       "note)"),
                                     quote_text(row_name(t_, r)), quote_text(t_.header[c]), quote_text(cell.text),
                                     quoted(formula_), position_of(formula_),
                                     quote_text(row_name(t_, row)), quote_text(t_.header[column]));
                error->at = cell.loc;
                return;
            }
    }

private:
    // A range that holds a subtotal (a row a sum formula writes: "Udgifter i alt = sum(Løn ..
    // Drift)") and rows that subtotal adds would count them twice. True, with *error, if so.
    bool counts_twice(size_t a, size_t b, const std::string& from, const std::string& to, Failure* error) {
        for (size_t i = a; i <= b; ++i) {
            if (own_ && i == *own_) continue;  // its own row: a cycle, said as such
            const auto planned = planned_.find(rows_ ? std::make_pair(i, fixed_) : std::make_pair(fixed_, i));
            if (planned == planned_.end()) continue;
            const PreparedFormula& sub = *planned->second.formula;
            if (!model::is_sum_expression(sub.formula->expression)) continue;
            for (const auto& [x, y] : spans_of(sub)) {
                // The first index of the subtotal's terms inside a .. b, other than its own.
                for (size_t j = std::max(x, a); j <= std::min(y, b); ++j) {
                    if (j == i) continue;
                    error->message = fmt(_("the range {} .. {} holds {}, which sums {} of the same range, so they would be "
                                           "counted twice; sum the rows or their subtotals, not both"),
                                         quote_text(from), quote_text(to),
                                         quote_text(rows_ ? row_name(t_, i) : t_.header[i]),
                                         quote_text(rows_ ? row_name(t_, j) : t_.header[j]));
                    return true;
                }
            }
        }
        return false;
    }

    // The same for totals and parts the CSV holds: a range holding a row that reads as a total
    // ("Udgifter i alt", or one "total:" names) and the row just above it, which it adds; or a
    // "Heraf …" row and the row it is part of. A range of totals only ("Løn i alt .. Drift i
    // alt") or of parts only ("Heraf A .. Heraf B") adds each once. True, with *error, if so.
    bool counts_read_total_twice(size_t a, size_t b, const std::string& from, const std::string& to, Failure* error) {
        const std::vector<unsigned char>& role = keys_.roles(t_, rows_);
        const auto name = [&](size_t i) { return rows_ ? row_name(t_, i) : t_.header[i]; };
        const auto skipped = [&](size_t i) { return role[i] == RowKeys::Skipped; };
        const auto own = [&](size_t i) { return own_ && i == *own_; };
        // A row a formula computes is judged by what it sums (counts_twice), not by its name.
        const auto computed = [&](size_t i) {
            return planned_.count(rows_ ? std::make_pair(i, fixed_) : std::make_pair(fixed_, i)) > 0;
        };
        // The rows counted twice, each with the row above it that it adds or is part of.
        std::vector<std::pair<size_t, size_t>> twice;
        for (size_t i = a + 1; i <= b; ++i) {
            if ((role[i] != RowKeys::Total && role[i] != RowKeys::Part) || own(i) || computed(i)) continue;
            const bool part = role[i] == RowKeys::Part;
            // The row above it (a total's last term, a part's whole), inside the range or not.
            std::optional<size_t> above;
            for (size_t j = i; j-- > a;) {
                if (skipped(j) || (part && role[j] == RowKeys::Part)) continue;
                above = j;
                break;
            }
            if (above && !(!part && role[*above] == RowKeys::Total) && !own(*above)) twice.emplace_back(i, *above);
        }
        // A total that comes first, as statistics tables put it ("Hele landet" above the
        // regions, an "I alt" column before "Mænd" and "Kvinder"): it adds the rows below it.
        // Judged only for the table's first row or column, where no rows above can be its parts.
        std::optional<size_t> below;  // the first row after it in the range that it adds
        size_t first = rows_ ? 0 : 1;
        while (first < role.size() && role[first] == RowKeys::Skipped) ++first;
        if (a == first && role[a] == RowKeys::Total && !own(a) && !computed(a))
            for (size_t j = a + 1; j <= b && !below; ++j)
                if (role[j] == RowKeys::Plain && !own(j)) below = j;
        if (twice.empty() && !below) return false;
        // The sum that counts each once, for the message: the range from `start` without those rows.
        const auto write_from = [&](size_t start) {
            std::string once;
            size_t terms = 0;
            for (size_t i = start; i <= b; ++i) {
                if (own(i) || skipped(i) || std::any_of(twice.begin(), twice.end(), [i](const auto& t) { return t.first == i; }))
                    continue;
                once += (terms++ ? " + [" : "[") + name(i) + "]";
            }
            return terms >= 2 && terms <= 8 ? fmt(_("name them one by one, as {}"), quote_text(once))
                                            : std::string(_("name them one by one"));
        };
        // A table whose first row is a total of the rows below it puts its other totals first too
        // ("Sundhed i alt" over "Somatik", "Psykiatri"): the sum that counts each row once leaves
        // them all out. Read as totals of the rows above, the message offered "[Sundhed i alt] +
        // [Somatik] + [Psykiatri] + ...", which, written, counts them twice without a word.
        if (below) {
            error->message = fmt(rows_ ? _("the range {} .. {} holds {}, which comes first and reads as a total of the "
                                           "rows below it such as {}, so they would be counted twice; sum the rows or the "
                                           "total, not both: {}")
                                       : _("the range {} .. {} holds {}, which comes first and reads as a total of the "
                                           "columns after it such as {}, so they would be counted twice; sum the columns "
                                           "or the total, not both: {}"),
                                 quote_text(from), quote_text(to), quote_text(name(a)), quote_text(name(*below)),
                                 write_from(a + 1));
            return true;
        }
        const auto [i, above] = twice.front();
        error->message =
            role[i] == RowKeys::Part
                ? fmt(_("the range {} .. {} holds {}, a part of {}, which the range holds too, so the part would be "
                        "counted twice; leave the part out: {}"),
                      quote_text(from), quote_text(to), quote_text(name(i)), quote_text(name(above)), write_from(a))
                : fmt(rows_ ? _("the range {} .. {} holds {}, a total of the rows above it such as {}, so they would be "
                                "counted twice; sum the rows or their totals, not both: {}")
                            : _("the range {} .. {} holds {}, a total of the columns before it such as {}, so they would "
                                "be counted twice; sum the columns or their totals, not both: {}"),
                      quote_text(from), quote_text(to), quote_text(name(i)), quote_text(name(above)), write_from(a));
        return true;
    }

    // A range holding a row labelled as an index, an average, a share or a figure per person
    // ("Læger, indeks (2023=100)", "Løn pr. ansat") beside rows of counts or amounts: a probe's
    // "I alt = sum(Læger .. Sygeplejersker)" added the index 120 to 1.700 employees. True, with
    // *error, if so; a range of such rows only is the warning of sums over no-sum headings.
    bool mixes_rates(size_t a, size_t b, const std::string& from, const std::string& to, Failure* error) {
        const std::vector<bool>& rate = keys_.rates(t_, rows_);
        const std::vector<unsigned char>& role = keys_.roles(t_, rows_);
        const auto name = [&](size_t i) { return rows_ ? row_name(t_, i) : t_.header[i]; };
        std::optional<size_t> first_rate, first_plain;
        for (size_t i = a; i <= b; ++i) {
            if (role[i] == RowKeys::Skipped || (own_ && i == *own_)) continue;
            if (rate[i]) first_rate = first_rate.value_or(i);
            else if (role[i] == RowKeys::Plain) first_plain = first_plain.value_or(i);
        }
        if (!first_rate || !first_plain) return false;
        std::string once;
        size_t terms = 0;
        for (size_t i = a; i <= b; ++i)
            if (!rate[i] && role[i] != RowKeys::Skipped && !(own_ && i == *own_)) once += (terms++ ? " + [" : "[") + name(i) + "]";
        error->message = fmt(_("the range {} .. {} holds {}, whose label names an index, an average, a share or a figure "
                               "per person, beside figures such as {} that add up; added to them it is no figure of "
                               "anything; leave it out: {}"),
                             quote_text(from), quote_text(to), quote_text(name(*first_rate)), quote_text(name(*first_plain)),
                             terms >= 1 && terms <= 8 ? fmt(_("name them one by one, as {}"), quote_text(once))
                                                      : std::string(_("name them one by one")));
        return true;
    }

    // The index ranges a sum formula's labels and ranges name (a label is a range of one).
    const std::vector<std::pair<size_t, size_t>>& spans_of(const PreparedFormula& sum) {
        const auto [it, added] = sums_.try_emplace(&sum);
        if (added) add_named_spans(t_, keys_, rows_, *sum.expr, false, it->second);
        return it->second;
    }

    std::string shown_unit() const override {
        const std::string written = cell_unit(t_.figures_unit, "");
        return kroner_per(t_.unit) > 0 && t_.unit != written && kroner_per(written.empty() ? "kr." : written) > 0 ? t_.unit
                                                                                                              : "";
    }

    // Whether another formula failed to compute the cell (r, c): then *error says this follows
    // from that error.
    bool failed_before(size_t r, size_t c, Failure* error) const {
        if (!failed_) return false;
        const auto f = failed_->find({r, c});
        if (f == failed_->end()) return false;
        error->message = fmt(_("the cell {} / {} could not be computed (see its error)"), quote_text(row_name(t_, r)),
                             quote_text(t_.header[c]));
        error->follows_from = f->second;
        return true;
    }

    // A cell's value; "-" or "Ikke oplyst" read from the CSV is an error at that cell unless the
    // table says "mangler: videre", so no total silently turns into "-".
    std::optional<Value> input(size_t r, size_t c, Failure* error) {
        if (failed_before(r, c, error) || !not_yet_computed(r, c, error)) return std::nullopt;
        auto v = cell_value(t_, r, c, error);
        if (v) share_sign_.add(t_.rows[r].cells[c]);
        // Printed as a year (input/table_reader.cpp leaves no amount so among others): the reader
        // takes its column for years. A count's cells are no years.
        const Cell& read = t_.rows[r].cells[c];
        if (v && !year_read_ && model::printed_as_year(read) && !read.unitless) year_read_ = {r, c};
        if (!v || v->kind != Value::Kind::Missing || t_.missing_passes || computed_.count({r, c})) return v;
        const Cell& cell = t_.rows[r].cells[c];
        error->message = missing_input_message(quote_text(row_name(t_, r)) + " / " + quote_text(t_.header[c]), cell.text,
                                               formula_);
        error->at = cell.loc;
        return std::nullopt;
    }

    // A cell the formula writes itself, or one a formula below it writes, holds no computed
    // figure yet: the empty cell or the published figure there would be used instead, silently.
    // False, with *error, for such a cell.
    bool not_yet_computed(size_t r, size_t c, Failure* error) {
        if (own_ && (rows_ ? r : c) == *own_) {
            error->message = fmt(rows_ ? _("the formula uses its own row {}: that is a cycle; use the rows or columns it is computed from")
                                       : _("the formula uses its own column {}: that is a cycle; use the rows or columns it is computed from"),
                                 quote_text(rows_ ? row_name(t_, r) : t_.header[c]));
            return false;
        }
        return computed_by_now(r, c, error);
    }

    // Whether the cell (r, c) holds what it will print: it is an input cell, or a formula before
    // this one has computed it. False, with *error, for one a formula below this one computes
    // (said as a cycle where that formula uses this one's cells).
    bool computed_by_now(size_t r, size_t c, Failure* error) {
        if (computed_.count({r, c})) return true;
        const auto planned = planned_.find({r, c});
        if (planned == planned_.end() || planned->second.order <= now_) return true;
        const PreparedFormula& later = *planned->second.formula;
        const std::string cell = quote_text(row_name(t_, r)), column = quote_text(t_.header[c]);
        const std::string written = quoted(*later.formula);
        if (const auto back = quoted_cell_of(*later.expr, formula_)) {
            error->message = fmt(_("the cell {} / {} is computed by the formula {}{}, which in turn quotes the cell {} / {} "
                                   "that this formula computes: that is a cycle; compute one of them from the cells it is "
                                   "made of"),
                                 cell, column, written, position_of(*later.formula), quote_text(row_name(t_, back->first)),
                                 quote_text(t_.header[back->second]));
            return false;
        }
        if (own_ && names_index(t_, keys_.of(t_), *later.expr, rows_, *own_)) {
            error->message = fmt(rows_ ? _("the cell {} / {} is computed by the formula {}{}, which in turn uses this "
                                           "formula's row {}: that is a cycle; compute each row from the rows it is made of")
                                       : _("the cell {} / {} is computed by the formula {}{}, which in turn uses this "
                                           "formula's column {}: that is a cycle; compute each column from the columns it "
                                           "is made of"),
                                 cell, column, written, position_of(*later.formula),
                                 quote_text(rows_ ? row_name(t_, *own_) : t_.header[*own_]));
            return false;
        }
        if (later.formula->kind == Formula::Kind::Row && formula_.kind == Formula::Kind::Column) {
            // A crossing cell (TableComputation::compute_row plans it): its row's formula is computed last.
            error->message = fmt(_("the cell {} / {} is computed by the row formula {}, from the totals of the columns it "
                                   "crosses, so after every column formula; compute this column from the columns those "
                                   "are made of, or leave that row out of it (\"| rækker A .. B\")"),
                                 cell, column, written);
            return false;
        }
        error->message = fmt(_("the cell {} / {} is computed by the formula {}, which has not been computed yet: "
                               "row formulas are computed in the order written, then column formulas; put that one first"),
                             cell, column, written);
        return false;
    }

    // The row and column of a cell of this table quoted by name; nullopt with the error when it is
    // not written so, or could mean several rows or columns, or names none.
    std::optional<std::pair<size_t, size_t>> own_cell_at(const std::string& name, const std::vector<std::string>& labels,
                                                         Failure* error) {
        if (labels.size() != 2) {
            error->message = fmt(_("a table cell is written {}[række; kolonne]"), name);
            return std::nullopt;
        }
        std::string ambiguous;
        const auto r = find_row(t_, keys_.of(t_), labels[0], &ambiguous);
        const auto c = ambiguous.empty() ? find_column(t_, keys_.columns(t_), labels[1], &ambiguous) : std::nullopt;
        if (!ambiguous.empty()) {
            error->message = fmt(_("in the table {}, {}"), quote_text(name), ambiguous);
            return std::nullopt;
        }
        if (!r || !c) {
            error->message = !r ? fmt(_("the table {} has no row {}{}"), quote_text(name), quote_text(labels[0]), "")
                                : fmt(_("the table {} has no column {}{}"), quote_text(name), quote_text(labels[1]), "");
            return std::nullopt;
        }
        return std::pair{*r, *c};
    }

    // Whether formula `f` computes the cell (r, c): it has, or it is planned to, or it is the
    // formula that writes it (a row it adds at the end, which the plan does not hold).
    bool writes(const Formula& f, size_t r, size_t c) const {
        if (const auto done = computed_.find({r, c}); done != computed_.end()) return done->second == &f;
        if (const auto planned = planned_.find({r, c}); planned != planned_.end()) return planned->second.formula->formula == &f;
        return writer_of(t_, r, c) == &f;
    }

    // The first cell of this table that `e` quotes by name ("t[I alt; 2016]") and formula `f`
    // computes, if any.
    std::optional<std::pair<size_t, size_t>> quoted_cell_of(const Expr& e, const Formula& f) {
        if (e.kind == Expr::Kind::Cell && e.cell.size() == 2 && !t_.name.empty() && fold_label(e.text) == t_.name) {
            const auto r = find_row(t_, keys_.of(t_), e.cell[0]);
            const auto c = find_column(t_, keys_.columns(t_), e.cell[1]);
            if (r && c && writes(f, *r, *c)) return std::pair{*r, *c};
        }
        for (const auto& a : e.args)
            if (auto found = quoted_cell_of(*a, f)) return found;
        return std::nullopt;
    }

    // What the table has, for a label it does not: the nearest names first ("did you mean"),
    // then all of them.
    std::string known(const std::string& wanted) const {
        std::vector<std::string> names;
        if (rows_) {
            for (const TableRow& r : t_.rows)
                if (r.role != TableRow::Role::Spacer && !r.cells[0].text.empty()) names.push_back(r.cells[0].text);
        } else {
            for (size_t c = 1; c < t_.header.size(); ++c) names.push_back(t_.header[c]);
        }
        // Each name cut as a message cuts a label, and forty of them at most: a 60.000-character
        // label made a message line of as many.
        constexpr size_t kListed = 40;
        std::string list;
        for (size_t i = 0; i < names.size() && i < kListed; ++i) list += (i ? ", " : "") + shortened(names[i], 60);
        if (names.size() > kListed) list += ", \xE2\x80\xA6";  // "…"
        return did_you_mean(wanted, names) + fmt(_(" (it has: {})"), list);
    }

    Table& t_;
    RowKeys& keys_;
    bool rows_;
    size_t fixed_;
    std::optional<size_t> own_;
    const std::map<std::pair<size_t, size_t>, const Formula*>& computed_;
    const Planned& planned_;
    size_t now_;
    const Formula& formula_;
    SumSpans& sums_;
    const FailedCells* failed_;
    SharedShareSign share_sign_;
    std::optional<std::pair<size_t, size_t>> year_read_;
};

using Prepared = PreparedFormula;

// The indexes a "rækker/kolonner A .. B" option allows, or all; a range that is not one of the
// table is reported to `diags`, if given.
std::optional<std::pair<size_t, size_t>> span(const Table& t, RowKeys& keys, const Prepared& p, bool rows, size_t count,
                                              Diagnostics* diags) {
    if (p.options.from.empty()) return std::make_pair<size_t, size_t>(rows ? 0 : 1, count - 1);
    std::string ambiguous;
    const auto a = rows ? find_row(t, keys.of(t), p.options.from, &ambiguous) : find_column(t, keys.columns(t), p.options.from, &ambiguous);
    const auto b = rows ? find_row(t, keys.of(t), p.options.to, &ambiguous) : find_column(t, keys.columns(t), p.options.to, &ambiguous);
    if (!ambiguous.empty()) {
        if (diags) report(*diags, *p.formula, 0, ambiguous, true);
        return std::nullopt;
    }
    if (!a || !b) {
        if (diags) report(*diags, *p.formula, 0, fmt(rows ? _("the range names a row the table does not have: {}")
                                              : _("the range names a column the table does not have: {}"),
                                         quote_text(!a ? p.options.from : p.options.to)), true);
        return std::nullopt;
    }
    // A range written backwards would compute no cell at all, leaving the published figures
    // there unchecked; as in sum(C .. A), it is an error.
    if (*a > *b) {
        const size_t at = p.formula->options.find(rows ? "rækker" : "kolonner");
        if (diags) report(*diags, *p.formula, at == std::string::npos ? 0 : static_cast<int>(at),
               fmt(_("the range {} .. {} runs backwards"), quote_text(p.options.from), quote_text(p.options.to)), true);
        return std::nullopt;
    }
    return std::make_pair(*a, *b);
}

// The computed value before rounding, when rounding changed it, so a reader can tell a rounding
// difference from a typing error: " (unrounded 1.767,46)".
std::string unrounded(const Decimal& v, int decimals) {
    if (v.rounded(decimals) == v) return "";
    return fmt(_(" (unrounded {})"), format_danish_exact(v, decimals));
}

// A result in the table's unit: one in another amount unit (a cell quoted from a table in mio.
// kr.) converted exactly; a share where the figures are millions, or millions where they are
// shares, would print a wrong figure: nullopt after an error at the formula.
std::optional<Value> in_table_unit(const Table& t, size_t r, size_t c, const Value& v, const Prepared& p,
                                   Diagnostics& diags) {
    if (!v.is_number()) return v;
    const std::string home = cell_unit(t.figures_unit, "");
    if (!common_unit(v.unit, home)) {
        report(diags, *p.formula, 0,
               fmt(_("the formula gives a figure in {} for {} / {}, but the table's figures are in {}; the one cannot be "
                     "converted into the other"), v.unit, quote_text(row_name(t, r)), quote_text(t.header[c]), home));
        return std::nullopt;
    }
    auto converted = in_unit(v, home);
    if (!converted)
        report(diags, *p.formula, 0,
               fmt(_("the formula's result for {} / {} in {} is too large to convert to the table's {} exactly ({})"),
                   quote_text(row_name(t, r)), quote_text(t.header[c]), v.unit, home, tr(Decimal::kLimitText)));
    return converted;
}

// Puts a result into a cell, comparing it with the figure the CSV published there, if any.
// False (after an error at the formula) if the two are too far apart to compare exactly.
// `unit` is what the cell prints after its number ("%", "pct.-point", or none: cell_unit_of).
bool store(Table& t, size_t r, size_t c, const Value& v, const std::string& unit, const Prepared& p,
           bool& used_rounding_note,
           std::vector<std::string>& differs, const Words& words, Diagnostics& diags) {
    Cell& cell = t.rows[r].cells[c];
    const Cell& published = cell;  // as the CSV has it, until `out` replaces it at the end
    Cell out;
    out.loc = published.loc;
    switch (v.kind) {
        case Value::Kind::Missing:
            // A published figure is never silently replaced by "-": the input that is not a
            // number must be fixed (or this cell emptied).
            if (published.kind == Cell::Kind::Number) {
                diags.error(published.loc, fmt(_("the published figure {} for {} / {} would be replaced by {}: its formula {} "
                                                 "uses a cell that is not a number; write the number there"),
                                               published.text, quote_text(row_name(t, r)), quote_text(t.header[c]),
                                               quote_text(v.text), quoted(*p.formula)));
                return true;  // the published figure stays
            }
            out.kind = v.text == "-" ? Cell::Kind::Dash : Cell::Kind::NotAvailable;
            out.text = v.text;
            break;
        case Value::Kind::Text:
            out.kind = Cell::Kind::Text;
            out.text = v.text;
            out.tone = v.tone;
            break;
        case Value::Kind::Number: {
            int d = p.options.decimals >= 0 ? p.options.decimals : (t.decimals >= 0 ? t.decimals : std::max(0, v.decimals));
            // A published figure written with more decimals than the inputs have (33,3 for 333 of
            // 1.000) is shown as written when the computation gives it: compared at fewer decimals it
            // would be called wrong when it is right.
            if (p.options.decimals < 0 && t.decimals < 0 && published.kind == Cell::Kind::Number && published.decimals > d &&
                !shown_scaled(t, published) && published.decimals <= 6)
                d = published.decimals;
            out.kind = Cell::Kind::Number;
            out.value = v.number;
            out.decimals = d;
            out.text = format_danish(v.number, d);
            // The difference of two shares is "4 pct.-point", where neither its column nor its row
            // says so already.
            out.unit = unit;
            out.unitless = v.unit.empty() && unit.empty();
            if (out.unitless) out.hundred = v.hundred;
            if (!out.unit.empty() && !(unit == kPoints && (names_points(t.header[c]) || names_points(row_name(t, r)))))
                out.text += " " + out.unit;
            // A share of 0,3 shown without decimals is "0": a figure that is not zero must not
            // print as zero unremarked.
            if (!v.number.is_zero() && v.number.rounded(d).is_zero())
                diags.warning(p.formula->loc,
                              fmt(_("the computed figure for {} / {} is not zero but prints as {}{}; give the formula "
                                    "more decimals (\"| decimaler 2\"), or multiply by 100 for per cent"),
                                  quote_text(row_name(t, r)), quote_text(t.header[c]), quote_text(out.text),
                                  unrounded(v.number, d)));
            if (published.kind == Cell::Kind::Number) {
                const Decimal shown = v.number.rounded(d);
                const auto difference = Decimal::sub(published.value, shown);
                const auto magnitude = difference ? difference->abs() : std::nullopt;
                // The cell, for the messages only (most published figures are as computed).
                const auto at = [&] { return quote_text(row_name(t, r)) + " / " + quote_text(t.header[c]); };
                if (!magnitude) {
                    report(diags, *p.formula, 0,
                           fmt(_("the published figure {} for {}{} and the computed {} are too far apart to compare ({})"),
                               published.text, at(), position(published), out.text, tr(Decimal::kLimitText)));
                    return false;
                }
                const Decimal diff = *magnitude;
                // The tolerance is in the units shown: in a table shown in mio. kr., millions of
                // the kroner the CSV writes (a share keeps its own).
                const bool scaled = kroner_per(t.unit) > 1 && out.unit.empty() && !out.unitless;
                const auto tolerance = scaled ? Decimal::mul(p.options.tolerance, Decimal(kroner_per(t.unit), 0))
                                             : std::optional<Decimal>(p.options.tolerance);
                // A figure of the other sign is no rounding, however small the two ("steget med 1"
                // kept over a computed -1 within a tolerance of 2).
                const bool other_sign = !published.value.is_zero() && !shown.is_zero() &&
                                        published.value.is_negative() != shown.is_negative();
                const bool within = tolerance && diff <= *tolerance;
                if (!diff.is_zero()) {
                    if (within && !other_sign) {
                        // The published figure, with the rounding note; later formulas use it too,
                        // so the printed table never contradicts itself.
                        out.text = published.text;
                        out.value = published.value;
                        // Exact only to the decimals it is written with: a formula that reads it
                        // (an index of the total) gets those, not the parts' (8.388 kept over
                        // 1.036,5 + 5.442 + 1.909 gave an index of 111,6 and called a published
                        // 112 wrong).
                        out.decimals = published.decimals;
                        out.kept_published = true;
                        used_rounding_note = true;
                    } else {
                        if (within)
                            diags.warning(published.loc,
                                          fmt(_("the published figure {0} for {1} has the other sign than the computed {2}{3} "
                                                "({4} = {5}): within the tolerance {6}, but a figure of the other sign is no "
                                                "rounding; the packet shows {2}"),
                                              published.text, at(), out.text, unrounded(v.number, d), p.formula->target,
                                              p.formula->expression,
                                              format_danish(p.options.tolerance, p.options.tolerance.scale()) +
                                                  (scaled ? " " + t.unit : "")));
                        else
                            diags.warning(published.loc,
                                          fmt(_("the published figure {0} for {1} differs from the computed {2}{3} ({4} = {5}) by "
                                                "{6}, more than the tolerance {7}; the packet shows {2}"),
                                              published.text, at(), out.text, unrounded(v.number, d), p.formula->target,
                                              p.formula->expression,
                                              format_danish(diff, std::max(d, published.decimals)) + (scaled ? " kr." : ""),
                                              format_danish(p.options.tolerance, p.options.tolerance.scale()) +
                                                  (scaled ? " " + t.unit : "")));
                        t.published_aside.push_back({r, c, published.text});
                        // The reader comparing with the source is told in the packet too.
                        // In a table shown in mio. kr., the two figures are told in kr., as the CSV
                        // wrote them: both may round to the same millions.
                        const std::string in_kr = scaled ? " kr." : "";
                        std::string note = fill_in(words.source_differs, {{"celle", row_name(t, r) + " / " + t.header[c]},
                                                                         {"kilde", published.text + in_kr},
                                                                         {"beregnet", out.text + in_kr}});
                        // "kr." before the sentence's full stop: one stop, as Danish typography writes it.
                        for (size_t k = note.find("kr.."); k != std::string::npos; k = note.find("kr..", k)) note.erase(k + 3, 1);
                        differs.push_back(std::move(note));
                    }
                } else if (published.decimals < d && !scaled && published.unit == out.unit) {
                    // The computation gives the published figure exactly, with more decimals than
                    // it is written with (8.388 over 1.036,5 + 5.442,5 + 1.909): the published
                    // figure is printed, as one within the tolerance is, and what reads it gets its
                    // decimals. "8.388,0" made the index of the totals 111,6 and called the
                    // source's 112 wrong, where a part a tenth off kept 8.388 and 112.
                    out.text = published.text;
                    out.decimals = published.decimals;
                }
            }
            if (published.kind == Cell::Kind::Number) {
                // A footnote mark on the published figure ("3.000 *", "12,5¹") stays on the
                // computed one: the table's note points at it.
                std::string marks;
                const std::string_view figure = without_footnote_marks(published.text, &marks);
                if (!marks.empty() && !figure.empty())
                    out.text = with_footnote_marks(std::string(without_footnote_marks(out.text)), marks);
            } else if (published.kind == Cell::Kind::Text) {
                diags.error(published.loc, fmt(_("the cell {} / {} holds the text {} where its formula gives a number; leave "
                                                 "it empty or write the number"),
                                               quote_text(row_name(t, r)), quote_text(t.header[c]), quote_text(published.text)));
            }
            break;
        }
    }
    // Which formula wrote it: a snapshot records it as the cell's cause (model::Cell::formula).
    if (!t.formulas.empty() && p.formula >= t.formulas.data() && p.formula < t.formulas.data() + t.formulas.size())
        out.formula = static_cast<uint32_t>(p.formula - t.formulas.data()) + 1;
    cell = std::move(out);
    return true;
}

// Records that `p` writes the cell (r, c); a second formula for the same cell would silently
// overwrite the first, so it is an error naming both (formulas for one row may share it out by
// "kolonner A .. B").
// `what` makes the cell's description ("row ..."): only when there is an error to report, not
// for each of the thousands of cells claimed.
template <class What>
bool claim(std::map<std::pair<size_t, size_t>, const Formula*>& writers, size_t r, size_t c, const Prepared& p,
           const What& what, Diagnostics& diags) {
    const auto [it, fresh] = writers.emplace(std::make_pair(r, c), p.formula);
    if (fresh) return true;
    const Formula& first = *it->second;
    report(diags, *p.formula, 0,
           // TRANSLATORS: {0} is "row {}" or "column {}" with the label.
           fmt(_("two formulas write the {}: this one and {} ({}:{}:{}); keep one, or give the other its own label"), what(),
               quoted(first), first.loc.file, first.loc.line, first.loc.column));
    return false;
}

}  // namespace

std::optional<PreparedFormula> prepare(Formula& f, bool allow_range, Diagnostics& diags) {
    FormulaError pe;
    auto expr = parse_expression(f.expression, &pe);
    if (!expr) {
        report(diags, f, pe.column, pe.message);
        return std::nullopt;
    }
    FormulaError why;
    auto options = parse_options(f.options, allow_range, &why);
    if (!options) {
        report(diags, f, why.column, why.message, true);
        return std::nullopt;
    }
    return PreparedFormula{&f, std::move(expr), *options};
}

namespace {

// A formula's own rows or columns as the table prints them: a cell a formula of the table
// computed is rounded to the decimals it is shown with (26,5738 printed "26,57" is 26,57).
// For TableComputation::check_printed_operands, which evaluates a formula once more so; it
// looks labels up only, with none of TableScope's checks (the formula passed them already).
class PrintedScope final : public Scope {
public:
    PrintedScope(const Table& t, const std::vector<std::string>& keys, References& refs, bool rows, size_t fixed)
        : Scope(refs), t_(t), keys_(keys), rows_(rows), fixed_(fixed) {}

    std::optional<Value> label(const std::string& label, Failure* error) override {
        const auto i = rows_ ? find_row(t_, keys_, label) : find_column(t_, label);
        if (!i) return std::nullopt;
        return printed(rows_ ? *i : fixed_, rows_ ? fixed_ : *i, error);
    }

    std::optional<std::vector<Value>> range(const std::string& from, const std::string& to, Failure* error,
                                            bool* to_failed) override {
        *to_failed = false;
        const auto a = rows_ ? find_row(t_, keys_, from) : find_column(t_, from);
        const auto b = rows_ ? find_row(t_, keys_, to) : find_column(t_, to);
        if (!a || !b || *a > *b) return std::nullopt;
        std::vector<Value> out;
        for (size_t i = *a; i <= *b; ++i) {
            if (rows_ && t_.rows[i].role == TableRow::Role::Spacer) continue;
            auto v = printed(rows_ ? i : fixed_, rows_ ? fixed_ : i, error);
            if (!v) return std::nullopt;
            out.push_back(std::move(*v));
        }
        return out;
    }

    bool accepts_missing(const Value&, Failure*) override { return true; }

    // The first computed cell read that prints rounded, if any: (row, column).
    std::optional<std::pair<size_t, size_t>> rounded() const { return rounded_; }

private:
    std::optional<Value> printed(size_t r, size_t c, Failure* error) {
        auto v = cell_value(t_, r, c, error);
        if (!v || !v->is_number() || v->decimals < 0 || !writer_of(t_, r, c)) return v;
        const Decimal shown = v->number.rounded(v->decimals);
        if (shown != v->number && !rounded_) rounded_ = std::make_pair(r, c);
        v->number = shown;
        return v;
    }

    const Table& t_;
    const std::vector<std::string>& keys_;
    bool rows_;
    size_t fixed_;
    std::optional<std::pair<size_t, size_t>> rounded_;
};

// One table's computation: its formulas in order, with what they share.
class TableComputation {
public:
    TableComputation(Table& t, References& refs, Diagnostics& diags) : t_(t), refs_(refs), diags_(diags) {}

    bool run() {
        if (!prepare_all()) return false;
        place_computed_columns();
        plan();
        for (Prepared& p : rows_) {
            compute_row(p);
            ++now_;
        }
        for (Prepared& p : columns_) {
            compute_column(p);
            ++now_;
        }
        if (ok_) compute_crossings();
        if (ok_) check_crossings();
        if (ok_) warn_kept_beyond_rounding();
        if (ok_) warn_rows_outside_sums();
        show_scaled();
        add_notes();
        return ok_;
    }

private:
    struct RowWrite {
        const Prepared* formula;
        size_t row, first, last;  // the row it writes, and the columns its range covers
    };

    // Every formula parsed first: a table with a formula that does not parse is not computed.
    bool prepare_all() {
        bool all = true;
        for (Formula& f : t_.formulas) {
            if (auto p = prepare(f, true, diags_)) (f.kind == Formula::Kind::Row ? rows_ : columns_).push_back(std::move(*p));
            else all = false;
        }
        return all;
    }

    // Computed columns: found by label, or added at the right. They are filled last.
    // A formula whose target heading could mean several columns is reported and left out.
    void place_computed_columns() {
        computed_column_.assign(t_.header.size(), false);
        for (auto p = columns_.begin(); p != columns_.end();) {
            std::string ambiguous;
            auto c = find_column(t_, row_keys_.columns(t_), p->formula->target, &ambiguous);
            if (!ambiguous.empty()) {
                report(diags_, *p->formula, 0, ambiguous);
                ok_ = false;
                p = columns_.erase(p);
                continue;
            }
            if (!c) {
                t_.header.push_back(p->formula->target);
                if (t_.header_locs.size() + 1 == t_.header.size()) t_.header_locs.emplace_back();
                t_.numeric.push_back(false);
                for (TableRow& r : t_.rows) r.cells.emplace_back();
                computed_column_.push_back(false);
                c = t_.header.size() - 1;
            }
            computed_column_[*c] = true;
            ++p;
        }
    }

    // The cells each formula will write, in the order they are computed (the rows' formulas,
    // then the columns'), so one that reads a cell a formula below it writes is an error rather
    // than a figure computed from the published one. Ranges that are not the table's are
    // reported when their formula is computed.
    void plan() {
        size_t order = 0;
        for (const Prepared& p : rows_) {
            const size_t n = order++;
            const auto r = find_row(t_, row_keys_.of(t_), p.formula->target);
            const auto cols = span(t_, row_keys_, p, false, t_.header.size(), nullptr);
            if (!r || !cols) continue;  // a row added at the end: no formula above can name it
            for (size_t c = std::max<size_t>(cols->first, 1); c <= cols->second && c < t_.header.size(); ++c)
                if (!computed_column_[c] && (t_.numeric[c] || holds_numbers(t_, c))) planned_.emplace(std::make_pair(*r, c), PlannedCell{n, &p});
        }
        for (const Prepared& p : columns_) {
            const size_t n = order++;
            const auto c = find_column(t_, row_keys_.columns(t_), p.formula->target);
            const auto rs = span(t_, row_keys_, p, true, t_.rows.size(), nullptr);
            if (!c || !rs) continue;
            for (size_t r = rs->first; r <= rs->second && r < t_.rows.size(); ++r)
                if (t_.rows[r].role != TableRow::Role::Spacer && !t_.rows[r].cells[0].text.empty())
                    planned_.emplace(std::make_pair(r, *c), PlannedCell{n, &p});
        }
    }

    // The place in the order of computing after every formula: where crossing cells are computed.
    size_t after_every_formula() const { return rows_.size() + columns_.size(); }

    // The row formula that writes cell (r, c) of a computed column instead of the column's
    // formula (row_writes_crossing).
    const RowWrite* crossing_row(size_t r, size_t c, const Prepared& column) const {
        for (const RowWrite& w : row_writes_)
            if (w.row == r && c >= w.first && c <= w.last && row_writes_crossing(*w.formula->expr, *column.expr)) return &w;
        return nullptr;
    }

    // The cells crossing_row gives to row formulas, computed once every column is.
    void compute_crossings() {
        for (const auto& crossing : crossings_) {
            // Not a structured binding: clang 14 (the fuzz build's) cannot capture one in a lambda.
            const RowWrite* const w = &row_writes_[crossing.first];
            const size_t r = w->row, col = crossing.second;
            if (!claim(writer_, r, col, *w->formula, [&] { return fmt(_("row {}"), quote_text(w->formula->formula->target)); },
                       diags_)) {
                ok_ = false;
                return;
            }
            if (!compute_cell(*w->formula, r, col, true, [&] { return fmt(_(" (in column {})"), quote_text(t_.header[col])); })) {
                ok_ = false;
                if (!failed_on_input_) return;
            }
        }
    }

    // The row a row formula writes: found by label, or added at the end (with a warning, unless
    // the table says "tilføj: nederst": a subtotal row deleted from the CSV would otherwise move
    // to the end without a word).
    std::optional<size_t> target_row(const Prepared& p) {
        std::string ambiguous;
        auto r = find_row(t_, row_keys_.of(t_), p.formula->target, &ambiguous);
        if (!ambiguous.empty()) {
            report(diags_, *p.formula, 0, ambiguous);
            return std::nullopt;
        }
        if (r) return r;
        if (!t_.append_rows) {
            std::vector<std::string> labels;
            for (const TableRow& row : t_.rows)
                if (!row.cells.empty() && !row.cells[0].text.empty()) labels.push_back(row.cells[0].text);
            diags_.warning(p.formula->loc, fmt(_("the row {} is not in the CSV, so it was added at the end of the table{}; if "
                                                 "it belongs elsewhere, add an empty row with that label there in the CSV (or "
                                                 "\"tilføj: nederst\" if the end is meant)"),
                                               quote_text(p.formula->target), did_you_mean(p.formula->target, labels)),
                           p.formula->line);
        }
        TableRow row;
        row.cells.resize(t_.header.size());
        row.cells[0].kind = Cell::Kind::Text;
        row.cells[0].text = p.formula->target;
        row.loc = p.formula->loc;
        t_.rows.push_back(row);
        return t_.rows.size() - 1;
    }

    // A row formula, for each numeric input column in its range.
    void compute_row(Prepared& p) {
        const auto r = target_row(p);
        if (!r) {
            ok_ = false;
            return;
        }
        t_.rows[*r].role = TableRow::Role::Computed;
        const auto cols = span(t_, row_keys_, p, false, t_.header.size(), &diags_);
        if (!cols) {
            ok_ = false;
            return;
        }
        row_writes_.push_back({&p, *r, cols->first, cols->second});
        // Where a computed column crosses the row, the row's formula writes the cell if
        // row_writes_crossing says so, or if it adds up and the column's formula leaves this row
        // out (its "| rækker" range): a total row's cell under "Udgift = [Antal] * [Takst] |
        // rækker A .. C" is the total of that column, never left empty. After every column
        // formula (compute_crossings). Planned here, where the row is known also when it was
        // added at the end.
        for (const Prepared& column : columns_) {
            const auto c = find_column(t_, row_keys_.columns(t_), column.formula->target);
            if (!c || *c < cols->first || *c > cols->second) continue;
            const auto rows = span(t_, row_keys_, column, true, t_.rows.size(), nullptr);
            if (!rows) continue;
            const bool left_out =
                (*r < rows->first || *r > rows->second) && adds_across_left_out_row(*p.expr, *column.expr);
            if (left_out) crossings_.emplace_back(row_writes_.size() - 1, *c);
            if (left_out || row_writes_crossing(*p.expr, *column.expr))
                planned_[std::make_pair(*r, *c)] = PlannedCell{after_every_formula(), &p};
        }
        size_t computed = 0;
        for (size_t c = cols->first; c <= cols->second && c < t_.header.size(); ++c) {
            // A column of numbers with a word among them is computed too: the word is an error
            // at its cell if the formula uses it, never a total silently left empty.
            if (c == 0 || computed_column_[c]) continue;
            if (!t_.numeric[c] && !holds_numbers(t_, c)) {
                warn_figures_unread(p, c);
                continue;
            }
            if (!claim(writer_, *r, c, p, [&] { return fmt(_("row {}"), quote_text(p.formula->target)); }, diags_)) {
                ok_ = false;
                return;
            }
            // A cell that cannot be computed for a cell's sake is an error at that cell; the formula
            // goes on with the next, so every problem of the table is listed at once, not one per build.
            if (!compute_cell(p, *r, c, true, [&] { return fmt(_(" (in column {})"), quote_text(t_.header[c])); })) {
                ok_ = false;
                if (!failed_on_input_) {
                    // The formula's own error: said once, not once a column; the row's other
                    // cells follow from it, for a formula that reads them ("could not be
                    // computed", not "not computed yet").
                    if (const auto root = failed_cells_.find({*r, c}); root != failed_cells_.end())
                        for (size_t rest = c + 1; rest <= cols->second && rest < t_.header.size(); ++rest)
                            failed_cells_.emplace(std::make_pair(*r, rest), root->second);
                    return;
                }
            } else if (plain_sum(*p.expr) && names_target(t_.header[c])) {
                // Targets added up are no target: "Hele landet" measured against 79 + 79 + 79.
                diags_.warning(p.formula->loc,
                               fmt(_("the row formula {} adds up the column {} ({}), whose heading names a target; targets "
                                     "added up are no target, and a status() or loft() judging the row against it is wrong; "
                                     "leave the column out (\"| kolonner A .. B\") and write the row's own target in the CSV"),
                                   quoted(*p.formula), quote_text(t_.header[c]),
                                   t_.rows[*r].cells[c].text),
                               p.formula->line);
            } else if (plain_sum(*p.expr) && no_sum(no_sum_columns_, c, t_.header[c])) {
                diags_.warning(p.formula->loc,
                               fmt(_("the row formula {} adds up the column {} ({}), whose heading names an average, a "
                                     "median, an index, a rank or a figure per person or unit; such figures added up are "
                                     "no figure of the whole (three regions' average of 40 days is not 120 days): leave the "
                                     "column out (\"| kolonner A .. B\") and write the row's own figure in the CSV, or "
                                     "compute it from its parts"),
                                   quoted(*p.formula), quote_text(t_.header[c]),
                                   t_.rows[*r].cells[c].text),
                               p.formula->line);
            } else if (plain_sum(*p.expr) && rate_title() != nullptr && names_period(t_.header[c]) &&
                       !names_rate_figures(t_.header[c]) &&
                       (" " + fold_label(t_.header[c]) + " ").find(" antal ") == std::string::npos) {
                // The title or the labels' heading says what every figure is ("Gennemsnitlig
                // ventetid (dage) efter region" over periods): a probe's regions summed to 301 days.
                // (Over columns that name periods only: "Forløb" beside "Ventetid" says what it is.)
                if (const std::string* says = rate_title()) {
                    diags_.warning(p.formula->loc,
                                   fmt(_("the row formula {} adds up the column {} ({}), but {} names an average, a median, "
                                         "an index, a share or a figure per person or unit for the table's figures; such "
                                         "figures added up are no figure of the whole (three regions' average of 40 days is "
                                         "not 120 days): write the row's own figure in the CSV, or compute it from its parts"),
                                       quoted(*p.formula), quote_text(t_.header[c]), t_.rows[*r].cells[c].text,
                                       quote_text(*says)),
                                   p.formula->line);
                    warned_title_ = true;
                }
            }
            ++computed;
        }
        // Nothing to compute in (a CSV that lost its rows, only its header left): said, rather
        // than the formula passing silently and what reads its row failing for another reason.
        if (computed == 0) {
            bool any_input = false;
            for (const TableRow& row : t_.rows) any_input = any_input || row.role == TableRow::Role::Data;
            report(diags_, *p.formula, 0,
                   fmt(_("the row formula {} computes no figure: the table has no column of numbers{}"),
                       quote_text(p.formula->target), any_input ? "" : _(" (its CSV has no rows below the header)")),
                   false);
            ok_ = false;
            return;
        }
        warn_unlabelled_subtotal(p, cols->first, cols->second, true);
        if (ok_ && computed > 1) warn_same_everywhere(p, true);
    }

    // A column a row formula passes over, holding no number, whose cells are figures to a reader
    // all the same, each with something after it that makes it text ("12,5 a)", "2,5 ‰", "1.250,-"; a
    // "*", a superscript digit or a dagger is a footnote mark, read apart): the row's cell stays
    // empty while the column is full of figures. A warning at
    // the first such cell, once a column: a column of "3 mdr." may be meant as words.
    void warn_figures_unread(const Prepared& p, size_t c) {
        if (!unread_reported_.insert(c).second) return;
        for (const TableRow& row : t_.rows) {
            if (row.role != TableRow::Role::Data || c >= row.cells.size()) continue;
            const Cell& cell = row.cells[c];
            if (cell.kind != Cell::Kind::Text || cell.code || !figure_with_suffix(cell.text)) continue;
            diags_.warning(cell.loc,
                           fmt(_("the column {} holds no number the row formula {} can read, so it leaves the row's "
                                 "cell there empty; {} is a figure with something after it that makes it text: write "
                                 "the number alone in the cell (a footnote mark as \"*\", a unit in the heading), or "
                                 "leave the column out (\"| kolonner A .. B\")"),
                               quote_text(t_.header[c]), quoted(*p.formula),
                               quote_text(cell.text)));
            return;
        }
    }

    // A row the CSV holds as a plain figure that is the sum of the rows right above or below it
    // ("Personale 300" over "Løn 100" and "Pension 200": a group's subtotal exported without "i
    // alt" in its label): a sum() range that holds it and them counts them twice, and no label
    // tells (a probe: 100, 200, "Udgifter" 300 and 30 summed to 630). Judged by the figures: in
    // each column the formula adds, the row is the sum of two or more rows next to it in the
    // range. A warning at the formula, once: figures may add up so by chance. The same for a
    // column formula's range of columns ("Q1" between "Mar" and "Apr" in sum(Jan .. Dec)), judged
    // in each row the formula computes.
    void warn_unlabelled_subtotal(const Prepared& p, size_t first, size_t last, bool rows) {
        std::vector<size_t> across;  // the columns a row formula adds, or the rows a column formula computes
        if (rows) {
            for (size_t c = std::max<size_t>(first, 1); c <= last && c < t_.header.size(); ++c)
                if (!computed_column_[c] && (t_.numeric[c] || holds_numbers(t_, c))) across.push_back(c);
        } else {
            for (size_t r = first; r <= last && r < t_.rows.size(); ++r)
                if (t_.rows[r].role == TableRow::Role::Data) across.push_back(r);
        }
        if (across.empty()) return;
        const auto walk = [&](const auto& self, const Expr& e) -> bool {
            if (e.kind == Expr::Kind::Call && e.text == "sum")
                for (const auto& a : e.args)
                    if (a->kind == Expr::Kind::Range && subtotal_in_range(p, *a, across, rows)) return true;
            for (const auto& a : e.args)
                if (self(self, *a)) return true;
            return false;
        };
        walk(walk, *p.expr);
    }

    // subtotal_in_range's search: true, with the warning given, if the range holds such a row
    // (`rows`) or column.
    bool subtotal_in_range(const Prepared& p, const Expr& range, const std::vector<size_t>& across, bool rows) {
        const auto a = rows ? find_row(t_, row_keys_.of(t_), range.text) : find_column(t_, row_keys_.columns(t_), range.text);
        const auto b = rows ? find_row(t_, row_keys_.of(t_), range.text2) : find_column(t_, row_keys_.columns(t_), range.text2);
        if (!a || !b || *a >= *b || (!rows && *a == 0)) return false;
        const std::vector<unsigned char>& role = row_keys_.roles(t_, rows);
        const auto name = [&](size_t i) { return rows ? row_name(t_, i) : t_.header[i]; };
        for (size_t i = *a; i <= *b; ++i) {
            // One named as a total or a part is judged by its name (counts_read_total_twice).
            if (!plain_figures(i, rows) || role[i] == RowKeys::Total || role[i] == RowKeys::Part) continue;
            for (const bool before : {true, false}) {
                bool rounded = false;
                const auto end = run_summing_to(i, before, *a, *b, across, rows, &rounded);
                if (!end) continue;
                const size_t from = before ? *end : i + 1, to = before ? i - 1 : *end;
                // TRANSLATORS: the last {} is empty, or " (as rounded figures do, within a unit or so)".
                const std::string within = rounded ? _(" (as rounded figures do, within a unit or so)") : "";
                const std::string message =
                    rows ? fmt(_("the range {} .. {} holds {}, whose figures are the sum of the rows {} .. {} next to "
                                 "it in every column the formula adds{}, as a subtotal's are; if it is their subtotal, "
                                 "they are counted twice: sum the rows or the subtotal, not both (a label with \"i "
                                 "alt\" says which rows are subtotals)"),
                               quote_text(range.text), quote_text(range.text2), quote_text(name(i)),
                               quote_text(name(from)), quote_text(name(to)), within)
                         : fmt(_("the range {} .. {} holds the column {}, whose figures are the sum of the columns {} .. "
                                 "{} next to it in every row the formula computes{}, as a subtotal's are; if it is their "
                                 "subtotal, they are counted twice: sum the columns or the subtotal, not both (a heading "
                                 "with \"i alt\" says which columns are subtotals)"),
                               quote_text(range.text), quote_text(range.text2), quote_text(name(i)),
                               quote_text(name(from)), quote_text(name(to)), within);
                diags_.warning(p.formula->loc, message, p.formula->line);
                return true;
            }
        }
        return false;
    }

    // Whether row i (`rows`) or column i holds figures as the CSV gave them: a data row, or a
    // column no formula computes.
    bool plain_figures(size_t i, bool rows) const {
        return rows ? t_.rows[i].role == TableRow::Role::Data : i > 0 && !computed_column_[i];
    }

    // The far end of a run of two or more rows right above (`before`) or below row i, inside
    // a .. b, whose figures add up to row i's in every one of `across` (the columns; one of them
    // not zero); with `rows` false the same of columns left or right of column i, in every one of
    // the rows `across`. nullopt if there is none. In one column (or row), two figures adding up
    // to a third is too easily chance (1 + 1 = 2 among counts, 1.000 + 2.000 = 3.000 among round
    // amounts): there the run is of three or more, and the figure at least 1.000. A group ends at
    // an empty row (or column) or a computed one; runs are looked for up to 60 long.
    //
    // Published figures are rounded each on its own, so a subtotal may differ from the sum of its
    // rounded parts by up to half a unit of the last decimal for each of them and for itself
    // (8.388 over parts adding up to 8.387: a probe's "Personale" was counted twice without a
    // word, the exact one was warned). Such a run counts too, where the figure is at least a
    // hundred times that difference; *rounded says it was one.
    std::optional<size_t> run_summing_to(size_t i, bool before, size_t a, size_t b, const std::vector<size_t>& across,
                                         bool rows, bool* rounded) const {
        constexpr size_t kLongestRun = 60;
        const auto number = [&](size_t line, size_t k) -> const Cell* {
            const size_t r = rows ? line : k, c = rows ? k : line;
            if (c >= t_.rows[r].cells.size() || !plain_figures(line, rows)) return nullptr;
            const Cell& cell = t_.rows[r].cells[c];
            return t_.rows[r].role == TableRow::Role::Data && cell.kind == Cell::Kind::Number ? &cell : nullptr;
        };
        bool nonzero = false;
        for (size_t k : across) {
            const Cell* cell = number(i, k);
            if (!cell) return std::nullopt;
            nonzero = nonzero || !cell->value.is_zero();
        }
        if (!nonzero) return std::nullopt;
        if (across.size() == 1 && number(i, across[0])->value.abs().value_or(Decimal()) < Decimal(1000, 0)) return std::nullopt;
        // Whether `sum` of `parts` figures, the most decimals among them `decimals`, is `total`:
        // exactly, or within their rounding (above).
        bool inexact = false;
        const auto adds_up = [&](const Decimal& sum, const Cell& total, size_t parts, int decimals) {
            if (sum == total.value) return true;
            const int d = std::clamp(std::max(decimals, total.decimals), 0, 6);
            const Decimal room(static_cast<int64_t>(5 * (parts + 1)), d + 1);  // half a unit each
            const auto off = Decimal::sub(sum, total.value);
            const auto off_abs = off ? off->abs() : std::nullopt;
            const auto least = Decimal::mul(room, Decimal(100, 0));
            const auto size = total.value.abs();
            if (!off_abs || !least || !size || *off_abs > room || *size < *least) return false;
            inexact = true;
            return true;
        };
        // The first one's sum is kept as the run grows; the others are added up only where it matches.
        const size_t first = across.front();
        Decimal sum;
        int decimals = 0;
        for (size_t length = 1, j = i; length <= kLongestRun && (before ? j > a : j < b); ++length) {
            j = before ? j - 1 : j + 1;
            const Cell* cell = number(j, first);
            if (!cell) return std::nullopt;
            const auto added = Decimal::add(sum, cell->value);
            if (!added) return std::nullopt;
            sum = *added;
            decimals = std::max(decimals, cell->decimals);
            inexact = false;
            if (length < (across.size() == 1 ? 3u : 2u) || !adds_up(sum, *number(i, first), length, decimals)) continue;
            bool all = true;
            for (size_t k = 1; k < across.size() && all; ++k) {
                Decimal other;
                int other_decimals = 0;
                for (size_t x = before ? j : i + 1; all && x <= (before ? i - 1 : j); ++x) {
                    const Cell* part = number(x, across[k]);
                    const auto next = part ? Decimal::add(other, part->value) : std::nullopt;
                    if (next) {
                        other = *next;
                        other_decimals = std::max(other_decimals, part->decimals);
                    } else {
                        all = false;
                    }
                }
                all = all && adds_up(other, *number(i, across[k]), length, other_decimals);
            }
            if (all) {
                *rounded = inexact;
                return j;
            }
        }
        return std::nullopt;
    }

    // A column formula, for each row in its range; the column is numeric if any result is.
    void compute_column(Prepared& p) {
        const size_t c = *find_column(t_, row_keys_.columns(t_), p.formula->target);
        const auto rs = span(t_, row_keys_, p, true, t_.rows.size(), &diags_);
        if (!rs) {
            ok_ = false;
            return;
        }
        bool any_number = false;
        size_t numbers = 0;
        for (size_t r = rs->first; r <= rs->second && r < t_.rows.size(); ++r) {
            // A row without a label is computed too: Excel leaves the label of a merged cell empty,
            // and its published figures would otherwise go unchecked.
            if (t_.rows[r].role == TableRow::Role::Spacer) continue;
            // A row of codes or years ("Opgørelsesår" over 2019 and 2019) is left empty, as a row
            // formula leaves a column of them: "I alt = sum(Nord .. Syd)" adds up no years.
            if (code_row(r, c)) continue;
            // A group's heading row ("Drift;;" over its rows of figures) has nothing to compute
            // from: its cell is left empty, as its others are. A sum over it is still an error
            // (cell_value), since a forgotten row of figures looks the same and would count as 0.
            if (t_.rows[r].role == TableRow::Role::Data && !t_.rows[r].cells[0].text.empty() &&
                row_without_figures(t_.rows[r]))
                continue;
            if (const RowWrite* w = crossing_row(r, c, p)) {
                crossings_.emplace_back(static_cast<size_t>(w - row_writes_.data()), c);
                continue;
            }
            if (!claim(writer_, r, c, p, [&] { return fmt(_("column {}"), quote_text(p.formula->target)); }, diags_)) {
                ok_ = false;
                break;
            }
            if (!compute_cell(p, r, c, false, [&] { return fmt(_(" (in row {})"), quote_text(row_name(t_, r))); })) {
                ok_ = false;
                if (!failed_on_input_) break;  // the formula's own error: once, not once a row
                continue;
            }
            any_number = any_number || t_.rows[r].cells[c].kind == Cell::Kind::Number;
            numbers += t_.rows[r].cells[c].kind == Cell::Kind::Number ? 1 : 0;
            if (t_.rows[r].role == TableRow::Role::Data && t_.rows[r].cells[c].kind == Cell::Kind::Number &&
                plain_sum(*p.expr) && no_sum(no_sum_rows_, r, row_name(t_, r)))
                diags_.warning(p.formula->loc,
                               fmt(_("the column formula {} adds up the row {} ({}), whose label names an average, a "
                                     "median, an index, a rank or a figure per person or unit; such figures added up are "
                                     "no figure of the whole (three regions' average of 40 days is not 120 days): leave the "
                                     "row out (\"| rækker A .. B\") and write the column's own figure in the CSV, or "
                                     "compute it from its parts"),
                                   quoted(*p.formula), quote_text(row_name(t_, r)),
                                   t_.rows[r].cells[c].text),
                               p.formula->line);
            else if (t_.rows[r].role == TableRow::Role::Data && t_.rows[r].cells[c].kind == Cell::Kind::Number &&
                     plain_sum(*p.expr) && names_period(p.formula->target) && !names_rate_figures(row_name(t_, r)))
                // Periods added up in a table whose title says its figures are shares or averages
                // ("2023 = sum(1. kvt. 2023 .. 4. kvt. 2023)" printed a share of 162).
                if (const std::string* says = rate_title()) {
                    diags_.warning(p.formula->loc,
                                   fmt(_("the column formula {} adds up the row {} ({}), but {} names an average, a "
                                         "median, an index, a share or a figure per person or unit for the table's "
                                         "figures; such figures added up are no figure of the whole (four quarters' "
                                         "share of 40 % is not 160 %): write the column's own figure in the CSV, or "
                                         "compute it from its parts"),
                                       quoted(*p.formula), quote_text(row_name(t_, r)), t_.rows[r].cells[c].text,
                                       quote_text(*says)),
                                   p.formula->line);
                    warned_title_ = true;
                }
        }
        t_.numeric[c] = any_number;
        if (ok_) warn_unlabelled_subtotal(p, rs->first, rs->second, false);
        if (ok_ && numbers > 1) warn_same_everywhere(p, false);
    }

    // A row formula that names no row of its own column, only fixed cells ("Gennemsnit =
    // (t[Nord; 2023] + t[Midt; 2023] + t[Syd; 2023]) / 3"), gives every column the same figure:
    // a probe's 2024 printed 2023's average, and the text quoted it as 2024's. A warning at the
    // formula; so for a column formula that names no column of its own row. A formula of numbers
    // and named values alone ("Mål = 79", "Mål = b[mål]") is the same everywhere as meant.
    void warn_same_everywhere(const Prepared& p, bool row) {
        bool fixed = false, own = false;
        const auto walk = [&](const auto& self, const Expr& e) -> void {
            if (e.kind == Expr::Kind::Label || e.kind == Expr::Kind::Range) own = true;
            if (e.kind == Expr::Kind::Cell && e.cell.size() == 2) fixed = true;  // a named value ("b[mål]") is a constant
            for (const auto& a : e.args) self(self, *a);
        };
        walk(walk, *p.expr);
        if (!fixed || own) return;
        diags_.warning(p.formula->loc,
                       row ? fmt(_("the row formula {} quotes only fixed cells (\"t[row; column]\"), none of the column it "
                                   "computes, so it gives every column the same figure; name the rows as [row] to compute "
                                   "each column from its own, or limit it to one column (\"| kolonner A .. A\")"),
                                 quoted(*p.formula))
                           : fmt(_("the column formula {} quotes only fixed cells (\"t[row; column]\"), none of the row it "
                                   "computes, so it gives every row the same figure; name the columns as [column] to "
                                   "compute each row from its own, or limit it to one row (\"| rækker A .. A\")"),
                                 quoted(*p.formula)),
                       p.formula->line);
    }

    // Whether row r holds codes or years only (input/code_columns.hpp, code_rows), column c aside.
    bool code_row(size_t r, size_t c) const {
        bool any = false;
        const std::vector<Cell>& cells = t_.rows[r].cells;
        for (size_t k = 1; k < cells.size(); ++k) {
            if (k == c || cells[k].kind == Cell::Kind::Empty || cells[k].kind == Cell::Kind::Dash ||
                cells[k].kind == Cell::Kind::NotAvailable)
                continue;
            if (!cells[k].code) return false;
            any = true;
        }
        return any;
    }

    // Where a computed row and a computed column cross, one formula writes the cell: the one
    // that does not add up, computed from the other's totals (adds_up): an index of a sum row,
    // a share across "I alt = [Mænd] + [Kvinder]" (the share of the totals, 25, not the sum of
    // two shares, 40). Where neither adds up (a share row across an index column), the column's
    // formula writes it; where the row's, computed there too, prints otherwise, that is an error
    // naming both, never one of two figures silently.
    void check_crossings() {
        for (const Prepared& column : columns_) {
            const auto c = find_column(t_, row_keys_.columns(t_), column.formula->target);
            if (!c) continue;
            for (const RowWrite& w : row_writes_) {
                // A row that adds up gives, across the column, what the column's formula gives
                // across the rows it adds (a sum's index is the index of the sum): nothing to say.
                if (*c < w.first || *c > w.last || !crossing_may_mean_either(*w.formula->expr, *column.expr)) continue;
                const auto writer = writer_.find({w.row, *c});
                if (writer == writer_.end() || writer->second != column.formula) continue;
                const Cell& cell = t_.rows[w.row].cells[*c];
                if (cell.kind != Cell::Kind::Number) continue;
                // Every formula has written its cells: the row's reads the table as it stands.
                TableScope scope(t_, row_keys_, refs_, true, *c, w.row, writer_, planned_, after_every_formula(),
                                 *w.formula->formula, sum_spans_);
                FormulaError err;
                std::string caution;
                const auto v = evaluate(*w.formula->expr, scope, &err, &caution);
                // A row formula that cannot be computed across the column (it reads a word
                // there) means nothing in that cell: the column's figure is the only one.
                if (!v || !v->is_number()) continue;
                // Two ratios agree exactly (an index of shares is the share of the indices), but
                // computed from cells rounded as shown they may differ in the last digit: that is
                // rounding, not two meanings.
                const int d = std::clamp(cell.decimals, 0, 6);
                const auto apart = Decimal::sub(v->number.rounded(d), cell.value.rounded(d));
                const auto distance = apart ? apart->abs() : std::nullopt;
                if (distance && !(Decimal(1, d) < *distance)) continue;
                const std::string row_formula = quoted(*w.formula->formula);
                const std::string column_formula = quoted(*column.formula);
                const std::string row_gives = format_danish(v->number.rounded(cell.decimals), cell.decimals);
                // The row's reading across the column is one option away only where the row adds up.
                const char* message =
                    adds_up(*w.formula->expr)
                        ? _("the row formula {} and the column formula {} cross in the cell {} / {}, which could "
                            "mean either: the column's gives {} there (from the row's figures), the row's would "
                            "give {} (from the column's); leave that column out of the row formula (\"| kolonner "
                            "A .. B\") if the column's is meant, or that row out of the column formula "
                            "(\"| rækker A .. B\") if the row's is")
                        : _("the row formula {} and the column formula {} cross in the cell {} / {}, and neither "
                            "adds up what it reads: the column's gives {} there, the row's would give {}; if the "
                            "column's is meant, leave that column out of the row formula (\"| kolonner A .. B\"), "
                            "else compute the figure in a table of its own");
                diags_.error(column.formula->loc,
                             fmt(message, row_formula, column_formula, quote_text(row_name(t_, w.row)),
                                 quote_text(t_.header[*c]), cell.text, row_gives),
                             column.formula->line);
                ok_ = false;
            }
        }
    }

    // One cell: evaluated in the formula's scope and stored beside the published figure.
    // `where` makes the cell's place for a message, only if there is one.
    template <class Where>
    bool compute_cell(const Prepared& p, size_t r, size_t c, bool row_formula, const Where& where) {
        TableScope scope(t_, row_keys_, refs_, row_formula, row_formula ? c : r, row_formula ? std::optional<size_t>(r) : c, writer_,
                         planned_, now_, *p.formula, sum_spans_, &failed_cells_);
        FormulaError err;
        std::string caution;
        auto v = evaluate(*p.expr, scope, &err, &caution);
        if (!v) {
            // An input cell another formula could not compute with is one cause, one error.
            // A cell's own problem (a word, an empty cell, one another formula failed on): the
            // formula goes on with its next cell; its own (a label it names that is not there),
            // it stops at.
            failed_on_input_ = err.at || err.cause || err.follows_from;
            const std::optional<SourceLoc>& at = err.at ? err.at : err.cause;
            const auto cause = at ? std::optional<std::tuple<std::string, int, int>>(std::make_tuple(at->file.str(), at->line, at->column))
                                  : std::nullopt;
            if (!err.follows_from && cause)
                if (const auto seen = cause_reported_.find(*cause); seen != cause_reported_.end()) err.follows_from = seen->second;
            const size_t before = diags_.size();
            report(diags_, *p.formula, err, where());
            const std::optional<size_t> root = diags_.size() > before ? std::optional<size_t>(before) : err.follows_from;
            if (root) {
                failed_cells_[{r, c}] = *root;
                if (cause) cause_reported_.emplace(*cause, *root);
            }
            return false;
        }
        if (!caution.empty())
            diags_.warning(p.formula->loc, fmt(_("the cell {} / {} {}"), quote_text(row_name(t_, r)), quote_text(t_.header[c]), caution));
        // Years added up make a figure that means nothing (years apart, a duration, do not);
        // amounts written like years are shown as years (input/table_reader.cpp). Either way the
        // reader of a sum is misled.
        const auto year = scope.year_read();
        if (year && plain_sum(*p.expr) && years_reported_.insert({p.formula, year->second}).second)
            diags_.warning(t_.rows[year->first].cells[year->second].loc,
                           fmt(_("the formula {} adds up {} / {}, {}, in a column whose numbers are all written like "
                                 "years (four digits, no thousands point); if they are years, leave the column out of the "
                                 "formula (\"| kolonner\" or \"| rækker\"); if they are figures, write them with a "
                                 "thousands point ({}), as they are then printed"),
                               quoted(*p.formula),
                               quote_text(row_name(t_, year->first)), quote_text(t_.header[year->second]),
                               t_.rows[year->first].cells[year->second].text,
                               quote_text(format_danish(t_.rows[year->first].cells[year->second].value, 0))));
        const auto in_unit = in_table_unit(t_, r, c, *v, p, diags_);
        if (!in_unit) return false;
        auto unit = cell_unit_of(*in_unit, scope.share_sign(), p);
        if (!unit) return false;
        // The difference of two shares the table computes per hundred, under a heading or label
        // that says per cent ("Andel overholdt (pct.)"): "4" there reads as 4 %; it is points, as
        // a difference of shares written with their sign prints.
        if (unit->empty() && in_unit->unit.empty() && in_unit->hundred == Value::Hundred::Difference &&
            (names_per_cent(t_.header[c]) || names_per_cent(row_name(t_, r))))
            *unit = kPoints;
        if (!store(t_, r, c, *in_unit, *unit, p, used_rounding_note_, differs_, refs_.words(), diags_)) return false;
        check_rounding(r, c, *in_unit, p);
        check_printed_operands(p, r, c, row_formula);
        check_points_heading(p, r, c, row_formula);
        return true;
    }

    // A figure per hundred (a share, an index, a change in per cent: "([2024] - [2023]) / [2023]
    // * 100") under a heading or label that says percentage points ("Ændring (procentpoint)"),
    // which are the difference of two shares: 68 % to 72 % printed 5,9 there, where the points
    // are 4. A warning at the formula, once.
    void check_points_heading(const Prepared& p, size_t r, size_t c, bool row_formula) {
        const Cell& cell = t_.rows[r].cells[c];
        if (cell.kind != Cell::Kind::Number || cell.hundred != Cell::Hundred::PerHundred) return;
        const std::string& named = row_formula ? row_name(t_, r) : t_.header[c];
        if (!names_points(named) || !points_heading_reported_.insert(p.formula).second) return;
        diags_.warning(p.formula->loc,
                       fmt(_("the formula {} computes a figure per hundred (a share, an index or a change in per cent), "
                             "but {} says percentage points, which are the difference of two shares ({} there); "
                             "compute the difference of the shares, or name the figure as per cent"),
                           quoted(*p.formula), quote_text(named), cell.text),
                       p.formula->line);
    }

    // A formula that multiplies or divides a figure another formula computed and the table
    // prints rounded ("Provenu = [Sats 2024] * [Antal]", the rate 26,5738 printed "26,57") prints
    // what the exact figure gives (26.573,80), where a reader multiplying the printed ones gets
    // another (26.570,00): a rate that is set at 26,57 brings in the latter. Which one is meant
    // the table cannot tell, so where the two print differently, a warning at the formula, once.
    // Sums and differences have the rounding note instead (rounded_parts_differ). Tables shown
    // in another unit than they are written in ("enhed") convert first, and are left out.
    void check_printed_operands(const Prepared& p, size_t r, size_t c, bool row_formula) {
        if (adds_up(*p.expr) || !t_.unit.empty() || printed_reported_.count(p.formula)) return;
        const Cell& cell = t_.rows[r].cells[c];
        if (cell.kind != Cell::Kind::Number || cell.kept_published) return;
        // Evaluated again only where it reads a cell a formula computed (most formulas read input).
        const std::vector<size_t>& lines = referenced_lines(p, row_formula);
        if (std::none_of(lines.begin(), lines.end(), [&](size_t i) {
                return writer_.count(row_formula ? std::make_pair(i, c) : std::make_pair(r, i)) > 0;
            }))
            return;
        PrintedScope scope(t_, row_keys_.of(t_), refs_, row_formula, row_formula ? c : r);
        FormulaError err;
        std::string caution;
        const auto v = evaluate(*p.expr, scope, &err, &caution);
        const auto at = scope.rounded();
        if (!v || !v->is_number() || !at || v->unit != cell_unit(t_.figures_unit, cell.unit)) return;
        const int d = std::max(cell.decimals, 0);
        const Decimal as_printed = v->number.rounded(d);
        if (as_printed == cell.value.rounded(d)) return;
        printed_reported_.insert(p.formula);
        const Cell& operand = t_.rows[at->first].cells[at->second];
        diags_.warning(p.formula->loc,
                       fmt(_("the formula {} computes with {} / {} as {}, which the table prints as {}: {} / {} is {}, "
                             "where the figures as printed give {}; if {} is meant as printed (a rate that is set), "
                             "write it so in the CSV; else print it with the decimals it is computed with "
                             "(\"| decimaler N\")"),
                           quoted(*p.formula),
                           quote_text(row_name(t_, at->first)), quote_text(t_.header[at->second]),
                           format_danish_exact(operand.value.rounded(std::min(6, operand.decimals + 4))),
                           quote_text(operand.text), quote_text(row_name(t_, r)), quote_text(t_.header[c]),
                           quote_text(cell.text), quote_text(format_danish(as_printed, d)), quote_text(operand.text)),
                       p.formula->line);
    }

    // A quotient shown with the decimals of its inputs, none for counts, may print a figure far
    // from its value: 1.050 / 1.500 is 0,70, printed "1"; 2,54 per 1.000 printed "3". Where the
    // formula and table give no decimals and the printed figure is more than a tenth off (zero
    // has its own warning in store), a warning at the formula, once.
    void check_rounding(size_t r, size_t c, const Value& v, const Prepared& p) {
        const Cell& cell = t_.rows[r].cells[c];
        if (!v.quotient || p.options.decimals >= 0 || t_.decimals >= 0 || cell.kind != Cell::Kind::Number) return;
        if (!rounds_far(v.number, cell.decimals)) return;
        if (!rounding_reported_.insert(p.formula).second) return;
        diags_.warning(p.formula->loc,
                       fmt(_("the computed figure for {} / {} is {} but prints as {}, with the decimals of the figures it is "
                             "computed from; give the formula decimals (\"| decimaler 2\")"),
                           quote_text(row_name(t_, r)), quote_text(t_.header[c]),
                           format_danish_exact(v.number.rounded(std::min(6, cell.decimals + 4))), quote_text(cell.text)));
    }

    // What a computed cell prints after its number. "6 %" computed from cells written "5 %",
    // unless the result is not a share (a ratio of two shares, 73 % / 71 %, is 1,028, not
    // "1,028 %"); "4 pct.-point" for two shares apart. A unit the formula asks for ("| pct.") is
    // printed where the figure is one: a share computed per hundred ("[Ja] / [I alt] * 100 |
    // pct."), or points ("| pct.-point") for two of those apart. Asked for a figure it is not
    // (points or an index difference as per cent, an amount as a share), or an amount unit,
    // which a table's formula does not convert ("enhed" does), it is an error at the formula,
    // once: the option was ignored before, and the text then printed "4 pct." for 4 points.
    std::optional<std::string> cell_unit_of(const Value& v, const std::string& share_sign, const Prepared& p) {
        const std::string own = v.unit == "pct." ? share_sign : v.is_points() ? kPoints : std::string();
        const std::string& asked = p.options.unit;
        if (asked.empty()) return own;
        const bool points = v.is_points() || v.hundred == Value::Hundred::Difference;
        const bool share = !points && (v.unit == "pct." || (v.unit.empty() && v.hundred == Value::Hundred::PerHundred));
        if (asked == "pct." && share) return own.empty() ? std::string("%") : own;
        if (asked == kPoints && points) return std::string(kPoints);
        if (unit_reported_.insert(p.formula).second) {
            std::string message;
            if (asked == "pct." && points)
                message = fmt(_("the formula's figures are differences of shares or index numbers, in points, not per cent; "
                                "write \"| {}\" if they are shares, or no unit if they are index numbers"),
                              kPoints);
            else if (asked == "pct." || asked == kPoints)
                message = fmt(_("\"| {}\" is for a share computed per hundred (\"[Ja] / [I alt] * 100 | pct.\") or the "
                                "difference of two (\"| pct.-point\"), which the formula's figures are not; leave the unit "
                                "out, or name it in the heading"),
                              asked);
            else
                message = fmt(_("a table's formula takes no amount unit (\"| {}\"): its cells are in the table's unit; "
                                "show the table in another with \"enhed:\""),
                              asked);
            report(diags_, *p.formula, 0, message, true);
        }
        return std::nullopt;
    }

    // The rounding note if a published figure was kept within its tolerance or rounded parts do
    // not add up to their printed total (without the table's own note, the packet's wording for
    // the latter), and a note for each published figure outside its tolerance.
    void add_notes() {
        const bool rounded = ok_ && rounded_parts_differ();
        if ((used_rounding_note_ || rounded) && !t_.rounding_note.empty()) {
            if (t_.source.empty()) t_.notes.push_back(t_.rounding_note);
            else t_.source += " " + t_.rounding_note;
        } else if ((rounded || used_rounding_note_) && !refs_.words().rounded_parts.empty()) {
            // A published total kept within its tolerance (8.388 over parts that add to 8.387)
            // is a rounded figure the parts do not add up to as well.
            t_.notes.push_back(refs_.words().rounded_parts);
        }
        t_.notes.insert(t_.notes.end(), differs_.begin(), differs_.end());
    }

    // A published figure kept within its formula's tolerance (the tolerance is in the units
    // shown: 2 in a table in mio. kr. is 2 mio. kr.) is a figure rounded from others the parts
    // as written do not show. It can differ from their sum by no more than their rounding: half
    // a unit of each one's last digit written (a decimal, or the last digit before its trailing
    // zeros, as 125.100.000 is rounded to 100.000) and of its own. Beyond that (a probe's
    // 163.900.000 kept over three exact parts adding up to 162.000.000, "tolerance 2" copied into
    // a table in mio. kr.) it is no rounding, and the table's note says it is: a warning at it.
    // A row of figures beside a sum's range that no formula reads: a row added after the range's
    // last row ("IT-licenser" under "Tilskud", above "Udgifter i alt = sum(Drift .. Tilskud)"), or
    // rows reordered so that one slips out above its first, is left out of the total without a
    // word, and the total, the results and the text quoting them are wrong (a review: 17,6 mio.
    // kr. left out of a budget's result by swapping two rows). A warning at the row, in the CSV:
    // the rows from the range's last to the sum's row, and those just above its first, back to
    // a spacer, a computed or total row, or a row without figures. Parts ("Heraf ...") and rows
    // indented under another are no terms of a sum.
    void warn_rows_outside_sums() {
        struct Sum {
            const Prepared* p;
            size_t target, first, last;
        };
        const auto at = [&](const std::string& label) { return find_row(t_, row_keys_.of(t_), label); };
        const auto figures = [](const TableRow& row) {
            return std::any_of(row.cells.begin() + (row.cells.empty() ? 0 : 1), row.cells.end(),
                               [](const Cell& c) { return c.kind == Cell::Kind::Number; });
        };
        // First the sums' ranges alone, and whether any row of figures stands beside one at all
        // (most tables: none, and then no other label is looked up).
        std::vector<Sum> sums;
        std::vector<std::pair<size_t, size_t>> spans;
        bool beside = false;
        for (const Prepared& p : rows_) {
            spans.clear();
            add_named_spans(t_, row_keys_, true, *p.expr, true, spans);
            if (spans.empty()) continue;
            size_t first = spans[0].first, last = spans[0].second;
            for (const auto& [x, y] : spans) first = std::min(first, x), last = std::max(last, y);
            const auto target = at(p.formula->target);
            if (!target || last >= *target) continue;
            sums.push_back({&p, *target, first, last});
            const auto data = [&](size_t r) { return t_.rows[r].role == TableRow::Role::Data && figures(t_.rows[r]); };
            for (size_t r = last + 1; r < *target && !beside; ++r) beside = data(r);
            if (first > 0 && data(first - 1)) beside = true;
        }
        if (!beside) return;
        // Then what the table's formulas read: a row beside a range that a formula names, or a
        // cell of it quoted by the table's name ("t[Projekter; 2024]"), is no row left out.
        std::vector<char> read(t_.rows.size(), 0);
        const auto own_cells = [&](const auto& self, const Expr& e) -> void {
            if (e.kind == Expr::Kind::Cell && !t_.name.empty() && fold_label(e.text) == t_.name && !e.args.empty())
                if (const auto k = at(e.args[0]->text)) read[*k] = 1;
            for (const auto& arg : e.args) self(self, *arg);
        };
        for (const Prepared& p : rows_) {
            spans.clear();
            add_named_spans(t_, row_keys_, true, *p.expr, false, spans);
            for (const auto& [x, y] : spans)
                std::fill(read.begin() + static_cast<std::ptrdiff_t>(x), read.begin() + static_cast<std::ptrdiff_t>(y) + 1, 1);
            own_cells(own_cells, *p.expr);
        }
        static const std::string kNone;
        const auto label_of = [](const TableRow& row) -> const std::string& { return row.cells.empty() ? kNone : row.cells[0].text; };
        std::vector<char> said(t_.rows.size(), 0);
        for (const Sum& s : sums) {
            // A sum of parts ("Heraf i alt = sum(Heraf overtid .. Heraf tillæg)") leaves their
            // whole out as meant.
            if (model::names_part(label_of(t_.rows[s.first])) || model::names_part(label_of(t_.rows[s.last]))) continue;
            const int indent = t_.rows[s.last].indent;
            // A row at the range's own level: one indented under it is a part, one less indented
            // the whole its rows are parts of ("Løn" over "  Overtid .. Tillæg").
            const auto left_out = [&](size_t r) {
                const TableRow& row = t_.rows[r];
                return row.role == TableRow::Role::Data && !read[r] && !said[r] && !row.cells.empty() && figures(row) &&
                       row.indent == indent && !model::names_part(row.cells[0].text);
            };
            const auto say = [&](size_t r) {
                said[r] = 1;
                const size_t from = std::min(s.first, r), to = std::max(s.last, r);
                diags_.warning(t_.rows[r].loc,
                               fmt(_("the row {} has figures but is in no sum: it stands beside the rows {} .. {} that {} "
                                     "adds, so its figures are left out of that total; widen the range (\"sum({} .. {})\"), "
                                     "or move the row"),
                                   quote_text(t_.rows[r].cells[0].text), quote_text(row_name(t_, s.first)),
                                   quote_text(row_name(t_, s.last)), quote_text(s.p->formula->target), row_name(t_, from),
                                   row_name(t_, to)));
            };
            for (size_t r = s.last + 1; r < s.target; ++r)
                if (left_out(r)) say(r);
            // Above a range that starts at a total ("sum(Udgifter i alt .. Husleje)") stand its parts.
            if (t_.rows[s.first].total || model::names_total(label_of(t_.rows[s.first]))) continue;
            for (size_t r = s.first; r-- > 0;) {
                const TableRow& row = t_.rows[r];
                if (row.role != TableRow::Role::Data || row.total || row.cells.empty() || !figures(row) ||
                    model::names_total(row.cells[0].text))
                    break;
                if (left_out(r)) say(r);
            }
        }
    }

    void warn_kept_beyond_rounding() {
        const auto half_unit = [](const Cell& cell) {
            if (cell.decimals > 0) return std::optional<Decimal>(Decimal(5, cell.decimals + 1));
            const auto whole = cell.value.abs();
            if (!whole) return std::optional<Decimal>();
            int64_t units = whole->rounded(0).units(), zeros = 1;
            while (units != 0 && units % 10 == 0 && zeros <= 100000000000000000 / 10) {
                units /= 10;
                zeros *= 10;
            }
            return std::optional<Decimal>(Decimal(5 * zeros, 1));
        };
        for (const auto* formulas : {&rows_, &columns_})
            for (const Prepared& p : *formulas) {
                if (!model::is_sum_expression(p.formula->expression)) continue;
                const bool row_formula = p.formula->kind == Formula::Kind::Row;
                std::optional<std::vector<std::pair<int, size_t>>> terms;
                for (const auto& [at, writer] : writer_) {
                    const auto [r, c] = at;
                    if (writer != p.formula || c >= t_.rows[r].cells.size() || !t_.rows[r].cells[c].kept_published) continue;
                    if (!terms && !(terms = sum_terms(t_, row_keys_.of(t_), *p.expr, row_formula))) break;
                    const Cell& kept = t_.rows[r].cells[c];
                    std::optional<Decimal> sum = Decimal(), slack = half_unit(kept);
                    for (const auto& [sign, line] : *terms) {
                        const size_t pr = row_formula ? line : r, pc = row_formula ? c : line;
                        const Cell* part = pr < t_.rows.size() && pc < t_.rows[pr].cells.size() ? &t_.rows[pr].cells[pc] : nullptr;
                        if (!part || part->kind != Cell::Kind::Number || !sum || !slack) {
                            sum.reset();
                            break;
                        }
                        const auto half = half_unit(*part);
                        sum = sign < 0 ? Decimal::sub(*sum, part->value) : Decimal::add(*sum, part->value);
                        slack = half ? Decimal::add(*slack, *half) : std::nullopt;
                    }
                    if (!sum || !slack) continue;
                    const auto off = Decimal::sub(kept.value, *sum);
                    const auto size = off ? off->abs() : std::nullopt;
                    if (!size || *size <= *slack) continue;
                    diags_.warning(kept.loc,
                                   fmt(_("the published figure {} for {} / {} is kept, being within the formula's tolerance "
                                         "({}), but the figures it adds, as written, add up to {}: {} apart, more than their "
                                         "rounding explains (at most {}); correct the figure or its parts, or lower the "
                                         "tolerance so the packet shows the computed figure"),
                                       kept.text, quote_text(row_name(t_, r)), quote_text(t_.header[c]),
                                       format_danish(p.options.tolerance, p.options.tolerance.scale()) +
                                           (kroner_per(t_.unit) > 1 ? " " + t_.unit : ""),
                                       format_danish_exact(*sum), format_danish_exact(*size), format_danish_exact(*slack)));
                }
            }
    }

    // Whether the table's formula `f` adds up what it reads (adds_up).
    bool adds_up_formula(const Formula* f) const {
        for (const auto* formulas : {&rows_, &columns_})
            for (const Prepared& q : *formulas)
                if (q.formula == f) return adds_up(*q.expr);
        return false;
    }

    // Whether the formula that wrote (r, c) read only the table's own figures in its line: a
    // column formula crossing a sum row that leaves its column out ("Ventetid (uger) =
    // [Ventetid (dage)] / 7" under "Hele regionen = sum(Nord .. Syd) | kolonner Forløb ..
    // Overholdt") computed the whole's own figure, the CSV's average of 32 days, not a total of
    // the rows above, which the rounding note said did not add up.
    bool reads_only_input(size_t r, size_t c) {
        const Prepared* by = writer_prepared(r, c);
        if (!by) return false;
        const bool row_formula = by->formula->kind == Formula::Kind::Row;
        const std::vector<size_t>& lines = referenced_lines(*by, row_formula);
        return std::none_of(lines.begin(), lines.end(), [&](size_t i) {
            return writer_.count(row_formula ? std::make_pair(i, c) : std::make_pair(r, i)) > 0;
        });
    }

    // Whether a cell a sum formula wrote prints a total its printed parts do not add up to.
    // Input cells print as written, exactly, unless the table shows them in a larger unit; so
    // only there, where a part is itself computed (and rounded), or where the total prints fewer
    // decimals than its parts can the parts differ.
    bool rounded_parts_differ() {
        const bool scaled = kroner_per(t_.unit) > 1;
        for (const auto* formulas : {&rows_, &columns_})
            for (const Prepared& p : *formulas) {
                if (!model::is_sum_expression(p.formula->expression)) continue;
                const bool row_formula = p.formula->kind == Formula::Kind::Row;
                std::optional<std::vector<std::pair<int, size_t>>> terms;
                // The rows (columns) the sum writes, and in them every cell: one a crossing column
                // formula wrote ("[År] / 3" under "I alt", 10,00 over 3,33 three times) too.
                std::set<size_t> lines;
                for (const auto& [cell, writer] : writer_)
                    if (writer == p.formula) lines.insert(row_formula ? cell.first : cell.second);
                for (const size_t line : lines) {
                    if (!terms && !(terms = sum_terms(t_, row_keys_.of(t_), *p.expr, row_formula))) break;
                    const size_t across = row_formula ? t_.header.size() : t_.rows.size();
                    for (size_t k = row_formula ? 1 : 0; k < across; ++k) {
                        const size_t r = row_formula ? line : k, c = row_formula ? k : line;
                        if (c >= t_.rows[r].cells.size() || t_.rows[r].cells[c].kind != Cell::Kind::Number) continue;
                        // A crossing written by a formula that adds up what it reads ("[År] / 3"), not
                        // a ratio or an average of the totals, which its parts never add up to.
                        if (const auto w = writer_.find({r, c}); w != writer_.end() && w->second != p.formula &&
                                                                 (!adds_up_formula(w->second) || reads_only_input(r, c)))
                            continue;
                        const bool computed_part = std::any_of(terms->begin(), terms->end(), [&](const auto& term) {
                            return writer_.count(row_formula ? std::make_pair(term.second, c) : std::make_pair(r, term.second)) > 0;
                        });
                        // Or a total printed with fewer decimals than its parts (1,46 + 1,46 as "2,9").
                        const bool fewer_decimals = std::any_of(terms->begin(), terms->end(), [&](const auto& term) {
                            const size_t pr = row_formula ? term.second : r, pc = row_formula ? c : term.second;
                            return pr < t_.rows.size() && pc < t_.rows[pr].cells.size() &&
                                   t_.rows[pr].cells[pc].decimals > t_.rows[r].cells[c].decimals;
                        });
                        if ((scaled || computed_part || fewer_decimals) && calc::rounded_parts_differ(t_, *terms, row_formula, r, c))
                            return true;
                    }
                }
            }
        return false;
    }

    // Amounts shown in a larger unit ("enhed"): every amount, read or computed, is printed in
    // it, with one decimal as a figure converted up is ("11,5 mio. kr."), or the table's
    // "decimaler:", or those of the formula that computed it ("I alt = sum(...) | decimaler 3":
    // a probe's 3,512 printed "3,5", the option dropped without a word); a figure written with
    // a per-cent sign is a share, not an amount, and stays as it is.
    void show_scaled() {
        if (kroner_per(t_.unit) <= 1) return;
        const int d = t_.decimals >= 0 ? t_.decimals : 1;
        for (size_t r = 0; r < t_.rows.size(); ++r)
            for (size_t c = 1; c < t_.rows[r].cells.size(); ++c) {
                Cell& cell = t_.rows[r].cells[c];
                if (!shown_scaled(t_, cell)) continue;
                const Prepared* by = writer_prepared(r, c);
                const int decimals = by && by->options.decimals >= 0 ? by->options.decimals : d;
                const Decimal shown = shown_number(t_, cell);
                cell.text = format_danish(shown, decimals);
                if (cell.value.is_zero() || !shown.rounded(decimals).is_zero()) continue;
                // At the formula that computed it (the table's fence says nothing of which), else at its cell.
                const std::string message =
                    fmt(_("the amount {} kr. for {} / {} prints as {} in this table in {}; give the table more decimals "
                          "(\"decimaler:\") or show it in kr."),
                        format_danish(cell.value, cell.decimals), quote_text(t_.rows[r].cells[0].text),
                        quote_text(t_.header[c]), quote_text(cell.text), t_.unit);
                if (by) diags_.warning(by->formula->loc, message, by->formula->line);
                else diags_.warning(cell.loc.file.empty() ? t_.loc : cell.loc, message);
            }
    }

    // The rows (a row formula's) or columns (a column formula's) a formula names by label or
    // range, found once a formula.
    const std::vector<size_t>& referenced_lines(const Prepared& p, bool row_formula) {
        auto [it, fresh] = referenced_lines_.try_emplace(p.formula);
        if (!fresh) return it->second;
        std::vector<size_t>& out = it->second;
        const auto find = [&](const std::string& label) {
            return row_formula ? find_row(t_, row_keys_.of(t_), label) : find_column(t_, row_keys_.columns(t_), label);
        };
        const auto walk = [&](const auto& self, const Expr& e) -> void {
            if (e.kind == Expr::Kind::Label) {
                if (const auto i = find(e.text)) out.push_back(*i);
            } else if (e.kind == Expr::Kind::Range) {
                const auto a = find(e.text), b = find(e.text2);
                if (a && b)
                    for (size_t i = *a; i <= *b; ++i) out.push_back(i);
            }
            for (const auto& arg : e.args) self(self, *arg);
        };
        walk(walk, *p.expr);
        return out;
    }

    // The formula that computed the cell (r, c), as prepared; nullptr for an input cell.
    const Prepared* writer_prepared(size_t r, size_t c) const {
        const auto w = writer_.find({r, c});
        if (w == writer_.end()) return nullptr;
        for (const auto* formulas : {&rows_, &columns_})
            for (const Prepared& p : *formulas)
                if (p.formula == w->second) return &p;
        return nullptr;
    }

    Table& t_;
    References& refs_;
    Diagnostics& diags_;
    RowKeys row_keys_;  // for the formulas' row lookups
    std::vector<Prepared> rows_, columns_;
    // The table's title or its labels' column heading where it names figures that do not add
    // up (an average, a share: "Gennemsnitlig ventetid (dage)", "Andel overholdt (pct.)") and
    // only one kind of figure (no " og "), or nullptr; warned of once a table.
    const std::string* rate_title() {
        if (warned_title_) return nullptr;
        if (!rate_title_read_) {  // read once a table: asked for each column of each row formula
            rate_title_read_ = true;
            for (const std::string* said : {&t_.title, t_.header.empty() ? nullptr : &t_.header[0]}) {
                // ... or a share ("Andel patienter udredt inden for 30 dage efter region").
                if (said == nullptr || said->empty() || !(names_rate_figures(*said) || names_share(*said))) continue;
                if ((" " + fold_label(*said) + " ").find(" og ") != std::string::npos) continue;
                rate_title_ = said;
                break;
            }
        }
        return rate_title_;
    }

    std::vector<bool> computed_column_;
    bool warned_title_ = false, rate_title_read_ = false;
    // names_no_sum of each column's heading and each row's label, asked once a table (for each
    // column of each row formula, and each row of each column formula): -1 not yet asked.
    std::vector<signed char> no_sum_columns_, no_sum_rows_;
    bool no_sum(std::vector<signed char>& known, size_t i, const std::string& heading) {
        if (known.size() <= i) known.resize(i + 1, -1);
        if (known[i] < 0) known[i] = names_no_sum(heading) ? 1 : 0;
        return known[i] == 1;
    }
    const std::string* rate_title_ = nullptr;
    std::map<std::pair<size_t, size_t>, const Formula*> writer_;  // which formula writes each cell
    Planned planned_;                                              // which formula will write each cell
    std::vector<RowWrite> row_writes_;  // what each row formula computed
    std::vector<std::pair<size_t, size_t>> crossings_;  // cells given to a row formula (its index in row_writes_), and their column
    FailedCells failed_cells_;                                    // cells a formula could not compute
    std::set<const Formula*> points_heading_reported_;             // check_points_heading, once a formula
    bool failed_on_input_ = false;  // compute_cell's last failure was a cell's, not its formula's
    std::map<std::tuple<std::string, int, int>, size_t> cause_reported_;  // input cells at fault, and their error
    std::set<std::pair<const Formula*, size_t>> years_reported_;
    std::set<size_t> unread_reported_;  // columns warned of figures no row formula can read
    std::set<const Formula*> unit_reported_;      // formulas told that their unit option does not fit
    std::set<const Formula*> rounding_reported_;  // formulas warned that a quotient prints far from its value
    std::set<const Formula*> printed_reported_;   // formulas warned that they compute with rounded-printed figures exactly
    std::map<const Formula*, std::vector<size_t>> referenced_lines_;  // referenced_lines, by formula
    SumSpans sum_spans_;                                           // what each sum formula adds
    size_t now_ = 0;  // the formula being computed, counting the rows' formulas, then the columns'

    bool used_rounding_note_ = false;
    std::vector<std::string> differs_;  // notes for published figures outside their tolerance
    bool ok_ = true;
};

}  // namespace

namespace {

// Figures printed in millions (or billions) under a title, headings and notes that
// never say so read as kroner: a warning at the table block. (Figures written in millions under
// a heading that says so read right; a figure converting from them is checked where it quotes.)
void check_unit_stated(const Table& t, Diagnostics& diags) {
    const std::string printed = model::printed_unit(t);
    if (kroner_per(printed) <= 1) return;  // kr., a share: nothing to say
    for (const std::string* text : {&t.title, &t.source})
        if (unit_named_in(*text) == printed) return;
    for (const std::string& h : t.header)
        if (unit_named_in(h) == printed) return;
    for (const std::string& n : t.notes)
        if (unit_named_in(n) == printed) return;
    diags.warning(t.loc, fmt(_("the table {} prints its figures in {}, but neither its title, its headings nor its notes "
                               "say so; a reader would take them for kroner: add \"({})\" to the title"),
                             quote_text(t.title.empty() ? t.csv : t.title), printed, printed));
}

// Where the table names an amount unit, in its title, headings, row labels, notes or source
// ("in its title"), with the unit in *named; "" where it names none.
std::string where_unit_named(const Table& t, std::string* named) {
    const auto names = [&](const std::string& text) { return !(*named = unit_named_in(text)).empty(); };
    for (const std::string& h : t.header)
        if (names(h)) return fmt(_("in the column heading {}"), quote_text(h));
    for (const TableRow& r : t.rows)
        if (!r.cells.empty() && names(r.cells[0].text)) return fmt(_("in the row {}"), quote_text(r.cells[0].text));
    if (names(t.title)) return _("in its title");
    for (const std::string& n : t.notes)
        if (names(n)) return fmt(_("in its note {}"), quote_text(n));
    if (names(t.source)) return _("in its source");
    return "";
}

// A table shown in a larger unit by "enhed:" converts figures it takes to be in kr.; one that
// names an amount unit without saying what its figures are written in ("talenhed:") may hold
// them in that unit already: "Budget (mio. kr.)" over 125.000 would print 0,13, a wrong figure
// no message points at. Only the writer knows which: an error at the table (false) asking.
bool check_figures_unit_said(const Table& t, Diagnostics& diags) {
    if (kroner_per(t.unit) <= 1 || !t.figures_unit.empty()) return true;
    std::string named;
    const std::string where = where_unit_named(t, &named);
    if (where.empty()) return true;
    diags.error(t.loc, fmt(_("the table {0} names {1} {2} and shows its figures in {3} (\"enhed: {3}\"), but does not say "
                             "which unit they are written in; add \"talenhed: kr.\" if they are written in kr., or, if "
                             "they are written in {1}, write \"talenhed: {1}\" instead of \"enhed\""),
                           quote_text(t.title.empty() ? t.csv : t.title), named, where, t.unit));
    return false;
}

}  // namespace

bool compute_table(Table& t, References& refs, Diagnostics& diags) {
    mark_no_amount_cells(t);
    check_unit_stated(t, diags);
    // The table is computed even so, so its other errors are reported in the same run.
    const bool said = check_figures_unit_said(t, diags);
    const bool computed = TableComputation(t, refs, diags).run();
    // Judged as printed, so after the formulas (a computed ratio names no amount).
    const bool headings = check_headings_name_printed_unit(t, diags);
    const bool one_unit = check_formulas_read_one_unit(t, diags);
    check_index_bases(t, diags);
    if (computed) warn_typed_totals(t, diags);
    mark_figures_apart(t);
    return computed && said && headings && one_unit;
}

}  // namespace boardpack::calc
