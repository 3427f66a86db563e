// Flow::chart: a laid-out chart onto the page as path and text items, one Figure.
#include "render/pdf/flow.hpp"

namespace boardpack::render::pdf {

namespace {

Color color(const render::chart::Rgb& c) {
    return {static_cast<float>(c.r / 255.0), static_cast<float>(c.g / 255.0), static_cast<float>(c.b / 255.0)};
}

}  // namespace

void Flow::chart(const MeasuredBlock& b) {
    if (!b.chart) return;
    const render::chart::ChartDrawing& d = *b.chart;
    ensure(d.height);
    if (doc_.pages.empty()) new_page();
    const double x0 = b.x, y0 = y_;
    Origin figure = b.origin;
    figure.role = Origin::Role::Figure;
    for (const render::chart::Shape& s : d.shapes) {
        PathItem p;
        p.fill = s.kind == render::chart::Shape::Kind::Fill;
        p.color = color(s.color);
        p.width = s.width;
        p.dashed = s.dashed;
        p.origin = figure;
        p.points.reserve(s.points.size());
        for (const auto& pt : s.points) p.points.push_back({x0 + pt.x, y0 + pt.y});
        page().paths.push_back(std::move(p));
    }
    // Labels are placed by their anchor with the PDF font's own widths, so a centred label is
    // centred in the font it is set in (the layout reserved room on the fixed metrics).
    for (const render::chart::Label& l : d.labels) {
        const FontStyle style = l.bold ? FontStyle::Bold : FontStyle::Regular;
        const double w = m_.width(l.text, style, l.size);
        const double shift = l.anchor == render::chart::Label::Anchor::Middle ? w / 2
                             : l.anchor == render::chart::Label::Anchor::End  ? w
                                                                              : 0;
        page().texts.push_back({x0 + l.x - shift, y0 + l.y, l.text, l.size, style, color(l.color), figure});
    }
    doc_.figures.push_back({figure.block, b.chart_alt});
    y_ += d.height;
}

}  // namespace boardpack::render::pdf
