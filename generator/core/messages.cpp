#include "core/messages.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <cstring>

namespace boardpack {

namespace {

constexpr const char* kDomain = "boardpack";

// The first of LC_ALL, LC_MESSAGES and LANG that is set, as setlocale reads them.
const char* wanted_locale() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return nullptr;
}

std::string& bound_dir() {
    static std::string dir;
    return dir;
}

}  // namespace

const std::string& messages_locale_dir() { return bound_dir(); }

void init_messages(const std::string& locale_dir) {
    bound_dir() = locale_dir;
    if (!std::setlocale(LC_MESSAGES, "")) {
        // The locale named (da_DK.UTF-8) is not generated on this machine (a fresh Debian has
        // only C.UTF-8). gettext needs only the language to find the catalogue: take it from
        // C.UTF-8 with LANGUAGE, which gettext honours in any locale but plain "C".
        std::setlocale(LC_MESSAGES, "C.UTF-8");
        const char* language = std::getenv("LANGUAGE");
        if (const char* want = wanted_locale(); want && !(language && *language)) setenv("LANGUAGE", want, 1);
    }
    bindtextdomain(kDomain, locale_dir.c_str());
    // Messages are printed as UTF-8 whatever LC_CTYPE says, as file names and input text are.
    bind_textdomain_codeset(kDomain, "UTF-8");
    // So are the C library's own (strerror's "Ikke mere plads på enheden"), which LC_CTYPE's C
    // character set would print as "p?".
    bind_textdomain_codeset("libc", "UTF-8");
    textdomain(kDomain);
}

const char* tr(const char* message) { return dgettext(kDomain, message); }

const char* tr_n(const char* singular, const char* plural, unsigned long n) {
    return dngettext(kDomain, singular, plural, n);
}

std::string errno_text(int error) { return std::strerror(error); }

std::string format_message(std::string_view pattern, const std::string* args, size_t count) {
    std::string out;
    out.reserve(pattern.size() + 16 * count);
    size_t next = 0;
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            size_t j = i + 1, index = 0;
            bool numbered = false;
            while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9') {
                index = index * 10 + static_cast<size_t>(pattern[j++] - '0');
                numbered = true;
            }
            if (j < pattern.size() && pattern[j] == '}') {
                if (!numbered) index = next++;
                // A translation naming an argument that is not there shows the placeholder, not
                // garbage: the message stays readable and the catalogue test finds the slip.
                out += index < count ? args[index] : std::string(pattern.substr(i, j - i + 1));
                i = j;
                continue;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace boardpack
