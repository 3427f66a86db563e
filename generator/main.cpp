// boardpack: arguments in, exit code out.
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "attach/pdf_attachment.hpp"
#include "build.hpp"
#include "core/malloc_tuning.hpp"
#include "core/messages.hpp"
#include "install_paths.hpp"
#include "scaffold/new_meeting.hpp"

namespace fs = std::filesystem;
using boardpack::fmt;

namespace {

// Translated where printed (po/da.po); N_ marks them for xgettext.
const char* const kUsage = N_(
    "usage: boardpack build [MEETING_DIR...] [--out DIR] [--strict] [--quiet] [--color=WHEN] [-j N]\n"
    "       boardpack check [MEETING_DIR...] [--strict] [--quiet] [--color=WHEN] [-j N]\n"
    "       boardpack diff [MEETING_DIR...] [--out DIR]\n"
    "       boardpack new MEETING_DIR\n"
    "       boardpack new-item MEETING_DIR NAME [--titel TITLE]\n"
    "       boardpack --help | --version\n");

const char* const kHelp = N_(
    "boardpack builds the meeting packets of a board: for each meeting folder, a public edition\n"
    "(offentlig/) in which confidential items show only as \"N (Fortrolig)\", and a closed edition\n"
    "(lukket/, readable by owner and group only) with everything; each edition is an HTML page\n"
    "and a PDF named after it: dagsorden-offentlig.html/.pdf, dagsorden-lukket.html/.pdf.\n"
    "\n"
    "commands:\n"
    "  build [MEETING_DIR...]  build each meeting into OUT/<meeting>/, named after the meeting\n"
    "                          folder; with no meeting, every meeting folder under inputs/.\n"
    "                          OUT/<meeting> is a link into OUT/.boardpack/, replaced in one step;\n"
    "                          only a packet boardpack wrote is ever replaced\n"
    "  check [MEETING_DIR...]  check the input and list every problem; writes nothing\n"
    "  diff [MEETING_DIR...]   list what a build would change against the packet published in\n"
    "                          OUT/<meeting>: each edition's version, figures, texts; writes nothing\n"
    "  new MEETING_DIR         start a meeting: meeting.txt with every field explained, the\n"
    "                          repeated ones taken from the newest meeting beside it\n"
    "  new-item MEETING_DIR NAME\n"
    "                          add an item: NAME/item.md with the header and every section,\n"
    "                          numbered after the last item, and its \"punkt:\" line\n"
    "\n"
    "options:\n"
    "  --out DIR        where packets are written (default: output); not inside, or holding,\n"
    "                   a meeting folder\n"
    "  --strict         treat warnings (e.g. a published total that differs) as errors\n"
    "  -q, --quiet      print only what must be fixed: no summary line, no notes\n"
    "  -j, --jobs N     build up to N meetings at once (default: one per core); the packets\n"
    "                   and the order of the messages are the same as one at a time\n"
    "  --color=WHEN     colour the messages: auto (on a terminal, unless NO_COLOR is set),\n"
    "                   always or never\n"
    "  --templates DIR  the templates folder (default: share/boardpack/templates beside an\n"
    "                   installed boardpack, else the checkout it was built from)\n"
    "  --fonts DIR      the folder with the Carlito fonts (default: {})\n"
    "  --help           show this help\n"
    "  --version        show the version\n"
    "\n"
    "exit status: 0 success, 1 errors in the input, 2 wrong usage, 3 the output could not be written\n");

// "new MEETING_DIR" and "new-item MEETING_DIR NAME [--titel TITLE]" (and --templates DIR).
int scaffold(const std::vector<std::string>& args, fs::path templates) {
    std::vector<std::string> positional;
    std::string title;
    for (size_t i = 1; i < args.size(); ++i) {
        if ((args[i] == "--titel" || args[i] == "--templates") && i + 1 < args.size()) {
            if (args[i] == "--titel") title = args[i + 1];
            else templates = args[i + 1];
            ++i;
        } else if (!args[i].empty() && args[i][0] == '-') {
            std::cerr << fmt(_("boardpack: unknown option \"{}\"\n"), args[i]) << _(kUsage);
            return boardpack::kExitUsage;
        } else {
            positional.push_back(args[i]);
        }
    }
    const bool item = args[0] == "new-item";
    if (positional.size() != (item ? 2u : 1u) || (!item && !title.empty())) {
        std::cerr << _(kUsage);
        return boardpack::kExitUsage;
    }
    if (item) return boardpack::scaffold::new_item(positional[0], positional[1], title, templates, std::cout, std::cerr);
    return boardpack::scaffold::new_meeting(positional[0], templates, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    (void)boardpack::tune_malloc();
    // A file size limit (ulimit -f) makes a write that passes it fail, "File too large", named as
    // any write that fails (a full disk), instead of killing boardpack halfway through a file.
    ::signal(SIGXFSZ, SIG_IGN);
    boardpack::init_messages(boardpack::default_locale_dir().string());
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << _(kUsage);
        return boardpack::kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << _(kUsage) << "\n" << fmt(_(kHelp), BOARDPACK_FONT_DIR);
        return boardpack::kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "boardpack " BOARDPACK_VERSION "\n";
        return boardpack::kExitOk;
    }
    boardpack::attach::set_qpdf_reader_paths(boardpack::qpdf_reader_paths());
    boardpack::BuildOptions options;
    options.templates = boardpack::default_templates_dir();
    if (args[0] == "new" || args[0] == "new-item") return scaffold(args, options.templates);
    const bool diff = args[0] == "diff";
    if (args[0] == "check" || diff) options.check_only = true;
    else if (args[0] != "build") {
        std::cerr << fmt(_("boardpack: unknown command \"{}\"\n"), args[0]) << _(kUsage);
        return boardpack::kExitUsage;
    }
    std::string color = "auto";
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> const std::string* {
            if (i + 1 >= args.size()) {
                std::cerr << fmt(_("boardpack: {} needs a value\n"), name) << _(kUsage);
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--out") {
            const std::string* v = value("--out");
            if (!v) return boardpack::kExitUsage;
            options.output = *v;
        } else if (a == "--templates") {
            const std::string* v = value("--templates");
            if (!v) return boardpack::kExitUsage;
            options.templates = *v;
        } else if (a == "--fonts") {
            const std::string* v = value("--fonts");
            if (!v) return boardpack::kExitUsage;
            options.fonts = *v;
        } else if (a == "--strict") {
            options.strict = true;
        } else if (a == "--quiet" || a == "-q") {
            options.quiet = true;
        } else if (a == "-j" || a == "--jobs" || (a.rfind("-j", 0) == 0 && a.size() > 2 && a[2] != '-') ||
                   a.rfind("--jobs=", 0) == 0) {
            std::string n;
            if (a == "-j" || a == "--jobs") {
                const std::string* v = value(a.c_str());
                if (!v) return boardpack::kExitUsage;
                n = *v;
            } else {
                n = a.rfind("--jobs=", 0) == 0 ? a.substr(7) : a.substr(2);
            }
            if (n.empty() || n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1) {
                std::cerr << fmt(_("boardpack: -j takes a number of meetings from 1 up, not \"{}\"\n"), n) << _(kUsage);
                return boardpack::kExitUsage;
            }
            options.jobs = static_cast<unsigned>(std::stoi(n));
        } else if (a == "--color" || a.rfind("--color=", 0) == 0) {
            color = a == "--color" ? "always" : a.substr(8);
            if (color != "auto" && color != "always" && color != "never") {
                std::cerr << fmt(_("boardpack: --color takes auto, always or never, not \"{}\"\n"), color) << _(kUsage);
                return boardpack::kExitUsage;
            }
        } else if (a == "--help" || a == "-h") {
            std::cout << _(kUsage) << "\n" << fmt(_(kHelp), BOARDPACK_FONT_DIR);
            return boardpack::kExitOk;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << fmt(_("boardpack: unknown option \"{}\"\n"), a) << _(kUsage);
            return boardpack::kExitUsage;
        } else {
            options.meetings.emplace_back(a);
        }
    }
    // NO_COLOR (no-color.org) turns "auto" off; an explicit --color=always still colours.
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    options.color = color == "always" ||
                    (color == "auto" && isatty(STDERR_FILENO) && !(no_color && *no_color) &&
                     !(term && std::string(term) == "dumb"));
    for (fs::path& m : options.meetings) {
        std::error_code ec;
        // A meeting is usually named as it appears under inputs/ ("2023-10-bestyrelsen").
        if (!fs::is_directory(m, ec) && m.is_relative() && fs::is_directory("inputs" / m, ec)) m = "inputs" / m;
        if (!fs::is_directory(m, ec)) {
            std::cerr << (m.is_relative() ? fmt(_("boardpack: {0}: no such meeting folder (looked for {0} and {1} from {2})\n"),
                                                m.string(), (fs::path("inputs") / m).string(), fs::current_path(ec).string())
                                          : fmt(_("boardpack: {0}: no such meeting folder (looked for {0} from {1})\n"),
                                                m.string(), fs::current_path(ec).string()));
            return boardpack::kExitInputError;
        }
        if (!fs::exists(m / "meeting.txt", ec)) {
            std::cerr << fmt(_("boardpack: {}: error: no meeting.txt in this folder\n"), (m / "meeting.txt").string());
            return boardpack::kExitInputError;
        }
    }
    if (options.meetings.empty()) {
        options.meetings = boardpack::find_meetings("inputs");
        if (options.meetings.empty()) {
            std::cerr << _("boardpack: no meeting given and no meeting folder (with a meeting.txt) under inputs/\n");
            return boardpack::kExitInputError;
        }
    }
    if (diff) return boardpack::run_diff(options, std::cout, std::cerr);
    return boardpack::run_build(options, std::cout, std::cerr);
}
