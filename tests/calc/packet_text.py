"""Reading a built packet for probe_one_figure.py: its tables, the figures of its text, and its
words (HTML text and pdftotext), without boardpack's code."""
import html
import html.parser
import re
import subprocess


def strip_tags(s):
    return html.unescape(re.sub(r"<[^>]+>", "", s)).replace("\u00a0", " ").strip()


def tables(page):
    """title (without "Tabel N: ") -> {"rows": [[cells] or None], "notes": [...], "kilde": str}"""
    out = {}
    for m in re.finditer(r'<div class="tabel[^"]*"[^>]*>(.*?)</div>', page, re.S):
        seg = m.group(1)
        cap = strip_tags(re.search(r"<caption[^>]*>(.*?)</caption>", seg, re.S).group(1))
        title = re.sub(r"^Tabel \d+: ", "", cap)
        rows, classes = [], []
        for tr in re.finditer(r"<tr([^>]*)>(.*?)</tr>", seg, re.S):
            if 'class="mellemrum"' in tr.group(1):
                rows.append(None)
                classes.append(None)
                continue
            cells = re.findall(r"<t[hd]([^>]*)>(.*?)</t[hd]>", tr.group(2), re.S)
            rows.append([strip_tags(c) for a, c in cells])
            classes.append([(re.search(r'class="([^"]*)"', a) or [None, ""])[1].split() for a, c in cells])
        after = seg[seg.find("</table>"):]
        notes = [strip_tags(n) for n in re.findall(r'<p class="note">(.*?)</p>', after, re.S)]
        kilde = [strip_tags(n) for n in re.findall(r'<p class="kilde">(.*?)</p>', after, re.S)]
        key = title
        n = 2
        while key in out:
            key = f"{title} #{n}"
            n += 1
        out[key] = {"rows": rows, "classes": classes, "notes": notes, "kilde": kilde[0] if kilde else ""}
    return out


def figures(page):
    """item number -> the texts of <span class="tal"> in its text (not in tables or figures)."""
    out = {}
    parts = re.split(r'(<article class="[^"]*" id="punkt-(\d+)">)', page)
    # parts: [before, tag, num, body, tag, num, body ...]
    for i in range(1, len(parts), 3):
        num, body = parts[i + 1], parts[i + 2]
        body = re.sub(r'<div class="tabel[^"]*".*?</div>', "", body, flags=re.S)
        body = re.sub(r"<figure.*?</figure>", "", body, flags=re.S)
        body = re.sub(r'<section class="bilagsliste">.*?</section>', "", body, flags=re.S)
        body = re.sub(r"<h2>.*?</h2>", "", body, flags=re.S, count=1)
        out[num] = [strip_tags(s) for s in re.findall(r'<span class="tal">(.*?)</span>', body, re.S)]
    return out


INLINE = {"span", "a", "em", "strong", "b", "i", "del", "s", "code", "abbr", "sup", "sub"}


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        # A chart's drawing is judged by its data table ("Tallene bag figur"): its axis and
        # which category labels fit move with the figures.
        self.skip += tag in ("style", "script", "svg")
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script", "svg")
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words_html(path):
    t = _Text()
    t.feed(open(path, encoding="utf-8").read())
    return "".join(t.parts).split()


def words_pdf(path):
    return subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, text=True).stdout.split()


def chart_bars(page, title):
    """The lengths of the bars of the chart captioned "Figur N: title" (its first drawing), or
    None when it is not a bar chart."""
    for m in re.finditer(r'<figure class="figur" id="[^"]*">(.*?)</figure>', page, re.S):
        fig = m.group(1)
        cap = re.search(r"<figcaption>(.*?)</figcaption>", fig, re.S)
        if not cap or not re.match(r"Figur \d+: " + re.escape(title) + "$", strip_tags(cap.group(1))):
            continue
        svg = fig[fig.find("<svg"): fig.find("</svg>")]
        if "stroke-linejoin" in svg or "<polyline" in svg:
            return None
        out = []
        for d in re.findall(r'<path d="M([^"]*) Z" fill="#[0-9a-f]{6}"', svg):
            pts = [tuple(float(v) for v in p.split()) for p in d.split(" L")]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            w, h = max(xs) - min(xs), max(ys) - min(ys)
            if w <= 9.5 and h <= 9.5:
                continue  # a legend's swatch
            out.append((w, h))
        return out
    return None
