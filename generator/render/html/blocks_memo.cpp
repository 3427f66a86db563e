#include "render/html/blocks_memo.hpp"

namespace boardpack::render::html {

void BlocksHtmlMemo::append(const void* blocks, const std::string& changed_word, std::string& out,
                            const std::function<bool(std::string&)>& make) {
    bool made_here = false;
    const Markup& markup = markups_.get(
        {blocks, changed_word},
        [&] {
            Markup m;
            m.ok = make(m.html);
            return m;
        },
        &made_here);
    if (!made_here && !markup.ok) {
        make(out);
        return;
    }
    out += markup.html;
    (made_here ? made_ : copied_) += 1;
}

}  // namespace boardpack::render::html
