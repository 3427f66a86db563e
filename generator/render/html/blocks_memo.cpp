#include "render/html/blocks_memo.hpp"

namespace boardpack::render::html {

SharedHtml make_html(const std::function<bool(std::string&)>& make, bool* ok) {
    auto html = std::make_shared<kainjow::mustache::data>(kainjow::mustache::data::type::string);
    // kainjow gives its string out as const only; the value is not shared yet.
    const bool made = make(const_cast<std::string&>(html->string_value()));
    if (ok) *ok = made;
    return html;
}

SharedHtml BlocksHtmlMemo::markup(const void* blocks, const std::string& changed_word,
                                  const std::function<bool(std::string&)>& make) {
    bool made_here = false;
    const Markup& markup = markups_.get(
        {blocks, changed_word},
        [&] {
            Markup m;
            m.html = make_html(make, &m.ok);
            return m;
        },
        &made_here);
    if (!made_here && !markup.ok) return make_html(make);
    (made_here ? made_ : shared_) += 1;
    return markup.html;
}

}  // namespace boardpack::render::html
