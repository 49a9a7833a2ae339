"""A crossref whose volume key the first, line-by-line pass (formats.bibtex_crossref.named)
did not see on the field's own line: the value wrapped to the next line, or given by an
@string. Both are valid BibTeX (a value may span lines; a field's value may be a macro) and
were read when the file was parsed whole (4db1e50b); the streamed read refused them,
'crossref names no entry in this file', though the volume is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_records

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
    rows = [(r.title, r.year, r.journal) for r in imported_records(tmp_path, capsys, path)]
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
    rows = sorted((r.title, r.year) for r in imported_records(tmp_path, capsys, path))
    assert rows == [("A paper naming itself", 2020), ("The entry above", 2019)]


@pytest.mark.parametrize(
    "value",
    [
        "abstract = {We note that\ncrossref = {p0} is how BibTeX links}",  # in braces
        'abstract = "We note that\ncrossref = {p0} is how BibTeX links"',  # in quotes
        "abstract = {Nested {as\n  crossref = {p0}, written} here}",  # deeper braces
        "title = {Second}, note = {see crossref = {p0}}",  # on a field's line, after it
        "abstract = {An escaped \\} is text\ncrossref = {p0} so the value is open}",
    ],
    ids=["braces", "quotes", "nested", "same-line", "escaped-brace"],
)
def test_a_crossref_line_inside_a_value_is_read_as_its_text(
    tmp_path: Path, capsys, value: str
) -> None:
    """The first pass read lines, not fields: a value's line reading 'crossref = {p0}' made
    p0 a volume, and a valid file was refused ('the entry 'p0' would be left out'; before
    that, p0 was dropped with no word). A 'crossref =' inside an open brace or quote is the
    value's text, as BibTeX reads it: both entries are records."""
    path = tmp_path / "text.bib"
    path.write_text(
        "@article{p0,\n  title = {The first paper},\n  year = {2019},\n}\n\n"
        f"@article{{p1,\n  {value},\n  year = {{2020}},\n}}\n",
        encoding="utf-8",
    )
    rows = sorted((r.year, r.title) for r in imported_records(tmp_path, capsys, path))
    assert [year for year, _ in rows] == [2019, 2020], rows


def test_an_entry_named_only_by_an_at_comment_is_read(tmp_path: Path, capsys) -> None:
    """An @comment is no entry (BibTeX skips it): its 'crossref = {p0}' names no volume."""
    path = tmp_path / "comment.bib"
    path.write_text(
        "@article{p0,\n  title = {The first paper},\n  year = {2019},\n}\n\n"
        "@comment{crossref = {p0} is how BibTeX links a paper to its volume}\n\n"
        "@article{p1,\n  title = {Second},\n  year = {2020},\n}\n",
        encoding="utf-8",
    )
    assert len(imported_records(tmp_path, capsys, path)) == 2


@pytest.mark.parametrize(
    "between",
    [
        "% {crossref = {p2}} is how a paper names its volume\n",  # a % line holding braces
        "% an open brace {\n% then crossref = {p2} on the next line\n",  # one left open
        'Text "crossref = {p2}" quoted between entries\n',
    ],
    ids=["percent-braces", "percent-open-brace", "quotes"],
)
def test_text_between_entries_names_no_volume(tmp_path: Path, capsys, between: str) -> None:
    """Text outside entries is no field, whatever braces or quotes it holds: bibtexparser (and
    BibTeX) skip it up to the next '@type{'. The first pass counted its braces as an entry's,
    so a '% {crossref = {p2}}' line made p2 a volume and the valid file was refused."""
    path = tmp_path / "between.bib"
    path.write_text(
        "@inproceedings{p1,\n  title = {A paper},\n  crossref = {conf19},\n}\n\n"
        f"{between}\n@article{{p2,\n  title = {{Second}},\n  year = {{2020}},\n}}\n\n"
        "@proceedings{conf19,\n  title = {Proc 19},\n  year = {2019},\n}\n",
        encoding="utf-8",
    )
    rows = sorted((r.year, r.title) for r in imported_records(tmp_path, capsys, path))
    assert rows == [(2019, "A paper"), (2020, "Second")], rows


@pytest.mark.parametrize(
    "paper",
    [
        "@inproceedings(p1,\n  title = {A paper},\n  crossref = {conf19}\n)\n",
        "@inproceedings(p1, title = {A paper (short)}, crossref = {conf19})\n",
        '@inproceedings(p1,\n  title = "A paper (short)",\n  crossref = "conf19")\n',
    ],
    ids=["lines", "one-line", "quoted"],
)
def test_an_entry_opened_with_a_parenthesis_closes_at_its_own(
    tmp_path: Path, capsys, paper: str
) -> None:
    """'@type(' opens an entry its ')' closes (BibTeX allows either delimiter): the first pass
    did not look for the ')', so the text after the entry was read as its fields and a
    'crossref = {p2}' there made p2 a volume, the valid file refused."""
    path = tmp_path / "paren.bib"
    path.write_text(
        f"{paper}\nNote: crossref = {{p2}} links a paper to a volume.\n\n"
        "@article{p2,\n  title = {Second},\n  year = {2020},\n}\n\n"
        "@proceedings{conf19,\n  title = {Proc 19},\n  year = {2019},\n}\n",
        encoding="utf-8",
    )
    rows = sorted(
        (r.year, r.title.split(" (")[0]) for r in imported_records(tmp_path, capsys, path)
    )
    assert rows == [(2019, "A paper"), (2020, "Second")], rows


def test_an_entry_opened_after_other_text_on_its_line_is_read(tmp_path: Path, capsys) -> None:
    """bibtexparser, as BibTeX, opens an entry at an '@type{' anywhere outside entries, also
    after a '%' (no comment mark in BibTeX): its crossref is a field, its volume lent."""
    path = tmp_path / "after.bib"
    path.write_text(
        "@article{p0,\n  title = {First},\n  year = {2018},\n}\n\n"
        "% kept: @inproceedings{p1,\n  title = {A paper},\n  crossref = {conf19},\n}\n\n"
        "@proceedings{conf19,\n  title = {Proc 19},\n  year = {2019},\n}\n",
        encoding="utf-8",
    )
    rows = sorted((r.year, r.title) for r in imported_records(tmp_path, capsys, path))
    assert rows == [(2018, "First"), (2019, "A paper")], rows


def test_a_field_whose_name_ends_in_crossref_names_no_volume(tmp_path: Path, capsys) -> None:
    """A field is 'crossref' only by its whole name: a tool's own field ('bdsk-crossref', as
    BibDesk names its fields 'bdsk-url-1') is no crossref for bibtexparser, and the first pass
    took it for one, so the entry it names was refused as a volume no crossref names."""
    path = tmp_path / "fields.bib"
    path.write_text(
        "@article{p0,\n  title = {First},\n  year = {2019},\n}\n\n"
        "@article{p1,\n  title = {Second},\n  bdsk-crossref = {p0},\n  year = {2020},\n}\n",
        encoding="utf-8",
    )
    rows = sorted((r.year, r.title) for r in imported_records(tmp_path, capsys, path))
    assert rows == [(2019, "First"), (2020, "Second")], rows
