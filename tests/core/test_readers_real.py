"""Real exports from other projects (tests/core/fixtures/real/SOURCES.md), imported through the
CLI and checked field by field against what the exporting database meant."""

from __future__ import annotations

from pathlib import Path

import pytest
from core.cli_imports import imported

from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
REAL = Path(__file__).parent / "fixtures" / "real"
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def test_ovid_psycinfo_ris_with_its_trailers_is_read(tmp_path: Path) -> None:
    # Ovid writes 'NL  - <NLM abbreviation>' and a full-text link line after each ER
    records = imported(tmp_path, REAL / "ovid_psycinfo.ris")
    assert len(records) == 6
    second = records[1]
    assert second.title.startswith("Gender differences in inflammatory bowel disease")
    assert second.authors[:2] == ["Trindade, Ines A", "Ferreira, Claudia"]
    assert (second.year, second.journal) == (2019, "Journal of Health Psychology")
    assert (second.volume, second.issue, second.pages) == ("24", "7", "847-856")
    assert second.doi == "10.1177/1359105317742958"
    # APA's index terms, the major ones starred ('*Body Image'): the term is the keyword
    assert {"Body Image", "Symptoms"} <= set(second.keywords)
    assert not any(k.startswith("*") for k in second.keywords)


@pytest.mark.parametrize("name", ["ovid_psycinfo.ris", "ovid_zotero.ris"])
def test_ovid_no_pagination_specified_is_no_pages(tmp_path: Path, name: str) -> None:
    # Ovid's 'No pagination specified', split into 'SP  - No' and 'EP  - Specified'
    records = imported(tmp_path, REAL / name)
    first = records[0]
    assert first.doi == "10.1002/cpp.2398"
    assert first.pages == ""
    assert records[1].pages == "847-856"


def test_endnote_ris_keywords_one_a_line_are_separate(tmp_path: Path) -> None:
    # EndNote writes one 'KW  - ' and each further keyword on its own untagged line
    first = imported(tmp_path, REAL / "pubmed_endnote.ris")[0]
    assert first.pmid == "21553931"
    assert first.pages == "349-369"
    assert first.keywords[:3] == [
        "Animals",
        "Anti-Inflammatory Agents/adverse effects/pharmacokinetics/*pharmacology",
        "Boswellia/*chemistry",
    ]
    assert len(first.keywords) == 10
    assert "Medicine, Ayurvedic" in first.keywords


def test_embase_csv_source_citation_gives_year_volume_issue_pages(tmp_path: Path) -> None:
    # Embase.com's 'Source': 'Journal (Year) Volume:Issue (Pages). Date of Publication: …'
    records = imported(tmp_path, REAL / "embase_source.csv")
    assert len(records) == 6
    second = records[1]
    assert second.journal == "Cancer"
    assert (second.year, second.volume, second.issue, second.pages) == (2004, "102", "4", "253-258")
    assert second.authors[:2] == ["Eloubeidi M.A.", "Cohn M."]
    # a journal without issue numbers: '(2019) 54 (83-86)'
    third = records[2]
    assert third.journal == "International Journal of Surgery Case Reports"
    assert (third.year, third.volume, third.issue, third.pages) == (2019, "54", "", "83-86")


def test_embase_csv_emtree_term_with_subheadings_is_one_keyword(tmp_path: Path) -> None:
    # 'colonic duplication cyst (diagnosis, surgery)': the comma is inside the term
    first = imported(tmp_path, REAL / "embase_source.csv")[0]
    assert "colonic duplication cyst (diagnosis, surgery)" in first.keywords
    assert "surgery)" not in first.keywords
    assert "colonoscopy" in first.keywords


def test_embase_csv_doi_from_its_openurl_link(tmp_path: Path) -> None:
    # the export has no DOI column; its 'Open URL Link' names the DOI, as its RIS's DO does
    records = imported(tmp_path, REAL / "embase_source.csv")
    assert [r.doi for r in records[:2]] == ["10.4103/2303-9027.138783", "10.1002/cncr.20369"]
    assert all(r.doi for r in records)
    assert records[0].url == ""  # the library's link resolver is not the article's page


def test_embase_csv_and_ris_of_one_search_are_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the same 6 Embase records, exported as RIS and as CSV: 6 studies, none left to review
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    files = [str(REAL / "embase.ris"), str(REAL / "embase_source.csv")]
    assert main(["import", *files, "--project", str(folder)]) == 0
    capsys.readouterr()
    assert main(["dedup", "--project", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "12 records → 6 studies" in out
    assert "0 pairs to review" in out
