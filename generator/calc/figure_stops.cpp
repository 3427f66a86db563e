#include "calc/figure_stops.hpp"

namespace boardpack::calc {

void merge_figure_stops(std::vector<model::Inline>& inlines) {
    using model::Inline;
    for (size_t i = 0; i < inlines.size(); ++i) {
        Inline& in = inlines[i];
        if (in.kind != Inline::Kind::Figure || in.text.empty() || in.text.back() != '.') continue;
        if (i + 1 >= inlines.size() || inlines[i + 1].kind != Inline::Kind::Text) continue;
        std::string& next = inlines[i + 1].text;
        // "kr..." is an abbreviation followed by an ellipsis, which keeps all its points.
        if (next.empty() || next[0] != '.' || (next.size() > 1 && next[1] == '.')) continue;
        next.erase(0, 1);
    }
}

}  // namespace boardpack::calc
