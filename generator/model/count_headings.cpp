#include "model/count_headings.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace boardpack::model {

namespace {

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<std::string_view> heading_words(std::string_view heading, std::string& folded) {
    folded = fold_label(heading);
    for (char& ch : folded) {
        switch (ch) {
            case '(': case ')': case '[': case ']': case '{': case '}': case ',': case ';': case ':': case '/': case '*':
            case '=': ch = ' '; break;
            default: break;
        }
    }
    std::vector<std::string_view> words;
    const std::string_view text = folded;
    size_t i = 0;
    while (i < text.size()) {
        const size_t end = std::min(text.find(' ', i), text.size());
        std::string_view w = text.substr(i, end - i);
        while (!w.empty() && w.back() == '.') w.remove_suffix(1);
        if (!w.empty()) words.push_back(w);
        i = end + 1;
    }
    return words;
}

CountHeading count_heading_of(std::string_view heading) {
    std::string folded;
    const std::vector<std::string_view> words = heading_words(heading, folded);
    bool count = false;
    for (const std::string_view w : words) {
        if (ends_with(w, "kr") || w == "mio" || w == "mia" || w == "dkk" || w == "kroner" || w == "pct" || w == "%" ||
            w == "procent")
            return CountHeading::None;
        // "Antal", and staff counted in full-time posts anywhere ("Læger (fuldtidsansatte)",
        // "Læger, årsværk", "Fuldtidsansatte (FTE)").
        count = count || w == "antal" || w == "fte" || w == "\xC3\xA5rsv\xC3\xA6rk" || w == "fuldtidsansatte" ||
                w == "fuldtidsstillinger";
    }
    if (count) return CountHeading::Count;
    // A label that is what it counts counts as "Antal ..." does: "Indbyggere" and "Årsværk" in a
    // budget shown in mio. kr. printed 1.234.567 inhabitants as 1,2. One that begins so and says
    // more may name who an amount is for ("Borgere med handicap" in a budget by target group):
    // either reading is a guess.
    if (words.empty()) return CountHeading::None;
    // A unit of measure first ("Kvadratmeter", "m2", "Tons CO2", "Km"): never kroner.
    for (const std::string_view unit : {"kvadratmeter", "m2", "m\xC2\xB2", "km", "kilometer", "ton", "tons", "tonnes", "kg",
                                        "kilo", "liter", "kwh", "mwh", "gwh", "timer"})
        if (words[0] == unit) return CountHeading::Count;
    // The word is the noun, or a compound ending in it ("Skadestuebesøg", "Hospitalssenge",
    // "Lægekonsultationer": a probe's 2.450.000 visits printed 2,5 under "mio. kr." in silence).
    // ("Ydelser" and "Sager" only alone: "Sundhedsydelser" and "Sociale ydelser" are budget lines.)
    const auto is_noun = [](std::string_view w, std::string_view noun) {
        return w == noun || (w.size() >= noun.size() + 3 && ends_with(w, noun) && noun != "ydelser" && noun != "sager");
    };
    // What is counted and could as well head what it costs ("Læger" in a budget by staff group,
    // "Operationer" in one by activity): a count or kroner, the heading alone does not say (a
    // probe's 1.865.000 "Læger" printed as 1,9 under "mio. kr.").
    static constexpr std::string_view kCountOrCost[] = {
        "l\xC3\xA6ger", "speciall\xC3\xA6ger", "overl\xC3\xA6ger", "afdelingsl\xC3\xA6ger", "sygeplejersker", "operationer",
        "behandlinger", "henvisninger", "forl\xC3\xB8" "b", "f\xC3\xB8" "dsler", "ydelser", "udskrivninger", "konsultationer",
        "recepter", "k\xC3\xB8rsler", "sager", "klager", "unders\xC3\xB8gelser", "scanninger", "vaccinationer"};
    static constexpr std::string_view kCounts[] = {
        "indbyggere", "borgere", "patienter", "ansatte", "medarbejdere", "\xC3\xA5rsv\xC3\xA6rk", "fuldtidsstillinger", "stillinger",
        "elever", "studerende", "personer", "medlemmer", "beboere", "senge", "sengedage", "indl\xC3\xA6ggelser", "bes\xC3\xB8g",
        "kontakter", "indbyggertal", "befolkning", "befolkningstal", "folketal", "fuldtidsansatte", "deltidsansatte",
        "hel\xC3\xA5rspersoner", "fuldtidspersoner", "pladser", "sengepladser", "normeringer"};
    for (const std::string_view noun : kCountOrCost)
        if (is_noun(words[0], noun)) return CountHeading::CountOrCost;
    for (const std::string_view noun : kCounts)
        if (is_noun(words[0], noun)) {
            // "Indbyggere i alt", "Ansatte 2024", "Befolkning pr. 1. januar 2024" say no more than
            // the noun: a total, a year, a date counted at.
            const bool more = std::any_of(words.begin() + 1, words.end(), [](const std::string_view w) {
                if (w == "i" || w == "alt" || w == "pr" || w == "per" ||
                    std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c) || c == '.'; }))
                    return false;  // "(1.000)": counted in thousands, still a count
                for (const std::string_view month : {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                                                     "september", "oktober", "november", "december", "jan", "feb", "mar",
                                                     "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"})
                    if (w == month) return false;
                return true;
            });
            return more ? CountHeading::MaybeCount : CountHeading::Count;
        }
    // What is counted after a word that says which ("Ambulante besøg", "Nye patienter", "Akutte
    // operationer"; an adjective ends in "e" in the plural) may as well head what it costs ("Faste
    // ansatte" in a salary budget).
    if (words.size() >= 2 && ends_with(words[0], "e")) {
        const auto named = [&](std::string_view noun) { return is_noun(words[1], noun) && noun != "ydelser" && noun != "sager"; };
        if (std::any_of(std::begin(kCountOrCost), std::end(kCountOrCost), named) ||
            std::any_of(std::begin(kCounts), std::end(kCounts), named))
            return CountHeading::CountOrCost;
    }
    return CountHeading::None;
}

bool count_heading(std::string_view heading) { return count_heading_of(heading) == CountHeading::Count; }

bool whole_count_heading(std::string_view heading) {
    if (!count_heading(heading)) return false;
    std::string folded;
    for (const std::string_view w : heading_words(heading, folded))
        if (w == "pr" || w == "per" || w == "gns" || w == "gennemsnit" || w == "gennemsnitlig" || w == "gennemsnitligt" ||
            w == "middel" || w == "median" || w == "indeks" || w == "andel" || w == "rate" || w == "ratio")
            return false;
    return true;
}

}  // namespace boardpack::model
