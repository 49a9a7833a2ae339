"""A record with neither title nor abstract (a database's stub, an export cut to its
identifiers; 26 of the 2,544 rows of ASReview's Cohen_2006_ACEInhibitors set, one an include)
is imported, as it is part of the search's result and of PRISMA's counts, but said: one warning
per file counts them, naming the line each starts at (a worksheet's row), where the user finds
it in the file, in every reader (tests/screening/test_nothing_to_read_screen.py: the screen says
so)."""

from __future__ import annotations

from pathlib import Path

import pytest

TITLED = "Return to work after sick leave"
# one file of each reader: a titled record, then two stubs with only an identifier, and the
# line (a worksheet's row) each stub starts at
STUBS: list[tuple[str, str, str]] = [
    (
        "stubs.ris",
        f"TY  - JOUR\nTI  - {TITLED}\nAB  - An abstract.\nER  - \n\n"
        "TY  - JOUR\nDO  - 10.1000/a\nER  - \n\nTY  - JOUR\nAN  - 123456\nER  - \n",
        "lines 6 and 10",
    ),
    (
        "stubs.nbib",
        f"PMID- 1\nTI  - {TITLED}\n\nPMID- 2\nDP  - 2020\n\nPMID- 3\nDP  - 2021\n",
        "lines 4 and 7",
    ),
    (
        "stubs.bib",
        f"@article{{a, title = {{{TITLED}}}}}\n\n@article{{b, doi = {{10.1000/b}}}}\n\n"
        "@article{c, doi = {10.1000/c}}\n",
        "lines 3 and 5",
    ),
    (
        "stubs.csv",
        f"Title,Abstract,DOI\n{TITLED},An abstract.,\n,,10.1000/d\n\n,,10.1000/e\n",
        "lines 3 and 5",
    ),
    (
        "stubs.xml",
        "<PubmedArticleSet>\n"
        + "".join(
            f"<PubmedArticle><MedlineCitation><PMID>{n}</PMID><Article>"
            f"<ArticleTitle>{t}</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
            for n, t in ((11, TITLED), (12, ""), (13, ""))
        )
        + "</PubmedArticleSet>\n",
        "lines 3 and 4",
    ),
    (
        "stubs.txt",  # Web of Science's plain text
        f"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI {TITLED}\nER\n\n"
        "PT J\nUT WOS:000000000000002\nER\n\nPT J\nUT WOS:000000000000003\nER\n\nEF\n",
        "lines 7 and 11",
    ),
    (
        "cochrane.txt",
        f"Record #1 of 3\nID: CN-01000001\nTI: {TITLED}\n\nRecord #2 of 3\nID: CN-01000002\n"
        "YR: 2019\n\nRecord #3 of 3\nID: CN-01000003\nYR: 2020\n",
        "lines 5 and 9",
    ),
    (
        "refworks.txt",
        f"RT Journal Article\nT1 {TITLED}\n\nRT Journal Article\nAN 100002\n\n"
        "RT Journal Article\nAN 100003\n",
        "lines 4 and 7",
    ),
    (
        "endnote.xml",
        '<?xml version="1.0" encoding="UTF-8" ?>\n<xml><records>\n'
        f"<record><titles><title>{TITLED}</title></titles></record>\n"
        "<record><electronic-resource-num>10.1000/g</electronic-resource-num></record>\n\n"
        "<record><electronic-resource-num>10.1000/h</electronic-resource-num></record>\n"
        "</records></xml>\n",
        "lines 4 and 6",
    ),
]


@pytest.mark.parametrize(("name", "text", "lines"), STUBS, ids=[n for n, _, _ in STUBS])
def test_records_without_title_and_abstract_are_imported_and_named_by_line_in_one_warning(
    name: str,
    text: str,
    lines: str,
    tmp_path: Path,
    cli_project: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reviewkit.cli import main

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    out, err = capsys.readouterr()
    assert "3 records" in out  # kept: they are part of the search's result
    (line,) = [x for x in err.splitlines() if "neither title nor abstract" in x]
    assert line.startswith(f"warning: {path}: 2 records (at {lines}) have neither")


def test_a_record_with_an_abstract_only_is_not_counted(
    tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewkit.cli import main

    path = tmp_path / "abstract.csv"
    path.write_text("Title,Abstract,DOI\n,Proceedings of a workshop.,10.1000/f\n", "utf-8")
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    assert "has no title" in err and "neither title nor abstract" not in err


def test_a_workbook_names_the_worksheet_rows(
    tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worksheet's row as Excel numbers it, below title rows and a cell's line break."""
    import openpyxl

    from reviewkit.cli import main

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Search results"], [], ["Title", "DOI"], [f"{TITLED}\nand its aftermath", ""]):
        sheet.append(row)
    sheet.append(["", "10.1000/i"])
    sheet.append(["", "10.1000/j"])
    path = tmp_path / "stubs.xlsx"
    book.save(path)
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {path}: 2 records (at rows 5 and 6) have neither" in err


def test_the_parallel_reader_of_large_pubmed_files_names_the_file_lines(tmp_path: Path) -> None:
    """Read in batches by worker processes, each stub is named by its line in the file."""
    from reviewkit.formats import pubmed_xml
    from reviewkit.formats.findable import NothingToScreen
    from reviewkit.formats.read_warnings import ReadWarning

    name, text, _ = STUBS[4]  # stubs on lines 3 and 4, after one titled article
    articles = text.splitlines()
    path = tmp_path / name
    path.write_text("\n".join([articles[0], articles[1], *articles[1:]]) + "\n", "utf-8")
    told: list[ReadWarning] = []
    records = list(pubmed_xml.read_parallel(str(path), name, workers=2, batch=1, warn=told.append))
    assert [r.position for r in records] == [1, 2, 3, 4]
    assert [w.where for w in told if isinstance(w, NothingToScreen)] == [f"{name}:4", f"{name}:5"]


@pytest.mark.parametrize(("name", "text", "lines"), STUBS, ids=[n for n, _, _ in STUBS])
def test_each_untitled_record_is_named_by_the_line_it_starts_at(
    name: str,
    text: str,
    lines: str,
    tmp_path: Path,
    cli_project: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The untitled warning names each record by its line, as the nothing-to-screen warning
    does, not by its number in the file (which no editor shows)."""
    from reviewkit.cli import main

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    named = [x for x in err.splitlines() if x.endswith("has no title (imported as is)")]
    expected = lines.removeprefix("lines ").split(" and ")
    assert [x.split("record at line ")[1].split()[0] for x in named] == expected, err


def test_a_workbook_names_each_untitled_record_by_its_row(
    tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    from reviewkit.cli import main

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Search results"], [], ["Title", "Abstract", "DOI"], [TITLED, "", ""]):
        sheet.append(row)
    sheet.append(["", "An abstract to screen it on.", "10.1000/K"])
    path = tmp_path / "untitled.xlsx"
    book.save(path)
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}: record at row 5 (DOI 10.1000/K) has no title (imported as is)" in err


@pytest.mark.parametrize("title", ["\x0b", "\x0c\x0b", " \x1e "])
def test_a_title_of_control_characters_is_no_title(
    title: str, tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Control characters are taken out after the readers (formats.control_chars): a title
    made of them alone (Word's line or page break pasted into a reference manager) is judged
    as the empty title it is stored as, with an identifier as an untitled record, without
    one refused."""
    from reviewkit.cli import main

    path = tmp_path / "breaks.ris"
    path.write_text(
        f"TY  - JOUR\nTI  - {TITLED}\nER  - \n\nTY  - JOUR\nTI  - {title}\nDO  - 10.1000/c\n"
        "ER  - \n",
        encoding="utf-8",
    )
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}: record at line 5 (DOI 10.1000/c) has no title" in err
    assert f"{path}: 1 record (at line 5) has neither title nor abstract" in err
    path.write_text(f"TY  - JOUR\nTI  - {title}\nPY  - 2020\nER  - \n", encoding="utf-8")
    assert main(["import", "--project", str(cli_project), str(path)]) != 0
    err = capsys.readouterr().err
    assert f"{path}:1: record 1 has neither a title nor an identifier" in err
