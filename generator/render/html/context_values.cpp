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
