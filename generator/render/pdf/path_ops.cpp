#include "render/pdf/path_ops.hpp"

#include "render/chart/two_decimals.hpp"

namespace boardpack::render::pdf {

namespace {

// Two decimals, trailing zeros dropped: the precision the SVG is written with.
void number(double v, std::string& out) {
    const size_t start = out.size();
    chart::append_two_decimals(v, out);
    while (out.size() > start && out.back() == '0') out.pop_back();
    if (out.size() > start && out.back() == '.') out.pop_back();
    if (out.size() - start == 2 && out[start] == '-' && out[start + 1] == '0') out.replace(start, 2, "0");
    out += ' ';
}

}  // namespace

std::string path_operators(const PathItem& p, double page_height) {
    std::string out = "q ";
    number(p.color.r, out);
    number(p.color.g, out);
    number(p.color.b, out);
    out += p.fill ? "rg " : "RG ";
    if (!p.fill) {
        number(p.width, out);
        out += "w ";
        if (p.dashed) out += "[4 2.5] 0 d ";
    }
    for (size_t i = 0; i < p.points.size(); ++i) {
        number(p.points[i].x, out);
        number(page_height - p.points[i].y, out);
        out += i ? "l " : "m ";
    }
    out += p.fill ? "h f Q\n" : "S Q\n";
    return out;
}

}  // namespace boardpack::render::pdf
