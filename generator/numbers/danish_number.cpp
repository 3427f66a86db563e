#include "numbers/danish_number.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "core/messages.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

namespace {

// Strips a trailing per-cent unit ("%", "pct.", "pct", "procent"); returns how it is printed
// ("%" or "pct."), or "" if there was none.
//
// (The spellings here and in strip_minus are string views made at compile time: a braced list of
// literals is measured with strlen each time it is walked, for every cell and word read.)
std::string strip_percent(std::string_view& s) {
    static constexpr std::string_view kUnits[] = {"procent", "pct.", "pct", "%"};
    for (const std::string_view unit : kUnits) {
        if (s.size() >= unit.size() && s.substr(s.size() - unit.size()) == unit) {
            s.remove_suffix(unit.size());
            s = trim(s);
            return unit == "%" ? "%" : "pct.";
        }
    }
    return "";
}

// Strips a trailing amount unit, as Excel's currency formats write it after a space
// ("3.400.000 kr."); returns it ("kr.", "t. kr.", "mio. kr.", "mia. kr."), or "" if there was
// none. Thousands are written "t. kr.", "t.kr." or "tkr."; all are "t. kr.", so they compare.
std::string strip_amount_unit(std::string_view& s) {
    // Longest first: "mio. kr." and "t. kr." also end in "kr.".
    struct Spelling {
        std::string_view written, unit;
    };
    static constexpr Spelling kSpellings[] = {{" mia. kr.", "mia. kr."}, {" mio. kr.", "mio. kr."}, {" t. kr.", "t. kr."},
                                              {" t.kr.", "t. kr."},       {" tkr.", "t. kr."},         {" kr.", "kr."}};
    for (const Spelling& sp : kSpellings) {
        if (s.size() > sp.written.size() && s.substr(s.size() - sp.written.size()) == sp.written) {
            s.remove_suffix(sp.written.size());
            return std::string(sp.unit);
        }
    }
    return "";
}

// Strips a leading minus (minus_sign_size) or plus.
bool strip_minus(std::string_view& s) {
    if (const size_t n = minus_sign_size(s)) {
        s.remove_prefix(n);
        return true;
    }
    if (s.starts_with('+')) s.remove_prefix(1);
    return false;
}

// Thousands separators: ".", and (as Excel and typesetting sometimes write) a space, a no-break
// or a narrow no-break space, which reach here as spaces (plain_spaces).
bool is_separator(char c) { return c == '.' || c == ' '; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether the text holds a digit, which every number read has (read_number reads none without
// one, and says nothing of it): a formula's each word is tried as a number ("Løn", "I alt").
bool any_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return is_digit(c); });
}

// The text with each no-break or narrow no-break space as the space it stands for (in `buffer`
// when there is one): Word, a web page or a typesetter writes one before "%" or "kr." ("40 %"),
// and such a cell was text, a formula quoting it an error whose message showed no reason. Between
// thousands a space is a separator (is_separator) as the others were, so no number reads otherwise.
std::string_view plain_spaces(std::string_view text, std::string& buffer) {
    // A thin space (U+2009) or a figure space (U+2007) groups thousands in typeset reports, and
    // comes along when a table is copied out of a PDF ("1 234").
    const auto wide_space = [&](size_t i) {
        const std::string_view s = text.substr(i, 3);
        return s == "\xE2\x80\xAF" || s == "\xE2\x80\x89" || s == "\xE2\x80\x87";
    };
    bool any = text.find("\xC2\xA0") != std::string_view::npos;
    for (size_t i = text.find("\xE2\x80"); !any && i != std::string_view::npos; i = text.find("\xE2\x80", i + 1))
        any = wide_space(i);
    if (!any) return text;
    buffer.clear();
    for (size_t i = 0; i < text.size();) {
        if (text.substr(i, 2) == "\xC2\xA0") {
            buffer += ' ';
            i += 2;
        } else if (wide_space(i)) {
            buffer += ' ';
            i += 3;
        } else {
            buffer += text[i++];
        }
    }
    return buffer;
}

// Why a text written like a number was not read as one, when that matters to the caller.
enum class Refused { No, ZeroFirstGroup, LeadingZero, TooManyDigits };

// The reading of read_danish_number; *refused says when a text that is otherwise a well-formed
// number was refused for a leading zero.
std::optional<ReadNumber> read_number(std::string_view text, std::string* hint, Refused* refused) {
    std::string_view s = trim(text);
    if (s.empty()) return std::nullopt;
    ReadNumber r;
    r.unit = strip_percent(s);
    r.percent = !r.unit.empty();
    const bool negative = strip_minus(s);
    s = trim(s);
    if (s.empty() || !is_digit(s[0])) return std::nullopt;

    std::string digits;  // integer part without separators
    size_t i = 0;
    int group_len = 0;
    bool grouped = false;
    char separator_kind = 0;
    while (i < s.size()) {
        if (is_digit(s[i])) {
            digits += s[i++];
            ++group_len;
            continue;
        }
        if (!is_separator(s[i])) break;
        const char kind = s[i];
        // Each group after a separator has exactly three digits; the first has one to three.
        if ((grouped && group_len != 3) || (!grouped && group_len > 3) || (separator_kind && separator_kind != kind)) {
            if (hint) *hint = _("\".\" groups thousands in Danish numbers; write decimals with \",\" (2,5)");
            return std::nullopt;
        }
        separator_kind = kind;
        grouped = true;
        group_len = 0;
        ++i;
        if (i >= s.size() || !is_digit(s[i])) {
            if (hint) *hint = _("\".\" groups thousands in Danish numbers; write decimals with \",\" (2,5)");
            return std::nullopt;
        }
    }
    if (grouped && group_len != 3) {
        if (hint) *hint = _("\".\" groups thousands in Danish numbers; write decimals with \",\" (2,5)");
        return std::nullopt;
    }
    std::string fraction;
    if (i < s.size() && s[i] == ',') {
        ++i;
        while (i < s.size() && is_digit(s[i])) fraction += s[i++];
        if (fraction.empty()) return std::nullopt;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            if (hint) *hint = _("\",\" is the decimal mark and \".\" groups thousands: 1.036,5");
            return std::nullopt;
        }
    }
    if (i != s.size()) return std::nullopt;
    if (fraction.size() > static_cast<size_t>(Decimal::kMaxScale) || digits.size() + fraction.size() > 18) {
        if (refused) *refused = Refused::TooManyDigits;
        if (hint) *hint = _("the number has too many digits (at most 18, of which 12 decimals)");
        return std::nullopt;
    }
    // No Danish number's first thousands group is 0: "0.125" is a decimal written the English
    // way, and reading it as 125 would be a silently wrong figure.
    if (grouped && digits[0] == '0') {
        if (refused) *refused = Refused::ZeroFirstGroup;
        if (hint) {
            const size_t first = s.find_first_not_of("0123456789");
            const std::string whole = std::to_string(std::stoll(std::string(s.substr(0, first))));
            const std::string rest = digits.substr(first);
            const std::string as_decimal =
                rest.size() == 3 && fraction.empty() ? std::string(negative ? "-" : "") + whole + "," + rest : "0,125";
            *hint = fmt(_("a number does not begin with a thousands group of 0; if a decimal number is meant, write it "
                          "with \",\" ({})"),
                        as_decimal);
        }
        return std::nullopt;
    }
    // "0101" is a code (a municipality, an account), not an amount: it stays text, as written.
    if (digits.size() > 1 && digits[0] == '0') {
        if (refused) *refused = Refused::LeadingZero;
        if (hint)
            *hint = fmt(_("a number does not begin with 0 (a code such as {} is text, printed as written); write {} for "
                          "the number"),
                        quote_text(trim(text)), std::string(negative ? "-" : "") +
                                           format_danish(Decimal(std::stoll(digits + fraction), static_cast<int>(fraction.size())),
                                                         static_cast<int>(fraction.size())));
        return std::nullopt;
    }
    int64_t units = 0;
    for (const std::string* part : {&digits, &fraction})
        for (char c : *part) units = units * 10 + (c - '0');
    r.decimals = static_cast<int>(fraction.size());
    r.value = Decimal(negative ? -units : units, r.decimals);
    return r;
}

}  // namespace

size_t minus_sign_size(std::string_view text) {
    if (text.starts_with('-')) return 1;
    // U+2010 .. U+2013 are E2 80 90 .. E2 80 93; U+2212 is E2 88 92.
    if (text.size() < 3 || text[0] != '\xE2') return 0;
    const auto second = static_cast<unsigned char>(text[1]), third = static_cast<unsigned char>(text[2]);
    return (second == 0x80 && third >= 0x90 && third <= 0x93) || (second == 0x88 && third == 0x92) ? 3 : 0;
}

std::optional<ReadNumber> read_danish_number(std::string_view text, std::string* hint) {
    if (!any_digit(text)) return std::nullopt;
    std::string buffer;
    return read_number(plain_spaces(text, buffer), hint, nullptr);
}

namespace {

// read_danish_cell, with what read_number says about a refused leading zero.
std::optional<ReadNumber> read_cell(std::string_view text, std::string* hint, Refused* refused) {
    if (!any_digit(text)) return std::nullopt;
    std::string buffer;
    std::string_view s = trim(plain_spaces(text, buffer));
    if (std::string unit = strip_amount_unit(s); !unit.empty()) {
        auto n = read_number(s, hint, refused);
        if (!n || n->percent) return std::nullopt;
        n->unit = std::move(unit);
        return n;
    }
    return read_number(s, hint, refused);
}

}  // namespace

std::optional<ReadNumber> read_danish_cell(std::string_view text, std::string* hint) {
    return read_cell(text, hint, nullptr);
}

std::string_view without_unit(std::string_view text) {
    std::string_view s = trim(text);
    if (strip_amount_unit(s).empty()) strip_percent(s);
    return trim(s);
}

bool zero_first_group(std::string_view text) {
    Refused refused = Refused::No;
    read_cell(text, nullptr, &refused);
    return refused == Refused::ZeroFirstGroup;
}

bool too_many_digits(std::string_view text) {
    Refused refused = Refused::No;
    read_cell(text, nullptr, &refused);
    return refused == Refused::TooManyDigits;
}

bool leading_zero(std::string_view text) {
    Refused refused = Refused::No;
    read_cell(text, nullptr, &refused);
    return refused == Refused::LeadingZero;
}

std::string format_danish(const Decimal& value, int decimals) {
    if (decimals < 0) decimals = 0;
    const Decimal r = value.rounded(decimals);
    // Bring to exactly `decimals` digits after the mark.
    std::string plain = r.to_plain();
    bool negative = false;
    if (!plain.empty() && plain[0] == '-') {
        negative = true;
        plain.erase(0, 1);
    }
    std::string int_part = plain;
    std::string frac_part;
    const size_t dot = plain.find('.');
    if (dot != std::string::npos) {
        int_part = plain.substr(0, dot);
        frac_part = plain.substr(dot + 1);
    }
    while (frac_part.size() < static_cast<size_t>(decimals)) frac_part += '0';
    if (frac_part.size() > static_cast<size_t>(decimals)) frac_part.resize(static_cast<size_t>(decimals));
    std::string grouped;
    const size_t n = int_part.size();
    for (size_t k = 0; k < n; ++k) {
        if (k > 0 && (n - k) % 3 == 0) grouped += '.';
        grouped += int_part[k];
    }
    const bool all_zero = int_part.find_first_not_of('0') == std::string::npos &&
                          frac_part.find_first_not_of('0') == std::string::npos;
    std::string out = (negative && !all_zero) ? "-" : "";
    out += grouped;
    if (decimals > 0) out += "," + frac_part;
    return out;
}

std::string canonical_unit(const std::string& folded) {
    // Thousands of kroner are written many ways in Danish budgets; one spelling is compared and printed.
    std::string key;
    for (char ch : folded)
        if (ch != ' ') key += ch;
    if (key == "t.kr." || key == "tkr." || key == "tkr" || key == "1.000kr.") return "t. kr.";
    // Percentage points, the difference of two shares: "pct.-point" as Danish statistics writes it.
    if (key == "pct.-point" || key == "pct.point" || key == "pct-point" || key == "procentpoint" || key == "%-point" ||
        key == "procent-point")
        return "pct.-point";
    return folded;
}

bool names_share(const std::string& heading) {
    // Asked of the heading and row label of every cell a formula reads: folded only if "ndel"
    // is in it at all, in any case (the word is plain ASCII, which folding only lowers).
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    bool has = false;
    for (size_t i = 0; i + 4 <= heading.size() && !has; ++i)
        has = lower(heading[i]) == 'n' && lower(heading[i + 1]) == 'd' && lower(heading[i + 2]) == 'e' &&
              lower(heading[i + 3]) == 'l';
    if (!has) return false;
    const std::string folded = " " + fold_label(heading);
    return folded.find(" andel") != std::string::npos || folded.find("-andel") != std::string::npos;  // "Ja-andel"
}

bool names_per_cent(const std::string& heading) {
    // Every sign it looks for has a '%' or a 'p' (fold_label makes a 'p' of no other character):
    // most headings and row labels, read for every cell a formula reads, have neither.
    // (Looked for byte by byte: find_first_of calls memchr over its set for each byte.)
    if (std::none_of(heading.begin(), heading.end(), [](char c) { return c == '%' || c == 'p' || c == 'P'; })) return false;
    // The folded heading between two spaces, on the stack where it fits: a table's cells are
    // read one by one, each asking this of its heading and its row label (the example: 844
    // calls, two heap strings each).
    char buf[256];
    std::string long_k;
    std::string_view k;
    if (heading.size() * kFoldGrowth + 2 <= sizeof buf) {
        buf[0] = ' ';
        const size_t n = fold_label_into(heading, buf + 1);
        buf[n + 1] = ' ';
        k = std::string_view(buf, n + 2);
    } else {
        long_k = " " + fold_label(heading) + " ";
        k = long_k;
    }
    // A share after a number is an amount the heading speaks of ("Budget (inkl. 5 % moms)"),
    // not the unit of the column's figures.
    const auto after_number = [&](size_t at) {
        while (at > 0 && k[at - 1] == ' ') --at;
        return at > 0 && is_digit(k[at - 1]);
    };
    for (size_t at = k.find('%'); at != std::string::npos; at = k.find('%', at + 1))
        if (!after_number(at)) return true;
    // Each way of writing it holds "pct" or "procent", which are looked for, and what stands
    // around them then compared: looking for each way (most start with a space) was a search
    // and a comparison at every space of the heading, seven times over.
    const auto written = [&](size_t at, size_t before, std::string_view way) {
        return at >= before && k.substr(at - before).starts_with(way);
    };
    for (std::string_view word : {std::string_view("pct"), std::string_view("procent")}) {
        const bool pct = word == "pct";
        for (size_t at = k.find(word); at != std::string::npos; at = k.find(word, at + 1)) {
            // The unit alone in brackets states the figures' unit, after a year too ("Andel 2023 (pct.)").
            if (pct ? written(at, 2, " (pct.) ") || written(at, 2, " (pct) ") : written(at, 2, " (procent) ")) return true;
            // ... or first in them, with what it is a share of ("Udredningsretten overholdt (pct. af
            // forløbene)", the example meeting's own label: 71 + 73 was printed as 144).
            if (pct ? written(at, 2, " (pct. ") || written(at, 2, " (pct ") : written(at, 2, " (procent ")) return true;
            const bool alone = pct ? written(at, 1, " pct ") || written(at, 1, " pct. ") || written(at, 1, " pct.) ")
                                   : written(at, 1, " procent ");
            if (alone && !after_number(at)) return true;
            // One word that is a share in per cent ("Procentandel", "Procentdel", "Pct.-andel"),
            // or an export's column name ("pct_overholdt", "andel_pct"); not points ("pct.-point").
            const size_t start = k.rfind(' ', at) + 1;
            const size_t end = k.find(' ', at);
            const std::string_view whole = k.substr(start, end - start);
            if (whole.find("point") != std::string_view::npos) continue;
            // A rate named by what it counts ("Svarprocent", "Belægningsprocenten").
            if (!pct && whole.size() > 7 && (whole.ends_with("procent") || whole.ends_with("procenten"))) return true;
            if (whole.starts_with("procentandel") || whole.starts_with("procentdel") || whole.starts_with("pct.-andel") ||
                whole.starts_with("pct-andel") || whole.starts_with("pct_") || whole.ends_with("_pct"))
                return true;
        }
    }
    // English: "Percent", "Per cent".
    for (const std::string_view way : {std::string_view(" percent "), std::string_view(" per cent "), std::string_view(" (percent) ")})
        if (k.find(way) != std::string_view::npos) return true;
    return false;
}

std::string format_danish_cell(const ReadNumber& number) {
    std::string text = format_danish(number.value, number.decimals);
    if (!number.unit.empty()) text += " " + number.unit;
    return text;
}

std::string format_danish_exact(const Decimal& value, int decimals) {
    int scale = value.scale();
    while (scale > decimals && value.rounded(scale - 1) == value) --scale;  // no trailing zeros
    return format_danish(value, std::max(scale, decimals));
}

std::optional<TwoReadings> two_readings(std::string_view text) {
    std::string_view s = trim(text);
    std::string unit = strip_amount_unit(s);
    if (unit.empty()) unit = strip_percent(s);
    s = trim(s);
    const bool negative = strip_minus(s);
    s = trim(s);
    // One to three digits, not beginning with 0, the mark, three digits.
    const size_t mark = s.find_first_of(".,");
    if (mark == std::string_view::npos || mark == 0 || mark > 3 || s.size() != mark + 4 || s[0] == '0') return std::nullopt;
    for (size_t i = 0; i < s.size(); ++i)
        if (i != mark && !is_digit(s[i])) return std::nullopt;
    const std::string digits = std::string(s.substr(0, mark)) + std::string(s.substr(mark + 1));
    const int64_t units = (negative ? -1 : 1) * std::stoll(digits);
    const std::string sign = negative ? "-" : "";
    const std::string after = unit.empty() ? "" : " " + unit;
    TwoReadings r;
    r.whole.value = Decimal(units, 0);
    r.whole.unit = unit;
    r.whole.percent = unit == "%" || unit == "pct.";
    r.whole_written = sign + std::to_string(std::llabs(units)) + after;
    int decimals = 3;
    while (decimals > 0 && digits[digits.size() - static_cast<size_t>(4 - decimals)] == '0') --decimals;
    r.decimal = r.whole;
    r.decimal.value = Decimal(units, 3).rounded(decimals);
    r.decimal.decimals = decimals;
    if (decimals < 3) r.decimal_written = format_danish(r.decimal.value, decimals) + after;
    return r;
}

bool english_decimal(std::string_view t) {
    t = trim(t);
    // A unit as Excel writes it after the number ("2.5 kr.", "12.5 %") does not make it Danish.
    strip_amount_unit(t);
    strip_percent(t);
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
    const size_t dot = t.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= t.size() || t.find('.', dot + 1) != std::string_view::npos)
        return false;
    for (size_t i = 0; i < t.size(); ++i)
        if (i != dot && (t[i] < '0' || t[i] > '9')) return false;
    return true;
}

}  // namespace boardpack::calc
