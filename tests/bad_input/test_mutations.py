"""Good files damaged the ways real files are damaged, through ``reviewkit import`` and
``reviewkit protocol check``: each mutant is read (exit 0, its records stored) or refused
(exit 2, one message naming the file and its line or record, no traceback, the project's
database unchanged). Never anything else.

The hand-made corpus (cases/, README.md) holds the kinds of damage someone thought of; this
file makes them systematically from the good fixture of every import format: a file cut at a
byte (mid-record, mid-UTF-8 character), a line deleted, doubled or swapped with the next, a tag
misspelt, a record's end marker removed, bytes of another encoding (Latin-1, Windows-1252 smart
quotes, UTF-16 without a BOM), NUL bytes, CR-only line ends, a BOM in the middle, the file
gzipped (a good gzip must import) or zipped, and concatenated with a file of another format.
Every mutant comes from a fixed seed, so a failure names a mutant that can be made again:
``pytest tests/bad_input/test_mutations.py -k 'sample.ris-nul-2'``.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import dump_database
from openpyxl import Workbook

from reviewkit.cli import main
from reviewkit.formats import read_file

REPO = Path(__file__).parent.parent.parent
FIXTURES = REPO / "tests" / "core" / "fixtures"
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"

# the good files of every import format, and the pattern of a tag (or element, or field name)
# whose misspelling the format's reader must notice or tolerate
GOOD: dict[str, tuple[tuple[str, ...], bytes]] = {
    "ris": (
        ("sample.ris", "ebsco_export.ris", "cochrane_central.ris"),
        rb"(?m)^[A-Z][A-Z0-9](?=  -)",
    ),
    "medline": (("sample.nbib", "pubmed_book_last.nbib"), rb"(?m)^[A-Z]{2,4}(?= *- )"),
    "bibtex": (("sample.bib", "exports.bib"), rb"(?m)(?<=@)[a-z]+|^\s*[a-z]+(?=\s*=)"),
    "pubmed-xml": (("sample.xml", "efetch_book.xml"), rb"(?<=<)[A-Za-z]+(?=[ >])"),
    "endnote-xml": (("endnote_export.xml",), rb"(?<=<)[a-z-]+(?=[ >])"),
    "refworks": (("refworks_export.txt",), rb"(?m)^[A-Z][A-Z0-9](?= )"),
    "wos": (("wos_plain.txt", "wos.txt"), rb"(?m)^[A-Z][A-Z0-9](?= )"),
    "cochrane": (("cochrane_central.txt",), rb"(?m)^[A-Z]{2,3}(?=: )"),
    "csv": (("scopus.csv", "pubmed_export.csv"), rb"\A[^,\r\n]+"),
    "toml": ((), rb"(?m)^[a-z_]+(?= *=)|(?<=^\[)[a-z.-]+|(?<=^\[\[)[a-z]+"),  # keys, tables
    "xlsx": (("workbook.xlsx",), rb"(?<=<)[a-z]+(?=[ >])"),
}
# what ends a record, per format (one occurrence is removed)
END_MARKER = {
    "ris": rb"(?m)^ER  -.*\r?\n",
    "medline": rb"\n\n(?=PMID)",
    "bibtex": rb"(?m)^\}\s*$",
    "pubmed-xml": rb"</PubmedArticle>|</PubmedBookArticle>",
    "endnote-xml": rb"</record>",
    "refworks": rb"\n\n(?=RT )",
    "wos": rb"(?m)^ER\s*$",
    "cochrane": rb"(?m)^Record #\d+ of \d+\s*$",
    "csv": rb'"(?=,)',
    "toml": rb"(?m)(?<=[a-z])\](?=\]?$)|'\'\'$|\"$",  # a table's ']', a string's end
}
# files of other formats to put after (or before) each file
OTHERS = {
    "ris": ("sample.nbib", "sample.bib", "pubmed_export.csv"),
    "medline": ("sample.ris", "sample.bib", "wos_plain.txt"),
    "bibtex": ("sample.ris", "pubmed_export.csv", "sample.nbib"),
    "toml": ("sample.ris", "sample.bib", "sample.nbib"),
}
_OTHERS = ("sample.bib", "sample.ris", "sample.nbib")

Mutation = Callable[[bytes, random.Random, str], bytes | None]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _pick_line(data: bytes, rng: random.Random) -> tuple[list[bytes], int] | None:
    lines = _lines(data)
    inner = [i for i in range(1, len(lines) - 1) if lines[i].strip()]
    return (lines, rng.choice(inner)) if inner else None


def cut(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Cut short at a byte between a fifth and the end (mid-record, mid-line)."""
    return data[: rng.randrange(len(data) // 5, len(data) - 1)]


def cut_mid_utf8(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    """Cut just after the first byte of a character of two or more bytes."""
    leads = [
        i
        for i, b in enumerate(data)
        if b >= 0xC2 and i + 1 < len(data) and data[i + 1] & 0xC0 == 0x80
    ]
    return data[: rng.choice(leads) + 1] if leads else None


def delete_line(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    picked = _pick_line(data, rng)
    if picked is None:
        return None
    lines, i = picked
    return b"".join(lines[:i] + lines[i + 1 :])


def double_line(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    picked = _pick_line(data, rng)
    if picked is None:
        return None
    lines, i = picked
    return b"".join(lines[: i + 1] + lines[i:])


def swap_lines(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    picked = _pick_line(data, rng)
    if picked is None:
        return None
    lines, i = picked
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return b"".join(lines)


def misspell_tag(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    """One tag (field name, element name, header) misspelt: a letter changed or two swapped."""
    tags = [m for m in re.finditer(GOOD[fmt][1], data) if len(m.group().strip()) >= 2]
    if not tags:
        return None
    m = rng.choice(tags)
    tag = bytearray(m.group())
    at = rng.randrange(len(tag) - 1)
    if rng.random() < 0.5 and tag[at] != tag[at + 1]:
        tag[at], tag[at + 1] = tag[at + 1], tag[at]
    elif 65 <= tag[at] <= 90 or 97 <= tag[at] <= 122:
        tag[at] = ord("Q") if tag[at] < 97 else ord("q")
    else:
        tag[at + 1] = ord("Q")
    return data[: m.start()] + bytes(tag) + data[m.end() :]


def drop_end_marker(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    found = list(re.finditer(END_MARKER[fmt], data)) if fmt in END_MARKER else []
    if not found:
        return None
    m = rng.choice(found)
    keep = b"\n" if m.group().startswith(b"\n") else b""
    return data[: m.start()] + keep + data[m.end() :]


def _insert_in_line(data: bytes, rng: random.Random, what: bytes) -> bytes | None:
    picked = _pick_line(data, rng)
    if picked is None:
        return None
    lines, i = picked
    body = lines[i].rstrip(b"\r\n")
    at = rng.randrange(len(body) // 2, len(body) + 1)
    lines[i] = body[:at] + what + lines[i][at:]
    return b"".join(lines)


def latin1(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    """A word in Latin-1 inside a line ('Tromsø' as a Latin-1 export writes it)."""
    return _insert_in_line(data, rng, " Troms\xf8 ".encode("latin-1"))


def smart_quotes(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    """Windows-1252 curly quotes, as Word pastes them into a file saved as 'ANSI'."""
    return _insert_in_line(data, rng, " \u201csick leave\u201d ".encode("cp1252"))


def utf16_no_bom(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    text = data.decode("utf-8").lstrip("\ufeff")
    return text.encode(rng.choice(["utf-16-le", "utf-16-be"]))


def nul(data: bytes, rng: random.Random, fmt: str) -> bytes:
    at = rng.randrange(len(data) // 3, len(data))
    return data[:at] + b"\x00" * rng.choice([1, 4]) + data[at:]


def cr_only(data: bytes, rng: random.Random, fmt: str) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")


def bom_in_middle(data: bytes, rng: random.Random, fmt: str) -> bytes | None:
    picked = _pick_line(data, rng)
    if picked is None:
        return None
    lines, i = picked
    lines[i] = b"\xef\xbb\xbf" + lines[i]
    return b"".join(lines)


def gzipped(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Gzipped whole (must import), or the gzip cut short."""
    packed = gzip.compress(data, mtime=0)
    return packed if rng.random() < 0.5 else packed[: rng.randrange(10, len(packed) - 4)]


def zipped(data: bytes, rng: random.Random, fmt: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("export.txt", date_time=(2024, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def concatenated(data: bytes, rng: random.Random, fmt: str) -> bytes:
    other = (FIXTURES / rng.choice(OTHERS.get(fmt, _OTHERS))).read_bytes()
    return data + b"\n" + other if rng.random() < 0.6 else other + b"\n" + data


MUTATIONS: dict[str, tuple[Mutation, int]] = {  # kind -> (mutation, variants per file)
    "cut": (cut, 4),
    "cut-utf8": (cut_mid_utf8, 1),
    "delete-line": (delete_line, 3),
    "double-line": (double_line, 2),
    "swap-lines": (swap_lines, 2),
    "misspell": (misspell_tag, 3),
    "no-end": (drop_end_marker, 2),
    "latin1": (latin1, 1),
    "cp1252": (smart_quotes, 1),
    "utf16": (utf16_no_bom, 1),
    "nul": (nul, 2),
    "cr-only": (cr_only, 1),
    "bom-middle": (bom_in_middle, 1),
    "gzip": (gzipped, 2),
    "zip": (zipped, 1),
    "concat": (concatenated, 3),
}
WHOLE_FILE = {"cut", "nul", "gzip", "zip", "concat"}  # kinds an .xlsx suffers as a file too
SHEET = "xl/worksheets/sheet1.xml"
FIXED = (2024, 1, 1, 0, 0, 0)  # zip entries' time: the same bytes on every run


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=FIXED), data)
    return out.getvalue()


def workbook() -> bytes:
    """A good .xlsx export: a header row and three records (one with letters beyond ASCII)."""
    book = Workbook()
    book.properties.created = book.properties.modified = datetime(2024, 1, 1)
    sheet = book.active
    sheet.append(["Title", "Authors", "Year", "DOI", "Abstract"])
    sheet.append(["Return to work after sick leave", "Berg, Åse", 2019, "10.1/a", "We studied."])
    sheet.append(["Graded return to work", "Smith, J", 2020, "10.1/b", "Back pain; stress."])
    sheet.append(["Job specialists in mental health care", "Ørsted, H", 2021, "", "IPS."])
    raw = io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(raw) as z:
        return _zip({name: z.read(name) for name in z.namelist()})


def _mutate_xlsx(data: bytes, kind: str, rng: random.Random) -> bytes | None:
    """A text mutation applied to the worksheet (or the workbook's index of sheets) inside (or,
    for the kinds a file suffers whole, half the time to the workbook's bytes)."""
    mutation = MUTATIONS[kind][0]
    if kind in WHOLE_FILE and rng.random() < 0.5:
        return mutation(data, rng, "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    part = rng.choice([SHEET, SHEET, SHEET, "xl/workbook.xml", "xl/_rels/workbook.xml.rels"])
    # the parts are XML on one line: break it at each tag, so that line mutations have lines
    text = parts[part].replace(b"><", b">\n<")
    changed = mutation(text, rng, "xlsx")
    if changed is None:
        return None
    parts[part] = changed
    return _zip(parts)


def mutants() -> Iterator[tuple[str, str, str, bytes]]:
    """(id, format, kind, bytes) of every mutant, the same on every run (seeded per file and kind)."""
    for fmt, (names, _) in GOOD.items():
        if fmt == "toml":
            continue
        for name in names:
            good = workbook() if fmt == "xlsx" else (FIXTURES / name).read_bytes()
            for kind, (mutation, variants) in MUTATIONS.items():
                seen: set[bytes] = set()
                for n in range(variants):
                    rng = random.Random(f"{name}-{kind}-{n}")
                    if fmt == "xlsx":
                        data = _mutate_xlsx(good, kind, rng)
                    else:
                        data = mutation(good, rng, fmt)
                    if data is None or data in seen or data == good:
                        continue
                    seen.add(data)
                    yield f"{name}-{kind}-{n}", fmt, kind, data


MUTANTS = list(mutants())


def _count(path: Path) -> int:
    return sum(1 for _ in read_file(path))


GOOD_COUNT = {
    name: _count(FIXTURES / name)
    for names, _ in GOOD.values()
    for name in names
    if name != "workbook.xlsx"
}
GOOD_COUNT["workbook.xlsx"] = 3
OTHER_COUNT = {name: _count(FIXTURES / name) for names in OTHERS.values() for name in names}


def _other(fmt: str, data: bytes) -> str:
    """The file a 'concat' mutant joined to its good file."""
    return next(n for n in OTHERS.get(fmt, _OTHERS) if (FIXTURES / n).read_bytes() in data)


_SUFFIX = {"xlsx": ".xlsx", "pubmed-xml": ".xml", "endnote-xml": ".xml", "bibtex": ".bib"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project holding records before any mutant is imported (the dump covers every table)."""
    folder = tmp_path_factory.mktemp("mutations") / "project"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(FIXTURES / "sample.nbib"), "--project", str(folder)]) == 0
    return folder


# what a record read from a damaged file must never hold: a NUL or other control character, a
# byte-order mark, or U+FFFD (a byte that was not text, replaced)
_GARBAGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffd]")


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _texts(item)


def _garbage(db: Path) -> list[str]:
    """Texts of the last import's records that hold a character no export holds."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT title, data FROM records WHERE import_id = (SELECT max(id) FROM imports)"
        ).fetchall()
    finally:
        conn.close()
    texts = (t for title, data in rows for t in [title, *_texts(json.loads(data))])
    return [t for t in texts if _GARBAGE.search(t)]


def _records(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM records").fetchone()[0]
    finally:
        conn.close()


# messages about the whole file, where no line or record is to blame: a zipped export, a gzip
# cut short, UTF-16 text, a head damaged beyond recognition, XML whose root tag is misspelt, a
# workbook's parts that do not fit together
WHOLE = re.compile(
    "zip archive|compressed file is truncated|without a byte-order mark|cannot tell the format"
    "|root element is|cannot read the Excel workbook"
)
# where a message points: 'file:LINE', a record, a worksheet row
_PLACE = r"(:\d+\b|\brecord \d+|\brow \d+|\bline \d+)"


@pytest.mark.parametrize(("mutant", "fmt", "kind", "data"), MUTANTS, ids=[m[0] for m in MUTANTS])
def test_a_damaged_file_is_read_or_refused_cleanly(
    mutant: str, fmt: str, kind: str, data: bytes, project: Path, tmp_path: Path, capsys
) -> None:
    path = tmp_path / (mutant + _SUFFIX.get(fmt, ".txt"))
    path.write_bytes(data)
    db = project / "review.sqlite"
    before, count = dump_database(db), _records(db)
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    out, err = capsys.readouterr()
    output = out + err
    assert code in (0, 2), f"exit {code}\n{output}"
    assert "Traceback" not in output, output
    if code == 0:
        stored = re.search(r": (\d+) records? \(", out)
        assert stored, output
        assert _records(db) == count + int(stored.group(1)), output
        assert _garbage(db) == [], f"stored text holds characters no export holds\n{output}"
        if kind == "concat":  # both files' records, or one file's were lost (or merged)
            name = mutant.split("-")[0]
            other = OTHER_COUNT[_other(fmt, data)]
            assert int(stored.group(1)) == GOOD_COUNT[name] + other, output
        return
    assert re.search(r"(?m)^error: ", output), output
    assert str(path) in output, f"the message does not name the file\n{output}"
    assert re.search(re.escape(str(path)) + r".*" + _PLACE, output) or WHOLE.search(output), (
        f"the message names no line or record\n{output}"
    )
    assert dump_database(db) == before, f"the database changed\n{output}"


PROTOCOL_MUTANTS = [
    (f"protocol-{kind}-{n}", data)
    for kind, (mutation, variants) in MUTATIONS.items()
    for n in range(variants * 2)  # one file: twice the variants of a reference export
    if (data := mutation(PROTOCOL.read_bytes(), random.Random(f"protocol-{kind}-{n}"), "toml"))
    is not None
]


@pytest.mark.parametrize(("mutant", "data"), PROTOCOL_MUTANTS, ids=[m for m, _ in PROTOCOL_MUTANTS])
def test_a_damaged_protocol_is_accepted_or_refused_cleanly(
    mutant: str, data: bytes, tmp_path: Path, capsys
) -> None:
    path = tmp_path / (mutant + ".toml")
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["protocol", "check", str(path)])
    out, err = capsys.readouterr()
    output = out + err
    assert code in (0, 2), f"exit {code}\n{output}"
    assert "Traceback" not in output, output
    if code == 0:
        assert "valid" in out, output
        return
    assert re.search(r"(?m)^error: ", output), output
    assert str(path) in output, f"the message does not name the file\n{output}"
    assert re.search(re.escape(str(path)) + r".*" + _PLACE, output) or WHOLE.search(output), (
        f"the message names no line or key\n{output}"
    )


# PubMed XML from 8 MiB up is cut into batches that worker processes parse (formats.pubmed_xml):
# another reader of the same bytes, run here on XML files with another file appended (it called
# them truncated, and would read a second XML document's articles after the first's end)
PARALLEL = [m for m in MUTANTS if m[1] == "pubmed-xml" and m[2] == "concat"]


@pytest.mark.parametrize(("mutant", "fmt", "kind", "data"), PARALLEL, ids=[m[0] for m in PARALLEL])
def test_the_parallel_xml_reader_refuses_what_the_serial_one_does(
    mutant: str,
    fmt: str,
    kind: str,
    data: bytes,
    project: Path,
    tmp_path: Path,
    capsys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reviewkit.formats import pubmed_xml

    path = tmp_path / (mutant + ".xml")
    path.write_bytes(data)
    db = project / "review.sqlite"
    before = dump_database(db)
    capsys.readouterr()
    monkeypatch.setattr(pubmed_xml, "PARALLEL_MIN_BYTES", 0)
    code = main(["import", str(path), "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert re.search(re.escape(str(path)) + r":\d+: ", out + err), out + err
    assert "truncated" not in (out + err).splitlines()[0], out + err  # the file is whole
    assert dump_database(db) == before


def test_the_parallel_xml_reader_refuses_a_second_document(
    project: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two PubMed XML files joined (``cat a.xml b.xml``): the serial reader refuses the second
    document; the batch cutter took its articles as records of the first."""
    from reviewkit.formats import pubmed_xml

    path = tmp_path / "two-documents.xml"
    path.write_bytes(
        (FIXTURES / "sample.xml").read_bytes() + (FIXTURES / "efetch_book.xml").read_bytes()
    )
    monkeypatch.setattr(pubmed_xml, "PARALLEL_MIN_BYTES", 0)
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    out, err = capsys.readouterr()
    line = (FIXTURES / "sample.xml").read_bytes().count(b"\n") + 1
    assert f"{path}:{line}: text after the closing tag" in out + err, out + err
