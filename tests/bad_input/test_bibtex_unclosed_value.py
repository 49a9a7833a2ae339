"""A BibTeX value that opens a '{' it never closes (Zotero and Mendeley write an abstract as it
was typed: an interval '[0, 1)' or a formula's lone brace) swallows the fields below it, and
the next entry aborts the entry: bibtexparser's words named the entry and the '@' it met, not
the field to mend. The field and its line are named now, in the entry's error."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

ZOTERO = """\
@article{berg_return_2020,
\ttitle = {Return to work after sick leave},
\tvolume = {30},
\tabstract = {We measured the share {p in [0, 1) of workers back at work after a year.},
\tjournal = {Journal of Occupational Rehabilitation},
\tauthor = {Berg, Tor and Olsen, Anne},
\tyear = {2020},
}

@article{olsen_coordinated_2019,
\ttitle = {Coordinated services},
\tyear = {2019},
}
"""


def test_the_field_whose_brace_is_never_closed_is_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "zotero.bib"
    path.write_text(ZOTERO, encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert (
        f"error: {path}:1: broken BibTeX entry: the value of field 'abstract' (line 4) opens"
        " a '{' that is never closed" in err
    ), err
    assert "add the missing '}' to the value of 'abstract'" in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0


def test_an_entry_missing_only_its_own_brace_is_named_as_before(tmp_path: Path) -> None:
    """Every field closed, the entry's '}' missing: no field is to blame."""
    from reviewkit import formats
    from reviewkit.errors import FormatError

    path = tmp_path / "open.bib"
    text = (
        ZOTERO.replace("[0, 1)", "[0, 1]").replace("{p in", "p in").replace("2020},\n}", "2020},")
    )
    path.write_text(text, encoding="utf-8")
    try:
        list(formats.read_file(path))
    except FormatError as exc:
        assert exc.where == f"{path}:1" and "never closed" not in exc.message, exc
    else:
        raise AssertionError("an entry never closed was read")


def test_an_extra_closing_brace_in_a_value_is_named_once_at_its_field(
    tmp_path: Path, capsys
) -> None:
    """'{x} in [0, 1]}': the value closes early and the text after it fails the entry, whose
    fields below are left outside any entry: bibtexparser's 'Expected a `=` after entry key'
    and a field outside were two problems named for one '}'."""
    path = tmp_path / "zotero.bib"
    path.write_text(ZOTERO.replace("{p in [0, 1)", "p} in [0, 1]"), encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert (
        f"error: {path}:1: broken BibTeX entry: a '}}' in the value of field 'abstract' (line 4)"
        " closes the entry early" in err
    ), err
    assert "also" not in err and "outside any entry" not in err, err
