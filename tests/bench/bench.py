#!/usr/bin/env python3
"""Speed and memory of a build, measured (run by hand, never as a timed test).

Builds the example meeting and a generated large meeting (120 items, each with text, lists and a
budget table of 60 computed rows), several times each, and prints the median wall time and
the peak memory (max RSS) of the boardpack process. With --instructions it also counts the
instructions of one build with valgrind's callgrind, a figure that repeats exactly on the same
machine whatever else it is doing.

Then it builds one generated meeting at each documented input limit (README, "Limits") and
one just over some of them, and prints each one's time, peak memory and PASS or FAIL against
the target: built or refused, as expected, within 10 s and 512 MiB. --limits-only skips the
first part; the exit status is 1 if any limit case fails.

usage: bench.py BOARDPACK [--runs N] [--instructions] [--limits-only]
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def generate(folder, items=120, rows=60):
    os.makedirs(folder)
    lines = ["organisation: Benchmark", "organ: Bestyrelsen", "dato: 2024-06-06", "tidspunkt: kl. 10", "sted: Her"]
    for n in range(1, items + 1):
        name = f"{n:03d}-punkt"
        lines.append(f"punkt: {name}")
        d = os.path.join(folder, name)
        os.makedirs(d)
        status = "Fortrolig" if n % 5 == 0 else "Offentlig"
        para = ("Regionerne har i perioden arbejdet med at nedbringe ventetiderne, og sekretariatet "
                "følger udviklingen tæt i samarbejde med de faglige miljøer. ") * 4
        body = [f"---\nnummer: {n}\nstatus: {status}\ntitel: Punkt {n} om budget og ventetider\n"
                f"sagsbehandler: Sagsbehandler {n}\nsagsnummer: EMN-2024-{n:05d}\n---\n",
                "# Resumé\n", para, "# Indstilling\n", "Det indstilles,\n", "at bestyrelsen godkender.\n",
                "# Sagsfremstilling\n", para, "- første punkt\n- andet punkt\n- tredje punkt\n", para,
                f"Resultatet er {{tabel-{n}[I alt; Budget 2025] | mio. kr.}}.\n",
                f"```tabel\nfil: t.csv\nnavn: tabel-{n}\ntitel: Budget\n"
                "række: I alt = sum(Post 1 .. Post 60)\nkolonne: Ændring = [Budget 2025] - [Budget 2024]\n```\n", para]
        open(os.path.join(d, "item.md"), "w", encoding="utf-8").write("\n".join(body))
        danish = lambda v: f"{v:,}".replace(",", ".")
        csv = ["Post;Budget 2024;Budget 2025"] + [f"Post {r};{danish(r * 1000 + r)};{danish(r * 1100 + r)}" for r in range(1, rows + 1)]
        csv.append("I alt;;")
        open(os.path.join(d, "t.csv"), "w", encoding="utf-8").write("\r\n".join(csv) + "\r\n")
    open(os.path.join(folder, "meeting.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


def measure(boardpack, meeting, runs):
    times, rss = [], 0
    for i in range(runs):
        with tempfile.TemporaryDirectory() as out:
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t0 = time.perf_counter()
            p = subprocess.run([boardpack, "build", meeting, "--out", out], capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            if p.returncode != 0:
                sys.exit("build failed:\n" + p.stderr)
            rss = max(rss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
            summary = p.stdout.strip()
    return statistics.median(times), rss, summary


def instructions(boardpack, meeting):
    with tempfile.TemporaryDirectory() as out:
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/cg", boardpack, "build", meeting,
                            "--out", out + "/o"], capture_output=True, text=True)
        for line in p.stderr.splitlines():
            if "Collected" in line:
                return int(line.split()[-1])
    return None


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
         lambda: [attachment_item("# Bilag\n\n" + (("{" + "(" * 63 + "1" + ")" * 63 + "} ") * 400 + "\n\n") * (2 * MIB // 135 // 400))]),
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
    with tempfile.TemporaryDirectory() as out:
        rss_file = os.path.join(out, "rss")
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, boardpack, "build", meeting, "--out", out + "/o"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - t0
        kib = int(open(rss_file).read().split()[-1])
        return seconds, kib / 1024, p.returncode, p.stderr.decode("utf-8", "replace")


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


def main():
    boardpack = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    if "--limits-only" in sys.argv:
        with tempfile.TemporaryDirectory() as work:
            sys.exit(1 if bench_limits(boardpack, work) else 0)
    with tempfile.TemporaryDirectory() as work:
        large = os.path.join(work, "stort-moede")
        generate(large)
        print(f"{'meeting':<24} {'median wall time':>18} {'peak RSS':>12}  result")
        for name, meeting in (("example (24 items)", os.path.join(ROOT, "inputs", "2023-09-bestyrelsen")),
                              ("generated (120 items)", large)):
            t, rss, summary = measure(boardpack, meeting, runs)
            print(f"{name:<24} {t * 1000:>15.0f} ms {rss / 1024:>9.1f} MiB  {summary.split(': ', 2)[-1]}")
            if "--instructions" in sys.argv and shutil.which("valgrind"):
                n = instructions(boardpack, meeting)
                print(f"{'':<24} {n:,} instructions (callgrind)")
        sys.exit(1 if bench_limits(boardpack, work) else 0)


if __name__ == "__main__":
    main()
