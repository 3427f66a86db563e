#include "render/pdf/path_ops.hpp"

#include <cstdio>

namespace boardpack::render::pdf {

namespace {

// Two decimals, trailing zeros dropped: the precision the SVG is written with.
void number(double v, std::string& out) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    out += s;
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
