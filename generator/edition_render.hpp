// Renders a meeting's two editions and, when the build writes, puts their files into the
// staging folder: each edition's HTML page, its packet PDF, the agenda-only PDF beside a packet
// that merges PDF attachments, and a corrected version's rettelsesblad. Each of these is one
// piece of work (a task). They run one after the other, or, when the editions render at once,
// on two threads that take the largest first, so both cores stay busy to the end even when one
// edition is much larger than the other (a meeting of mostly confidential items).
#pragma once

#include <functional>
#include <string>

#include "build.hpp"
#include "core/diagnostics.hpp"
#include "model/document.hpp"
#include "publish/publisher.hpp"

namespace boardpack {

// How rendering an edition ended.
enum class EditionResult { Written, InputFailed, OutputFailed };

// One edition's rendering: what it reported, kept apart until the editions are merged.
struct EditionRun {
    Diagnostics diags;
    int pages = 0;    // of its packet PDF
    std::string why;  // what failed, for OutputFailed
    EditionResult result = EditionResult::Written;
};

// Renders both editions: their tasks at once on two threads when `together`, else edition by
// edition. Without a publisher (check), or when `clean` is false (the build has errors already),
// it only renders, to find every message a build would give. Each task reports into its own
// Diagnostics, merged into its edition's run in the order the tasks of one edition run one after
// the other (HTML, packet, agenda-only, rettelsesblad), so the messages and the files are the
// same either way. Rendered one after the other, an edition's errors stop its later files from
// being written, and a failed write of the first edition stops the second.
// `changes` are each edition's changes (nullptr for a first version); `before` is called before
// each edition when they render one after the other (to set that edition's marks). `release`,
// if given, is called once nothing of the rendering reads the meeting any more: when the editions
// render one after the other, as soon as the last one's packet is laid out (unless a rettelsesblad
// follows it), so that PDF is written without the meeting held; a laid-out packet holds all it
// prints. The caller may then free the meeting's items, and what the layout kept for later layouts.
void render_editions(const model::Meeting& meeting, const pipeline::RenderKit& kit, publish::Publisher* publisher,
                     bool clean, bool strict, bool together, EditionRun (&runs)[2],
                     const model::Changes* const (&changes)[2], const std::function<void(int)>& before,
                     const std::function<void()>& release = {});

}  // namespace boardpack
