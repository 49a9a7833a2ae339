"""Every entry's value problem of a BibTeX file named in one run (up to the limit), each by
its line: before, the first stopped the read, so a file exported with its journal macros but
without their @string definitions (JabRef's and BibDesk's abbreviations: 'journal = jor')
took one fix and one import for each macro. The values of a damaged entry (fields cut short
or swallowed) are not checked: it is named once, for its damage."""

from __future__ import annotations

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


def _entry(key: str, body: str) -> str:
    return f"@article{{{key},\n  title = {{A study called {key}}},\n{body}  year = {{2020}}\n}}\n\n"


def _lines(text: str, *needles: str) -> list[int]:
    """The line (1-based) of each needle's first line in ``text``."""
    found = text.split("\n")
    return [next(i for i, ln in enumerate(found, 1) if needle in ln) for needle in needles]


def test_every_value_problem_is_named_in_one_run(tmp_path: Path, capsys) -> None:
    text = (
        _entry("a1", "  journal = jor,\n")  # a macro never defined
        + _entry("a2", "  journal = {Fine},\n")
        + _entry("a3", "  journal = sjweh,\n")
        + _entry("a4", "  pmid = {PMC123},\n")  # no PMID
        + "@article{a5,\n  note = {only a note},\n  year = {2020}\n}\n"  # no title, no id
    )
    path = tmp_path / "abbreviated.bib"
    path.write_text(text, encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    jor, sjweh, pmid, a5 = _lines(text, "= jor", "= sjweh", "PMC123", "{a5,")
    assert f"error: {path}:{jor}: @string 'jor' is used but not defined" in err, err
    assert f"also {path}:{sjweh}: @string 'sjweh' is used but not defined" in err, err
    assert f"also {path}:{pmid}: " in err and "PMC123" in err, err
    assert f"also {path}:{a5}: " in err and "'a5'" in err, err
    assert "fix all 4 problems named" in err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0


def test_a_value_problem_in_a_later_chunk_is_named_with_a_damaged_entry(
    tmp_path: Path, monkeypatch
) -> None:
    """A damaged entry in an early chunk, a macro never defined in a later one: both named."""
    parts = [p + "\n\n" for p in export("bibtex", 40).decode().split("\n\n") if p.strip()]
    parts[3] = "@article{nocomma,\n  title = {A title}\n  year = {2020}\n}\n\n"
    parts[30] = _entry("late", "  journal = jor,\n")
    text = "".join(parts)
    path = tmp_path / "export.bib"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", 700)
    with pytest.raises(FormatError) as refused:
        list(formats.read_file(path))
    title, jor = _lines(text, "{A title}", "= jor")
    said = str(refused.value)
    assert refused.value.where == f"{path}:{title + 1}", said  # the line of 'year ='
    assert refused.value.message.startswith("no comma between field 'title' and field 'year'"), said
    assert f"also {path}:{jor}: @string 'jor' is used but not defined" in said, said


def test_a_damaged_entry_is_named_once_and_a_broken_volume_once(tmp_path: Path) -> None:
    """Guards: a missing comma swallows the next field into a value that is no macro, and a
    volume whose value fails lends nothing to its paper; each is named once, in one run (the
    volume's, in the missing comma's chunk, was learnt an import later until rd41g)."""
    text = (
        "@article{nocomma,\n  title = {A title}\n  journal = {J}\n}\n\n"
        "@inproceedings{paper,\n  title = {A paper},\n  crossref = {vol},\n"
        "  doi = {10.1000/p}\n}\n\n"
        "@proceedings{vol,\n  title = {Proceedings},\n  publisher = ieee,\n  year = {2020}\n}\n"
    )
    path = tmp_path / "two.bib"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as refused:
        list(formats.read_file(path))
    said = str(refused.value)
    assert said.count("no comma between") == 1 and said.count("@string 'ieee'") == 1, said
    assert said.count("\n  also ") == 1, said
    path.write_text(text.replace("{A title}\n", "{A title},\n"), encoding="utf-8")
    with pytest.raises(FormatError) as refused:
        list(formats.read_file(path))
    said = str(refused.value)
    assert said.count("\n  also ") == 0 and "@string 'ieee'" in said, said
