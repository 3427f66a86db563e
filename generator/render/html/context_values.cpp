#include "render/html/context_values.hpp"

#include <algorithm>

namespace boardpack::render::html {

using Data = kainjow::mustache::data;

Data placeholders(size_t n) {
    Data list{Data::type::list};
    auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
    items.reserve(n);
    for (size_t i = 0; i < n; ++i) items.emplace_back(Data::type::bool_true);
    return list;
}

const Data* boolean(bool b) {
    static const Data yes{Data::type::bool_true}, no{Data::type::bool_false};
    return b ? &yes : &no;
}

bool entry_of(const Data& list, const Data* item, size_t* index) {
    const auto& items = list.list_value();
    if (items.empty() || item < items.data() || item >= items.data() + items.size()) return false;
    *index = static_cast<size_t>(item - items.data());
    return true;
}

const Data* follow_names(const Data* var, const std::string& name, size_t from, std::string& key) {
    while (var && from < name.size()) {
        const size_t dot = std::min(name.find('.', from), name.size());
        key.assign(name, from, dot - from);
        var = var->get(key);
        from = dot + 1;
    }
    return var;
}

}  // namespace boardpack::render::html
