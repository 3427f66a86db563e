"""An independent model of a meeting's tables, formulas and figures in the text, written from
the README's description of the input format (not from boardpack's code), for
probe_one_figure.py: it says what every computed cell and every figure in the text must print.

It covers the part of the formula language the probed meetings use: `sum(A .. B)`, `+ - * /`,
parentheses, `[Label]` and bare labels, `navn[række; kolonne]`, `navn[værdi]`, `abs`, `min`,
`max`, `status`, `udvikling`, `loft`, `nummer`; the options `decimaler`, `tolerance`, `rækker`,
`kolonner`, `pct.`; table keys `talenhed`, `enhed`, `mangler`, `afrundingsnote`, `decimaler`.
Whatever it does not model raises Unsupported, and the probe then skips the checks it cannot make.
"""
import os
import re
from fractions import Fraction


class Unsupported(Exception):
    pass


class InputError(Exception):
    """The input is wrong in a way boardpack must refuse (e.g. a formula reads "-")."""


NA_WORDS = {"-", "ikke oplyst", "i.o.", "ikke opgjort", "n/a", "..", ".", "…"}
UNIT_FACTOR = {"kr.": Fraction(1), "t. kr.": Fraction(1000), "mio. kr.": Fraction(10**6),
               "mia. kr.": Fraction(10**9)}
NUM_RE = re.compile(r"^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")


def norm(label):
    s = label.replace("\u00a0", " ").replace("\u202f", " ").strip().lower()
    while True:
        t = s.rstrip("*: ").rstrip()
        if t == s:
            break
        s = t
    return re.sub(r"\s+", " ", s)


class NA:
    """A figure that is not available ("-", "Ikke oplyst"), as written."""

    def __init__(self, text):
        self.text = text

    def __eq__(self, o):
        return isinstance(o, NA) and o.text == self.text

    def __repr__(self):
        return f"NA({self.text!r})"


class Word(str):
    """A verdict printed in words; `verdict` is 'god', 'daarlig' or None (neutral)."""

    def __new__(cls, text, verdict):
        w = str.__new__(cls, text)
        w.verdict = verdict
        return w


class Val:
    """A number with the decimals its inputs have, a unit (None, 'pct', 'kr.' ...) and whether
    it is a ratio (no amount)."""

    def __init__(self, x, dec=0, pct=False, unit=None):
        self.x = Fraction(x)
        self.dec = dec
        self.pct = pct
        self.unit = unit  # kroner per unit of x for an amount, None for anything else

    def __repr__(self):
        return f"Val({float(self.x)}, dec={self.dec})"


def parse_number(text):
    """A CSV cell's number: (Fraction, decimals, suffix) or None."""
    t = text.strip().replace("\u00a0", " ")
    suffix = ""
    m = re.match(r"^(.*?)(\s*\*+)$", t)
    if m:
        t, suffix = m.group(1), m.group(2)
    unit = ""
    for u in (" %", " pct.", " kr."):
        if t.endswith(u):
            t, unit = t[: -len(u)], u
            break
    m = NUM_RE.match(t)
    if not m:
        return None
    whole = m.group(2).replace(".", "")
    frac = m.group(3) or ""
    x = Fraction(int(whole + frac), 10 ** len(frac))
    if m.group(1):
        x = -x
    return x, len(frac), unit + suffix


def round_half_away(x, dec):
    q = x * 10**dec
    n = int(abs(q) + Fraction(1, 2))
    return Fraction(n if q >= 0 else -n, 10**dec)


def fmt(x, dec):
    """Danish: thousands points, decimal comma, half away from zero."""
    r = round_half_away(Fraction(x), dec)
    neg = r < 0
    r = abs(r)
    n = r * 10**dec
    assert n.denominator == 1
    digits = str(n.numerator).rjust(dec + 1, "0")
    whole, frac = digits[: len(digits) - dec] if dec else digits, digits[len(digits) - dec:] if dec else ""
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    s = ".".join(groups) + ("," + frac if dec else "")
    if neg and (r != 0):
        s = "-" + s
    return s


class Cell:
    def __init__(self, raw, line, col):
        self.raw = raw
        self.line = line
        self.col = col
        s = raw.strip()
        self.num = None
        if s == "":
            self.kind = "empty"
        elif s.lower() in NA_WORDS or norm(s) in NA_WORDS:
            self.kind = "na"
        else:
            p = parse_number(s)
            if p:
                self.kind = "num"
                self.num = p
            else:
                self.kind = "text"

    def printed(self):
        if self.kind == "num":
            x, dec, suffix = self.num
            return fmt(x, dec) + suffix
        return self.raw.strip()


def split_csv_line(line):
    # The probed meetings' CSV files have no quotes.
    if '"' in line:
        raise Unsupported("quoted CSV fields")
    return line.split(";")


class Formula:
    def __init__(self, kind, target, expr, opts, line):
        self.kind = kind  # 'row' or 'col'
        self.target = target
        self.expr = expr
        self.opts = opts
        self.line = line
        self.ast = parse_formula(expr)
        self.cat = categorise(self.ast)


class Table:
    def __init__(self, item, path, block, item_dir, block_line):
        self.item = item
        self.block = block
        self.block_line = block_line
        self.name = block.get("navn", [None])[0]
        self.title = block["titel"][0]
        self.path = os.path.normpath(os.path.join(item_dir, block["fil"][0]))
        self.file = self.path
        self.mangler = block.get("mangler", ["fejl"])[0]
        self.talenhed = block.get("talenhed", [None])[0]
        self.enhed = block.get("enhed", [None])[0]
        for u in (self.enhed, self.talenhed):
            if u is not None and u not in UNIT_FACTOR:
                raise Unsupported("unit " + u)
        self.factor = UNIT_FACTOR[self.talenhed or "kr."]
        self.shown = UNIT_FACTOR[self.enhed] if self.enhed else None
        self.decimaler = block.get("decimaler", [None])[0]
        self.afrundingsnote = block.get("afrundingsnote", [None])[0]
        text = open(self.path, encoding="utf-8-sig").read()
        lines = text.splitlines()
        self.header = split_csv_line(lines[0])
        self.rows = []  # (label, [Cell ...]) with cells for columns 1..n
        for ln, line in enumerate(lines[1:], start=2):
            fields = split_csv_line(line)
            fields += [""] * (len(self.header) - len(fields))
            cells = []
            col = 1
            for i, f in enumerate(fields):
                cells.append(Cell(f, ln, col))
                col += len(f) + 1
            self.rows.append([fields[0], cells])
        self.formulas = []
        for key, kind in (("række", "row"), ("kolonne", "col")):
            for v, line in zip(block.get(key, []), block.get("_" + key + "_lines", [])):
                label, rest = v.split(" = ", 1)
                expr, opts = split_opts(rest)
                self.formulas.append(Formula(kind, label.strip(), expr, opts, line))
        # A row formula's target not in the CSV is added at the end; a column's too.
        for f in self.formulas:
            if f.kind == "row" and self.row_index(f.target, must=False) is None:
                self.rows.append([f.target, [Cell("", 0, 0) for _ in self.header]])
            if f.kind == "col" and self.col_index(f.target, must=False) is None:
                self.header.append(f.target)
                for r in self.rows:
                    r[1].append(Cell("", 0, 0))

    def row_index(self, label, must=True):
        n = norm(label)
        found = [i for i, r in enumerate(self.rows) if r[0].strip() and norm(r[0]) == n]
        if len(found) > 1:
            raise Unsupported("repeated row label " + label)
        if not found:
            if must:
                raise KeyError(f"{self.name}: no row {label!r}")
            return None
        return found[0]

    def col_index(self, label, must=True):
        n = norm(label)
        found = [i for i, h in enumerate(self.header) if i > 0 and norm(h) == n]
        if len(found) != 1:
            if must:
                raise KeyError(f"{self.name}: no column {label!r}")
            return None
        return found[0]


def split_opts(rest):
    if " | " in rest:
        expr, opts = rest.split(" | ", 1)
        return expr.strip(), parse_opts(opts)
    return rest.strip(), {}


def parse_opts(text):
    opts = {}
    for o in [x.strip() for x in text.split(", ")]:
        m = re.match(r"^(decimaler|tolerance) (\S+)$", o)
        if m:
            opts[m.group(1)] = parse_number(m.group(2))[0]
            continue
        m = re.match(r"^(rækker|kolonner) (.+?) \.\. (.+)$", o)
        if m:
            opts[m.group(1)] = (m.group(2).strip(), m.group(3).strip())
            continue
        if o in ("kr.", "mio. kr.", "t. kr.", "mia. kr.", "pct.", "pct.-point", "verbum"):
            opts.setdefault("units", []).append(o)
            continue
        raise Unsupported("option " + o)
    return opts


# ---- formulas -------------------------------------------------------------------------------

FUNCS = ("sum", "min", "max", "abs", "status", "udvikling", "loft", "nummer")


def parse_formula(text):
    p = Parser(text)
    e = p.expr()
    p.skip()
    if p.i != len(p.s):
        raise Unsupported(f"formula {text!r}: trailing {p.s[p.i:]!r}")
    return e


class Parser:
    def __init__(self, s):
        self.s = s
        self.i = 0

    def skip(self):
        while self.i < len(self.s) and self.s[self.i] == " ":
            self.i += 1

    def peek_op(self, ops):
        for op in ops:
            if self.s.startswith(" " + op + " ", self.i):
                return op
        return None

    def expr(self):
        left = self.term()
        while True:
            op = self.peek_op(["+", "-"])
            if not op:
                return left
            self.i += 3
            left = (op, left, self.term())

    def term(self):
        left = self.factor()
        while True:
            op = self.peek_op(["*", "/", "x", "×"])
            if not op:
                return left
            self.i += len(op) + 2
            left = ("*" if op in ("x", "×") else op, left, self.factor())

    def factor(self):
        self.skip()
        s = self.s
        if s.startswith("-", self.i) and not NUM_RE.match(self.bare_peek()):
            self.i += 1
            return ("neg", self.factor())
        if s.startswith("(", self.i):
            self.i += 1
            e = self.expr()
            self.skip()
            assert s[self.i] == ")", s
            self.i += 1
            return e
        if s.startswith("[", self.i):
            return ("ref", self.bracket())
        m = re.match(r"(sum|min|max|abs|status|udvikling|loft|nummer)\(", s[self.i:])
        if m:
            self.i += len(m.group(0))
            args = []
            while True:
                self.skip()
                a = self.arg()
                args.append(a)
                self.skip()
                if s[self.i] == ";":
                    self.i += 1
                    continue
                assert s[self.i] == ")", s
                self.i += 1
                return ("fn", m.group(1), args)
        m = re.match(r"([a-z0-9æøå-]+)\[", s[self.i:])
        if m:
            self.i += len(m.group(1))
            inside = self.bracket()
            parts = split_top(inside, ";")
            return ("xref", m.group(1), [unbracket(p.strip()) for p in parts])
        word = self.bare()
        num = parse_number(word)
        if num and not num[2]:
            return ("num", Val(num[0], num[1]))
        m = re.match(r"^(.*?) (kr\.|mio\. kr\.|t\. kr\.|mia\. kr\.)$", word)
        if m and parse_number(m.group(1)):
            n = parse_number(m.group(1))
            return ("num", Val(n[0] * UNIT_FACTOR[m.group(2)], n[1]))
        return ("ref", word)

    def bare_peek(self):
        j = self.i
        k = j
        while k < len(self.s) and self.s[k] not in " );":
            k += 1
        return self.s[j:k]

    def bracket(self):
        s = self.s
        assert s[self.i] == "["
        depth = 0
        j = self.i
        while True:
            if s[j] == "[":
                depth += 1
            elif s[j] == "]":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        inside = s[self.i + 1: j]
        self.i = j + 1
        return inside

    def bare(self):
        s = self.s
        j = self.i
        depth = 0
        while j < len(s):
            if depth == 0 and (s[j] in ");" or any(s.startswith(" " + op + " ", j) for op in "+-*/x×")
                               or s.startswith(" .. ", j)):
                break
            if s[j] == "(":
                depth += 1
            elif s[j] == ")":
                depth -= 1
            j += 1
        w = s[self.i:j].strip()
        self.i = j
        return w

    def arg(self):
        """A function argument: an expression, or a range `A .. B`."""
        start = self.i
        j = self.i
        depth = 0
        while j < len(self.s):
            c = self.s[j]
            if c in "([":
                depth += 1
            elif c in ")]":
                if depth == 0:
                    break
                depth -= 1
            elif c == ";" and depth == 0:
                break
            j += 1
        text = self.s[start:j]
        if " .. " in text and "[" not in text.split(" .. ")[0][:1]:
            a, b = text.split(" .. ")
            self.i = j
            return ("range", unbracket(a.strip()), unbracket(b.strip()))
        if " .. " in text:
            a, b = text.split(" .. ")
            self.i = j
            return ("range", unbracket(a.strip()), unbracket(b.strip()))
        sub = Parser(text)
        e = sub.expr()
        self.i = j
        return e


def split_top(s, sep):
    out, depth, cur = [], 0, ""
    for c in s:
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        if c == sep and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
    out.append(cur)
    return out


def unbracket(s):
    if s.startswith("[") and s.endswith("]"):
        return s[1:-1]
    return s


def categorise(ast):
    """'add' (labels, sum, + and -, times or over a number), 'ratio', 'word' or 'other'."""
    def adds(e):
        if e[0] in ("ref",):
            return True
        if e[0] == "fn" and e[1] == "sum":
            return True
        if e[0] == "neg":
            return adds(e[1])
        if e[0] in ("+", "-"):
            return adds(e[1]) and adds(e[2])
        if e[0] in ("*", "/"):
            return (adds(e[1]) and e[2][0] == "num") or (e[0] == "*" and e[1][0] == "num" and adds(e[2]))
        return False

    def has_ratio(e):
        if e[0] == "/" and e[2][0] != "num":
            return True
        return any(has_ratio(x) for x in e[1:] if isinstance(x, tuple))
    if ast[0] == "fn" and ast[1] in ("status", "udvikling", "loft"):
        return "word"
    if adds(ast):
        return "add"
    if has_ratio(ast):
        return "ratio"
    return "other"


# ---- meeting --------------------------------------------------------------------------------

def read_blocks(md_path):
    """The fenced blocks (info, {key: [values]}, first line) and the text outside them, with
    each text line's number."""
    lines = open(md_path, encoding="utf-8-sig").read().split("\n")
    blocks, text = [], []
    i = 0
    if lines and lines[0].strip() == "---":
        i = lines.index("---", 1) + 1
    while i < len(lines):
        m = re.match(r"^(```+)(\S*)\s*$", lines[i])
        if m:
            fence, info = m.group(1), m.group(2)
            j = i + 1
            kv = {}
            while j < len(lines) and not lines[j].startswith(fence):
                if ":" in lines[j]:
                    k, v = lines[j].split(":", 1)
                    kv.setdefault(k.strip(), []).append(v.strip())
                    kv.setdefault("_" + k.strip() + "_lines", []).append(j + 1)
                j += 1
            blocks.append((info, kv, i + 1))
            text.append((i + 1, "\x00BLOCK%d" % (len(blocks) - 1)))
            i = j + 1
            continue
        text.append((i + 1, lines[i]))
        i += 1
    return blocks, text


def header(md_path):
    lines = open(md_path, encoding="utf-8-sig").read().split("\n")
    out = {}
    if lines[0].strip() == "---":
        for line in lines[1: lines.index("---", 1)]:
            k, v = line.split(":", 1)
            out.setdefault(k.strip(), []).append(v.strip())
    return out


class Meeting:
    def __init__(self, folder):
        self.folder = folder
        self.items = []  # dicts: dir, nummer, status, docs [(md_path, blocks, text)]
        self.tables = {}  # name -> Table
        self.all_tables = []
        self.values = {}  # beregning: name -> {value: (expr, opts)}
        for line in open(os.path.join(folder, "meeting.txt"), encoding="utf-8-sig"):
            if line.startswith("punkt:"):
                d = os.path.join(folder, line.split(":", 1)[1].strip())
                h = header(os.path.join(d, "item.md"))
                item = {"dir": d, "nummer": h["nummer"][0], "status": h["status"][0], "docs": []}
                paths = [os.path.join(d, "item.md")]
                for b in h.get("bilag", []):
                    parts = [p.strip() for p in b.split("|")]
                    if len(parts) > 2 and parts[2].endswith(".md"):
                        paths.append(os.path.join(d, parts[2]))
                for p in paths:
                    blocks, text = read_blocks(p)
                    number = 0
                    tables = []
                    for info, kv, bl in blocks:
                        if info == "tabel":
                            number += 1
                            t = Table(item, None, kv, d, bl)
                            t.number = number
                            t.doc = p
                            tables.append(t)
                            self.all_tables.append(t)
                            if t.name:
                                self.tables[t.name] = t
                        elif info == "beregning":
                            vals = {}
                            for v in kv.get("værdi", []):
                                n, rest = v.split(" = ", 1)
                                vals[n.strip()] = split_opts(rest)
                            self.values[kv["navn"][0]] = {"vals": vals, "mangler": kv.get("mangler", ["fejl"])[0]}
                    item["docs"].append({"path": p, "blocks": blocks, "text": text, "tables": tables})
                self.items.append(item)
        self.ev = Evaluator(self)


# ---- evaluation -----------------------------------------------------------------------------

class Evaluator:
    def __init__(self, meeting):
        self.m = meeting
        self.cache = {}  # (table name/id, r, c) -> (used value, printed)
        self.busy = set()
        self.warnings = []  # (path, line, col, text)
        self.notes = {}  # id(table) -> list of note strings
        self.kept = {}  # id(table) -> True where a published figure was kept although it differs
        self.value_cache = {}
        self.verdicts = {}  # (id(table), r, c) -> 'god', 'daarlig' or None

    # The winner formula of a cell, or None for an input cell.
    def formula_at(self, t, r, c):
        label = t.rows[r][0]
        if not label.strip():
            return None
        rowf = colf = None
        for f in t.formulas:
            if f.kind == "row" and norm(f.target) == norm(label) and c > 0:
                if "kolonner" in f.opts:
                    a, b = (t.col_index(x) for x in f.opts["kolonner"])
                    if not a <= c <= b:
                        continue
                if self.is_code_column(t, c):
                    continue
                rowf = f
            if f.kind == "col" and c > 0 and norm(f.target) == norm(t.header[c]):
                if "rækker" in f.opts:
                    a, b = (t.row_index(x) for x in f.opts["rækker"])
                    if not a <= r <= b:
                        # the row formula computes it only if it adds up
                        if rowf is None or rowf.cat != "add":
                            rowf = None if rowf is None or rowf.cat != "add" else rowf
                            colf = "excluded"
                        continue
                colf = f
        if colf == "excluded":
            return rowf if rowf is not None and rowf.cat == "add" else None
        if rowf and colf:
            if colf.cat == "word":
                return colf
            if rowf.cat == "word":
                return rowf
            if rowf.cat == "add" and colf.cat == "other":
                return rowf
            if rowf.cat in ("ratio", "other") and colf.cat == "add":
                return rowf
            return colf
        return rowf or colf

    def is_count(self, t, r, c):
        for label in (t.header[c], t.rows[r][0]):
            w = norm(label)
            if w.startswith("antal") or w.split(" ")[0] in ("indbyggere", "årsværk", "ansatte"):
                return True
        return False

    def is_code_column(self, t, c):
        h = t.header[c].lower()
        return bool(re.search(r"(nr\.|nummer|kode)\b", h)) or h.strip() in ("år", "periode")

    def cell(self, t, r, c):
        """(used value, printed string) of a cell as the table prints it."""
        key = (id(t), r, c)
        if key in self.cache:
            return self.cache[key]
        if key in self.busy:
            raise InputError("cycle")
        self.busy.add(key)
        try:
            res = self._cell(t, r, c)
        finally:
            self.busy.discard(key)
        self.cache[key] = res
        return res

    def _cell(self, t, r, c):
        cell = t.rows[r][1][c]
        f = self.formula_at(t, r, c)
        if f is None:
            if cell.kind == "num":
                x, dec, suffix = cell.num
                pct = "pct" if ("%" in suffix or "pct" in suffix) else False
                unit = None if pct or self.is_count(t, r, c) else t.factor
                v = Val(x, dec, pct=pct, unit=unit)
                if t.shown and unit:
                    return (v, fmt(x * unit / t.shown, int(t.decimaler) if t.decimaler is not None else 1))
                return (v, cell.printed())
            if cell.kind == "na":
                return (NA(cell.raw.strip()), cell.raw.strip())
            if cell.kind == "empty":
                return (None, "")
            return (("text", cell.raw.strip()), cell.raw.strip())
        ctx = {"table": t, "r": r, "c": c, "f": f}
        v = self.eval(f.ast, ctx)
        if isinstance(v, str):
            self.verdicts[(id(t), r, c)] = getattr(v, "verdict", None)
            return (v, v)
        if isinstance(v, NA):
            if cell.kind == "num":
                raise InputError("a published figure replaced by -")
            return (v, v.text)
        if v.unit and v.unit != t.factor:
            # an amount quoted from a table in another unit is converted exactly
            ratio = v.unit / t.factor
            d = v.dec
            if ratio > 1:
                d = max(0, d - (len(str(ratio.numerator)) - 1))
            v = Val(v.x * ratio, d, v.pct, t.factor)
        dec = v.dec
        if "decimaler" in f.opts:
            dec = int(f.opts["decimaler"])
        elif t.decimaler is not None:
            dec = int(t.decimaler)
        pub = None
        if cell.kind == "num":
            pub = cell.num
            if "decimaler" not in f.opts and t.decimaler is None:
                dec = max(dec, pub[1])
        if t.shown and v.unit:
            if pub is not None:
                raise Unsupported("published figure in a table shown in another unit")
            if "decimaler" not in f.opts and t.decimaler is None:
                dec = 1
            return (v, fmt(v.x * v.unit / t.shown, dec))
        units = f.opts.get("units", [])
        if "pct." in units:
            v = Val(v.x, v.dec, "pct", None)
        elif "pct.-point" in units:
            v = Val(v.x, v.dec, "point", None)
        suffix = ""
        if v.pct == "pct":
            suffix = " %"
        elif v.pct == "point" and not re.search(r"point", t.header[c] + " " + t.rows[r][0], re.I):
            suffix = " pct.-point"
        computed_shown = round_half_away(v.x, dec)
        if pub is not None:
            tol = f.opts.get("tolerance", Fraction(0))
            if pub[0] == computed_shown:
                # the computation gives the published figure: later formulas read the exact value,
                # with the published figure's decimals where it is written with fewer
                return (Val(v.x, min(dec, pub[1]), v.pct, v.unit), cell.printed())
            if abs(pub[0] - computed_shown) <= tol:
                # kept within the tolerance: later formulas read the published figure
                self.kept[id(t)] = True
                return (Val(pub[0], pub[1], v.pct, v.unit), cell.printed())
            self.warnings.append((t.path, cell.line, cell.col, f"published {cell.printed()} computed {fmt(v.x, dec)}"))
            self.notes.setdefault(id(t), []).append(
                f"Kildens tal for {t.rows[r][0].strip()} / {t.header[c].strip()} er {cell.printed()}; "
                f"beregnet af tallene i tabellen giver det {fmt(v.x, dec)}.")
        return (Val(v.x, dec, v.pct, v.unit), fmt(v.x, dec) + suffix)

    # ---- expressions
    def eval(self, e, ctx):
        op = e[0]
        if op == "num":
            return e[1]
        if op == "neg":
            v = self.eval(e[1], ctx)
            if isinstance(v, NA):
                return v
            return Val(-v.x, v.dec, v.pct, v.unit)
        if op in "+-*/":
            a = self.eval(e[1], ctx)
            b = self.eval(e[2], ctx)
            for v in (a, b):
                if isinstance(v, NA):
                    return v
                if not isinstance(v, Val):
                    raise InputError(f"not a number: {v!r}")
            if op in "+-" and a.unit and b.unit and a.unit != b.unit:
                b = Val(b.x * b.unit / a.unit, b.dec, b.pct, a.unit)
            if op == "+":
                p = "pct" if "pct" in (a.pct, b.pct) and (a.pct and b.pct) else (
                    "point" if a.pct == b.pct == "point" else False)
                return Val(a.x + b.x, max(a.dec, b.dec), p, a.unit or b.unit)
            if op == "-":
                p = {("pct", "pct"): "point", ("pct", "point"): "pct", ("point", "point"): "point"}.get(
                    (a.pct, b.pct), False)
                return Val(a.x - b.x, max(a.dec, b.dec), p, a.unit or b.unit)
            literal = e[2][0] == "num"
            if op == "*":
                return Val(a.x * b.x, max(a.dec, b.dec), a.pct if literal else False,
                           unit=(a.unit if b.unit is None else b.unit if a.unit is None else None))
            if b.x == 0:
                raise InputError("division by zero")
            return Val(a.x / b.x, max(a.dec, b.dec), a.pct if literal else False,
                       unit=a.unit if b.unit is None else None)
        if op == "ref":
            return self.ref(e[1], ctx)
        if op == "xref":
            name, parts = e[1], e[2]
            if name in self.m.tables:
                t = self.m.tables[name]
                r, c = t.row_index(parts[0]), t.col_index(parts[1])
                v = self.cell(t, r, c)[0]
                return self.need(v, t, r, c, ctx)
            if name in self.m.values:
                return self.value(name, parts[0], ctx)
            raise KeyError(name)
        if op == "fn":
            return self.fn(e[1], e[2], ctx)
        raise Unsupported(op)

    def need(self, v, t, r, c, ctx):
        if v is None:
            raise InputError(f"empty cell {t.rows[r][1][c].line}:{t.rows[r][1][c].col} used")
        if isinstance(v, NA):
            if not self.mangler_videre(ctx):
                raise InputError(f"{v.text} used at {t.rows[r][1][c].line}:{t.rows[r][1][c].col}")
            return v
        if isinstance(v, tuple):
            raise InputError(f"text {v[1]!r} used")
        return v

    def mangler_videre(self, ctx):
        if "table" in ctx:
            return ctx["table"].mangler == "videre"
        return ctx.get("mangler") == "videre"

    def printed_value(self, t, r, c):
        p = parse_number(self.cell(t, r, c)[1])
        if not p:
            raise Unsupported("printed part is not a number")
        return Val(p[0], p[1])

    def rounding_note(self, t):
        """Whether a total the table prints differs from the sum of its printed parts."""
        if not t.shown:
            return False
        for r in range(len(t.rows)):
            for c in range(1, len(t.header)):
                f = self.formula_at(t, r, c)
                if f is None or f.cat != "add" or not self.plain_sum(f.ast):
                    continue
                v = self.cell(t, r, c)[0]
                if not isinstance(v, Val) or not v.unit:
                    continue
                ctx = {"table": t, "r": r, "c": c, "f": f, "printed": True}
                parts = self.eval(f.ast, ctx)
                total = parse_number(self.cell(t, r, c)[1])[0]
                if parts.x != total:
                    return True
        return False

    def plain_sum(self, e):
        if e[0] == "ref" or (e[0] == "fn" and e[1] == "sum"):
            return True
        if e[0] in ("+", "-"):
            return self.plain_sum(e[1]) and self.plain_sum(e[2])
        return False

    def ref(self, label, ctx):
        t = ctx.get("table")
        if ctx.get("printed"):
            f = ctx["f"]
            r, c = (t.row_index(label), ctx["c"]) if f.kind == "row" else (ctx["r"], t.col_index(label))
            return self.printed_value(t, r, c)
        if t is None:
            if "block" in ctx:
                return self.value(ctx["block"], label, ctx)
            raise Unsupported("bare label outside a table")
        f = ctx["f"]
        if ctx.get("want_word") and norm(label).split(" ")[0] in ("højere", "lavere"):
            return label
        if f.kind == "row":
            r, c = t.row_index(label), ctx["c"]
        else:
            r, c = ctx["r"], t.col_index(label)
        v = self.cell(t, r, c)[0]
        if isinstance(v, tuple) and ctx.get("want_word"):
            return v[1]
        return self.need(v, t, r, c, ctx)

    def fn(self, name, args, ctx):
        if name == "sum":
            vals = []
            for a in args:
                if a[0] == "range":
                    vals += self.range_vals(a[1], a[2], ctx)
                else:
                    vals.append(self.eval(a, ctx))
            if any(isinstance(v, NA) for v in vals):
                return next(v for v in vals if isinstance(v, NA))
            return Val(sum((v.x for v in vals), Fraction(0)), max(v.dec for v in vals),
                       all(v.pct for v in vals), vals[0].unit)
        if name in ("min", "max", "abs"):
            vals = [self.eval(a, ctx) for a in args]
            if any(isinstance(v, NA) for v in vals):
                return next(v for v in vals if isinstance(v, NA))
            if name == "abs":
                return Val(abs(vals[0].x), vals[0].dec, vals[0].pct, vals[0].unit)
            pick = (min if name == "min" else max)(vals, key=lambda v: v.x)
            return Val(pick.x, max(v.dec for v in vals), pick.pct)
        if name == "nummer":
            t = self.m.tables[args[0][1]]
            return Val(t.number, 0)
        if name in ("status", "udvikling", "loft"):
            vals = []
            for i, a in enumerate(args):
                if a[0] == "ref":
                    ctx2 = dict(ctx, want_word=True)
                    vals.append(self.eval(a, ctx2))
                else:
                    vals.append(self.eval(a, ctx))
            if any(isinstance(v, NA) for v in vals):
                return NA("-")  # a verdict on a figure not available is "-"
            if name == "status":
                v, goal, direction = vals
                better = direction if isinstance(direction, str) else direction[1]
                ok = v.x >= goal.x if better.startswith("højere") else v.x <= goal.x
                return Word("opfyldt", "god") if ok else Word("ikke opfyldt", "daarlig")
            if name == "udvikling":
                before, now, direction, band = vals
                if abs(now.x - before.x) <= band.x:
                    return Word("uændret", None)
                up = now.x > before.x
                good = up == (direction if isinstance(direction, str) else direction[1]).startswith("højere")
                return Word("stigende" if up else "faldende", "god" if good else "daarlig")
            v, cap = vals
            if v.x > cap.x:
                return Word("over loftet", "daarlig")
            if v.x < cap.x:
                return Word("under loftet", "god")
            return Word("på loftet", None)
        raise Unsupported(name)

    def range_vals(self, a, b, ctx):
        t = ctx["table"]
        f = ctx["f"]
        out = []
        if f.kind == "row":
            i, j = t.row_index(a), t.row_index(b)
            for r in range(i, j + 1):
                if not t.rows[r][0].strip():
                    continue
                if ctx.get("printed"):
                    out.append(self.printed_value(t, r, ctx["c"]))
                    continue
                v = self.cell(t, r, ctx["c"])[0]
                out.append(self.need(v, t, r, ctx["c"], ctx))
        else:
            i, j = t.col_index(a), t.col_index(b)
            for c in range(i, j + 1):
                if ctx.get("printed"):
                    out.append(self.printed_value(t, ctx["r"], c))
                    continue
                v = self.cell(t, ctx["r"], c)[0]
                out.append(self.need(v, t, ctx["r"], c, ctx))
        return out

    def value(self, block, name, ctx):
        key = (block, name)
        if key in self.value_cache:
            return self.value_cache[key]
        b = self.m.values[block]
        expr, opts = b["vals"][name]
        v = self.eval(parse_formula(expr), {"block": block, "mangler": b["mangler"]})
        if isinstance(v, Val) and "decimaler" in opts:
            v = Val(v.x, int(opts["decimaler"]), v.pct)
        self.value_cache[key] = v
        return v

    # ---- the text
    def figure(self, text):
        """What `{text}` prints."""
        expr, opts = split_opts(text)
        ast = parse_formula(expr)
        units = opts.get("units", [])
        if ast[0] == "xref" and not opts and ast[1] in self.m.tables:
            t = self.m.tables[ast[1]]
            r, c = t.row_index(ast[2][0]), t.col_index(ast[2][1])
            if self.cell(t, r, c)[0] is None:
                raise InputError("a figure quotes an empty cell")
            return self.cell(t, r, c)[1]
        ctx = {"mangler": "fejl"}
        if ast[0] == "xref" and ast[1] in self.m.tables:
            # a figure that only quotes a cell prints what the table prints for "-"
            t = self.m.tables[ast[1]]
            v = self.cell(t, t.row_index(ast[2][0]), t.col_index(ast[2][1]))[0]
            if isinstance(v, NA):
                return v.text
        v = self.eval(ast, ctx)
        if isinstance(v, str):
            if "verbum" in units:
                return {"faldende": "faldet", "stigende": "steget", "uændret": "uændret"}.get(v, v)
            return v
        if isinstance(v, NA):
            return v.text
        dec = v.dec
        unit = ""
        x = v.x
        for u in units:
            if u in UNIT_FACTOR:
                src = v.unit or Fraction(1)
                x = x * src / UNIT_FACTOR[u]
                if UNIT_FACTOR[u] > src:
                    dec = 1
                else:
                    ratio = src / UNIT_FACTOR[u]
                    digits = len(str(ratio.numerator)) - 1
                    dec = max(0, dec - digits)
                unit = " " + u
            elif u in ("pct.", "pct.-point"):
                unit = " " + u
        if "decimaler" in opts:
            dec = int(opts["decimaler"])
        return fmt(x, dec) + unit

    def item_figures(self, item):
        """The figures of an item's text, in the order of its Markdown (item.md, then its
        Markdown attachments)."""
        out = []
        for doc in item["docs"]:
            for ln, line in doc["text"]:
                for m in re.finditer(r"(?<!\\)\{([^{}]*)\}", line):
                    out.append((doc["path"], ln, m.group(1), self.figure(m.group(1))))
        return out

    def table_print(self, t):
        """The printed table: header and rows of strings, as the HTML holds them."""
        rows = []
        for r, (label, cells) in enumerate(t.rows):
            if not label.strip() and all(c.kind == "empty" for c in cells[1:]):
                rows.append(None)
                continue
            rows.append([label.strip()] + [self.cell(t, r, c)[1] for c in range(1, len(t.header))])
        return rows


def chart_tables(meeting):
    """The data table each chart prints ("Tallene bag figur N: titel"): title -> (item, rows)."""
    out = {}
    ev = meeting.ev
    for it in meeting.items:
        for doc in it["docs"]:
            for info, kv, _ in doc["blocks"]:
                if info != "diagram":
                    continue
                t = meeting.tables[kv["tabel"][0]]
                rows = list(range(len(t.rows)))
                cols = list(range(1, len(t.header)))
                if "rækker" in kv:
                    rows = pick(kv["rækker"][0], lambda x: t.row_index(x))
                else:
                    rows = [r for r in rows if t.rows[r][0].strip()]
                if "kolonner" in kv:
                    cols = pick(kv["kolonner"][0], lambda x: t.col_index(x))
                grid = [[t.header[c].strip() for c in cols]] + [
                    [t.rows[r][0].strip()] + [ev.cell(t, r, c)[1] for c in cols] for r in rows]
                if kv.get("serier", ["rækker"])[0] == "kolonner":
                    head = [""] + [t.rows[r][0].strip() for r in rows]
                    body = [[t.header[c].strip()] + [ev.cell(t, r, c)[1] for r in rows] for c in cols]
                    grid = [head] + body
                else:
                    grid[0] = [""] + grid[0]
                out[kv["titel"][0]] = (it, grid, kv)
    return out


def pick(spec, index):
    out = []
    for part in spec.split(";"):
        part = part.strip()
        if " .. " in part:
            a, b = part.split(" .. ")
            out += list(range(index(a.strip()), index(b.strip()) + 1))
        else:
            out.append(index(part))
    return out
