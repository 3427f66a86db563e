#include "render/chart/two_decimals.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace boardpack::render::chart {

namespace {

// v * 100 is exact in a long double of 64 bits of mantissa (53 + 7 bits), so rounding it once
// is printf's rounding of the exact binary value. Where long double is narrower, or the value
// too large for an integer, printf itself is asked.
constexpr bool kExactScaling = std::numeric_limits<long double>::digits >= 60;
constexpr double kLargest = 1e15;  // |v| * 100 well inside an int64_t

void append_with_printf(double v, std::string& out) {
    char buf[400];  // "%.2f" of the largest double is some 310 characters
    const int n = std::snprintf(buf, sizeof buf, "%.2f", v);
    if (n > 0) out.append(buf, static_cast<size_t>(n));
}

}  // namespace

void append_two_decimals(double v, std::string& out) {
    if (!kExactScaling || !(std::fabs(v) < kLargest)) {  // NaN and infinities too
        append_with_printf(v, out);
        return;
    }
    // rint rounds in the current rounding mode, as printf does: to nearest, a tie to even. (It is
    // nearbyint but for the inexact flag, which nothing reads; glibc's nearbyintl saves and
    // restores the whole x87 environment for it, some 1 % of a build's time in charts.)
    const long double scaled = std::rint(static_cast<long double>(std::fabs(v)) * 100);
    auto hundredths = static_cast<uint64_t>(scaled);
    char digits[24];
    char* end = digits + sizeof digits;
    char* at = end;
    *--at = static_cast<char>('0' + hundredths % 10);
    hundredths /= 10;
    *--at = static_cast<char>('0' + hundredths % 10);
    hundredths /= 10;
    *--at = '.';
    do {
        *--at = static_cast<char>('0' + hundredths % 10);
        hundredths /= 10;
    } while (hundredths > 0);
    if (std::signbit(v)) *--at = '-';
    out.append(at, static_cast<size_t>(end - at));
}

}  // namespace boardpack::render::chart
