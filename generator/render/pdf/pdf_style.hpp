// The PDF packet's typography: page, margins, sizes, spacing and colours, in points.
#pragma once

#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf::style {

inline constexpr double kPageWidth = 595.276;   // A4
inline constexpr double kPageHeight = 841.890;
inline constexpr double kMarginLeft = 68;
inline constexpr double kMarginRight = 62;
inline constexpr double kMarginTop = 62;
inline constexpr double kMarginBottom = 72;      // the footer sits below this
inline constexpr double kFooterBaseline = kPageHeight - 40;
inline constexpr double kContentWidth = kPageWidth - kMarginLeft - kMarginRight;
inline constexpr double kContentBottom = kPageHeight - kMarginBottom;

inline constexpr double kBodySize = 10.5;
inline constexpr double kBodyLeading = 14.5;
inline constexpr double kParagraphGap = 6;
inline constexpr double kListIndent = 16;
inline constexpr double kListItemGap = 2;

inline constexpr double kSectionSize = 12;
inline constexpr double kSectionGapBefore = 14;
inline constexpr double kSectionGapAfter = 4;
inline constexpr double kSubheadingSize = 11;
inline constexpr double kCodeSize = 9;  // DejaVu Sans Mono is wide: 9 pt sets as much as the body

inline constexpr double kItemNumberSize = 11;
inline constexpr double kItemTitleSize = 16;
inline constexpr double kItemTitleLeading = 20;
inline constexpr double kMetaSize = 9.5;

inline constexpr double kTableSize = 9;
inline constexpr double kTableMinSize = 6.5;
inline constexpr double kTablePadX = 4;
inline constexpr double kTablePadY = 2.5;
inline constexpr double kSmallSize = 8.5;  // table source and notes
inline constexpr double kFooterSize = 8;

inline constexpr Color kText{0.10, 0.10, 0.10};
inline constexpr Color kMuted{0.35, 0.35, 0.35};
inline constexpr Color kAccent{0.0, 0.263, 0.431};
inline constexpr Color kRule{0.75, 0.75, 0.75};
inline constexpr Color kGood{0.118, 0.420, 0.188};
inline constexpr Color kBad{0.631, 0.149, 0.133};
inline constexpr Color kTableStripe{0.945, 0.953, 0.961};

}  // namespace boardpack::render::pdf::style
