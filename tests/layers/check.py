#!/usr/bin/env python3
"""Checks that the generator's layers point one way (README, "How it is built"):
core < numbers < model < input, calc < render; publish stands apart. A file may include only
its own layer and those below it, and a renderer only reads the model (no `model::Meeting&`
that is not const in generator/render/).

    python3 tests/layers/check.py SOURCE_DIR
"""
import pathlib
import re
import sys

# What each folder of generator/ may include.
ALLOWED = {
    "core": {"core"},
    "numbers": {"core", "numbers"},
    "model": {"core", "numbers", "model"},
    "input": {"core", "numbers", "model", "input", "attach"},
    "calc": {"core", "numbers", "model", "calc"},
    "render": {"core", "numbers", "model", "calc", "render", "attach"},
    # PDF attachments (qpdf): reading, checking, cleaning and merging them; below input and render.
    "attach": {"core", "attach"},
    "publish": {"core", "publish"},
    # The versions of an edition: its snapshot and the comparison with the previous one.
    "versions": {"core", "numbers", "model", "versions"},
    # "new" and "new-item" stand beside the driver: they write files as publish does.
    "scaffold": {"core", "publish", "scaffold"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')
MUTABLE_MEETING = re.compile(r"(?<!const )model::Meeting\s*&")


def main() -> int:
    root = pathlib.Path(sys.argv[1]) / "generator"
    problems = []
    for path in sorted(root.rglob("*.[ch]pp")):
        rel = path.relative_to(root)
        if len(rel.parts) < 2:
            continue  # main.cpp and build.*: the driver sees every layer
        layer = rel.parts[0]
        if layer not in ALLOWED:
            problems.append(f"generator/{rel}: the folder {layer}/ has no place in the layers (tests/layers/check.py)")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if m and m.group(1) not in ALLOWED[layer]:
                problems.append(f"generator/{rel}:{number}: error: {layer}/ includes {m.group(1)}/; it may include only {', '.join(sorted(ALLOWED[layer]))}")
            if layer == "render" and MUTABLE_MEETING.search(line):
                problems.append(f"generator/{rel}:{number}: error: a renderer changes the model (renderers only read it)")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"layers: {sum(1 for _ in root.rglob('*.[ch]pp'))} files, every include points down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
