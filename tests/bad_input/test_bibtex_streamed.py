"""BibTeX read as a stream of chunks, never held whole (round 23): the file's text was held
whole (366 MB for a 160 MB file), and a file with @string macros or crossrefs was parsed whole
(1.4 GB). Now its lines are read as they come (formats.text_stream), the @strings above an
entry are carried from chunk to chunk, and the volumes crossrefs name are found by a first
pass; the records are those of the whole read, and each damage is still named at its line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from benchmarks.bench_import_text import export
from reviewkit import formats
from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.formats import bibtex_split
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

STRINGS = '@string{jor = {Journal of Occupational Rehabilitation}}\n@string{acm = "ACM"}\n\n'
PAPER = (
    "@inproceedings{paperN,\n  title = {A conference paper N},\n  author = {Berg, Tor},\n"
    "  pages = {1--10},\n  crossref = {DBLP:conf/rtw/2020}\n}\n\n"
)
# DBLP's layout: the volume after all its papers, at the file's end
VOLUME = (
    "@proceedings{DBLP:conf/rtw/2020,\n  title = {Proceedings of RTW},\n"
    "  booktitle = {RTW 2020},\n  year = {2020},\n  publisher = acm,\n}\n"
)


def _file(tmp_path: Path, entries: int = 30) -> Path:
    """@strings at the head, used by entries far below them; papers whose volume comes last."""
    parts = [p + "\n\n" for p in export("bibtex", entries).decode().split("\n\n") if p.strip()]
    parts = [p.replace("{Journal of Occupational Rehabilitation}", "jor") for p in parts]
    parts[5:5] = [PAPER.replace("N", "1")]
    parts[20:20] = [PAPER.replace("N", "2")]
    path = tmp_path / "dblp.bib"
    path.write_text(STRINGS + "".join(parts) + VOLUME, encoding="utf-8")
    return path


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the texts bibtexparser's Splitter is given, from now on."""
    sizes: list[int] = []

    class Splitter(bibtex_split.Splitter):
        def __init__(self, text: str) -> None:
            sizes.append(len(text))
            super().__init__(text)

    monkeypatch.setattr(bibtex_split, "Splitter", Splitter)
    return sizes


def test_strings_and_crossrefs_are_read_a_chunk_at_a_time(tmp_path: Path, monkeypatch) -> None:
    path = _file(tmp_path)
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", 1 << 30)
    whole = [dataclasses.asdict(r) for r in formats.read_file(path)]
    assert len(whole) == 32
    papers = [r for r in whole if r["title"].startswith("A conference paper")]
    assert [(r["year"], r["journal"], r["publisher"]) for r in papers] == [
        (2020, "RTW 2020", "ACM")
    ] * 2
    assert all(r["journal"] == "Journal of Occupational Rehabilitation" for r in whole[:5])
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", 2000)
    sizes = _parsed(monkeypatch)
    assert [dataclasses.asdict(r) for r in formats.read_file(path)] == whole
    assert max(sizes) < path.stat().st_size / 5, sizes  # never the whole file


def test_the_file_is_never_read_whole(tmp_path: Path, monkeypatch, capsys) -> None:
    """Through the CLI: the import reads the file's lines, never its bytes and text whole."""

    def whole(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was read whole")

    monkeypatch.setattr(formats, "read_bytes", whole)
    path = _file(tmp_path)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr().err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 32


@pytest.mark.parametrize("chunk", [1 << 30, 1], ids=["whole", "block-a-chunk"])
def test_a_macro_defined_below_its_use_is_refused_at_the_use(
    tmp_path: Path, monkeypatch, chunk: int
) -> None:
    """BibTeX reads a file top to bottom and a macro must be defined before its use (btxdoc,
    2.1): read whole, every @string of the file was defined first, so a file whose definition
    comes late was imported or refused by where the chunks fell."""
    path = _file(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(STRINGS, "") + STRINGS, encoding="utf-8")
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    with pytest.raises(FormatError) as refused:
        list(formats.read_file(path))
    assert refused.value.message.startswith("@string 'jor' is used but not defined above")
    first = text.replace(STRINGS, "").split("\n").index("  journal = jor,") + 1
    assert refused.value.where == f"{path}:{first}"
