#include "render/chart/chart_layout.hpp"

#include "render/chart/chart_text.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <utility>

#include "core/text.hpp"
#include "numbers/danish_number.hpp"
#include "render/wording.hpp"

namespace boardpack::render::chart {

namespace {

constexpr Rgb kInk{34, 34, 34};         // text
constexpr Rgb kAxis{89, 89, 89};        // axis lines: 7:1 on white
constexpr Rgb kGrid{217, 217, 217};     // grid lines: a guide, not information
constexpr Rgb kTarget{34, 34, 34};
constexpr Rgb kWhite{255, 255, 255};
constexpr double kTickSize = 7.5;
constexpr double kLegendSize = 8;
constexpr double kSwatch = 9;
constexpr double kPlotHeight = 150;
// The depth a negative bar's value label takes below the bar (baseline 8 below, descenders).
constexpr double kBelowBarLabel = 9;
constexpr double kBarThickness = 11;
// A category's name wraps onto at most this many lines, this far apart.
constexpr size_t kMaxLabelLines = 3;
constexpr double kLabelLeading = kTickSize + 1.5;
// The narrowest name worth wrapping under its bar: a short word, of six letters with a capital
// and a narrow one (3,46 em as text_width measures them). Bars too narrow for it have their
// names thinned out instead, as a line's are.
constexpr double kShortestWrappedName = 3.46 * kTickSize;

double channel(unsigned char c) {
    const double s = c / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}
double luminance(const Rgb& c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

// Clips the segment a-b to the rectangle; false when nothing is left (Liang-Barsky).
bool clip(Point& a, Point& b, double x0, double y0, double x1, double y1) {
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - x0, x1 - a.x, a.y - y0, y1 - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
    const Point s{a.x + t0 * dx, a.y + t0 * dy}, e{a.x + t1 * dx, a.y + t1 * dy};
    a = s;
    b = e;
    return true;
}

// Where a bar runs on the value axis: from zero, or in a stacked chart from the top of the bars
// of its category below it (positive values stack up from `pos`, negative down from `neg`, each
// moved on past the bar).
std::pair<double, double> bar_extent(double value, bool stacked, double& pos, double& neg) {
    if (!stacked) return {0, value};
    double& base = value >= 0 ? pos : neg;
    const double from = base;
    base += value;
    return {from, base};
}

Shape rect(double x, double y, double w, double h, Rgb c, int series = -1, int category = -1) {
    return {Shape::Kind::Fill, {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, c, 0, false, series, category};
}

Shape line(Point a, Point b, Rgb c, double w, int series = -1) {
    return {Shape::Kind::Stroke, {a, b}, c, w, false, series, -1};
}

// The series' pattern over its colour, in white hatching: none, /, -, \, |, x.
void hatch(std::vector<Shape>& out, int series, double x, double y, double w, double h, int category) {
    const int p = series % 6;
    if (p == 0 || w <= 0 || h <= 0) return;
    constexpr double kGap = 3.5;
    auto add = [&](double dx, double dy) {
        // Lines of direction (dx, dy), one every kGap across the rectangle.
        const double span = w + h;
        for (double c = -span; c <= span; c += kGap) {
            // Through the point (x + c, y) for diagonals and verticals, (x, y + c) for horizontals.
            Point a = dy == 0 ? Point{x - 1, y + c} : Point{x + c - dx * span, y - dy * span};
            Point b = dy == 0 ? Point{x + w + 1, y + c} : Point{x + c + dx * span, y + dy * span};
            if (clip(a, b, x, y, x + w, y + h)) out.push_back({Shape::Kind::Stroke, {a, b}, kWhite, 0.9, false, series, category});
        }
    };
    if (p == 1 || p == 5) add(1, -1);
    if (p == 2) add(1, 0);
    if (p == 3 || p == 5) add(1, 1);
    if (p == 4) add(0, 1);
}

// The series' marker on a line, centred at c: circle, square, triangle, diamond, triangle down, plus.
Shape marker(int series, Point c, Rgb color, int category) {
    constexpr double r = 3.4;
    Shape s{Shape::Kind::Fill, {}, color, 0, false, series, category};
    switch (series % 6) {
        case 0:
            for (int i = 0; i < 12; ++i)
                s.points.push_back({c.x + r * std::cos(i * M_PI / 6), c.y + r * std::sin(i * M_PI / 6)});
            break;
        case 1: s.points = {{c.x - r, c.y - r}, {c.x + r, c.y - r}, {c.x + r, c.y + r}, {c.x - r, c.y + r}}; break;
        case 2: s.points = {{c.x, c.y - r * 1.2}, {c.x + r * 1.1, c.y + r * 0.9}, {c.x - r * 1.1, c.y + r * 0.9}}; break;
        case 3: s.points = {{c.x, c.y - r * 1.3}, {c.x + r * 1.3, c.y}, {c.x, c.y + r * 1.3}, {c.x - r * 1.3, c.y}}; break;
        case 4: s.points = {{c.x - r * 1.1, c.y - r * 0.9}, {c.x + r * 1.1, c.y - r * 0.9}, {c.x, c.y + r * 1.2}}; break;
        default: {
            const double a = r * 1.2, b = r * 0.45;
            s.points = {{c.x - b, c.y - a}, {c.x + b, c.y - a}, {c.x + b, c.y - b}, {c.x + a, c.y - b}, {c.x + a, c.y + b},
                        {c.x + b, c.y + b}, {c.x + b, c.y + a}, {c.x - b, c.y + a}, {c.x - b, c.y + b}, {c.x - a, c.y + b},
                        {c.x - a, c.y - b}, {c.x - b, c.y - b}};
        }
    }
    return s;
}

Label label(double x, double y, std::string text, double size, Label::Anchor anchor, bool bold = false) {
    Label l;
    l.x = x;
    l.y = y;
    l.width = text_width(text, size, bold);
    l.text = std::move(text);
    l.size = size;
    l.bold = bold;
    l.anchor = anchor;
    l.color = kInk;
    return l;
}

// A category's name in lines no wider than `width` at the tick size, broken at spaces: at most
// `max_lines`, the last ending in "…" when the name goes on, and a word wider than a line cut
// with "…". A bar's label is never left out for being long (a thinned-out label leaves a bar
// without a name); the whole name is in the description (the SVG's <desc>, the PDF's /Alt) and
// in the chart's data table.
std::vector<std::string> wrap_label(const std::string& text, double width, size_t max_lines) {
    const auto fits = [&](const std::string& s) { return text_width(s, kTickSize) <= width; };
    // Drops the last character (a whole UTF-8 sequence) until the text and "…" fit.
    const auto cut = [&](std::string s) {
        while (!s.empty() && !fits(s + "…")) {
            unsigned char last;
            do {  // a continuation byte, then the rest of its character down to its first byte
                last = static_cast<unsigned char>(s.back());
                s.pop_back();
            } while (!s.empty() && (last & 0xC0) == 0x80);
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s + "…";
    };
    std::vector<std::string> lines;
    std::string line;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        if (!line.empty() && fits(line + " " + word)) {
            line += " " + word;
            continue;
        }
        if (!line.empty()) lines.push_back(line);
        line = fits(word) ? word : cut(word);
    }
    if (!line.empty()) lines.push_back(line);
    if (lines.size() > max_lines) {
        lines.resize(max_lines);
        if (lines.back().size() < 3 || lines.back().compare(lines.back().size() - 3, 3, "…") != 0)
            lines.back() = cut(lines.back() + " ");
    }
    return lines;
}

// A value as the chart prints it: the table's own text, with the unit when it is short ("%").
std::string value_text(const model::Chart& c, size_t s, size_t k) {
    return c.unit.size() <= 4 ? with_unit(c.series[s].printed[k], c.unit) : c.series[s].printed[k];
}

struct Range {
    double lo = 0, hi = 0;
};

// The values the axis must show: every value (stacked: the sums), the target, and zero.
Range data_range(const model::Chart& c) {
    Range r;
    const size_t n = c.categories.size();
    for (size_t k = 0; k < n; ++k) {
        double pos = 0, neg = 0;
        for (const auto& s : c.series) {
            if (k >= s.values.size() || !s.values[k]) continue;
            const double v = *s.values[k];
            if (c.stacked) (v >= 0 ? pos : neg) += v;
            else r.lo = std::min(r.lo, v), r.hi = std::max(r.hi, v);
        }
        r.lo = std::min(r.lo, neg);
        r.hi = std::max(r.hi, pos);
    }
    if (c.target) r.lo = std::min(r.lo, *c.target), r.hi = std::max(r.hi, *c.target);
    return r;
}

// The legend across the top, wrapping; returns its height.
double legend(const model::Chart& c, double width, ChartDrawing& d) {
    double x = 0, y = 0;
    const double row = 13;
    for (size_t s = 0; s < c.series.size(); ++s) {
        const double w = kSwatch + 4 + text_width(c.series[s].label, kLegendSize) + 12;
        if (x > 0 && x + w > width) x = 0, y += row;
        const Rgb col = palette()[s % palette().size()];
        if (c.kind == model::Chart::Kind::Line) {
            d.shapes.push_back(line({x, y + kSwatch / 2}, {x + kSwatch + 4, y + kSwatch / 2}, col, 1.6, static_cast<int>(s)));
            d.shapes.push_back(marker(static_cast<int>(s), {x + (kSwatch + 4) / 2, y + kSwatch / 2}, col, -1));
            x += 4;
        } else {
            d.shapes.push_back(rect(x, y, kSwatch, kSwatch, col, static_cast<int>(s)));
            hatch(d.shapes, static_cast<int>(s), x, y, kSwatch, kSwatch, -1);
        }
        d.labels.push_back(label(x + kSwatch + 4, y + kSwatch - 1, c.series[s].label, kLegendSize, Label::Anchor::Start));
        x += w;
    }
    return y + row + 4;
}

// A bar chart's target: a dashed line across the bars, its label above the plot.
void target_line(const model::Chart& c, double a0, double a1, double at, ChartDrawing& d) {
    if (!c.target) return;
    Shape s = line({at, a0}, {at, a1}, kTarget, 1.2);
    s.dashed = true;
    d.shapes.push_back(s);
    d.labels.push_back(label(at + 3, a0 + 8, c.target_label, kTickSize, Label::Anchor::Start, true));
}

ChartDrawing vertical_chart(const model::Chart& c, double width, const ChartWords& words) {
    ChartDrawing d;
    d.width = width;
    double top = legend(c, width, d);
    if (!c.axis.empty()) {
        d.labels.push_back(label(0, top + 7, c.axis, kTickSize, Label::Anchor::Start));
        top += 12;
    }
    const Range r = data_range(c);
    const bool line_kind = c.kind == model::Chart::Kind::Line;
    Ticks ticks = nice_ticks(r.lo, r.hi);
    // A negative bar's value stands below the bar's end: at the foot of the axis it would sit on
    // the categories' names, so the axis reaches down far enough to hold it.
    if (!line_kind && !c.stacked && r.lo < 0) {
        const double room = kBelowBarLabel / kPlotHeight * (ticks.hi - ticks.lo);
        if (r.lo - room < ticks.lo) ticks = nice_ticks(r.lo - room, r.hi);
    }
    d.ticks = ticks.values();
    double tick_w = 0;
    for (double t : d.ticks) tick_w = std::max(tick_w, text_width(danish(t, ticks.decimals), kTickSize));
    const double left = tick_w + 5;
    // A line's last values, and the target's label, are printed right of the plot, moved apart
    // where they would touch; the plot leaves room for them.
    double right_room = 4;
    if (line_kind)
        for (size_t s = 0; s < c.series.size(); ++s)
            if (!c.series[s].values.empty() && c.series[s].values.back())
                right_room = std::max(right_room, text_width(value_text(c, s, c.categories.size() - 1), kTickSize) + 8);
    if (c.target) right_room = std::max(right_room, text_width(c.target_label, kTickSize, true) + 8);
    const double plot_top = top + 6, plot_bottom = plot_top + kPlotHeight;
    const double plot_left = left, plot_right = width - right_room;
    auto y_of = [&](double v) { return plot_bottom - (v - ticks.lo) / (ticks.hi - ticks.lo) * kPlotHeight; };
    for (double t : d.ticks) {
        const double y = y_of(t);
        d.shapes.push_back(line({plot_left, y}, {plot_right, y}, t == 0 ? kAxis : kGrid, t == 0 ? 0.8 : 0.5));
        d.labels.push_back(label(plot_left - 4, y + 2.6, danish(t, ticks.decimals), kTickSize, Label::Anchor::End));
    }
    const size_t n = c.categories.size();
    const double slot = (plot_right - plot_left) / static_cast<double>(n);
    // A category's middle: in its slot, or, for a line over periods at uneven distances, at its
    // place in time between the first slot's middle and the last's.
    const bool timed = line_kind && c.positions.size() == n && n >= 2 && c.positions[n - 1] > c.positions[0];
    const auto middle = [&](size_t k) {
        if (!timed) return plot_left + slot * (static_cast<double>(k) + 0.5);
        return plot_left + slot / 2 + (c.positions[k] - c.positions[0]) / (c.positions[n - 1] - c.positions[0]) * (slot * static_cast<double>(n - 1));
    };
    // A line's categories are a sequence (quarters, years): labels that would touch are thinned
    // out. A bar's are names (regions), each needed: wrapped under its bar instead, unless the
    // bars are so many that not even a short word fits under one (then they thin out too).
    double label_depth = 0;  // the lines of the deepest label below the first
    if (line_kind || slot - 3 < kShortestWrappedName) {
        std::vector<double> widths;
        for (const auto& cat : c.categories) widths.push_back(text_width(cat, kTickSize));
        // Periods at uneven distances are thinned where they would touch, one by one.
        const size_t step = timed ? 1 : static_cast<size_t>(label_step(widths, slot));
        // A label stays inside the chart: a name wider than it is cut with "…", one centred
        // under a bar near an edge is moved in (past the edge it would stand in the PDF's
        // margin, or off the page, and be cut off by the SVG's box), and one that then touches
        // the label before it is left out, as thinning leaves others out.
        double last_right = -1e9;
        for (size_t k = 0; k < n; k += step) {
            std::string name = c.categories[k];
            if (widths[k] > width) {
                const std::vector<std::string> cut = wrap_label(name, width, 1);
                name = cut.empty() ? std::string() : cut[0];
            }
            const double w = text_width(name, kTickSize);
            const double x = std::clamp(middle(k), w / 2, width - w / 2);
            if (x - w / 2 < last_right + 4) continue;
            last_right = x + w / 2;
            d.labels.push_back(label(x, plot_bottom + 10, std::move(name), kTickSize, Label::Anchor::Middle));
        }
    } else {
        for (size_t k = 0; k < n; ++k) {
            const std::vector<std::string> lines = wrap_label(c.categories[k], slot - 3, kMaxLabelLines);
            for (size_t i = 0; i < lines.size(); ++i)
                d.labels.push_back(label(plot_left + slot * (k + 0.5), plot_bottom + 10 + kLabelLeading * static_cast<double>(i),
                                         lines[i], kTickSize, Label::Anchor::Middle));
            label_depth = std::max(label_depth, kLabelLeading * static_cast<double>(lines.size() - 1));
        }
    }
    bool gaps = false;
    const size_t ns = c.series.size();
    std::vector<double> end_y;
    std::vector<std::string> end_text;
    if (c.target) {
        end_y.push_back(y_of(*c.target) + 2.6);
        end_text.push_back(c.target_label);
    }
    if (line_kind) {
        for (size_t s = 0; s < ns; ++s) {
            const Rgb col = palette()[s % palette().size()];
            Shape run{Shape::Kind::Stroke, {}, col, 1.6, false, static_cast<int>(s), -1};
            auto flush = [&] {
                if (run.points.size() >= 2) d.shapes.push_back(run);
                run.points.clear();
            };
            for (size_t k = 0; k < n; ++k) {
                if (!c.series[s].values[k]) {
                    gaps = true;
                    flush();  // a gap: the line stops, never drops to zero
                    continue;
                }
                run.points.push_back({middle(k), y_of(*c.series[s].values[k])});
            }
            flush();
            for (size_t k = 0; k < n; ++k)
                if (c.series[s].values[k])
                    d.shapes.push_back(marker(static_cast<int>(s), {middle(k), y_of(*c.series[s].values[k])},
                                              col, static_cast<int>(k)));
            if (c.series[s].values[n - 1]) {
                end_y.push_back(y_of(*c.series[s].values[n - 1]) + 2.6);
                end_text.push_back(value_text(c, s, n - 1));
            }
        }
    } else {
        const double group = slot * 0.75;
        const double bar_w = c.stacked ? group : group / static_cast<double>(ns);
        for (size_t k = 0; k < n; ++k) {
            double pos = 0, neg = 0;
            const double x0 = plot_left + slot * k + (slot - group) / 2;
            for (size_t s = 0; s < ns; ++s) {
                const auto& v = c.series[s].values[k];
                const double x = c.stacked ? x0 : x0 + bar_w * s;
                if (!v) {
                    gaps = true;
                    if (!c.stacked) d.labels.push_back(label(x + bar_w / 2, y_of(0) - 3, words.gap, kTickSize - 1, Label::Anchor::Middle));
                    continue;
                }
                const auto [from, to] = bar_extent(*v, c.stacked, pos, neg);
                const double ya = y_of(std::max(from, to)), yb = y_of(std::min(from, to));
                const Rgb col = palette()[s % palette().size()];
                d.shapes.push_back(rect(x, ya, bar_w, yb - ya, col, static_cast<int>(s), static_cast<int>(k)));
                hatch(d.shapes, static_cast<int>(s), x, ya, bar_w, yb - ya, static_cast<int>(k));
                // The value above its bar when it fits the bar's width.
                const std::string text = value_text(c, s, k);
                if (!c.stacked && text_width(text, kTickSize - 0.5) <= bar_w + (ns == 1 ? slot - group : -1)) {
                    double y = *v >= 0 ? ya - 2.5 : yb + kBelowBarLabel - 1;
                    // Not crossed by the target line: then it stands above the line.
                    if (c.target && y_of(*c.target) > y - kTickSize && y_of(*c.target) < y + 1.5) y = y_of(*c.target) - 2.5;
                    d.labels.push_back(label(x + bar_w / 2, y, text, kTickSize - 0.5, Label::Anchor::Middle));
                }
            }
        }
    }
    if (c.target) {
        Shape t = line({plot_left, y_of(*c.target)}, {plot_right, y_of(*c.target)}, kTarget, 1.2);
        t.dashed = true;
        d.shapes.push_back(t);
    }
    const std::vector<double> ys = spread(end_y, kTickSize + 1);
    const double end_x = line_kind ? plot_left + slot * (static_cast<double>(n) - 0.5) + 6 : plot_right + 4;
    for (size_t i = 0; i < ys.size(); ++i)
        d.labels.push_back(label(c.target && i == 0 ? plot_right + 4 : end_x, ys[i], end_text[i], kTickSize,
                                 Label::Anchor::Start, c.target && i == 0));
    d.height = std::max(plot_bottom + label_depth + (label_depth > 0 ? 4 : 0), ys.empty() ? 0.0 : *std::max_element(ys.begin(), ys.end())) + 16;
    if (gaps) {
        d.labels.push_back(label(0, d.height + 2, words.gap_note, kTickSize - 0.5, Label::Anchor::Start));
        d.height += 8;
    }
    return d;
}

ChartDrawing horizontal_chart(const model::Chart& c, double width, const ChartWords& words) {
    ChartDrawing d;
    d.width = width;
    double top = legend(c, width, d);
    const size_t n = c.categories.size(), ns = c.series.size();
    double cat_w = 0;
    for (const auto& cat : c.categories) cat_w = std::max(cat_w, text_width(cat, kTickSize));
    cat_w = std::min(cat_w, width * 0.4);
    // A name wider than its column is wrapped (left of its bars, never past the chart's edge).
    std::vector<std::vector<std::string>> names;
    size_t most_lines = 1;
    for (const auto& cat : c.categories) {
        names.push_back(wrap_label(cat, cat_w, kMaxLabelLines));
        most_lines = std::max(most_lines, names.back().size());
    }
    double value_w = 0;
    for (size_t s = 0; s < ns; ++s)
        for (size_t k = 0; k < n; ++k) value_w = std::max(value_w, text_width(value_text(c, s, k), kTickSize - 0.5));
    const Range r = data_range(c);
    const Ticks ticks = nice_ticks(r.lo, r.hi);
    d.ticks = ticks.values();
    const double plot_left = cat_w + 6, plot_right = width - std::max(value_w + 6, text_width(danish(ticks.hi, ticks.decimals), kTickSize) / 2);
    const double band = std::max((c.stacked ? kBarThickness : kBarThickness * static_cast<double>(ns)) + 7,
                                 kLabelLeading * static_cast<double>(most_lines) + 4);
    const double plot_top = top + (c.target ? 10 : 2), plot_bottom = plot_top + band * static_cast<double>(n);
    auto x_of = [&](double v) { return plot_left + (v - ticks.lo) / (ticks.hi - ticks.lo) * (plot_right - plot_left); };
    for (double t : d.ticks) {
        const double x = x_of(t);
        d.shapes.push_back(line({x, plot_top}, {x, plot_bottom}, t == 0 ? kAxis : kGrid, t == 0 ? 0.8 : 0.5));
        d.labels.push_back(label(x, plot_bottom + 10, danish(t, ticks.decimals), kTickSize, Label::Anchor::Middle));
    }
    bool gaps = false;
    for (size_t k = 0; k < n; ++k) {
        const double y0 = plot_top + band * k + 3.5;
        const double mid = y0 + (band - 7) / 2;
        const std::vector<std::string>& lines = names[k];
        for (size_t i = 0; i < lines.size(); ++i)
            d.labels.push_back(label(plot_left - 5,
                                     mid + 2.6 + kLabelLeading * (static_cast<double>(i) - static_cast<double>(lines.size() - 1) / 2),
                                     lines[i], kTickSize, Label::Anchor::End));
        double pos = 0, neg = 0;
        for (size_t s = 0; s < ns; ++s) {
            const auto& v = c.series[s].values[k];
            const double y = c.stacked ? y0 : y0 + kBarThickness * s;
            if (!v) {
                gaps = true;
                if (!c.stacked) d.labels.push_back(label(x_of(0) + 3, y + kBarThickness - 3, words.not_stated, kTickSize - 0.5, Label::Anchor::Start));
                continue;
            }
            const auto [from, to] = bar_extent(*v, c.stacked, pos, neg);
            const double xa = x_of(std::min(from, to)), xb = x_of(std::max(from, to));
            const Rgb col = palette()[s % palette().size()];
            d.shapes.push_back(rect(xa, y, xb - xa, kBarThickness - 1, col, static_cast<int>(s), static_cast<int>(k)));
            hatch(d.shapes, static_cast<int>(s), xa, y, xb - xa, kBarThickness - 1, static_cast<int>(k));
            if (!c.stacked) {
                // Not crossed by the target line: then it stands past the line (a probe found the
                // line through "78 %" beside a target of 79).
                const std::string text = value_text(c, s, k);
                double x = xb + 3;
                if (c.target && x_of(*c.target) > x - 1.5 && x_of(*c.target) < x + text_width(text, kTickSize - 0.5))
                    x = x_of(*c.target) + 3;
                d.labels.push_back(label(x, y + kBarThickness - 3, text, kTickSize - 0.5, Label::Anchor::Start));
            }
        }
    }
    if (c.target) target_line(c, plot_top - 10, plot_bottom, x_of(*c.target), d);
    d.height = plot_bottom + 16;
    // The value axis' label on a line of its own below the tick values, which it would touch.
    if (!c.axis.empty()) {
        d.labels.push_back(label(plot_right, plot_bottom + 20, c.axis, kTickSize, Label::Anchor::End));
        d.height += 10;
    }
    (void)gaps;
    return d;
}

}  // namespace

double Label::left() const {
    return anchor == Anchor::Start ? x : anchor == Anchor::Middle ? x - width / 2 : x - width;
}

const std::vector<Rgb>& palette() {
    // Okabe and Ito's blue, vermillion, bluish green and reddish purple, then Tol's wine and a
    // dark violet: each at least 3:1 on white.
    static const std::vector<Rgb> p = {{0, 114, 178}, {213, 94, 0}, {0, 158, 115}, {204, 121, 167}, {136, 34, 85}, {93, 58, 155}};
    return p;
}

double contrast(const Rgb& a, const Rgb& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double text_width(const std::string& s, double size, bool bold) {
    double em = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(s[i]);
        if ((ch & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
        if (ch == ' ') em += 0.32;
        else if (std::string_view(".,:;'|!ilj()[]").find(static_cast<char>(ch)) != std::string_view::npos) em += 0.32;
        else if (ch >= '0' && ch <= '9') em += 0.64;
        else if ((ch >= 'A' && ch <= 'Z') || ch == 'm' || ch == 'w' || ch >= 0xC0) em += 0.74;
        else em += 0.6;
    }
    return em * size * (bold ? 1.08 : 1.0);
}

std::vector<double> Ticks::values() const {
    std::vector<double> out;
    for (double v = lo; v <= hi + step * 1e-6; v += step) out.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
    return out;
}

Ticks nice_ticks(double lo, double hi, int target) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo <= 0) hi = lo + 1;
    const double raw = (hi - lo) / std::max(1, target);
    const double mag = std::pow(10, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw - 1e-12) {
            step = m * mag;
            break;
        }
    Ticks t;
    t.step = step;
    t.lo = std::floor(lo / step + 1e-9) * step;
    t.hi = std::ceil(hi / step - 1e-9) * step;
    // Decimals the step needs: 2,5 needs one, 0,25 two, 10 none.
    for (t.decimals = 0; t.decimals < 6; ++t.decimals) {
        const double scaled = step * std::pow(10, t.decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6) break;
    }
    return t;
}

std::string danish(double v, int decimals) {
    const double scaled = std::round(v * std::pow(10, decimals));
    // Beyond a 64-bit count (no table holds such figures, but a tick may round past one).
    if (!(std::abs(scaled) < 9e18)) return v < 0 ? "-∞" : "∞";
    return calc::format_danish(calc::Decimal(static_cast<int64_t>(scaled), decimals), decimals);
}

int label_step(const std::vector<double>& widths, double slot, double gap) {
    double widest = 0;
    for (double w : widths) widest = std::max(widest, w);
    int step = 1;
    while (step < static_cast<int>(widths.size()) && widest + gap > slot * step) ++step;
    return step;
}

std::vector<double> spread(const std::vector<double>& ys, double min_gap) {
    std::vector<size_t> order(ys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ys[a] < ys[b]; });
    std::vector<double> out = ys;
    for (size_t i = 1; i < order.size(); ++i)
        out[order[i]] = std::max(out[order[i]], out[order[i - 1]] + min_gap);
    return out;
}

ChartWords chart_words(const Wording& wording) {
    return {wording.get("ikke-oplyst-kort"), wording.get("ikke-oplyst-note"), wording.get("ikke-oplyst"),
            wording.get("kilde"), wording.get("figur-tal")};
}

std::string source_line(const model::Chart& chart, const ChartWords& words) {
    return chart.source.empty() ? std::string() : fill_in(words.source, {{"kilde", chart.source}});
}

std::string numbers_name(const model::Chart& chart, const ChartWords& words) {
    return fill_in(words.numbers, {{"nummer", std::to_string(chart.number)}});
}

ChartDrawing lay_out_chart(const model::Chart& chart, double width, const ChartWords& words) {
    if (chart.series.empty() || chart.categories.empty()) return {width, 0, {}, {}, {}};
    return chart.kind == model::Chart::Kind::Bar ? horizontal_chart(chart, width, words) : vertical_chart(chart, width, words);
}

}  // namespace boardpack::render::chart
