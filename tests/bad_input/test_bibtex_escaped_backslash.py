"""An escaped backslash before a brace in a BibTeX value ('\\\\{x}': LaTeX's line break, then a
group) read as BibTeX means it: the pair is one escape and the brace a brace. bibtexparser
took the brace for an escaped one, the value's braces no longer balanced, and the file was
refused ('field ... outside any entry'). Its neighbours keep their reading: '\\{' is a brace
of the text, '\\\\' is kept as written, '{\\"o}' is 'ö'."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

ENTRY = """@article{a1,
  title = {Escaped backslash before a brace},
  abstract = {VALUE},
  author = {M{\\"u}ller, Hans},
  journal = {J Test},
  year = {2020},
}

@article{a2,
  title = {The entry below},
  year = {2021},
}
"""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("the macro \\\\{x} ends", "the macro \\\\x ends"),  # the pair, then a group
        ("a line\\\\{\\bf bold} break", "a line\\\\\\bf bold break"),
        ("a path C:\\\\{dir}\\\\", "a path C:\\\\dir\\\\"),  # pairs before '{' and before '}'
        ("three \\\\\\{ here", "three \\\\{ here"),  # a pair, then an escaped brace
        ("a literal \\{ brace \\}", "a literal { brace }"),  # neighbours as they were
        ("a line \\\\ break", "a line \\\\ break"),
        ('{\\"o}ber', "öber"),
    ],
)
def test_value_read_as_bibtex_means_it(tmp_path: Path, value: str, text: str) -> None:
    path = tmp_path / "export.bib"
    path.write_text(ENTRY.replace("VALUE", value), encoding="utf-8")
    records = list(formats.read_file(path))
    assert [r.title for r in records] == ["Escaped backslash before a brace", "The entry below"]
    assert records[0].abstract == text
    assert records[0].authors == ["Müller, Hans"]
    assert (records[0].journal, records[0].year) == ("J Test", 2020)  # no field swallowed


def test_imported_through_the_cli(tmp_path: Path, capsys) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "export.bib"
    path.write_text(ENTRY.replace("VALUE", "the macro \\\\{x} ends"), encoding="utf-8")
    code = main(["import", str(path), "--project", str(project)])
    assert code == 0, capsys.readouterr()
    with open_project(project) as p:
        stored = {r.title: r.abstract for _, r in record_rows.iter_records(p.db)}
    assert stored["Escaped backslash before a brace"] == "the macro \\\\x ends"


def test_an_unclosed_brace_after_a_pair_is_still_named(tmp_path: Path, capsys) -> None:
    """'\\\\{' opens a group: left unclosed, the field is named as any other unclosed brace."""
    path = tmp_path / "export.bib"
    path.write_text(ENTRY.replace("VALUE", "the macro \\\\{x ends"), encoding="utf-8")
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert "field 'abstract' (line 3) opens a '{' that is never closed" in err, err


@pytest.mark.parametrize("mark", ["\ufdd5", "\ufdd0", "\ufdd3"])
def test_a_file_holding_a_noncharacter_keeps_it_and_reads_the_pair(
    tmp_path: Path, mark: str
) -> None:
    """Unicode's noncharacters are set aside for a program's use, not forbidden in a file: one
    a program leaked into a title (U+FDD5, the mark that hides '\\\\' from bibtexparser; U+FDD0
    and U+FDD3, unescape's marks for '\\textbackslash{}' and '\\{') is kept as it is, and the
    escaped backslash before a brace in the same file is still read as BibTeX means it (the
    file was refused as 'an extra }', and U+FDD0 came out as '\\', U+FDD3 as '{')."""
    path = tmp_path / "export.bib"
    text = ENTRY.replace("VALUE", "the macro \\\\{x} ends").replace(
        "The entry below", f"The entry {mark} below"
    )
    path.write_text(text, encoding="utf-8")
    records = list(formats.read_file(path))
    assert [r.title for r in records] == [
        "Escaped backslash before a brace",
        f"The entry {mark} below",
    ]
    assert records[0].abstract == "the macro \\\\x ends"
