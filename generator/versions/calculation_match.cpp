#include "versions/calculation_match.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "core/text.hpp"

namespace boardpack::versions {

bool name_char(unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c >= 0x80; }

namespace {

using Ref = std::pair<std::string, std::string>;  // a value as (block, value), folded

Ref ref_of(const CalculationEntry& c) { return {fold_label(c.name), fold_label(c.value)}; }

// The indices of item `item`'s values in `s`, in order.
std::vector<size_t> values_of(const Snapshot& s, int item) {
    std::vector<size_t> out;
    for (size_t i = 0; i < s.calculations.size(); ++i)
        if (s.calculations[i].item == item) out.push_back(i);
    return out;
}

bool has_block(const Snapshot& s, int item, const std::string& folded) {
    return std::any_of(s.calculations.begin(), s.calculations.end(),
                       [&](const CalculationEntry& c) { return c.item == item && fold_label(c.name) == folded; });
}

// The values of item `item`'s blocks in `s` that `formula` quotes ("k[sats]"), in order; a
// table's cell ("t[Drift; 2024]") is none.
std::vector<Ref> quoted_values(const std::string& formula, const Snapshot& s, int item) {
    std::vector<Ref> out;
    const std::string f = fold_label(formula);
    for (size_t open = f.find('['); open != std::string::npos; open = f.find('[', open + 1)) {
        size_t start = open;
        while (start > 0 && name_char(static_cast<unsigned char>(f[start - 1]))) --start;
        const size_t close = f.find(']', open);
        if (close == std::string::npos) break;
        const std::string_view inside = trim(std::string_view(f).substr(open + 1, close - open - 1));
        if (start == open || inside.find_first_of(";[") != std::string_view::npos) continue;
        std::string block = f.substr(start, open - start);
        if (has_block(s, item, block)) out.emplace_back(std::move(block), std::string(inside));
    }
    return out;
}

// What the paired figures quoted before and quote now, value by value: a figure that quotes as
// many values in both versions pairs its first with its first, and so on.
std::vector<std::pair<Ref, Ref>> quoted_as(const Snapshot& before, const Snapshot& now, int item, const QuotedPairs& quoted) {
    std::vector<std::pair<Ref, Ref>> out;
    for (const auto& [was, is] : quoted) {
        const std::vector<Ref> x = quoted_values(was, before, item), y = quoted_values(is, now, item);
        if (x.size() != y.size()) continue;
        for (size_t k = 0; k < x.size(); ++k) out.emplace_back(x[k], y[k]);
    }
    return out;
}

// Whether a figure quoted `was` before and another name now, or quotes `is` now where it quoted
// another before (by `part`: the block, or the whole value): the figures gainsay the rename.
template <class Part>
bool gainsaid(const std::vector<std::pair<Ref, Ref>>& quoted, const std::string& was, const std::string& is, Part part) {
    return std::any_of(quoted.begin(), quoted.end(), [&](const std::pair<Ref, Ref>& q) {
        return (part(q.first) == was) != (part(q.second) == is);
    });
}

// Of the candidates, the pairs whose ends are in no other pair: a rename that another could as
// well be is none.
template <class T>
std::vector<std::pair<T, T>> unique_pairs(const std::set<std::pair<T, T>>& candidates) {
    std::map<T, int> left, right;
    for (const auto& [a, b] : candidates) ++left[a], ++right[b];
    std::vector<std::pair<T, T>> out;
    for (const auto& [a, b] : candidates)
        if (left[a] == 1 && right[b] == 1) out.emplace_back(a, b);
    return out;
}

// The item's block names in `s`, folded, in order.
std::vector<std::string> blocks_of(const Snapshot& s, int item) {
    std::vector<std::string> out;
    for (size_t i : values_of(s, item))
        if (const std::string b = fold_label(s.calculations[i].name); std::find(out.begin(), out.end(), b) == out.end())
            out.push_back(b);
    return out;
}

// Whether block `was` before and block `is` now have a value of the same name.
bool share_value(const Snapshot& before, const Snapshot& now, int item, const std::string& was, const std::string& is) {
    for (size_t i : values_of(before, item))
        for (size_t j : values_of(now, item))
            if (fold_label(before.calculations[i].name) == was && fold_label(now.calculations[j].name) == is &&
                fold_label(before.calculations[i].value) == fold_label(now.calculations[j].value))
                return true;
    return false;
}

// Each block before that is a block now (folded names): the same name, or the one it is renamed to.
std::map<std::string, std::string> block_pairs(const Snapshot& before, const Snapshot& now, int item,
                                               const std::vector<std::pair<Ref, Ref>>& quoted) {
    const std::vector<std::string> was = blocks_of(before, item), is = blocks_of(now, item);
    const auto in = [](const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    std::map<std::string, std::string> out;
    std::vector<std::string> gone, added;
    for (const std::string& b : was)
        if (in(is, b)) out[b] = b;
        else gone.push_back(b);
    for (const std::string& b : is)
        if (!in(was, b)) added.push_back(b);
    std::set<std::pair<std::string, std::string>> candidates;
    for (const auto& [x, y] : quoted)
        if (in(gone, x.first) && in(added, y.first)) candidates.insert({x.first, y.first});
    if (gone.size() == 1 && added.size() == 1 && share_value(before, now, item, gone[0], added[0]))
        candidates.insert({gone[0], added[0]});
    const auto block = [](const Ref& r) { return r.first; };
    for (const auto& [g, a] : unique_pairs(candidates))
        if (!gainsaid(quoted, g, a, block)) out[g] = a;
    return out;
}

// A value's place in its block, and the block's length.
std::pair<size_t, size_t> place(const Snapshot& s, size_t index) {
    size_t at = 0, length = 0;
    const CalculationEntry& c = s.calculations[index];
    for (size_t i : values_of(s, c.item)) {
        if (fold_label(s.calculations[i].name) != fold_label(c.name)) continue;
        if (i < index) ++at;
        ++length;
    }
    return {at, length};
}

}  // namespace

std::map<size_t, size_t> match_calculations(const Snapshot& before, const Snapshot& now, int item, const QuotedPairs& quoted) {
    const std::vector<size_t> was = values_of(before, item), is = values_of(now, item);
    if (was.empty() || is.empty()) return {};
    const std::vector<std::pair<Ref, Ref>> seen = quoted_as(before, now, item, quoted);
    const std::map<std::string, std::string> blocks = block_pairs(before, now, item, seen);
    // The block a value before is in now, or "" for none.
    const auto block_now = [&](size_t i) {
        const auto b = blocks.find(fold_label(before.calculations[i].name));
        return b == blocks.end() ? std::string() : b->second;
    };
    std::map<size_t, size_t> out;
    std::set<size_t> taken;
    // The same name in the same block, or in the block renamed.
    for (size_t i : was)
        for (size_t j : is)
            if (!taken.count(j) && !block_now(i).empty() && block_now(i) == fold_label(now.calculations[j].name) &&
                fold_label(before.calculations[i].value) == fold_label(now.calculations[j].value)) {
                out[i] = j;
                taken.insert(j);
                break;
            }
    // A value renamed in its block: what the figures quote, its place, its expression.
    std::set<std::pair<size_t, size_t>> candidates;
    const auto whole = [](const Ref& r) { return r.first + "[" + r.second + "]"; };
    for (size_t i : was) {
        if (out.count(i)) continue;
        for (size_t j : is) {
            if (taken.count(j) || block_now(i).empty() || block_now(i) != fold_label(now.calculations[j].name)) continue;
            const Ref x = ref_of(before.calculations[i]), y = ref_of(now.calculations[j]);
            const bool quoted_so = std::find(seen.begin(), seen.end(), std::make_pair(x, y)) != seen.end();
            const bool same_place = place(before, i) == place(now, j);
            const bool same_expression =
                canonical_expression(before.calculations[i].expression) == canonical_expression(now.calculations[j].expression);
            if ((quoted_so || same_place || same_expression) && !gainsaid(seen, whole(x), whole(y), whole)) candidates.insert({i, j});
        }
    }
    for (const auto& [i, j] : unique_pairs(candidates)) out[i] = j;
    return out;
}

std::string with_names_now(const Snapshot& before, const Snapshot& now, size_t index, const std::map<size_t, size_t>& match) {
    const CalculationEntry& c = before.calculations[index];
    std::map<Ref, const CalculationEntry*> renamed;  // each value before under another name now
    for (const auto& [i, j] : match) {
        const CalculationEntry &was = before.calculations[i], &is = now.calculations[j];
        if (was.item == c.item && (was.name != is.name || was.value != is.value)) renamed[ref_of(was)] = &is;
    }
    const std::string& e = c.expression;
    if (renamed.empty()) return e;
    const std::string block = fold_label(c.name);
    std::string out;
    for (size_t at = 0; at < e.size();) {
        if (!name_char(static_cast<unsigned char>(e[at]))) {
            out += e[at++];
            continue;
        }
        size_t end = at;
        while (end < e.size() && name_char(static_cast<unsigned char>(e[end]))) ++end;
        const std::string name = e.substr(at, end - at);
        const size_t close = end < e.size() && e[end] == '[' ? e.find(']', end) : std::string::npos;
        if (close != std::string::npos) {
            // "blok[værdi]"; a table's cell, its labels as written.
            const std::string inside(trim(std::string_view(e).substr(end + 1, close - end - 1)));
            const auto r = inside.find_first_of(";[") == std::string::npos ? renamed.find({fold_label(name), fold_label(inside)})
                                                                          : renamed.end();
            out += r != renamed.end() ? r->second->name + "[" + r->second->value + "]" : e.substr(at, close + 1 - at);
            at = close + 1;
            continue;
        }
        const auto r = renamed.find({block, fold_label(name)});  // a bare name: a value of its own block
        out += r != renamed.end() ? r->second->value : name;
        at = end;
    }
    return out;
}

}  // namespace boardpack::versions
