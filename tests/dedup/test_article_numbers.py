"""An e-only article's number stands where the pages would: unique within its volume, written as
the pages by one export ('e0182879' in PubMed's citation, Scopus's Art. No.) and elsewhere by
another (Embase through EndNote: in the issue field beside a volume saying '(no pagination)',
or in Ovid's whole source line kept as the journal)."""

from __future__ import annotations

from dedup.helpers import keys, outcome, rec

TITLE = (
    "Deep brain stimulation of the nucleus accumbens in treatment-resistant depression:"
    " a randomised sham-controlled trial"
)
# Embase's record as EndNote splits Ovid's source line: the issue in the volume field, the
# article number in the issue field
IN_ISSUE = dict(journal="PLoS One", volume="12 (8) (no pagination)", issue="e0182879", pages="")
# Embase's record with Ovid's whole source line kept as the journal
IN_JOURNAL = dict(
    journal="PLoS ONE.12 (8) (no pagination) 2017.Article Number: e0182879.Date of"
    " Publication: 2017.",
    volume="",
    issue="8",
    pages="",
)
AS_PAGES = dict(journal="PLoS One", volume="12", issue="8", pages="e0182879")


def test_an_article_number_in_the_issue_field_is_the_page_and_the_volumes_issue_the_issue():
    k = keys(1, year=2017, **IN_ISSUE)
    written = keys(2, year=2017, **AS_PAGES)
    assert (k.first_page, k.page_kind, k.volume, k.issue) == ("182879", "e", "12", "8")
    assert (k.first_page, k.volume, k.issue) == (written.first_page, written.volume, written.issue)
    # the volume's own issue repeated in the issue field is no article number, nor are words
    assert keys(3, volume="19 (12) (no pagination)", issue="12", pages="").first_page == ""
    assert keys(4, volume="8 (no pagination)", issue="November", pages="").first_page == ""


def test_an_article_number_in_ovids_source_line_is_the_page_and_its_volume_the_volume():
    k = keys(1, year=2017, **IN_JOURNAL)
    assert (k.first_page, k.page_kind, k.volume) == ("182879", "e", "12")
    # a journal numbering its volumes by year (eLife in Embase): the year is no volume
    elife = keys(
        2,
        year=2015,
        journal="eLife.2015 (4) (no pagination) 2015.Article Number: e04979.Date of Publication:",
        volume="",
        issue="4",
        pages="",
    )
    assert (elife.first_page, elife.volume) == ("4979", "")
    frontiers = "Frontiers in Psychiatry.4 (AUG) (no pagination) 2013.Article Number: Article 94."
    assert keys(3, year=2013, journal=frontiers, volume="", pages="").first_page == "94"


def test_two_articles_of_one_volume_under_other_article_numbers_wait_for_a_person():
    # one team's two trials in one PLoS One volume, titles one word apart: the article numbers
    # tell them apart as first pages would; before, the Embase record had no page to compare
    # and the pair merged on title, authors, journal and volume
    bipolar = rec(
        title=TITLE.replace("depression", "bipolar depression"),
        year=2017,
        **{**AS_PAGES, "pages": "e0189239"},
    )
    for embase in (IN_ISSUE, IN_JOURNAL):
        assert outcome(rec(title=TITLE, year=2017, **embase), bipolar)[0] != "merged"
        same = rec(title=TITLE, year=2017, **AS_PAGES)
        assert outcome(rec(title=TITLE, year=2017, **embase), same)[0] == "merged"


def test_frontiers_article_number_with_its_word_and_a_bare_month_is_the_page():
    # Frontiers' number as Embase writes it: 'Article 280' in the issue field, and Ovid's source
    # line with the month bare after the volume ('4 AUG', no brackets)
    k = keys(
        1,
        year=2013,
        journal="Front Immunol",
        volume="4 (SEP) (no pagination)",
        issue="Article 280",
        pages="",
    )
    assert (k.first_page, k.volume) == ("280", "4")
    line = "Frontiers in Pharmacology.4 AUG (no pagination) 2013.Article Number: Article 98.Date of"
    j = keys(2, year=2013, journal=line + " Publication: 2013.", volume="", issue="", pages="")
    assert (j.first_page, j.volume) == ("98", "4")
    # the same word before anything but a number is no article number
    assert keys(3, volume="4 (no pagination)", issue="Article in press", pages="").first_page == ""


def test_an_article_number_in_the_issue_field_is_no_issue_to_disagree_with():
    # BMC's article 8 of volume 9 in Embase (no issue in the volume field) against Scopus's
    # 'volume 9, issue 1, article 8': the 8 is no issue 8, so the two are one place as when
    # the Embase record writes it as the pages (a generic title merges only at one place)
    embase = dict(journal="BMC Neuroscience", volume="9 (no pagination)", issue="8", pages="")
    written = dict(journal="BMC Neuroscience", volume="9", issue="", pages="8")
    scopus = rec(
        title="Editorial", year=2008, journal="BMC Neuroscience", volume="9", issue="1", pages="8"
    )
    assert keys(1, **embase).issue_number == ""
    assert outcome(rec(title="Editorial", year=2008, **embase), scopus) == outcome(
        rec(title="Editorial", year=2008, **written), scopus
    )


def test_aaas_locators_are_article_numbers_read_alike_in_every_export():
    # issue, two letters for the article's type, its number in the issue: no printed page
    for locator in ("74ec35", "201ra120", "116ps1", "310re9", "188fs22"):
        assert keys(1, pages=locator).page_kind == "e", locator
    ovid = keys(
        2,
        journal="Science Signaling.4 (164) (no pagination) 2011.Article Number: 74ec35.Date of",
        volume="",
        issue="74",
        pages="",
    )
    pubmed = keys(3, journal="Sci Signal", volume="4", issue="164", pages="74ec35")
    assert (ovid.first_page, ovid.page_kind) == (pubmed.first_page, pubmed.page_kind)
    # one letter after the issue's number is a supplement's page (issue 2, page S24): print
    assert keys(4, pages="2S24").page_kind == keys(5, pages="1s35-42").page_kind == "p"
