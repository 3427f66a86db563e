#include "core/diagnostics.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <tuple>

namespace boardpack {

void Diagnostics::error(SourceLoc loc, std::string message, std::string source_line) {
    add({Severity::Error, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string source_line) {
    add({Severity::Warning, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::note(SourceLoc loc, std::string message, std::string source_line) {
    add({Severity::Note, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::follow_on(size_t root, const SourceLoc& loc) {
    if (root >= all_.size()) return;  // not a kept message: nothing to count it under
    FollowOns& f = follow_ons_by_root_[root];
    if (f.count++ == 0) f.first = loc;
    last_follow_on_root_ = root;
    ++follow_ons_;
}

void Diagnostics::saw_file(const std::string& name) { file_rank_.emplace(name, file_rank_.size()); }

std::optional<size_t> Diagnostics::root_since(size_t since, int follow_ons_before) const {
    for (size_t i = since; i < all_.size(); ++i)
        if (all_[i].severity == Severity::Error) return i;
    if (follow_ons_ > follow_ons_before) return last_follow_on_root_;
    return std::nullopt;
}

namespace {

// The kind of a message: its file, severity and wording with quoted text and numbers left out,
// so '"2.5" is not a Danish number' and '"3.7" is not a Danish number' are one kind.
std::string kind_of(const Diagnostic& d) {
    std::string key = d.loc.file;
    key += '\0';
    key += d.severity == Severity::Error ? 'E' : d.severity == Severity::Warning ? 'W' : 'N';
    bool quoted = false;
    for (const char c : d.message) {
        if (c == '"') {
            quoted = !quoted;
            key += '"';
        } else if (!quoted && !(c >= '0' && c <= '9') && c != '.') {
            key += c;
        }
    }
    return key;
}

// 19876 -> "19.876", the way the packet writes whole numbers.
std::string grouped(int n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ".");
    return digits;
}

std::string base_name(const std::string& file) {
    const size_t slash = file.find_last_of('/');
    return slash == std::string::npos ? file : file.substr(slash + 1);
}

}  // namespace

void Diagnostics::add(Diagnostic d) {
    if (warnings_are_errors_ && d.severity == Severity::Warning) d.severity = Severity::Error;
    if (d.severity == Severity::Error) ++errors_;
    if (d.severity == Severity::Note) ++notes_;
    ++total_;
    KindCount& kind = kinds_[kind_of(d)];
    if (++kind.seen > kMaxMessagesOfOneKind) return;  // counted, not kept
    kind.last_kept = all_.size();
    all_.push_back(std::move(d));
}

std::vector<Diagnostic> Diagnostics::all() const {
    // Where a summary goes: after the last kept message of its kind.
    std::map<size_t, int> more_after;
    for (const auto& [key, kind] : kinds_)
        if (kind.seen > kMaxMessagesOfOneKind) more_after[kind.last_kept] = kind.seen - kMaxMessagesOfOneKind;

    // Each kept message with the lines that belong under it, in file order. A file no reader
    // announced is placed after the announced ones, in the order its first message came.
    std::map<std::string, size_t> rank = file_rank_;
    for (const Diagnostic& d : all_)
        if (!d.loc.file.empty()) rank.emplace(d.loc.file, rank.size());
    std::vector<size_t> order(all_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](size_t i) {
        const SourceLoc& l = all_[i].loc;
        const size_t r = l.file.empty() ? 0 : rank.at(l.file) + 1;
        return std::make_tuple(r, l.line, l.column);
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });

    std::vector<Diagnostic> out;
    out.reserve(all_.size() + more_after.size() + follow_ons_by_root_.size());
    for (const size_t i : order) {
        out.push_back(all_[i]);
        if (const auto f = follow_ons_by_root_.find(i); f != follow_ons_by_root_.end()) {
            const SourceLoc& at = f->second.first;
            out.push_back({Severity::Note, all_[i].loc,
                           fmt(tr_n("{} more problem follows from this error (the first at {}:{}:{}); they are not shown and go away with it",
                                    "{} more problems follow from this error (the first at {}:{}:{}); they are not shown and go away with it",
                                    static_cast<unsigned long>(f->second.count)),
                               f->second.count, at.file, at.line, at.column),
                           {}});
        }
        const auto more = more_after.find(i);
        if (more == more_after.end()) continue;
        const Diagnostic& last = all_[i];
        out.push_back({last.severity, {last.loc.file, 0, 0},
                       fmt(tr_n("\xE2\x80\xA6 and {} more like this in {} (only the first {} are shown)",
                                "\xE2\x80\xA6 and {} more like this in {} (only the first {} are shown)",
                                static_cast<unsigned long>(more->second)),
                           grouped(more->second), base_name(last.loc.file), kMaxMessagesOfOneKind),
                       {}});
    }
    return out;
}

std::string format_diagnostic(const Diagnostic& d, bool color) {
    // Input reaches messages in file names and echoed text: characters that would reorder or
    // hide the terminal line ("Trojan Source") are shown escaped, wherever they come from.
    std::string out = escape_for_messages(d.loc.file.str());
    if (d.loc.line > 0) {
        out += ':' + std::to_string(d.loc.line);
        if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
    }
    if (!out.empty()) out = (color ? "\x1b[1m" + out + ":\x1b[0m" : out + ":") + " ";
    const char* kind = d.severity == Severity::Error ? _("error:") : d.severity == Severity::Warning ? _("warning:") : _("note:");
    const char* hue = d.severity == Severity::Error ? "\x1b[1;31m" : d.severity == Severity::Warning ? "\x1b[1;35m" : "\x1b[1;36m";
    out += color ? std::string(hue) + kind + "\x1b[0m " : std::string(kind) + " ";
    out += escape_for_messages(d.message);
    out += '\n';
    if (!d.source_line.empty() && d.loc.column > 0) {
        // Show the line (cut to a readable width around the column) and a caret under the column.
        const std::string shown = printable_excerpt(d.source_line, d.loc.column, 100);
        const int caret_col = excerpt_column(d.source_line, d.loc.column, 100);
        out += "  " + shown + '\n';
        out += "  " + std::string(static_cast<size_t>(caret_col - 1), ' ') + "^\n";
    }
    return out;
}

}  // namespace boardpack
