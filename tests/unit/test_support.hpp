// Helpers shared by the unit tests.
#pragma once

#include <string>

#include "core/diagnostics.hpp"
#include "core/text_file.hpp"

namespace boardpack::test {

// All diagnostics as the CLI prints them.
inline std::string messages(const Diagnostics& d) {
    std::string out;
    for (const Diagnostic& x : d.all()) out += format_diagnostic(x);
    return out;
}

// A validated text file from a string; fails the test if it is not valid.
inline TextFile text_file(const std::string& name, const std::string& content) {
    Diagnostics d;
    auto f = make_text_file(name, name, content, d);
    if (!f) throw std::runtime_error("invalid test file: " + messages(d));
    return *f;
}

}  // namespace boardpack::test
