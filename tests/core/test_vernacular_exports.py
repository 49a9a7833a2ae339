"""A PubMed record's original-language title (Record.vernacular_title) kept by the project's
store and its CSV export; RIS and BibTeX have no field for it."""

from __future__ import annotations

import csv
import io

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.screening.lookup import read_record

ARTICLE = """<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>31000001</PMID><Article>
<ArticleTitle>[Costs and benefits of surgery for sciatica].</ArticleTitle>
<VernacularTitle>Kosten-Nutzen-Analyse der SPINE-Studie.</VernacularTitle>
<AuthorList><Author><LastName>Hansen</LastName><Initials>K</Initials></Author></AuthorList>
<Language>ger</Language></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


def test_the_store_keeps_the_original_title_and_the_csv_export_writes_it(
    project_a: Project, tmp_path
) -> None:
    source = tmp_path / "pubmed.xml"
    source.write_text(ARTICLE, encoding="utf-8")
    folder = str(project_a.folder)
    assert main(["import", str(source), "--project", folder]) == 0
    stored = read_record(project_a.db, 1)
    assert stored.vernacular_title == "Kosten-Nutzen-Analyse der SPINE-Studie."
    out = tmp_path / "all.csv"
    assert main(["export", "--all", "--format", "csv", "--out", str(out), "--project", folder]) == 0
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    assert row["vernacular title"] == "Kosten-Nutzen-Analyse der SPINE-Studie."
    (back,) = formats.read_file(out)
    assert back.vernacular_title == stored.vernacular_title


def test_a_csv_without_the_column_reads_no_original_title(tmp_path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("title,authors,year\nSurgery for sciatica,Hansen K,2019\n", encoding="utf-8")
    (rec,) = formats.read_file(path)
    assert rec.title == "Surgery for sciatica" and rec.vernacular_title == ""
    # and a record without one writes an empty cell
    out = io.StringIO()
    formats.write([Record(title="x")], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["vernacular title"] == ""
