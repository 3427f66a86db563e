// The user's language for messages: GNU gettext (glibc's libintl) with the "boardpack" catalogue
// (po/da.po), and `{}` format strings, so a translation may put the parts in its own order.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

namespace boardpack {

// Chooses the message language from LC_ALL / LC_MESSAGES / LANG / LANGUAGE and binds the
// catalogue folder (<dir>/<lang>/LC_MESSAGES/boardpack.mo). Only LC_MESSAGES is taken from the
// environment: numbers, sorting and character classes stay in the C locale.
void init_messages(const std::string& locale_dir);
// The folder init_messages bound ("" before it is called): the PDF reader, a program of its
// own, binds the same.
const std::string& messages_locale_dir();

// The translation of a message (the message itself when there is none).
const char* tr(const char* message);
// The translation of a message that depends on a count ("1 problem" / "2 problems").
const char* tr_n(const char* singular, const char* plural, unsigned long n);

// The system's reason for an error number (strerror: "No space left on device", "File too
// large", "Permission denied", "Input/output error"), in the user's language where the C library
// has it (Debian's libc-l10n). Take errno into a variable at the call that failed, before
// anything else can change it.
std::string errno_text(int error);

// Fills a message's placeholders: "{}" takes the next argument, "{0}", "{1}" ... a given one
// (so a translation may reorder them); "{{" and "}}" are literal braces.
std::string format_message(std::string_view pattern, const std::string* args, size_t count);

namespace detail {
inline std::string as_text(std::string s) { return s; }
inline std::string as_text(const char* s) { return s; }
inline std::string as_text(std::string_view s) { return std::string(s); }
inline std::string as_text(char c) { return std::string(1, c); }
// (Written without C++20's `requires`: the files that include qpdf's headers are compiled as
// C++17, see CMakeLists.txt, and include this header too.)
template <class N, std::enable_if_t<std::is_arithmetic_v<N>, int> = 0>
std::string as_text(N n) {
    return std::to_string(n);
}
}  // namespace detail

// fmt(tr("the cell {} is empty"), name): a message with its placeholders filled.
template <class... Args>
std::string fmt(std::string_view pattern, const Args&... args) {
    const std::string texts[sizeof...(Args) + 1] = {detail::as_text(args)...};
    return format_message(pattern, texts, sizeof...(Args));
}

}  // namespace boardpack

// The marks xgettext looks for (po/CMakeLists.txt): _("...") translates, N_("...") only marks a
// message that is translated later, with tr().
#define _(message) ::boardpack::tr(message)
#define N_(message) message
