#!/usr/bin/env python3
"""Correct one figure and rebuild, for every number cell of every CSV file of a meeting.

For each number cell, each of a few changes (one unit of its last digit more, a large value, its
negative, "-" and empty) is written into a copy of the meeting, which is built into a fresh
folder. What the packet must print is worked out by an independent model of the tables'
formulas and the text's figures (figures_model.py, from the README, not from boardpack's code),
and compared with what it does print:

  table    every cell of every table in the closed edition's HTML (and the public edition's, for
           public items) is what the formulas as written give, and each published figure that
           no longer matches its computation beyond its tolerance gets its note;
  figures  every figure in an item's text (<span class="tal">) is what its formula gives;
  words    in the HTML text and the pdftotext of the PDFs of both editions, the words that
           changed are words of the figures that had to change (and of their notes, and a
           chart's axis where a charted cell moved), and the figures that had to change did, in
           the PDF as in the HTML;
  warn     a published figure that no longer matches its computation is a warning at its
           cell (file:line:col), never a clean exit;
  error    where a formula or a figure needs the changed cell and it is no longer a number
           ("-", empty), the build fails naming the cell's file and line;
  restore  with the cell as it was, the build is byte for byte the first one.

usage: probe_one_figure.py BOARDPACK MEETING_DIR [--variants small,large,negative,dash,empty]
                           [--cells FILE_GLOB] [--limit N] [--no-pdf] [--keep DIR]
Exit status 1 if any check failed. A summary is printed last.
"""
import argparse
import filecmp
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figures_model as fm  # noqa: E402
import packet_text as pt  # noqa: E402

PUNCT = ".,;:()”“\"'"
ROUNDED = "Tallene er afrundede og summerer derfor ikke nødvendigvis til totalen."


def build(boardpack, meeting, out):
    p = subprocess.run([boardpack, "build", meeting, "--out", out, "-q"], capture_output=True, text=True)
    return p.returncode, p.stderr


def csv_files(meeting):
    out = []
    for root, dirs, files in os.walk(meeting):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".csv"):
                out.append(os.path.join(root, f))
    return out


def number_cells(path):
    """(line index, field index, text) of every number cell (not the label column)."""
    lines = open(path, encoding="utf-8-sig").read().split("\n")
    out = []
    for i, line in enumerate(lines):
        if i == 0 or not line:
            continue
        for j, f in enumerate(line.split(";")):
            if j > 0 and fm.parse_number(f):
                out.append((i, j, f))
    return out


def variants(text, wanted):
    x, dec, suffix = fm.parse_number(text)
    unit = Fraction(1, 10**dec)
    out = []
    if "small" in wanted:
        out.append(("small", fm.fmt(x + unit, dec) + suffix))
    if "decimal" in wanted:
        # one decimal more than written: computed figures get more decimals, rounding moves
        out.append(("decimal", fm.fmt(x + unit / 2, dec + 1) + suffix))
    if "large" in wanted:
        big = x * 10 + 7 * unit if x != 0 else 1000 * unit + unit
        out.append(("large", fm.fmt(big, dec) + suffix))
    if "negative" in wanted:
        out.append(("negative", fm.fmt(-x if x != 0 else -unit, dec) + suffix))
    if "dash" in wanted:
        out.append(("dash", "-"))
    if "empty" in wanted:
        out.append(("empty", ""))
    return out


def set_cell(path, i, j, value):
    raw = open(path, encoding="utf-8-sig", newline="").read()
    bom = open(path, "rb").read(3) == b"\xef\xbb\xbf"
    lines = raw.split("\n")
    cr = lines[i].endswith("\r")
    fields = lines[i].rstrip("\r").split(";")
    fields[j] = value
    lines[i] = ";".join(fields) + ("\r" if cr else "")
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        fh.write("\n".join(lines))


class Expect:
    """What the model says a meeting prints."""

    def __init__(self, meeting_dir):
        self.error = None
        self.unsupported = None
        try:
            m = fm.Meeting(meeting_dir)
            ev = m.ev
            self.tables = {}
            for t in m.all_tables:
                self.tables[t.title] = {"rows": ev.table_print(t), "public": t.item["status"] == "Offentlig",
                                        "table": t,
                                        "verdicts": {(r, c): v for (i, r, c), v in ev.verdicts.items() if i == id(t)}}
            self.figures = {}
            for it in m.items:
                self.figures[it["nummer"]] = [f[3] for f in ev.item_figures(it)]
            self.public = {it["nummer"]: it["status"] == "Offentlig" for it in m.items}
            self.warnings = list(ev.warnings)
            self.notes = {t.title: ev.notes.get(id(t), []) for t in m.all_tables}
            self.kept = {t.title: bool(ev.kept.get(id(t))) for t in m.all_tables}
            self.rounding = {t.title: ev.rounding_note(t) or self.kept[t.title]
                             for t in m.all_tables}
            self.charts = fm.chart_tables(m)
            self.meeting = m
        except fm.InputError as e:
            self.error = str(e)
        except (fm.Unsupported, KeyError) as e:
            self.unsupported = repr(e)


def split_words(text_words):
    """Words as compared: punctuation around them dropped, and a ratio written "1:2,85" two."""
    out = []
    for w in text_words:
        for part in w.split(":"):
            part = part.strip(PUNCT)
            if part:
                out.append(part)
    return out


def words_of(s):
    return split_words(s.split())


class Probe:
    def __init__(self, args):
        self.args = args
        self.failures = []
        self.notes = []
        self.checked = Counter()
        self.other_warnings = []

    def fail(self, where, what):
        self.failures.append((where, what))
        print(f"FAIL {where}: {what}", flush=True)

    def outputs(self, out):
        name = os.path.basename(self.meeting.rstrip("/"))
        base = os.path.join(out, name)
        docs = {}
        for ed in ("offentlig", "lukket"):
            docs[(ed, "html")] = os.path.join(base, ed, f"dagsorden-{ed}.html")
            if not self.args.no_pdf:
                docs[(ed, "pdf")] = os.path.join(base, ed, f"dagsorden-{ed}.pdf")
        return base, docs

    def words(self, path):
        if path not in self.word_cache:
            self.word_cache[path] = Counter(split_words(pt.words_html(path) if path.endswith(".html") else pt.words_pdf(path)))
        return self.word_cache[path]

    def run(self):
        a = self.args
        self.work = tempfile.mkdtemp(prefix="probe-one-figure-", dir=a.tmp)
        self.meeting = os.path.join(self.work, os.path.basename(os.path.abspath(a.meeting)))
        shutil.copytree(a.meeting, self.meeting, symlinks=True)
        self.word_cache = {}
        self.base_out = os.path.join(self.work, "base")
        rc, err = build(a.boardpack, self.meeting, self.base_out)
        if rc != 0:
            print(err)
            sys.exit("the unchanged meeting does not build")
        self.base_err = err
        self.base = Expect(self.meeting)
        if self.base.error or self.base.unsupported:
            sys.exit(f"the model cannot read the unchanged meeting: {self.base.error or self.base.unsupported}")
        # The model must agree with the unchanged packet before it can judge a changed one.
        self.check_packet("unchanged", self.base, self.base_out, err)
        if self.failures:
            print("the model and the unchanged packet disagree: fix the model (or boardpack) first")
        n = 0
        for path in csv_files(self.meeting):
            rel = os.path.relpath(path, self.meeting)
            if a.cells and not fnmatch.fnmatch(rel, a.cells):
                continue
            cells = number_cells(path)
            original = open(path, "rb").read()
            for i, j, text in cells:
                if a.limit and n >= a.limit:
                    break
                n += 1
                self.checked["cells"] += 1
                for kind, value in variants(text, a.variants):
                    where = f"{rel}:{i + 1} field {j + 1} {text!r} -> {value!r} ({kind})"
                    set_cell(path, i, j, value)
                    out = os.path.join(self.work, "out")
                    shutil.rmtree(out, ignore_errors=True)
                    rc, err = build(a.boardpack, self.meeting, out)
                    exp = Expect(self.meeting)
                    self.checked["changes"] += 1
                    self.changed = (os.path.normpath(path), i, j)
                    self.changed_to = value
                    try:
                        self.judge(where, exp, rc, err, out, path, i, text, with_pdf=kind in a.pdf_variants)
                    finally:
                        open(path, "wb").write(original)
                    shutil.rmtree(out, ignore_errors=True)
                if a.restore:
                    self.restore_check(rel)
        if not a.keep:
            shutil.rmtree(self.work, ignore_errors=True)

    def restore_check(self, rel):
        out = os.path.join(self.work, "restored")
        shutil.rmtree(out, ignore_errors=True)
        rc, err = build(self.args.boardpack, self.meeting, out)
        self.checked["restores"] += 1
        if rc != 0:
            self.fail(f"{rel} restored", "the build failed")
            return
        a_base, _ = self.outputs(self.base_out)
        b_base, _ = self.outputs(out)
        a_files = sorted(os.path.relpath(os.path.join(r, f), a_base) for r, d, fs in os.walk(a_base) for f in fs)
        b_files = sorted(os.path.relpath(os.path.join(r, f), b_base) for r, d, fs in os.walk(b_base) for f in fs)
        if a_files != b_files:
            self.fail(f"{rel} restored", f"other files: {set(a_files) ^ set(b_files)}")
        for f in a_files:
            if f in b_files and not filecmp.cmp(os.path.join(a_base, f), os.path.join(b_base, f), shallow=False):
                self.fail(f"{rel} restored", f"{f} differs from the first build")
        shutil.rmtree(out, ignore_errors=True)

    def judge(self, where, exp, rc, err, out, path, i, text, with_pdf=True):
        if exp.unsupported:
            self.checked["skipped (model cannot say)"] += 1
            self.notes.append(f"{where}: not judged ({exp.unsupported})")
            return
        base_name = os.path.basename(path)
        if exp.error:
            self.checked["must fail"] += 1
            if rc == 0:
                self.fail(where, f"built without an error, but the input is wrong ({exp.error})")
            elif not any("error" in ln and re.search(re.escape(base_name) + rf":{i + 1}:\d+", ln)
                         for ln in err.splitlines()):
                first = next((ln for ln in err.splitlines() if re.search(r":\d+:\d+: error: ", ln)), None)
                if first is None:
                    self.fail(where, f"the error names no file and line: {err.strip()[:300]}")
                else:  # an error elsewhere that follows from it (a formula left with no figure)
                    self.notes.append(f"{where}: the error is not at the cell: {first.split(self.meeting + '/')[-1][:200]}")
            return
        if rc != 0:
            self.fail(where, f"build failed although the model computes the meeting: {err.strip()[:400]}")
            return
        self.checked["built"] += 1
        base_warn = set(ln for ln in self.base_err.splitlines() if ": warning:" in ln)
        for ln in err.splitlines():
            if ": warning:" in ln and ln not in base_warn and not any(
                    re.search(re.escape(os.path.basename(w[0])) + f":{w[1]}:{w[2]}: warning", ln) for w in exp.warnings):
                self.other_warnings.append(f"{where}: {ln.split(self.meeting + '/')[-1][:300]}")
        self.check_packet(where, exp, out, err)
        self.check_words(where, exp, out, with_pdf)
        if self.args.diff:
            self.check_diff(where, exp)

    def check_packet(self, where, exp, out, err):
        _, docs = self.outputs(out)
        for ed in ("lukket", "offentlig"):
            page = open(docs[(ed, "html")], encoding="utf-8").read()
            got = pt.tables(page)
            for title, e in exp.tables.items():
                if ed == "offentlig" and not e["public"]:
                    if title in got:
                        self.fail(where, f"{ed}: the confidential table {title!r} is in the public edition")
                    continue
                g = got.get(title)
                if g is None:
                    self.fail(where, f"{ed}: table {title!r} not found")
                    continue
                rows = g["rows"][1:]
                if rows != e["rows"]:
                    for r, (pr, gr) in enumerate(zip(e["rows"], rows)):
                        if pr != gr:
                            self.fail(where, f"{ed}: table {title!r} row {r + 1}: expected {pr}, printed {gr}")
                    if len(rows) != len(e["rows"]):
                        self.fail(where, f"{ed}: table {title!r} has {len(rows)} rows, expected {len(e['rows'])}")
                for (r, c), verdict in e["verdicts"].items():
                    try:
                        cls = g["classes"][1 + r][c]
                    except (IndexError, TypeError):
                        continue
                    shown = [x for x in cls if x in ("god", "daarlig")]
                    if shown != ([verdict] if verdict else []):
                        self.fail(where, f"{ed}: table {title!r} row {r + 1} column {c + 1}: "
                                         f"{g['rows'][1 + r][c]!r} in colour {shown}, expected {verdict}")
                for note in exp.notes[title]:
                    if note not in g["notes"]:
                        self.fail(where, f"{ed}: table {title!r} lacks the note {note!r}")
                for note in g["notes"]:
                    if note.startswith("Kildens tal for") and note not in exp.notes[title]:
                        self.fail(where, f"{ed}: table {title!r} has the note {note!r}, which no figure calls for")
                t = e["table"]
                wording = t.afrundingsnote or ROUNDED
                has = wording in g["notes"] or wording in g["kilde"]
                if exp.rounding[title] != has:
                    self.fail(where, f"{ed}: table {title!r}: the note {wording!r} is "
                                     f"{'printed' if has else 'missing'}, but printed parts and totals "
                                     f"{'agree' if has else 'disagree'}")
            for title, (it, grid, kv) in exp.charts.items():
                if ed == "offentlig" and it["status"] != "Offentlig":
                    continue
                g = [v for k, v in got.items() if re.match(r"Tallene bag figur \d+: " + re.escape(title) + "$", k)]
                if len(g) != 1:
                    self.fail(where, f"{ed}: the chart {title!r}'s data table not found")
                elif g[0]["rows"] != grid:
                    self.fail(where, f"{ed}: the chart {title!r} shows {g[0]['rows']}, expected {grid}")
                self.check_bars(where, ed, page, title, grid, kv)
            figs = pt.figures(page)
            for num, pred in exp.figures.items():
                if ed == "offentlig" and not exp.public[num]:
                    continue
                if figs.get(num, []) != pred:
                    gotf = figs.get(num, [])
                    diffs = [(k, p, q) for k, (p, q) in enumerate(zip(pred, gotf)) if p != q]
                    self.fail(where, f"{ed}: item {num}'s figures in the text: "
                                     + (", ".join(f"#{k + 1} expected {p!r}, printed {q!r}" for k, p, q in diffs[:5])
                                        if diffs else f"{len(gotf)} printed, {len(pred)} expected"))
        # warnings: each published figure that no longer matches is named at its cell
        for wpath, line, col, text in exp.warnings:
            rel = os.path.basename(wpath)
            if not re.search(re.escape(rel) + rf":{line}:{col}: warning", err):
                self.fail(where, f"no warning at {rel}:{line}:{col} ({text}); stderr: {err.strip()[:300] or '(none)'}")

    def check_diff(self, where, exp):
        """`boardpack diff` against the unchanged packet (what the rettelsesblad will list) names
        every figure that changed, and no other."""
        p = subprocess.run([self.args.boardpack, "diff", self.meeting, "--out", self.base_out],
                           capture_output=True, text=True)
        self.checked["diffs"] += 1
        sections, ed = {}, None
        for line in p.stdout.splitlines():
            m = re.match(r"^(offentlig|lukket): ", line)
            if m:
                ed = m.group(1)
                sections[ed] = []
                continue
            if ed and line.startswith("  "):
                sections[ed].append(line.strip())
        base = self.base
        for ed in ("lukket", "offentlig"):
            want_tables, want_text = Counter(), Counter()
            for title, e in exp.tables.items():
                if ed == "offentlig" and not e["public"]:
                    continue
                t = e["table"]
                for r, (rb, ra) in enumerate(zip(base.tables[title]["rows"], e["rows"])):
                    if rb is None or ra is None:
                        continue
                    for c, (cb, ca) in enumerate(zip(rb, ra)):
                        if c > 0 and cb != ca:
                            # the listing writes an empty cell as "(empty)" ("-" is what a cell may print)
                            want_tables[(title, fm.norm(t.rows[r][0]), fm.norm(t.header[c]), cb or "(empty)", ca or "(empty)")] += 1
            for num, figs in exp.figures.items():
                if ed == "offentlig" and not exp.public[num]:
                    continue
                for fb, fa in zip(base.figures[num], figs):
                    if fb != fa:
                        want_text[(num, fb, fa)] += 1
            got_tables, got_text = Counter(), Counter()
            for line in sections.get(ed, []):
                m = re.match(r"^item (\d+), table \d+ \((.*)\), (.*?) / (.*?): (.*) -> (.*?)( \((input|derived)\))?$", line)
                if m:
                    key = (m.group(2), fm.norm(m.group(3)), fm.norm(m.group(4)), m.group(5), m.group(6))
                    if m.group(8) == "input" and key not in want_tables and self.quiet_input(key, exp):
                        continue
                    if m.group(8) == "input" and self.source_figure(key, exp):
                        continue
                    got_tables[key] += 1
                    continue
                m = re.match(r"^item (\d+), [^,]*, figure in the text: (.*) -> (.*?)( \(derived\))?$", line)
                if m:
                    got_text[(m.group(1), m.group(2), m.group(3))] += 1
            if (got_tables != want_tables or got_text != want_text) and self.args.verbose:
                print("     diff said:\n     " + (p.stdout + p.stderr).replace("\n", "\n     ")[:2000])
            if got_tables != want_tables:
                self.fail(where, f"diff {ed}: table figures listed but unchanged: {sorted(got_tables - want_tables)[:4]}; "
                                 f"changed but not listed: {sorted(want_tables - got_tables)[:4]}")
            if got_text != want_text:
                self.fail(where, f"diff {ed}: figures in the text listed but unchanged: {sorted(got_text - want_text)[:4]}; "
                                 f"changed but not listed: {sorted(want_text - got_text)[:4]}")
            # each derived figure is listed under the input figure it comes from, a corrected
            # published figure the packet does not print included ("(kildens tal)", above); one
            # the packet does print is an input. Left as a note: what follows from a corrected
            # published figure listed without a cause.
            mine = self.changed_cell(exp)
            for line in sections.get(ed, []):
                m = re.match(r"^item \d+, table \d+ \((.*)\), (.*?) / (.*?): ", line)
                if line.endswith("(derived)") and mine and mine[3]:
                    self.notes.append(f"{where}: diff {ed}: a figure that follows from a corrected published figure is "
                                      f"listed without a cause: {line}")
                    continue
                if line.endswith("(derived)"):
                    self.fail(where, f"diff {ed}: a changed figure is not traced to the input figure it is "
                                     f"computed from: {line}")

    def changed_cell(self, exp):
        """(table title, row, column, computed) of the cell being changed, or None."""
        path, i, j = getattr(self, "changed", (None, 0, 0))
        for title, e in exp.tables.items():
            t = e["table"]
            if os.path.normpath(t.path) == path and i - 1 < len(t.rows):
                computed = exp.meeting.ev.formula_at(t, i - 1, j) is not None
                return (title, fm.norm(t.rows[i - 1][0]), fm.norm(t.header[j]), computed)
        return None

    def source_figure(self, key, exp):
        """A computed cell's published figure corrected, which the packet prints the computed one
        instead of, listed as the cause of what changed with it: "Indeks (kildens tal): 144,3 ->
        144,35". Only the cell being changed, to what it was changed to."""
        title, row, col, before, after = key
        mine = self.changed_cell(exp)
        suffix = "(kildens tal)"
        return (bool(mine) and mine[3] and col.endswith(suffix) and (title, row, fm.norm(col[:-len(suffix)])) == mine[:3]
                and after == getattr(self, "changed_to", None) and before != after)

    def quiet_input(self, key, exp):
        """An input cell a table prints alike in a larger unit, listed with the figures as written
        ("1.249.000 kr. -> 1.249.001 kr."): the cell changed, though its print did not."""
        title, row, col, before, after = key
        e = exp.tables.get(title)
        if not e or not e["table"].shown or not (before.endswith(" kr.") and after.endswith(" kr.")):
            return False
        t = e["table"]
        b, a = fm.parse_number(before[:-4]), fm.parse_number(after[:-4])
        r, c = t.row_index(row, must=False), t.col_index(col, must=False)
        if b is None or a is None or r is None or c is None:
            return False
        cell = t.rows[r][1][c]
        return cell.kind == "num" and cell.num[0] * t.factor == a[0] and b[0] != a[0]

    def check_bars(self, where, ed, page, title, grid, kv):
        """Each bar is as long as its figure: the lengths, sorted, are the figures' sizes times
        one scale."""
        kind = kv.get("type", ["søjler"])[0]
        if "linje" in kind or "stablede" in kind:
            return
        bars = pt.chart_bars(page, title)
        if bars is None:
            self.fail(where, f"{ed}: the chart {title!r} not found")
            return
        lying = "liggende" in kind
        lengths = sorted(w if lying else h for w, h in bars)
        values = []
        for row in grid[1:]:
            for v in row[1:]:
                p = fm.parse_number(v)
                if p and p[0] != 0:
                    values.append(abs(float(p[0])))
        values.sort()
        if len(values) != len(lengths):
            self.fail(where, f"{ed}: the chart {title!r} has {len(lengths)} bars for {len(values)} figures")
            return
        if not values:
            return
        scale = lengths[-1] / values[-1]
        for v, n in zip(values, lengths):
            if abs(v * scale - n) > 0.05 + 0.005 * n:
                self.fail(where, f"{ed}: the chart {title!r}: a bar {n:.2f} long for the figure {v:g} "
                                 f"(the scale gives {v * scale:.2f})")
                return

    def check_words(self, where, exp, out, with_pdf=True):
        base = self.base
        _, docs_a = self.outputs(self.base_out)
        _, docs_b = self.outputs(out)
        for (ed, kind), pb in docs_b.items():
            if kind == "pdf" and not with_pdf:
                continue
            pa = docs_a[(ed, kind)]
            wa, wb = self.words(pa), Counter(split_words(pt.words_html(pb) if kind == "html" else pt.words_pdf(pb)))
            removed, added = wa - wb, wb - wa
            allowed_rm, allowed_add = Counter(), Counter()
            need_add, need_rm = Counter(), Counter()
            charted = False
            chart_words = set()
            for title, e in exp.tables.items():
                if ed == "offentlig" and not e["public"]:
                    continue
                b_rows = base.tables[title]["rows"]
                for rb, ra in zip(b_rows, e["rows"]):
                    if rb is None or ra is None:
                        continue
                    for cb, ca in zip(rb, ra):
                        if cb != ca:
                            for w in words_of(cb):
                                allowed_rm[w] += 1
                            for w in words_of(ca):
                                allowed_add[w] += 1
                            need_add.update(words_of(ca))
                            need_rm.update(words_of(cb))
                            if kind == "pdf" and self.charted(e["table"]):
                                charted = True
                                t = e["table"]
                                chart_words.update(w for h in t.header for w in words_of(h))
                                chart_words.update(w for r in t.rows for w in words_of(r[0]))
                for n in base.notes[title] + (base.meeting.tables.get(e["table"].name) and [] or []):
                    allowed_rm.update(words_of(n))
                for n in exp.notes[title]:
                    allowed_add.update(words_of(n))
                an = e["table"].afrundingsnote or ROUNDED
                if an:
                    allowed_rm.update(words_of(an))
                    allowed_add.update(words_of(an))
            for num, figs in exp.figures.items():
                if ed == "offentlig" and not exp.public[num]:
                    continue
                for fb, fa in zip(base.figures[num], figs):
                    if fb != fa:
                        allowed_rm.update(words_of(fb))
                        allowed_add.update(words_of(fa))
                        need_add.update(words_of(fa))
                        need_rm.update(words_of(fb))
            numeric = re.compile(r"^(-?[\d.,]+%?|%|i\.o|ikke|oplyst|intet|tal|nul|dage)$")
            in_chart = lambda w: charted and (numeric.match(w) or w in chart_words)
            bad_rm = [w for w in removed if w not in allowed_rm and not in_chart(w)]
            bad_add = [w for w in added if w not in allowed_add and not in_chart(w)]
            # A note added or taken away moves the PDF's page breaks: a table's header repeated
            # on the next page comes or goes with them. Only the HTML is judged word for word then.
            notes_moved = any(base.notes[t] != exp.notes[t] or base.rounding[t] != exp.rounding[t] for t in exp.notes)
            if kind == "pdf" and notes_moved:
                bad_rm, bad_add = [], []
            if bad_rm or bad_add:
                self.fail(where, f"{ed}/{kind}: words changed that no figure explains: "
                                 f"gone {sorted(bad_rm)[:8]}, new {sorted(bad_add)[:8]}")
            need_add = need_add - need_rm  # net: a figure may take the place of another
            short = {w: n for w, n in need_add.items() if added[w] < n}
            if short:
                self.fail(where, f"{ed}/{kind}: figures that had to change did not (word: times new, times "
                                 f"expected): {[(w, added[w], n) for w, n in short.items()][:8]}")

    def charted(self, table):
        m = self.base.meeting
        for it in m.items:
            for doc in it["docs"]:
                for info, kv, _ in doc["blocks"]:
                    if info == "diagram" and table.name and kv.get("tabel", [""])[0] == table.name:
                        return True
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("boardpack")
    ap.add_argument("meeting")
    ap.add_argument("--variants", default="small,decimal,large,negative,dash,empty")
    ap.add_argument("--cells", help="only CSV files matching this glob (relative to the meeting)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many cells")
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--pdf-variants", default="small,large",
                    help="the changes whose PDFs are read too (pdftotext is the slow part)")
    ap.add_argument("--no-restore", dest="restore", action="store_false")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--no-diff", dest="diff", action="store_false",
                    help="do not check what `boardpack diff` (the rettelsesblad) lists")
    ap.add_argument("--warnings", action="store_true", help="list the other warnings the changes brought")
    ap.add_argument("--tmp", default="/dev/shm" if os.path.isdir("/dev/shm") else None)
    args = ap.parse_args()
    args.variants = args.variants.split(",")
    args.pdf_variants = args.pdf_variants.split(",")
    p = Probe(args)
    p.run()
    print("checked:", dict(p.checked))
    for n in p.notes[:20]:
        print("note:", n)
    if args.warnings:
        print(f"{len(p.other_warnings)} other new warning(s) (not judged):")
        for w in p.other_warnings:
            print("  ", w)
    if p.failures:
        print(f"{len(p.failures)} failure(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
