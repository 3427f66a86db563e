#include "calc/meeting_calc.hpp"
#include "calc/typed_figures.hpp"
#include "core/messages.hpp"

#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "calc/change_direction.hpp"
#include "calc/direction_words.hpp"
#include "calc/evaluator.hpp"
#include "calc/figure_stops.hpp"
#include "calc/options.hpp"
#include "calc/heading_units.hpp"
#include "calc/table_calc.hpp"
#include "calc/units.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "numbers/danish_number.hpp"

namespace boardpack::calc {

using model::AgendaItem;
using model::Block;
using model::Inline;

namespace {

enum class State { Pending, Running, Done };

// The digits of a printed number's whole part ("-11.500.000,5": 8), up to its decimal comma.
size_t whole_digits(std::string_view shown) {
    size_t n = 0;
    for (const char c : shown) {
        if (c == ',') break;
        if (c >= '0' && c <= '9') ++n;
        else if (c != '.' && c != '-' && c != '+' && n > 0) break;
    }
    return n;
}

// The row and column a cell reference name[række; kolonne] names; nullopt with the error when it
// is not written so, could mean several rows or columns, or names none (`suggest`: with the
// nearest labels, for a table other than the one being computed). `keys`: the table's, kept
// between lookups (a table is quoted cell by cell).
std::optional<std::pair<size_t, size_t>> find_cell(const model::Table& table, LabelKeys& keys, const std::string& name,
                                                   const std::vector<std::string>& labels, bool suggest, Failure* error) {
    if (labels.size() != 2) {
        error->message = fmt(_("a table cell is written {}[række; kolonne]"), name);
        return std::nullopt;
    }
    std::string ambiguous, ambiguous_column;
    const auto r = find_row(table, keys.rows(table), labels[0], &ambiguous);
    const auto c = find_column(table, keys.columns(table), labels[1], &ambiguous_column);
    if (ambiguous.empty()) ambiguous = ambiguous_column;
    if (!ambiguous.empty()) {
        error->message = fmt(_("in the table {}, {}"), quote_text(name), ambiguous);
        return std::nullopt;
    }
    if (!r) {
        std::vector<std::string> rows;
        if (suggest)
            for (const auto& row : table.rows)
                if (!row.cells.empty()) rows.push_back(row.cells[0].text);
        error->message = fmt(_("the table {} has no row {}{}"), quote_text(name), quote_text(labels[0]),
                             suggest ? did_you_mean(labels[0], rows) : "");
        return std::nullopt;
    }
    if (!c) {
        error->message = fmt(_("the table {} has no column {}{}"), quote_text(name), quote_text(labels[1]),
                             suggest ? did_you_mean(labels[1], table.header) : "");
        return std::nullopt;
    }
    return std::pair{*r, *c};
}

// Whether an inline of `inlines`, or one inside them, passes `test`. The paragraph checks below
// gather its words only where there is something to look for: most paragraphs have no negative
// figure and no table number, and their words grown into a string were a heap block or more each.
template <class Test>
bool any_inline(const std::vector<Inline>& inlines, const Test& test) {
    for (const Inline& in : inlines)
        if (test(in) || any_inline(in.children, test)) return true;
    return false;
}

// A figure that prints a negative number ("-", U+2212, ...), and one that prints a table's number.
bool is_negative_figure(const Inline& in) {
    return in.kind == Inline::Kind::Figure && minus_sign_size(in.text) > 0;
}
bool is_table_number(const Inline& in) {
    return in.kind == Inline::Kind::Figure && starts_with(trim(in.expression()), "nummer(");
}

class Calculator {
public:
    Calculator(model::Meeting& m, const Words& w, Diagnostics& d) : m_(m), words_(w), d_(d) {}

    void run() {
        register_names();
        // Each named table and calculation after those it quotes, so quoting never recurses
        // (a chain of thousands would overflow the stack); otherwise in the order of the
        // document, so messages come in reading order.
        for (const std::string& name : dependency_order()) {
            if (auto t = tables_.find(name); t != tables_.end()) ensure_table(name, t->second);
            else ensure_calc(name, calcs_.at(name));
        }
        for (TableEntry& e : anonymous_) compute(e);
        for (size_t i = 0; i < m_.items.size(); ++i) {
            AgendaItem& item = m_.items[i];
            for (model::Section& s : item.sections) figures(s.blocks, i, -1);
            for (size_t a = 0; a < item.attachments.size(); ++a)
                figures(item.attachments[a].content, i, static_cast<int>(a));
        }
    }

    // Reference resolution on behalf of item `from`.
    std::optional<Value> cell(size_t from, const std::string& name, const std::vector<std::string>& labels,
                              Failure* error) {
        const std::string key = fold_label(name);
        if (auto t = tables_.find(key); t != tables_.end()) {
            if (!allowed(from, t->second.item, name, error)) return std::nullopt;
            // A table's formulas quote their own table through TableScope, which knows which
            // cells earlier formulas have computed; anything else reaching a running table may
            // only have a fixed cell (one no formula writes).
            if (t->second.state == State::Running) return own_cell(t->second, name, labels, error);
            // Tables are computed after what they quote, so one not yet done quotes this one back.
            if (t->second.state != State::Done) {
                // A beregning block that a table's formula quotes is computed before that table,
                // which is computed whole: the value cannot wait for the table's first formulas.
                if (calculating_ && labels.size() == 2)
                    error->message = fmt(_("the table {} quotes this calculation's values (directly or through other "
                                           "tables and calculations), so it is computed after them and cannot give them "
                                           "its cells; quote the cell in the table's own formula instead ({}[{}; {}]): "
                                           "there it may be a cell an earlier formula of the table computes"),
                                         quote_text(name), name, labels[0], labels[1]);
                else
                    error->message = fmt(_("the table {} quotes this formula's results back (directly or through other tables "
                                           "and calculations); a table cannot depend on itself"), quote_text(name));
                return std::nullopt;
            }
            if (!t->second.ok) {
                error->message = fmt(_("the table {} could not be computed (see its errors)"), quote_text(name));
                // Its own error says what to fix; this one only follows from it.
                error->follows_from = t->second.root;
                return std::nullopt;
            }
            const model::Table& table = m_.items[t->second.item].tables[t->second.index];
            const auto at = find_cell(table, t->second.keys, name, labels, true, error);
            if (!at) return std::nullopt;
            const auto [r, c] = *at;
            // Quoted as printed, the cell keeps the unit its heading, row, title or notes name, for
            // the words after the figure to be held to (points_called_per_cent).
            if (exact_quote_ && !unit_not_declared(table, t->second.keys, r, c).empty()) exact_named_unit_ = named_unit_;
            if (!exact_quote_) {
                if (const std::string where = unit_not_declared(table, t->second.keys, r, c); !where.empty()) {
                    const std::string& named = named_unit_;
                    error->message =
                        table.figures_unit.empty()
                            ? fmt(_("the table {} names {} {}, but without \"talenhed:\" its figures are read as kr.; add "
                                    "\"talenhed: {}\" to the table if they are written in {}, or correct the text"),
                                  quote_text(name), named, where, named, named)
                            : fmt(_("the table {} names {} {}, but its \"talenhed:\" says {}; correct the one that is "
                                    "wrong"),
                                  quote_text(name), named, where, table.figures_unit);
                    return std::nullopt;
                }
            }
            auto v = cell_value(table, r, c, error);
            if (v) v->where = name + "[" + labels[0] + "; " + labels[1] + "]";
            // A table without "talenhed" may hold counts, so its figures are no amount; one whose
            // heading, row, title or note says "kr." holds kroner, which a text may not call
            // millions ("{u[Løn; 2024]} mio. kr." printed "1.250.000 mio. kr." without a word).
            if (v && v->is_number() && !v->amount && v->unit == "kr." && table.figures_unit.empty() &&
                table.unit.empty() && kroner_named(table, r, c))
                v->amount = true;
            return v;
        }
        if (auto c = calcs_.find(key); c != calcs_.end()) {
            if (!allowed(from, c->second.item, name, error)) return std::nullopt;
            if (labels.size() != 1) {
                error->message = fmt(_("a calculated value is written {}[værdi]"), name);
                return std::nullopt;
            }
            // A calculation is computed after what it quotes, and may quote the values above in
            // itself (then it is the one running); one still pending quotes this one back.
            if (c->second.state == State::Pending) {
                error->message = fmt(_("the calculation {} quotes this formula's results back (directly or through other "
                                       "tables and calculations); a value cannot depend on itself"), quote_text(name));
                return std::nullopt;
            }
            const auto v = c->second.values.find(label_key(labels[0]));
            if (v == c->second.values.end()) {
                if (const auto f = c->second.failed.find(label_key(labels[0])); f != c->second.failed.end()) {
                    error->message = fmt(_("the value {} of the calculation {} could not be computed (see its error)"),
                                         quote_text(labels[0]), quote_text(name));
                    error->follows_from = f->second;
                    return std::nullopt;
                }
                error->message = fmt(_("the calculation {} has no value {}"), quote_text(name), quote_text(labels[0]));
                return std::nullopt;
            }
            Value quoted = v->second;
            if (quoted.where.empty()) quoted.where = name + "[" + labels[0] + "]";
            return quoted;
        }
        if (follows_unreadable(key, error)) return std::nullopt;
        error->message = fmt(_("there is no table or calculation named {} in this meeting{}"), quote_text(name),
                             did_you_mean(name, names(from, true)));
        return std::nullopt;
    }

    // A name whose block could not be read: what quotes it follows from that block's error.
    bool follows_unreadable(const std::string& key, Failure* error) const {
        for (const AgendaItem& item : m_.items) {
            const auto u = item.unreadable.find(key);
            if (u == item.unreadable.end()) continue;
            error->message = fmt(_("the block named {} could not be read (see its error)"), quote_text(key));
            error->follows_from = u->second;
            return true;
        }
        return false;
    }

    std::optional<int> table_number(size_t from, const std::string& name, Failure* error) {
        const auto t = tables_.find(fold_label(name));
        if (t == tables_.end()) {
            if (follows_unreadable(fold_label(name), error)) return std::nullopt;
            error->message = fmt(_("there is no table named {} in this meeting{}"), quote_text(name), did_you_mean(name, names(from, false)));
            return std::nullopt;
        }
        if (!allowed(from, t->second.item, name, error)) return std::nullopt;
        return m_.items[t->second.item].tables[t->second.index].number;
    }

private:
    // The names of the meeting's tables (and calculations), as written, for "did you mean" in a
    // message to item `from`: a public item is offered no confidential item's names, which it
    // may not quote and its message should not tell.
    std::vector<std::string> names(size_t from, bool with_calculations) const {
        const auto offered = [&](size_t item) { return model::may_use(m_.items[from].status, m_.items[item].status); };
        std::vector<std::string> out;
        for (const auto& [key, e] : tables_)
            if (offered(e.item)) out.push_back(m_.items[e.item].tables[e.index].name);
        if (with_calculations)
            for (const auto& [key, e] : calcs_)
                if (offered(e.item)) out.push_back(m_.items[e.item].calculations[e.index].name);
        return out;
    }

    // Where a table names an amount unit for cell (r, c) that is neither the one its figures are
    // written in ("talenhed:") nor the one it shows them in ("enhed:"): "in its title", "in the
    // column heading ...", and so on; "" where none does. The unit it names is left in named_unit_.
    // Such a table's figures would be read as kroner: 1.250 under "Budget 2024 (mio. kr.)"
    // would be 1.250 kr. in a sum or a conversion.
    std::string unit_not_declared(const model::Table& table, LabelKeys& keys, size_t r, size_t c) {
        const std::string figures = cell_unit(table.figures_unit, "");
        auto names_other = [&](const std::string& text) {
            // Each text read once: a table is quoted cell by cell (the example: 2,5 M instructions
            // of reading the same titles and headings again).
            auto [it, fresh] = named_units_.try_emplace(&text);
            if (fresh) it->second = unit_named_in(text);
            const std::string& named = it->second;
            if (named.empty() || named == figures || named == table.unit) return false;
            named_unit_ = named;
            return true;
        };
        if (c < table.header.size() && names_other(table.header[c]))
            return fmt(_("in the column heading {}"), quote_text(table.header[c]));
        if (r < table.rows.size() && !table.rows[r].cells.empty() && names_other(table.rows[r].cells[0].text))
            return fmt(_("in the row {}"), quote_text(table.rows[r].cells[0].text));
        if (names_other(table.title)) return _("in its title");
        for (const std::string& n : table.notes)
            if (names_other(n)) return fmt(_("in its note {}"), quote_text(n));
        if (names_other(table.source)) return _("in its source");
        // The heading of the labels' column ("Mio. kr.;2023;2024"), and a row of units ("Enhed;mio.
        // kr.;mio. kr.", ";(mio. kr.);(mio. kr.)", "Beløb i;1.000 kr.;1.000 kr.") or a note row
        // ("Anm.: Beløb i mio. kr.;;") as spreadsheets export them.
        if (c != 0 && !table.header.empty() && names_other(table.header[0]))
            return fmt(_("in the heading of its first column {}"), quote_text(table.header[0]));
        const auto [units_row, fresh] = units_rows_.try_emplace(&table);
        if (fresh) units_row->second = units_row_of(table);
        if (!units_row->second.first.empty() && names_other(units_row->second.first))
            return fmt(_("in its row {}"), quote_text(units_row->second.second));
        // A cell a formula computes from figures under such headings ("I alt = [Medicinpuljen (mio.
        // kr.)] + [Forebyggelsespuljen (mio. kr.)]") is in their unit, whatever its own heading says.
        if (const model::Formula* f = writer_of(table, keys, r, c)) {
            auto [read, read_now] = units_read_.try_emplace(f);
            if (read_now) read->second = units_read(table, *f);
            for (const UnitRead& u : read->second)
                if (u.unit != figures && u.unit != table.unit) {
                    named_unit_ = u.unit;
                    return fmt(_("in the heading {}, which the formula of the cell reads"), quote_text(u.label));
                }
        }
        return "";
    }

    // The first row of `table` that says only what unit its figures are in: each cell after the
    // label holds the same text (or none), and the label with it names a unit. The text read as
    // a unit, and the row's label; empty if there is none.
    static std::pair<std::string, std::string> units_row_of(const model::Table& table) {
        for (const model::TableRow& row : table.rows) {
            if (row.cells.empty()) continue;
            std::string same;
            bool alike = true;
            for (size_t i = 1; i < row.cells.size() && alike; ++i) {
                const std::string& text = row.cells[i].text;
                if (text.empty()) continue;
                if (same.empty()) same = text;
                else alike = text == same;
            }
            if (!alike) continue;
            std::string text = row.cells[0].text + (same.empty() ? "" : " " + same);
            if (!unit_named_in(text).empty()) return {std::move(text), row.cells[0].text.empty() ? same : row.cells[0].text};
        }
        return {};
    }

    // Whether the table names plain kroner for cell (r, c): in its column heading, row, title or
    // notes ("Budget 2024 (kr.)", "Beløb i kr.").
    bool kroner_named(const model::Table& table, size_t r, size_t c) {
        auto names = [&](const std::string& text) {
            auto [it, fresh] = kroner_named_.try_emplace(&text);  // each text read once, as named_units_
            if (fresh) it->second = names_kroner(text);
            return it->second;
        };
        if (c < table.header.size() && names(table.header[c])) return true;
        if (r < table.rows.size() && !table.rows[r].cells.empty() && names(table.rows[r].cells[0].text)) return true;
        if (names(table.title)) return true;
        for (const std::string& n : table.notes)
            if (names(n)) return true;
        return false;
    }

    struct TableEntry {
        size_t item = 0, index = 0;
        State state = State::Pending;
        bool ok = true;
        std::optional<size_t> root;  // the message that says why it could not be computed
        LabelKeys keys;              // its labels' keys, for the cells quoted from it
    };

    // A cell of the table being computed, named by the table's own name; a cell a formula of the
    // table writes would make the formula depend on itself (or on an order of computing).
    std::optional<Value> own_cell(TableEntry& e, const std::string& name, const std::vector<std::string>& labels,
                                  Failure* error) {
        const model::Table& table = m_.items[e.item].tables[e.index];
        const auto at = find_cell(table, e.keys, name, labels, false, error);
        if (!at) return std::nullopt;
        const auto [r, c] = *at;
        if (const model::Formula* f = writer_of(table, e.keys, r, c)) {
            error->message = fmt(_("the cell {} / {} is computed by this table's formula {}; a formula can only quote a fixed "
                                   "cell of its own table, or this would be a cycle"),
                                 quote_text(labels[0]), quote_text(labels[1]), quote_text(f->target + " = " + f->expression));
            return std::nullopt;
        }
        auto v = cell_value(table, r, c, error);
        if (v) v->where = name + "[" + labels[0] + "; " + labels[1] + "]";
        return v;
    }
    struct CalcEntry {
        size_t item = 0, index = 0;
        State state = State::Pending;
        std::map<std::string, Value> values;  // by label_key
        std::map<std::string, size_t> failed;  // values that could not be computed: their error
        // Values printed rounded ("| decimaler 2" of 25,8574), as printed: check_printed_values.
        std::map<std::string, Value> printed_values;
    };

    // A public item may not quote what a confidential item holds: the public edition would show it.
    bool allowed(size_t from, size_t owner, const std::string& name, Failure* error) {
        const AgendaItem& f = m_.items[from];
        const AgendaItem& o = m_.items[owner];
        if (!model::may_use(f.status, o.status)) {
            error->message = fmt(_("item {} ({}) quotes {} from item {} ({}); a public item may not quote a confidential item's data"),
                                 f.number, model::status_name(f.status), quote_text(name), o.number, model::status_name(o.status));
            return false;
        }
        return true;
    }

    // The names of tables and calculations that a node's formulas quote.
    static void quoted(const Expr& e, std::vector<std::string>& out) {
        if (e.kind == Expr::Kind::Cell) out.push_back(fold_label(e.text));
        for (const auto& a : e.args) quoted(*a, out);
    }

    std::vector<std::string> quoted_by(const std::string& name) {
        std::vector<model::Formula>* formulas = nullptr;
        if (auto t = tables_.find(name); t != tables_.end())
            formulas = &m_.items[t->second.item].tables[t->second.index].formulas;
        else
            formulas = &m_.items[calcs_.at(name).item].calculations[calcs_.at(name).index].values;
        std::vector<std::string> all, out;
        for (const model::Formula& f : *formulas) {
            // A cell is quoted as name[...]: a formula without "[" quotes none ("sum(A .. B)"),
            // and is not parsed here only to find that out (it is parsed when computed).
            if (f.expression.find('[') == std::string::npos) continue;
            FormulaError pe;  // reported when the formula is computed
            if (auto e = parse_expression(f.expression, &pe)) quoted(*e, all);
        }
        for (const std::string& q : all)
            if (q != name && (tables_.count(q) || calcs_.count(q))) out.push_back(q);
        return out;
    }

    // Named tables and calculations, each after those it quotes (depth first, post-order, with an
    // explicit stack); in a cycle, the one reached last comes first and its formula then finds
    // the other not yet computed.
    std::vector<std::string> dependency_order() {
        std::vector<std::string> roots = table_order_;
        roots.insert(roots.end(), calc_order_.begin(), calc_order_.end());
        std::map<std::string, bool> seen;
        std::vector<std::string> order;
        struct Open {
            std::string name;
            std::vector<std::string> deps;
            size_t next = 0;
        };
        std::vector<Open> stack;
        for (const std::string& root : roots) {
            if (seen[root]) continue;
            seen[root] = true;
            stack.push_back({root, quoted_by(root), 0});
            while (!stack.empty()) {
                Open& top = stack.back();
                if (top.next < top.deps.size()) {
                    const std::string dep = top.deps[top.next++];
                    if (seen[dep]) continue;
                    seen[dep] = true;
                    stack.push_back({dep, quoted_by(dep), 0});  // invalidates `top`
                    continue;
                }
                order.push_back(top.name);
                stack.pop_back();
            }
        }
        return order;
    }

    // Where a name already registered was given ("the table at m/01-a/item.md:20"), so a name
    // used twice names both places.
    std::string first_use(const std::string& name) const {
        const SourceLoc& l = first_loc(name);
        const std::string at = std::to_string(l.line) + (l.column > 0 ? ":" + std::to_string(l.column) : "");
        return fmt(tables_.count(name) ? _("the table at {}:{}") : _("the calculation at {}:{}"), l.file, at);
    }

    // Where a name already registered was given, and the item that gave it (*item).
    const SourceLoc& first_loc(const std::string& name, size_t* item = nullptr) const {
        const bool table = tables_.count(name) > 0;
        const size_t i = table ? tables_.at(name).item : calcs_.at(name).item;
        if (item) *item = i;
        return table ? name_loc(m_.items[i].tables[tables_.at(name).index])
                     : name_loc(m_.items[i].calculations[calcs_.at(name).index]);
    }

    // Where a block's name is written: its "navn:" line (the block's fence if that is unknown).
    template <typename Block>
    static const SourceLoc& name_loc(const Block& b) {
        return b.name_loc.file.empty() ? b.loc : b.name_loc;
    }

    // A name given a second time, at `at` in `item`. Where it is the same place as the first (a
    // shared attachment's text attached to two items, read once for each), that is said: the
    // message named one place twice.
    void twice(const std::string& name, const SourceLoc& at, const AgendaItem& item) {
        size_t first_item = 0;
        if (first_loc(name, &first_item) == at) {
            d_.error(at, fmt(_("the name {} is read twice: its file is attached to item {} and to item {}, and a name may "
                               "stand once in a meeting; attach the file to one of them, and refer to it from the other "
                               "(\"se bilaget til punkt {}\")"),
                             quote_text(name), m_.items[first_item].number, item.number, m_.items[first_item].number));
            return;
        }
        d_.error(at, fmt(_("the name {} is used twice in this meeting; also by {}"), quote_text(name), first_use(name)));
    }

    void register_names() {
        for (size_t i = 0; i < m_.items.size(); ++i) {
            AgendaItem& item = m_.items[i];
            for (size_t t = 0; t < item.tables.size(); ++t) {
                const std::string& name = item.tables[t].name;
                if (name.empty()) {
                    anonymous_.push_back({i, t, State::Pending, true, std::nullopt, {}});
                    continue;
                }
                if (tables_.count(name) || calcs_.count(name)) {
                    twice(name, name_loc(item.tables[t]), item);
                    continue;
                }
                tables_[name] = {i, t, State::Pending, true, std::nullopt, {}};
                table_order_.push_back(name);
            }
            for (size_t c = 0; c < item.calculations.size(); ++c) {
                const std::string& name = item.calculations[c].name;
                if (tables_.count(name) || calcs_.count(name)) {
                    twice(name, name_loc(item.calculations[c]), item);
                    continue;
                }
                calcs_[name] = {i, c, State::Pending, {}, {}, {}};
                calc_order_.push_back(name);
            }
        }
    }

    class ItemRefs final : public References {
    public:
        ItemRefs(Calculator& c, size_t from) : c_(c), from_(from) {}
        std::optional<Value> cell(const std::string& name, const std::vector<std::string>& labels, Failure* error) override {
            return c_.cell(from_, name, labels, error);
        }
        std::optional<int> table_number(const std::string& name, Failure* error) override {
            return c_.table_number(from_, name, error);
        }
        const Words& words() const override { return c_.words_; }

    private:
        Calculator& c_;
        size_t from_;
    };

    void compute(TableEntry& e) {
        e.state = State::Running;
        ItemRefs refs(*this, e.item);
        const size_t before = d_.size();
        const int follow_ons_before = d_.follow_on_count();
        e.ok = compute_table(m_.items[e.item].tables[e.index], refs, d_);
        if (!e.ok) e.root = d_.root_since(before, follow_ons_before);
        e.state = State::Done;
    }

    void ensure_table(const std::string&, TableEntry& e) {
        if (e.state == State::Pending) compute(e);
    }

    // Values of a beregning block: each may use the values above it by name, and cells.
    class CalcScope final : public Scope {
    public:
        CalcScope(References& refs, const model::Calculation& calc, const model::Formula& formula,
                  std::map<std::string, Value>& values, const std::map<std::string, size_t>& failed)
            : Scope(refs), calc_(calc), formula_(formula), values_(values), failed_(failed) {}
        std::optional<Value> label(const std::string& label, Failure* error) override {
            const auto v = values_.find(label_key(label));
            if (v == values_.end()) {
                if (const auto f = failed_.find(label_key(label)); f != failed_.end()) {
                    error->message = fmt(_("the value {} above could not be computed (see its error)"), quote_text(label));
                    error->follows_from = f->second;
                    return std::nullopt;
                }
                std::vector<std::string> above;
                for (const model::Formula& f : calc_.values) {
                    if (&f == &formula_) break;
                    above.push_back(f.target);
                }
                error->message = fmt(_("no value {} above this line in the beregning block{}"), quote_text(label),
                                     did_you_mean(label, above));
                return std::nullopt;
            }
            return v->second;
        }
        std::optional<std::vector<Value>> range(const std::string&, const std::string&, Failure* error,
                                                bool*) override {
            error->message = _("ranges (A .. B) are for table rows and columns");
            return std::nullopt;
        }
        // A value computed from "-" is "-" too only where the block says "mangler: videre".
        bool accepts_missing(const Value& missing, Failure* error) override {
            return calc_.missing_passes || refuse_missing(missing, formula_, error);
        }

    private:
        const model::Calculation& calc_;
        const model::Formula& formula_;
        std::map<std::string, Value>& values_;
        const std::map<std::string, size_t>& failed_;
    };

    // A value that multiplies or divides one above it printed rounded ("provenu = sats-2024 *
    // indbyggere", the rate 25,8574 printed "25,86") prints what the exact figure gives, where a
    // reader multiplying the printed ones gets another (14.832 kr. apart for 5,9 million
    // inhabitants): a rate that is set at 25,86 brings in the latter. Which one is meant the block
    // cannot tell, so where the two print differently, a warning at the value, as a table's
    // formula gets (TableComputation::check_printed_operands). Sums and differences of rounded
    // figures differ by the rounding alone, which a reader expects.
    void check_printed_values(const model::Calculation& calc, const model::Formula& f, const Expr& expr, const Value& v,
                              References& refs, CalcEntry& e) {
        if (e.printed_values.empty() || !multiplies_or_divides(expr)) return;
        std::map<std::string, Value> printed = e.values;
        std::string used;
        for (const auto& [key, value] : e.printed_values)
            if (names_label(expr, key)) {
                printed[key] = value;
                if (used.empty()) used = key;
            }
        if (used.empty()) return;
        CalcScope scope(refs, calc, f, printed, e.failed);
        FormulaError err;
        std::string caution;
        const auto as_printed = evaluate(expr, scope, &err, &caution);
        if (!as_printed || !as_printed->is_number()) return;
        const int d = std::max(v.decimals, 0);
        if (as_printed->number.rounded(d) == v.number.rounded(d)) return;
        const Value& operand = e.values.at(used);
        const model::Formula* written = nullptr;
        for (const model::Formula& g : calc.values)
            if (label_key(g.target) == used) written = &g;
        const std::string name = written ? written->target : used;
        d_.warning(f.loc,
                   fmt(_("the value {} computes with {} as {}, which is printed as {}: {} is {}, where the figures as printed "
                         "give {}; if {} is meant as printed (a rate that is set), write it so ({} = {}); else print it with "
                         "the decimals it is computed with (\"| decimaler N\")"),
                       quote_text(f.target), quote_text(name), format_danish_exact(operand.number.rounded(operand.decimals + 4)),
                       quote_text(format_danish(operand.number, operand.decimals)), quote_text(f.target),
                       quote_text(format_danish(v.number, d)), quote_text(format_danish(as_printed->number, d)),
                       quote_text(name), name, format_danish(operand.number, operand.decimals)),
                   f.line);
    }

    // Whether `e` multiplies or divides anywhere ("sats * indbyggere", "sats * 1.000"): a figure
    // printed rounded then takes its rounding into the result, scaled; a sum only adds it.
    static bool multiplies_or_divides(const Expr& e) {
        if (e.kind == Expr::Kind::Binary && (e.op == '*' || e.op == '/')) return true;
        for (const auto& a : e.args)
            if (multiplies_or_divides(*a)) return true;
        return false;
    }

    // Whether `e` names the value whose key is `key`.
    static bool names_label(const Expr& e, const std::string& key) {
        if (e.kind == Expr::Kind::Label && label_key(e.text) == key) return true;
        for (const auto& a : e.args)
            if (names_label(*a, key)) return true;
        return false;
    }

    void ensure_calc(const std::string&, CalcEntry& e) {
        if (e.state != State::Pending) return;
        e.state = State::Running;
        calculating_ = true;
        model::Calculation& calc = m_.items[e.item].calculations[e.index];
        ItemRefs refs(*this, e.item);
        for (model::Formula& f : calc.values) {
            const size_t before = d_.size();
            const int follow_ons_before = d_.follow_on_count();
            // A value that fails is remembered with its error, so what uses it is not reported again.
            auto failed = [&] {
                if (auto root = d_.root_since(before, follow_ons_before)) e.failed[label_key(f.target)] = *root;
            };
            auto p = prepare(f, false, d_);
            if (!p) {
                failed();
                continue;
            }
            CalcScope scope(refs, calc, f, e.values, e.failed);
            FormulaError err;
            std::string caution;
            auto v = evaluate(*p->expr, scope, &err, &caution);
            if (!v) {
                report(d_, f, err);
                failed();
                continue;
            }
            if (!caution.empty()) d_.warning(f.loc, fmt(_("the value {} {}"), quote_text(f.target), caution));
            if (p->options.decimals >= 0 && v->is_number()) {
                v->decimals = p->options.decimals;
                v->printed.clear();   // printed with its own decimals, not as its table prints the cell
                v->quotient = false;  // its decimals chosen: not those of its inputs
            }
            if (v->is_number()) check_printed_values(calc, f, *p->expr, *v, refs, e);
            e.values[label_key(f.target)] = *v;
            // Only a value given decimals is printed rounded wherever it is quoted; one without
            // takes the decimals of each figure that quotes it.
            if (p->options.decimals >= 0 && v->is_number() && v->number.rounded(std::max(v->decimals, 0)) != v->number) {
                Value as_printed = *v;
                as_printed.number = v->number.rounded(std::max(v->decimals, 0));
                e.printed_values[label_key(f.target)] = as_printed;
            }
        }
        e.state = State::Done;
        calculating_ = false;
    }

    // Text figures: labels must name their table, so a bare label is an error here. A figure
    // that only quotes a cell prints what the table prints, "-" included (with a warning at the
    // figure, figure()); one that computes with a "-" would print "-" for a figure the reader
    // expects, so that is an error.
    class FigureScope final : public Scope {
    public:
        FigureScope(References& refs, bool quotes_one_cell, std::string figure)
            : Scope(refs), quotes_one_cell_(quotes_one_cell), figure_(std::move(figure)) {}
        std::optional<Value> label(const std::string& label, Failure* error) override {
            error->message = fmt(_("name the table or calculation: {} alone means nothing in the text; write "
                                   "navn[række; kolonne] or navn[værdi]"), quote_text(label));
            return std::nullopt;
        }
        std::optional<std::vector<Value>> range(const std::string&, const std::string&, Failure* error,
                                                bool*) override {
            error->message = _("ranges (A .. B) are for formulas inside a table");
            return std::nullopt;
        }
        // With as_printed(), each quoted figure is taken as printed (rounded to the decimals it is
        // shown with), for check_printed_figure; the first one that rounding changes is kept.
        std::optional<Value> cell(const std::string& name, const std::vector<std::string>& labels, Failure* error) override {
            auto v = Scope::cell(name, labels, error);
            if (!printed_values_ || !v || !v->is_number() || !v->shown_in.empty() || v->decimals < 0) return v;
            Decimal printed = v->number;
            if (labels.size() == 2) {
                printed = v->number.rounded(v->decimals);  // a table's cell, as its table prints it
            } else if (const auto c = printed_values_->find(fold_label(name)); c != printed_values_->end()) {
                // A beregning value given decimals ("| decimaler 2"), as printed.
                const auto& values = c->second.printed_values;
                if (const auto p = values.find(label_key(labels[0])); p != values.end()) printed = p->second.number;
            }
            if (printed != v->number && !rounded_) rounded_ = *v;
            v->number = printed;
            return v;
        }
        // Take each quoted figure as printed: a table's cell rounded as its table prints it, a
        // beregning value of `calcs` as check_printed_values keeps it.
        void as_printed(const std::map<std::string, CalcEntry>& calcs) { printed_values_ = &calcs; }
        const std::optional<Value>& rounded() const { return rounded_; }

        bool accepts_missing(const Value& missing, Failure* error) override {
            if (quotes_one_cell_) return true;
            error->message = fmt(_("{} is {}, not a number, but the figure {} computes with it; quote the cell alone, or write "
                                   "the number in the table"),
                                 missing.where.empty() ? std::string(_("a quoted cell")) : missing.where,
                                 quote_text(missing.text), quote_text(figure_));
            return false;
        }

    private:
        bool quotes_one_cell_;
        std::string figure_;
        const std::map<std::string, CalcEntry>* printed_values_ = nullptr;
        std::optional<Value> rounded_;
    };

    // A figure that multiplies or divides figures printed rounded ("{k[sats] * k[indbyggere] |
    // kr.}", the rate 25,8575 printed "25,86") prints what the exact figures give, where a reader
    // multiplying the printed ones gets another: a warning at the figure where the two print
    // differently, as a table's formula and a beregning value get (check_printed_values).
    void check_printed_figure(const Inline& in, const Expr& expr, const Options& options, References& refs) {
        if (!multiplies_or_divides(expr)) return;
        FigureScope scope(refs, false, "{" + in.expression() + "}");
        scope.as_printed(calcs_);
        FormulaError err;
        std::string caution;
        const auto v = evaluate(expr, scope, &err, &caution);
        if (!v || !v->is_number() || !scope.rounded()) return;
        bool lost = false;
        std::string cannot;
        const std::string text = format_value(*v, options, words_, &lost, &cannot);
        if (!cannot.empty() || text == in.text) return;
        const Value& operand = *scope.rounded();
        d_.warning(in.loc, fmt(_("the figure {} computes with {} as {}, which is printed as {}: the figure is {}, where the "
                                 "figures as printed give {}; if {} is meant as printed (a rate that is set), write it so "
                                 "where it is computed; else print it with the decimals it is computed with (\"| decimaler "
                                 "N\")"),
                               quote_text("{" + in.expression() + "}"), operand.where,
                               format_danish_exact(operand.number.rounded(operand.decimals + 4)),
                               quote_text(format_danish(operand.number, operand.decimals)), quote_text(in.text),
                               quote_text(text), quote_text(format_danish(operand.number, operand.decimals))));
    }

    // A figure's formula and options ("" if none), split where " | " starts the options.
    static std::pair<std::string, std::string> formula_and_options(const std::string& figure) {
        const size_t bar = figure.find(" | ");
        if (bar == std::string::npos) return {figure, ""};
        return {figure.substr(0, bar), std::string(trim(std::string_view(figure).substr(bar + 3)))};
    }

    void figure(Inline& in, size_t item) {
        auto [expression, options_text] = formula_and_options(in.expression());
        const size_t bar = in.expression().find(" | ");
        auto at = [&](int offset) {
            SourceLoc l = in.loc;
            l.column += static_cast<int>(utf8_length(std::string_view(in.expression()).substr(0, static_cast<size_t>(offset))));
            return l;
        };
        FormulaError pe;
        auto expr = parse_expression(expression, &pe);
        if (!expr) {
            d_.error(at(pe.column), fmt(_("{} in the figure {}"), pe.message, quote_text("{" + in.expression() + "}")));
            return;
        }
        FormulaError why;
        auto options = parse_options(options_text, false, &why);
        if (!options) {
            d_.error(at(static_cast<int>(bar + 3) + why.column), why.message);
            return;
        }
        std::string unit_error;
        check_one_unit(*expr, &unit_error);
        if (unit_error.empty() && kroner_per(options->unit) > 0) check_heading_units(*expr, &unit_error);
        if (!unit_error.empty()) {
            d_.error(in.loc, unit_error);
            return;
        }
        ItemRefs refs(*this, item);
        FigureScope scope(refs, expr->kind == Expr::Kind::Cell, "{" + in.expression() + "}");
        FormulaError err;
        std::string caution;
        // One cell without options prints as the table prints it, whatever unit it is in.
        exact_quote_ = expr->kind == Expr::Kind::Cell && options_text.empty();
        exact_named_unit_.clear();
        auto v = evaluate(*expr, scope, &err, &caution);
        exact_quote_ = false;
        if (!v) {
            if (err.follows_from) d_.follow_on(*err.follows_from, at(err.column));
            else d_.error(at(err.column), err.message);
            return;
        }
        if (!caution.empty()) d_.warning(in.loc, fmt(_("the figure {} {}"), quote_text("{" + in.expression() + "}"), caution));
        // A quoted cell with no figure in it ("-", "Ikke oplyst") prints as its table prints it,
        // which in a sentence is no number where the reader expects one ("udgjorde - kr."), and
        // without the unit the figure asks for.
        if (v->kind == Value::Kind::Missing) {
            const std::string figure = quote_text("{" + in.expression() + "}");
            const std::string cell = v->where.empty() ? std::string(_("a quoted cell")) : v->where;
            if (options->unit.empty())
                d_.warning(in.loc, fmt(_("the figure {} quotes {}, which holds {}, no number: the text shows {} where a "
                                         "reader expects a figure; write the number in the table, or say in words that "
                                         "there is none"),
                                       figure, cell, quote_text(v->text), quote_text(v->text)));
            else
                d_.warning(in.loc, fmt(_("the figure {} quotes {}, which holds {}, no number: the text shows {}, without "
                                         "the unit {} the figure asks for, where a reader expects a figure; write the "
                                         "number in the table, or say in words that there is none"),
                                       figure, cell, quote_text(v->text), quote_text(v->text), quote_text(options->unit)));
        }
        // A rate per thousand shown as per cent ("{t[Nord; Dødelighed (‰)] | pct.}" printed 2,5 pct.
        // for 2,5 per thousand): ten times too large to a reader.
        if (v->is_number() && v->per_mille && options->unit == "pct.") {
            d_.error(in.loc, fmt(_("the figure {} is a rate per thousand or more (its heading or row says so), but it is "
                                   "printed in per cent; a reader takes it for ten times or more what it is: leave the "
                                   "unit out and write \"promille\" (or what it is per) after it, or compute the share "
                                   "in per cent"),
                                 quote_text("{" + in.expression() + "}")));
            return;
        }
        if (v->is_number() && v->count && kroner_per(options->unit) > 0) {
            d_.error(in.loc, fmt(_("the figure {} quotes a count (its heading or row says so), but asks for it in {}; a "
                                   "count is no amount: leave the unit out"),
                                 quote_text("{" + in.expression() + "}"), options->unit));
            return;
        }
        // A figure written in per cent or as an index asked for in kroner ("{t[Løn; Ændring i pct.] |
        // kr.}" printed "-1.700.000 kr." for -1,7 %). (One computed so is refused where its unit is
        // converted, calc/units.cpp.)
        if (v->is_number() && kroner_per(options->unit) > 0 && (v->no_amount || quotes_no_amount(*expr))) {
            d_.error(in.loc, fmt(_("the figure {} quotes a figure in per cent, in percentage points, per thousand or an "
                                   "index (its heading or row says so), but asks for it in {}; it is no amount: leave "
                                   "the unit out, or ask for the unit it is in (\"| pct.\")"),
                                 quote_text("{" + in.expression() + "}"), options->unit));
            return;
        }
        if (v->is_number() && v->per_mille) per_mille_figures_.insert(&in);
        if (v->is_number() && v->hundred == Value::Hundred::Ratio && !v->is_per_cent()) fraction_figures_.insert(&in);
        // A change of two figures not known to be shares (300 -> 330 employees: 30), which "pct."
        // after it would call a change in per cent (the rise is 10 %); of shares, it is points.
        if (v->is_number() && !v->is_per_cent() && !v->headed_per_cent && v->hundred == Value::Hundred::None &&
            later_minus_earlier(*expr).has_value()) {
            if (options->unit == "pct.")
                d_.warning(in.loc, fmt(_("the figure {} is a change of two figures, printed in per cent; a reader takes it "
                                         "for the change in per cent: if they are shares, print it in percentage points "
                                         "(\"| pct.-point\"); if not, compute the change in per cent (\"([2024] - [2023]) "
                                         "/ [2023] * 100\") or print it in its own unit"),
                                       quote_text("{" + in.expression() + "}")));
            else
                difference_figures_.insert(&in);
        }
        if (v->is_points() || v->hundred == Value::Hundred::Difference) points_figures_.insert(&in);
        else if (v->hundred == Value::Hundred::PerHundred && !v->is_per_cent()) per_hundred_figures_.insert(&in);
        // A single table cell without options is quoted exactly as the table prints it.
        const bool as_printed = expr->kind == Expr::Kind::Cell && options_text.empty() && !v->printed.empty();
        if (const std::string unit = bare_unit(*v, as_printed); !unit.empty() && options->unit.empty())
            bare_units_[&in] = unit;
        // "{t[I alt; 2023 (1.000 kr.)]} kr." in a table without "talenhed": the heading says the
        // figure is in thousands, the text after it kroner, and 1.900 t. kr. printed "1.900 kr.".
        else if (as_printed && v->is_number() && !v->is_per_cent() && !exact_named_unit_.empty())
            bare_units_[&in] = exact_named_unit_;
        else if (v->is_number() && unit.empty() && options->unit.empty() &&
                 (v->hundred == Value::Hundred::PerHundred || v->hundred == Value::Hundred::Difference ||
                  (v->hundred == Value::Hundred::Ratio && v->of_amounts)))
            ratios_.insert(&in);
        if (as_printed) in.text = v->printed;
        else {
            // An amount (not a ratio of amounts) with no unit asked for, from a table shown in
            // another unit than it is written in.
            // A value computed from amounts in two units is in the larger, which the text cannot show.
            if (options->unit.empty() && kroner_per(v->unit) > 0 && !v->mixed_with.empty()) {
                d_.error(in.loc, fmt(_("the figure {} is computed from amounts in {} and {} and is in {}; name the unit it is "
                                       "printed in, \"| {}\" or \"| {}\""),
                                     quote_text("{" + in.expression() + "}"), v->unit, v->mixed_with, v->unit, v->unit,
                                     v->mixed_with));
                return;
            }
            if (options->unit.empty() && kroner_per(v->unit) > 0) {
                std::string shown_error;
                check_shown_unit(*expr, &shown_error);
                // The same through a beregning value computed from such a table ("halvdel =
                // t[Drift; 2024] / 2" printed 5.750.000 beside "mio. kr.").
                if (shown_error.empty() && !v->shown_in.empty() && v->shown_in != v->unit)
                    shown_error = fmt(_("the figure {} is computed from a table that shows its figures in {}, but they "
                                        "are written in {}: name the unit this figure is printed in, \"| {}\" or \"| {}\""),
                                      quote_text("{" + in.expression() + "}"), v->shown_in, v->unit, v->shown_in, v->unit);
                if (!shown_error.empty()) {
                    d_.error(in.loc, shown_error);
                    return;
                }
            }
            bool lost = false;
            std::string cannot;
            // The unit the value is in: its table's "talenhed", or a beregning value's.
            options->source_unit = v->unit;
            in.text = format_value(*v, *options, words_, &lost, &cannot);
            if (!cannot.empty()) {
                d_.error(at(static_cast<int>(bar == std::string::npos ? 0 : bar + 3)),
                         fmt(_("{} in the figure {}"), cannot, quote_text("{" + in.expression() + "}")));
                return;
            }
            if (!lost) check_printed_figure(in, *expr, *options, refs);
            if (lost)
                d_.warning(in.loc, fmt(_("the figure {} is not zero but prints as {}; ask for more decimals or another unit"),
                                       quote_text("{" + in.expression() + "}"), quote_text(in.text)));
            // A quotient with the decimals of its inputs, as a table's computed cell is warned of
            // (10 / 4 printed "3"); not once converted to another unit, which chooses its decimals.
            else if (v->is_number() && v->quotient && options->decimals < 0 && (options->unit.empty() || options->unit == v->unit) &&
                     rounds_far(v->number, v->decimals < 0 ? 0 : v->decimals))
                d_.warning(in.loc, fmt(_("the figure {} is {} but prints as {}, with the decimals of the figures it is computed "
                                         "from; give it decimals (\"| decimaler 2\")"),
                                       quote_text("{" + in.expression() + "}"),
                                       format_danish_exact(v->number.rounded(std::min(6, std::max(v->decimals, 0) + 4))),
                                       quote_text(in.text)));
        }
    }

    // The unit a figure printed without one is in, where the input says which: a share ("pct."),
    // or an amount a table declares or a cell or formula writes with its unit; as the table shows
    // it for a cell quoted as printed ("enhed: mio. kr."). "" for a count or a figure that may be
    // one (a table without "talenhed"), and for points, which points_called_per_cent judges.
    static std::string bare_unit(const Value& v, bool as_printed) {
        if (!v.is_number() || v.is_points()) return "";
        if (v.is_per_cent()) return "pct.";
        const std::string unit = as_printed && !v.shown_in.empty() ? v.shown_in : v.unit;
        if (kroner_per(unit) > 1 || (kroner_per(unit) == 1 && v.amount)) return unit;
        return "";
    }

    // Calls f(cell, table) for each cell of a named table that the figure quotes ("t[A; 2023]").
    template <class F>
    void for_each_quoted_cell(const Expr& x, const F& f) const {
        if (x.kind == Expr::Kind::Cell && x.cell.size() == 2)
            if (auto t = tables_.find(fold_label(x.text)); t != tables_.end())
                f(x, m_.items[t->second.item].tables[t->second.index]);
        for (const auto& a : x.args) for_each_quoted_cell(*a, f);
    }

    // A figure converting to an amount unit from a column whose heading names another unit than
    // the table's figures are in ("Budget 2024 (mio. kr.)" in a table without "talenhed") would
    // convert 11,5 as if it were kroner: an error (*error set) asking for "talenhed".
    void check_heading_units(const Expr& e, std::string* error) const {
        for_each_quoted_cell(e, [&](const Expr& x, const model::Table& table) {
            if (!error->empty()) return;
            const std::string figures = cell_unit(table.figures_unit, "");
            const auto c = find_column(table, x.cell[1]);
            const std::string named = c ? unit_named_in(table.header[*c]) : std::string();
            if (!named.empty() && named != figures && named != table.unit)
                *error = fmt(_("the column {} of the table {} is headed in {}, but the table's figures are in {}; "
                               "declare the unit they are written in with \"talenhed:\" in the table, so the "
                               "figure converts from it"),
                             quote_text(table.header[*c]), quote_text(x.text), named, figures);
        });
    }

    // A figure that computes with, or gives options for, a cell of a table shown in another unit
    // than its figures are written in ("enhed: mio. kr." over kroner) would print in the written
    // unit, 11.500.000 where the table shows 11,5, beside the text's "mio. kr.": the unit must be
    // named (*error set).
    void check_shown_unit(const Expr& e, std::string* error) const {
        for_each_quoted_cell(e, [&](const Expr& x, const model::Table& table) {
            const std::string written = cell_unit(table.figures_unit, "");
            if (error->empty() && !table.unit.empty() && table.unit != written)
                *error = fmt(_("the table {} shows its figures in {}, but they are written in {}: name the unit "
                               "this figure is printed in, \"| {}\" or \"| {}\""),
                             quote_text(x.text), table.unit, written, table.unit, written);
        });
    }

    // Quoting tables whose figures are in different units ("talenhed") in one figure is an error
    // (*error set), so the text says plainly which unit it quotes.
    void check_one_unit(const Expr& e, std::string* error) const {
        std::string unit;
        bool seen = false;
        for_each_quoted_cell(e, [&](const Expr&, const model::Table& table) {
            const std::string u = cell_unit(table.figures_unit, "");
            if (seen && u != unit && error->empty())
                *error = fmt(_("the figure quotes tables whose figures are in different units ({} and {}); quote "
                               "them in separate figures"), quote_text(unit), quote_text(u));
            unit = u;
            seen = true;
        });
    }

    // A paragraph's (or heading's) figures, then what the words after each say of its unit.
    void figures(std::vector<Inline>& inlines, size_t item) {
        evaluate_figures(inlines, item);
        points_called_per_cent(inlines);
        merge_stops(inlines);
    }

    void evaluate_figures(std::vector<Inline>& inlines, size_t item) {
        for (Inline& in : inlines) {
            if (in.kind == Inline::Kind::Figure) figure(in, item);
            evaluate_figures(in.children, item);
        }
    }

    static void merge_stops(std::vector<Inline>& inlines) {
        for (Inline& in : inlines) merge_stops(in.children);
        merge_figure_stops(inlines);
    }

    // Each figure of a paragraph with the words around it as the reader sees them: across line
    // ends, emphasis and links ("{…}\nkr.", "{…} *kr.*", "*{…}* kr."), the words after it up to
    // the next figure, and the last words before it since the one before.
    // The part of `text` after its last sentence's end (". " before a capital letter is taken as
    // one; an abbreviation's point, "mio. kr.", is not).
    static std::string sentence_end(const std::string& text) {
        for (size_t i = text.size(); i-- > 1;)
            if (text[i - 1] == '.' && text[i] == ' ' && i + 1 < text.size() && text[i + 1] >= 'A' && text[i + 1] <= 'Z')
                return text.substr(i + 1);
        return text;
    }

    struct AroundFigure {
        const Inline* figure;
        std::string before, after;
    };
    static std::vector<AroundFigure> words_around_figures(const std::vector<Inline>& paragraph) {
        std::vector<AroundFigure> out;
        std::string before;
        const auto walk = [&](const auto& self, const std::vector<Inline>& inlines) -> void {
            for (const Inline& in : inlines) {
                if (in.kind == Inline::Kind::Figure) {
                    out.push_back({&in, std::move(before), std::string()});
                    before.clear();
                    continue;
                }
                const std::string_view text =
                    in.kind == Inline::Kind::SoftBreak || in.kind == Inline::Kind::LineBreak ? std::string_view(" ") : in.text;
                if (!out.empty() && out.back().after.size() < 64) out.back().after += text;
                before += text;
                if (before.size() > 256) before.erase(0, before.size() - 128);
                self(self, in.children);
            }
        };
        walk(walk, paragraph);
        return out;
    }

    // A figure in percentage points that the text after it calls per cent ("steg med {[2024] -
    // [2023]} %"): the reader takes 4 points of 68 % for 4 % of it. A warning at the figure. So is
    // a figure that prints its unit ("72 %", a cell quoted as the table prints it) with the text
    // after it giving a unit again ("72 % %").
    void points_called_per_cent(const std::vector<Inline>& paragraph) {
        for (const auto& [figure, before, next] : words_around_figures(paragraph)) {
            // Each figure is looked at once, here: its mark goes (no later figure has its address).
            const bool in_points = points_figures_.erase(figure) > 0;
            const bool per_mille = per_mille_figures_.erase(figure) > 0;
            const bool fraction = fraction_figures_.erase(figure) > 0;
            const bool difference = difference_figures_.erase(figure) > 0;
            const bool per_hundred = per_hundred_figures_.erase(figure) > 0;
            const bool ratio = ratios_.erase(figure) > 0;
            std::string bare;
            if (auto b = bare_units_.find(figure); b != bare_units_.end()) {
                bare = std::move(b->second);
                bare_units_.erase(b);
            }
            const std::string& shown = figure->text;
            const bool has_unit = !shown.empty() && (shown.ends_with("%") || shown.ends_with("pct.") || shown.ends_with("kr.") ||
                                                     shown.ends_with("pct.-point"));
            // The words right after it (a whole character's bytes).
            size_t n = std::min<size_t>(24, next.size());
            while (n < next.size() && (static_cast<unsigned char>(next[n]) & 0xC0) == 0x80) ++n;
            const std::string words_after = next.substr(0, n);
            // An amount in thousands, millions or billions, or a share, printed as a bare number
            // with no unit after it ("Budgettet er 2,5.", "Andelen er 12,50."), nor before it in its
            // sentence ("Budgettet i mio. kr. er 2,5"): a reader cannot tell it from kroner, or
            // from a count.
            if (!bare.empty() && !has_unit && (kroner_per(bare) > 1 || bare == "pct.") && unit_word_at(words_after).empty()) {
                const std::string sentence = sentence_end(before);
                if (unit_named_in(sentence) != bare && (bare != "pct." || !names_per_cent(sentence))) {
                    const std::string figure_text = quote_text("{" + figure->expression() + "}");
                    if (bare == "pct.")
                        d_.warning(figure->loc, fmt(_("the figure {} prints {}, a share in per cent, and no unit follows it: a "
                                                      "reader cannot tell it from a count; ask for the unit in the figure "
                                                      "(\"| pct.\"), or write \"%\" after it"),
                                                    figure_text, quote_text(shown)));
                    else
                        d_.warning(figure->loc, fmt(_("the figure {} prints {}, a number in {}, and no unit follows it: a "
                                                      "reader cannot tell it from kroner; ask for the unit in the figure "
                                                      "(\"| {}\"), or write it after the figure"),
                                                    figure_text, quote_text(shown), bare, bare));
                    continue;
                }
            }
            if (next.empty()) continue;
            const std::string after = fold_label(words_after);
            const bool per_cent = starts_with(after, "%") || starts_with(after, "pct") || starts_with(after, "procent");
            const bool points = after.find("point") != std::string::npos;
            // A ratio of two figures (0,68 of the cases) that the text calls per cent: "0,68 %"
            // (a probe), a hundredth of the share meant.
            if (fraction && per_cent && !points && !has_unit) {
                d_.error(figure->loc, fmt(_("the figure {} prints {}, a ratio of two figures (0,68 is 68 %), but the text "
                                            "after it calls it per cent; a reader takes it for a hundredth of the share: "
                                            "multiply by 100 in the formula (\"[Del] / [Hele] * 100\")"),
                                          quote_text("{" + figure->expression() + "}"), quote_text(shown)));
                continue;
            }
            if (difference && per_cent && !points && !has_unit) {
                d_.warning(figure->loc, fmt(_("the figure {} prints {}, a change of two figures, but the text after it "
                                              "calls it per cent; a reader takes it for the change in per cent: if they "
                                              "are shares, it is percentage points (\"pct.-point\"); if not, give its "
                                              "unit, or compute the change in per cent (\"([2024] - [2023]) / [2023] * "
                                              "100\")"),
                                            quote_text("{" + figure->expression() + "}"), quote_text(shown)));
                continue;
            }
            if (per_mille && per_cent && !points) {
                d_.error(figure->loc, fmt(_("the figure {} prints {}, a rate per thousand or more (its heading or row says "
                                            "so), but the text after it calls it per cent; a reader takes it for ten times "
                                            "or more what it is: write \"promille\" (or what it is per) after it"),
                                          quote_text("{" + figure->expression() + "}"), quote_text(shown)));
                continue;
            }
            // A figure printed as a share ("72 %", a cell written so) that the text calls points:
            // one of the two is wrong, and only the writer knows which.
            if (has_unit && points && !shown.ends_with("pct.-point")) {
                d_.warning(figure->loc,
                           fmt(_("the figure {} prints {}, a share in per cent, but the text after it calls it percentage "
                                 "points; a reader cannot tell which it is: if it is a share, leave the word after it out; if "
                                 "it is a difference of shares, write it in the table in points (\"pct.-point\")"),
                               quote_text("{" + figure->expression() + "}"), quote_text(shown)));
                continue;
            }
            if (has_unit && (per_cent || points || starts_with(after, "kr") || starts_with(after, "mio") ||
                             starts_with(after, "mia"))) {
                d_.warning(figure->loc, fmt(_("the figure {} prints {} with its unit, and the text after it gives a unit "
                                                 "again; leave the one after it out"),
                                               quote_text("{" + figure->expression() + "}"), quote_text(shown)));
                continue;
            }
            // A figure printed without its unit that the text after it gives another: "5" from a
            // table in mio. kr. followed by "kr.", 5.000.000 kr. followed by "mio. kr.", a share
            // followed by "kr.". The reader takes the number in the text's unit, a thousand or a
            // million times off, so it is an error. A share called points is left alone (a table
            // in "pct." may hold differences), as is per cent after points (the warning below).
            const std::string named = has_unit ? "" : unit_word_at(words_after);
            // A number of a million or more that the text after it calls millions or billions
            // ("11.500.000 mio. kr."): a table in kroner that never says so gives no unit to
            // compare, but no one writes a million millions. The reader takes the words' unit.
            if (bare.empty() && kroner_per(named) >= 1000000 && whole_digits(shown) >= 7) {
                d_.error(figure->loc,
                         fmt(_("the figure {} prints {}, but the text after it says {}: a million times too much; if the "
                               "table's figures are kroner, ask for the unit in the figure (\"| {}\") and leave the word "
                               "after it out"),
                             quote_text("{" + figure->expression() + "}"), quote_text(shown), named, named));
                continue;
            }
            if (!bare.empty() && !named.empty() && named != bare && !(bare == "pct." && named == kPoints)) {
                d_.error(figure->loc,
                         fmt(_("the figure {} prints {}, a number in {}, but the text after it says {}; a reader takes "
                               "the number in that unit: ask for the unit in the figure (\"| {}\") and leave the word "
                               "after it out, or quote another figure"),
                             quote_text("{" + figure->expression() + "}"), quote_text(shown), bare, named,
                             kroner_per(named) > 0 && kroner_per(bare) > 0 ? named : bare));
                continue;
            }
            // A figure per hundred of two in one unit (a share, an index, their difference), or a
            // ratio of two amounts, is no amount: "{t[A; Andel]} mio. kr." printed a share of 38,4
            // as 38,4 mio. kr. without a word. (A plain ratio of two figures a table does not say
            // are amounts may be kroner per person.)
            if (ratio && kroner_per(named) > 0) {
                d_.error(figure->loc,
                         fmt(_("the figure {} prints {}, a ratio of two figures (a share, an index or their "
                               "difference), which is no amount, but the text after it says {}; a reader takes the "
                               "number in that unit: leave the unit out, or quote an amount"),
                             quote_text("{" + figure->expression() + "}"), quote_text(shown), named));
                continue;
            }
            if (in_points && per_cent && !points)
                d_.warning(figure->loc, fmt(_("the figure {} is the difference of two shares or index numbers, in "
                                                 "points, but the text after it calls it per cent; write \"procentpoint\" "
                                                 "(\"indekspoint\" for index numbers) after it, or \"| pct.-point\" in the "
                                                 "figure"),
                                               quote_text("{" + figure->expression() + "}")));
            // The other way round: a figure per hundred (a share, an index, a change in per cent:
            // "([2024] - [2023]) / [2023] * 100") that the text calls points ("5,9 procentpoint",
            // where the shares 68 % and 72 % are 4 points apart).
            if (per_hundred && points && starts_with(after, "p"))
                d_.warning(figure->loc, fmt(_("the figure {} is a figure per hundred (a share, an index or a change in "
                                                 "per cent), but the text after it calls it percentage points, which are "
                                                 "the difference of two shares; write \"pct.\" after it, or quote the "
                                                 "difference of the shares"),
                                               quote_text("{" + figure->expression() + "}")));
        }
    }

    // A negative figure after words that give its direction already ("faldet med -10.000 kr.",
    // "fald på -5", "besparelse på", a trend word printed by "| verbum" and then "med"): the minus
    // turns the sentence around, and "faldet med -10.000" reads as a rise. A warning at the
    // figure. The words are read as the reader sees them: across emphasis, links and line ends
    // ("*faldet med* {…}", "faldet\nmed {…}"), with words between (direction_before). So for a
    // change's size quoted with abs() after words of a fall or a rise, where the figures went the
    // other way (change_against_words).
    void negative_after_direction(const std::vector<Inline>& paragraph, size_t item) {
        if (!any_inline(paragraph, [](const Inline& in) { return in.kind == Inline::Kind::Figure; })) return;
        std::string text;  // the paragraph's words as printed, up to where the walk is
        std::vector<std::pair<const Inline*, size_t>> negatives, sizes;  // each such figure, where it starts in `text`
        const auto walk = [&](const auto& self, const std::vector<Inline>& inlines) -> void {
            for (const Inline& in : inlines) {
                if (in.kind == Inline::Kind::SoftBreak || in.kind == Inline::Kind::LineBreak) {
                    text += ' ';
                    continue;
                }
                if (is_negative_figure(in)) negatives.emplace_back(&in, text.size());
                else if (in.kind == Inline::Kind::Figure) sizes.emplace_back(&in, text.size());  // judged below, if after words
                text += in.text;
                self(self, in.children);
            }
        };
        walk(walk, paragraph);
        if (direction_verbs_.empty()) direction_verbs_ = {fold_label(words_.rose), fold_label(words_.fell)};
        const std::vector<std::string>& verbs = direction_verbs_;
        for (const auto& [figure, at] : negatives) {
            const std::string directed = direction_before(std::string_view(text).substr(0, at), verbs);
            if (directed.empty()) continue;
            const auto [formula, options] = formula_and_options(figure->expression());
            const std::string size = "{abs(" + std::string(trim(formula)) + ")" + (options.empty() ? "" : " | " + options) + "}";
            d_.warning(figure->loc, fmt(_("the figure {} prints {}, a negative number, after \"{}\", which gives the "
                                          "direction already: the minus turns the sentence around; quote its size, "
                                          "as {}"),
                                        quote_text("{" + figure->expression() + "}"), quote_text(figure->text), directed,
                                        quote_text(size)));
        }
        for (const auto& [figure, at] : sizes) {
            if (!may_give_direction(std::string_view(text).substr(0, at))) continue;
            // What the figure is, next (its formula read once): reading the words before it is
            // the dearer of the two. A change quoted as its size ("{abs(...)}") or as it is.
            FormulaError pe;
            const auto expr = parse_expression(std::string(formula_and_options(figure->expression()).first), &pe);
            if (!expr) continue;
            const bool sized = expr->kind == Expr::Kind::Call && expr->text == "abs" && expr->args.size() == 1;
            const Expr& change = sized ? *expr->args[0] : *expr;
            const std::optional<int> order = later_minus_earlier(change);
            const bool index = !order && is_index(*expr);
            if (!order && !index) continue;
            const std::string directed = direction_before(std::string_view(text).substr(0, at), verbs);
            if (directed.empty()) continue;
            if (index) {
                d_.warning(figure->loc, fmt(_("the figure {} prints {}, a later period's figure on an earlier one's (an index "
                                              "or a ratio), after \"{}\", which calls it the change: the change is its "
                                              "distance from 100 (or 1); quote the change (\"([2024] - [2023]) / [2023] * "
                                              "100\")"),
                                            quote_text("{" + figure->expression() + "}"), quote_text(figure->text), directed));
                continue;
            }
            const int said = direction_of_words(directed, words_.rose, words_.fell);
            if (said != 0) change_against_words(*figure, change, *order, item, directed, said);
        }
    }

    // Whether a figure quotes only table cells, as written, whose heading or row label says they are no amount
    // (names_no_amount: in per cent, in points, per thousand, an index), one alone or several
    // added and subtracted ("{t[A; Indeks]}", "{t[A; Forskel (pct.-point)] + t[B; Forskel (pct.-point)]}").
    // Asked only of a figure that asks for an amount unit.
    bool quotes_no_amount(const Expr& x) {
        if (x.kind == Expr::Kind::Unary || (x.kind == Expr::Kind::Binary && (x.op == '+' || x.op == '-')))
            return !x.args.empty() && std::all_of(x.args.begin(), x.args.end(), [&](const auto& a) { return quotes_no_amount(*a); });
        const auto [table, entry, at] = quoted_cell(x);
        if (!table || !at || at->first >= table->rows.size() || at->second >= table->rows[at->first].cells.size() ||
            at->second >= table->header.size())
            return false;
        // (A cell a formula computed is judged by what it computes: calc/units.cpp.)
        if (table->rows[at->first].cells[at->second].formula != 0) return false;
        return names_no_amount(table->header[at->second]) || names_no_amount(table->rows[at->first].cells[0].text);
    }

    // An index of a later period on an earlier one ("[2024] / [2023] * 100", 110), in the figure
    // or the formula of the cell it quotes: quoted after words of a change ("steget med {…}
    // pct."), the change is 10 %, not 110 (a probe).
    bool is_index(const Expr& figure) {
        if (change_operands(figure)) return false;
        std::unique_ptr<Expr> formula;
        if (figure.kind == Expr::Kind::Cell) {
            formula = formula_of(figure);
            if (!formula || change_operands(*formula)) return false;
        }
        const Expr& x = unscaled(formula ? *formula : figure);
        return x.kind == Expr::Kind::Binary && x.op == '/' && operands_order(*x.args[0], *x.args[1]).has_value();
    }

    // The formula of the cell of a table a figure quotes ("t[Nord; Ændring]"), parsed; nullptr
    // for an input cell, or a cell not found.
    // A figure's cell reference ("t[Nord; Ændring]") looked up: the computed table it quotes, its
    // entry, and the cell's row and column there (no table for no such computed table, no place
    // for no such cell).
    struct QuotedCell {
        const model::Table* table = nullptr;
        TableEntry* entry = nullptr;
        std::optional<std::pair<size_t, size_t>> at;
    };
    QuotedCell quoted_cell(const Expr& cell) {
        if (cell.kind != Expr::Kind::Cell || cell.cell.size() != 2) return {};
        const auto t = tables_.find(fold_label(cell.text));
        if (t == tables_.end() || t->second.state != State::Done || !t->second.ok) return {};
        const model::Table& table = m_.items[t->second.item].tables[t->second.index];
        Failure ignored;
        return {&table, &t->second, find_cell(table, t->second.keys, cell.text, cell.cell, false, &ignored)};
    }

    std::unique_ptr<Expr> formula_of(const Expr& cell) {
        const auto [table, entry, at] = quoted_cell(cell);
        const model::Formula* f = at ? writer_of(*table, entry->keys, at->first, at->second) : nullptr;
        if (!f) return nullptr;
        FormulaError pe;
        return parse_expression(f->expression, &pe);
    }

    // `figure` quotes abs() of a change whose way the figures tell (a difference of a later
    // period's figure and an earlier one's, in the figure or in the formula of the cell it
    // quotes: "Ændring = [2024] - [2023]"), and the words before it (`said`: +1 a rise, -1 a
    // fall) say the other way: "faldet med 10.000 kr." for a rise of 10.000. A warning at the
    // figure: a correction that turns a change around leaves the sentence wrong, where a change
    // quoted with its sign gets negative_after_direction's warning. `change` is the figure's change
    // (under its abs(), or as quoted), `order` later_minus_earlier's of it.
    void change_against_words(const Inline& figure, const Expr& change, int order, size_t item, const std::string& directed,
                              int said) {
        ItemRefs refs(*this, item);
        FigureScope scope(refs, change.kind == Expr::Kind::Cell, "{" + figure.expression() + "}");
        FormulaError err;
        std::string caution;
        const auto v = evaluate(change, scope, &err, &caution);
        if (!v || !v->is_number() || v->number.is_zero()) return;
        // Two figures below zero (an income or a grant entered with a minus, as budgets do): their
        // difference says one way and their sizes the other, and which the words mean (a deficit
        // that fell, an income that shrank) only the writer knows; the example's "kontingentet
        // reduceres med" a rise from -157,3 to -153,8 mio. kr. is right. Not judged.
        if (const auto ops = change_operands(change)) {
            FormulaError e1, e2;
            std::string c1, c2;
            const auto a = evaluate(*ops->first, scope, &e1, &c1), b = evaluate(*ops->second, scope, &e2, &c2);
            if (a && b && a->is_number() && b->is_number() && a->number.is_negative() && b->number.is_negative()) return;
        }
        const int went = (v->number.is_negative() ? -1 : 1) * order;
        if (went == said) return;
        d_.warning(figure.loc,
                   fmt(went > 0 ? _("the figure {} prints the size of a change after \"{}\", but the figures rose ({}): "
                                    "correct the words, or write them from the figures (a column of udvikling() printed "
                                    "with \"| verbum\")")
                                : _("the figure {} prints the size of a change after \"{}\", but the figures fell ({}): "
                                    "correct the words, or write them from the figures (a column of udvikling() printed "
                                    "with \"| verbum\")"),
                       quote_text("{" + figure.expression() + "}"), directed,
                       (went > 0 ? "+" : "-") + format_danish(v->number.abs().value_or(v->number), std::max(v->decimals, 0))));
    }

    // +1 where `change` is a later period's figure less an earlier one's ("t[Løn; 2024] -
    // t[Løn; 2023]", "k[sats-2024] - k[sats-2023]", a cell whose formula is "[2024] - [2023]", or
    // a calculated value whose formula is "sats-2024 - sats-2023"), -1 where the other way round,
    // nullopt where it is no such difference.
    // The two figures a change is of, later or earlier first, where `e` is a difference "a - b" or
    // a growth rate, whose sign is the difference's: "(a - b) / b * 100", "a / b * 100 - 100",
    // "(a / b - 1) * 100" (a probe: abs() of a growth rate after "steget med" printed a fall as
    // a rise without a word). Scaling by a number ("* 100", "/ 1000") changes no sign.
    static std::optional<std::pair<const Expr*, const Expr*>> change_operands(const Expr& e) {
        const Expr& x = unscaled(e);
        if (x.kind != Expr::Kind::Binary) return std::nullopt;
        if (x.op == '-' && x.args[1]->kind == Expr::Kind::Number) {  // "a / b * 100 - 100", "a / b - 1"
            const Expr& ratio = unscaled(*x.args[0]);
            if (ratio.kind == Expr::Kind::Binary && ratio.op == '/') return std::make_pair(ratio.args[0].get(), ratio.args[1].get());
            return std::nullopt;
        }
        if (x.op == '-') return std::make_pair(x.args[0].get(), x.args[1].get());
        if (x.op == '/') {  // "(a - b) / b"
            const Expr& d = unscaled(*x.args[0]);
            if (d.kind == Expr::Kind::Binary && d.op == '-' && d.args[1]->kind != Expr::Kind::Number)
                return std::make_pair(d.args[0].get(), d.args[1].get());
        }
        return std::nullopt;
    }

    std::optional<int> later_minus_earlier(const Expr& change) {
        if (const auto ops = change_operands(change); ops && change.kind == Expr::Kind::Binary) {
            if (ops->first->kind != Expr::Kind::Cell) return std::nullopt;  // a figure quotes cells, not labels
            return operands_order(*ops->first, *ops->second);
        }
        if (change.kind == Expr::Kind::Cell && change.cell.size() == 1) {
            const auto c = calcs_.find(fold_label(change.text));
            if (c == calcs_.end()) return std::nullopt;
            for (const model::Formula& f : m_.items[c->second.item].calculations[c->second.index].values) {
                if (label_key(f.target) != label_key(change.cell[0])) continue;
                FormulaError pe;
                const auto e = parse_expression(f.expression, &pe);
                return e ? labels_order(*e) : std::nullopt;
            }
            return std::nullopt;
        }
        const auto e = formula_of(change);
        return e ? labels_order(*e) : std::nullopt;
    }

    // The order of the periods two labels name, for a formula that is a change of one to the other.
    static std::optional<int> labels_order(const Expr& e) {
        const auto ops = change_operands(e);
        if (!ops || ops->first->kind != Expr::Kind::Label) return std::nullopt;
        return operands_order(*ops->first, *ops->second);
    }

    // The figures of blocks in item `item`'s sections (attachment -1) or in its attachment.
    void figures(std::vector<Block>& blocks, size_t item, int attachment) {
        for (Block& b : blocks) {
            figures(b.inlines, item);
            negative_after_direction(b.inlines, item);
            if (b.kind == Block::Kind::Image) describe_picture(b, item);
            check_table_numbers(b.inlines, item, attachment);
            for (auto& it : b.items) figures(it, item, attachment);
            figures(b.children, item, attachment);
        }
    }

    // A picture's description (its caption and alternative text) is text the packet prints: a
    // figure in it is computed as in the paragraph it stands for, and the description is its
    // words once the figures are in (input/image_reader read it without them).
    void describe_picture(const Block& b, size_t item) {
        if (b.image < 0 || static_cast<size_t>(b.image) >= m_.items[item].images.size()) return;
        bool any = false;
        std::string words;
        const auto walk = [&](const auto& self, const std::vector<Inline>& inlines) -> void {
            for (const Inline& in : inlines) {
                if (in.kind == Inline::Kind::Figure) any = true;
                if (in.kind == Inline::Kind::SoftBreak || in.kind == Inline::Kind::LineBreak) words += ' ';
                else words += in.text;
                self(self, in.children);
            }
        };
        walk(walk, b.inlines);
        if (any) m_.items[item].images[static_cast<size_t>(b.image)].description = std::string(trim(words));
    }

    // "tabel {nummer(x)}" where x is another item's table, an attachment's quoted from outside
    // it, or the item's own quoted from its attachment: the number alone names a table of the
    // text's own item (or attachment) to a reader, so the paragraph must say where ("punkt 2",
    // "bilag 1"), else a warning.
    void check_table_numbers(const std::vector<Inline>& paragraph, size_t item, int attachment) {
        if (!any_inline(paragraph, is_table_number)) return;
        std::string text;  // the paragraph's words, lower case
        std::vector<const Inline*> numbers;
        const auto walk = [&](const auto& self, const std::vector<Inline>& inlines) -> void {
            for (const Inline& in : inlines) {
                if (is_table_number(in)) numbers.push_back(&in);
                else if (in.kind == Inline::Kind::SoftBreak || in.kind == Inline::Kind::LineBreak) text += ' ';
                else text += in.text;
                self(self, in.children);
            }
        };
        walk(walk, paragraph);
        if (numbers.empty()) return;
        for (char& ch : text)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        // "punkt 2" but not "punkt 20".
        const auto says = [&](const std::string& word, int n) {
            const std::string phrase = word + " " + std::to_string(n);
            for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
                const size_t end = at + phrase.size();
                if (end >= text.size() || text[end] < '0' || text[end] > '9') return true;
            }
            return false;
        };
        for (const Inline* in : numbers) {
            const std::string_view e = trim(in->expression());
            const size_t close = e.find(')');
            if (close == std::string_view::npos) continue;
            const auto t = tables_.find(fold_label(std::string(trim(e.substr(7, close - 7)))));
            if (t == tables_.end()) continue;  // an error already
            const AgendaItem& owner = m_.items[t->second.item];
            const model::Table& table = owner.tables[t->second.index];
            std::string where, phrase;
            if (t->second.item != item) {
                where = fmt(_("item {}"), owner.number);
                phrase = "punkt " + std::to_string(owner.number);
                if (!says("punkt", owner.number)) phrase = quote_text(phrase);
                else phrase.clear();
            }
            if (table.attachment >= 0 && (t->second.item != item || table.attachment != attachment)) {
                const int number = owner.attachments[static_cast<size_t>(table.attachment)].number;
                where = where.empty() ? fmt(_("bilag {}"), number) : fmt(_("bilag {} to item {}"), number, owner.number);
                if (!says("bilag", number)) phrase += (phrase.empty() ? "" : ", ") + quote_text("bilag " + std::to_string(number));
            }
            // An attachment's text giving the number of its item's own table: the attachment
            // numbers its tables from 1 too, and a reader looks there ("tabel 1" of bilag 1).
            if (attachment >= 0 && t->second.item == item && table.attachment < 0 && !says("punkt", owner.number)) {
                d_.warning(in->loc, fmt(_("the figure {} in bilag {} gives the number of a table in item {}'s own text, but "
                                          "the paragraph does not say so (\"punkt {}\"); a reader would look for that "
                                          "table in this attachment"),
                                        quote_text("{" + in->expression() + "}"),
                                        owner.attachments[static_cast<size_t>(attachment)].number, owner.number,
                                        owner.number));
                continue;
            }
            if (phrase.empty()) continue;
            d_.warning(in->loc, fmt(_("the figure {} gives the number of a table in {}, but the paragraph does not say so "
                                      "({}); a reader would look for that table in this item"),
                                    quote_text("{" + in->expression() + "}"), where, phrase));
        }
    }

    model::Meeting& m_;
    const Words& words_;
    Diagnostics& d_;
    std::vector<std::string> direction_verbs_;  // the words for "rose" and "fell", folded once (negative_after_direction)
    bool exact_quote_ = false;  // a figure that is one cell without options is being evaluated
    bool calculating_ = false;  // a beregning block's values are being computed
    std::unordered_set<const Inline*> points_figures_;  // figures whose value is percentage points
    std::unordered_map<const model::Formula*, std::vector<UnitRead>> units_read_;  // each formula's, read once
    std::unordered_set<const Inline*> per_mille_figures_;  // figures read from a column or row per thousand or more
    std::unordered_set<const Inline*> fraction_figures_;  // figures whose value is a ratio of two figures, not per hundred
    std::unordered_set<const Inline*> difference_figures_;  // figures that are a change of two figures not known to be shares
    std::unordered_set<const Inline*> per_hundred_figures_;  // figures whose value is per hundred, computed
    std::unordered_set<const Inline*> ratios_;  // figures whose value is per hundred, or a ratio of amounts
    // Figures printed without a unit, by address, with the unit their number is in (bare_unit).
    std::unordered_map<const Inline*, std::string> bare_units_;
    // The amount unit the cell quoted as printed names where its table does not declare it
    // (unit_not_declared), or "": a heading's "(1.000 kr.)".
    std::string exact_named_unit_;
    std::string named_unit_;    // the unit unit_not_declared found named
    // unit_named_in of the computed tables' titles, headings, labels and notes, by address (they
    // stay where they are once their table is computed).
    std::unordered_map<const std::string*, std::string> named_units_;
    std::unordered_map<const model::Table*, std::pair<std::string, std::string>> units_rows_;  // units_row_of, once a table
    std::unordered_map<const std::string*, bool> kroner_named_;
    std::map<std::string, TableEntry> tables_;
    std::map<std::string, CalcEntry> calcs_;
    std::vector<TableEntry> anonymous_;
    std::vector<std::string> table_order_, calc_order_;
};

}  // namespace

void compute_meeting(model::Meeting& meeting, const Words& words, Diagnostics& diags) {
    Calculator(meeting, words, diags).run();
    warn_typed_figures(meeting, diags);
}

}  // namespace boardpack::calc
