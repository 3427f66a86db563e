#include "calc/figure_stops.hpp"

namespace boardpack::calc {

namespace {

// Whether `in` ends with a figure whose text ends in ".": the figure itself, or a link or an
// emphasis whose last part does ("[i alt {t[I alt; 2024] | kr.}](…)." printed "kr..").
bool ends_with_figure_stop(const model::Inline& in) {
    using model::Inline;
    if (in.kind == Inline::Kind::Figure) return !in.text.empty() && in.text.back() == '.';
    return !in.children.empty() && ends_with_figure_stop(in.children.back());
}

}  // namespace

void merge_figure_stops(std::vector<model::Inline>& inlines) {
    using model::Inline;
    for (size_t i = 0; i < inlines.size(); ++i) {
        if (!ends_with_figure_stop(inlines[i])) continue;
        if (i + 1 >= inlines.size() || inlines[i + 1].kind != Inline::Kind::Text) continue;
        std::string& next = inlines[i + 1].text;
        // "kr..." is an abbreviation followed by an ellipsis, which keeps all its points.
        if (next.empty() || next[0] != '.' || (next.size() > 1 && next[1] == '.')) continue;
        next.erase(0, 1);
    }
}

}  // namespace boardpack::calc
