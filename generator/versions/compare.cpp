#include "versions/compare.hpp"
#include "core/text.hpp"
#include "numbers/amount_units.hpp"
#include "numbers/danish_number.hpp"
#include "versions/calculation_match.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

namespace boardpack::versions {

namespace {

using calc::Decimal;

// How a figure printed in one amount unit before and in another now reads, for a table given
// another "enhed" (kr. -> t. kr.) after it was published.
enum class InOtherUnit {
    SameAmount,   // one amount as far as the coarser of the two tells: no figure corrected
    OtherAmount,  // an amount the unit converts, and another one: listed with its units
    AsPrinted,    // a share, a ratio or count the table prints as it is, or not a number
};

InOtherUnit in_other_unit(const std::string& before, const std::string& before_unit, const std::string& after,
                          const std::string& after_unit) {
    const auto a = calc::read_danish_cell(before), b = calc::read_danish_cell(after);
    if (!a || !b || a->percent || b->percent) return InOtherUnit::AsPrinted;
    // A figure written with its own unit is in that one.
    const std::string& ua = a->unit.empty() ? before_unit : a->unit;
    const std::string& ub = b->unit.empty() ? after_unit : b->unit;
    if (calc::kroner_per(ua) <= 0 || calc::kroner_per(ub) <= 0) return InOtherUnit::AsPrinted;
    // Compared at the coarser of the two precisions (the last digit's worth in kroner): 1,2 in
    // mio. kr. and 1.234,6 in t. kr. are one amount as far as the first tells. The finer figure
    // is converted into the coarser one's unit and rounded to its decimals.
    const auto worth = [](const calc::ReadNumber& n, const std::string& u) {
        return Decimal::mul(Decimal(calc::kroner_per(u), 0), Decimal(1, n.decimals));
    };
    const auto wa = worth(*a, ua), wb = worth(*b, ub);
    if (!wa || !wb) return InOtherUnit::AsPrinted;
    const bool a_coarser = Decimal::compare(*wa, *wb) >= 0;
    const calc::ReadNumber &coarse = a_coarser ? *a : *b, &fine = a_coarser ? *b : *a;
    const auto fine_there = calc::convert_amount(fine.value, a_coarser ? ub : ua, a_coarser ? ua : ub);
    if (fine_there && Decimal::compare(fine_there->rounded(coarse.decimals), coarse.value.rounded(coarse.decimals)) == 0)
        return InOtherUnit::SameAmount;
    // Another amount where the unit converts it (both printed in their table's unit, not their
    // own): read in the same unit, the two are further apart than converted (800.000 kr. and
    // 805,0 t. kr. are 5.000 kr. apart, not 799.195; a ratio 1,05 and 1,07 is 0,02 apart, not 1.068,95).
    if (!a->unit.empty() || !b->unit.empty()) return InOtherUnit::AsPrinted;
    const auto b_in_a = calc::convert_amount(b->value, ub, ua);
    const auto raw = Decimal::sub(b->value, a->value);
    const auto as_converted = b_in_a ? Decimal::sub(*b_in_a, a->value) : std::nullopt;
    const auto apart = [](const std::optional<Decimal>& d) { return d ? d->abs() : std::nullopt; };
    const auto r = apart(raw), c = apart(as_converted);
    return r && c && Decimal::compare(*c, *r) < 0 ? InOtherUnit::OtherAmount : InOtherUnit::AsPrinted;
}

constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

// The text with every quoted figure replaced by one mark: equal when only figures differ.
std::string masked(const std::string& text) {
    std::string out;
    bool in_figure = false;
    for (char c : text) {
        if (c == kOpen) {
            in_figure = true;
            out += '#';
        } else if (c == kClose) {
            in_figure = false;
        } else if (!in_figure) {
            out += c;
        }
    }
    return out;
}

// The quoted figures' printed texts, in order.
std::vector<std::string> figures_of(const std::string& text) {
    std::vector<std::string> out;
    size_t pos = 0;
    while ((pos = text.find(kOpen, pos)) != std::string::npos) {
        const size_t end = text.find(kClose, pos);
        if (end == std::string::npos) break;
        out.push_back(text.substr(pos + 1, end - pos - 1));
        pos = end + 1;
    }
    return out;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == kOpen || c == kClose) continue;
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// The pairs (i, j) of a longest common subsequence of a and b, in order.
template <class T>
std::vector<std::pair<size_t, size_t>> common(const std::vector<T>& a, const std::vector<T>& b) {
    std::vector<std::pair<size_t, size_t>> out;
    const size_t n = a.size(), m = b.size();
    if (n * m > 4'000'000) {  // too long to align: only the common start and end
        size_t s = 0;
        while (s < n && s < m && a[s] == b[s]) out.emplace_back(s, s), ++s;
        size_t e = 0;
        std::vector<std::pair<size_t, size_t>> tail;
        while (e < n - s && e < m - s && a[n - 1 - e] == b[m - 1 - e]) tail.emplace_back(n - 1 - e, m - 1 - e), ++e;
        out.insert(out.end(), tail.rbegin(), tail.rend());
        return out;
    }
    std::vector<unsigned> len((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> unsigned& { return len[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;) at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    for (size_t i = 0, j = 0; i < n && j < m;) {
        if (a[i] == b[j]) out.emplace_back(i++, j++);
        else if (at(i + 1, j) >= at(i, j + 1)) ++i;
        else ++j;
    }
    return out;
}

// The pairs (i, j) of a and b, in order, aligned by their keys of one level after another: a
// longest common subsequence of keys[0], then, in each stretch left between two pairs, of
// keys[1], and so on. keys[level][i] is item i's key at that level.
void aligned(const std::vector<std::vector<std::string>>& a, const std::vector<std::vector<std::string>>& b, size_t level,
             size_t a0, size_t a1, size_t b0, size_t b1, std::vector<std::pair<size_t, size_t>>& out) {
    if (level == a.size() || a0 == a1 || b0 == b1) return;
    const std::vector<std::string> sa(a[level].begin() + static_cast<std::ptrdiff_t>(a0), a[level].begin() + static_cast<std::ptrdiff_t>(a1));
    const std::vector<std::string> sb(b[level].begin() + static_cast<std::ptrdiff_t>(b0), b[level].begin() + static_cast<std::ptrdiff_t>(b1));
    size_t i = a0, j = b0;
    for (const auto& [pi, pj] : common(sa, sb)) {
        aligned(a, b, level + 1, i, a0 + pi, j, b0 + pj, out);
        out.emplace_back(a0 + pi, b0 + pj);
        i = a0 + pi + 1;
        j = b0 + pj + 1;
    }
    aligned(a, b, level + 1, i, a1, j, b1, out);
}

// A cell's place: item, attachment, table, row label with its occurrence, column.
using CellKey = std::tuple<int, int, int, std::string, int, std::string>;

// A table of an item: item, attachment index, number.
using TableKey = std::tuple<int, int, int>;

// Which table of `now` each table of `before` is: the one of the same item and attachment with
// the same name (`navn:`) when both have one, else the one with the same number that no table
// is by name. A table inserted before another renumbers it ("Tabel 2" was "Tabel 1"): its
// figures are still compared with its own, not with the new table's.
std::map<TableKey, int> match_tables(const Snapshot& before, const Snapshot& now) {
    std::map<TableKey, int> out;
    std::set<TableKey> taken;  // the tables of `now` already matched
    std::map<std::tuple<int, int, std::string>, int> named;  // (item, attachment, name) -> number now
    for (const TableEntry& t : now.tables)
        if (!t.name.empty()) named.emplace(std::make_tuple(t.item, t.attachment, t.name), t.table);
    std::set<std::tuple<int, int, std::string>> named_before;
    for (const TableEntry& t : before.tables)
        if (!t.name.empty()) named_before.emplace(t.item, t.attachment, t.name);
    for (const TableEntry& t : before.tables) {
        if (t.name.empty()) continue;
        const auto it = named.find({t.item, t.attachment, t.name});
        if (it == named.end() || taken.count({t.item, t.attachment, it->second})) continue;
        out[{t.item, t.attachment, t.table}] = it->second;
        taken.insert({t.item, t.attachment, it->second});
    }
    for (const TableEntry& t : before.tables) {
        if (out.count({t.item, t.attachment, t.table})) continue;
        for (const TableEntry& u : now.tables) {
            if (u.item != t.item || u.attachment != t.attachment || u.table != t.table) continue;
            // Two names that differ are two tables, unless the caption is the same (a `navn:`
            // renamed, which the packet does not print); and a table that one of before is by
            // name is that one.
            if (!u.name.empty() && !t.name.empty() && u.name != t.name &&
                (u.title != t.title || named_before.count({u.item, u.attachment, u.name})))
                break;
            if (taken.insert({u.item, u.attachment, u.table}).second) out[{t.item, t.attachment, t.table}] = u.table;
            break;
        }
    }
    return out;
}

// Per cell of `s`, the group heading its row stands under, in a table whose groups have heading
// rows of their own: a row with a label and no figure ("Region Nord;" above "Løn" and "Drift").
// nullopt for a cell of a table without such rows, "" for one above the first heading (or a
// heading itself). Rows are told apart by their label changing or their first column coming
// again (every row has a cell in each column, empty or not).
// A table's row by item, attachment, table number and label.
using RowKey = std::tuple<int, int, int, std::string>;

std::vector<std::optional<std::string>> group_headings(const Snapshot& s, const std::set<RowKey>& figures_elsewhere = {}) {
    std::vector<std::optional<std::string>> out(s.cells.size());
    const auto same_table = [&](size_t a, size_t b) {
        return s.cells[a].item == s.cells[b].item && s.cells[a].attachment == s.cells[b].attachment &&
               s.cells[a].table == s.cells[b].table;
    };
    for (size_t begin = 0, end = 0; begin < s.cells.size(); begin = end) {
        for (end = begin + 1; end < s.cells.size() && same_table(begin, end);) ++end;
        std::vector<std::pair<size_t, size_t>> rows;  // [first, last) cell of each row
        for (size_t k = begin; k < end; ++k)
            if (k == begin || s.cells[k].row != s.cells[k - 1].row || s.cells[k].column == s.cells[begin].column)
                rows.push_back({k, k + 1});
            else
                rows.back().second = k + 1;
        const auto heading = [&](const std::pair<size_t, size_t>& r) {
            const CellEntry& first = s.cells[r.first];
            if (first.row.empty()) return false;
            // A row of figures in the other version, emptied or filled in this one ("8,2" corrected
            // to ""), is that row still, never a group's heading: read as one, it renamed every row
            // under it, and the sheet listed their figures as removed and added.
            if (figures_elsewhere.count({first.item, first.attachment, first.table, first.row})) return false;
            for (size_t k = r.first; k < r.second; ++k)
                if (!s.cells[k].text.empty()) return false;
            return true;
        };
        bool grouped = false;  // a heading row with a row of figures after it
        for (size_t r = 0; r + 1 < rows.size() && !grouped; ++r) grouped = heading(rows[r]) && !heading(rows[r + 1]);
        if (!grouped) continue;
        std::string group;
        for (const auto& r : rows) {
            const bool is_heading = heading(r);
            if (is_heading) group = s.cells[r.first].row;
            for (size_t k = r.first; k < r.second; ++k) out[k] = is_heading ? std::string() : group;
        }
    }
    return out;
}

// The cells by place; `tables` (for `before`) gives each table's number in the other snapshot,
// and a table with none gets a number no table has (below zero), so its cells match none.
// In a table whose groups have heading rows, a row is known by its heading ("Region Syd / Løn",
// as formulas name a repeated label), whether its label repeats or not: a row deleted from one
// group leaves the others' cells matched with their own (when "Løn" stopped repeating, the
// rows after it were taken for other rows, removed and added). In a table without heading rows,
// a label that repeats is known by the nearest row above whose label does not repeat.
std::map<CellKey, const CellEntry*> cells_by_key(const Snapshot& s, const std::map<TableKey, int>* tables = nullptr,
                                                 const std::set<RowKey>& figures_elsewhere = {}) {
    using Place = std::tuple<int, int, int, std::string, std::string>;  // item, attachment, table, row, column
    std::map<Place, int> count;
    for (const CellEntry& c : s.cells) ++count[{c.item, c.attachment, c.table, c.row, c.column}];
    const std::vector<std::optional<std::string>> headings = group_headings(s, figures_elsewhere);
    std::map<CellKey, const CellEntry*> out;
    std::map<Place, int> seen;
    std::map<TableKey, std::string> group;  // each table's group so far
    for (size_t i = 0; i < s.cells.size(); ++i) {
        const CellEntry& c = s.cells[i];
        std::string row = c.row;
        if (headings[i]) {
            if (!headings[i]->empty()) row = *headings[i] + " / " + c.row;
        } else {
            std::string& g = group[{c.item, c.attachment, c.table}];
            if (count[{c.item, c.attachment, c.table, c.row, c.column}] > 1) row = g + " / " + c.row;
            else g = c.row;
        }
        int table = c.table;
        if (tables) {
            const auto it = tables->find({c.item, c.attachment, c.table});
            table = it != tables->end() ? it->second : -1 - c.table;
        }
        const int n = seen[{c.item, c.attachment, table, row, c.column}]++;
        out[{c.item, c.attachment, table, row, n, c.column}] = &c;
    }
    return out;
}

// The snapshot before with its items' numbers as they are now, for the items known by their
// folder in both that moved (a public item renumbered from 3 to 5 is compared with itself: its
// corrections are listed, not the item as added under 5 and taken off under 3); `moved` gets
// each moved item's number now -> before. nullopt when none moved, or when a number would then
// be two items' (a moved item on a number an item taken off the agenda had): numbers decide.
std::optional<Snapshot> renumbered(const Snapshot& before, const Snapshot& now, std::map<int, int>* moved) {
    std::map<std::string, int> number_now;
    for (const ItemEntry& i : now.items)
        if (!i.folder.empty()) number_now[i.folder] = i.number;
    std::map<int, int> to;  // number before -> number now
    for (const ItemEntry& i : before.items)
        if (const auto n = i.folder.empty() ? number_now.end() : number_now.find(i.folder);
            n != number_now.end() && n->second != i.number)
            to[i.number] = n->second;
    if (to.empty()) return std::nullopt;
    // In the public edition a confidential item is anonymous ("3 (Fortrolig)", no folder): those
    // before take the places such items have now, in order. A public item that changed places
    // with a confidential one is then compared with itself (its corrections listed), where the
    // number it took, still the confidential item's before, made numbers decide: "tilføjet".
    // (A snapshot being made still knows a hidden item's folder; the file does not keep it.)
    std::set<int> onto;
    for (const auto& [from, number] : to) onto.insert(number);
    std::vector<int> anonymous_before, anonymous_now;
    for (const ItemEntry& i : before.items)
        if (!i.shown && i.folder.empty() && !to.count(i.number)) anonymous_before.push_back(i.number);
    std::set<std::string> folders_before;  // a hidden item now that was shown before is that one
    for (const ItemEntry& i : before.items)
        if (!i.folder.empty()) folders_before.insert(i.folder);
    for (const ItemEntry& i : now.items)
        if (!i.shown && !onto.count(i.number) && !folders_before.count(i.folder)) anonymous_now.push_back(i.number);
    std::sort(anonymous_before.begin(), anonymous_before.end());
    std::sort(anonymous_now.begin(), anonymous_now.end());
    if (anonymous_before.size() == anonymous_now.size())
        for (size_t k = 0; k < anonymous_before.size(); ++k)
            if (anonymous_before[k] != anonymous_now[k]) to[anonymous_before[k]] = anonymous_now[k];
    const auto map = [&to](int& number) {
        if (const auto t = to.find(number); t != to.end()) number = t->second;
    };
    std::set<int> numbers;
    for (const ItemEntry& i : before.items) {
        int n = i.number;
        map(n);
        if (!numbers.insert(n).second) return std::nullopt;
    }
    Snapshot s = before;
    for (ItemEntry& i : s.items) map(i.number);
    for (TableEntry& t : s.tables) map(t.item);
    for (CellEntry& c : s.cells) map(c.item);
    for (TextEntry& t : s.texts) map(t.item);
    for (LinkEntry& l : s.links) map(l.item);
    for (AttachmentEntry& a : s.attachments) map(a.item);
    for (PictureEntry& p : s.pictures) map(p.item);
    for (ChartEntry& c : s.charts) map(c.item);
    for (CalculationEntry& c : s.calculations) map(c.item);
    for (const auto& [from, number] : to) (*moved)[number] = from;
    return s;
}

// A table's row renamed in place: the item, attachment and table (its number now), the
// row's label before and now.
struct RowRename {
    int item = 0, attachment = -1, table = 0;
    std::string before, now;
};

// The rows of each table of both snapshots whose label alone changed (a misspelt region's name
// corrected), and `before` with them under their labels now, so their figures are compared as
// the same row's; nullopt if none. Only where that is plain: the table has as many rows in both,
// every other row keeps its label and its place, neither label is the other snapshot's, no
// label repeats, and at least half of the row's figures are the same, one of them not empty.
// Anything else (rows moved, added or removed, a table whose every row changed) is compared by
// label as before: removed and added.
std::optional<Snapshot> with_rows_renamed(const Snapshot& before, const Snapshot& now, std::vector<RowRename>* renames) {
    struct Rows {
        std::vector<std::string> order;                                     // labels, first seen first
        std::map<std::string, std::map<std::string, std::string>> cells;  // label -> column -> text
        bool repeats = false;
    };
    // Each table's cells, in one pass over each snapshot (a meeting of 240 items has some
    // 10.000 cells in 300 tables).
    const auto by_table = [](const Snapshot& s) {
        std::map<TableKey, std::vector<const CellEntry*>> out;
        for (const CellEntry& c : s.cells) out[{c.item, c.attachment, c.table}].push_back(&c);
        return out;
    };
    const auto cells_before = by_table(before), cells_now = by_table(now);
    const auto rows_of = [](const std::map<TableKey, std::vector<const CellEntry*>>& tables, const TableKey& key) {
        Rows r;
        const auto t = tables.find(key);
        if (t == tables.end()) return r;
        for (const CellEntry* c : t->second) {
            auto& row = r.cells[c->row];
            if (row.empty()) r.order.push_back(c->row);
            r.repeats = r.repeats || !row.emplace(c->column, c->text).second;
        }
        return r;
    };
    std::map<TableKey, std::map<std::string, std::string>> renamed;  // table before -> label before -> now
    for (const auto& [key, number] : match_tables(before, now)) {
        const auto [item, attachment, table] = key;
        const Rows a = rows_of(cells_before, key), b = rows_of(cells_now, {item, attachment, number});
        if (a.repeats || b.repeats || a.order.size() != b.order.size()) continue;
        std::vector<size_t> differ;
        for (size_t i = 0; i < a.order.size(); ++i)
            if (a.order[i] != b.order[i]) differ.push_back(i);
        if (differ.empty() || differ.size() == a.order.size()) continue;
        const bool plain = std::all_of(differ.begin(), differ.end(), [&](size_t i) {
            if (b.cells.count(a.order[i]) || a.cells.count(b.order[i])) return false;  // moved, not renamed
            const auto& was = a.cells.at(a.order[i]);
            const auto& is = b.cells.at(b.order[i]);
            size_t same = 0;
            bool any = false;
            for (const auto& [column, text] : is)
                if (const auto w = was.find(column); w != was.end() && w->second == text) {
                    ++same;
                    any = any || !text.empty();
                }
            return any && 2 * same >= std::max(is.size(), was.size());
        });
        if (!plain) continue;
        for (const size_t i : differ) {
            renamed[key][a.order[i]] = b.order[i];
            renames->push_back({item, attachment, number, a.order[i], b.order[i]});
        }
    }
    if (renamed.empty()) return std::nullopt;
    Snapshot out = before;
    for (CellEntry& c : out.cells)
        if (const auto t = renamed.find({c.item, c.attachment, c.table}); t != renamed.end())
            if (const auto r = t->second.find(c.row); r != t->second.end()) c.row = r->second;
    return out;
}

class Comparer {
public:
    Comparer(const Snapshot& before, const Snapshot& now, const std::map<std::string, std::string>& printed,
             const std::string& table_caption, const std::string& order, const std::string& unit,
             std::map<int, int> moved = {}, const std::string& row_name = "", std::vector<RowRename> renames = {},
             std::string source_figure = "", std::string label_heading = "", std::string link = "")
        : before_(before), now_(now), printed_(printed), table_caption_(table_caption), order_(order), unit_(unit),
          row_name_(row_name), source_figure_(std::move(source_figure)), label_heading_(std::move(label_heading)),
          link_(std::move(link)),
          tables_(match_tables(before, now)),
          moved_(std::move(moved)), renames_(std::move(renames)) {
        for (const auto& [k, number] : tables_) matched_now_.insert({std::get<0>(k), std::get<1>(k), number});
    }

    Comparison run() {
        fields();
        std::map<int, const ItemEntry*> old_items;
        for (const ItemEntry& i : before_.items) old_items[i.number] = &i;
        // Items are compared by number; an item is known by its folder (a snapshot from before
        // folders were kept has none: then the number alone decides, as it did).
        const auto same_item = [](const ItemEntry& a, const ItemEntry& b) {
            return a.folder.empty() || b.folder.empty() || a.folder == b.folder;
        };
        // The folders of the items shown before, in that version or an earlier one still
        // published, and of those hidden now.
        const std::set<std::string> shown_before = shown_folders(before_);
        std::set<std::string> hidden_now;
        for (const ItemEntry& i : now_.items)
            if (!i.shown && !i.folder.empty()) hidden_now.insert(i.folder);
        std::set<int> matched;  // numbers of the items before that an item now is the same as
        // The rows with a figure in one version and none in the other (its figure corrected to
        // empty, or filled in), each under its table's number in that version.
        std::set<RowKey> filled_now, filled_before;
        {
            std::map<RowKey, bool> figures_before, figures_now;  // row -> has a figure
            for (const CellEntry& c : before_.cells) {
                const auto t = tables_.find({c.item, c.attachment, c.table});
                if (t == tables_.end() || c.row.empty()) continue;
                figures_before[{c.item, c.attachment, t->second, c.row}] |= !c.text.empty();
            }
            for (const CellEntry& c : now_.cells)
                if (!c.row.empty()) figures_now[{c.item, c.attachment, c.table, c.row}] |= !c.text.empty();
            for (const auto& [row, has] : figures_now) {
                const auto was = figures_before.find(row);
                if (was == figures_before.end() || was->second == has) continue;
                (has ? filled_now : filled_before).insert(row);
            }
        }
        std::set<RowKey> before_rows;  // filled now, in before's table numbers
        for (const auto& [key, number] : tables_)
            for (const RowKey& r : filled_now)
                if (std::get<0>(r) == std::get<0>(key) && std::get<1>(r) == std::get<1>(key) && std::get<2>(r) == number)
                    before_rows.insert({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(r)});
        const auto before_cells = cells_by_key(before_, &tables_, before_rows);
        const auto now_cells = cells_by_key(now_, nullptr, filled_before);
        // A folder shown before that is gone now, and a confidential item in a folder never seen
        // before: the same item, renamed (or named through a link) as it was made confidential,
        // may be either, and its public versions must not stay published. Each such new
        // confidential item is taken as made confidential, and what is gone is listed without
        // its title (which of them went confidential the folders cannot tell).
        // A public snapshot keeps no confidential item's folder, so one confidential before is
        // known by its number: a confidential item now under the number of one before is that one.
        std::set<std::string> now_folders, before_folders = shown_before;
        std::set<int> hidden_before;
        for (const ItemEntry& i : now_.items) now_folders.insert(i.folder);
        for (const ItemEntry& i : before_.items) {
            before_folders.insert(i.folder);
            if (!i.shown) hidden_before.insert(i.number);
        }
        const bool shown_gone = std::any_of(shown_before.begin(), shown_before.end(),
                                            [&](const std::string& f) { return !f.empty() && !now_folders.count(f); });
        std::set<int> hidden_anew;
        if (shown_gone)
            for (const ItemEntry& i : now_.items)
                if (!i.shown && !i.folder.empty() && !before_folders.count(i.folder) && !hidden_before.count(i.number))
                    hidden_anew.insert(i.number);
        for (const ItemEntry& i : now_.items) {
            const auto old = old_items.find(i.number);
            const bool same = old != old_items.end() && same_item(*old->second, i);
            if (same) matched.insert(i.number);
            if (!i.shown && ((same && old->second->shown) || shown_before.count(i.folder) || hidden_anew.count(i.number))) {
                // Shown before, under this number or another (a confidential item is often moved
                // to the end of the agenda): nothing of what it said is printed again.
                part(model::PartChange::Kind::ItemNowConfidential, i.number, "", nullptr);
                out_.now_confidential.push_back(i.number);
            } else if (!same || (!old->second->shown && i.shown)) {
                part(model::PartChange::Kind::ItemAdded, i.number, i.shown ? i.title : "", i.item);
            } else if (i.shown) {
                item(*old->second, i, before_cells, now_cells);
            } else {
                status(*old->second, i);  // all a hidden item shows: "2 (Lukket)"
            }
        }
        for (const ItemEntry& i : before_.items) {
            if (matched.count(i.number)) continue;
            // An item now confidential under another number is listed as such above, without its title.
            if (i.shown && !i.folder.empty() && hidden_now.count(i.folder)) continue;
            part(model::PartChange::Kind::ItemRemoved, i.number, i.shown && hidden_anew.empty() ? i.title : "", nullptr);
        }
        agenda_order();
        order_figures();
        return std::move(out_);
    }

private:
    // Of two sequences, each one's elements that the other has too, in its order.
    template <class T>
    static std::pair<std::vector<T>, std::vector<T>> shared_order(const std::vector<T>& a, const std::vector<T>& b) {
        std::pair<std::vector<T>, std::vector<T>> out;
        for (const T& x : a)
            if (std::find(b.begin(), b.end(), x) != b.end()) out.first.push_back(x);
        for (const T& x : b)
            if (std::find(a.begin(), a.end(), x) != a.end()) out.second.push_back(x);
        return out;
    }

    static std::string joined(const std::vector<std::string>& words) {
        std::string out;
        for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
        return out;
    }

    // Items taken in another order (their "punkt:" lines moved, their numbers kept): the agenda
    // prints 1, 2, 4, 3, 5. Listed under the meeting, as the agenda prints the numbers.
    void agenda_order() {
        // Items renumbered say so each ("Nummer: 3 -> 4"), which is their new order.
        if (order_.empty() || !moved_.empty()) return;
        std::vector<std::string> a, b;
        for (const ItemEntry& i : before_.items) a.push_back(std::to_string(i.number));
        for (const ItemEntry& i : now_.items) b.push_back(std::to_string(i.number));
        const auto [x, y] = shared_order(a, b);
        if (x != y) text_change(0, order_, joined(x), joined(y));
    }

    // Table `number` of item `n` (its attachment's, or -1) as this version's caption names it
    // ("Tabel 3: Budget 2024"), or "Tabel 3" without the wording's caption or the table.
    std::string caption(int n, int attachment, int number) const {
        const TableEntry* t = table(now_, n, attachment, number);
        return !t || table_caption_.empty()
                   ? "Tabel " + std::to_string(number)
                   : fill_in(table_caption_, {{"nummer", std::to_string(number)}, {"titel", t->title}});
    }

    // A table's rows in another order (the CSV's lines moved), or its columns (the CSV's columns
    // moved, which prints the same figures under headings in another order): listed under the
    // item, in the words of the table's caption.
    void row_order(int n) {
        if (order_.empty()) return;
        for (const auto& [key, number] : tables_) {
            if (std::get<0>(key) != n) continue;
            const auto labels = [](const Snapshot& s, int item, int attachment, int table, std::string CellEntry::*label) {
                std::vector<std::string> out;
                for (const CellEntry& c : s.cells)
                    if (c.item == item && c.attachment == attachment && c.table == table &&
                        std::find(out.begin(), out.end(), c.*label) == out.end())
                        out.push_back(c.*label);
                return out;
            };
            for (std::string CellEntry::*label : {&CellEntry::row, &CellEntry::column}) {
                const auto [x, y] = shared_order(labels(before_, n, std::get<1>(key), std::get<2>(key), label),
                                                 labels(now_, n, std::get<1>(key), number, label));
                if (x == y) continue;
                text_change(n, caption(n, std::get<1>(key), number) + " \xE2\x80\x93 " + lower(order_), joined(x), joined(y));
            }
        }
    }

    // A table's rows renamed in place (with_rows_renamed): listed under the item, in the words of
    // the table's caption, each with its label before and now; the label's cell is marked.
    void rows_renamed(int n) {
        for (const RowRename& r : renames_) {
            if (r.item != n) continue;
            text_change(n, caption(n, r.attachment, r.table) + " \xE2\x80\x93 " + lower(row_name_), r.before, r.now);
            for (const CellEntry& c : now_.cells)
                if (c.item == n && c.attachment == r.attachment && c.table == r.table && c.row == r.now && c.label) {
                    out_.cells.push_back(c.label);
                    break;
                }
        }
    }

    // A table shown in another unit ("enhed: t. kr." added): listed under the item, in the words
    // of the table's caption, as its figures that are the same amounts are not listed (cells()).
    void units(int n) {
        if (unit_.empty()) return;
        for (const auto& [key, number] : tables_) {
            if (std::get<0>(key) != n) continue;
            const TableEntry *was = table(before_, n, std::get<1>(key), std::get<2>(key)),
                             *is = table(now_, n, std::get<1>(key), number);
            if (!was || !is || was->unit.empty() || was->unit == is->unit) continue;
            text_change(n, caption(n, std::get<1>(key), number) + " \xE2\x80\x93 " + lower(unit_), was->unit, is->unit);
        }
    }

    // A table's label column given another heading (the CSV's top-left cell, "Beløb i kr." to
    // "Beløb i mio. kr."), which says what its figures are: listed under the item, in the words of
    // the table's caption, as a renamed row is. A snapshot from before it was kept lists nothing.
    void label_headings(int n) {
        for (const auto& [key, number] : tables_) {
            if (std::get<0>(key) != n) continue;
            const TableEntry *was = table(before_, n, std::get<1>(key), std::get<2>(key)),
                             *is = table(now_, n, std::get<1>(key), number);
            if (!was || !is || same_label_heading(*was, *is)) continue;
            const std::string where = caption(n, std::get<1>(key), number);
            text_change(n, label_heading_.empty() ? where : where + " \xE2\x80\x93 " + lower(label_heading_), was->label_heading,
                        is->label_heading);
        }
    }

    // The sections item n has entries in (`entries`: its texts, its links), now's first, each once.
    template <class Entry>
    std::vector<std::string> sections_of(int n, std::vector<Entry> Snapshot::*entries) const {
        std::vector<std::string> sections;
        for (const Snapshot* s : {&now_, &before_})
            for (const Entry& e : s->*entries)
                if (e.item == n && std::find(sections.begin(), sections.end(), e.section) == sections.end())
                    sections.push_back(e.section);
        return sections;
    }

    // A link given another address (its words the same), added to words or taken from them:
    // listed under its section as the link's words with the address in brackets, those before
    // struck and those now in bold, and the blocks of those now marked. Where one of the
    // snapshots does not keep its links (from before they were kept), nothing.
    void links(int n) {
        if (!keeps_links(before_) || !keeps_links(now_)) return;
        const auto shown = [](const LinkEntry& l) { return std::string(trim(l.text)) + " (" + l.address + ")"; };
        for (const std::string& name : sections_of(n, &Snapshot::links)) {
            std::vector<const LinkEntry*> was, is;
            for (const LinkEntry& l : before_.links)
                if (l.item == n && l.section == name) was.push_back(&l);
            for (const LinkEntry& l : now_.links)
                if (l.item == n && l.section == name) is.push_back(&l);
            // Each link now paired with one before of the same words and address, in order; the
            // rest are the changes, but for a link whose words came or went with the text around
            // them (a paragraph added or removed), which the texts list already.
            const auto words_in = [&](const Snapshot& s, const std::string& words) {
                for (const TextEntry& t : s.texts)
                    if (t.item == n && t.section == name && t.text.find(words) != std::string::npos) return true;
                return false;
            };
            std::vector<bool> kept(was.size());
            std::string removed, added;
            for (const LinkEntry* l : is) {
                size_t k = 0;
                while (k < was.size() && (kept[k] || was[k]->text != l->text || was[k]->address != l->address)) ++k;
                if (k < was.size()) {
                    kept[k] = true;
                    continue;
                }
                if (!words_in(before_, l->text)) continue;
                added += (added.empty() ? "" : " ") + shown(*l);
                if (l->block) out_.blocks.push_back(l->block);
            }
            for (size_t k = 0; k < was.size(); ++k)
                if (!kept[k] && words_in(now_, was[k]->text)) removed += (removed.empty() ? "" : " ") + shown(*was[k]);
            if (removed.empty() && added.empty()) continue;
            text_change(n, link_.empty() ? section(name) : section(name) + " \xE2\x80\x93 " + lower(link_), removed, added);
        }
    }

    struct Pending {
        model::FigureChange change;
        std::string formula;  // a derived figure's formula, to find its cause
        std::string table_name;
    };

    std::string section(const std::string& name) const {
        const auto p = printed_.find(name);
        return p == printed_.end() ? name : p->second;
    }

    // Whether every difference between a chart's two drawings is a figure of the item's tables
    // listed as corrected ("7,9" -> "8,1"): a probe's corrected cell came again on the sheet as
    // "Rettet tekst: Sagsfremstilling: Søjler. ... 2015 7,9. 8,1.", counted as a paragraph.
    bool redrawn_by_figures(int n, const std::string& a, const std::string& b) const {
        const std::vector<model::DiffWord> w = diff_words(a, b);
        const auto bare = [](std::string x) {
            while (!x.empty() && (x.back() == '.' || x.back() == ',')) x.pop_back();
            return x;
        };
        const auto leads = [](const std::string& printed, const std::string& words) {
            return !words.empty() && (printed == words || printed.starts_with(words + " "));
        };
        for (size_t i = 0; i < w.size();) {
            if (w[i].kind == model::DiffWord::Kind::Same) {
                ++i;
                continue;
            }
            std::string was, is;
            for (; i < w.size() && w[i].kind != model::DiffWord::Kind::Same; ++i) {
                std::string& to = w[i].kind == model::DiffWord::Kind::Removed ? was : is;
                to += (to.empty() ? "" : " ") + w[i].text;
            }
            was = bare(was);
            is = bare(is);
            if (std::none_of(pending_.begin(), pending_.end(), [&](const Pending& p) {
                    return p.change.item == n && p.change.table > 0 && leads(p.change.before, was) && leads(p.change.after, is);
                }))
                return false;
        }
        return true;
    }

    void touch(model::AgendaItem* item) {
        if (item && std::find(out_.items.begin(), out_.items.end(), item) == out_.items.end()) out_.items.push_back(item);
    }

    void part(model::PartChange::Kind kind, int item, const std::string& title, model::AgendaItem* where) {
        out_.changes.parts.push_back({kind, item, title});
        touch(where);
    }

    void text_change(int item, const std::string& section_name, const std::string& a, const std::string& b) {
        out_.changes.texts.push_back({item, section_name, diff_words(a, b)});
        // The same words spaced otherwise (a paragraph made a code block, which prints its spaces
        // and line breaks as typed): no word removed or added, so the change is said in words,
        // never a line that shows none (a probe's sheet said "Ingen rettelser").
        model::TextChange& t = out_.changes.texts.back();
        t.respaced = std::none_of(t.words.begin(), t.words.end(),
                                  [](const model::DiffWord& w) { return w.kind != model::DiffWord::Kind::Same; });
    }

    // A status changed (Fortrolig to Lukket), printed as the packet prints it.
    void status(const ItemEntry& old, const ItemEntry& now) {
        if (old.status == now.status || old.status.empty() || now.status.empty()) return;
        text_change(now.number, "Status", capitalized(old.status), capitalized(now.status));
        out_.changes.texts.back().status = true;
    }

    void fields() {
        for (const auto& [k, v] : now_.fields)
            for (const auto& [ok, ov] : before_.fields)
                if (ok == k && ov != v) text_change(0, k, ov, v);
    }

    const TableEntry* table(const Snapshot& s, int item, int attachment, int number) const {
        for (const TableEntry& t : s.tables)
            if (t.item == item && t.attachment == attachment && t.table == number) return &t;
        return nullptr;
    }

    void item(const ItemEntry& old, const ItemEntry& now, const std::map<CellKey, const CellEntry*>& before_cells,
              const std::map<CellKey, const CellEntry*>& now_cells) {
        const size_t parts = out_.changes.parts.size(), texts = out_.changes.texts.size(), figures = pending_.size();
        const int n = now.number;
        // Renumbered (renumbered()): said, as the agenda now prints it.
        if (const auto m = moved_.find(n); m != moved_.end() && now.shown) {
            text_change(n, "Nummer", std::to_string(m->second), std::to_string(n));
            out_.changes.texts.back().renumbered = true;
        }
        status(old, now);
        if (old.title != now.title) text_change(n, "", old.title, now.title);
        if (old.case_officer != now.case_officer) text_change(n, "Sagsbehandler", old.case_officer, now.case_officer);
        if (old.case_number != now.case_number) text_change(n, "Sagsnummer", old.case_number, now.case_number);
        // Attachments and tables added or removed.
        auto attachments = [&](const Snapshot& s) {
            std::vector<std::pair<std::string, std::string>> out;
            for (const AttachmentEntry& a : s.attachments)
                if (a.item == n) out.emplace_back(a.title, a.document_id);
            return out;
        };
        auto old_att = attachments(before_), now_att = attachments(now_);
        // The same attachment (its number, and its title or its document id) with the other one
        // corrected: that field changed, not an attachment removed and another added.
        for (const AttachmentEntry& a : now_.attachments)
            for (const AttachmentEntry& b : before_.attachments) {
                if (a.item != n || b.item != n || a.number != b.number) continue;
                if ((a.title == b.title) == (a.document_id == b.document_id)) continue;  // the same, or another
                const std::string where = "Bilag " + std::to_string(a.number);
                if (a.title != b.title) text_change(n, where, b.title, a.title);
                else text_change(n, where, "Dok. " + b.document_id, "Dok. " + a.document_id);
                std::erase(old_att, std::make_pair(b.title, b.document_id));
                std::erase(now_att, std::make_pair(a.title, a.document_id));
            }
        // The attachments in another order ("bilag:" lines moved): "Bilag 1" names another document.
        if (!order_.empty()) {
            const auto [was, is] = shared_order(attachments(before_), attachments(now_));
            if (was != is) {
                std::vector<std::string> x, y;
                for (const auto& a : was) x.push_back(a.first);
                for (const auto& a : is) y.push_back(a.first);
                text_change(n, "Bilag \xE2\x80\x93 " + lower(order_), joined(x), joined(y));
            }
        }
        for (const auto& a : old_att)
            if (std::find(now_att.begin(), now_att.end(), a) == now_att.end())
                part(model::PartChange::Kind::AttachmentRemoved, n, a.first, nullptr);
        for (const auto& a : now_att)
            if (std::find(old_att.begin(), old_att.end(), a) == old_att.end())
                part(model::PartChange::Kind::AttachmentAdded, n, a.first, nullptr);
        // The same attachment (title and document id) from another file: a corrected letter. A
        // PDF file given to a `bilag:` line that had none (nor a text: a Markdown attachment) is
        // the attachment added, as the packet shows it (its agenda entry, its pages, its file in
        // bilag/); one taken away, removed.
        const auto only_listed = [n](const Snapshot& s, const AttachmentEntry& a) {
            const std::string section = "Bilag " + std::to_string(a.number);
            return a.content.empty() && std::none_of(s.texts.begin(), s.texts.end(), [&](const TextEntry& t) {
                       return t.item == n && t.section == section;
                   });
        };
        for (const AttachmentEntry& a : now_.attachments)
            for (const AttachmentEntry& b : before_.attachments) {
                if (a.item != n || b.item != n || a.title != b.title || a.document_id != b.document_id || same_file(b, a))
                    continue;
                const auto kind = only_listed(before_, b) ? model::PartChange::Kind::AttachmentAdded
                                  : only_listed(now_, a)  ? model::PartChange::Kind::AttachmentRemoved
                                                          : model::PartChange::Kind::AttachmentReplaced;
                part(kind, n, a.title, nullptr);
            }
        for (const PictureEntry& p : now_.pictures)
            for (const PictureEntry& q : before_.pictures)
                if (p.item == n && q.item == n && p.index == q.index && !same_picture_file(q, p))
                    part(model::PartChange::Kind::PictureReplaced, n, p.caption, nullptr);
        // An attachment's own date, printed on its stamp: the same attachment, its title or its
        // document id corrected beside it too.
        for (const AttachmentEntry& a : now_.attachments)
            for (const AttachmentEntry& b : before_.attachments)
                if (a.item == n && b.item == n && a.number == b.number &&
                    (a.title == b.title || a.document_id == b.document_id) && changed_date(b, a))
                    text_change(n, "Bilag " + std::to_string(a.number), "Dato: " + b.date, "Dato: " + a.date);
        for (const TableEntry& t : before_.tables)
            if (t.item == n && !tables_.count({n, t.attachment, t.table}))
                part(model::PartChange::Kind::TableRemoved, n, t.title, nullptr);
        for (const TableEntry& t : now_.tables)
            if (t.item == n && !matched_now_.count({n, t.attachment, t.table}))
                part(model::PartChange::Kind::TableAdded, n, t.title, nullptr);
        rows_renamed(n);
        cells(n, before_cells, now_cells);
        // A chart that draws other figures (another column, another target line), its caption
        // the same; not one that draws the corrected figures its table lists already.
        for (const ChartEntry& c : now_.charts)
            if (c.item == n)
                if (const ChartEntry* b = same_chart(before_, c); b && b->drawn != c.drawn && !redrawn_by_figures(n, b->drawn, c.drawn))
                    text_change(n, section(c.section), b->drawn, c.drawn);
        row_order(n);
        units(n);
        label_headings(n);
        // The texts first: the figures they pair tell a beregning value renamed (calculations).
        quoted_.clear();
        item_texts(n);
        links(n);
        calculations(n);
        if (out_.changes.parts.size() != parts || out_.changes.texts.size() != texts || pending_.size() != figures)
            touch(now.item);
    }

    void cells(int n, const std::map<CellKey, const CellEntry*>& before_cells,
               const std::map<CellKey, const CellEntry*>& now_cells) {
        // In the current snapshot's order (tables, rows, columns as printed), then removed cells.
        std::map<const CellEntry*, CellKey> key_of;
        for (const auto& [k, c] : now_cells) key_of[c] = k;
        for (const CellEntry& c : now_.cells) {
            if (c.item != n) continue;
            const CellKey& k = key_of[&c];
            const auto old = before_cells.find(k);
            // An empty cell added (a group's heading row) is no figure changed: never "fra  til ".
            const std::string before = old == before_cells.end() ? std::string() : old->second->text;
            // A computed cell whose published figure, which the packet now prints the computed one
            // instead of, was corrected ("144,3" to "144,35", which made it print two decimals):
            // the cause the sheet names for what changed with it, its own printed figure too
            // ("Indeks (kildens tal): fra 144,3 til 144,35"). Where the version before printed
            // the published figure (as it does within the tolerance, an input then, or when the
            // computation gives it), that is its published figure; in a snapshot from before they
            // were kept, only a kept one is known. A published figure the packet prints neither
            // way now (taken out, or written as computed) is not told apart from none: what
            // changed with it stays listed without a cause.
            const bool kept_before = old != before_cells.end() && old->second->input && !old->second->formula.empty();
            if (!source_figure_.empty() && !c.written.empty() && old != before_cells.end() && !c.input &&
                (kept_before || (!old->second->input && (asides_known_before_ || !old->second->written.empty()))) &&
                matched_now_.count({n, c.attachment, c.table})) {
                std::string was = old->second->written.empty() ? old->second->text : old->second->written;
                const std::string& is = c.written.empty() ? c.text : c.written;
                // A figure as printed in a table shown in a larger unit ("1,2"), beside one as
                // written in kr.: with its unit ("1,2 mio. kr."), never read as kroner.
                if (const TableEntry* shown = table(before_, n, old->second->attachment, old->second->table);
                    old->second->written.empty() && is.ends_with(" kr.") && !was.ends_with("kr.") && shown &&
                    !shown->unit.empty() && shown->unit != "kr.")
                    was += " " + shown->unit;
                if (was != is) {
                    cell_change(c, std::get<3>(k), c.table, was, is, true, c.formula, &quiet_);
                    quiet_.back().change.column = fill_in(source_figure_, {{"kolonne", c.column}});
                }
            }
            if (before == c.text) {
                // Printed alike, but written otherwise, in a table that shows it in a larger unit
                // (1.249.000 kr. and 1.249.001 kr., both "1,2"): no change of its own, but the
                // cause the sheet names for what is computed from it and changed (order_figures).
                if (old != before_cells.end() && c.input && old->second->input && !c.written.empty() &&
                    !old->second->written.empty() && c.written != old->second->written &&
                    matched_now_.count({n, c.attachment, c.table}))
                    cell_change(c, std::get<3>(k), c.table, old->second->written, c.written, true, c.formula, &quiet_);
                continue;
            }
            // The table now shown in another unit: a figure that is the same amount is no figure
            // corrected (the unit's change is listed once, under the table: units()); one that is
            // another amount is listed with its units ("fra 800.000 kr. til 805,0 t. kr."), never as
            // a thousandth of what it was.
            std::string was_text = before, is_text = c.text;
            if (old != before_cells.end()) {
                const TableEntry *was = table(before_, n, old->second->attachment, old->second->table),
                                 *is = table(now_, n, c.attachment, c.table);
                if (was && is && !was->unit.empty() && was->unit != is->unit) {
                    const InOtherUnit reading = in_other_unit(before, was->unit, c.text, is->unit);
                    if (reading == InOtherUnit::SameAmount) {
                        // One amount as printed, but written otherwise, corrected with the unit
                        // (122.120.000 kr. -> 122.140.000, now shown 122,1): the cause the sheet
                        // names for what changed with it, as for a figure printed alike above.
                        // A figure's written form: kept beside it where the table shows it scaled,
                        // else as printed in a table in kroner; unknown otherwise (an older snapshot).
                        const auto written = [](const CellEntry& e, const TableEntry& t) {
                            return !e.written.empty() ? e.written : t.unit == "kr." ? e.text : std::string();
                        };
                        const std::string was_written = written(*old->second, *was), is_written = written(c, *is);
                        // Each as written in the CSV: "122.120.000" before, "122.140.000 kr." now.
                        const auto wa = calc::read_danish_cell(was_written), wb = calc::read_danish_cell(is_written);
                        const bool rewritten = wa && wb && Decimal::compare(wa->value, wb->value) != 0;
                        if (c.input && old->second->input && rewritten && matched_now_.count({n, c.attachment, c.table}))
                            cell_change(c, std::get<3>(k), c.table, was_written, is_written, true, c.formula, &quiet_);
                        continue;
                    }
                    if (reading == InOtherUnit::OtherAmount) {
                        was_text += " " + was->unit;
                        is_text += " " + is->unit;
                    }
                }
            }
            // A cell of a table that is new is listed as the table, not cell by cell.
            if (!matched_now_.count({n, c.attachment, c.table})) continue;
            cell_change(c, std::get<3>(k), c.table, was_text, is_text, c.input, c.formula);
            if (c.cell) out_.cells.push_back(c.cell);
            if (old != before_cells.end()) formula_change(c, *old->second);
        }
        // A removed cell of a table still there is listed under the table's number now.
        for (const auto& [k, c] : before_cells)
            if (std::get<0>(k) == n && std::get<2>(k) > 0 && !c->text.empty() && !now_cells.count(k) &&
                table(now_, n, c->attachment, std::get<2>(k)))
                cell_change(*c, std::get<3>(k), std::get<2>(k), c->text, "", c->input, c->formula);
    }

    // A calculation's value written otherwise ("sats-2023 = 25,70" -> "25,90"): an input change,
    // listed as the cause of the quoted figures that changed with it (order_figures drops it if none
    // did: nothing printed changed by it). A value added or removed changes only what quotes it.
    // A value renamed, or in a block renamed, is itself where that is certain (match_calculations),
    // listed under its name now; one that only quotes a renamed value is not written otherwise.
    void calculations(int n) {
        const std::map<size_t, size_t> match = match_calculations(before_, now_, n, quoted_);
        std::map<size_t, size_t> before_of;  // index now -> index before
        for (const auto& [i, j] : match) before_of[j] = i;
        for (const auto& [j, i] : before_of) {
            const CalculationEntry &c = now_.calculations[j], &b = before_.calculations[i];
            if (canonical_expression(with_names_now(before_, now_, i, match)) == canonical_expression(c.expression)) continue;
            Pending p;
            p.change.item = n;
            p.change.calculation = c.name;
            p.change.row = c.value;
            p.change.before = b.expression;
            p.change.after = c.expression;
            p.change.input = true;
            pending_.push_back(std::move(p));
        }
    }

    // A computed cell that changed because its formula was written otherwise (a rate corrected in
    // it): the formula is the input change its cells follow from, listed once per table and formula.
    void formula_change(const CellEntry& now, const CellEntry& before) {
        if (now.input || before.input || now.formula.empty() || before.formula.empty()) return;
        const auto split = [](const std::string& written) {  // "kolonne: Mål = [A] * 2" -> ("kolonne: Mål", "[A] * 2")
            const size_t eq = written.find(" = ");
            return eq == std::string::npos ? std::make_pair(written, std::string())
                                           : std::make_pair(written.substr(0, eq), written.substr(eq + 3));
        };
        const auto [target, after] = split(now.formula);
        const auto [old_target, old_expression] = split(before.formula);
        // Its options written otherwise ("| decimaler 1" -> "| decimaler 2") change what it prints
        // too; a snapshot from before options were kept says nothing of them.
        const bool options = now.options_kept && before.options_kept && trim(now.options) != trim(before.options);
        if (target != old_target || (canonical_expression(old_expression) == canonical_expression(after) && !options)) return;
        if (!formulas_changed_.insert({now.item, now.table, now.formula}).second) return;
        Pending p;
        p.change.item = now.item;
        p.change.table = now.table;
        if (const TableEntry* t = table(now_, now.item, now.attachment, now.table)) {
            p.change.table_title = t->title;
            p.table_name = t->name;
        }
        const bool column = target.rfind("kolonne:", 0) == 0;
        const std::string label(trim(std::string_view(target).substr(target.find(':') + 1)));
        (column ? p.change.column : p.change.row) = label;
        p.change.formula_of = label;
        // The options where they are what changed, else the expressions alone.
        const auto with_options = [options](const std::string& expression, const std::string& written) {
            const std::string_view o = trim(written);
            return !options || o.empty() ? expression : expression + " | " + std::string(o);
        };
        p.change.before = with_options(old_expression, before.options);
        p.change.after = with_options(after, now.options);
        p.change.input = true;
        pending_.push_back(std::move(p));
    }

    // `table` is the table's number in this version.
    // `row` is the row as cells_by_key knows it ("Region Syd / Løn" for a repeated label).
    void cell_change(const CellEntry& c, const std::string& row, int table_now, const std::string& before, const std::string& after, bool input,
                     const std::string& formula, std::vector<Pending>* to = nullptr) {
        Pending p;
        p.change.item = c.item;
        p.change.table = table_now;
        const TableEntry* t = table(now_, c.item, c.attachment, table_now);
        if (t) {
            p.change.table_title = t->title;
            p.table_name = t->name;
        }
        p.change.row = row;
        p.change.column = c.column;
        p.change.before = before;
        p.change.after = after;
        p.change.input = input;
        p.formula = formula;
        (to ? *to : pending_).push_back(std::move(p));
    }

    void item_texts(int n) {
        // Per section, in reading order: the blocks are aligned by their words with the quoted
        // figures masked; an aligned block whose figures differ lists those figures, the others
        // are word-level differences, a removed block paired with an added one where they meet.
        for (const std::string& name : sections_of(n, &Snapshot::texts)) {
            // The words of a table added or removed are listed as the table.
            std::vector<const TextEntry*> a, b;
            for (const TextEntry& t : before_.texts)
                if (t.item == n && t.section == name && !of_table(before_, t, false)) a.push_back(&t);
            for (const TextEntry& t : now_.texts)
                if (t.item == n && t.section == name && !of_table(now_, t, true)) b.push_back(&t);
            // Aligned by their words and figures as printed first, so that of two paragraphs alike
            // but for their figures the one left unchanged is paired with itself (a probe deleted
            // "Regionen har 1.000 forløb." before "... 3.000 ...": listed as 1.000 corrected to
            // 3.000); then by their words and formulas; then by their words alone, where a
            // figure that changed is listed as a figure.
            std::vector<std::vector<std::string>> ka(3), kb(3);
            const auto keys = [](std::vector<std::vector<std::string>>& k, const std::string& text, const TextEntry& t) {
                k[0].push_back(text);
                k[2].push_back(masked(text));
                std::string with = k[2].back();
                for (const std::string& e : t.expressions) with += "\x03" + canonical_expression(e);
                k[1].push_back(std::move(with));
            };
            for (const TextEntry* t : a) keys(ka, renumbered(*t), *t);
            for (const TextEntry* t : b) keys(kb, t->text, *t);
            std::vector<std::pair<size_t, size_t>> pairs;
            aligned(ka, kb, 0, 0, a.size(), 0, b.size(), pairs);
            size_t i = 0, j = 0;
            auto gap = [&](size_t to_i, size_t to_j) {
                while (i < to_i || j < to_j) {
                    const std::string before = i < to_i ? a[i]->text : "";
                    const std::string after = j < to_j ? b[j]->text : "";
                    // A figure typed where it was quoted, or quoted where it was typed, that prints
                    // the same words: nothing the reader sees changed (a line of no difference).
                    // The same words with other spaces or line breaks print otherwise where they
                    // are kept (a code block; a paragraph made one gains its line's end): listed
                    // (text_change says how), as same_content made the version for them.
                    const auto printed = [](const std::string& text) {
                        std::string out;
                        for (char c : text)
                            if (c != kOpen && c != kClose) out += c;
                        return out;
                    };
                    if (i < to_i && j < to_j && printed(before) == printed(after)) {
                        ++i;
                        ++j;
                        continue;
                    }
                    text_change(n, section(name), before, after);
                    out_.changes.texts.back().paragraph = true;
                    if (j < to_j && b[j]->block) out_.blocks.push_back(b[j]->block);
                    if (i < to_i) ++i;
                    if (j < to_j) ++j;
                }
            };
            for (const auto& [pi, pj] : pairs) {
                gap(pi, pj);
                figures(*a[pi], *b[pj], section(name));
                i = pi + 1;
                j = pj + 1;
            }
            gap(a.size(), b.size());
        }
    }

    // Whether a text of `s` (now, else before) is the caption, source or note of a table that
    // the other version has not: its caption as the wording prints it, or (now) any of its texts.
    bool of_table(const Snapshot& s, const TextEntry& t, bool now) const {
        const auto gone = [&](int item, int attachment, int number) {
            return now ? !matched_now_.count({item, attachment, number}) : !tables_.count({item, attachment, number});
        };
        if (t.table) return gone(t.item, t.table->attachment, t.table->number);
        if (table_caption_.empty()) return false;
        for (const TableEntry& table : s.tables)
            if (table.item == t.item && gone(table.item, table.attachment, table.table) &&
                t.text == fill_in(table_caption_, {{"nummer", std::to_string(table.table)}, {"titel", table.title}}))
                return true;
        return false;
    }

    // A text of before that is the caption of a table now under another number, as it would
    // read under that number: renumbering is no correction of it. Any other text as it is.
    std::string renumbered(const TextEntry& t) const {
        if (table_caption_.empty()) return t.text;
        for (const TableEntry& table : before_.tables) {
            if (table.item != t.item) continue;
            const auto now = tables_.find({table.item, table.attachment, table.table});
            if (now == tables_.end() || now->second == table.table) continue;
            if (t.text == fill_in(table_caption_, {{"nummer", std::to_string(table.table)}, {"titel", table.title}}))
                return fill_in(table_caption_, {{"nummer", std::to_string(now->second)}, {"titel", table.title}});
        }
        return t.text;
    }

    // Whether a quoted figure's change from `before` to `after` is only a table's number
    // ({nummer(navn)}) following the table, renumbered by another table inserted or removed.
    bool renumbering(const std::string& expression, const std::string& before, const std::string& after) const {
        std::string e;
        for (char c : expression)
            if (c != ' ' && c != '\t') e += c;
        if (e.size() < 9 || fold_label(e.substr(0, 7)) != "nummer(" || e.back() != ')') return false;
        const std::string name = fold_label(e.substr(7, e.size() - 8));
        for (const auto& [k, number] : tables_) {
            if (std::to_string(std::get<2>(k)) != before || std::to_string(number) != after) continue;
            const TableEntry* t = table(before_, std::get<0>(k), std::get<1>(k), std::get<2>(k));
            const TableEntry* u = table(now_, std::get<0>(k), std::get<1>(k), number);
            if (t && u && fold_label(t->name) == name && fold_label(u->name) == name) return true;
        }
        return false;
    }

    void figures(const TextEntry& old, const TextEntry& now, const std::string& printed_section) {
        const auto fa = figures_of(old.text), fb = figures_of(now.text);
        for (size_t k = 0; k < old.expressions.size() && k < now.expressions.size(); ++k)
            quoted_.emplace_back(old.expressions[k], now.expressions[k]);
        for (size_t k = 0; k < fa.size() && k < fb.size(); ++k) {
            if (fa[k] == fb[k]) continue;
            if (k < now.expressions.size() && k < old.expressions.size() && canonical_expression(old.expressions[k]) == canonical_expression(now.expressions[k]) &&
                renumbering(now.expressions[k], fa[k], fb[k]))
                continue;
            Pending p;
            p.change.item = now.item;
            p.change.section = printed_section;
            p.change.before = fa[k];
            p.change.after = fb[k];
            p.change.input = false;
            if (k < now.expressions.size()) p.formula = now.expressions[k];
            pending_.push_back(std::move(p));
            if (k < now.figures.size()) out_.figures.push_back(now.figures[k]);
        }
    }

    // Whether a figure's formula (lower case) quotes the table `name` (lower case): "name[" where
    // no other letter of a name stands before it ("b[Y; Tal]" quotes b, not a, whose name is in "tal").
    static bool quotes_table(const std::string& formula, const std::string& name) {
        const std::string ref = name + "[";
        for (size_t at = formula.find(ref); at != std::string::npos; at = formula.find(ref, at + 1)) {
            const unsigned char before = at == 0 ? ' ' : static_cast<unsigned char>(formula[at - 1]);
            if (at == 0 || !name_char(before)) return true;
        }
        return false;
    }

    // Whether `name` (lower case) stands in `text` (lower case) as a word of its own: no letter,
    // digit, "-" or "_" of a longer name beside it ("sats" is not in "sats-2023").
    static bool names_word(const std::string& text, const std::string& name) {
        if (name.empty()) return false;
        for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
            const bool before = at > 0 && name_char(static_cast<unsigned char>(text[at - 1]));
            const size_t end = at + name.size();
            const bool after = end < text.size() && name_char(static_cast<unsigned char>(text[end]));
            if (!before && !after) return true;
        }
        return false;
    }

    // What `formula` (lower case) quotes of the table or block `name` (lower case): the bracket's
    // labels, split at ";" ("t[syd; b]" -> {"syd", "b"}), one list per quote.
    static std::vector<std::vector<std::string>> quoted_labels(const std::string& formula, const std::string& name) {
        std::vector<std::vector<std::string>> out;
        const std::string ref = name + "[";
        for (size_t at = formula.find(ref); at != std::string::npos; at = formula.find(ref, at + 1)) {
            const unsigned char before = at == 0 ? ' ' : static_cast<unsigned char>(formula[at - 1]);
            if (at > 0 && name_char(before)) continue;
            const size_t open = at + ref.size(), close = formula.find(']', open);
            if (close == std::string::npos) break;
            std::vector<std::string> labels;
            std::string_view inside = std::string_view(formula).substr(open, close - open);
            for (size_t from = 0;;) {
                const size_t semi = inside.find(';', from);
                labels.emplace_back(trim(inside.substr(from, semi == std::string_view::npos ? std::string_view::npos : semi - from)));
                if (semi == std::string_view::npos) break;
                from = semi + 1;
            }
            out.push_back(std::move(labels));
        }
        return out;
    }

    // Whether a figure whose formula is `formula` is computed from the value `value` of the
    // calculation `block` (of item `item`): it quotes a value of the block that is it, or whose
    // expression names it, directly or through other values of the block.
    bool from_value(const std::string& formula, int item, const std::string& block, const std::string& value) const {
        const std::string name = lower(block), wanted = lower(value);
        std::vector<std::string> reached;
        for (const auto& labels : quoted_labels(lower(formula), name))
            if (labels.size() == 1) reached.push_back(labels[0]);
        for (size_t k = 0; k < reached.size(); ++k) {
            if (reached[k] == wanted) return true;
            for (const CalculationEntry& c : now_.calculations)
                if (c.item == item && lower(c.name) == name && lower(c.value) == reached[k])
                    for (const CalculationEntry& other : now_.calculations)
                        if (other.item == item && lower(other.name) == name &&
                            std::find(reached.begin(), reached.end(), lower(other.value)) == reached.end() &&
                            names_word(lower(c.expression), lower(other.value)))
                            reached.push_back(lower(other.value));
        }
        return false;
    }

    // Whether a figure's formula quotes only values of item `item`'s blocks that are computed
    // from numbers and one another alone (no table's cell, no name unknown): then a corrected
    // value of them is its only cause, and with none found (one renamed past knowing) it has none,
    // never another input change of the item.
    bool from_calculations_alone(const std::string& formula, int item) const {
        std::vector<std::pair<std::string, std::string>> reached;  // (block, value), lower case
        // The values `expression` of block `block` ("" for the figure's own) quotes; false if it
        // quotes anything else.
        const auto quotes = [&](const std::string& expression, const std::string& block) {
            for (size_t open = expression.find('['); open != std::string::npos; open = expression.find('[', open + 1)) {
                size_t start = open;
                while (start > 0 && name_char(static_cast<unsigned char>(expression[start - 1]))) --start;
                const size_t close = expression.find(']', open);
                if (close == std::string::npos || start == open) return false;
                const std::string value(trim(std::string_view(expression).substr(open + 1, close - open - 1)));
                const std::string name = expression.substr(start, open - start);
                if (!calculation(item, name, value)) return false;
                reached.emplace_back(name, value);
                open = close;
            }
            for (const CalculationEntry& c : now_.calculations)
                if (c.item == item && lower(c.name) == block && names_word(expression, lower(c.value)))
                    reached.emplace_back(block, lower(c.value));
            return true;
        };
        if (formula.find('[') == std::string::npos || !quotes(lower(formula), "")) return false;
        std::set<std::pair<std::string, std::string>> seen;
        for (size_t k = 0; k < reached.size(); ++k) {
            const auto [block, value] = reached[k];  // a copy: quotes() adds to `reached`
            if (!seen.insert({block, value}).second) continue;
            const CalculationEntry* c = calculation(item, block, value);
            if (!c || !quotes(lower(c->expression), block)) return false;
        }
        return true;
    }

    // The value `value` of block `block` (lower case) of item `item` now, or null.
    const CalculationEntry* calculation(int item, const std::string& block, const std::string& value) const {
        for (const CalculationEntry& c : now_.calculations)
            if (c.item == item && lower(c.name) == block && lower(c.value) == value) return &c;
        return nullptr;
    }

    // A figure's formula (lower case) with the expressions of the "beregning" values it quotes
    // appended, and of the values those name in turn: a value that quotes a table's cell
    // ("andel = budget[Løn; 2024] / budget[I alt; 2024] * 100") computes the figure from that cell,
    // so the figure follows the cell's correction, not the first input change of its item.
    std::string through_calculations(const std::string& formula) const {
        std::string out = formula;
        std::vector<const CalculationEntry*> reached;
        const auto reach = [&](const CalculationEntry& c) {
            if (std::find(reached.begin(), reached.end(), &c) == reached.end()) reached.push_back(&c);
        };
        const auto quoted_in = [&](const std::string& text) {
            for (const CalculationEntry& c : now_.calculations)
                for (const auto& labels : quoted_labels(text, lower(c.name)))
                    if (labels.size() == 1 && labels[0] == lower(c.value)) reach(c);
        };
        quoted_in(formula);
        for (size_t k = 0; k < reached.size(); ++k) {
            const CalculationEntry& c = *reached[k];
            const std::string expression = lower(c.expression);
            out += " " + expression;
            quoted_in(expression);
            for (const CalculationEntry& other : now_.calculations)
                if (other.item == c.item && other.name == c.name && names_word(expression, lower(other.value))) reach(other);
        }
        return out;
    }

    bool from_value(const Pending& d, const Pending& value) const {
        return from_value(d.formula, value.change.item, value.change.calculation, value.change.row);
    }

    // Whether `formula` (lower case) sums a range of the rows (or columns) of figure `f`'s table
    // that holds `label` (lower case): "sum(drift af regionernes hus .. tilskud)" holds
    // "mødeaktiviteter" where the table has it between the two. The table's order is the
    // snapshot's, its cells row by row.
    bool range_holds(const std::string& formula, const model::FigureChange& f, const std::string& label, bool rows) const {
        if (formula.find("..") == std::string::npos) return false;
        // The table's labels in order, found once a table (a correction's every derived figure is
        // held against every input change).
        auto [kept, fresh] = label_orders_.try_emplace(std::make_tuple(f.item, f.table, rows));
        std::vector<std::string>& order = kept->second;
        if (fresh)
            for (const CellEntry& c : now_.cells) {
                if (c.item != f.item || c.table != f.table) continue;
                std::string l = lower(rows ? c.row : c.column);
                if (std::find(order.begin(), order.end(), l) == order.end()) order.push_back(std::move(l));
            }
        const auto at_in_order = [&](std::string_view l) -> std::optional<size_t> {
            l = trim(l);
            if (l.size() >= 2 && l.front() == '[' && l.back() == ']') l = trim(l.substr(1, l.size() - 2));
            const auto it = std::find(order.begin(), order.end(), l);
            if (it == order.end()) return std::nullopt;
            return static_cast<size_t>(it - order.begin());
        };
        const auto here = at_in_order(label);
        if (!here) return false;
        for (size_t at = formula.find(".."); at != std::string::npos; at = formula.find("..", at + 2)) {
            const size_t open = formula.find_last_of("(;", at), close = formula.find_first_of(");", at);
            if (open == std::string::npos || close == std::string::npos) continue;
            const auto a = at_in_order(std::string_view(formula).substr(open + 1, at - open - 1));
            const auto b = at_in_order(std::string_view(formula).substr(at + 2, close - at - 2));
            if (a && b && *here >= std::min(*a, *b) && *here <= std::max(*a, *b)) return true;
        }
        return false;
    }

    // Whether derived figure `d`'s formula names the cell of input change `in` itself: quoted,
    // or in its own table the row (or column) in its column (or row), by name or in a range.
    bool names_directly(const Pending& d, const model::FigureChange& in) const {
        const model::FigureChange& f = d.change;
        const std::string formula = lower(d.formula);
        if (f.table == 0 || in.item != f.item || in.table != f.table) return false;
        return (in.column == f.column && (names_word(formula, lower(in.row)) || range_holds(formula, f, lower(in.row), true))) ||
               (in.row == f.row && (names_word(formula, lower(in.column)) || range_holds(formula, f, lower(in.column), false)));
    }

    // The input change a derived figure follows from, as an index into `inputs`, or -1.
    // `derived`: the other derived figures, for a figure that quotes one of them.
    int cause(const Pending& d, const std::vector<const Pending*>& inputs, const std::vector<const Pending*>& derived = {},
              int depth = 0) const {
        const model::FigureChange& f = d.change;
        const std::string formula = lower(d.formula);
        // The cell the figure's formula names exactly: another table's ("bb[Løn; 2024] * 0,1"
        // followed Husleje, the same table's first change in its column, on a probe's sheet), a
        // cell a text figure quotes, or in its own table a row (row formula) or column (column
        // formula) it names, in the figure's column or row.
        const std::string quoting = through_calculations(formula);
        for (size_t i = 0; i < inputs.size(); ++i) {
            const model::FigureChange& in = inputs[i]->change;
            if (inputs[i]->table_name.empty() || in.row.empty() || in.column.empty()) continue;
            for (const auto& labels : quoted_labels(quoting, lower(inputs[i]->table_name)))
                if (labels.size() == 2 && labels[0] == lower(in.row) && labels[1] == lower(in.column)) return static_cast<int>(i);
        }
        for (size_t i = 0; i < inputs.size(); ++i)
            if (names_directly(d, inputs[i]->change)) return static_cast<int>(i);
        // A figure quoting a cell that changed with another (the text's "Pensionen er
        // {aa[Pension; 2024]}"): that cell's cause.
        if (depth < 4)
            for (const Pending* other : derived) {
                if (other == &d || other->table_name.empty() || other->change.row.empty()) continue;
                for (const auto& labels : quoted_labels(quoting, lower(other->table_name)))
                    if (labels.size() == 2 && labels[0] == lower(other->change.row) && labels[1] == lower(other->change.column))
                        if (const int c = cause(*other, inputs, derived, depth + 1); c >= 0) return c;
            }
        int same_table = -1;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const model::FigureChange& in = inputs[i]->change;
            if (in.item != f.item || f.table == 0 || in.table != f.table) continue;
            if (in.column == f.column) return static_cast<int>(i);
            if (in.row == f.row && same_table < 0) same_table = static_cast<int>(i);
        }
        // A cell computed from a row or column whose formula was corrected ("[A] * 2" after "formlen for A").
        for (size_t i = 0; i < inputs.size(); ++i) {
            const model::FigureChange& in = inputs[i]->change;
            if (in.item == f.item && f.table != 0 && in.table == f.table && !in.formula_of.empty() &&
                formula.find("[" + lower(in.formula_of) + "]") != std::string::npos)
                return static_cast<int>(i);
        }
        if (same_table >= 0) return same_table;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const model::FigureChange& in = inputs[i]->change;
            if (in.item == f.item && f.table != 0 && in.table == f.table) return static_cast<int>(i);
        }
        // A calculation's value: the first corrected one the figure's quoted values are computed from.
        for (size_t i = 0; i < inputs.size(); ++i)
            if (!inputs[i]->change.calculation.empty() && from_value(d, *inputs[i])) return static_cast<int>(i);
        if (from_calculations_alone(d.formula, f.item)) return -1;
        // A figure in the text quoting a table, itself or through a calculation's value: the change
        // in the row or column it quotes, else the table's first.
        for (size_t i = 0; i < inputs.size(); ++i) {
            const model::FigureChange& in = inputs[i]->change;
            if (inputs[i]->table_name.empty()) continue;
            for (const auto& labels : quoted_labels(quoting, lower(inputs[i]->table_name)))
                if (labels.size() == 2 && (labels[0] == lower(in.row) || labels[1] == lower(in.column))) return static_cast<int>(i);
        }
        for (size_t i = 0; i < inputs.size(); ++i)
            if (!inputs[i]->table_name.empty() && quotes_table(quoting, lower(inputs[i]->table_name)))
                return static_cast<int>(i);
        // A calculation's value is a cause only of what is computed from it.
        for (size_t i = 0; i < inputs.size(); ++i)
            if (inputs[i]->change.item == f.item && inputs[i]->change.calculation.empty()) return static_cast<int>(i);
        return inputs.size() == 1 && inputs[0]->change.calculation.empty() ? 0 : -1;
    }

    // Each input change, then the derived figures that follow from it; then those with no cause.
    void order_figures() {
        std::vector<const Pending*> inputs, derived;
        for (const Pending& p : pending_) (p.change.input ? inputs : derived).push_back(&p);
        std::vector<std::vector<const Pending*>> under(inputs.size());
        std::vector<const Pending*> orphans;
        for (const Pending* d : derived) {
            const int c = cause(*d, inputs, derived);
            (c < 0 ? orphans : under[c]).push_back(d);
        }
        // A figure with no printed cause may follow from an input figure corrected where its
        // table prints it as before (quiet_): named then, with the figures computed from it.
        std::vector<const Pending*> quiet;
        for (const Pending& p : quiet_) quiet.push_back(&p);
        std::vector<std::vector<const Pending*>> under_quiet(quiet.size());
        if (!quiet.empty()) {
            std::vector<const Pending*> still;
            for (const Pending* d : orphans) {
                const int c = cause(*d, quiet);
                (c < 0 ? still : under_quiet[c]).push_back(d);
            }
            orphans = std::move(still);
        }
        auto& out = out_.changes.figures;
        for (size_t i = 0; i < inputs.size(); ++i) {
            // A calculation's value that nothing printed is computed from changed nothing printed;
            // one listed under another value of the block too is still said (two values corrected).
            if (!inputs[i]->change.calculation.empty() && under[i].empty() &&
                std::none_of(derived.begin(), derived.end(), [&](const Pending* d) { return from_value(*d, *inputs[i]); }))
                continue;
            const int index = static_cast<int>(out.size());
            out.push_back(inputs[i]->change);
            for (const Pending* d : under[i]) {
                out.push_back(d->change);
                out.back().cause = index;
            }
        }
        // A quiet input that a figure filed under another names too (two parts of a total each
        // corrected by less than the table prints, together moving it) is listed as well.
        const auto named_by_moved = [&](size_t i) {
            for (size_t j = 0; j < quiet.size(); ++j)
                for (const Pending* d : under_quiet[j])
                    if (j != i && names_directly(*d, quiet[i]->change)) return true;
            return false;
        };
        for (size_t i = 0; i < quiet.size(); ++i) {
            if (under_quiet[i].empty() && !named_by_moved(i)) continue;  // it changed nothing printed: no correction
            const int index = static_cast<int>(out.size());
            out.push_back(quiet[i]->change);
            for (const Pending* d : under_quiet[i]) {
                out.push_back(d->change);
                out.back().cause = index;
            }
        }
        for (const Pending* d : orphans) out.push_back(d->change);
    }

    const Snapshot& before_;
    const Snapshot& now_;
    // range_holds': a table's row (or column) labels in order, by item, table and which.
    mutable std::map<std::tuple<int, int, bool>, std::vector<std::string>> label_orders_;
    const std::map<std::string, std::string>& printed_;
    const std::string& table_caption_;
    const std::string& order_;
    const std::string& unit_;
    const std::string& row_name_;
    const std::string source_figure_;
    const std::string label_heading_;  // the wording's "Forspaltens overskrift"
    const std::string link_;           // the wording's "Link"
    // The snapshot before keeps its computed cells' published figures (kPublishedAsidesField).
    const bool asides_known_before_ = std::any_of(before_.fields.begin(), before_.fields.end(),
                                                  [](const auto& f) { return f.first == kPublishedAsidesField; });
    const std::map<TableKey, int> tables_;  // each table of before matched: its number now
    std::set<TableKey> matched_now_;        // the tables of now that one of before is
    const std::map<int, int> moved_;        // renumbered items: number now -> number before
    const std::vector<RowRename> renames_;  // rows renamed in place (with_rows_renamed)
    std::vector<Pending> pending_;
    std::vector<Pending> quiet_;  // input figures written otherwise that print as before (cells)
    std::set<std::tuple<int, int, std::string>> formulas_changed_;  // (item, table, formula) listed
    QuotedPairs quoted_;  // the item's figures paired between the versions (item_texts), as formulas
    Comparison out_;
};

void clear_blocks(std::vector<model::Block>& blocks);

void clear_inlines(std::vector<model::Inline>& inlines) {
    for (model::Inline& in : inlines) {
        in.changed = false;
        clear_inlines(in.children);
    }
}

void clear_blocks(std::vector<model::Block>& blocks) {
    for (model::Block& b : blocks) {
        b.changed = false;
        clear_inlines(b.inlines);
        for (auto& entry : b.items) clear_blocks(entry);
        clear_blocks(b.children);
    }
}

}  // namespace

std::vector<model::DiffWord> diff_words(const std::string& before, const std::string& after) {
    const auto a = words_of(before), b = words_of(after);
    std::vector<model::DiffWord> out;
    size_t i = 0, j = 0;
    auto gap = [&](size_t to_i, size_t to_j) {
        for (; i < to_i; ++i) out.push_back({model::DiffWord::Kind::Removed, a[i]});
        for (; j < to_j; ++j) out.push_back({model::DiffWord::Kind::Added, b[j]});
    };
    for (const auto& [pi, pj] : common(a, b)) {
        gap(pi, pj);
        out.push_back({model::DiffWord::Kind::Same, b[pj]});
        i = pi + 1;
        j = pj + 1;
    }
    gap(a.size(), b.size());
    return out;
}

Comparison compare(const Snapshot& before, const Snapshot& now, const std::map<std::string, std::string>& printed,
                   const std::string& table_caption, const std::string& order, const std::string& unit,
                   const std::string& row_name, const std::string& source_figure, const std::string& label_heading,
                   const std::string& link) {
    std::map<int, int> moved;
    const std::optional<Snapshot> r = renumbered(before, now, &moved);
    const Snapshot& items = r ? *r : before;
    // An older snapshot's picture captions recorded as words: compared as this build records them.
    const std::optional<Snapshot> quoted = with_quoted_captions(items, now);
    const Snapshot& captions = quoted ? *quoted : items;
    // Rows renamed in place: their figures compared as the same row's.
    std::vector<RowRename> renames;
    const std::optional<Snapshot> rows = row_name.empty() ? std::nullopt : with_rows_renamed(captions, now, &renames);
    return Comparer(rows ? *rows : captions, now, printed, table_caption, order, unit, moved, row_name, std::move(renames),
                    source_figure, label_heading, link)
        .run();
}

void mark(const Comparison& c) {
    for (model::AgendaItem* i : c.items) i->changed = true;
    for (model::Cell* cell : c.cells) cell->changed = true;
    for (model::Inline* f : c.figures) f->changed = true;
    for (model::Block* b : c.blocks) b->changed = true;
}

void clear_marks(model::Meeting& meeting) {
    for (model::AgendaItem& item : meeting.items) {
        item.changed = false;
        for (model::Section& s : item.sections) clear_blocks(s.blocks);
        for (model::Attachment& a : item.attachments) clear_blocks(a.content);
        for (model::Table& t : item.tables)
            for (model::TableRow& r : t.rows)
                for (model::Cell& cell : r.cells) cell.changed = false;
    }
}

}  // namespace boardpack::versions
