#include "render/pdf/structure_tree.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace boardpack::render::pdf {

namespace {

using Role = Origin::Role;

// The structure types, in one array: an element's type is a pointer into it, compared as such,
// and where it points is the type's number in a packed key (ChildTable).
constexpr size_t kTypeSize = kStructTypeSize;
constexpr auto& kTypes = kStructTypes;
// A type's index in kTypes, which every type the builder gives is one of.
uint8_t type_index(const char* type) {
    const auto at = reinterpret_cast<std::uintptr_t>(type) - reinterpret_cast<std::uintptr_t>(kTypes[0]);
    return static_cast<uint8_t>(at / kTypeSize);
}

constexpr const char* kDocument = kTypes[0];
constexpr const char* kP = kTypes[1];
constexpr const char* kL = kTypes[2];
constexpr const char* kLI = kTypes[3];
constexpr const char* kLbl = kTypes[4];
constexpr const char* kLBody = kTypes[5];
constexpr const char* kTable = kTypes[6];
constexpr const char* kCaption = kTypes[7];
constexpr const char* kTHead = kTypes[8];
constexpr const char* kTBody = kTypes[9];
constexpr const char* kTR = kTypes[10];
constexpr const char* kTH = kTypes[11];
constexpr const char* kTD = kTypes[12];
constexpr const char* kTOC = kTypes[13];
constexpr const char* kTOCI = kTypes[14];
constexpr const char* kLink = kTypes[15];
constexpr const char* kReference = kTypes[16];
constexpr const char* kBlockQuote = kTypes[17];
constexpr const char* kFigure = kTypes[18];
constexpr const char* kHeadings[] = {kTypes[19], kTypes[20], kTypes[21], kTypes[22], kTypes[23], kTypes[24]};
static_assert(std::size(kTypes) <= 32);

const char* heading(int level) { return kHeadings[std::clamp(level, 1, 6) - 1]; }

bool inside(const TextItem& t, const LinkItem& l) {
    constexpr double slack = 0.5;
    // A text starting where the link ends (the full stop after it) is not in it.
    return t.x >= l.x - slack && t.x < l.x + l.w - slack && t.baseline >= l.y - slack && t.baseline <= l.y + l.h + slack;
}

std::string destination(const LinkItem& l) { return l.url.empty() ? "#" + l.target : l.url; }

// A rectangle in the layout's coordinates (top-left origin): left, top, right, bottom.
struct Extent {
    double l = 1e300, t = 1e300, r = -1e300, b = -1e300;
    void add(double x, double y, double w, double h) {
        l = std::min(l, x);
        t = std::min(t, y);
        r = std::max(r, x + w);
        b = std::max(b, y + h);
    }
};

// An element's parent, type and key among its siblings (a block, row, column or item number).
struct ChildKey {
    int parent;
    const char* type;
    long long key;
    friend bool operator==(const ChildKey&, const ChildKey&) = default;
    struct Hash {
        size_t operator()(const ChildKey& k) const noexcept {
            size_t h = std::hash<long long>()(k.key);
            h = h * 0x9E3779B97F4A7C15ULL ^ std::hash<const char*>()(k.type);
            return h * 0x9E3779B97F4A7C15ULL ^ static_cast<size_t>(k.parent);
        }
    };
};

// The element of each ChildKey, in one open-addressed table of keys packed into 8 bytes (12
// bytes a slot with its element, at most three quarters full): a hash map's node was 48 bytes
// and its bucket 8, for each of the 17.000 elements of a PDF ten times the example's size, held
// while the agenda-only PDF's tree is built beside the packet's (the build's peak). A key that
// does not pack (a parent past 2^24 - 2, a key past 2^34, which no real packet reaches) is kept
// in a hash map beside it, so the table answers the same for every key.
class ChildTable {
public:
    // Room for n keys without growing.
    void reserve(size_t n) {
        size_t capacity = 16;
        while (capacity * 3 < n * 4) capacity *= 2;
        if (capacity > keys_.size()) rehash(capacity);
    }

    // The element of k, or -1.
    int find(const ChildKey& k) const {
        const uint64_t packed = pack(k);
        if (packed == 0) {
            const auto it = others_.find(k);
            return it == others_.end() ? -1 : it->second;
        }
        if (keys_.empty()) return -1;
        for (size_t i = slot(packed);; i = (i + 1) & (keys_.size() - 1)) {
            if (keys_[i] == packed) return elements_[i];
            if (keys_[i] == 0) return -1;
        }
    }

    // Gives k (not in the table) element e.
    void insert(const ChildKey& k, int e) {
        const uint64_t packed = pack(k);
        if (packed == 0) {
            others_.emplace(k, e);
            return;
        }
        if ((count_ + 1) * 4 > keys_.size() * 3) rehash(keys_.empty() ? 16 : keys_.size() * 2);
        place(packed, e);
        ++count_;
    }

private:
    static constexpr int kParentBits = 24, kTypeBits = 5, kKeyBits = 35;

    // The key in 64 bits, never 0; 0 if it does not fit.
    static uint64_t pack(const ChildKey& k) {
        const long long bias = 1LL << (kKeyBits - 1);
        if (k.parent < 0 || k.parent >= (1 << kParentBits) - 1 || k.key < -bias || k.key >= bias) return 0;
        const auto base = reinterpret_cast<std::uintptr_t>(kTypes[0]), at = reinterpret_cast<std::uintptr_t>(k.type);
        if (at < base || at >= base + sizeof kTypes || (at - base) % kTypeSize != 0) return 0;
        return (static_cast<uint64_t>(k.parent) + 1) << (kTypeBits + kKeyBits) |
               static_cast<uint64_t>((at - base) / kTypeSize) << kKeyBits | static_cast<uint64_t>(k.key + bias);
    }

    // The top bits of the product: every bit of the key reaches them (the low bits of a product
    // depend only on the low bits of the key, which would leave out the parent and type).
    size_t slot(uint64_t packed) const { return static_cast<size_t>((packed * 0x9E3779B97F4A7C15ULL) >> shift_); }

    void place(uint64_t packed, int e) {
        size_t i = slot(packed);
        while (keys_[i] != 0) i = (i + 1) & (keys_.size() - 1);
        keys_[i] = packed;
        elements_[i] = e;
    }

    void rehash(size_t capacity) {
        shift_ = 64 - std::countr_zero(capacity);
        std::vector<uint64_t> keys(capacity, 0);
        std::vector<int> elements(capacity, -1);
        keys.swap(keys_);
        elements.swap(elements_);
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] != 0) place(keys[i], elements[i]);
    }

    std::vector<uint64_t> keys_;  // 0: an empty slot
    std::vector<int> elements_;
    size_t count_ = 0;
    int shift_ = 64;  // 64 - log2 of the capacity
    std::unordered_map<ChildKey, int, ChildKey::Hash> others_;  // the keys that do not pack
};

class Builder {
public:
    Builder(const LaidOutDocument& doc, const AgendaOnly* only, const StructureSizes* sized)
        : doc_(doc), only_(only), page_count_(only ? only->pages : doc.pages.size()) {
        if (sized) {
            tree_.elements.reserve(sized->elements);
            last_element_kid_.reserve(sized->elements);
            children_.reserve(sized->elements);
            kids_.reserve(sized->kids);
        }
        tree_.elements.push_back({type_index(kDocument), -1});
        last_element_kid_.push_back(-1);
        first_pages();
    }

    StructureTree run() {
        for (size_t p = 0; p < page_count_; ++p) page(static_cast<int>(p));
        // Held until the whole document is written: without the slack of its growth. The
        // lookup of children is dropped first, so it and both copies of the elements are
        // never held at once (the peak of a large meeting's build).
        children_ = ChildTable();
        tree_.elements.shrink_to_fit();
        decltype(last_element_kid_)().swap(last_element_kid_);
        gather_kids();
        return std::move(tree_);
    }

private:
    // The first page each block has content on, to tell a continuation from a start.
    void first_pages() {
        for (size_t p = 0; p < page_count_; ++p)
            for (int last = -1; const TextItem& t : doc_.pages[p].texts)
                if (t.origin.role != Role::Artifact && t.origin.block >= 0 && t.origin.block != last) {
                    const auto b = static_cast<size_t>(t.origin.block);
                    if (b >= first_page_.size()) first_page_.resize(b + 1, -1);
                    if (first_page_[b] < 0) first_page_[b] = static_cast<int>(p);
                    last = t.origin.block;
                }
    }

    // Gives element e a child after those it has.
    void add_kid(int e, StructKid kid) {
        kids_.push_back({e, kid});
        last_element_kid_[static_cast<size_t>(e)] = kid.kind == StructKid::Kind::Element ? kid.index : -1;
        ++tree_.elements[static_cast<size_t>(e)].kid_count;
    }

    // The children added in document order, element by element into one array (stable: each
    // element's in the order they were added).
    void gather_kids() {
        unsigned next = 0;
        for (StructElement& el : tree_.elements) {
            el.first_kid = next;
            next += el.kid_count;
        }
        tree_.all_kids.resize(next);
        std::vector<unsigned> filled(tree_.elements.size(), 0);
        for (const auto& [e, kid] : kids_) {
            const auto i = static_cast<size_t>(e);
            tree_.all_kids[tree_.elements[i].first_kid + filled[i]++] = kid;
        }
        decltype(kids_)().swap(kids_);
    }

    int child(int parent, const char* type, long long key) {
        const ChildKey k{parent, type, key};
        if (const int found = children_.find(k); found >= 0) return found;
        const int e = static_cast<int>(tree_.elements.size());
        tree_.elements.push_back({type_index(type), parent});
        last_element_kid_.push_back(-1);
        add_kid(parent, {StructKid::Kind::Element, e, -1});
        children_.insert(k, e);
        return e;
    }
    int fresh(int parent, const char* type) { return child(parent, type, --unique_); }

    // A heading that only repeats one on an earlier page ("Dagsorden (fortsat)"): the block after
    // it on the page started on an earlier page.
    bool continuation_heading(const Page& page, size_t i, int p) const {
        const int block = page.texts[i].origin.block;
        for (size_t j = i + 1; j < page.texts.size(); ++j) {
            const Origin& o = page.texts[j].origin;
            if (o.role == Role::Artifact || o.block == block) continue;
            const auto b = static_cast<size_t>(o.block);
            return o.block >= 0 && b < first_page_.size() && first_page_[b] >= 0 && first_page_[b] < p;
        }
        return false;
    }

    // Pagination repeated on a later page (a table's continued caption and header) is an artifact.
    bool artifact(const Page& page, size_t i, int p) {
        const TextItem& t = page.texts[i];
        const Origin& o = t.origin;
        switch (o.role) {
            case Role::Artifact: return true;
            case Role::TableCaption: {
                const auto [it, added] = caption_page_.try_emplace(o.block, p);
                return !added && it->second != p;
            }
            case Role::TableHeader: {
                const auto key = std::make_tuple(o.block, o.col, t.text.str());
                const auto [it, added] = header_page_.try_emplace(key, p);
                return !added && it->second != p;
            }
            case Role::Heading: return continuation_heading(page, i, p);
            default: return false;
        }
    }

    // The list element a list item's texts hang under: a nested list sits in the body of the
    // enclosing list's latest item.
    int list(const Origin& o) {
        const int depth = std::max(1, static_cast<int>(o.level));
        int parent = 0;
        if (depth > 1)
            if (const auto it = open_bodies_.find(depth - 1); it != open_bodies_.end()) parent = it->second;
        return child(parent, kL, o.parent);
    }
    int list_body(const Origin& o) {
        const int body = child(child(list(o), kLI, o.item), kLBody, 0);
        open_bodies_[std::max(1, static_cast<int>(o.level))] = body;
        return body;
    }
    // Where a block's own element goes: in a quote, or the document.
    int container(const Origin& o) { return o.parent >= 0 && o.item < 0 ? child(0, kBlockQuote, o.parent) : 0; }

    int table(const Origin& o) { return child(container(o), kTable, o.block); }

    // A figure's one element, where a paragraph in its place would go, with its Alt and the box
    // of what it draws on its first page.
    int figure(const Origin& o, int p) {
        const int parent = o.parent >= 0 && o.item >= 0 ? list_body(o) : container(o);
        const size_t before = tree_.elements.size();
        const int e = child(parent, kFigure, o.block);
        if (tree_.elements.size() == before) return e;
        FigureTag& tag = tree_.figures[e];
        for (const LaidOutDocument::FigureAlt& f : doc_.figures)
            if (f.block == o.block) tag.alt = f.alt;
        const Extent x = figure_extent(p, o.block);
        tag.bbox[0] = x.l;
        tag.bbox[1] = doc_.height_of(static_cast<size_t>(p)) - x.b;
        tag.bbox[2] = x.r;
        tag.bbox[3] = doc_.height_of(static_cast<size_t>(p)) - x.t;
        return e;
    }

    // What a figure draws on a page. A text's width is not known here: it counts from its start
    // and its size (a figure's texts stand inside what it draws, or its box grows a little).
    Extent figure_extent(int p, int block) const {
        const Page& page = doc_.pages[static_cast<size_t>(p)];
        Extent x;
        for (const BoxItem& b : page.boxes)
            if (b.origin.role == Role::Figure && b.origin.block == block) x.add(b.x, b.y, b.w, b.h);
        for (const ImageItem& i : page.images)
            if (i.origin.role == Role::Figure && i.origin.block == block) x.add(i.x, i.y, i.w, i.h);
        for (const PathItem& a : page.paths)
            if (a.origin.role == Role::Figure && a.origin.block == block)
                for (const PathPoint& pt : a.points) x.add(pt.x, pt.y, 0, 0);
        for (const TextItem& t : page.texts)
            if (t.origin.role == Role::Figure && t.origin.block == block) x.add(t.x, t.baseline - t.size, t.size, t.size * 1.25);
        if (x.l > x.r) x = Extent{0, 0, 0, 0};
        return x;
    }

    // The figures a page draws (boxes, images) by block, in reading order.
    static std::vector<int> drawn_figures(const Page& page) {
        std::vector<int> blocks;
        for (const BoxItem& b : page.boxes)
            if (b.origin.role == Role::Figure) blocks.push_back(b.origin.block);
        for (const ImageItem& i : page.images)
            if (i.origin.role == Role::Figure) blocks.push_back(i.origin.block);
        for (const PathItem& a : page.paths)
            if (a.origin.role == Role::Figure) blocks.push_back(a.origin.block);
        std::sort(blocks.begin(), blocks.end());
        blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
        return blocks;
    }

    // The origin of a figure's first drawn item on a page (where its element goes).
    static Origin figure_origin(const Page& page, int block) {
        for (const BoxItem& b : page.boxes)
            if (b.origin.role == Role::Figure && b.origin.block == block) return b.origin;
        for (const ImageItem& i : page.images)
            if (i.origin.role == Role::Figure && i.origin.block == block) return i.origin;
        for (const PathItem& a : page.paths)
            if (a.origin.role == Role::Figure && a.origin.block == block) return a.origin;
        return {};
    }

    // A figure's drawing on page p: one marked-content sequence of its own in the figure's element.
    void figure_drawing(int p, const Origin& o) {
        const int e = figure(o, p);
        add_kid(e, {StructKid::Kind::Content, static_cast<int>(owners_.size()), p});
        tree_.figure_mcid.back()[o.block] = static_cast<int>(owners_.size());
        owners_.push_back(e);
    }

    // The element a text's content belongs to (before links).
    int leaf(const Origin& o, int p) {
        switch (o.role) {
            case Role::Figure: return figure(o, p);
            case Role::Title: return fresh(0, kP);  // each front-page line is a paragraph of its own
            case Role::Heading: return child(container(o), heading(o.level), o.block);
            case Role::ListLabel: return child(child(list(o), kLI, o.item), kLbl, 0);
            case Role::ListBody: return list_body(o);
            // A confidential item's placeholder stands where the item's heading would be, and is
            // that heading in the HTML too.
            case Role::Placeholder: return child(container(o), heading(o.level > 0 ? o.level : 2), o.block);
            case Role::Paragraph:
            case Role::Code:
            case Role::Meta:
                if (o.parent >= 0 && o.item >= 0) return child(list_body(o), kP, o.block);
                return child(container(o), kP, o.block);
            case Role::TableCaption: return child(table(o), kCaption, 0);
            case Role::TableHeader: {
                const int th = child(child(child(table(o), kTHead, 0), kTR, 0), kTH, o.col);
                return th;
            }
            // A row's label is its header, as the HTML's <th scope="row">: a screen reader names
            // the row of a figure as well as its column.
            case Role::TableCell:
                return child(child(child(table(o), kTBody, 0), kTR, o.row), o.col == 0 ? kTH : kTD, o.col);
            case Role::TableNote: return child(container(o), kP, -1000000LL - o.block);
            // A TOCI holds a Reference (which holds the entry's Link), not a Link directly.
            case Role::AgendaEntry: return child(child(child(0, kTOC, o.block), kTOCI, o.item), kReference, 0);
            case Role::Attachment: return child(child(child(0, kL, o.block), kLI, o.item), kLBody, 0);
            case Role::Artifact: break;
        }
        return 0;
    }

    // The Link element for a text inside a link area: the previous one in the same element if it
    // goes to the same place (a link broken over two lines is one link).
    int link(int parent, int p, size_t li) {
        const LinkItem& l = links(p)[li];
        int& slot = tree_.link_element[static_cast<size_t>(p)][li];
        if (slot >= 0) return slot;
        int e = -1;
        if (const int last = last_element_kid_[static_cast<size_t>(parent)]; last >= 0) {
            if (tree_.elements[static_cast<size_t>(last)].type() == kLink && link_destination_[last] == destination(l)) e = last;
        }
        if (e < 0) {
            e = fresh(parent, kLink);
            link_destination_[e] = destination(l);
        }
        slot = e;
        return e;
    }

    void add_text(int e, std::string_view text) {
        std::string& s = tree_.link_text[e];
        if (!s.empty()) s += ' ';
        s += text;
    }

    // Page p's links, as the document being tagged has them.
    const std::vector<LinkItem>& links(int p) const {
        return only_ ? only_->links[static_cast<size_t>(p)] : doc_.pages[static_cast<size_t>(p)].links;
    }

    void page(int p) {
        const Page& page = doc_.pages[static_cast<size_t>(p)];
        const std::vector<LinkItem>& page_links = links(p);
        tree_.text_mcid.emplace_back(page.texts.size(), -1);
        owners_.clear();
        tree_.link_element.emplace_back(page_links.size(), -1);
        tree_.figure_mcid.emplace_back();
        // The figures drawn on the page take their place in reading order among the texts: by
        // block number, which counts blocks in reading order.
        const std::vector<int> figures = drawn_figures(page);
        size_t next_figure = 0;
        const auto figures_up_to = [&](int block) {
            for (; next_figure < figures.size() && figures[next_figure] <= block; ++next_figure)
                figure_drawing(p, figure_origin(page, figures[next_figure]));
        };
        int open = -1;  // the element of the marked content just written, to extend it
        for (size_t i = 0; i < page.texts.size(); ++i) {
            const TextItem& t = page.texts[i];
            if (t.text.empty()) continue;  // writes nothing
            if (only_ && only_->packet_only_text(static_cast<size_t>(p), i)) continue;  // not in this PDF
            if (artifact(page, i, p)) {
                open = -1;
                continue;
            }
            if (t.origin.block >= 0 && next_figure < figures.size() && figures[next_figure] <= t.origin.block) {
                figures_up_to(t.origin.block);
                open = -1;
                last_leaf_ = -1;
            }
            // A paragraph's or a cell's lines share one origin: its element is looked up once.
            if (t.origin.role == Role::Title || !(t.origin == last_origin_) || last_leaf_ < 0) {
                last_leaf_ = leaf(t.origin, p);
                last_origin_ = t.origin;
            }
            int e = last_leaf_;
            for (size_t li = 0; li < page_links.size(); ++li) {
                const LinkItem& l = page_links[li];
                if (l.origin.block == t.origin.block && l.origin.item == t.origin.item && inside(t, l)) {
                    e = link(e, p, li);
                    break;
                }
            }
            if (e != open) {
                add_kid(e, {StructKid::Kind::Content, static_cast<int>(owners_.size()), p});
                owners_.push_back(e);
                open = e;
            }
            tree_.text_mcid.back()[i] = static_cast<int>(owners_.size()) - 1;
            if (tree_.elements[static_cast<size_t>(e)].type() == kLink) add_text(e, t.text);
        }
        figures_up_to(std::numeric_limits<int>::max());
        // Every link annotation is in the tree: one with no text inside it gets a Link element of
        // its own, in the element of its block if it has one.
        for (size_t li = 0; li < page_links.size(); ++li) {
            int& slot = tree_.link_element.back()[li];
            if (slot < 0) {
                slot = fresh(0, kLink);
                add_text(slot, page_links[li].title.empty() ? destination(page_links[li]) : page_links[li].title);
            }
            add_kid(slot, {StructKid::Kind::Annotation, static_cast<int>(li), p});
        }
        tree_.mcid_element.emplace_back(owners_.begin(), owners_.end());
    }

    const LaidOutDocument& doc_;
    const AgendaOnly* only_;  // tagging the agenda-only PDF of the packet laid out in doc_
    size_t page_count_;
    StructureTree tree_;
    ChildTable children_;  // an element per key
    std::vector<std::pair<int, StructKid>> kids_;      // each child as added, with its element
    // Per element: its last child if that is an element (what a link looks at), else -1. An
    // int, not the child (12 bytes with std::optional's flag), for each element.
    std::vector<int> last_element_kid_;
    // The page's MCIDs' elements as they are added, copied into tree_.mcid_element at the page's
    // end at their count: one block a page, not one each time the page's vector would grow.
    std::vector<int> owners_;
    std::vector<int> first_page_;  // per block number (they are dense, in reading order): its first page, or -1
    std::map<int, int> caption_page_;
    std::map<std::tuple<int, int, std::string>, int> header_page_;
    std::map<int, int> open_bodies_;  // list depth -> the body of its latest item
    std::map<int, std::string> link_destination_;
    Origin last_origin_;  // the previous text's origin and element
    int last_leaf_ = -1;
    long long unique_ = -2000000;
};

// The text of an element's own marked content, from the page items it marks.
std::string own_text(const StructureTree& tree, const LaidOutDocument& doc, int e) {
    std::string out;
    for (const StructKid& k : tree.kids(static_cast<size_t>(e))) {
        if (k.kind != StructKid::Kind::Content) continue;
        const auto& texts = doc.pages[static_cast<size_t>(k.page)].texts;
        const auto& mcids = tree.text_mcid[static_cast<size_t>(k.page)];
        for (size_t i = 0; i < texts.size(); ++i)
            if (mcids[i] == k.index) out += (out.empty() ? "" : " ") + texts[i].text;
    }
    return out;
}

void dump_element(const StructureTree& tree, const LaidOutDocument& doc, int e, int depth, std::string& out) {
    const StructElement& el = tree.elements[static_cast<size_t>(e)];
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + std::string(el.type());
    if (const auto f = tree.figures.find(e); f != tree.figures.end()) out += " alt=\"" + f->second.alt + "\"";
    const auto kids = tree.kids(static_cast<size_t>(e));
    const bool leaf = std::none_of(kids.begin(), kids.end(), [](const StructKid& k) { return k.kind == StructKid::Kind::Element; });
    if (leaf && e != 0) out += " |" + own_text(tree, doc, e) + "|";
    out += '\n';
    for (const StructKid& k : kids)
        if (k.kind == StructKid::Kind::Element) dump_element(tree, doc, k.index, depth + 1, out);
}

}  // namespace

StructureTree build_structure(const LaidOutDocument& doc, bool agenda_only, const StructureSizes* sized) {
    return Builder(doc, agenda_only && doc.agenda_only ? &*doc.agenda_only : nullptr, sized).run();
}

std::string dump(const StructureTree& tree, const LaidOutDocument& doc) {
    std::string out;
    if (!tree.elements.empty()) dump_element(tree, doc, 0, 0, out);
    return out;
}

}  // namespace boardpack::render::pdf
