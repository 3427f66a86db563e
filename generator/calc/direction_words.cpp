#include "calc/direction_words.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace boardpack::calc {

namespace {

// Verbs of change, each form a sentence puts before "med": present, past, participle, passive,
// infinitive ("er faldet med", "reduceres med", "forventes at falde med", "er sat ned med").
constexpr std::array kVerbs = {
    "falde", "falder", "faldt", "faldet", "stige", "stiger", "steg", "steget",
    "reducere", "reducerer", "reduceres", "reduceret", "reducerede", "sænke", "sænker", "sænkes", "sænket", "sænkede",
    "mindske", "mindsker", "mindskes", "mindsket", "mindskede", "formindske", "formindsker", "formindskes", "formindsket",
    "formindskede", "nedbringe", "nedbringer", "nedbringes", "nedbragt", "nedbragte", "nedsætte", "nedsætter",
    "nedsættes", "nedsat", "nedsatte", "nedskære", "nedskærer", "nedskæres", "nedskåret", "nedskar", "beskære",
    "beskærer", "beskæres", "beskåret", "beskar", "øge", "øger", "øges", "øget", "øgede", "forøge", "forøger", "forøges",
    "forøget", "forøgede", "forhøje", "forhøjer", "forhøjes", "forhøjet", "forhøjede", "hæve", "hæver", "hæves",
    "hævet", "hævede", "vokse", "vokser", "voksede", "vokset", "udvide", "udvider", "udvides", "udvidet", "udvidede",
    "nedjustere", "nedjusterer", "nedjusteres", "nedjusteret", "nedjusterede", "opjustere", "opjusterer",
    "opjusteres", "opjusteret", "opjusterede", "nedregulere", "nedregulerer", "nedreguleres", "nedreguleret",
    "nedregulerede", "opregulere", "opregulerer", "opreguleres", "opreguleret", "opregulerede", "nedskrive",
    "nedskriver", "nedskrives", "nedskrevet", "nedskrev", "opskrive", "opskriver", "opskrives", "opskrevet", "opskrev",
    "forbedre", "forbedrer", "forbedres", "forbedret", "forbedrede", "forværre", "forværrer", "forværres", "forværret",
    "forværrede", "overskride", "overskrider", "overskrides", "overskredet", "overskred", "overstige", "overstiger",
    "overstiges", "oversteg", "oversteget", "underskride", "underskrider", "underskrides", "underskredet", "underskred",
    // "gået ned med", "sat op med", "skåret ned med"
    "ned", "op"};

// Nouns of change, or of a result that has its sign in its name, each before "på": "et fald på",
// "en besparelse på", "et mindreforbrug på", "et underskud på" (a deficit of -2 mio. kr. reads
// as a surplus). "Afvigelse", "ændring", "forskel", "resultat" give no direction and are not here.
constexpr std::array kNouns = {
    "fald", "faldet", "stigning", "stigningen", "nedgang", "nedgangen", "reduktion", "reduktionen", "besparelse",
    "besparelsen", "forøgelse", "forøgelsen", "forhøjelse", "forhøjelsen", "øgning", "øgningen", "vækst", "væksten",
    "tilvækst", "tilvæksten", "fremgang", "fremgangen", "tilbagegang", "tilbagegangen", "nedskæring", "nedskæringen",
    "nedsættelse", "nedsættelsen", "mindreforbrug", "mindreforbruget", "merforbrug", "merforbruget", "mindreudgift",
    "mindreudgiften", "merudgift", "merudgiften", "mindreindtægt", "mindreindtægten", "merindtægt", "merindtægten",
    "overskud", "overskuddet", "underskud", "underskuddet", "forbedring", "forbedringen", "forværring",
    "forværringen", "overskridelse", "overskridelsen"};

// An income, an expense or a grant, before "på", has its sign in its name too: a budget that
// enters income with a minus prints "indtægter på -123,0 mio. kr." where it quotes the cell,
// which reads as no income. A noun of change before one speaks for the figure ("et fald i
// udgiften på").
constexpr std::array kAmountNouns = {"indtægt", "indtægten", "indtægter", "indtægterne", "indtjening", "indtjeningen",
                                     "udgift", "udgiften", "udgifter", "udgifterne", "tilskud", "tilskuddet", "tilskuddene"};

// Words between "med"/"på" and the figure that say something of its size: "faldet med ca.
// -10.000", "i alt", "knap", "hele". Up to three words in all.
constexpr std::array kFillers = {
    "ikke mindre end", "godt og vel", "ca.", "ca", "cirka", "omkring", "omtrent", "knap", "knapt", "godt", "små",
    "hele", "i alt", "ialt", "samlet", "samlet set", "sammenlagt", "netto", "yderligere", "over", "under",
    "mere end", "mindre end", "op til", "op mod", "næsten", "kun", "blot", "bare", "lige", "præcis", "præcist",
    "nøjagtig", "nøjagtigt", "i gennemsnit", "gennemsnitligt", "endnu", "hhv.", "henholdsvis", "lidt over",
    "lidt under", "lige knap"};

// Words a "med" or "på" after them belongs to, not to a change: "sammenlignet med", "i takt
// med", "i forhold til", "baseret på".
constexpr std::array kOtherPhrase = {"sammen", "sammenlignet", "sammenholdt", "takt", "forbindelse", "overensstemmelse",
                                     "samarbejde", "hensyn", "aftale", "baseret", "fokus", "afhængig", "afhænger",
                                     "beror", "bygger", "udgangspunkt", "virkning", "forhold"};

// Words that start another clause: the change before them is not the figure's.
constexpr std::array kClause = {"og", "eller", "men", "mens", "samt", "som", "der", "hvor", "hvilket", "hvis", "at",
                                "fordi", "selvom", "da", "når"};

// Abbreviations whose "." ends no sentence.
constexpr std::array kAbbreviations = {"ca.", "kr.", "mio.", "mia.", "pct.", "t.", "nr.", "bl.a.", "f.eks.", "fx.", "jf.",
                                       "inkl.", "ekskl.", "mv.", "m.v.", "mm.", "hhv.", "gns.", "ift.", "vedr.", "pr.",
                                       "stk.", "ca", "dvs.", "evt.", "mht."};

constexpr size_t kMostBetween = 6;  // words between the verb or noun and "med"/"på" ("Faldet i den samlede periode har været på")
constexpr size_t kMostFillers = 3;  // words between "med"/"på" and the figure

struct Word {
    std::string written;  // as in the text, quotes and brackets included
    std::string folded;   // lower case, without them or the punctuation after it
    bool ends_clause = false;  // a "," ";" ":" "!" "?" or a sentence's "." after it
};

template <size_t N>
bool among(const std::array<const char*, N>& list, std::string_view w) {
    return std::any_of(list.begin(), list.end(), [&](const char* x) { return w == x; });
}

// The separators of words: white space, a no-break space (U+00A0), a narrow one (U+202F), a thin one (U+2009).
size_t space_at(std::string_view s, size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") return 3;
    return 0;
}

Word word_of(std::string_view raw) {
    Word w;
    w.written = std::string(raw);
    std::string_view core = raw;
    const auto strip_front = [&](std::string_view mark) {
        if (!starts_with(core, mark)) return false;
        core.remove_prefix(mark.size());
        return true;
    };
    const auto strip_back = [&](std::string_view mark) {
        if (!core.ends_with(mark)) return false;
        core.remove_suffix(mark.size());
        return true;
    };
    while (strip_front("(") || strip_front("[") || strip_front("\"") || strip_front("'") || strip_front("\xE2\x80\x9C") ||
           strip_front("\xE2\x80\x9E") || strip_front("\xC2\xBB") || strip_front("\xC2\xAB")) {
    }
    for (bool more = true; more;) {
        more = false;
        for (std::string_view end : {",", ";", ":", "!", "?"})
            if (strip_back(end)) w.ends_clause = more = true;
        for (std::string_view end : {")", "]", "\"", "'", "\xE2\x80\x9D", "\xC2\xBB", "\xC2\xAB"})
            if (strip_back(end)) more = true;
    }
    w.folded = fold_label(core);
    // A dash standing alone ("faldet – med") breaks the sentence as a comma does.
    if (w.folded == "-" || w.folded == "\xE2\x80\x93" || w.folded == "\xE2\x80\x94") w.ends_clause = true;
    if (w.folded.ends_with(".") && !among(kAbbreviations, w.folded)) {
        w.ends_clause = true;
        w.folded.pop_back();
    }
    return w;
}

std::vector<Word> words_of(std::string_view s) {
    std::vector<Word> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size();) {
        const size_t space = i < s.size() ? space_at(s, i) : 1;
        if (space == 0) {
            ++i;
            continue;
        }
        if (i > start) out.push_back(word_of(s.substr(start, i - start)));
        i += space;
        start = i;
    }
    return out;
}

bool is_verb(const Word& w, const std::vector<std::string>& verbs) {
    return among(kVerbs, w.folded) || std::find(verbs.begin(), verbs.end(), w.folded) != verbs.end();
}

// A noun of `nouns`, or a compound ending in one ("lønstigning", "driftsbesparelse",
// "skatteindtægter"): not "fald", which ends "udfald" and "affald".
template <size_t N>
bool is_noun_of(const std::array<const char*, N>& nouns, const Word& w) {
    if (among(nouns, w.folded)) return true;
    return std::any_of(nouns.begin(), nouns.end(), [&](const char* n) {
        const std::string_view noun(n);
        return noun != "fald" && noun != "faldet" && w.folded.size() > noun.size() && w.folded.ends_with(noun);
    });
}

// The number of words of a phrase of kFillers that ends words[end - 1], longest first; 0 for none.
size_t filler_before(const std::vector<Word>& words, size_t end) {
    size_t best = 0;
    for (const char* phrase : kFillers) {
        const std::vector<Word> parts = words_of(phrase);
        if (parts.size() > end || parts.size() <= best) continue;
        bool same = true;
        for (size_t k = 0; k < parts.size() && same; ++k) {
            const Word& w = words[end - parts.size() + k];
            same = w.folded == parts[k].folded && !w.ends_clause;
        }
        if (same) best = parts.size();
    }
    return best;
}

}  // namespace

bool may_give_direction(std::string_view before) {
    // The phrase ends in "med" or "på" and a few filler words at most: without either among the
    // last bytes, there is none (asked for most figures of a text, before its words are read).
    constexpr size_t kLinkWithin = 64;
    const std::string_view last = before.substr(before.size() > kLinkWithin ? before.size() - kLinkWithin : 0);
    for (const std::string_view w : {std::string_view("med"), std::string_view("Med"), std::string_view("MED"),
                                     std::string_view("p\xC3\xA5"), std::string_view("P\xC3\xA5"), std::string_view("P\xC3\x85")})
        if (last.find(w) != std::string_view::npos) return true;
    return false;
}

std::string direction_before(std::string_view before, const std::vector<std::string>& verbs) {
    if (!may_give_direction(before)) return "";
    // The last few words are all it looks at: a sentence's words before a figure, at most.
    constexpr size_t kTail = 400;
    if (before.size() > kTail) {
        before.remove_prefix(before.size() - kTail);
        const size_t space = before.find(' ');
        before.remove_prefix(space == std::string_view::npos ? before.size() : space);
    }
    const std::vector<Word> words = words_of(before);
    size_t end = words.size();
    for (size_t fillers = 0;;) {
        const size_t n = filler_before(words, end);
        if (n == 0 || fillers + n > kMostFillers) break;
        fillers += n;
        end -= n;
    }
    if (end < 2) return "";
    const Word& link = words[end - 1];
    const bool med = link.folded == "med", paa = link.folded == "på";
    if ((!med && !paa) || link.ends_clause) return "";
    const size_t connector = end - 1;
    if (among(kOtherPhrase, words[connector - 1].folded)) return "";
    const auto phrase_from = [&](size_t j) {
        std::string phrase;
        for (size_t k = j; k < words.size(); ++k) phrase += (k > j ? " " : "") + words[k].written;
        return phrase;
    };
    size_t amount = words.size();  // the nearest income, expense or grant before "på", if any
    for (size_t j = connector; j-- > 0 && connector - j <= kMostBetween + 1;) {
        const Word& w = words[j];
        if (w.ends_clause || among(kClause, w.folded)) break;
        if (med ? is_verb(w, verbs) : is_noun_of(kNouns, w)) return phrase_from(j);
        if (paa && amount == words.size() && is_noun_of(kAmountNouns, w)) amount = j;
    }
    return amount < words.size() ? phrase_from(amount) : "";
}

}  // namespace boardpack::calc
