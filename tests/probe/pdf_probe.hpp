// A PDF as qpdf reads it, for the unit tests' checks of what the writer wrote.
//
// qpdf 11.3's headers do not compile as C++20 with clang 14 (see the top CMakeLists.txt), and the
// sanitizer build is clang's: so the tests ask this C++17 file, whose header names no qpdf type.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace boardpack::test {

// Objects are named by paths of dot-separated steps from "trailer", "root" (the catalog) or
// "page<N>" (the N-th page, from 0): a step is a dictionary key without its slash, or an array
// index. "root.Outlines.First.Title", "page0.Annots.1.Dest.0".
class PdfProbe {
public:
    explicit PdfProbe(const std::string& path);
    ~PdfProbe();
    PdfProbe(const PdfProbe&) = delete;
    PdfProbe& operator=(const PdfProbe&) = delete;

    int pages() const;
    bool has(const std::string& path) const;  // every step of the path is there
    // A string as UTF-8, a name with its slash, a number as written, anything else as qpdf
    // unparses it ("[ 0 0 595 842 ]"). Throws std::runtime_error for a path that is not there.
    std::string text(const std::string& path) const;
    std::string raw_string(const std::string& path) const;  // a string's bytes, as they are
    long long integer(const std::string& path) const;
    int items(const std::string& path) const;  // an array's number of items
    std::vector<std::string> keys(const std::string& path) const;  // a dictionary's, with slashes
    // "12 0": the indirect object the path leads to ("0 0" for a direct one), to compare.
    std::string ref(const std::string& path) const;
    std::string kind(const std::string& path) const;  // "stream", "dictionary", "array", ...
    // Each page's content streams, decoded.
    std::vector<std::vector<std::string>> page_streams() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace boardpack::test
