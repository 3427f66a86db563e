// The PDF packet's typography: page, margins, sizes, spacing and colours, in points.
#pragma once

#include <cstddef>

#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf::style {

inline constexpr double kPageWidth = 595.276;   // A4
inline constexpr double kPageHeight = 841.890;
inline constexpr double kMarginLeft = 68;
inline constexpr double kMarginRight = 62;
inline constexpr double kMarginTop = 62;
inline constexpr double kMarginBottom = 72;      // the footer sits below this
inline constexpr double kFooterFromBottom = 40;  // the footer's baseline, above the page's bottom edge
inline constexpr double kFooterBaseline = kPageHeight - kFooterFromBottom;
inline constexpr double kContentWidth = kPageWidth - kMarginLeft - kMarginRight;
inline constexpr double kContentBottom = kPageHeight - kMarginBottom;

// Line heights as a multiple of the size, where a style gives none of its own.
inline constexpr double kHeadingLeading = 1.3;
inline constexpr double kCellLeading = 1.25;  // table cells are set tighter

// Running text is 11 pt on a measure of 75-80 characters of Danish text (Carlito), as in the
// source documents; a line of 100 and more is hard to follow back to the next line's start.
// Tables, code and the front page use the content's full width.
inline constexpr double kBodySize = 11;
inline constexpr double kBodyLeading = 15.5;
inline constexpr double kTextMeasure = 365;
inline constexpr double kParagraphGap = 6;
inline constexpr double kListIndent = 16;
inline constexpr double kListItemGap = 2;
inline constexpr double kMaxNestIndent = 10 * kListIndent;  // nested lists and quotes indent no further

inline constexpr double kSectionSize = 12.5;
inline constexpr double kSectionGapBefore = 14;
inline constexpr double kSectionGapAfter = 4;
inline constexpr double kSubheadingSize = 11.5;  // above the body size, so ## stands apart from ###
inline constexpr double kSubheadingGapBefore = 6;  // above a heading inside the text
inline constexpr double kSubheadingGapAfter = 2;
inline constexpr double kListMarkerGap = 6;  // between a list's widest number and its text
inline constexpr double kCodeIndent = 8;
inline constexpr double kBlockRuleRoom = 8;  // a thematic break wants this much room below it
inline constexpr double kBlockRuleGap = 4;   // above and below it
inline constexpr double kBlockRuleThickness = 0.5;
// Footnotes' notes stand below a short rule, as a page's footnotes do (the HTML's 8rem).
inline constexpr double kNoteRuleWidth = 96;
inline constexpr double kTableGap = 4;  // above and below a table
inline constexpr double kCodeSize = 9;  // DejaVu Sans Mono is wide: 9 pt sets as much as the body

inline constexpr double kItemNumberSize = 11;
inline constexpr double kItemTitleSize = 16;
inline constexpr double kItemTitleLeading = 20;
inline constexpr double kMetaSize = 9.5;

inline constexpr double kTableSize = 9;
inline constexpr double kCaptionSize = kTableSize + 0.5;
inline constexpr double kCaptionLeading = kCaptionSize * kHeadingLeading;
inline constexpr double kCaptionGap = 3;       // between the caption and the table, the table and its notes
inline constexpr size_t kTableKeepRows = 3;    // body rows kept with the caption and header
inline constexpr size_t kTableEndRows = 2;     // body rows (spacers aside) together on a table's last page
inline constexpr size_t kTableWholeRows = 8;   // a table of this many body rows or fewer is not split
inline constexpr size_t kTableGroupTail = 8;   // body rows of a table's last groups kept together (see Flow::table)
inline constexpr double kMaxRepeatedHeader = 1.0 / 3;  // of the page; a taller header is not repeated
inline constexpr double kHeaderRule = 0.8;     // under the header
inline constexpr double kRowRule = 0.3;        // under each row
inline constexpr double kTotalRule = 0.6;      // above a total
inline constexpr double kTableSizeStep = 0.5;  // sizes tried from kTableSize down to kTableMinSize
inline constexpr double kTableTightPadX = 1;   // cell padding at the smallest size
inline constexpr double kWrapColumnShare = 0.45;  // a text column wider than this share wraps first
inline constexpr double kSpacerRow = 0.5;      // an empty row's height, in lines
inline constexpr double kTableMinSize = 6.5;
// Below kTableMinSize a table goes only so that its numbers stay whole (a number split over
// lines, "-" / "152.100.00" / "0", reads as other figures), down to this.
inline constexpr double kTableFloorSize = 4.5;
// A table an upright page would set smaller than this (many columns, long words) gets a landscape
// page, with what is kept with it (its anchor, a heading just before it), where it is set larger;
// the text after it goes on on an upright page. Half a point smaller is not worth two page breaks.
inline constexpr double kTableTurnBelow = kTableSize - 1;
// Text leading into a landscape table from the top of an upright page (the page before was
// full: "Tabel 2 nedenfor viser ...") goes onto the table's page with it when it is no taller
// than this share of that page's body, rather than standing alone on a nearly empty page.
inline constexpr double kLandscapeLeadShare = 1.0 / 3;
// What a landscape page adds to the content's width.
inline constexpr double kTurnedExtraWidth = kPageHeight - kPageWidth;
inline constexpr double kTablePadX = 4;
inline constexpr double kTablePadY = 2.5;
inline constexpr double kSmallSize = 8.5;  // table source and notes
inline constexpr double kSmallLeading = kSmallSize * kHeadingLeading;
inline constexpr double kFooterSize = 8;
inline constexpr double kFooterRuleAbove = 12;  // the footer's rule, above its baseline
inline constexpr double kFooterRule = 0.4;
inline constexpr double kFooterGap = 12;        // between the footer's text and "Side N af M"
// A footer too long for its line is set smaller down to this size, then on two lines (a probe's
// long organisation and body names set it at 4,2 pt, too small to read); the second line's
// baseline this far below the first's, in the footer's size.
inline constexpr double kFooterMinSize = 6.5;
inline constexpr double kFooterLineGap = 1.2;
// The closed edition's mark at the top of every page, in the top margin, with a rule under it.
inline constexpr double kClosedMarkBaseline = 34;
inline constexpr double kClosedMarkSize = 9;
inline constexpr double kClosedMarkRuleBelow = 5;  // the rule's top, below the baseline
inline constexpr double kClosedMarkRule = 0.8;

// Page breaks.
inline constexpr size_t kMinLinesAtBreak = 2;  // a paragraph's lines on each side of a break

// Struck text and link areas, as fractions of the text size.
inline constexpr double kStrikeRise = 0.3;
inline constexpr double kStrikeThickness = 0.06;
inline constexpr double kLinkAbove = 0.85;
inline constexpr double kLinkHeight = 1.15;

// The front page.
inline constexpr double kOrganisationSize = 13, kOrganisationLeading = 17;
inline constexpr double kTitleSize = 30, kTitleLeading = 36;
inline constexpr double kMeetingLineSize = 14, kMeetingLineLeading = 19;
inline constexpr double kWhenWhereSize = 11, kWhenWhereLeading = 15;
inline constexpr double kEditionLeading = 14;
inline constexpr double kFrontRule = 1.2;
inline constexpr double kAgendaHeadingSize = 14, kAgendaHeadingLeading = 19;
// The gaps below each front-page line, top to bottom.
inline constexpr double kAfterOrganisation = 10;
inline constexpr double kAfterTitle = 4;
inline constexpr double kAfterMeetingLine = 8;
inline constexpr double kAfterWhenWhere = 6;
inline constexpr double kAfterEdition = 8;
inline constexpr double kAfterFrontRule = 12;
inline constexpr double kAfterAgendaHeading = 4;
inline constexpr double kAgendaLeading = 13.5;
inline constexpr double kAgendaEntryGap = 3.5;
// Between the entries of an agenda whose last page would otherwise hold fewer than
// kAgendaMinLastEntries entries, when that ends it a page sooner.
inline constexpr double kAgendaEntryGapTight = 1;
inline constexpr size_t kAgendaMinLastEntries = 3;
inline constexpr double kAgendaEntryRoom = 5;   // below an entry, for it to start on a page
inline constexpr double kAgendaNumberColumn = 78;  // "18 (Offentlig)"
inline constexpr double kAgendaPageColumn = 34;    // right-aligned page number

// An item's first page, and its attachments.
inline constexpr double kItemNumberLeading = 15;
inline constexpr double kItemRule = 0.6;
inline constexpr double kAfterItemNumber = 2;
inline constexpr double kAfterItemTitle = 6;
inline constexpr double kAfterMeta = 6;
inline constexpr double kAfterItemRule = 4;
inline constexpr double kAfterAttachmentTitle = 4;
inline constexpr double kAroundAttachmentRule = 6;  // above and below the rule under an attachment's heading
inline constexpr double kMetaLeading = 13;
inline constexpr double kMetaLabelColumn = 78;
inline constexpr double kAttachmentIndent = 18;
inline constexpr double kAttachmentTitleSize = 14, kAttachmentTitleLeading = 18;
inline constexpr double kPlaceholderGap = 18;   // above a confidential item's placeholder
inline constexpr double kPlaceholderRoom = 20;

inline constexpr Color kText{0.10, 0.10, 0.10};
inline constexpr Color kMuted{0.35, 0.35, 0.35};
inline constexpr Color kAccent{0.0, 0.263, 0.431};
inline constexpr Color kRule{0.75, 0.75, 0.75};
// The rule beside a quote ("> ..."), in its indentation, as the HTML's border: so a quote reads
// as one, not as text indented for another reason.
inline constexpr double kQuoteRuleWidth = 2;
inline constexpr double kQuoteRuleInset = 3;  // from the quote's left edge
inline constexpr Color kGood{0.118, 0.420, 0.188};
inline constexpr Color kBad{0.631, 0.149, 0.133};
inline constexpr Color kTableStripe{0.945, 0.953, 0.961};

}  // namespace boardpack::render::pdf::style
