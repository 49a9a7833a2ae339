"""A crossref whose volume key the first, line-by-line pass (formats.bibtex_crossref.named)
did not see on the field's own line: the value wrapped to the next line, or given by an
@string. Both are valid BibTeX (a value may span lines; a field's value may be a macro) and
were read when the file was parsed whole (4db1e50b); the streamed read refused them,
'crossref names no entry in this file', though the volume is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

VOLUME = "@proceedings{vol20,\n  title = {Proceedings of RTW},\n  year = {2020},\n}\n"
PAPER = "@inproceedings{p1,\n  title = {A conference paper},\n  author = {Berg, Tor},\n{}}\n\n"


@pytest.mark.parametrize(
    "head, crossref",
    [
        ("", "  crossref =\n    {vol20}\n"),  # the value on the next line
        ("", '  crossref =\n\n  "vol20"\n'),  # after a blank line, quoted
        ("@string{vv = {vol20}}\n\n", "  crossref = vv\n"),  # a macro's value
        ('@string{vv = "Vol20"}\n\n', "  crossref = vv,\n  year = {2020}\n"),  # case, a field after
    ],
    ids=["next-line", "blank-line-quoted", "macro", "macro-case"],
)
def test_a_crossref_not_written_on_its_line_finds_its_volume(
    tmp_path: Path, capsys, head: str, crossref: str
) -> None:
    path = tmp_path / "dblp.bib"
    path.write_text(head + PAPER.replace("{}", crossref) + VOLUME, encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr().err
    with open_project(project) as p:
        rows = [(r.title, r.year, r.journal) for _, r in record_rows.iter_records(p.db)]
    assert rows == [("A conference paper", 2020, "Proceedings of RTW")]


@pytest.mark.parametrize(
    "opening",
    [
        "@article{\n  self1,\n",  # the key on the line below the brace
        "@article{\n\n  self1 ,\n",  # after a blank line, a space before its comma
        "@article(\n  self1,\n",  # parentheses
        "@article{   \n  self1, crossref = {self1},\n",  # a field on the key's line
    ],
    ids=["next-line", "blank-line", "parentheses", "field-on-key-line"],
)
def test_an_entry_whose_crossref_names_itself_is_read_wherever_its_key_stands(
    tmp_path: Path, capsys, opening: str
) -> None:
    """The first pass took the key only from an opening line holding it: an entry opened
    otherwise kept the entry above's key (or none), its crossref naming itself was taken for
    another entry's, and the entry, taken for a volume, was dropped with no word."""
    path = tmp_path / "own.bib"
    own = opening + "  title = {A paper naming itself},\n  year = {2020},\n"
    if "crossref" not in opening:
        own += "  crossref = {self1},\n"
    close = "}\n" if "{" in opening else ")\n"
    above = "@article{p0,\n  title = {The entry above},\n  year = {2019},\n}\n\n"
    path.write_text(above + own + close, encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr().err
    with open_project(project) as p:
        rows = sorted((r.title, r.year) for _, r in record_rows.iter_records(p.db))
    assert rows == [("A paper naming itself", 2020), ("The entry above", 2019)]


def test_an_entry_named_only_by_text_in_a_value_is_refused_not_dropped(
    tmp_path: Path, capsys
) -> None:
    """The first pass reads lines, not fields: an abstract's line reading 'crossref = {p0}'
    made p0 a volume, and the import stored the file without it, with no word."""
    path = tmp_path / "text.bib"
    path.write_text(
        "@article{p0,\n  title = {The first paper},\n  year = {2019},\n}\n\n"
        "@article{p1,\n  title = {Second},\n  abstract = {We note that\n"
        "crossref = {p0} is how BibTeX links},\n  year = {2020},\n}\n",
        encoding="utf-8",
    )
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"error: {path}:9: the entry 'p0' (line 1) would be left out" in err, err
    assert "no entry's crossref field" in err and "Traceback" not in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0
