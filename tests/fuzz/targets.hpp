// Fuzz entry points, shared by the libFuzzer targets and the unit test that replays the inputs
// kept in tests/fuzz/regressions/ (one folder per target).
#pragma once

#include <cstddef>
#include <cstdint>

#include "render/wording.hpp"

namespace boardpack::fuzz {

// The wording the targets build with: templates/wording.txt itself.
const render::Wording& wording();

// Bytes as a CSV file: read, and every cell typed as a table cell.
void csv(const uint8_t* data, size_t size);
// Bytes as meeting.txt, and as an item.md with its header.
void metadata(const uint8_t* data, size_t size);
// Bytes as the Markdown body of an item with tables: built by the pipeline (loaded, computed,
// prepared, rendered as HTML and laid out as PDF pages).
void markdown(const uint8_t* data, size_t size);
// Bytes as one formula: parsed and evaluated against a small table holding extreme numbers,
// then used as a row formula, a column formula, a beregning value and a figure in a meeting.
void formula(const uint8_t* data, size_t size);
// Bytes as "CSV %% tabel-block lines %% beregning-block lines %% text" (parts split at lines
// "%%"): a table with its række/kolonne formulas over the CSV, a beregning block and the text
// quoting them, computed and laid out.
void calculation(const uint8_t* data, size_t size);
// Bytes as an item's PDF attachment (bilag: ... | b.pdf): checked and cleaned with qpdf, laid
// out; a file that passes must pass again once cleaned, with the same page count.
void pdf(const uint8_t* data, size_t size);
// Bytes as a picture file: checked as the input checks it, and, when the check lets it through,
// loaded by libharu, which must not stop the program (it aborts on libpng's errors).
void image(const uint8_t* data, size_t size);

// The PDF reader's answer as boardpack reads it (attach/reader_answer): whatever the bytes, it is
// refused or read whole, and an answer read whole is written back to the same bytes.
void answer(const uint8_t* data, size_t size);

}  // namespace boardpack::fuzz
