#!/usr/bin/env python3
"""Peak memory of a large meeting: the example ten times over (tests/bench/bench.py's x10,
generated here) must build within LIMIT_MIB of peak RSS (issue 10: the PDF writer held every
structure element as libharu objects and text, and every page's content in 4 KiB blocks, until
saved: 35 MiB before, about 29 after). Not run in the sanitizer build (its memory is its own).

usage: memory.py BOARDPACK
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
import bench  # noqa: E402  (its generator of scaled meetings)

LIMIT_MIB = 31.0


def main():
    boardpack = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        meeting = os.path.join(work, "x10")
        bench.scaled_example(meeting, 10)
        rss = os.path.join(work, "rss")
        # /usr/bin/time measures the build alone (a child of this Python would count from its size).
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss, boardpack, "build", meeting, "--out", work + "/o"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if p.returncode != 0:
            sys.exit("build failed:\n" + p.stderr.decode("utf-8", "replace"))
        mib = int(open(rss).read().split()[-1]) / 1024
        print(f"x10 peak RSS {mib:.1f} MiB (limit {LIMIT_MIB} MiB)")
        if mib > LIMIT_MIB:
            sys.exit(f"FAIL: x10 peak RSS {mib:.1f} MiB > {LIMIT_MIB} MiB")


if __name__ == "__main__":
    main()
