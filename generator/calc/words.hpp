// The words computed statuses are printed with. They are fixed Danish wording, so they come from
// templates/wording.txt (render::Wording::status_words()), not from the code.
#pragma once

#include <string>

namespace boardpack::calc {

struct Words {
    std::string met, not_met;                 // status(): "opfyldt", "ikke opfyldt"
    std::string rising, falling, unchanged;   // udvikling(): "stigende", "faldende", "uændret"
    std::string rose, fell;                   // as verbs ("| verbum"): "steget", "faldet"
    std::string over_cap, under_cap, at_cap;  // loft(): "over loftet", "under loftet", "på loftet"
    // The note under a table whose published figure is outside its tolerance, with {celle},
    // {kilde} and {beregnet}: the reader comparing with the source is told why they differ.
    std::string source_differs;
    // The note under a table whose rounded parts do not add up to its printed total, where the
    // table gives no "afrundingsnote" of its own.
    std::string rounded_parts;
};

}  // namespace boardpack::calc
