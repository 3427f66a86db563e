#!/usr/bin/env python3
"""Speed and memory of a build, measured (run by hand, never as a timed test).

Builds the example meeting and generated meetings made of it at ten and a hundred times its
size, several times each, and prints for each its median wall time, its peak memory (max RSS)
and, with callgrind, its instruction count, a figure that repeats on the same machine within
about 1 % whatever else it is doing (the threads' timing decides who does a few pieces of work:
which thread cleans an attachment, how often one waits for another); --no-instructions skips
it; callgrind of the largest takes minutes.

x10 is the example's 24 items copied 10 times (240 items, renumbered; the example's PDF
attachments, merged into the packet, only in the first copy, listed in the others, as
they are most of the example's input bytes). Copies alike are laid out once (a build keeps
the lines it has broken, for the public items the second edition lays out again), so "x10,
paragraphs its own" is x10 with words of its own at the end of every paragraph of each
copy: the memory and work of a real meeting of that size. A hundred times the
example is beyond the input limits (README, "Limits": 500 items, 4 MiB of input; longer text
in fewer items hits the 4 MiB too), so the largest scale is x20: 20 copies, 480 items. The
limit cases below go further in pages (all limits at once: some 9.000 pages).

Then it builds one generated meeting at each documented input limit (README, "Limits") and
one just over some of them, and prints each one's time, peak memory and PASS or FAIL against
the target: built or refused, as expected, within 10 s and 512 MiB. --limits-only skips the
first part; --no-limits skips this one; the exit status is 1 if any limit case fails.

The wall and CPU times are of boardpack started directly, as a shell starts it; the peak memory
is taken from up to five more builds of each, run under /usr/bin/time, whose own start (some
3 ms on the development machine) is then not counted in the times. Beside the median wall time
it prints the median CPU time (user + system, the PDF reader's included) of the builds: a
build publishes durably (fsync), so its wall time also holds the disk's wait, which on a shared
machine varies far more than the work. --out DIR writes the packets under DIR instead of the
system's temporary folder (e.g. a tmpfs, /dev/shm, where fsync costs nothing) to see the wall
time without the disk.

Last (issue 15, point 5) it rebuilds an archive of 100 copies of the example, each its own
meeting folder, into one output, once one meeting at a time (-j1) and once on every core (-j N,
the default), prints both wall times and the speed-up, and checks that the two outputs hold the
same files byte for byte. --no-archive skips it.

usage: bench.py BOARDPACK [--runs N] [--no-instructions] [--limits-only] [--no-limits] [--no-archive] [--out DIR]
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


EXAMPLE = os.path.join(ROOT, "inputs", "2023-09-bestyrelsen")


def longer_markdown(text, times):
    """The Markdown with the body after its header: every paragraph (blank-line separated block
    of plain text) repeated `times` times; headings, lists, tables and code blocks as they are."""
    head, sep, body = text.partition("\n---\n") if text.startswith("---") else ("", "", text)
    blocks, out = body.split("\n\n"), []
    for b in blocks:
        plain = b.strip() and not b.lstrip().startswith(("#", "-", "*", "|", "```", "{", "1.")) and "```" not in b
        out.extend([b] * (times if plain else 1))
    return head + sep + "\n\n".join(out)


def own_words(text, copy):
    """The Markdown with every paragraph of plain text (as longer_markdown finds them) ending in
    words of its copy's own, so no two copies of a paragraph are alike."""
    head, sep, body = text.partition("\n---\n") if text.startswith("---") else ("", "", text)
    out = []
    for b in body.split("\n\n"):
        plain = b.strip() and not b.lstrip().startswith(("#", "-", "*", "|", "```", "{", "1.")) and "```" not in b
        out.append(b.rstrip() + f" (kopi {copy + 1})" if plain else b)
    return head + sep + "\n\n".join(out)


def scaled_example(folder, copies, longer=1, distinct=False):
    """The example's items copied `copies` times into one meeting, renumbered, each copy's
    Markdown `longer` times as long; with `distinct`, each copy's paragraphs its own (own_words):
    copies alike let a build lay each paragraph out once (its line memo), which a real meeting
    of that size does not."""
    meeting = open(os.path.join(EXAMPLE, "meeting.txt"), encoding="utf-8").read().splitlines()
    head = [line for line in meeting if not line.startswith("punkt:")]
    items = [line.split(":", 1)[1].strip() for line in meeting if line.startswith("punkt:")]
    # Table and calculation names are one namespace per meeting: each copy gets its own.
    names = sorted({m for name in items for f in os.listdir(os.path.join(EXAMPLE, name)) if f.endswith(".md")
                    for m in re.findall(r"^navn: *(\S+)", open(os.path.join(EXAMPLE, name, f), encoding="utf-8").read(), re.M)},
                   key=len, reverse=True)
    alternatives = "|".join(map(re.escape, names))
    # A name where it is declared ("navn: x"), indexed ("x[...]") or numbered ("nummer(x)").
    rename = re.compile(r"(?<=navn: )(" + alternatives + r")$|(?<![\w-])(" + alternatives + r")(?=\[)|(?<=\()("
                        + alternatives + r")(?=\))", re.M) if names else None
    os.makedirs(folder)
    lines = list(head)
    for k in range(copies):
        for name in items:
            new = f"{k:02d}-{name}"
            shutil.copytree(os.path.join(EXAMPLE, name), os.path.join(folder, new))
            lines.append(f"punkt: {new}")
            for f in os.listdir(os.path.join(folder, new)):
                if f.endswith(".pdf") and k > 0:
                    os.remove(os.path.join(folder, new, f))  # merged once: see the bilag: lines below
                    continue
                if not f.endswith(".md"):
                    continue
                path = os.path.join(folder, new, f)
                text = open(path, encoding="utf-8").read()
                if rename and k > 0:
                    text = rename.sub(lambda m: f"{m.group(0)}-k{k}", text)
                if f == "item.md":
                    text = re.sub(r"^nummer: (\d+)$", lambda m: f"nummer: {k * 100 + int(m.group(1))}", text, 1, re.M)
                    if k > 0:  # the example's PDF attachments are merged in its first copy only (4 MiB)
                        text = re.sub(r"^(bilag:[^|\n]*\|[^|\n]*?)\s*\|[^|\n]*\.pdf[^\n]*$", r"\1", text, flags=re.M)
                if distinct:
                    text = own_words(text, k)
                open(path, "w", encoding="utf-8").write(longer_markdown(text, longer) if longer > 1 else text)
    open(os.path.join(folder, "meeting.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


def instructions(boardpack, meeting):
    """The build's instructions: boardpack's and those of the PDF reader it starts for each PDF
    attachment (boardpack-qpdf, a process of its own), added up."""
    with tempfile.TemporaryDirectory() as out:
        p = subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes", f"--callgrind-out-file={out}/cg.%p",
                            boardpack, "build", meeting, "--out", out + "/o"], capture_output=True, text=True)
        counts = [int(line.split()[-1]) for line in p.stderr.splitlines() if "Collected" in line]
        return sum(counts) if counts else None


def measure(boardpack, meeting, runs):
    """Median wall time, median CPU time, the largest peak RSS (MiB) and the build's summary line
    over `runs` builds. The times are of boardpack started directly, as a shell starts it; the
    peak memory is taken from other builds of the same meeting, run under /usr/bin/time (see
    run_once), whose own start would otherwise be counted in the wall time (some 3 ms here).
    Each timed build writes a packet of its own, all removed after the last: removed after each,
    they made the next build slower (README, "Performance": on a file system that avoids reusing
    inodes just freed, every file a build makes looks past the ones the benchmark removed)."""
    times, cpus, rss, summary = [], [], 0.0, ""
    with tempfile.TemporaryDirectory(dir=OUT_BASE) as outs:
        for k in range(runs):
            seconds, cpu, rc, err, out = run_timed(boardpack, meeting, os.path.join(outs, str(k)))
            if rc != 0:
                sys.exit("build failed:\n" + err)
            times.append(seconds)
            cpus.append(cpu)
            summary = out.strip()
    for _ in range(min(runs, 5)):
        _, mib, rc, err = run_once(boardpack, meeting)
        if rc != 0:
            sys.exit("build failed:\n" + err)
        rss = max(rss, mib)
    return statistics.median(times), statistics.median(cpus), rss, summary


def pages(summary):
    found = re.findall(r"(\d+) pages", summary)
    return sum(int(n) for n in found)


def bench_scales(boardpack, work, runs, count_instructions):
    print(f"{'meeting':<28} {'pages':>6} {'instructions':>15}        {'median wall':>12} {'median CPU':>11} {'peak RSS':>10}")
    example_instructions = None
    for name, copies, distinct in (("example (24 items)", 0, False), ("x10 (240 items)", 10, False),
                                   ("x10, paragraphs its own", 10, True), ("x20 (480 items; see above)", 20, False)):
        meeting = EXAMPLE
        if copies:
            meeting = os.path.join(work, f"x{copies}{'-own' if distinct else ''}")
            scaled_example(meeting, copies, distinct=distinct)
        t, cpu, rss, summary = measure(boardpack, meeting, runs)
        n = instructions(boardpack, meeting) if count_instructions and shutil.which("valgrind") else None
        example_instructions = example_instructions or n
        ratio = f" ({n / example_instructions:.1f}x)" if n and copies else ""
        print(f"{name:<28} {pages(summary):>6} {(f'{n / 1e6:,.0f} M' if n else '-'):>15}{ratio:<8} {t * 1000:>9.0f} ms "
              f"{cpu * 1000:>8.0f} ms {rss:>6.1f} MiB")


LIMIT_SECONDS, LIMIT_MIB = 10.0, 512.0
KIB, MIB = 1024, 1024 * 1024
HEADER = "---\nnummer: {n}\nstatus: Offentlig\ntitel: Punkt {n}\nsagsbehandler: S\nsagsnummer: EMN-2024-{n:05d}\n{extra}---\n\n# Resumé\n\nTekst.\n\n"


def limit_meeting(folder, items):
    """A meeting of `items`, each (item.md body after the header, {file name: content}, bilag lines)."""
    os.makedirs(folder)
    lines = ["organisation: B", "organ: Bestyrelsen", "dato: 2024-06-06", "tidspunkt: kl. 10", "sted: Her"]
    for n, (body, files, bilag) in enumerate(items, 1):
        d = os.path.join(folder, f"{n:03d}-p")
        os.makedirs(d)
        lines.append(f"punkt: {n:03d}-p")
        open(os.path.join(d, "item.md"), "w", encoding="utf-8").write(HEADER.format(n=n, extra=bilag) + body)
        for name, content in files.items():
            open(os.path.join(d, name), "w", encoding="utf-8", newline="").write(content)
    open(os.path.join(folder, "meeting.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


def csv_table(rows, cols):
    danish = lambda v: f"{v:,}".replace(",", ".")
    head = ";".join(["Post"] + [f"Kolonne {c}" for c in range(1, cols)])
    return "\r\n".join([head] + [";".join([f"Post {r}"] + [danish(r * 1000 + c) for c in range(1, cols)])
                                 for r in range(1, rows + 1)]) + "\r\n"


def table_item(rows, cols, name="t.csv"):
    return (f"```tabel\nfil: {name}\ntitel: T\n```\n", {name: csv_table(rows, cols)}, "")


def attachment_item(*texts):
    bilag = "".join(f"bilag: Bilag {k} | {1000000 + k} | b{k}.md\n" for k in range(len(texts)))
    return ("", {f"b{k}.md": t for k, t in enumerate(texts)}, bilag)


def paragraphs(size, line=64 * KIB - 1):
    """Markdown of about `size` bytes in paragraphs of one line of `line` bytes (Danish words)."""
    words = "Regionerne folger udviklingen i ventetiderne taet sammen med de faglige miljoer. "  # ASCII: 1 byte each
    para = (words * (line // len(words) + 1))[:line].rstrip() + "\n\n"
    return "# Bilag\n\n" + para * max(1, (size - 20) // len(para.encode()))


# (what, expect built?, a function making the meeting's items). Each is at one limit (or just
# over it) and within the others. Made one at a time, so the generator's memory stays small.
def limit_cases():
    parts_items = 200_000 // 3 - 10  # a list item is three parts: item, paragraph, text
    return [
        ("CSV 2.000 rows x 20 columns (40.000 cells)", True, lambda: [table_item(2000, 20)]),
        ("CSV 1.333 rows x 30 columns (39.990 cells)", True, lambda: [table_item(1333, 30)]),
        ("40.000 cells in 20 tables of 200 x 10", True, lambda: [table_item(200, 10) for _ in range(20)]),
        ("a file of 2 MiB, lines of 64 KiB", True, lambda: [attachment_item(paragraphs(2 * MIB - 4 * KIB))]),
        ("4 MiB in a meeting (2 x 2 MiB)", True,
         lambda: [attachment_item(paragraphs(2 * MIB - 8 * KIB)), attachment_item(paragraphs(2 * MIB - 8 * KIB))]),
        ("200.000 Markdown parts: list items", True, lambda: [attachment_item("# Bilag\n\n" + "- a\n" * parts_items)]),
        ("200.000 Markdown parts: emphasis", True,
         lambda: [attachment_item("# Bilag\n\n" + ("*a* " * 5000 + "\n\n") * (parts_items // 5000))]),
        ("2 MiB code block, 64 KiB lines of one word", True,  # PDF line breaking of long words: issue 8
         lambda: [attachment_item("# Bilag\n\n```\n" + ("x" * (64 * KIB - 1) + "\n") * 31 + "```\n")]),
        ("formulas of 499 parts, 2 MiB of them", True,
         lambda: [attachment_item("# Bilag\n\n" + ("{" + "1 + " * 249 + "1} " + "\n\n") * (2 * MIB // 1010))]),
        ("formulas 64 levels deep, 2 MiB of them", True,
         lambda: [attachment_item("# Bilag\n\n" + (("{" + "(" * 64 + "1" + ")" * 64 + "} ") * 400 + "\n\n") * (2 * MIB // 135 // 400))]),
        ("500 agenda items", True, lambda: [("", {}, "")] * 500),
        ("2.000 attachments, each a file", True, lambda: [attachment_item(*["# Bilag\n\nTekst.\n"] * 100)] * 20),
        ("all meeting limits at once", True,
         lambda: [table_item(2000, 20), attachment_item("# Bilag\n\n" + "- a\n" * (parts_items - 6000)),
                  attachment_item(paragraphs(MIB + 600 * KIB)), attachment_item(paragraphs(MIB + 600 * KIB))]
                 + [attachment_item(*["# Bilag\n\nTekst.\n"] * 100)] * 19 + [("", {}, "")] * 477),
        ("CSV 1.333 x 30 of English numbers (messages)", False,
         lambda: [("```tabel\nfil: e.csv\ntitel: T\n```\n",
                   {"e.csv": "Post" + ";K" * 29 + "\r\n" + "".join(f"P{r}" + f";{r}.5" * 29 + "\r\n" for r in range(1333))}, "")]),
        ("over: CSV 2.001 rows", False, lambda: [table_item(2001, 10)]),
        ("over: 40.002 cells in three tables", False, lambda: [table_item(2000, 10), table_item(2000, 10), table_item(1, 2)]),
        ("over: CSV 10.000 x 200 (the old limit)", False, lambda: [table_item(10000, 200)]),
        ("over: 250.000 list items (1 MiB)", False, lambda: [attachment_item("# Bilag\n\n" + "- a\n" * 250_000)]),
        ("over: 2 MiB of emphasis", False, lambda: [attachment_item("# Bilag\n\n" + ("*a* " * 10000 + "\n\n") * 52)]),
        ("over: 501 agenda items", False, lambda: [("", {}, "")] * 501),
        ("over: 6 MiB in a meeting", False, lambda: [attachment_item(paragraphs(2 * MIB - 8 * KIB)) for _ in range(3)]),
    ]


def run_once(boardpack, meeting):
    """Wall time, peak RSS (MiB), exit status and stderr of one build. The peak is measured by
    /usr/bin/time: a child forked from this (larger) Python process would start its count from
    Python's own size."""
    with tempfile.TemporaryDirectory(dir=OUT_BASE) as out:
        rss_file = os.path.join(out, "rss")
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, boardpack, "build", meeting, "--out", out + "/o"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - t0
        kib = open(rss_file).read().split()[-1]
        return seconds, int(kib) / 1024, p.returncode, p.stderr.decode("utf-8", "replace")


def run_timed(boardpack, meeting, folder):
    """Wall time, CPU time (user + system, its PDF reader's included: boardpack waits for it),
    exit status, stderr and stdout of one build, started directly, writing its packet and its
    output under `folder` (left there). Its output goes to files, read after it ended: the times
    are of the build alone."""
    os.makedirs(folder)
    with open(os.path.join(folder, "stdout"), "w+b") as so, open(os.path.join(folder, "stderr"), "w+b") as se:
        t0 = time.perf_counter()
        p = subprocess.Popen([boardpack, "build", meeting, "--out", folder + "/o"], stdout=so, stderr=se)
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, for its rusage
        so.seek(0)
        se.seek(0)
        return (seconds, usage.ru_utime + usage.ru_stime, p.returncode, se.read().decode("utf-8", "replace"),
                so.read().decode("utf-8", "replace"))


def bench_limits(boardpack, work):
    print(f"\n{'at each input limit':<44} {'time':>8} {'peak RSS':>10}  result (target: {LIMIT_SECONDS:.0f} s, {LIMIT_MIB:.0f} MiB)")
    failed = 0
    for n, (what, built, items) in enumerate(limit_cases()):
        folder = os.path.join(work, f"limit-{n}")
        limit_meeting(folder, items())
        seconds, mib, rc, err = run_once(boardpack, folder)
        shutil.rmtree(folder)
        as_expected = rc == (0 if built else 1)
        good = as_expected and seconds <= LIMIT_SECONDS and mib <= LIMIT_MIB
        failed += 0 if good else 1
        outcome = "built" if rc == 0 else f"refused (exit {rc})"
        first = next((line for line in err.splitlines() if ": error: " in line), "")
        print(f"{what:<44} {seconds:>6.2f} s {mib:>6.0f} MiB  {'PASS' if good else 'FAIL'} {outcome}"
              + ("" if as_expected else " (not as expected)"))
        if first and not built:
            print(f"{'':<44} {first.split(': error: ', 1)[1][:110]}")
    return failed


ARCHIVE_COPIES = 100


def packet_files(out):
    """Every file a reader gets (the meetings' packets, through their links, and the archive
    page), by path relative to `out`, with its bytes; boardpack's own working folder is left out."""
    files = {}
    for top in sorted(os.listdir(out)):
        if top.startswith("."):
            continue
        path = os.path.join(out, top)
        if os.path.isfile(path):
            files[top] = open(path, "rb").read()
            continue
        for folder, _, names in os.walk(path, followlinks=True):
            for name in names:
                full = os.path.join(folder, name)
                files[os.path.relpath(full, out)] = open(full, "rb").read()
    return files


def bench_archive(boardpack, work):
    """An archive rebuild: ARCHIVE_COPIES meetings into one output with -j1 and with -j N."""
    meetings = []
    for i in range(1, ARCHIVE_COPIES + 1):
        folder = os.path.join(work, "archive-in", f"{os.path.basename(EXAMPLE)}-{i:03d}")
        shutil.copytree(EXAMPLE, folder)
        meetings.append(folder)
    cores = os.cpu_count() or 1
    print(f"\n{'archive of ' + str(ARCHIVE_COPIES) + ' copies of the example':<44} {'wall':>8}")
    results = {}
    for jobs in (1, cores):
        out = os.path.join(work, f"archive-out-j{jobs}")
        t0 = time.perf_counter()
        p = subprocess.run([boardpack, "build", *meetings, "--out", out, "-j", str(jobs), "--quiet"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit(f"archive build with -j{jobs} failed:\n" + p.stderr.decode("utf-8", "replace"))
        results[jobs] = (seconds, packet_files(out))
        print(f"{'-j' + str(jobs):<44} {seconds:>6.2f} s")
    one, many = results[1], results[cores]
    same = one[1] == many[1]
    print(f"{'speed-up':<44} {one[0] / many[0]:>6.2f} x on {cores} cores; "
          f"{len(one[1])} files, {'byte for byte the same' if same else 'NOT THE SAME'} with -j1 and -j{cores}")
    return 0 if same else 1


OUT_BASE = None  # where builds write their packets (--out); None: the system's temporary folder


def main():
    global OUT_BASE
    boardpack = os.path.abspath(sys.argv[1])
    OUT_BASE = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None
    if OUT_BASE:
        os.makedirs(OUT_BASE, exist_ok=True)  # the limit cases' packets go straight under it
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    with tempfile.TemporaryDirectory() as work:
        if "--limits-only" not in sys.argv:
            bench_scales(boardpack, work, runs, "--no-instructions" not in sys.argv)
        failed = 0
        if "--no-limits" not in sys.argv:
            failed += bench_limits(boardpack, work)
        if "--no-archive" not in sys.argv and "--limits-only" not in sys.argv:
            failed += bench_archive(boardpack, work)
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
