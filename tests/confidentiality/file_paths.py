#!/usr/bin/env python3
"""Issue 8, section 1: a public item cannot read a confidential item's files, whatever way it
names them. Each case is made at run time from the canary meeting: the public item names a
file of the confidential item by a table's `fil:`, an attachment file, "..", a symbolic link
inside the meeting folder (to a file, to a folder, from a shared folder), a nested item folder
(either way round), the meeting folder itself as an item (`punkt: .`), an item folder that is a
link to another, a `delt:` line sharing the confidential item's files, a hard link in the
public folder to a confidential CSV or attachment, or (where the machine allows `mount --bind`)
the confidential folder bind-mounted inside the public one. Every case must be
refused (exit 1) with a message naming both items, publish nothing, and echo no canary; were
anything published, every canary is searched for in it as check.py does.

A control shares a copy of the canary CSV the intended way (`delt:`): it must build, and the
same search must find its rows in the public edition, so the search is known to work. A second
control hard-links the public CSV to a name outside the meeting folder: it must build.

usage: file_paths.py BOARDPACK CANARY_MEETING_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402  (the canary search of the main confidentiality test)

PUB = "01-offentligt"
SECRET = "02-kanarie-mappe-k02"
CSV = "kanarie-fil-k20.csv"
ATTACHMENT = "kanarie-bilagsfil-k05.md"
PICTURE = "kanarie-billede-k32.png"
failures = 0


def edit(path, old, new):
    s = open(path, encoding="utf-8").read()
    assert old in s, (path, old)
    open(path, "w", encoding="utf-8").write(s.replace(old, new, 1))


def append(path, text):
    open(path, "a", encoding="utf-8").write(text)


def table_file(m, name):
    edit(os.path.join(m, PUB, "item.md"), "fil: offentlig.csv", "fil: " + name)


def attachment_file(m, name):
    edit(os.path.join(m, PUB, "item.md"), "sagsnummer: EMN-2024-00100\n",
         "sagsnummer: EMN-2024-00100\nbilag: Et bilag | 1234567 | " + name + "\n")


def picture_file(m, name):
    append(os.path.join(m, PUB, "item.md"), "\n![Figur 1: Et billede](" + name + ")\n")


def hard_link_to_picture(m):
    os.link(os.path.join(m, SECRET, PICTURE), os.path.join(m, PUB, "billede.png"))
    picture_file(m, "billede.png")


def link_to_csv(m):
    os.symlink(os.path.join("..", SECRET, CSV), os.path.join(m, PUB, "tal.csv"))
    table_file(m, "tal.csv")


def link_to_folder(m):
    os.symlink(os.path.join("..", SECRET), os.path.join(m, PUB, "data"))
    attachment_file(m, "data/" + ATTACHMENT)


def link_from_shared_folder(m):
    os.mkdir(os.path.join(m, "delt"))
    os.symlink(os.path.join("..", SECRET, CSV), os.path.join(m, "delt", "tal.csv"))
    append(os.path.join(m, "meeting.txt"), "delt: delt\n")
    table_file(m, "../delt/tal.csv")


def hard_link_to_csv(m):
    os.link(os.path.join(m, SECRET, CSV), os.path.join(m, PUB, "tal.csv"))
    table_file(m, "tal.csv")


def hard_link_to_attachment(m):
    os.link(os.path.join(m, SECRET, ATTACHMENT), os.path.join(m, PUB, "bilag.md"))
    attachment_file(m, "bilag.md")


def secret_nested_in_public(m):
    shutil.move(os.path.join(m, SECRET), os.path.join(m, PUB, SECRET))
    edit(os.path.join(m, "meeting.txt"), "punkt: " + SECRET, "punkt: " + PUB + "/" + SECRET)
    table_file(m, SECRET + "/" + CSV)


def public_nested_in_secret(m):
    shutil.move(os.path.join(m, PUB), os.path.join(m, SECRET, PUB))
    edit(os.path.join(m, "meeting.txt"), "punkt: " + PUB, "punkt: " + SECRET + "/" + PUB)
    table_file(os.path.join(m, SECRET), "../" + CSV)


def meeting_folder_as_item(m):
    # The public item moves to the meeting folder itself and names the secret CSV from there.
    for f in os.listdir(os.path.join(m, PUB)):
        shutil.move(os.path.join(m, PUB, f), os.path.join(m, f))
    os.rmdir(os.path.join(m, PUB))
    edit(os.path.join(m, "meeting.txt"), "punkt: " + PUB, "punkt: .")
    edit(os.path.join(m, "item.md"), "fil: offentlig.csv", "fil: " + SECRET + "/" + CSV)


def public_folder_is_a_link(m):
    shutil.rmtree(os.path.join(m, PUB))
    os.symlink(SECRET, os.path.join(m, PUB))


def shares_secret_file(m):
    append(os.path.join(m, "meeting.txt"), "delt: " + SECRET + "/" + CSV + "\n")
    table_file(m, "../" + SECRET + "/" + CSV)


NESTED_SECRET = PUB + "/" + SECRET
NESTED_PUB = SECRET + "/" + PUB
# (what is tried, how, the public item's folder as meeting.txt names it, the confidential one's)
CASES = [
    ("tabel fil: with '..' into the confidential folder", lambda m: table_file(m, "../" + SECRET + "/" + CSV), PUB, SECRET),
    ("bilag file with '..' into the confidential folder",
     lambda m: attachment_file(m, "../" + SECRET + "/" + ATTACHMENT), PUB, SECRET),
    ("tabel fil: a symbolic link to the confidential CSV", link_to_csv, PUB, SECRET),
    ("bilag file through a symbolic link to the confidential folder", link_to_folder, PUB, SECRET),
    ("a shared folder holding a symbolic link into the confidential folder", link_from_shared_folder, PUB, SECRET),
    ("the confidential item's folder nested in the public one", secret_nested_in_public, PUB, NESTED_SECRET),
    ("the public item's folder nested in the confidential one", public_nested_in_secret, NESTED_PUB, SECRET),
    ("punkt: . (the meeting folder as a public item)", meeting_folder_as_item, ".", SECRET),
    ("the public item's folder a symbolic link to the confidential one", public_folder_is_a_link, PUB, SECRET),
    ("delt: sharing the confidential item's CSV", shares_secret_file, PUB, SECRET),
    ("tabel fil: a hard link to the confidential CSV", hard_link_to_csv, PUB, SECRET),
    ("bilag file a hard link to the confidential attachment", hard_link_to_attachment, PUB, SECRET),
    ("a picture with '..' into the confidential folder", lambda m: picture_file(m, "../" + SECRET + "/" + PICTURE), PUB, SECRET),
    ("a picture a hard link to the confidential one", hard_link_to_picture, PUB, SECRET),
]


def fail(name, detail):
    global failures
    failures += 1
    print("FAIL " + name + "\n     " + detail.replace("\n", "\n     "))


def build(boardpack, base, mutate, work):
    m = os.path.join(work, "m")
    shutil.copytree(base, m, symlinks=True)
    mutate(m)
    p = subprocess.run([boardpack, "build", "m", "--out", "out"], cwd=work, capture_output=True, timeout=120)
    return p.returncode, p.stderr.decode("utf-8", errors="replace") + p.stdout.decode("utf-8", errors="replace")


def leaks(work, needles):
    """Canaries found in any file of the public edition (none when nothing was published)."""
    edition = os.path.join(work, "out", "m", "offentlig")
    if not os.path.isdir(edition):
        return []
    hay = check.haystacks(edition, work, "offentlig")
    return [(n, where) for n in needles for where, text in hay.items() if n in text]


def judge(name, rc, err, work, needles, content, reader, secret):
    """A refused case: exit 1, both items named, nothing published, no canary anywhere."""
    found = leaks(work, needles)
    echoed = [n for n in content if n in err]
    if found:
        fail(name, "canaries in the public edition: " + ", ".join(f"{n!r} ({w})" for n, w in found[:5]))
    elif rc != 1:
        fail(name, f"exit status {rc}, expected 1 (refused)\n{err[-1500:]}")
    elif f'"{reader}"' not in err or f'"{secret}"' not in err:
        fail(name, f'the message does not name both items ("{reader}" and "{secret}"):\n{err[-1500:]}')
    elif os.path.exists(os.path.join(work, "out", "m")):
        fail(name, "a packet was published although the build was refused")
    elif echoed:
        fail(name, "the message echoes confidential content: " + ", ".join(echoed[:5]))
    else:
        print("ok   " + name + ": " + next((l for l in err.splitlines() if ": error: " in l), "")[:200])


def bind_mount(boardpack, base, needles, content):
    """The confidential item's folder bind-mounted inside the public one's: one name per file, a
    path inside the public folder, and yet the confidential files. Needs `mount --bind` (root
    and CAP_SYS_ADMIN); where the machine does not allow it the case says so and is skipped
    (the unit test "another item's file shown in an item's folder by a bind mount" covers the
    check on any machine)."""
    name = "tabel fil: the confidential folder bind-mounted into the public one"
    with tempfile.TemporaryDirectory() as work:
        m = os.path.join(work, "m")
        shutil.copytree(base, m, symlinks=True)
        mnt = os.path.join(m, PUB, "mnt")
        os.mkdir(mnt)
        if subprocess.run(["mount", "--bind", os.path.join(m, SECRET), mnt], capture_output=True).returncode != 0:
            print("skip " + name + ": mount --bind is not permitted on this machine")
            return
        try:
            table_file(m, "mnt/" + CSV)
            p = subprocess.run([boardpack, "build", "m", "--out", "out"], cwd=work, capture_output=True, timeout=120)
            err = p.stderr.decode("utf-8", errors="replace") + p.stdout.decode("utf-8", errors="replace")
            judge(name, p.returncode, err, work, needles, content, PUB, SECRET)
        finally:
            subprocess.run(["umount", mnt], capture_output=True)


def main():
    boardpack, base = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    needles = sorted(n for n in check.item_strings(os.path.join(base, SECRET)) if n.startswith(("KANARIE", "313.131", "525.252")))
    content = [n for n in needles if n.upper() == n and n.startswith("KANARIE") or n[0].isdigit()]
    assert len(needles) > 20, needles
    for name, mutate, reader, secret in CASES:
        with tempfile.TemporaryDirectory() as work:
            rc, err = build(boardpack, base, mutate, work)
            judge(name, rc, err, work, needles, content, reader, secret)
    bind_mount(boardpack, base, needles, content)

    # The control: a copy of the canary CSV, shared the intended way, is public data.
    def share_copy(m):
        os.mkdir(os.path.join(m, "delt"))
        shutil.copy(os.path.join(m, SECRET, CSV), os.path.join(m, "delt", "tal.csv"))
        append(os.path.join(m, "meeting.txt"), "delt: delt\n")
        table_file(m, "../delt/tal.csv")
    with tempfile.TemporaryDirectory() as work:
        rc, err = build(boardpack, base, share_copy, work)
        found = {n for n, _ in leaks(work, needles)}
        if rc != 0:
            fail("control: a declared shared file", f"exit status {rc}, expected 0\n{err[-1500:]}")
        elif not {"KANARIE-RÆKKE-k15", "313.131"} <= found:
            fail("control: a declared shared file", "the search did not find the shared rows in the public edition: "
                 + ", ".join(sorted(found)))
        else:
            print(f"ok   control: a declared shared file builds, and its rows are found in the public edition "
                  f"({len(found)} canaries), so the search works")

    # A hard link is not wrong in itself: one whose other name lies outside every item folder
    # (here a backup beside the meeting folder) is the item's own file.
    def backup_link(m):
        os.link(os.path.join(m, PUB, "offentlig.csv"), os.path.join(m, "..", "backup-offentlig.csv"))
    with tempfile.TemporaryDirectory() as work:
        rc, err = build(boardpack, base, backup_link, work)
        if rc != 0:
            fail("control: a hard link to a name outside the meeting folder", f"exit status {rc}, expected 0\n{err[-1500:]}")
        else:
            print("ok   control: a hard link whose other name is outside the meeting folder builds")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
