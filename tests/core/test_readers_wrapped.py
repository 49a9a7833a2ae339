"""Wrapped lines: the RIS, MEDLINE, Cochrane and RefWorks readers join a line without a tag to
the field above in one way (tagged_fields.continue_field): the lines' texts, stripped, joined by one
space."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats

# one record per format whose AB and KW (or their tags) hold nothing on the tag line, the text
# coming on a wrapped line; MEDLINE wraps with six spaces, the others with none or a few
EMPTY_TAG_LINE = {
    "medline": "PMID- 1\nTI  - Return to work.\nAB  - \n      Sick leave was studied.\n"
    "OT  - \n      sick leave\nSO  - J. 2020.\n",
    "ris": "TY  - JOUR\nTI  - Return to work\nAB  - \nSick leave was studied.\nKW  - \n"
    "  sick leave\nER  - \n",
    "cochrane": "Record #1 of 1\nID: CN-01\nTI: Return to work\nAB:\nSick leave was studied.\n"
    "KY:\nsick leave\nUS: https://x/1\n",
    "refworks": "RT Journal Article\nT1 Return to work\nAB\nSick leave was studied.\nK1\n"
    "sick leave\n",
}


@pytest.mark.parametrize("fmt", EMPTY_TAG_LINE)
def test_a_field_whose_text_starts_on_the_next_line_has_no_leading_space(
    tmp_path: Path, fmt: str
) -> None:
    """RIS and MEDLINE joined ' ' + text to an empty value: the keyword was ' sick leave'
    (a second term beside 'sick leave' for every count by keyword)."""
    path = tmp_path / f"{fmt}.txt"
    path.write_text(EMPTY_TAG_LINE[fmt], encoding="utf-8")
    (record,) = formats.read_file(path, fmt=fmt)
    assert record.keywords == ["sick leave"]
    assert record.abstract == "Sick leave was studied."


def test_a_medline_paragraph_break_inside_an_abstract_keeps_the_record_whole(
    tmp_path: Path,
) -> None:
    """PubMed writes a paragraph break inside an abstract as a continuation line of spaces
    only (StatPearls books, PMID 29939664; Biopython issue #4557). It was read as the end of
    the record: the abstract was cut there and the file refused at the next line."""
    path = tmp_path / "statpearls.nbib"
    path.write_text(
        "PMID- 29939664\nDP  - 2023 Jan\nTI  - Morvan Syndrome.\nBTI - StatPearls\n"
        "AB  - Morvan syndrome is a rare constellation of \n      neurological symptoms. \n"
        "      \n      This activity reviews its evaluation. \nFAU - Smith, Jane\n"
        "AID - NBK507887 [bookaccession]\n\n"
        "PMID- 2\nTI  - Return to work.\nSO  - J. 2020.\n",
        encoding="utf-8",
    )
    first, second = formats.read_file(path)
    assert first.abstract == (
        "Morvan syndrome is a rare constellation of neurological symptoms."
        " This activity reviews its evaluation."
    )
    assert first.authors == ["Smith, Jane"]
    assert first.raw.endswith("AID - NBK507887 [bookaccession]")
    assert second.pmid == "2"


def test_an_ris_wrapped_line_that_looks_like_a_one_space_tag_is_text(tmp_path: Path) -> None:
    """In a file written with RIS's two-space tags ('AB  - '), an abstract wrapped before
    'MD - 2.50' (a mean difference) was read as a field MD: the abstract stopped there.
    Found by wrapping the 20,788 abstracts of pubmed21n1298 at 70 columns."""
    path = tmp_path / "wrapped.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Liraglutide in NAFLD\nAB  - Liver fat fell (mean difference\n"
        "MD - 2.50, 95% CI - 4.30 to - 0.70).\nER  - \n",
        encoding="utf-8",
    )
    (record,) = formats.read_file(path)
    assert record.abstract == "Liver fat fell (mean difference MD - 2.50, 95% CI - 4.30 to - 0.70)."


def test_ris_files_written_with_one_space_tags_still_read(tmp_path: Path) -> None:
    path = tmp_path / "one-space.ris"
    path.write_text("TY - JOUR\nTI - Return to work\nPY - 2020\nER - \n", encoding="utf-8")
    (record,) = formats.read_file(path)
    assert (record.title, record.year) == ("Return to work", 2020)
