#include "input/formula_reader.hpp"
#include "core/messages.hpp"

#include "core/text.hpp"

namespace boardpack::input {

std::optional<model::Formula> read_formula(const KeyValue& kv, model::Formula::Kind kind, Diagnostics& diags) {
    const std::string& v = kv.value;
    // The target ends at the first " = " (a label such as "(2016=100)" has no spaces around "=");
    // it may also be written in [brackets].
    size_t eq = std::string::npos;
    if (!v.empty() && v[0] == '[') {
        const size_t close = v.find(']');
        if (close != std::string::npos) eq = v.find('=', close);
    } else {
        eq = v.find(" = ");
        if (eq != std::string::npos) ++eq;
    }
    if (eq == std::string::npos) {
        diags.error(kv.value_loc, _("write a formula as \"Label = expression\", e.g. \"Indtægter i alt = sum(Kontingent .. "
                                  "Øvrige indtægter)\""), kv.line);
        return std::nullopt;
    }
    model::Formula f;
    f.kind = kind;
    std::string target(trim(std::string_view(v).substr(0, eq)));
    if (target.size() >= 2 && target.front() == '[' && target.back() == ']') target = std::string(trim(target.substr(1, target.size() - 2)));
    f.target = target;
    std::string rest = v.substr(eq + 1);
    size_t rest_start = eq + 1;
    const size_t bar = rest.find(" | ");
    std::string expr = bar == std::string::npos ? rest : rest.substr(0, bar);
    // Positions: the value starts at kv.value_loc; columns count characters.
    const std::string& line = kv.line;
    const size_t value_byte = line.find(v);
    auto loc_at = [&](size_t offset_in_value) {
        SourceLoc l = kv.value_loc;
        if (value_byte != std::string::npos) l.column = column_of(line, value_byte + offset_in_value);
        return l;
    };
    const size_t lead = expr.find_first_not_of(' ');
    f.expression = std::string(trim(expr));
    f.loc = loc_at(rest_start + (lead == std::string::npos ? 0 : lead));
    if (bar != std::string::npos) {
        f.options = std::string(trim(rest.substr(bar + 3)));
        f.options_loc = loc_at(rest_start + bar + 3);
    }
    f.line = line;
    if (f.target.empty() || f.expression.empty()) {
        diags.error(kv.value_loc, _("the formula needs a label before \" = \" and an expression after it"), kv.line);
        return std::nullopt;
    }
    return f;
}

}  // namespace boardpack::input
