"""Record field normalisation: PMIDs, years and structured abstracts as the readers give them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.records import Record, normalise_pmid


@pytest.mark.parametrize(
    ("value", "pmid"),
    [
        ("12345", "12345"),
        (" PMID: 12345 ", "12345"),
        ("PMID 12345", "12345"),
        ("pmid:12345", "12345"),
        (12345, "12345"),
        ("0012345", "12345"),
        # not a PMID: stripping the rest made these other articles' PMIDs
        ("PMID 3123-4567", ""),
        ("3l234567", ""),  # a letter l for a 1
        ("12345 67890", ""),
        ("PMC12345", ""),
        ("doi:10.1/2", ""),
        ("0", ""),
        (None, ""),
    ],
)
def test_a_pmid_is_digits_with_an_optional_pmid_prefix(value: object, pmid: str) -> None:
    assert normalise_pmid(value) == pmid
    assert Record(title="t", pmid=value).pmid == pmid


@pytest.mark.parametrize(
    ("value", "year"),
    [
        ("2019//", 2019),  # RIS PY
        ("2019 Mar", 2019),  # MEDLINE DP
        ("Spring 2019", 2019),
        ("2019-03-01", 2019),
        ("20190301", 2019),  # MEDLINE DEP / DA
        ("2019a", 2019),  # BibTeX year with a disambiguating letter
        ("1995.0", 1995),  # a spreadsheet number
        (2021, 2021),
        ("20201", None),  # five digits: no year (was 2020)
        ("12020", None),
        ("vol 120201 p 3", None),
        ("20191301", None),  # no month 13: a number, not a date
    ],
)
def test_a_year_stands_as_its_own_number(value: object, year: int | None) -> None:
    assert Record(title="t", year=value).year == year


def test_the_readers_year_fields_read_a_year_only_where_one_stands(tmp_path: Path) -> None:
    ris = tmp_path / "a.ris"
    ris.write_text(
        "".join(
            f"TY  - JOUR\nTI  - Title {n}\nPY  - {py}\nER  - \n\n"
            for n, py in enumerate(["2019//", "2019/03/01/", "20201"])
        ),
        encoding="utf-8",
    )
    assert [r.year for r in formats.read_file(ris)] == [2019, 2019, None]
    nbib = tmp_path / "a.nbib"
    nbib.write_text(
        "PMID- 1\nTI  - One\nDP  - Spring 2019\nSO  - J. 2019.\n\n"
        "PMID- 2\nTI  - Two\nDEP - 20190301\nSO  - J.\n",
        encoding="utf-8",
    )
    assert [r.year for r in formats.read_file(nbib)] == [2019, 2019]
