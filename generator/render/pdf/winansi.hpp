// Kept only so that line_breaker.cpp's include still finds next_code_point: the PDF's text is
// no longer Windows-1252 (its fonts are Type0 fonts addressed by glyph), see code_points.hpp.
#pragma once

#include "render/pdf/code_points.hpp"
