"""A sweep of bad values through every command: ``python -m benchmarks.bad_input_sweep [WORD]``.

Every command and subcommand of ``reviewkit --help`` has its options that take a file, a
folder, a number or a name listed in ``SLOTS`` (a test checks that none is missing), each
with a command line that works. The sweep puts each bad value of the slot's kind into that
line and runs it in a fresh copy of a small project (init, sample.ris and sample.nbib
imported, every study included by both reviewers), in-process through ``reviewkit.cli.main``
(``pubmed serve`` and the unreadable file in a real process, the latter as user nobody: root
reads every file). It flags:

- ``traceback``: an exception out of main, or 'Traceback' in the output;
- ``exit 0``: a value that must be refused was accepted without a warning of its damage (a
  RefWorks file cut inside a value cannot be told from a whole one: it is warned of, and only a
  warning naming the file's line and saying it may be cut excuses a cut, :data:`WARNED_DAMAGES`;
  a warning of a year or a U+FFFD excuses nothing);
  ``SHOULD_WORK`` values, a path with a space, a line break or letters beyond ASCII, must
  instead be accepted: ``refused``;
- ``exit N``: a refusal with a code other than 2 (click's usage errors also give 2);
- ``no file``: a refused file that the message does not name (the path as given);
- ``no hint``: a refusal that does not say what to do (a ``hint:`` line; click's one-line
  usage errors say it on that line);
- ``changed``: a refused command that changed the database (its rows) or left, changed or
  removed a file in the project folder or the scratch folder;
- ``hang``: no answer in 60 s.

A whole run writes results/bad-input-sweep-last-run.md (counts and every flag, committed with
the code it ran, as mutation-sweep-last-run.md is: benchmarks/__main__.py; the rounds are
kept by hand in results/bad-input-sweep.md, never written over); WORD limits it to the slots
whose name holds it, and writes no file. Nothing is downloaded; the project and files are made
in a temporary folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "core" / "fixtures"
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RESULTS = Path(__file__).resolve().parent / "results"
# the last whole run's counts and flagged trials (the rounds: bad-input-sweep.md, by hand)
LAST_RUN = "bad-input-sweep-last-run.md"
# one valid file of each format an importer reads, by the extension it is usually given
FORMATS = {
    "ris": FIXTURES / "sample.ris",
    "nbib": FIXTURES / "sample.nbib",
    "bib": FIXTURES / "sample.bib",
    "xml": FIXTURES / "sample.xml",
    "endnote.xml": FIXTURES / "endnote_export.xml",
    "csv": FIXTURES / "scopus.csv",
    "wos.txt": FIXTURES / "wos.txt",
    "wos_plain.txt": FIXTURES / "wos_plain.txt",
    "refworks.txt": FIXTURES / "refworks_export.txt",
    "cochrane.txt": FIXTURES / "cochrane_central.txt",
    "ovid.txt": FIXTURES / "ovid_medline.txt",
}
GOOD_RIS = (
    "TY  - JOUR\nTI  - Return to work after sick leave: a Łódź cohort — résumé\nAU  - Nowak, Łukasz\n"
    "PY  - 2021\nJO  - Work Health\nDO  - 10.1000/sweep.1\nER  - \n\n"
    "TY  - JOUR\nTI  - Case management for common mental disorders at work\nAU  - Smith, J\n"
    "PY  - 2019\nJO  - Occup Med\nDO  - 10.1000/sweep.2\nER  - \n"
)
GOOD_EVALUATE = (
    "title,abstract,gold\n"
    "Coordinator-led return to work,A return-to-work coordinator met the employer,coordinator\n"
    "Case managers for sick-listed workers — Łódź,Case management,coordinator\n"
)


@dataclass(frozen=True)
class Slot:
    """One option of one command: its name, the kind of values it takes, and a line that works
    with '@' where the value goes ('P' is the project, other capitals good files)."""

    name: str
    kind: str  # in:EXT (a file to read), out:EXT, outdir, project, number, name, text
    line: str
    unknown_ok: bool = False  # a name no project knows is valid here (a new source, an email)
    numbers_ok: tuple[str, ...] = ()  # numbers that are valid here
    process: bool = False  # run in a real process with a time limit (a server)


SLOTS = [
    Slot("init FOLDER", "newdir", "init @ --protocol PROTOCOL"),
    Slot("init --protocol", "in:toml", "init NEW --protocol @"),
    Slot("import FILES", "in:ris", "import @ --project P"),
    # every format's file under every other's extension: the importer goes by the content
    *(
        Slot(f"import FILES .{ext}", f"in:{ext}", "import @ --project P")
        for ext in ("nbib", "bib", "xml", "csv", "txt")
    ),
    Slot("import --project", "project", "import RIS --project @"),
    Slot("import --source", "name", "import RIS --source @ --project P", unknown_ok=True),
    Slot("import --format", "name", "import RIS --format @ --project P"),
    Slot("import --map", "name", "import CSV --map @ --project P"),
    Slot("import --encoding", "name", "import RIS --encoding @ --project P"),
    Slot("status --project", "project", "status --project @"),
    Slot("protocol check FILE", "in:toml", "protocol check @"),
    Slot("protocol check --project", "project", "protocol check PROTOCOL --project @"),
    Slot("agreement --stage", "name", "agreement --stage @ --project P"),
    Slot("agreement --csv", "out:csv", "agreement --csv @ --project P"),
    Slot("attach RECORD", "record", "attach @ PDF --project P"),
    Slot("attach TARGET", "in:pdf", "attach 1 @ --project P"),
    Slot("attach --by", "name", "attach 1 PDF --by @ --project P", unknown_ok=True),
    Slot("classify --scheme", "name", "classify --scheme @ --project P"),
    Slot("classify --evaluate", "in:csv", "classify --evaluate @ --scheme model-type --project P"),
    Slot(
        "classify --gold",
        "name",
        "classify --evaluate EVALUATE --gold @ --scheme model-type --project P",
    ),
    Slot(
        "classify --protocol",
        "in:toml",
        "classify --evaluate EVALUATE --protocol @ --scheme model-type",
    ),
    Slot("classify --csv", "out:csv", "classify --csv @ --project P"),
    Slot("confirm --reviewer", "name", "confirm --reviewer @ --project P"),
    Slot("confirm --scheme", "name", "confirm --reviewer reviewer1 --scheme @ --project P"),
    Slot("conflicts --stage", "name", "conflicts --list --stage @ --project P"),
    Slot("conflicts --resolver", "name", "conflicts --list --resolver @ --project P"),
    Slot("conflicts --csv", "out:csv", "conflicts --csv @ --resolver lead --project P"),
    Slot(
        "conflicts resolve RECORD",
        "record",
        "conflicts resolve @ --decision include --resolver lead --project P",
    ),
    *(
        Slot(
            f"conflicts resolve {option}",
            "name",
            f"conflicts resolve 1 --decision exclude --reason no-collaboration --resolver lead"
            f" --project P {option} @",
        )
        for option in ("--decision", "--reason", "--stage", "--resolver")
    ),
    Slot("conflicts import SHEET", "in:csv", "conflicts import @ --resolver lead --project P"),
    *(
        Slot(
            f"conflicts import {option}",
            "name",
            f"conflicts import CONFLICTS --resolver lead --project P {option} @",
        )
        for option in ("--stage", "--resolver")
    ),
    Slot(
        "decisions export --reviewer", "name", "decisions export OUT.jsonl --reviewer @ --project P"
    ),
    Slot(
        "decisions export FILE", "out:jsonl", "decisions export @ --reviewer reviewer1 --project P"
    ),
    Slot("decisions import FILE", "in:jsonl", "decisions import @ --project P"),
    # who imports: a typed name the protocol does not list is refused before anything is written
    Slot("decisions import --reviewer", "name", "decisions import JSONL --reviewer @ --project P"),
    Slot(
        "dedup merge RECORD_A", "record", "dedup merge @ 2 --yes --reviewer reviewer1 --project P"
    ),
    Slot("dedup merge --reviewer", "name", "dedup merge 1 2 --yes --reviewer @ --project P"),
    Slot("dedup report --csv", "out:csv", "dedup report --csv @ --project P"),
    # a typed name the protocol does not list is refused; left out, anyone reads the report
    Slot("dedup report --reviewer", "name", "dedup report --reviewer @ --project P"),
    Slot(
        "dedup review --read-csv",
        "in:csv",
        "dedup review --read-csv @ --reviewer reviewer1 --project P",
    ),
    Slot("dedup review --csv", "out:csv", "dedup review --csv @ --project P"),
    Slot(
        "dedup review --reviewer", "name", "dedup review --read-csv QUEUE --reviewer @ --project P"
    ),
    Slot("dedup split RECORD_ID", "number", "dedup split @ --yes --reviewer reviewer1 --project P"),
    Slot("dedup split --reviewer", "name", "dedup split 1 --yes --reviewer @ --project P"),
    Slot("dedup studies --project", "project", "dedup studies --project @"),
    Slot(
        "dedup study-link RECORD_A",
        "number",
        "dedup study-link @ 2 --same --reviewer reviewer1 --project P",
    ),
    Slot(
        "dedup study-link --reviewer",
        "name",
        "dedup study-link 1 2 --same --reviewer @ --project P",
    ),
    Slot("dedup undo --reviewer", "name", "dedup undo --yes --reviewer @ --project P"),
    Slot("evidence-map --rows", "name", "evidence-map --rows @ --cols diagnosis --project P"),
    Slot("evidence-map --cols", "name", "evidence-map --rows model-type --cols @ --project P"),
    Slot(
        "evidence-map --out",
        "outdir",
        "evidence-map --rows model-type --cols diagnosis --out @ --project P",
    ),
    Slot("export --format", "name", "export --format @ --project P"),
    Slot("export --out", "out:ris", "export --format ris --out @ --project P"),
    Slot("extract edit --reviewer", "name", "extract edit --reviewer @ --project P"),
    Slot("extract export FILE", "out:csv", "extract export @ --project P"),
    Slot("extract import FILE", "in:csv", "extract import @ --reviewer reviewer1 --project P"),
    Slot("extract import --reviewer", "name", "extract import SHEET --reviewer @ --project P"),
    Slot(
        "extract set RECORD",
        "record",
        "extract set @ country=Norway --reviewer reviewer1 --project P",
    ),
    Slot("extract set ASSIGNMENT", "name", "extract set 1 @ --reviewer reviewer1 --project P"),
    Slot("extract set --reviewer", "name", "extract set 1 country=Norway --reviewer @ --project P"),
    Slot(
        "label RECORD", "record", "label @ model-type=coordinator --reviewer reviewer1 --project P"
    ),
    Slot("label ASSIGNMENT", "name", "label 1 @ --reviewer reviewer1 --project P"),
    Slot("label --reviewer", "name", "label 1 model-type=coordinator --reviewer @ --project P"),
    Slot("prisma --out", "outdir", "prisma --out @ --project P"),
    Slot("pubmed serve --snapshot", "in:xml", "pubmed serve --snapshot @ --port 0", process=True),
    Slot(
        "pubmed serve --port",
        "number",
        "pubmed serve --snapshot PUBMEDXML --port @",
        numbers_ok=("0",),  # any free port
        process=True,
    ),
    Slot(
        "pubmed serve --faults",
        "name",
        "pubmed serve --snapshot PUBMEDXML --port 0 --faults @",
        process=True,
    ),
    Slot(
        "pubmed serve --seed",
        "number",
        "pubmed serve --snapshot PUBMEDXML --port 0 --seed @",
        numbers_ok=("-1", "0", "99999999999999999999999"),
        process=True,
    ),
    Slot("report --out", "outdir", "report --out @ --project P"),
    Slot("report --format", "name", "report --format @ --project P"),
    Slot("report --new-version", "name", "report --new-version @ --project P", unknown_ok=True),
    Slot("screen --reviewer", "name", "screen --reviewer @ --project P"),
    Slot("screen --stage", "name", "screen --reviewer reviewer1 --stage @ --project P"),
    Slot(
        "screen --seed",
        "number",
        "screen --reviewer reviewer1 --seed @ --project P",
        numbers_ok=("-1", "0", "99999999999999999999999"),
    ),
    Slot("search diff NAME", "name", "search diff @ --project P"),
    Slot("search diff RUNS", "number", "search diff b1-collaboration-models @ 2 --project P"),
    Slot("search history NAME", "name", "search history @ --project P"),
    Slot("search log --out", "out:txt", "search log --out @ --project P"),
    Slot("search log --csv", "out:csv", "search log --csv @ --project P"),
    Slot(
        "search run NAMES", "name", "search run @ --base-url URL --email a@example.org --project P"
    ),
    Slot(
        "search run --base-url",
        "name",
        "search run --all --base-url @ --email a@example.org --project P",
    ),
    Slot("search run --email", "name", "search run --all --base-url URL --email @ --project P"),
    Slot(
        "search run --batch-size",
        "number",
        "search run --all --base-url URL --batch-size @ --project P",
    ),
    Slot(
        "search run --timeout",
        "number",
        "search run --all --base-url URL --timeout @ --project P",
        numbers_ok=("1.5",),  # seconds
    ),
    Slot("search test --base-url", "name", "search test work --base-url @"),
    Slot("search test --email", "name", "search test work --base-url URL --email @"),
    Slot("simulate DATASET", "in:csv", "simulate @ --label-column included"),
    Slot("simulate --label-column", "name", "simulate DATASET --label-column @"),
    Slot(
        "simulate --seed",
        "number",
        "simulate DATASET --label-column included --seed @",
        numbers_ok=("0", "99999999999999999999999"),
    ),
    Slot("simulate --plot", "out:png", "simulate DATASET --label-column included --plot @"),
    Slot("simulate --csv", "out:csv", "simulate DATASET --label-column included --csv @"),
    Slot(
        "simulate --protocol",
        "in:toml",
        "simulate DATASET --label-column included --from-zero --protocol @",
    ),
]
# a value that names a real thing where a name is free text: valid
SHOULD_WORK = ("space", "newline", "non-ascii")
# a good file as real tools save it (round 27): must be read as the good file is
READ_AS_WRITTEN = ("utf8-bom", "crlf", "no-final-newline", "table-name-line")


@dataclass
class Outcome:
    code: int | None
    output: str
    crashed: bool = False
    hung: bool = False


# --- the bad values of each kind ---------------------------------------------------------------


def _cut(data: bytes, where: str) -> bytes:
    """``data`` cut half-way inside a line ('record'), or inside its first multi-byte letter."""
    if where == "utf8":
        for i, b in enumerate(data):
            if b >= 0xC0:
                return data[: i + 1]
        return data[: len(data) // 2]
    half = len(data) // 2
    while half < len(data) and data[half : half + 1] in (b"\n", b" ", b""):
        half += 1
    return data[: half + 1]


def _smart_quotes(data: bytes) -> bytes:
    """The file re-saved as Windows-1252 with curly quotes (as Word or Notepad on Windows)."""
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    lines[len(lines) // 3] += " \u201cquoted\u201d \u2013 it\u2019s"
    return "\n".join(lines).encode("cp1252", "replace")


def _nul(data: bytes) -> bytes:
    half = data.index(b"\n", len(data) // 2) if b"\n" in data[len(data) // 2 :] else len(data) // 2
    return data[:half] + b"x\x00y" + data[half:]


def _zipped(member: str, data: bytes) -> bytes:
    """A zip archive holding ``data`` as ``member`` (a Word document: word/document.xml)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo(member, (2026, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def _decoded_twice(data: bytes) -> bytes:
    """The file with a line's text garbled as UTF-8 read as Windows-1252 and saved again."""
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    lines[len(lines) // 3] += " Caf\u00c3\u00a9 workers\u00e2\u20ac\u2122"
    return "\n".join(lines).encode("utf-8")


def _page_breaks(data: bytes) -> bytes:
    """The file as printed to disk: a page break (form feed) before every fourth line."""
    lines = data.split(b"\n")
    return b"\n".join(b"\x0c" + ln if i % 4 == 3 else ln for i, ln in enumerate(lines))


def _page_break_lines(data: bytes) -> bytes:
    """The file as printed to disk another way: a page break (form feed) alone on a line of its
    own before every fourth line, the line ending the file's own (a CRLF file's break line
    ends in CRLF too), as printers' drivers and `pr` write a page's end."""
    lines = data.split(b"\n")
    crlf = b"\r" if data.count(b"\r\n") * 2 > data.count(b"\n") else b""
    out: list[bytes] = []
    for i, ln in enumerate(lines):
        if i % 4 == 3:
            out.append(b"\x0c" + crlf)
        out.append(ln)
    return b"\n".join(out)


def _without_bom(data: bytes) -> bytes:
    return data.removeprefix(b"\xef\xbb\xbf")


def _utf8_bom(data: bytes) -> bytes:
    """The file as Excel's 'CSV UTF-8' or Notepad's 'UTF-8 with BOM' saves it."""
    return b"\xef\xbb\xbf" + _without_bom(data)


def _crlf(data: bytes) -> bytes:
    """The file with Windows line ends (CRLF), as Notepad, Excel and git's autocrlf write it."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _error_value_cell(data: bytes) -> bytes:
    """The sheet with its first row's first cell as Excel saves a text it read as a formula
    that is none ('-Omics …' -> '#NAME?'): the first line after the header (one line)."""
    lines = data.split(b"\n")
    row = next((i for i, ln in enumerate(lines) if i and ln.strip()), None)
    if row is None:  # a header alone (an empty queue): the row added below it
        sep = b";" if lines[0].count(b";") > lines[0].count(b",") else b","
        return lines[0] + b"\n#NAME?" + sep * lines[0].count(sep) + b"\n"
    line = lines[row]
    sep = b";" if line.count(b";") > line.count(b",") else b","
    if line.startswith(b'"'):
        rest = line[line.index(b'"', 1) + 1 :]
    else:
        rest = line[line.index(sep) :] if sep in line else b""
    lines[row] = b"#NAME?" + rest
    return b"\n".join(lines)


def _error_value_cells(data: bytes) -> bytes:
    """The sheet with every row's first cell '#NAME?' (round 28: a column of texts that began
    with '-' or '=', as a spreadsheet saves them): each must be named, the file refused."""
    head, *rows = data.split(b"\n")
    marked = [
        _error_value_cell(head + b"\n" + row).split(b"\n", 1)[1] if row.strip() else row
        for row in rows
    ]
    if not any(row.strip() for row in rows):  # a header alone: one row added, as round 27's
        return _error_value_cell(data)
    return b"\n".join([head, *marked])


def _table_name_line(data: bytes) -> bytes:
    """The sheet as Apple Numbers exports it with 'Include table names': the table's name on a
    line of its own above the header, ending as the file's lines end (round 28)."""
    end = b"\r\n" if b"\r\n" in data else b"\n"
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    return bom + b"Table 1" + end + _without_bom(data)


def file_values(ext: str, good: Path, base: Path, importer: bool) -> list[tuple[str, Path, bool]]:
    """(label, path, must be refused) for a file to read whose good file is ``good``."""
    folder = base / "in"
    folder.mkdir(exist_ok=True)
    data = good.read_bytes()
    made: list[tuple[str, bytes | None, bool]] = [
        ("empty", b"\n\n", True),
        ("zero-bytes", b"", True),
        ("binary", bytes(range(256)) * 64, True),
        ("cut-mid-record", _cut(data, "record"), ext not in ("pdf",)),
        ("cut-mid-utf8", _cut(data, "utf8"), ext not in ("pdf",)),
        ("utf16-bom", b"\xff\xfe" + data.decode("utf-8", "replace").encode("utf-16-le"), False),
        ("cp1252-quotes", _smart_quotes(data), False),
        ("nul", _nul(data), ext not in ("pdf",)),
        ("5mb-line", data + b"x" * (5 * 1024 * 1024) + b"\n", False),
        ("cr-line-ends", data.replace(b"\r\n", b"\n").replace(b"\n", b"\r"), False),  # old Mac
        # round 21: the file zipped (a download, an attachment), a Word document in its place,
        # and its text garbled before it was saved as UTF-8 ('é' as 'Ã©': read, with a warning)
        ("zipped", _zipped(f"good.{ext}", data), True),
        ("word-document", _zipped("word/document.xml", b"<w:document/>"), True),
        ("decoded-twice", _decoded_twice(data), False),
        # round 26: a save or sync that stopped, its space set aside and zero-filled; a file
        # printed to disk, a page break before some lines; Windows' download mark copied out
        # as a file in the file's place; two copies joined, the second's byte-order mark midway
        ("nul-padded", data[: len(data) // 2 + 1] + b"\x00" * 4096, ext not in ("pdf",)),
        ("page-breaks", _page_breaks(data), False),
        # round 26 (q43f): the page break alone on its own line, as printed-to-file exports write it
        ("page-break-lines", _page_break_lines(data), False),
        ("zone-identifier", b"[ZoneTransfer]\r\nZoneId=3\r\n", importer),
        ("joined-bom", data + b"\n\xef\xbb\xbf" + data, False),
        # round 27: what real tools write for a good file (each must be read, READ_AS_WRITTEN):
        # a UTF-8 byte-order mark (Excel's 'CSV UTF-8', Notepad's 'UTF-8 with BOM'), Windows
        # line ends (Notepad, Excel, git's core.autocrlf), no line break after the last line
        # (Google Sheets' CSV download, editors that add none); and UTF-16 big-endian with its
        # mark (Java's 'UTF-16' encoder, as in JabRef's save encodings: may be refused, clearly)
        *(
            [
                ("utf8-bom", _utf8_bom(data), False),
                ("crlf", _crlf(data), False),
                ("no-final-newline", data.rstrip(b"\r\n"), False),
            ]
            if ext != "pdf"
            else []
        ),
        # round 27: the sheet opened in a spreadsheet and saved again, a cell that started with
        # '-' read as a formula and saved as '#NAME?': its text lost (refused)
        *([("error-value-cell", _error_value_cell(data), True)] if ext == "csv" else []),
        # round 28: a column of them (every one named), and Numbers' table name above the header
        *(
            [
                ("error-value-cells", _error_value_cells(data), True),
                ("table-name-line", _table_name_line(data), False),
            ]
            if ext == "csv"
            else []
        ),
        (
            "utf16be-bom",
            b"\xfe\xff" + _without_bom(data).decode("utf-8", "replace").encode("utf-16-be"),
            False,
        ),
    ]
    out: list[tuple[str, Path, bool]] = []
    for label, content, must in made:
        path = folder / f"{label}.{ext}"
        path.write_bytes(content)
        out.append((label, path, must))
    out.append(("missing", folder / f"missing.{ext}", True))
    (folder / f"a-folder.{ext}").mkdir(exist_ok=True)
    out.append(("folder", folder / f"a-folder.{ext}", True))
    for label, name in (("space", "a file"), ("newline", "a\nfile"), ("non-ascii", "Łódź-résumé")):
        path = folder / f"{name}.{ext}"
        shutil.copyfile(good, path)
        out.append((label, path, False))
    out.append(("unreadable", folder / "locked" / f"good.{ext}", True))
    fifo = folder / f"a-fifo.{ext}"  # opening it to read waits for a writer
    if not fifo.exists():
        os.mkfifo(fifo)
        (folder / f"dangling.{ext}").symlink_to(folder / "nowhere" / f"x.{ext}")
    out += [("fifo", fifo, True), ("device", Path("/dev/zero"), True)]
    out.append(("dangling-link", folder / f"dangling.{ext}", True))
    for fmt, source in FORMATS.items():  # every format's valid file under this extension
        if source.read_bytes() == data:
            continue
        path = folder / f"other-{fmt.replace('.', '-')}.{ext}"
        shutil.copyfile(source, path)
        out.append((f"other:{fmt}", path, not importer))  # import reads the format it finds
    return out


def _locked(base: Path, good: Path) -> None:
    """in/locked/good.*: a readable file in a folder its user may not enter (mode 000)."""
    locked = base / "in" / "locked"
    locked.mkdir(exist_ok=True)
    os.chmod(locked, 0o700)
    shutil.copyfile(good, locked / f"good.{good.suffix.lstrip('.')}")
    os.chmod(locked, 0o000)


def output_values(ext: str, base: Path) -> list[tuple[str, str, bool]]:
    """(label, path, must be refused) for a file to write."""
    folder = base / "outs"
    folder.mkdir(exist_ok=True)
    binary = folder / f"binary.{ext}"
    binary.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))  # a PDF, which text would replace
    (folder / "a-folder").mkdir(exist_ok=True)
    # a sheet under a text ending, which a spreadsheet opens as tab-separated (one column);
    # RIS, JSON lines and Markdown keep any text ending, so only a CSV's is tried
    named_txt = [("named-txt", str(folder / "sheet.txt"), True)] if ext == "csv" else []
    return named_txt + [
        ("missing-folder", str(folder / "nowhere" / f"x.{ext}"), False),
        ("folder", str(folder / "a-folder"), True),
        ("empty-string", "", True),
        ("disk-full", "/dev/full", True),
        ("space", str(folder / f"a file.{ext}"), False),
        ("newline", str(folder / f"a\nfile.{ext}"), False),
        ("non-ascii", str(folder / f"Łódź-résumé.{ext}"), False),
        ("over-a-pdf", str(binary), True),
        ("unwritable", str(folder / "locked" / f"x.{ext}"), True),
        ("over-the-database", "P/review.sqlite", True),
        ("over-the-protocol", "P/protocol.toml", True),
    ]


PROJECT_VALUES = [
    "missing",
    "a-file",
    "empty-folder",
    "garbage-db",
    "zero-db",
    "no-db",
    "db-is-folder",
    "no-protocol",
    "protocol-damaged",
    "space",
]


def make_project_value(label: str, template: Path, base: Path) -> Path:
    """A --project folder of kind ``label`` (made once)."""
    path = base / "projects" / (label if label != "space" else "a project Łódź")
    if path.exists() or label == "missing":
        return path
    path.parent.mkdir(exist_ok=True)
    if label == "a-file":
        path.write_text("not a folder\n", encoding="utf-8")
        return path
    path.mkdir()
    if label in ("garbage-db", "zero-db", "no-db", "db-is-folder"):
        shutil.copyfile(template / "protocol.toml", path / "protocol.toml")
    if label == "db-is-folder":
        (path / "review.sqlite").mkdir()
    if label in ("no-protocol", "protocol-damaged"):
        shutil.copyfile(template / "review.sqlite", path / "review.sqlite")
    if label == "protocol-damaged":  # cut half-way
        text = (template / "protocol.toml").read_bytes()
        (path / "protocol.toml").write_bytes(text[: len(text) // 2])
    if label == "garbage-db":
        (path / "review.sqlite").write_bytes(bytes(range(256)) * 16)
    if label == "zero-db":
        (path / "review.sqlite").write_bytes(b"")
    if label == "space":
        shutil.rmtree(path)
        shutil.copytree(template, path)
    return path


NUMBERS = ["-1", "0", "99999999999999999999999", "abc", "nan", "1.5"]
NAMES = ["unknown-x", ""]
RECORDS = ["0", "-1", "99999999999999999999999", "pmid:abc", "doi:", ""]


# --- running one ---------------------------------------------------------------------------------


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang


def run_in_process(argv: list[str]) -> Outcome:
    from reviewkit.cli import main

    out = io.StringIO()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(60)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(argv)
        return Outcome(code, out.getvalue())
    except _Hang:
        return Outcome(None, out.getvalue(), hung=True)
    except SystemExit as exc:
        return Outcome(int(exc.code or 0), out.getvalue())
    except BaseException:
        return Outcome(1, out.getvalue() + traceback.format_exc(), crashed=True)
    finally:
        signal.alarm(0)


def run_in_process_of_its_own(argv: list[str], as_nobody: bool = False) -> Outcome:
    cmd = [sys.executable, "-m", "reviewkit", *argv]
    if as_nobody:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    try:
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            timeout=60 if as_nobody else 20,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        text = (exc.stdout or b"").decode() + (exc.stderr or b"").decode()  # type: ignore[union-attr]
        return Outcome(None, text, hung=True)
    return Outcome(proc.returncode, proc.stdout + proc.stderr)


def db_rows(project: Path) -> str:
    """A hash of every row of the project's database ('' if it has none)."""
    db = project / "review.sqlite"
    if not db.is_file() or db.stat().st_size == 0:
        return ""
    try:
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = "\n".join(conn.iterdump())
        conn.close()
    except sqlite3.Error:
        return hashlib.sha256(db.read_bytes()).hexdigest()
    return hashlib.sha256(rows.encode()).hexdigest()


def files_of(*folders: Path) -> dict[str, str]:
    """path -> hash of every file below the folders (the database and its log left out)."""
    out = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in folder.rglob("*"):
            if p.name.startswith("review.sqlite") or "locked" in p.parts:
                continue
            if p.is_file():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


# The damages a reader may take with a warning instead of a refusal, and what that warning must
# say: a file cut inside a value that cannot be told from a whole one (RefWorks' last value) is
# read, warned of as possibly cut. No other damage is excused by a warning: a NUL byte, Latin-1
# bytes or an entity must be refused, whatever else is warned of (a year, a U+FFFD).
WARNED_DAMAGES = {"cut": "cut"}


def warned_of(text: str, file: str, damage: str) -> bool:
    """Whether ``text`` holds a warning on ``damage`` (a trial's label: 'cut-mid-record') in
    ``file``: a 'warning: FILE:LINE: …' line that says what WARNED_DAMAGES asks for that kind of
    damage. A warning of something else (a year that is no year, a U+FFFD) is not one."""
    says = next((word for kind, word in WARNED_DAMAGES.items() if damage.startswith(kind)), "")
    if not file or not says:
        return False
    prefix = f"warning: {file}:"
    return any(
        line.startswith(prefix) and line[len(prefix) :].split(":", 1)[0].isdigit() and says in line
        for line in text.splitlines()
    )


def judge(
    outcome: Outcome, must_fail: bool, should_work: bool, file: str, damage: str = ""
) -> list[str]:
    """The flags an outcome earns (see the module's docstring); ``damage`` is the trial's label."""
    text = outcome.output
    if outcome.hung:
        return [] if not must_fail else ["hang"]
    if outcome.crashed or "Traceback" in text:
        return ["traceback"]
    if outcome.code == 0:  # accepted with a warning of its damage, naming its line: said
        return ["exit 0"] if must_fail and not warned_of(text, file, damage) else []
    flags = []
    if should_work:
        flags.append("refused")
    if outcome.code != 2:
        flags.append(f"exit {outcome.code}")
    if file and file not in text and repr(file)[1:-1] not in text:
        flags.append("no file")
    usage = any(line.startswith("Error: ") for line in text.splitlines())
    if not usage and "\n  hint: " not in text:
        flags.append("no hint")
    return flags


@dataclass
class Trial:
    slot: str
    value: str
    argv: list[str]
    must_fail: bool
    should_work: bool
    file: str  # the path the message must name ('' when the value is not a file)
    project: Path | None
    as_nobody: bool = False


def trials(slot: Slot, goods: dict[str, str], base: Path, template: Path) -> list[Trial]:
    """Every bad value of ``slot``'s kind, as a trial."""
    values: list[tuple[str, str, bool, bool, str]] = []  # label, value, must, works, file
    kind = slot.kind
    if kind.startswith("in:"):
        ext = kind[3:]
        good = Path(_good_file(slot, goods))
        sub = base / slot.name.replace(" ", "_")
        sub.mkdir(exist_ok=True)
        for label, path, must in file_values(ext, good, sub, slot.name.startswith("import")):
            if label == "unreadable":
                _locked(sub, good)
            works = label in SHOULD_WORK or label in READ_AS_WRITTEN
            values.append((label, str(path), must, works, str(path)))
    elif kind.startswith("out:"):
        for label, path, must in output_values(kind[4:], base):
            values.append((label, path, must, label in SHOULD_WORK, path if must else ""))
    elif kind == "outdir":
        for label, path, must in output_values("d", base):
            if label == "over-a-pdf":
                label = "a-file"
            values.append((label, path, must and label != "folder", label in SHOULD_WORK, ""))
    elif kind == "newdir":
        (base / "newdir").mkdir(exist_ok=True)
        (base / "newdir" / "a-file").write_text("x\n", encoding="utf-8")
        for label, path, must in (
            ("empty-string", "", True),
            ("a-file", str(base / "newdir" / "a-file"), True),
            ("the-project", "P", True),
            ("space", str(base / "newdir" / "a project"), False),
            ("newline-refused", str(base / "newdir" / "a\nproject"), False),  # a name to type
            ("non-ascii", str(base / "newdir" / "Łódź"), False),
        ):
            values.append((label, path, must, label in SHOULD_WORK, ""))
    elif kind == "project":
        for label in PROJECT_VALUES:
            path = str(make_project_value(label, template, base))
            values.append((label, path, label != "space", label == "space", path))
    elif kind == "number":
        for n in NUMBERS:
            values.append((n, n, n not in slot.numbers_ok, False, ""))
    elif kind == "record":
        for r in RECORDS:
            values.append((r or "empty", r, True, False, ""))
    elif kind == "name":
        for n in NAMES:
            values.append((n or "empty", n, n != "unknown-x" or not slot.unknown_ok, False, ""))
    out = []
    for label, value, must, works, file in values:
        argv = [value if tok == "@" else tok for tok in slot.line.split(" ")]
        out.append(
            Trial(slot.name, label, argv, must, works, file, None, as_nobody=label == "unreadable")
        )
    return out


def _good_file(slot: Slot, goods: dict[str, str]) -> str:
    """The file that works in ``slot``."""
    by_ext = {"toml": "PROTOCOL", "pdf": "PDF", "xml": "PUBMEDXML", "jsonl": "JSONL", "ris": "RIS"}
    ext = slot.kind[3:]
    if ext in by_ext:
        return goods[by_ext[ext]]
    if slot.name.startswith("import"):
        return str(FORMATS["refworks.txt" if ext == "txt" else ext])
    if slot.name.startswith("classify"):
        return goods["EVALUATE"]
    if slot.name.startswith("dedup"):
        return goods["QUEUE"]
    if slot.name.startswith("conflicts"):
        return goods["CONFLICTS"]
    if slot.name.startswith("extract"):
        return goods["SHEET"]
    return goods["DATASET"]


def make_template(base: Path) -> tuple[Path, dict[str, str]]:
    """The project every trial copies, and the good files (by the capitals the lines use)."""
    from reviewkit import screening
    from reviewkit.cli import main
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    template = base / "template"
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        assert main(["init", str(template), "--protocol", str(PROTOCOL)]) == 0
        for name in ("sample.ris", "sample.nbib"):
            assert main(["import", str(FIXTURES / name), "--project", str(template)]) == 0
        with open_project(template) as p:
            reports = all_reports(p)
            disputed = reports[-1]  # the record of conflicts import's good sheet
            for rid in reports:
                for stage in ("title-abstract", "full-text"):
                    for reviewer in ("reviewer1", "reviewer2"):
                        # its conflict at full text (the last stage: its final may be given
                        # again) resolved to include: the same studies included as before
                        no = (rid, stage, reviewer) == (disputed, "full-text", "reviewer2")
                        vote = ("exclude", "long-term") if no else ("include", "")
                        screening.decide(p.db, rid, stage, reviewer, *vote, protocol=p.protocol)
                    if rid == disputed and stage == "full-text":
                        screening.resolve(p, rid, stage, "lead", "include")
        goods = base / "goods"
        goods.mkdir()
        for args in (
            ["decisions", "export", str(goods / "decisions.jsonl"), "--reviewer", "reviewer1"],
            ["extract", "export", str(goods / "sheet.csv")],
            ["dedup", "review", "--csv", str(goods / "queue.csv")],
        ):
            main([*args, "--project", str(template)])
    (goods / "good.ris").write_text(GOOD_RIS, encoding="utf-8")
    (goods / "evaluate.csv").write_text(GOOD_EVALUATE, encoding="utf-8")
    (goods / "conflicts.csv").write_text(f"record,decision\n{disputed},include\n", encoding="utf-8")
    (goods / "paper.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    shutil.copyfile(FIXTURES / "sample.xml", goods / "pubmed.xml")
    (goods / "dataset.csv").write_text(_dataset(), encoding="utf-8")
    queue = goods / "queue.csv"
    if not queue.exists() or len(queue.read_text(encoding="utf-8").splitlines()) < 2:
        queue.write_text("record_a,record_b,score,rule,verdict\n", encoding="utf-8")
    return template, {
        "RIS": str(goods / "good.ris"),
        "CSV": str(FIXTURES / "scopus.csv"),
        "PROTOCOL": str(PROTOCOL),
        "JSONL": str(goods / "decisions.jsonl"),
        "SHEET": str(goods / "sheet.csv"),
        "QUEUE": str(queue),
        "EVALUATE": str(goods / "evaluate.csv"),
        "CONFLICTS": str(goods / "conflicts.csv"),
        "DATASET": str(goods / "dataset.csv"),
        "PDF": str(goods / "paper.pdf"),
        "PUBMEDXML": str(goods / "pubmed.xml"),  # a copy: serve writes its index beside it
        "URL": "http://127.0.0.1:9/",
    }


def _dataset() -> str:
    """A labelled set for simulate: twelve studies, three of them included."""
    rows = ["title,abstract,included"]
    for i in range(12):
        topic = "return to work coordination" if i % 4 == 0 else f"unrelated topic {i}"
        rows.append(f"Study {i} on {topic} — Łódź,An abstract about {topic},{int(i % 4 == 0)}")
    return "\n".join(rows) + "\n"


def run_trial(trial: Trial, template: Path, goods: dict[str, str], base: Path) -> list[str]:
    """Run one trial in a fresh copy of the template; its flags."""
    project = base / "run" / "project"
    if project.parent.exists():
        _unlock(project.parent)
        shutil.rmtree(project.parent)
    project.parent.mkdir(parents=True)
    shutil.copytree(template, project)
    names = {
        **goods,
        "P": str(project),
        "NEW": str(base / "run" / "new"),
        "OUT.jsonl": str(base / "run" / "out.jsonl"),
    }
    argv = [names.get(a, a) for a in trial.argv]
    argv = [str(project) + a[1:] if a.startswith("P/") else a for a in argv]
    if trial.file.startswith("P/"):
        trial.file = str(project) + trial.file[1:]
    scratch = base / "outs"
    before = (db_rows(project), files_of(project, scratch))
    if trial.value == "unwritable":
        locked = scratch / "locked"
        locked.mkdir(exist_ok=True)
        os.chmod(locked, 0o555)
    if trial.as_nobody or trial.value == "unwritable":
        _open_to_nobody(base)
        outcome = run_in_process_of_its_own(argv, as_nobody=True)
    elif any(s.process for s in SLOTS if s.name == trial.slot):
        outcome = run_in_process_of_its_own(argv)
    else:
        outcome = run_in_process(argv)
    flags = judge(outcome, trial.must_fail, trial.should_work, trial.file, trial.value)
    if outcome.code not in (0, None) and not outcome.crashed:
        after = (db_rows(project), files_of(project, scratch))
        if after != before:
            flags.append("changed")
    for p in list(scratch.iterdir()) if scratch.is_dir() else []:
        if p.name not in ("a-folder", "locked") and not p.name.startswith("binary"):
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
    trial.project = project
    _LAST_OUTPUT[0], _LAST_CODE[0] = outcome.output, outcome.code
    return flags


_LAST_OUTPUT = [""]
_LAST_CODE: list[int | None] = [None]  # the last trial's exit (None: it hung or crashed)


def _unlock(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_dir():
            os.chmod(p, 0o755)


def _open_to_nobody(base: Path) -> None:
    """Let user nobody into the sweep's folders (but the locked ones)."""
    for root, dirs, _ in os.walk(base):
        os.chmod(root, 0o777)
        for d in dirs:
            if d != "locked":
                os.chmod(os.path.join(root, d), 0o777)
        dirs[:] = [d for d in dirs if d != "locked"]
    for root, _, files in os.walk(base):
        for f in files:
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(root, f), 0o666)


def _serve(snapshot: str) -> tuple[subprocess.Popen, str]:
    """A local E-utilities server over ``snapshot`` for the search commands, and its URL."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reviewkit",
            "pubmed",
            "serve",
            "--snapshot",
            snapshot,
            "--port",
            "0",
        ],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert server.stderr is not None
    for line in server.stderr:
        if line.startswith("serving "):
            return server, line.split(" at ")[1].split()[0]
    raise RuntimeError("the local server did not start")


def _command_of(slot: Slot) -> str:
    """The command (and subcommand) of a slot: its name's lower-case words."""
    words = slot.name.split(" ")
    return " ".join(w for w in words if w.islower() and not w.startswith(("-", ".")))


def results(
    title: str, summary: str, by_flag: Counter[str], columns: list[str], found: list[str]
) -> list[str]:
    """A results file's lines: its title, the summary, the trials of each flag, and a table of
    every flagged trial (``columns``, then its flags and the last lines it said)."""
    head = [*columns, "flags", "what it said (last lines)"]
    return [
        f"# {title}",
        "",
        summary,
        "",
        "| flag | trials |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in sorted(by_flag.items())),
        "",
        f"| {' | '.join(head)} |",
        "|" + "---|" * len(head),
        *found,
    ]


def main(argv: list[str]) -> int:
    word = argv[0] if argv else ""
    slots = [s for s in SLOTS if word in s.name]
    base = Path(tempfile.mkdtemp(prefix="sweep-"))
    os.chmod(base, 0o777)
    os.environ["REVIEWKIT_KEYS"] = str(base / "no-keymap.toml")
    started = time.monotonic()
    template, goods = make_template(base)
    server, goods["URL"] = _serve(goods["PUBMEDXML"])
    flags_by_kind: Counter[str] = Counter()
    found: list[str] = []
    tried = 0
    try:  # the server stopped and the scratch folder removed on ^C or an error too
        for slot in slots:
            for trial in trials(slot, goods, base, template):
                tried += 1
                flags = run_trial(trial, template, goods, base)
                for flag in flags:
                    flags_by_kind[flag] += 1
                if os.environ.get("SWEEP_VERBOSE"):
                    print(f"-- {slot.name} [{trial.value}] {trial.argv}\n{_LAST_OUTPUT[0][-600:]}")
                if flags:
                    first = _LAST_OUTPUT[0].strip().splitlines()
                    said = " / ".join(first[-3:])[:300]
                    found.append(f"| {slot.name} | {trial.value} | {', '.join(flags)} | {said} |")
                    print(f"{slot.name} [{trial.value}]: {', '.join(flags)}: {said}", flush=True)
    finally:
        server.terminate()
        server.wait()
        _unlock(base)
        shutil.rmtree(base, ignore_errors=True)
    commands = len({_command_of(s) for s in slots})
    lines = results(
        "Bad-input sweep (benchmarks/bad_input_sweep.py)",
        f"{len(slots)} options of {commands} commands, {tried} trials, "
        f"{len(found)} flagged, {time.monotonic() - started:.0f} s.",
        flags_by_kind,
        ["option", "value"],
        found,
    )
    if not word:  # the rounds, kept by hand in bad-input-sweep.md, are not written over
        (RESULTS / LAST_RUN).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[: 8 + len(flags_by_kind)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
