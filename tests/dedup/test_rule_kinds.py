"""The rules of the table that had no test of their own kind (the rules audit, issue 14):
each on hand-made records of the kind it is for, and the near case it must leave alone."""

from __future__ import annotations

from dedup.helpers import TITLE, keys, verdict

from reviewkit.records import AbstractSection

DOI = "10.1000/sjweh.3790"


def test_one_pmc_id_is_one_record_and_two_are_two():
    a, b = keys(1, pmcid="PMC123456"), keys(2, pmcid="pmc123456", title="Other words entirely")
    assert verdict(a, b) == ("duplicate", "same_pmcid")
    assert verdict(keys(1, pmcid="PMC123456"), keys(2, pmcid="PMC654321")) == (
        "not_duplicate",
        "pmcid_veto",
    )


def test_a_doi_shared_with_a_record_without_title_goes_to_a_person():
    # a record reduced to its identifiers (no title) may carry a mistyped DOI: not proof
    a, b = keys(1, doi=DOI), keys(2, doi=DOI, title="")
    assert verdict(a, b) == ("uncertain", "same_doi_no_title")
    # without the DOI or a place there is nothing to compare
    assert verdict(a, keys(3, title="", pages=""))[0] == "not_duplicate"


def test_a_citation_without_title_at_an_articles_place_goes_to_a_person():
    """A reference list's entry is imported by its citation (journal, volume, pages, year):
    at an article's place under its authors it may be that article (or a short item on its
    page), so a person decides; no_title kept it apart from its article for good."""
    article = keys(1)
    citation = keys(2, title="", journal="Scand J Work Environ Health")
    assert verdict(article, citation)[1] == "untitled_same_place"
    assert verdict(article, citation)[0] == "uncertain"
    # another first page, or other authors: nothing ties them
    assert verdict(article, keys(3, title="", pages="999-1000"))[1] == "no_title"
    assert verdict(article, keys(4, title="", authors=["Other, Q"]))[1] == "no_title"


def test_a_notice_carrying_its_articles_doi_goes_to_a_person():
    # a correction printed on another page under the article's DOI (a database copied it)
    article = keys(1, doi=DOI)
    notice = keys(2, doi=DOI, title="Correction: " + TITLE, pages="1180")
    assert verdict(article, notice) == ("uncertain", "same_doi_notice")
    # on the article's own page it is the article's record with a heading: one DOI decides
    same_page = keys(3, doi=DOI, title="Correction: " + TITLE)
    assert verdict(article, same_page) == ("duplicate", "same_doi")


def test_two_dois_with_every_other_field_the_same_are_one_article():
    # a publisher's DOI and an aggregator's for one article: title, authors, journal, volume,
    # first page and year all agree
    a = keys(1, doi="10.1000/sjweh.3790")
    b = keys(2, doi="10.5555/sjweh-2019-3790")
    assert verdict(a, b) == ("duplicate", "biblio_match_doi_differs")
    # another first page under another DOI: two articles, or a person looks
    c = keys(3, doi="10.5555/sjweh-2019-3791", pages="254-262")
    assert verdict(a, c)[1] == "doi_differs"


# a journal paginated per issue whose column opens every issue on page 3, one author team
COLUMN = dict(
    authors=["Koren, Gideon", "Ito, Shinya"],
    year=2004,
    journal="Canadian Family Physician",
    volume="50",
)


def test_place_and_authors_merge_only_over_one_page_range_not_one_first_page():
    # two answers of one column by one team, both opening on page 3 (one record lacks the
    # issue, so per-issue pagination cannot tell them apart): titles share nothing
    a = keys(1, title="Using corticosteroids during pregnancy", issue="8", pages="3", **COLUMN)
    b = keys(2, title="Herbal teas while breastfeeding", issue="", pages="3", **COLUMN)
    assert verdict(a, b) == ("uncertain", "same_place_titles_differ")
    # ranges that start on one page and end on others: two items, not one article
    c = keys(3, title="Using corticosteroids during pregnancy", issue="", pages="3-4", **COLUMN)
    d = keys(4, title="Herbal teas while breastfeeding", issue="", pages="3-5", **COLUMN)
    assert verdict(c, d)[0] != "duplicate"
    # the kind the rule is for: one article, its title translated (the record says so with
    # its language note; titles that share nothing need a sign), pages 1083-1085 on both
    title = "Corticosteroide pendant la grossesse [French]"
    a = keys(1, title=title, issue="", pages="1083-5", **COLUMN)
    b = keys(
        2, title="Using corticosteroids during pregnancy", issue="8", pages="1083-1085", **COLUMN
    )
    assert verdict(a, b) == ("duplicate", "same_place_and_authors")


FIRST = (
    "Novel chiral cyclohexylaryl amines were developed with potent reuptake inhibition against"
    " the serotonin, norepinephrine and dopamine transporters and are active in the mouse"
    " tail suspension test. "
) * 3
SECOND = (
    "The current work discloses a cyclohexylarylamine chemotype whose ethyl analogues block"
    " all three monoamine transporters; a lead compound was profiled for safety in the dog. "
) * 3


def _abstract(text: str) -> list[AbstractSection]:
    return [AbstractSection("", text)]


def test_companion_papers_one_word_apart_in_one_issue_are_not_a_page_slip():
    # one team's two papers in one issue, titles one letter apart in a chemical name, ranges
    # of one length a digit apart: each has its own abstract, so the page is no typo
    place = dict(
        authors=["Shao, L", "Hewitt, M C", "Wang, F"],
        journal="Bioorganic and Medicinal Chemistry Letters",
        volume="21",
        issue="5",
        year=2011,
    )
    head = "Discovery of N-methyl-1-(1-phenylcyclohexyl){} a novel triple reuptake inhibitor"
    a = keys(
        1,
        title=head.format("ethanamine"),
        pages="1434-1437",
        abstract_sections=_abstract(FIRST),
        **place,
    )
    b = keys(
        2,
        title=head.format("methanamine"),
        pages="1438-1441",
        abstract_sections=_abstract(SECOND),
        **place,
    )
    assert verdict(a, b)[0] != "duplicate"
    # the same abstract on both sides (one cut short, its label dropped): a slip of the page
    c = keys(
        3,
        title=head.format("ethanamine"),
        pages="1438-1441",
        abstract_sections=_abstract("Background: " + FIRST[:400]),
        **place,
    )
    assert verdict(a, c)[0] == "duplicate"


def test_a_meeting_abstract_and_the_paper_a_year_apart_go_to_a_person():
    title = (
        "Mice selected for extremes in stress reactivity reveal key endophenotypes of depression"
    )
    team = dict(title=title, authors=["Heinzmann, J M", "Kloiber, S", "Touma, C"])
    paper = keys(
        1, journal="Psychoneuroendocrinology", volume="49", pages="229-243", year=2014, **team
    )
    meeting = "Psychoneuroendocrinology. Conference: 45th Annual Meeting of the ISPNE, Edinburgh"
    abstract = keys(2, journal=meeting, volume="", issue="", pages="56", year=2015, **team)
    assert verdict(paper, abstract) == ("uncertain", "meeting_abstract_and_article")
    # in one year: the congress supplement of the journal indexed twice, one record
    same_year = keys(3, journal=meeting, volume="49", issue="", pages="229-243", year=2014, **team)
    assert verdict(paper, same_year) == ("duplicate", "biblio_match")
