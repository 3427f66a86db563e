// One chart laid out once, on fixed text metrics, as shapes and labels; the HTML draws it as
// inline SVG and the PDF as vector paths and text, from these same numbers (tests/unit parity).
// Coordinates are points from the chart's top-left corner, y growing downwards.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/chart.hpp"

namespace boardpack::render {
class Wording;
}

namespace boardpack::render::chart {

// The width every chart is laid out at, in points: the PDF's, and the SVG's viewBox.
inline constexpr double kChartWidth = 440;
// The width the HTML's chart for a phone is laid out at: shown some 350 px wide, its labels
// (7 to 8 points) are then 9 to 10 px high, where the PDF's width would make them 6.
inline constexpr double kNarrowChartWidth = 270;

struct Rgb {
    unsigned char r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

struct Point {
    double x = 0, y = 0;
};

// A filled polygon (a bar, a marker, a legend swatch) or a stroked line (an axis, a grid line,
// a series' line, a pattern's hatch).
struct Shape {
    enum class Kind { Fill, Stroke };
    Kind kind = Kind::Fill;
    std::vector<Point> points;
    Rgb color;
    double width = 0;     // Stroke: line width
    bool dashed = false;  // Stroke: the target line
    int series = -1;      // the data it shows, or -1 (axes, grid, target)
    int category = -1;
};

// A piece of text: `x` is where its anchor is, `y` its baseline.
struct Label {
    enum class Anchor { Start, Middle, End };
    double x = 0, y = 0;
    std::string text;
    double size = 8;
    bool bold = false;
    Anchor anchor = Anchor::Start;
    Rgb color;
    // The left edge and width on the fixed metrics (for tests of collisions).
    double left() const;
    double width = 0;
};

struct ChartDrawing {
    double width = 0, height = 0;
    std::vector<Shape> shapes;
    std::vector<Label> labels;
    std::vector<double> ticks;  // the value axis' tick values
};

// The palette: distinct for colour-blind readers, each with contrast >= 3:1 on white; the
// series also differ by pattern (bars) or marker (lines), so greyscale print keeps them apart.
const std::vector<Rgb>& palette();
// WCAG contrast ratio of two colours (1 to 21).
double contrast(const Rgb& a, const Rgb& b);

// The fixed text metrics every chart is laid out with (the HTML has no font files): a width
// per character class, a little wider than the packet's fonts, so labels never touch.
double text_width(const std::string& utf8, double size, bool bold = false);

// Round ticks covering [lo, hi] (0 included), about `target` steps of 1, 2, 2,5 or 5 x 10^n.
struct Ticks {
    double lo = 0, hi = 1, step = 1;
    int decimals = 0;  // decimals the step needs
    std::vector<double> values() const;
};
Ticks nice_ticks(double lo, double hi, int target = 5);

// A value in Danish notation with `decimals` decimals ("1.036", "2,5").
std::string danish(double v, int decimals);

// Category labels that fit at `slot` points apart: every `step`-th is printed (1, 2, 3, ...).
int label_step(const std::vector<double>& widths, double slot, double gap = 4);

// Labels stacked along y, moved apart so no two are nearer than `min_gap` (keeping order);
// returns the new y of each (input in any order).
std::vector<double> spread(const std::vector<double>& ys, double min_gap);

// The words a chart prints, from the packet's wording (templates/wording.txt): for a value that
// is not stated under a missing bar ("i.o."), the note below the chart that explains it, and
// beside a missing lying bar ("ikke oplyst"); and, as written there, its source line ("Kilde:
// {kilde}") and the name of its numbers' table ("Tallene bag figur {nummer}").
struct ChartWords {
    std::string gap, gap_note, not_stated;
    std::string source, numbers;
};
ChartWords chart_words(const Wording& wording);

// The chart's source line ("Kilde: ..."), "" when it names none; the name of its numbers' table.
std::string source_line(const model::Chart& chart, const ChartWords& words);
std::string numbers_name(const model::Chart& chart, const ChartWords& words);

// Lays out a resolved chart at `width` points.
ChartDrawing lay_out_chart(const model::Chart& chart, double width, const ChartWords& words);

}  // namespace boardpack::render::chart
