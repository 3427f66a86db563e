// An edition of the meeting as the renderers see it, and the steps that ready the computed
// meeting for print. Renderers are given an EditionView and only read it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/changes.hpp"
#include "model/document.hpp"

namespace boardpack::model {

// The meeting as an edition shows it, without copying it: in the public edition every
// confidential item is replaced by a stand-in that keeps only its number and status, so
// nothing else of it can leak. The meeting must outlive the view.
class EditionView {
public:
    EditionView(const Meeting& meeting, Edition edition);
    EditionView(const EditionView&) = delete;  // items_ points into redacted_
    EditionView& operator=(const EditionView&) = delete;

    // The agenda items in order, as this edition shows them.
    class Items {
    public:
        // Walks the items, giving each as a const AgendaItem&.
        class Iterator {
        public:
            explicit Iterator(const AgendaItem* const* p) : p_(p) {}
            const AgendaItem& operator*() const { return **p_; }
            Iterator& operator++() {
                ++p_;
                return *this;
            }
            bool operator==(const Iterator& other) const = default;

        private:
            const AgendaItem* const* p_;
        };
        Iterator begin() const { return Iterator(items_.data()); }
        Iterator end() const { return Iterator(items_.data() + items_.size()); }
        size_t size() const { return items_.size(); }
        bool empty() const { return items_.empty(); }
        const AgendaItem& operator[](size_t i) const { return *items_[i]; }

    private:
        friend class EditionView;
        std::vector<const AgendaItem*> items_;
    };

    const Edition edition;
    // The meeting's own fields, shown alike by both editions.
    const std::string& id;
    const std::string& organisation;
    const std::string& body;
    const std::string& title;
    const Date& date;
    const std::string& time;
    const std::string& place;
    Items items;
    // What changed since this edition's previous version, for the rettelsesblad and the version
    // line; nullptr for a first publication (and in `check`). Set by the driver, owned by it.
    const Changes* changes = nullptr;

private:
    std::vector<AgendaItem> redacted_;  // the public edition's stand-ins for confidential items
};

// The view of `meeting` that `edition` shows (see EditionView).
inline EditionView edition_view(const Meeting& meeting, Edition edition) { return EditionView(meeting, edition); }

// What print fills in where the input leaves something out, in the packet's wording.
struct PrintDefaults {
    std::string title;                                // the packet's title when meeting.txt gives none
    std::array<std::string, kSectionCount> sections;  // per SectionKind: the text of a missing or empty section
};

// Readies the computed meeting for both editions, so the renderers only read it: fills in the
// defaults (the title, each missing or empty section's standard text, as a paragraph), marks
// each table's totals (see mark_totals) and checks the links inside the packet, giving each
// linked table its anchor (see resolve_links).
void prepare_for_print(Meeting& meeting, const PrintDefaults& defaults, Diagnostics& diags);

}  // namespace boardpack::model
