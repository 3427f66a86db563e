#!/usr/bin/env python3
"""Speed and memory of a build, measured (not a test: nothing here passes or fails).

Builds the example meeting and a generated large meeting (120 items, each with text, lists and a
budget table of 60 computed rows), several times each, and prints the median wall time and
the peak memory (max RSS) of the boardpack process. With --instructions it also counts the
instructions of one build with valgrind's callgrind, a figure that repeats exactly on the same
machine whatever else it is doing.

usage: bench.py BOARDPACK [--runs N] [--instructions]
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


def main():
    boardpack = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
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


if __name__ == "__main__":
    main()
