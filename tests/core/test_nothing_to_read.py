"""A record with neither title nor abstract (a database's stub, an export cut to its
identifiers; 26 of the 2,544 rows of ASReview's Cohen_2006_ACEInhibitors set, one an include)
is imported, as it is part of the search's result and of PRISMA's counts, but said: one warning
per file counts them (tests/screening/test_nothing_to_read_screen.py: the screen says so)."""

from __future__ import annotations

from pathlib import Path

import pytest

TITLED = "Return to work after sick leave"
# one file of each reader: a titled record, then two stubs with only an identifier
STUBS: list[tuple[str, str]] = [
    (
        "stubs.ris",
        f"TY  - JOUR\nTI  - {TITLED}\nAB  - An abstract.\nER  - \n\n"
        "TY  - JOUR\nDO  - 10.1000/a\nER  - \n\nTY  - JOUR\nAN  - 123456\nER  - \n",
    ),
    ("stubs.nbib", f"PMID- 1\nTI  - {TITLED}\n\nPMID- 2\nDP  - 2020\n\nPMID- 3\nDP  - 2021\n"),
    (
        "stubs.bib",
        f"@article{{a, title = {{{TITLED}}}}}\n\n@article{{b, doi = {{10.1000/b}}}}\n\n"
        "@article{c, doi = {10.1000/c}}\n",
    ),
    ("stubs.csv", f"Title,Abstract,DOI\n{TITLED},An abstract.,\n,,10.1000/d\n,,10.1000/e\n"),
    (
        "stubs.xml",
        "<PubmedArticleSet>"
        + "".join(
            f"<PubmedArticle><MedlineCitation><PMID>{n}</PMID><Article>"
            f"<ArticleTitle>{t}</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
            for n, t in ((11, TITLED), (12, ""), (13, ""))
        )
        + "</PubmedArticleSet>\n",
    ),
]


@pytest.mark.parametrize(("name", "text"), STUBS, ids=[n for n, _ in STUBS])
def test_records_without_title_and_abstract_are_imported_and_counted_in_one_warning(
    name: str, text: str, tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewkit.cli import main

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    out, err = capsys.readouterr()
    assert "3 records" in out  # kept: they are part of the search's result
    (line,) = [x for x in err.splitlines() if "neither title nor abstract" in x]
    assert line.startswith(f"warning: {path}: 2 records (records 2 and 3) have neither")


def test_a_record_with_an_abstract_only_is_not_counted(
    tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewkit.cli import main

    path = tmp_path / "abstract.csv"
    path.write_text("Title,Abstract,DOI\n,Proceedings of a workshop.,10.1000/f\n", "utf-8")
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    assert "has no title" in err and "neither title nor abstract" not in err
