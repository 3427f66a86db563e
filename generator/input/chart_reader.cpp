#include "input/chart_reader.hpp"
#include "core/messages.hpp"
#include "input/braced_figures.hpp"

#include "core/text.hpp"
#include "numbers/danish_number.hpp"

namespace boardpack::input {

const std::vector<KeySpec>& chart_keys() {
    static const std::vector<KeySpec> keys = {
        {"tabel", true, false}, {"rækker", false, false}, {"kolonner", false, false}, {"serier", false, false},
        {"type", false, false}, {"titel", true, false},   {"enhed", false, false},    {"akse", false, false},
        {"mål", false, false},
    };
    return keys;
}

namespace {

// "søjler" (the default), "stablede søjler", "liggende søjler", "stablede liggende søjler", "linje".
bool read_kind(const KeyValue& kv, model::Chart& c, Diagnostics& diags) {
    const std::string v = fold_label(kv.value);
    if (v == "søjler") c.kind = model::Chart::Kind::Column;
    else if (v == "stablede søjler") c.kind = model::Chart::Kind::Column, c.stacked = true;
    else if (v == "liggende søjler") c.kind = model::Chart::Kind::Bar;
    else if (v == "stablede liggende søjler") c.kind = model::Chart::Kind::Bar, c.stacked = true;
    else if (v == "linje") c.kind = model::Chart::Kind::Line;
    else {
        diags.error(kv.value_loc, fmt(_("unknown chart type {}: write \"søjler\", \"stablede søjler\", \"liggende søjler\", "
                                        "\"stablede liggende søjler\" or \"linje\""), quote_text(kv.value)), kv.line);
        return false;
    }
    return true;
}

// "mål: 79 | Mål 79 %": the value, then the line's label.
void read_target(const KeyValue& kv, model::Chart& c, Diagnostics& diags) {
    const size_t bar = kv.value.find('|');
    const std::string number(trim(std::string_view(kv.value).substr(0, bar)));
    std::string hint;
    const auto n = calc::read_danish_number(number, &hint);
    if (!n) {
        diags.error(kv.value_loc, fmt(_("the target {} is not a number; write \"mål: 79 | Mål 79 %\"{}"), quote_text(number),
                                      hint.empty() ? std::string() : " (" + hint + ")"), kv.line);
        return;
    }
    c.target = static_cast<double>(n->value.units());
    for (int s = 0; s < n->value.scale(); ++s) *c.target /= 10;
    c.target_label = bar == std::string::npos ? number : std::string(trim(std::string_view(kv.value).substr(bar + 1)));
    c.target_written = calc::format_danish(n->value, n->decimals);
    c.target_loc = kv.value_loc;
}

}  // namespace

std::optional<model::Chart> read_chart(const std::vector<KeyValue>& keys, const SourceLoc& fence, Diagnostics& diags) {
    const int errors_before = diags.error_count();
    check_keys(keys, chart_keys(), fence, _("the diagram block"), diags);
    model::Chart c;
    c.loc = fence;
    for (const KeyValue& kv : keys) {
        if (kv.key == "titel" || kv.key == "akse" || kv.key == "mål") warn_braced_figure(kv, fmt(_("a chart's \"{}:\""), kv.key), diags);
        if (kv.key == "tabel") {
            c.table = kv.value;
            c.table_loc = kv.value_loc;
            c.table_line = kv.line;
        } else if (kv.key == "rækker") {
            c.rows = kv.value;
            c.rows_loc = kv.value_loc;
            c.rows_line = kv.line;
        } else if (kv.key == "kolonner") {
            c.columns = kv.value;
            c.columns_loc = kv.value_loc;
            c.columns_line = kv.line;
        } else if (kv.key == "serier") {
            const std::string v = fold_label(kv.value);
            if (v == "kolonner") c.series_are_columns = true;
            else if (v != "rækker")
                diags.error(kv.value_loc, fmt(_("\"serier\" is \"rækker\" (each row a series, the default) or \"kolonner\", not {}"),
                                              quote_text(kv.value)), kv.line);
        } else if (kv.key == "type") {
            read_kind(kv, c, diags);
        } else if (kv.key == "titel") {
            c.title = kv.value;
        } else if (kv.key == "enhed") {
            c.unit = kv.value;
            c.unit_loc = kv.value_loc;
            c.unit_line = kv.line;
        } else if (kv.key == "akse") {
            c.axis = kv.value;
        } else if (kv.key == "mål") {
            read_target(kv, c, diags);
        }
    }
    if (diags.error_count() > errors_before) return std::nullopt;
    return c;
}

}  // namespace boardpack::input
