#!/usr/bin/env python3
"""A probe that cannot fail is worthless: run probe_one_figure.py against a boardpack that is
made wrong in one way at a time, and check that the probe fails each time, saying why.

Each mutant runs the real boardpack and then spoils what it wrote (or said): a total that did not
follow its parts, a figure in the text that kept its old value, a PDF left as it was before the
change, a published figure's warning left out, a verdict in the wrong colour, a bar that did not
move, a word changed in another item, a build that is not the same twice. The unspoilt boardpack
must pass the same probe.

usage: probe_selftest.py BOARDPACK
"""
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MEETING = os.path.join(HERE, "probe-meeting", "2024-05-probe")


def packet_files(out):
    for root, dirs, files in os.walk(out):
        for f in files:
            yield os.path.join(root, f)


def spoil(mode, out, state):
    """Spoil the packet under out (after a successful build) as mode says."""
    htmls = [p for p in packet_files(out) if p.endswith(".html") and "/.boardpack/" in p]
    pdfs = [p for p in packet_files(out) if p.endswith(".pdf") and "/.boardpack/" in p and "/bilag/" not in p]

    def edit(path, fn):
        s = open(path, encoding="utf-8").read()
        t = fn(s)
        os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
        open(path, "w", encoding="utf-8").write(t)

    def keep_first(name, pattern):
        # What `pattern`'s second group matches keeps, in every page, the text of the first build.
        first = state.setdefault(name, {})
        for p in htmls:
            m = re.search(pattern, open(p, encoding="utf-8").read())
            if not m:
                continue
            key = os.path.basename(p)
            first.setdefault(key, m.group(2))
            edit(p, lambda s: s.replace(m.group(0), m.group(1) + first[key] + m.group(3)))

    if mode == "stale-total":
        # the budget's Resultat keeps the figure of the first build
        keep_first("resultat", r'(<th scope="row">Resultat</th><td class="tal">)([^<]*)(</td>)')
    elif mode == "stale-figure":
        # the Resumé of item 1 keeps its first figure
        keep_first("figure", r'(et resultat på <span class="tal">)([^<]*)(</span>)')
    elif mode == "stale-pdf":
        first = state.setdefault("pdf", {})
        for p in pdfs:
            key = os.path.basename(p)
            if key not in first:
                first[key] = open(p, "rb").read()
            else:
                os.chmod(p, os.stat(p).st_mode | stat.S_IWUSR)
                open(p, "wb").write(first[key])
    elif mode == "colour":
        for p in htmls:
            edit(p, lambda s: s.replace('<td class="god">opfyldt', '<td class="daarlig">opfyldt'))
    elif mode == "bar":
        # the first bar of a chart keeps the height of the first build
        for p in htmls:
            def shrink(s):
                return re.sub(r'(<path d="M[\d.]+ )([\d.]+)( L[\d.]+ )([\d.]+)( L[\d.]+ [\d.]+ L[\d.]+ [\d.]+ Z" fill="#0072b2")',
                              lambda m: m.group(1) + f"{float(m.group(2)) + 3:.2f}" + m.group(3)
                              + f"{float(m.group(4)) + 3:.2f}" + m.group(5), s, count=2)
            edit(p, shrink)
    elif mode == "other-item":
        state["n"] = state.get("n", 0) + 1
        if state["n"] > 1:
            for p in htmls:
                edit(p, lambda s: s.replace("Indtægter er negative", "Indtægterne er negative", 1))
    elif mode == "not-deterministic":
        state["n"] = state.get("n", 0) + 1
        for p in htmls:
            edit(p, lambda s: s.replace("</html>", f"</html><!-- {state['n']} -->"))


def mutant_main():
    mode, real = sys.argv[2], sys.argv[3]
    args = sys.argv[4:]
    state_file = os.environ["PROBE_MUTANT_STATE"]
    import pickle
    state = pickle.load(open(state_file, "rb")) if os.path.exists(state_file) else {}
    p = subprocess.run([real] + args, capture_output=True, text=True)
    err = p.stderr
    if p.returncode == 0 and args[0] == "build":
        out = args[args.index("--out") + 1]
        spoil(mode, out, state)
        if mode == "no-warning":
            err = "\n".join(ln for ln in err.splitlines() if "published figure" not in ln)
    pickle.dump(state, open(state_file, "wb"))
    sys.stdout.write(p.stdout)
    sys.stderr.write(err)
    return p.returncode


# (mode, cells, variants, at most this many cells, what the probe must say)
CASES = [
    ("stale-total", "01-budget/*", "small", 2, "table 'Budget 2024 og 2025 (kr.)'"),
    ("stale-figure", "01-budget/*", "small", 2, "item 1's figures in the text"),
    ("stale-pdf", "01-budget/*", "small", 2, "figures that had to change did not"),
    ("no-warning", "01-budget/*", "large", 5, "no warning at budget.csv:9"),
    ("colour", "06-andele/*", "small", 2, "in colour ['daarlig'], expected god"),
    ("bar", "02-regioner/*", "small", 2, "a bar"),
    ("other-item", "02-regioner/*", "small", 2, "words changed that no figure explains"),
    ("not-deterministic", "02-regioner/*", "small", 2, "differs from the first build"),
]


def main():
    boardpack = os.path.abspath(sys.argv[1])
    failures = 0
    probe = os.path.join(HERE, "probe_one_figure.py")
    with tempfile.TemporaryDirectory() as work:
        for mode, cells, variants, limit, message in CASES + [(None, "0[16]*/*", "small", 2, None)]:
            if mode:
                wrapper = os.path.join(work, f"boardpack-{mode}")
                open(wrapper, "w").write(f'#!/bin/sh\nexec "{sys.executable}" "{os.path.abspath(__file__)}" '
                                         f'--mutant {mode} "{boardpack}" "$@"\n')
                os.chmod(wrapper, 0o755)
                env = dict(os.environ, PROBE_MUTANT_STATE=os.path.join(work, f"{mode}.state"))
            else:
                wrapper, env = boardpack, dict(os.environ)
            cmd = [sys.executable, probe, wrapper, MEETING, "--cells", cells, "--variants", variants, "--limit", str(limit)]
            if mode not in ("stale-pdf", "not-deterministic"):
                cmd += ["--no-restore"]
            p = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if mode is None:
                ok = p.returncode == 0
                what = "the unspoilt boardpack passes"
            else:
                ok = p.returncode == 1 and message in p.stdout
                what = f"the probe catches {mode}"
            print(("ok   " if ok else "FAIL ") + what)
            if not ok:
                failures += 1
                print("     " + (p.stdout + p.stderr).strip().replace("\n", "\n     ")[:3000])
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--mutant":
        sys.exit(mutant_main())
    sys.exit(main())
