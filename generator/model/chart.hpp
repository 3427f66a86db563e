// A ```diagram block: a chart of a named table's rows and columns. The reader fills what was
// written; calc/chart_values fills the values from the computed table, so a corrected cell
// moves the bar in both editions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace boardpack::model {

// One series of a chart: a row (or a column) of the table, a value per category.
struct ChartSeries {
    std::string label;
    std::vector<std::optional<double>> values;  // nullopt: "Ikke oplyst", "-" or empty, drawn as a gap
    std::vector<std::string> printed;           // each value as the table prints it ("68", "Ikke oplyst")
};

struct Chart {
    // Columns stand up, bars lie down; grouped sets a category's series side by side, stacked
    // on top of each other; a line joins each series' values.
    enum class Kind { Column, Bar, Line };
    Kind kind = Kind::Column;
    bool stacked = false;
    int number = 0;           // "Figur N", counted per item with the other figures
    std::string table;        // the table's name, as written
    std::string rows, columns;  // "A .. B" or "A; B; C" as written ("" = all)
    bool series_are_columns = false;  // "serier: kolonner": each column a series, the rows the categories
    std::string title;
    std::string unit;         // printed after the values ("%", "dage")
    std::string axis;         // the value axis' label
    std::optional<double> target;  // "mål: 79 | Mål 79 %": a line across at 79 with its label
    std::string target_label;
    std::string target_written;  // the target as a Danish number ("2.500"), for words that must give it
    SourceLoc loc;            // the opening fence
    SourceLoc table_loc, rows_loc, columns_loc, target_loc, unit_loc;  // where the keys' values were written
    std::string table_line, rows_line, columns_line, unit_line;         // their source lines, for messages

    // Filled after the tables are computed (calc/chart_values).
    std::vector<std::string> categories;
    // A line over periods at uneven distances ("Dec. 2016", "April 2017", "Aug. 2017", "April
    // 2018"): each category's place in time, in months (calc/chart_periods); empty where the
    // categories are evenly spaced, or name no periods: then they stand at even distances.
    std::vector<double> positions;
    std::vector<ChartSeries> series;
    std::string source;       // the table's "Kilde:" line, for the caption
};

}  // namespace boardpack::model
