#include "model/totals.hpp"
#include "core/messages.hpp"

#include "core/text.hpp"

namespace boardpack::model {

namespace {

void skip_spaces(std::string_view s, size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

// One term at i: "[label]" (counts 1) or "sum(...)" (counts 2: a sum on its own is a total).
// Returns the count, 0 if there is no such term; advances i past it.
int term(std::string_view s, size_t& i) {
    if (i < s.size() && s[i] == '[') {
        const size_t close = s.find(']', i);
        if (close == std::string_view::npos || s.substr(i + 1, close - i - 1).find('[') != std::string_view::npos)
            return 0;
        i = close + 1;
        return 1;
    }
    if (fold_label(s.substr(i, 4)) == "sum(") {
        const size_t close = s.find(')', i);
        if (close == std::string_view::npos || s.substr(i + 4, close - i - 4).find_first_of("([") != std::string_view::npos)
            return 0;
        i = close + 1;
        return 2;
    }
    return 0;
}

// The length of a footnote mark written as a superscript digit or a dagger ("I alt¹", "I alt†")
// that ends `k`, or 0.
size_t superscript_mark_at_end(std::string_view k) {
    for (const std::string_view mark : {"\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB0", "\xE2\x81\xB4", "\xE2\x81\xB5",
                                        "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9", "\xE2\x80\xA0",
                                        "\xE2\x80\xA1"})
        if (k.ends_with(mark)) return mark.size();
    return 0;
}

// A label as formulas name it: folded, without a trailing ":" or footnote mark ("Indtægter i
// alt:" is [Indtægter i alt]); the same rule as calc::label_key, which the model cannot include.
std::string key(const std::string& label) {
    std::string k = fold_label(label);
    while (!k.empty() && (k.back() == ':' || k.back() == '*' || k.back() == ' ')) k.pop_back();
    return k;
}

// Whether a row's label is the formula's target, which may name the row's group first
// ("Region Syd / I alt").
bool targets(const std::string& target, const std::string& label) {
    const std::string t = key(target), l = key(label);
    return t == l || (t.size() > l.size() + 3 && t.compare(t.size() - l.size() - 3, std::string::npos, " / " + l) == 0);
}

// Whether `k` is `word` or starts with `word` and a space.
// A colon may end the word too ("Hvoraf: ledere", "Heraf:ledere", "Inkl.: moms").
bool starts_with_word(std::string_view k, std::string_view word) {
    return k == word ||
           (k.size() > word.size() && k.substr(0, word.size()) == word && (k[word.size()] == ' ' || k[word.size()] == ':'));
}

}  // namespace

namespace {

// A label as names_total and names_part read it: key()'s fold, with the marks around a part's
// or total's words taken off ("- heraf løn", "(heraf husleje)", "• Heraf", "Drift (i alt)",
// "I alt, drift"): dashes, bullets and parentheses, and a comma as a space.
//
// In one pass over the label folded on the stack where it fits: every row and column label of a
// table that sums is read so (RowKeys::roles in calc/table_calc.cpp), and the key copied, folded,
// edited mark by mark and grown a character at a time was four heap blocks and more a label.
std::string words_of(std::string_view label) {
    char buf[256];
    std::string long_fold;
    std::string_view k;
    if (label.size() * kFoldGrowth <= sizeof buf) {
        k = std::string_view(buf, fold_label_into(label, buf));
    } else {
        long_fold = fold_label(label);
        k = long_fold;
    }
    // As key(), and a superscript or dagger footnote mark ("I alt¹", which a probe's total was
    // not read as).
    for (size_t mark = 1; mark > 0;) {
        while (!k.empty() && (k.back() == ':' || k.back() == '*' || k.back() == ' ')) k.remove_suffix(1);
        mark = superscript_mark_at_end(k);
        k.remove_suffix(mark);
    }
    // A dash or a bullet (– — • ·) at `at`: its length. Folded text is valid UTF-8, so each is
    // found only as the character it is.
    const auto dash_or_bullet = [&](size_t at) -> size_t {
        for (const std::string_view mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7"})
            if (k.substr(at, mark.size()) == mark) return mark.size();
        return 0;
    };
    std::string out;
    out.reserve(k.size());
    for (size_t i = 0; i < k.size();) {
        char put = ' ';
        if (const size_t n = static_cast<unsigned char>(k[i]) >= 0x80 ? dash_or_bullet(i) : 0) {
            i += n;
        } else {
            const char c = k[i++];
            const bool mark = c == '(' || c == ')' || c == ',' || c == '-' || c == '*';
            put = mark ? ' ' : c;
        }
        if (put == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += put;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool ends_with_word(std::string_view k, std::string_view word) {
    return k.size() > word.size() && k.substr(k.size() - word.size()) == word && k[k.size() - word.size() - 1] == ' ';
}

}  // namespace

// (The words below are string views made at compile time: a braced list of literals is
// measured with strlen each time it is walked.)
bool names_total(std::string_view label) {
    // Each word below holds one of these, which folding keeps as written but for case where the
    // label has no character folding leaves out or turns into a space (a soft hyphen, a
    // zero-width or a wide space: bytes 0xC2, 0xE2, 0xE3, 0xEF): most labels hold none, and are
    // not folded at all.
    if (label.find_first_of("\xC2\xE2\xE3\xEF") == std::string_view::npos) {
        // "alt", "alle", "total", "sum", "saml", "sammen" or "hele", in any case, looked for in one
        // pass, each where its first letter is: each word walked over every place of the label
        // was some 2.000 instructions a label, and every label of a table that sums is asked.
        using namespace std::string_view_literals;
        const auto at = [&](size_t i, std::string_view word) {
            if (i + word.size() > label.size()) return false;
            for (size_t n = 1; n < word.size(); ++n)
                if ((label[i + n] | 0x20) != word[n]) return false;
            return true;
        };
        bool maybe = false;
        for (size_t i = 0; i + 3 <= label.size() && !maybe; ++i) {
            switch (label[i] | 0x20) {
                case 'a': maybe = at(i, "alt"sv) || at(i, "alle"sv); break;
                case 't': maybe = at(i, "total"sv); break;
                case 's': maybe = at(i, "sum"sv) || at(i, "saml"sv) || at(i, "sammen"sv); break;
                case 'h': maybe = at(i, "hele"sv); break;
                default: break;
            }
        }
        if (!maybe) return false;
    }
    const std::string k = words_of(label);
    // "Tilsammen" and "sammenlagt" are Danish for "in all" as much as "i alt" is.
    static constexpr std::string_view kTails[] = {"i alt", "ialt", "total", "totalt", "samlet", "samlede", "tilsammen",
                                                  "sammenlagt"};
    for (const std::string_view tail : kTails)
        if (ends_with_word(k, tail)) return true;
    // Statistics Denmark's totals over the regions or municipalities.
    static constexpr std::string_view kWholes[] = {"hele landet", "hele regionen", "hele kommunen", "hele danmark",
                                                   "alle regioner", "alle kommuner"};
    for (const std::string_view whole : kWholes)
        if (k == whole) return true;
    static constexpr std::string_view kFirst[] = {"i alt", "ialt", "total", "totalt", "hovedtotal", "subtotal", "sum",
                                                  "samlet", "samlede", "tilsammen", "sammenlagt"};
    for (const std::string_view word : kFirst)
        if (starts_with_word(k, word)) return true;
    return false;
}

bool names_part(std::string_view label) {
    const std::string k = words_of(label);
    static constexpr std::string_view kFirst[] = {
        "heraf", "heraf:", "herunder", "herunder:", "heriblandt", "deraf", "hvoraf", "deriblandt", "derunder", "her af",
        "herav", "heri", "heri:", "indeholdt heri", "indeholdt heri:", "af hvilke", "af disse", "af dem", "af denne", "af dette",
        "inkl.", "inkl", "inklusive", "inklusiv", "bl.a.", "bl.a", "blandt andet", "dvs.", "dvs", "det vil sige", "of which",
        "of which:", "including", "incl.", "incl", "hvorav", "herfra", "derfra"};
    for (const std::string_view word : kFirst)
        if (starts_with_word(k, word)) return true;
    // The word after the part's name: "Ledere (heraf)", "Ledere, hvoraf", "Ledere (indgår i ovenstående)".
    for (const std::string_view word : {std::string_view(" heraf"), std::string_view(" hvoraf"), std::string_view(" deraf")})
        if (k.ends_with(word)) return true;
    return k.find("indg\xC3\xA5r i ") != std::string::npos || k.find(" indg\xC3\xA5r heri") != std::string::npos;
}

bool marked_as_item(std::string_view label) {
    size_t i = 0;
    while (i < label.size() && (label[i] == ' ' || label[i] == '\t')) ++i;
    const std::string_view rest = label.substr(i);
    // "- ", "* ", "> ", and the dashes and bullets "– ", "— ", "• ", "· ", "▪ ", "◦ ".
    for (const std::string_view mark : {"- ", "* ", "> ", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "\xE2\x80\xA2 ", "\xC2\xB7 ",
                                        "\xE2\x96\xAA ", "\xE2\x97\xA6 "})
        if (rest.substr(0, mark.size()) == mark) return true;
    return false;
}

bool declared_total(const Table& table, std::string_view label) {
    const std::string k = key(std::string(label));
    for (const Table::TotalLine& t : table.totals)
        if (key(t.label) == k) return true;
    return false;
}

bool is_sum_expression(std::string_view e) {
    size_t i = 0;
    int count = 0;
    skip_spaces(e, i);
    while (true) {
        const int n = term(e, i);
        if (n == 0) return false;
        count += n;
        skip_spaces(e, i);
        if (i == e.size()) return count >= 2;
        if (e[i] != '+' && e[i] != '-') return false;
        ++i;
        skip_spaces(e, i);
    }
}

void mark_totals(Table& table, Diagnostics& diags) {
    for (TableRow& row : table.rows) row.total = false;
    if (!table.totals.empty()) {
        for (const Table::TotalLine& t : table.totals) {
            if (fold_label(t.label) == "ingen") continue;
            bool found = false;
            for (TableRow& row : table.rows) {
                if (row.role == TableRow::Role::Spacer || row.cells.empty()) continue;
                if (key(row.cells[0].text) == key(t.label)) row.total = found = true;
            }
            if (!found)
                diags.error(t.loc,
                            fmt(_("\"total\" names the row {}, which the table does not have (\"total: ingen\" marks no row)"),
                                quote_text(t.label)),
                            t.line);
        }
        return;
    }
    for (TableRow& row : table.rows) {
        if (row.role != TableRow::Role::Computed || row.cells.empty()) continue;
        for (const Formula& f : table.formulas)
            if (f.kind == Formula::Kind::Row && targets(f.target, row.cells[0].text) && is_sum_expression(f.expression))
                row.total = true;
    }
}

}  // namespace boardpack::model
