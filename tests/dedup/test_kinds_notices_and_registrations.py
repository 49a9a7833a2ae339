"""Review of the record kinds merged from dk28 (issue 14): kinds it left wrong, through the public
dedup functions (keys -> match), as tests/dedup/test_kinds_catalogue.py does."""

from __future__ import annotations

from dedup.helpers import outcome, rec

from reviewkit.records import Record

TITLE = "Graded activity and workplace dialogue for sick-listed workers with low back pain"


def article(**kw) -> Record:
    """A journal article as MEDLINE exports it (helpers.rec under this file's title)."""
    return rec(**{"title": TITLE, **kw})


def test_a_retraction_notice_headed_retracted_is_not_its_article():
    # Hindawi's notices (thousands in PubMed, 2022-2024, publication type 'Retraction of
    # Publication') are titled 'Retracted: <the article's title>'; without its own page the
    # notice was merged with the article once the mark was dropped from the compared title
    art = article()
    for title in (f"Retracted: {TITLE}", f"Retracted: {TITLE}."):
        unpaged = article(title=title, issue="", pages="")
        assert outcome(art, unpaged) == ("apart", ""), title
        later = article(title=title, volume="46", issue="1", pages="99", authors=[])
        assert outcome(art, later) == ("apart", ""), title


REG_TITLE = "Graded Activity and Workplace Dialogue for Sick-listed Workers With Low Back Pain"


def test_a_registration_and_a_bare_title_of_it_go_to_a_person():
    # CENTRAL's record of a registration, and the same registration exported with no source
    # field and no address (a hand-made record): a bare title is no article, so a person
    # decides, as for any bare title
    reg = Record(
        title=REG_TITLE,
        year=2019,
        journal="https://clinicaltrials.gov/show/NCT01234567",
        source="CENTRAL",
    )
    bare = Record(title=REG_TITLE, year=2019, publisher="ClinicalTrials.gov", source="Zotero")
    assert outcome(reg, bare) == ("queued", "title_only_record")
    # Zotero's ClinicalTrials.gov item (a report: its register the publisher, the register's
    # address its URL) carries the number in its address: one number, one registration
    zotero = Record(
        title=REG_TITLE,
        year=2019,
        publisher="ClinicalTrials.gov",
        url="https://clinicaltrials.gov/study/NCT01234567",
        source="Zotero",
    )
    assert outcome(reg, zotero) == ("merged", "registration_numbers")
    # its address under another number is another trial's registration
    other = Record(**{**zotero.as_dict(), "url": "https://clinicaltrials.gov/study/NCT07654321"})
    assert outcome(reg, other) == ("apart", "")
