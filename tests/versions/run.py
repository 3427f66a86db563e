#!/usr/bin/env python3
"""Versions of a published packet (README, "Corrections"), end to end on a copy of the example:
a rebuild with no change makes no new version and the same bytes; a changed input cell needs a
date ("rettet:") and makes version 2 of both editions, keeping version 1 whole under
<edition>/versioner/1/; a change only in a confidential item makes a new closed version and
leaves every public byte as it was; `boardpack diff` lists the change and writes nothing; an item
made confidential is all the public edition says of it, with a warning, and the public versions
that published it move into the closed edition; a PDF attachment or a picture replaced by another
file under the same title or caption makes a new version that says so; a build killed at every
publishing step leaves a whole packet, old or new, with all its versions, and the next build
goes on from it.

    python3 tests/versions/run.py BOARDPACK SOURCE_DIR
"""
import hashlib
import os
import struct
import zlib
import re
import shutil
import subprocess
import sys
import tempfile

failures = 0


def check(what, ok, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else "\n       " + detail.replace("\n", "\n       ")))
    if not ok:
        failures += 1


def tree(root, sub=""):
    """Every file under root/sub (links followed at the top) with its digest."""
    out = {}
    base = os.path.join(root, sub)
    for folder, _, files in os.walk(base):
        for f in files:
            p = os.path.join(folder, f)
            out[os.path.relpath(p, root)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return out


def everything(out):
    """The whole output folder, the working folder included, by name and digest."""
    listing = {}
    for folder, dirs, files in os.walk(out):
        for f in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            p = os.path.join(folder, f)
            rel = os.path.relpath(p, out)
            listing[rel] = os.readlink(p) if os.path.islink(p) else hashlib.sha256(open(p, "rb").read()).hexdigest()
    return listing


def readable_by_others(root):
    """The files under root that a user neither owner nor in the group can read: each folder on
    the way open to others (o+x) and the file readable (o+r)."""
    out = []
    if not os.stat(root).st_mode & 0o001:
        return out
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if os.stat(os.path.join(folder, d)).st_mode & 0o001]
        out += [os.path.relpath(os.path.join(folder, f), root) for f in files
                if os.stat(os.path.join(folder, f)).st_mode & 0o004]
    return out


def snapshot_version(packet, edition):
    text = open(os.path.join(packet, edition, f"snapshot-{edition}.txt"), encoding="utf-8").read()
    return int(re.search(r"^version\t(\d+)$", text, re.M).group(1))


def edit(path, old, new):
    text = open(path, encoding="utf-8").read()
    assert old in text, f"{old!r} not in {path}"
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))


def png(grey):
    """A 2 x 2 grey PNG, its grey level `grey`."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([grey, grey]) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def older_caption_snapshot(boardpack, root, env):
    """A packet an earlier boardpack published, whose snapshots recorded a picture's caption as
    its words alone (before a figure in it was quoted as a figure) and kept no link's address:
    rebuilt unchanged, it stays version 1 with the same snapshot bytes; the published caption is
    not read as a text with figures it does not have, nor are its links read as all removed."""
    with tempfile.TemporaryDirectory() as work:
        m, out = os.path.join(work, "m"), os.path.join(work, "out")
        packet = os.path.join(out, "m")
        shutil.copytree(os.path.join(root, "inputs", "2023-09-bestyrelsen"), m)
        open(os.path.join(m, "19-budget-2024", "figur-9.png"), "wb").write(png(40))
        anchor = "Tabel {nummer(basisbudget)} viser budgetforslaget"
        edit(os.path.join(m, "19-budget-2024", "item.md"), anchor,
             "![Driftsresultatet 2024 er {basisbudget[Driftsresultat; Budget 2024] | mio. kr.}](figur-9.png)\n\n" + anchor)
        build = lambda: subprocess.run([boardpack, "build", m, "--out", out], capture_output=True, text=True, env=env)
        p = build()
        check("a picture whose description quotes a figure builds", p.returncode == 0, p.stderr)
        quoted = "Figur 1: Driftsresultatet 2024 er \\{33,4 mio. kr.\\}\tbasisbudget[Driftsresultat; Budget 2024] | mio. kr.\n"
        for edition in ("offentlig", "lukket"):
            path = os.path.join(packet, edition, f"snapshot-{edition}.txt")
            text = open(path, encoding="utf-8").read()
            check(f"{edition}: the snapshot quotes the caption's figure", quoted in text, text[:0])
            text = text.replace(quoted, "Figur 1: Driftsresultatet 2024 er 33,4 mio. kr.\n")
            # Nor did it keep its links' addresses.
            check(f"{edition}: the snapshot keeps its links' addresses", "\nfelt\tlenker\tgemt\n" in text and "\nlenke\t" in text)
            text = "".join(l for l in text.splitlines(True) if not l.startswith(("lenke\t", "felt\tlenker\t")))
            open(path, "w", encoding="utf-8").write(text)
            os.remove(os.path.join(packet, edition, f".boardpack-files-{edition}"))  # no lists before then
        marker = os.path.join(packet, ".boardpack-packet")
        lines = open(marker).readlines()
        open(marker, "w").write("".join(l for l in lines if not l.startswith("files: ")))
        snapshots = {e: open(os.path.join(packet, e, f"snapshot-{e}.txt"), "rb").read() for e in ("offentlig", "lukket")}
        p = build()
        check("rebuilt unchanged, the older packet stays version 1", p.returncode == 0 and
              "offentlig unchanged, still version 1" in p.stdout and "lukket unchanged, still version 1" in p.stdout,
              p.stdout + p.stderr)
        check("with its snapshots' bytes as they were", all(
            open(os.path.join(packet, e, f"snapshot-{e}.txt"), "rb").read() == b for e, b in snapshots.items()))


def main():
    boardpack, root = sys.argv[1], sys.argv[2]
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["LC_ALL"] = "C"
    with tempfile.TemporaryDirectory() as work:
        m = os.path.join(work, "m")
        out = os.path.join(work, "out")
        packet = os.path.join(out, "m")
        shutil.copytree(os.path.join(root, "inputs", "2023-09-bestyrelsen"), m)

        def run(*args, extra=None):
            e = dict(env, **(extra or {}))
            return subprocess.run([boardpack, *args], capture_output=True, text=True, env=e)

        def build(extra=None):
            return run("build", m, "--out", out, extra=extra)

        p = build()
        check("the first build succeeds", p.returncode == 0, p.stderr)
        check("it is version 1 of both editions", snapshot_version(packet, "offentlig") == 1 and snapshot_version(packet, "lukket") == 1)
        check("with no kept versions", not os.path.exists(os.path.join(packet, "offentlig", "versioner")))
        v1 = tree(packet)

        # No change: no new version, the same bytes.
        p = build()
        check("a rebuild with no change succeeds", p.returncode == 0, p.stderr)
        check("and says both editions are unchanged", "offentlig unchanged, still version 1" in p.stdout and "lukket unchanged, still version 1" in p.stdout, p.stdout)
        check("and writes the same bytes", tree(packet) == v1)

        # One input cell changed: version 2 needs its date.
        csv = os.path.join(m, "19-budget-2024", "tabel-3.csv")
        edit(csv, "Løn;125.100.000;122.100.000", "Løn;125.100.000;123.100.000")
        before = everything(out)
        p = build()
        check("a changed input with no date is refused (exit 1)", p.returncode == 1, p.stderr)
        check("naming meeting.txt and the rettet: line", re.search(r"meeting\.txt:1:(\d+:)? error: .*rettet: YYYY-MM-DD", p.stderr) is not None, p.stderr)
        check("and the packet is as it was", tree(packet) == v1)
        # check compares with the published packet as the build does (regression: check passed
        # and the build then failed for the missing date).
        p = run("check", m, "--out", out)
        check("check says the date is needed too (exit 1)",
              p.returncode == 1 and re.search(r"meeting\.txt:1:(\d+:)? error: .*rettet: YYYY-MM-DD", p.stderr) is not None, p.stderr)
        check("and writes nothing", tree(packet) == v1)
        # A correction dated long before the meeting is warned of (regression: SOURCE_DATE_EPOCH=1
        # printed "rettet 1. januar 1970" on every page without a word).
        p = run("check", m, "--out", out, extra={"SOURCE_DATE_EPOCH": "1"})
        check("check with a date of 1970 warns that it is before the meeting",
              p.returncode == 0 and "warning: the correction's date 1970-01-01 is more than a month before the meeting (2023-09-28)" in p.stderr,
              p.stderr)
        p = run("check", m, "--out", out, extra={"SOURCE_DATE_EPOCH": "1695340800"})
        check("and not with one in the meeting's week", p.returncode == 0 and "more than a month" not in p.stderr, p.stderr)
        # Regression (snapshot-lost): with the published snapshot deleted by hand, the next build
        # published the corrected figures as version 1 over the one the board had read. On a copy.
        lost = os.path.join(work, "lost")
        shutil.copytree(out, lost, symlinks=True)
        os.remove(os.path.join(lost, "m", "offentlig", "snapshot-offentlig.txt"))
        lost_before = everything(lost)
        for command in ("diff", "build"):
            p = run(command, m, "--out", lost, extra={"SOURCE_DATE_EPOCH": "1695340800"})
            check(f"{command} with the published snapshot lost is refused (exit 1)",
                  p.returncode == 1 and "error: the published version's snapshot is missing" in p.stderr, p.stderr)
        check("and the copy is as it was", everything(lost) == lost_before)
        shutil.rmtree(lost)

        # diff lists the change and writes nothing.
        p = run("diff", m, "--out", out)
        check("diff succeeds", p.returncode == 0, p.stderr)
        check("diff lists the input cell, old -> new", re.search(r"item 19, table 3 \(.*\), Løn / .*: 122\.100\.000 -> 123\.100\.000 \(input\)", p.stdout) is not None, p.stdout)
        check("and the derived figures under it", re.search(r"^    item 19, .*: .* -> ", p.stdout, re.M) is not None, p.stdout)
        check("for both editions", "offentlig: version 1 would become version 2" in p.stdout and "lukket: version 1 would become version 2" in p.stdout, p.stdout)
        check("diff writes nothing", everything(out) == before)
        # The derived figures diff lists (the public edition's block; the closed one's is the same),
        # each one's new value: the rettelsesblad below must list exactly these.
        public_block = p.stdout.split("lukket:")[0]
        listed = [m.group(1).strip() for m in re.finditer(r"^    item .* -> (.*)$", public_block, re.M)]

        edit(os.path.join(m, "meeting.txt"), "dato: 2023-09-28\n", "dato: 2023-09-28\nrettet: 2023-09-29\n")
        p = build()
        check("with rettet: the build succeeds", p.returncode == 0, p.stderr)
        summary = re.search(r"offentlig version 2, rettet 2023-09-29: 1 input figure, (\d+) derived figures", p.stdout)
        check("the summary says what changed", summary is not None and int(summary.group(1)) >= 3, p.stdout)
        check("both editions are version 2", snapshot_version(packet, "offentlig") == 2 and snapshot_version(packet, "lukket") == 2)
        v2 = tree(packet)
        for edition in ("offentlig", "lukket"):
            for kind in ("html", "pdf"):
                name = f"{edition}/dagsorden-{edition}.{kind}"
                check(f"version 1's {name} is kept whole", v2.get(f"{edition}/versioner/1/dagsorden-{edition}.{kind}") == v1[name])
        # The rettelsesblad, on its own and opening the packet, in both formats; version 1 has no
        # date of its own, so the sheet names none for it (no "fra ." with an empty date).
        for edition in ("offentlig", "lukket"):
            sheet_html = v2.get(f"{edition}/rettelsesblad-{edition}.html")
            sheet_pdf = os.path.join(packet, edition, f"rettelsesblad-{edition}.pdf")
            check(f"{edition}: the rettelsesblad is written as HTML and PDF", sheet_html is not None and os.path.exists(sheet_pdf))
            if os.path.exists(sheet_pdf):
                text = " ".join(subprocess.run(["pdftotext", sheet_pdf, "-"], capture_output=True, text=True).stdout.split())
                check(f"{edition}: the sheet names the input cell, old and new", "122.100.000 til 123.100.000" in text, text[:600])
                # Exactly the changes `diff` listed: the input cell and each figure computed from it.
                page = open(os.path.join(packet, edition, f"rettelsesblad-{edition}.html"), encoding="utf-8").read()
                entries = re.findall(r"<li>(.*?)(?:<p|</li>)", page)
                check(f"{edition}: the sheet lists the input figure and its {len(listed)} derived figures, no more",
                      len(entries) == len(listed) + 1 and all(f"til {new}" in e for e, new in zip(entries[1:], listed)),
                      (entries, listed))
                check(f"{edition}: a row label's colon is not printed before the sheet's comma", ":," not in page)
                check(f"{edition}: the sheet says which version it replaces, with no empty date",
                      "erstatter version 1." in text and "fra ." not in text, text[:400])
        check("the closed edition's kept versions are for owner and group only",
              os.stat(os.path.join(packet, "lukket", "versioner", "1", "dagsorden-lukket.pdf")).st_mode & 0o7 == 0
              and os.stat(os.path.join(packet, "lukket", "versioner")).st_mode & 0o7 == 0)

        # A change only in a confidential item: a new closed version, the public edition untouched.
        edit(os.path.join(m, "06-fortroligt-eksempel", "item.md"), "Direktionen foreslår", "Direktionen foreslår nu")
        p = build()
        check("a confidential-only change builds", p.returncode == 0, p.stderr)
        check("the closed edition is version 3", snapshot_version(packet, "lukket") == 3)
        check("the public edition is still version 2", snapshot_version(packet, "offentlig") == 2 and "offentlig unchanged, still version 2" in p.stdout, p.stdout)
        v3 = tree(packet)
        public_before = {k: v for k, v in v2.items() if k.startswith("offentlig/")}
        public_now = {k: v for k, v in v3.items() if k.startswith("offentlig/")}
        check("every public file is byte-identical", public_before == public_now,
              "\n".join(sorted(k for k in set(public_before) | set(public_now) if public_before.get(k) != public_now.get(k))))
        check("the closed edition keeps versions 1 and 2", "lukket/versioner/2/dagsorden-lukket.pdf" in v3 and "lukket/versioner/1/dagsorden-lukket.pdf" in v3)
        check("and no public file says a version 3", not any("/3/" in k for k in public_now))
        p = build()
        check("a rebuild then changes no byte", p.returncode == 0 and tree(packet) == v3, p.stderr)

        # Killed at every publishing step: a whole packet, old or new, with every version.
        edit(csv, "Løn;125.100.000;123.100.000", "Løn;125.100.000;124.100.000")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-09-29", "rettet: 2023-09-30")
        for step in (1, 2, 3):
            p = build({"BOARDPACK_TEST_KILL_AFTER_STEP": str(step)})
            check(f"killed after publishing step {step}", p.returncode == -9, p.stderr)
            now = tree(packet)
            pub = snapshot_version(packet, "offentlig")
            closed = snapshot_version(packet, "lukket")
            whole = (now == v3) if (pub, closed) == (2, 3) else (pub, closed) == (3, 4)
            check(f"  output/m is a whole packet, old or new (offentlig {pub}, lukket {closed})", whole)
            kept = all(f"{e}/versioner/{k}/snapshot-{e}.txt" in now for e, n in (("offentlig", pub), ("lukket", closed)) for k in range(1, n))
            check("  with every earlier version kept", kept)
            if (pub, closed) == (3, 4):
                # The next build finds nothing changed against the new packet: the same version.
                p = build()
                check("  the next build keeps that version", p.returncode == 0 and snapshot_version(packet, "lukket") == 4, p.stderr + p.stdout)
                break
        check("no staging folder is left after a full build", build().returncode == 0 and not os.path.exists(os.path.join(out, ".boardpack", "m", "staging")))
        check("the corrected packet is version 3 and 4", snapshot_version(packet, "offentlig") == 3 and snapshot_version(packet, "lukket") == 4)

        # A public item made confidential: the public edition says only that, and the build warns.
        edit(os.path.join(m, "21-hoeringssvar", "item.md"), "status: Offentlig", "status: Fortrolig")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-09-30", "rettet: 2023-09-24")
        p = build()
        check("a correction dated before the version it corrects is refused",
              p.returncode == 1 and re.search(r"meeting\.txt:\d+:\d+: error: the correction's date 2023-09-24 is before that of version 3 of the offentlig edition, which it corrects \(2023-09-30\)", p.stderr) is not None, p.stderr)
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-09-24", "rettet: 2023-10-01")
        # Killed right after the link switch (step 3), on a copy: the old version, left in the
        # working folder until the next build removes it, holds the item's public text, which the
        # new packet withdraws; others may not read it then (regression, probe 41a: it was left
        # 0755 with its files 0644).
        killed = os.path.join(work, "killed")
        shutil.copytree(out, killed, symlinks=True)
        old_version = os.path.join(killed, os.readlink(os.path.join(killed, "m")))
        p = run("build", m, "--out", killed, extra={"BOARDPACK_TEST_KILL_AFTER_STEP": "3"})
        check("killed after the link switch as an item is made confidential", p.returncode == -9, p.stderr)
        check("  the new packet is published", os.path.realpath(os.path.join(killed, "m")) != os.path.realpath(old_version))
        holds = [k for k in tree(old_version, "offentlig")
                 if "Lovforslag om ændring af lov om autorisation".encode() in open(os.path.join(old_version, k), "rb").read()]
        check("  the old version left behind holds the item's public text", bool(holds))
        open_to_all = readable_by_others(old_version)
        check("  and is readable by owner and group only", not open_to_all, "\n".join(open_to_all[:5]))
        shutil.rmtree(killed)
        p = build()
        check("an item made confidential builds", p.returncode == 0, p.stderr)
        check("with a warning that the earlier public version published it",
              re.search(r"21-hoeringssvar/item\.md.*warning: item 21 is now confidential, but the public edition published its content \(in version 3 or an earlier one\)", p.stderr) is not None, p.stderr)
        snap = open(os.path.join(packet, "offentlig", "snapshot-offentlig.txt"), encoding="utf-8").read()
        check("the public snapshot keeps only its number and status", re.search(r"^punkt\t21\tfortrolig\tskjult\t\t\t\t$", snap, re.M) is not None)
        check("and nothing of its text", "Høringssvar - Lovforslag" not in snap)
        check("the summary counts it", "offentlig version 4, rettet 2023-10-01: 1 item, table or attachment added, removed or made confidential" in p.stdout, p.stdout)
        public_files = tree(packet, "offentlig")
        check("the public versions that published it leave the public edition", not any("/versioner/" in k for k in public_files), "\n".join(public_files))
        leak = [k for k in public_files if "Lovforslag om ændring af lov om autorisation".encode() in open(os.path.join(packet, k), "rb").read()]
        check("no public file holds its title", not leak, "\n".join(leak))
        withdrawn = tree(packet, "lukket/tilbagetrukket")
        check("they are kept in the closed edition, versions 1 to 3",
              all(f"lukket/tilbagetrukket/offentlig/versioner/{k}/dagsorden-offentlig.pdf" in withdrawn for k in (1, 2, 3)), "\n".join(sorted(withdrawn)))
        check("for owner and group only", os.stat(os.path.join(packet, "lukket", "tilbagetrukket")).st_mode & 0o7 == 0)
        # Each file too, not only its folders: a copy of the folder (cp -a, rsync -a) keeps the modes.
        readable = [k for k in withdrawn if os.stat(os.path.join(packet, k)).st_mode & 0o7 != 0]
        check("every withdrawn file for owner and group only (0640, not the public 0644)", not readable, "\n".join(readable))
        v4 = tree(packet)
        p = build()
        check("a rebuild then changes no byte (version 4 still compared with the withdrawn version 3)", p.returncode == 0 and tree(packet) == v4 and "offentlig unchanged, still version 4" in p.stdout, p.stderr + p.stdout)

        # A PDF attachment replaced by another file under the same title (item 5's memo, one page
        # fewer): a new version, which says so, though no word of the input's text changed.
        import pikepdf
        memo = os.path.join(m, "05-boerne-og-ungdomspsykiatri", "bilag-1.pdf")
        with pikepdf.open(memo, allow_overwriting_input=True) as pdf:
            del pdf.pages[-1]
            pdf.save(memo)
        p = run("diff", m, "--out", out)
        check("diff sees the replaced attachment",
              "offentlig: version 4 would become version 5: 1 attachment or picture replaced by another file" in p.stdout, p.stdout + p.stderr)

        def replaced(what, old_date, new_date, version, sheet_line):
            """Built with the correction dated new_date: public version `version`, which says a
            file was replaced, in its summary and its rettelsesblad."""
            edit(os.path.join(m, "meeting.txt"), "rettet: " + old_date, "rettet: " + new_date)
            p = build()
            check(f"the replaced {what} makes version {version}, which says so", p.returncode == 0 and
                  f"offentlig version {version}, rettet {new_date}: 1 attachment or picture replaced by another file"
                  in p.stdout, p.stdout + p.stderr)
            sheet = open(os.path.join(packet, "offentlig", "rettelsesblad-offentlig.html"), encoding="utf-8").read()
            check(f"its rettelsesblad names the {what}", sheet_line in sheet, sheet[-2000:])

        replaced("attachment", "2023-10-01", "2023-10-02", 5, "Bilag udskiftet med en anden fil: Udredningsret")
        # A picture, then another file under the same caption.
        picture = os.path.join(m, "05-boerne-og-ungdomspsykiatri", "figur-2.png")
        open(picture, "wb").write(png(40))
        edit(os.path.join(m, "05-boerne-og-ungdomspsykiatri", "item.md"), "\n# Økonomi", "\n![Figur 2: Ventetid pr. region](figur-2.png)\n\n# Økonomi")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-02", "rettet: 2023-10-03")
        p = build()
        check("a picture added makes version 6", p.returncode == 0 and "offentlig version 6" in p.stdout, p.stdout + p.stderr)
        open(picture, "wb").write(png(200))
        replaced("picture", "2023-10-03", "2023-10-04", 7, "Billede udskiftet med en anden fil: Figur 2: Ventetid pr. region")
        kept_withdrawn = [k for k in tree(packet, "lukket/versioner") if "tilbagetrukket" in k]
        check("a kept closed version holds no copy of the withdrawn public versions (they are kept once)",
              not kept_withdrawn, "\n".join(kept_withdrawn[:5]))
        v7 = tree(packet)
        p = build()
        check("a rebuild then changes no byte", p.returncode == 0 and tree(packet) == v7, p.stdout + p.stderr)

        # A public item made confidential and moved to the end of the agenda in the same
        # correction (item 5 becomes item 30): it is known by its folder, not its number.
        edit(os.path.join(m, "05-boerne-og-ungdomspsykiatri", "item.md"), "nummer: 5\nstatus: Offentlig", "nummer: 30\nstatus: Fortrolig")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-04", "rettet: 2023-10-05")
        p = build()
        check("an item made confidential under another number builds, with the warning", p.returncode == 0 and
              re.search(r"05-boerne-og-ungdomspsykiatri/item\.md.*warning: item 30 is now confidential", p.stderr) is not None, p.stderr)
        public_files = tree(packet, "offentlig")
        check("the public versions that published it leave the public edition", not any("/versioner/" in k for k in public_files), "\n".join(public_files))
        leak = [k for k in public_files if any(w.encode() in open(os.path.join(packet, k), "rb").read()
                                               for w in ("Psykiatri- og socialudvalgets forslag", "Helene Munk Fog", "EMN-2022-01548"))]
        check("no public file holds its title, case officer or case number", not leak, "\n".join(leak))
        sheet = open(os.path.join(packet, "offentlig", "rettelsesblad-offentlig.html"), encoding="utf-8").read()
        check("the public rettelsesblad says it is now confidential", "Punktet er nu fortroligt." in sheet, sheet[-1500:])
        v8 = tree(packet)
        p = build()
        check("a rebuild then changes no byte", p.returncode == 0 and tree(packet) == v8, p.stdout + p.stderr)

        # A confidential item's status changed (Fortrolig to Lukket): the public packet prints
        # "6 (Lukket)" now, so its rettelsesblad says so, and nothing more of the item.
        edit(os.path.join(m, "06-fortroligt-eksempel", "item.md"), "status: Fortrolig", "status: Lukket")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-05", "rettet: 2023-10-06")
        p = build()
        check("a status changed from Fortrolig to Lukket builds", p.returncode == 0, p.stderr)
        for edition in ("offentlig", "lukket"):
            sheet = subprocess.run(["pdftotext", os.path.join(packet, edition, f"rettelsesblad-{edition}.pdf"), "-"],
                                   capture_output=True, text=True).stdout
            check(f"{edition}: the rettelsesblad lists the status change", "Status: Fortrolig Lukket" in sheet and
                  "Ingen rettelser." not in sheet, sheet[-800:])
        public_sheet = subprocess.run(["pdftotext", os.path.join(packet, "offentlig", "rettelsesblad-offentlig.pdf"), "-"],
                                      capture_output=True, text=True).stdout
        check("the public rettelsesblad names nothing else of the item", "Direktionen" not in public_sheet, public_sheet)

        # A figure's formula written in another form only (spaces the formula reader skips): no
        # new version, and not a byte changed, the snapshot included (probe corr-formula-whitespace:
        # it was a new version whose rettelsesblad said "Ingen rettelser.").
        item19 = os.path.join(m, "19-budget-2024", "item.md")
        before_respacing = tree(packet)
        pub = snapshot_version(packet, "offentlig")
        edit(item19, "{regnskab-2023[Driftsresultat; Forskel B-FvR] | mio. kr.}", "{regnskab-2023[ Driftsresultat;Forskel B-FvR ]  | mio. kr.}")
        edit(item19, "række: Indtægter i alt = sum(Kontingent .. Øvrige indtægter)", "række: Indtægter i alt = sum( Kontingent .. Øvrige indtægter )")
        p = build()
        check("a formula respaced is no new version of either edition", p.returncode == 0 and
              f"offentlig unchanged, still version {pub}" in p.stdout and "lukket unchanged" in p.stdout, p.stdout + p.stderr)
        check("and changes no byte", tree(packet) == before_respacing)
        # Rewritten to compute the same figures from the same rows, it prints the same: no new
        # version either (probe corr repro-6: version 2 whose rettelsesblad said "Ingen rettelser").
        edit(item19, "række: Indtægter i alt = sum( Kontingent .. Øvrige indtægter )",
             "række: Indtægter i alt = [Kontingent] + [Øvrige kontingenter] + [Øvrige indtægter]")
        p = build()
        check("a formula rewritten to print the same is no new version of either edition", p.returncode == 0 and
              f"offentlig unchanged, still version {pub}" in p.stdout and "lukket unchanged" in p.stdout, p.stdout + p.stderr)

        # A table inserted before the tables of item 19, which are all renumbered: the
        # rettelsesblad says the table was added, and nothing else (probe corr-table-inserted: the
        # tables were matched by number, so every cell of each was "corrected" to the next one's).
        open(os.path.join(m, "19-budget-2024", "ny.csv"), "w", encoding="utf-8").write("Nøgletal;2024\nMedarbejdere;250\n")
        edit(item19, "```tabel\nfil: tabel-1.csv\n", "```tabel\nfil: ny.csv\nnavn: ny\ntitel: Nøgletal\n```\n\n```tabel\nfil: tabel-1.csv\n")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-06", "rettet: 2023-10-07")
        p = run("diff", m, "--out", out)
        public_block = p.stdout.split("lukket:")[0]
        check("diff lists a table inserted before others as added, and nothing else",
              f"offentlig: version {pub} would become version {pub + 1}: 1 item, table or attachment added, removed or made confidential\n"
              "  item 19: table added: Nøgletal\n" in public_block and public_block.count("\n  ") == 1, p.stdout + p.stderr)
        p = build()
        check("the table inserted builds a new version", p.returncode == 0 and f"offentlig version {pub + 1}" in p.stdout, p.stdout + p.stderr)
        sheet = open(os.path.join(packet, "offentlig", "rettelsesblad-offentlig.html"), encoding="utf-8").read()
        entries = re.findall(r"<li>(.*?)(?:<p|</li>)", sheet)
        check("its rettelsesblad says only that the table was added", entries == ["Tabel tilføjet: Nøgletal"], str(entries))

        # A public item taken off the agenda, then put back as confidential: the version whose
        # rettelsesblad printed its title ("Punkt 9 er taget af dagsordenen: ...") published it as
        # much as one that showed it, and leaves the public edition too (probe corr-repro-5: it
        # stayed, with the now confidential item's title).
        # Taken off in the version that makes another item confidential, which withdraws every
        # earlier public version: then only the rettelsesblad's line has published it.
        title = "Opfølgning på akutplanen"
        edit(os.path.join(m, "meeting.txt"), "punkt: 09-akutplanen\n", "")
        edit(os.path.join(m, "22-hverv", "item.md"), "status: Offentlig", "status: Fortrolig")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-07", "rettet: 2023-10-08")
        p = build()
        removed = snapshot_version(packet, "offentlig")
        sheet = open(os.path.join(packet, "offentlig", "rettelsesblad-offentlig.html"), encoding="utf-8").read()
        check("an item taken off the agenda is named with its title on the public rettelsesblad",
              p.returncode == 0 and title in sheet, p.stdout + p.stderr)
        edit(os.path.join(m, "meeting.txt"), "punkt: 10-", "punkt: 09-akutplanen\npunkt: 10-")
        edit(os.path.join(m, "09-akutplanen", "item.md"), "status: Offentlig", "status: Fortrolig")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-08", "rettet: 2023-10-09")
        p = build()
        check("put back as confidential, it is warned about as published", p.returncode == 0 and
              "warning: item 9 is now confidential, but the public edition published its content" in p.stderr, p.stdout + p.stderr)
        public_files = tree(packet, "offentlig")
        leak = [k for k in public_files if title.encode() in open(os.path.join(packet, k), "rb").read()]
        check("no public file holds its title, the version that named it included", not leak, "\n".join(leak))
        check("that version is kept in the closed edition",
              f"lukket/tilbagetrukket/offentlig/versioner/{removed}/rettelsesblad-offentlig.pdf" in tree(packet, "lukket/tilbagetrukket"))

        # The meeting's place corrected: both editions' rettelsesblade list it, under "Mødet"
        # (probe corr-repro-2: counted by diff and the summary, missing from the sheets).
        edit(os.path.join(m, "meeting.txt"), "sted: Regionernes Hus, Dampfærgevej 22", "sted: Regionernes Hus, Dampfærgevej 24")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-09", "rettet: 2023-10-10")
        p = build()
        check("a corrected place builds a new version", p.returncode == 0, p.stdout + p.stderr)
        for edition in ("offentlig", "lukket"):
            sheet = open(os.path.join(packet, edition, f"rettelsesblad-{edition}.html"), encoding="utf-8").read()
            check(f"the {edition} rettelsesblad lists the corrected place under the meeting",
                  "Mødet" in sheet and "Sted:" in sheet and "24" in sheet and "Ingen rettelser" not in sheet, sheet[-1500:])

        # Made confidential while its folder is renamed (a probe: the public version that showed
        # it stayed published, as if another item had been added): withdrawn all the same.
        os.rename(os.path.join(m, "13-datadeling"), os.path.join(m, "13-fortroligt"))
        edit(os.path.join(m, "meeting.txt"), "punkt: 13-datadeling", "punkt: ./13-fortroligt")
        edit(os.path.join(m, "13-fortroligt", "item.md"), "status: Offentlig", "status: Fortrolig")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-10", "rettet: 2023-10-11")
        p = build()
        check("an item made confidential in a renamed folder builds, warned about as published", p.returncode == 0 and
              "warning: item 13 is now confidential, but the public edition published its content" in p.stderr, p.stdout + p.stderr)
        public_files = tree(packet, "offentlig")
        secret = "Nuværende muligheder og begrænsninger for datadeling".encode()
        leak = [k for k in public_files if secret in open(os.path.join(packet, k), "rb").read()]
        check("no public file holds its title", not leak, "\n".join(leak))

        # Changes of form the snapshot does not hold (a paragraph made a list item, a heading's
        # level) are no new version; a paragraph made a code block, which prints its spaces and
        # line ends, is one, and its rettelsesblad and diff say the words are set otherwise, never
        # "Ingen rettelser" (a prober's version 2 said "no figure or text changed"). Item 5 is
        # confidential by now: the closed edition's.
        item5 = os.path.join(m, "05-boerne-og-ungdomspsykiatri", "item.md")
        para = "Psykiatri- og socialudvalget anbefaler, at Danske Regioner arbejder for at styrke forskningen i årsagerne til stigende mental mistrivsel yderligere."
        pub, closed = snapshot_version(packet, "offentlig"), snapshot_version(packet, "lukket")
        edit(item5, "\n" + para + "\n", "\n- " + para + "\n")
        edit(item5, "## Fastholdelse og rekruttering", "### Fastholdelse og rekruttering")
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-11", "rettet: 2023-10-12")
        p = build()
        check("a paragraph made a list item, and a heading's level, are no new version", p.returncode == 0 and
              f"offentlig unchanged, still version {pub}" in p.stdout and f"lukket unchanged, still version {closed}" in p.stdout,
              p.stdout + p.stderr)
        edit(item5, "\n- " + para + "\n", "\n    " + para + "\n")
        p = run("diff", m, "--out", out)
        check("diff says a paragraph made a code block has its words set otherwise", p.returncode == 0 and
              re.search(f"lukket: version {closed} would become version {closed + 1}: 1 paragraph in item \\d+\n"
                        f"  item \\d+, Sagsfremstilling \\(the same words with other spaces or line breaks\\): {re.escape(para)}\n",
                        p.stdout) is not None, p.stdout + p.stderr)
        p = build()
        check("a paragraph made a code block is a new version", p.returncode == 0 and
              re.search(f"lukket version {closed + 1}, rettet 2023-10-12: 1 paragraph in item \\d+\n", p.stdout) is not None,
              p.stdout + p.stderr)
        sheet = open(os.path.join(packet, "lukket", "rettelsesblad-lukket.html"), encoding="utf-8").read()
        check("its rettelsesblad names the paragraph, set otherwise, not \"Ingen rettelser\"",
              "Sagsfremstilling, samme ord med andre mellemrum eller linjeskift:" in sheet and "Ingen rettelser" not in sheet,
              sheet[-1500:])

        # The published snapshot edited by hand: diff refuses, as a build does, naming the file
        # (it compared with the edited snapshot, listing the hand edit as a change of the input).
        closed = snapshot_version(packet, "lukket")
        snap = os.path.join(packet, "lukket", "snapshot-lukket.txt")
        original = open(snap, "rb").read()
        open(snap, "wb").write(original.replace("Psykiatri- og socialudvalget anbefaler".encode(), "Udvalget anbefaler".encode(), 1))
        p = run("diff", m, "--out", out)
        check("diff against a published snapshot edited by hand is refused (exit 3), naming it", p.returncode == 3 and
              "lukket/snapshot-lukket.txt, which is not the file boardpack wrote there" in p.stderr and
              "would become" not in p.stdout, p.stdout + p.stderr)
        p = build()
        check("as a build refuses it (exit 3)", p.returncode == 3, p.stdout + p.stderr)
        open(snap, "wb").write(original)
        p = run("diff", m, "--out", out)
        check("the snapshot put back, diff compares again", p.returncode == 0 and
              f"lukket: no change since version {closed}" in p.stdout, p.stdout + p.stderr)

        # A link's address corrected, its words the same: a new version whose rettelsesblad lists
        # the address before and after; the version before keeps the old one (regression: the
        # address was form, so the build rewrote the version's files with the new address under
        # the same version number, saying "unchanged").
        item17 = os.path.join(m, "17-fordeling-af-oekonomi", "item.md")
        old_address = "forskningsudspil-en-klar-retning-for-sundhedsforskning/"
        new_address = "forskningsudspil-en-klar-retning-for-sundhedsforskning-2023/"
        pub, closed = snapshot_version(packet, "offentlig"), snapshot_version(packet, "lukket")
        edit(item17, old_address, new_address)
        p = run("diff", m, "--out", out)
        check("diff lists a link given another address under its section", p.returncode == 0 and
              re.search(f"offentlig: version {pub} would become version {pub + 1}: 1 other change in item 17\n"
                        f"  item 17, Sagsfremstilling – link: .*{re.escape(old_address)}.*{re.escape(new_address)}", p.stdout)
              is not None, p.stdout + p.stderr)
        edit(os.path.join(m, "meeting.txt"), "rettet: 2023-10-12", "rettet: 2023-10-13")
        p = build()
        check("a corrected link address is a new version of both editions", p.returncode == 0 and
              f"offentlig version {pub + 1}, rettet 2023-10-13" in p.stdout and f"lukket version {closed + 1}, rettet 2023-10-13" in p.stdout,
              p.stdout + p.stderr)
        sheet = open(os.path.join(packet, "offentlig", "rettelsesblad-offentlig.html"), encoding="utf-8").read()
        check("its rettelsesblad lists the address before and after under the section",
              "Sagsfremstilling – link" in sheet and old_address in sheet and new_address in sheet, sheet[-1500:])
        kept = open(os.path.join(packet, "offentlig", "versioner", str(pub), "dagsorden-offentlig.html"), encoding="utf-8").read()
        check("the version before is kept with the old address", old_address in kept and new_address not in kept)

    older_caption_snapshot(boardpack, root, env)
    print(f"{failures} failure(s)" if failures else "versions: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
