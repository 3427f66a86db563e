// What the template contexts (page_context, table_context, html_writer's DataContext) share:
// kainjow values they give out that stand for something by their place or are plain true or
// false, and the way kainjow follows a dotted name ({{w.bilag}}) from a value found.
#pragma once

#include <kainjow/mustache.hpp>

#include <cstddef>
#include <string>

namespace boardpack::render::html {

// A list of `n` entries that stand for something by their place (their value is never shown:
// an entry is a true value, and prints nothing as {{.}}).
kainjow::mustache::data placeholders(size_t n);

// kainjow's true or false. Inline, as entry_of: the contexts ask for them at nearly every
// lookup and section (a call into another file cost more than the work).
inline const kainjow::mustache::data* boolean(bool b) {
    using Data = kainjow::mustache::data;
    static const Data yes{Data::type::bool_true}, no{Data::type::bool_false};
    return b ? &yes : &no;
}

// Whether `item` is an entry of `list` (a list a context gave out), and which.
inline bool entry_of(const kainjow::mustache::data& list, const kainjow::mustache::data* item, size_t* index) {
    const auto& items = list.list_value();
    if (items.empty() || item < items.data() || item >= items.data() + items.size()) return false;
    *index = static_cast<size_t>(item - items.data());
    return true;
}

// From `var`, the value the names of `name` after position `from` lead to, between its dots as
// kainjow's split() reads them (a last empty one, "a.", is no name); nullptr where one is missing.
// `key` is scratch room for each name.
const kainjow::mustache::data* follow_names(const kainjow::mustache::data* var, const std::string& name, size_t from,
                                            std::string& key);

}  // namespace boardpack::render::html
