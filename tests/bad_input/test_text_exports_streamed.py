"""RIS, MEDLINE/nbib and Web of Science text exports are read line by line (round 21,
formats.text_stream): the first record is read before the file's end is, where the whole file
was held three times over first (bytes, text, lines: 531 MB for a 200 MB RIS). The damage a
whole read found is found as before, naming the same line, however far into the file it is
and whichever line ends the file has; and the import stays all or nothing."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from benchmarks.bench_import_text import export
from reviewkit import formats
from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.formats.text import decode
from reviewkit.formats.text_stream import PIECE
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

SUFFIX = {"ris": "ris", "medline": "nbib", "wos": "txt"}
RECORDS = 3 * PIECE // 1500  # over three pieces of the stream


def _damaged(tmp_path: Path, fmt: str, bad: bytes, line_end: bytes = b"\n") -> tuple[Path, int]:
    """An export of ``fmt`` with ``bad`` put at the end of a line past its second piece, and
    that line's number."""
    lines = export(fmt, RECORDS).split(b"\n")
    at = next(i for i in range(len(lines) * 2 // 3, len(lines)) if lines[i].strip())
    lines[at] += bad
    path = tmp_path / f"export.{SUFFIX[fmt]}"
    path.write_bytes(line_end.join(lines))
    return path, at + 1


@pytest.mark.parametrize("fmt", ["ris", "wos"])  # MEDLINE's end is judged first: see below
def test_the_first_record_is_read_before_the_end_of_the_file(tmp_path: Path, fmt: str) -> None:
    path, line = _damaged(tmp_path, fmt, b"\xe9")  # Latin-1, not UTF-8, far down
    records = formats.read_file(path)
    assert "study 0" in next(records).title
    with pytest.raises(FormatError) as refused:
        list(records)
    assert refused.value.where == f"{path}:{line}"


@pytest.mark.parametrize("line_end", [b"\n", b"\r\n", b"\r"], ids=["lf", "crlf", "cr"])
@pytest.mark.parametrize(
    ("bad", "said"),
    [(b"\xe9", "not UTF-8 text"), (b"x\x00y", "NUL byte"), (b"x" * (1 << 21), "characters long")],
    ids=["latin-1", "nul", "long-line"],
)
def test_damage_far_down_is_named_at_its_line(
    tmp_path: Path, capsys, line_end: bytes, bad: bytes, said: str
) -> None:
    path, line = _damaged(tmp_path, "ris", bad, line_end)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"error: {path}:{line}: " in err and said in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0  # the records before it: none stored


def test_a_cut_nbib_is_refused_before_any_record(tmp_path: Path) -> None:
    """MEDLINE's end is judged first, as the whole text was (its lines are read twice, the
    first time for the last two records): the last record cut inside its SO line (no period,
    no line break at the end)."""
    data = export("medline", RECORDS).rstrip(b"\n")
    path = tmp_path / "cut.nbib"
    path.write_bytes(data[: data.rindex(b".")])
    records = formats.read_file(path)
    with pytest.raises(FormatError, match="ends in the middle of the last record's 'SO"):
        next(records)


@pytest.mark.parametrize(
    ("fmt", "encoding"), [("ris", None), ("wos", None), ("bibtex", None), ("bibtex", "utf-8")]
)
def test_the_text_limit_holds_only_for_files_read_whole(
    tmp_path: Path, fmt: str, encoding: str | None
) -> None:
    """A file over MAX_TEXT_BYTES (256 MiB: what is held in memory) is read when it is
    streamed, one record held at a time, up to PubMed XML's limit; one read whole (with
    --encoding) is refused. The file: two records and 2 MiB of blank lines, its size then
    taken to 257 MiB without writing it (a sparse file: NUL bytes, refused far past the first
    record). BibTeX is streamed too (round 23), its lines read once for crossrefs before its
    first record: the NUL bytes are named then, not the size."""
    from reviewkit.formats.text import MAX_TEXT_BYTES

    first = {"bibtex": b"@article{a,\n  title = {study 0},\n  year = {2020}\n}\n"}
    path = tmp_path / f"big.{SUFFIX.get(fmt, 'bib')}"
    path.write_bytes((first.get(fmt) or export(fmt, 2)) + b"\n" * (2 * PIECE))
    with open(path, "r+b") as fh:
        fh.truncate(MAX_TEXT_BYTES + (1 << 20))
    records = formats.read_file(path, encoding=encoding)
    if encoding:
        with pytest.raises(FormatError, match="256 MiB"):
            next(records)
    elif fmt == "bibtex":
        with pytest.raises(FormatError, match="NUL byte") as refused:
            next(records)
        assert refused.value.where == f"{path}:{2 * PIECE + 5}"
    else:
        assert "study 0" in next(records).title


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_cut_nbib_names_its_last_line_with_text_read_whole_or_streamed(
    tmp_path: Path, encoding: str
) -> None:
    """A MEDLINE file whose last record has no SO, its lines ended by CRLF and blank lines
    after it, is refused at its last line with text, streamed (UTF-8) or read whole (UTF-16):
    the whole read counted CRLF's CR of a blank line as text and named the last blank line."""
    data = export("medline", 3)
    text = data[: data.rindex(b"SO  - ")].decode() + "\n\n\n"
    last = len(text.rstrip("\n").split("\n"))
    path = tmp_path / "cut.nbib"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    with pytest.raises(FormatError, match="ends in the middle of a record") as refused:
        list(formats.read_file(path))
    assert refused.value.where == f"{path}:{last}"


@pytest.mark.parametrize("fmt", ["ris", "medline", "wos"])
@pytest.mark.parametrize(
    ("line_end", "after", "hinted"),
    [(b"\r", b"", True), (b"\r", b"\r" * PIECE + b"\n", False), (b"\n", b"", False)],
    ids=["cr", "cr-then-lf", "lf"],
)
def test_a_cr_only_export_streamed_is_hinted_mac_roman_as_one_read_whole(
    tmp_path: Path, capsys, fmt: str, line_end: bytes, after: bytes, hinted: bool
) -> None:
    """An export whose lines end in CR alone (the Mac's before OS X, in Mac Roman: 'ö' is 0x9a)
    with that byte in a piece after the first gets the hint a file read whole gets: pass --encoding
    mac-roman (formats.text.not_utf8). A file with an LF after, a piece or more further on,
    is not CR alone (the whole read looks at all of it): the hint for any encoding."""
    path, line = _damaged(tmp_path, fmt, b" Sj\x9agren", line_end)
    path.write_bytes(path.read_bytes() + after)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"error: {path}:{line}: not UTF-8 text (byte 0x9a" in err, err
    assert ("pass --encoding mac-roman" in err) is hinted
    with pytest.raises(FormatError) as whole:  # the same file read whole: the same hint
        decode(path.read_bytes(), str(path))
    assert f"hint: {whole.value.hint}\n" in err


@pytest.mark.parametrize("bad", [b"", b"Sj\x9agren "], ids=["one-line", "bad-byte-first"])
def test_a_line_of_many_mib_is_refused_without_holding_it(tmp_path: Path, bad: bytes) -> None:
    """A file whose line breaks were lost (64 MiB on one line after three short ones) is refused
    once more than any line's bytes are read, not held whole first (a 200 MB line held 836 MB);
    so is one with a byte not UTF-8 before it, whose Mac Roman hint reads on past that byte to
    see whether an LF follows (formats.text_stream._cr_only)."""
    path = tmp_path / "export.ris"
    path.write_bytes(b"TY  - JOUR\rAU  - Smith, J\rTI  - " + bad + b"a" * (64 << 20) + b"\rER  -\r")
    tracemalloc.start()
    try:
        with pytest.raises(FormatError) as refused:
            list(formats.read_file(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 << 20, f"{peak:,} bytes held"  # less than the line: it was not held
    if bad:
        assert "not UTF-8 text (byte 0x9a" in str(refused.value)
        assert "--encoding mac-roman" in refused.value.hint
    else:
        assert refused.value.where == f"{path}:3"
        assert "line 3 is at least " in str(refused.value)
