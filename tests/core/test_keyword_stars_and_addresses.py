"""Fields real exports put where they do not belong: an indexer's starred headings among the
keywords (Ovid, the Cochrane Library), and Embase.com's affiliation in its CSV's
'Correspondence Address' with the author's e-mail after it."""

from __future__ import annotations

from pathlib import Path

from reviewkit import formats
from reviewkit.formats import ris

REAL = Path(__file__).parent / "fixtures" / "real"


def test_a_starred_heading_in_ris_kw_is_the_heading() -> None:
    # the Cochrane Library's RIS (CENTRAL): MeSH in KW, the major ones starred
    text = (
        "TY  - JOUR\nTI  - Coordinated return to work\nKW  - Adult\nKW  - *Return to Work\n"
        "KW  - Boswellia/*chemistry\nER  - \n"
    )
    (record,) = ris.read(text, "central.ris")
    # a star inside a term (EndNote's starred subheading) is left as written
    assert record.keywords == ["Adult", "Return to Work", "Boswellia/*chemistry"]
    # a star with no heading after it is no keyword, not an empty one
    (bare,) = ris.read(text.replace("KW  - Adult\n", "KW  - *\nKW  - Adult\n"), "central.ris")
    assert bare.keywords == record.keywords


def test_ovid_ris_index_terms_lose_their_stars_in_ovid_s_and_zotero_s_export() -> None:
    for name in ("ovid_psycinfo.ris", "ovid_zotero.ris"):
        second = list(formats.read_file(REAL / name))[1]
        assert second.keywords[:2] == ["Body Image", "Colon Disorders"], name


def test_embase_csv_correspondence_address_is_an_affiliation_without_the_email() -> None:
    first = list(formats.read_file(REAL / "embase_source.csv"))[0]
    assert first.affiliations == [
        "D.G. Adler, Department of Gastroenterology and Hepatology, University of Utah School"
        " of Medicine, Huntsman Cancer Center, Salt Lake City, UT, United States"
    ]
