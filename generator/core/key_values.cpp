#include "core/key_values.hpp"
#include "core/suggest.hpp"
#include "core/messages.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace boardpack {

namespace {

// The file's name is one FileName for all its lines: each entry's two locations share it, not
// a copy of the name and a count of their own (four heap blocks a line).
std::optional<KeyValue> parse_line(std::string_view text, const FileName& file_name, int line,
                                   int column_offset, Diagnostics& diags) {
    const std::string_view t = trim(text);
    if (t.empty() || t[0] == '#') return std::nullopt;
    const size_t lead = text.find_first_not_of(" \t");
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
        diags.error({file_name, line, column_of(text, lead) + column_offset},
                    fmt(_("expected \"key: value\", found {}"), quote_text(t)), std::string(text));
        return std::nullopt;
    }
    KeyValue kv;
    kv.key = fold_label(text.substr(lead, colon - lead));
    if (kv.key.empty()) {
        diags.error({file_name, line, column_of(text, colon) + column_offset},
                    _("missing key before \":\""), std::string(text));
        return std::nullopt;
    }
    const std::string_view rest = text.substr(colon + 1);
    const std::string_view value = trim(rest);
    kv.value = std::string(value);
    kv.loc = {file_name, line, column_of(text, lead) + column_offset};
    const size_t value_start = value.empty() ? colon + 1 : static_cast<size_t>(value.data() - text.data());
    kv.value_loc = {file_name, line, column_of(text, value_start) + column_offset};
    kv.line = std::string(text);
    return kv;
}

}  // namespace

std::vector<KeyValue> parse_key_values(const TextFile& file, int first, int last, Diagnostics& diags) {
    std::vector<KeyValue> out;
    for (const Line& l : file.lines) {
        if (l.number < first || l.number >= last) continue;
        if (auto kv = parse_line(l.text, file.name, l.number, 0, diags)) out.push_back(std::move(*kv));
    }
    return out;
}

std::vector<KeyValue> parse_key_values(const std::string& text, const FileName& file_name,
                                       int first_line, int column_offset, Diagnostics& diags) {
    std::vector<KeyValue> out;
    for (const Line& l : split_lines(text)) {
        if (auto kv = parse_line(l.text, file_name, first_line + l.number - 1, column_offset, diags))
            out.push_back(std::move(*kv));
    }
    return out;
}

void check_keys(const std::vector<KeyValue>& entries, const std::vector<KeySpec>& spec,
                const SourceLoc& where, const std::string& what, Diagnostics& diags) {
    std::vector<std::string> seen, names;
    for (const KeySpec& s : spec) names.push_back(s.key);
    // The keys an unknown one likely misspells ("sagsbehandlr"): said once, at the slip, not again
    // as a missing line.
    std::vector<std::string> meant;
    for (const KeyValue& kv : entries) {
        const auto it = std::find_if(spec.begin(), spec.end(), [&](const KeySpec& s) { return kv.key == s.key; });
        if (it == spec.end()) {
            std::string known;
            for (const KeySpec& s : spec) known += std::string(known.empty() ? "" : ", ") + s.key;
            if (auto near = nearest_name(kv.key, names)) meant.push_back(*near);
            diags.error(kv.loc,
                        fmt(_("unknown key {} in {}{} (known keys: {})"), quote_text(kv.key), what,
                            did_you_mean(kv.key, names), known),
                        kv.line);
            continue;
        }
        if (!it->repeatable && std::find(seen.begin(), seen.end(), kv.key) != seen.end()) {
            diags.error(kv.loc, fmt(_("\"{}\" is given twice in {}"), kv.key, what), kv.line);
            continue;
        }
        seen.push_back(kv.key);
        if (kv.value.empty()) diags.error(kv.value_loc, fmt(_("\"{}\" has no value"), kv.key), kv.line);
    }
    for (const KeySpec& s : spec) {
        if (s.required && std::find(seen.begin(), seen.end(), s.key) == seen.end() &&
            std::find(meant.begin(), meant.end(), s.key) == meant.end())
            diags.error(where, fmt(_("{} has no \"{}:\" line"), what, s.key));
    }
}

const KeyValue* find_key(const std::vector<KeyValue>& entries, const std::string& key) {
    for (const KeyValue& kv : entries)
        if (kv.key == key) return &kv;
    return nullptr;
}

}  // namespace boardpack
