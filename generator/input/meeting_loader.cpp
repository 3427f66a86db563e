#include "input/meeting_loader.hpp"

#include <map>

#include "core/text.hpp"
#include "core/text_file.hpp"
#include "input/item_reader.hpp"
#include "input/key_values.hpp"

namespace boardpack::input {

namespace {

const std::vector<KeySpec> kMeetingKeys = {
    {"organisation", true, false}, {"organ", true, false}, {"titel", false, false},
    {"dato", true, false},         {"tidspunkt", true, false}, {"sted", true, false},
    {"punkt", true, true},
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::optional<model::Date> parse_iso_date(const std::string& text) {
    const std::string t(trim(text));
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    model::Date d{std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), std::stoi(t.substr(8, 2))};
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
    const int max_day = days[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
    if (d.day > max_day) return std::nullopt;
    return d;
}

std::optional<model::Meeting> load_meeting(const InputFiles& files, const std::string& meeting_id,
                                           Diagnostics& diags) {
    const int errors_before = diags.error_count();
    auto file = load_text_file(files, "meeting.txt", diags);
    if (!file) return std::nullopt;
    const auto keys = parse_key_values(*file, 1, static_cast<int>(file->lines.size()) + 1, diags);
    check_keys(keys, kMeetingKeys, file->loc(1), "meeting.txt", diags);

    model::Meeting meeting;
    meeting.id = meeting_id;
    std::vector<const KeyValue*> item_keys;
    for (const KeyValue& kv : keys) {
        if (kv.key == "organisation") meeting.organisation = kv.value;
        else if (kv.key == "organ") meeting.body = kv.value;
        else if (kv.key == "titel") meeting.title = kv.value;
        else if (kv.key == "tidspunkt") meeting.time = kv.value;
        else if (kv.key == "sted") meeting.place = kv.value;
        else if (kv.key == "punkt") item_keys.push_back(&kv);
        else if (kv.key == "dato" && !kv.value.empty()) {
            if (auto d = parse_iso_date(kv.value)) meeting.date = *d;
            else diags.error(kv.value_loc, "the date must be written YYYY-MM-DD, e.g. 2023-09-14, and exist; found " +
                                                quote_text(kv.value), kv.line);
        }
    }

    std::map<int, SourceLoc> numbers;  // item number -> where it was first given
    std::map<std::string, SourceLoc> folders;
    for (const KeyValue* kv : item_keys) {
        if (kv->value.empty()) continue;
        std::string folder = kv->value;
        while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
        if (auto why = unsafe_path_reason(folder)) {
            diags.error(kv->value_loc, "cannot use the item folder " + quote_text(folder) + ": " + *why, kv->line);
            continue;
        }
        if (folders.count(folder)) {
            diags.error(kv->value_loc, "the item folder " + quote_text(folder) + " is listed twice", kv->line);
            continue;
        }
        folders[folder] = kv->value_loc;
        if (!files.is_directory(folder)) {
            diags.error(kv->value_loc,
                        "there is no item folder " + quote_text(folder) + " (" + files.display(folder) + ")", kv->line);
            continue;
        }
        if (!count_for_meeting(files.totals, &ReadTotals::items, 1, kMaxMeetingItems, "agenda items", kv->value_loc, diags))
            break;
        auto item = read_item(files, folder, kv->value_loc, diags);
        if (!item) continue;
        if (auto it = numbers.find(item->number); it != numbers.end()) {
            diags.error(item->loc, "item number " + std::to_string(item->number) + " is used twice: also in " +
                                       it->second.file + ":" + std::to_string(it->second.line));
            continue;
        }
        numbers[item->number] = item->loc;
        meeting.items.push_back(std::move(*item));
    }
    if (diags.error_count() > errors_before) return std::nullopt;
    return meeting;
}

}  // namespace boardpack::input
