// Which words a line must not part: a number and its unit or month ("34,4 mio. kr.",
// "23. juni 2023", "kl. 10"), so a reader never meets "mio. ⏎ kr." or "juni ⏎ 2023".
#pragma once

#include <string_view>

namespace boardpack::render::pdf {

// True if the space between the words `before` and `after` must not break a line.
bool joins(std::string_view before, std::string_view after);

}  // namespace boardpack::render::pdf
