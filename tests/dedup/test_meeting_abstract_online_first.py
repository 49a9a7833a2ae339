"""A meeting's abstract and the team's article a year later, published online first (no
volume, issue or page yet): two publications of one study, which the labelled sets keep apart.
Records shaped as Embase, Scopus and PubMed export them; the pair goes to a person."""

from __future__ import annotations

from dedup.helpers import keys, verdict

TITLE = "Sacubitril-valsartan in older patients with heart failure"
AUTHORS = ["Rossi, Marco", "Bianchi, Luca", "Verdi, Anna"]
ONLINE_FIRST = dict(volume="", issue="", pages="", year=2020, authors=AUTHORS, title=TITLE)


def article(i: int, journal: str, doi: str) -> object:
    return keys(i, journal=journal, doi=doi, **ONLINE_FIRST)


def test_an_embase_supplement_abstract_and_the_article_online_first_go_to_a_person():
    # Embase writes the supplement into the volume, the abstract on its 'S' page
    abstract = keys(
        1,
        title=TITLE,
        authors=AUTHORS,
        year=2019,
        journal="European Heart Journal",
        volume="40 (Supplement 1)",
        issue="",
        pages="S123",
    )
    paper = article(2, "European Heart Journal", "10.1093/eurheartj/ehaa101")
    assert verdict(abstract, paper) == ("uncertain", "meeting_abstract_online_first")
    assert verdict(paper, abstract) == ("uncertain", "meeting_abstract_online_first")


def test_an_abstract_under_the_conference_s_name_and_the_article_online_first():
    # Scopus / Embase name the conference in the source; no volume on the article either
    abstract = keys(
        1,
        title=TITLE,
        authors=AUTHORS,
        year=2019,
        journal="European Journal of Heart Failure. Conference: Heart Failure 2019",
        volume="21",
        issue="",
        pages="",
    )
    paper = article(2, "European Journal of Heart Failure", "10.1002/ejhf.1801")
    assert verdict(abstract, paper) == ("uncertain", "meeting_abstract_online_first")


def test_a_pubmed_abstract_number_in_the_underscored_supplement():
    # PubMed: 'J Clin Oncol. 2019;37(15_suppl):4012', an abstract number for a page
    abstract = keys(
        1,
        title=TITLE,
        authors=AUTHORS,
        year=2019,
        journal="J Clin Oncol",
        volume="37",
        issue="15_suppl",
        pages="4012",
    )
    paper = article(2, "J Clin Oncol", "10.1200/JCO.19.01234")
    assert verdict(abstract, paper) == ("uncertain", "meeting_abstract_online_first")


def test_an_article_printed_in_a_supplement_and_its_copy_still_merge():
    # a review on 20 pages of a supplement is an article there: a copy a year later without
    # volume is that article (srsr's Minerva Stomatol pair, joined by the labels)
    printed = keys(
        1,
        title=TITLE,
        authors=AUTHORS,
        year=2013,
        journal="Minerva Stomatol",
        volume="62",
        issue="Supplement 12",
        pages="39-58",
    )
    copy = keys(2, journal="Minerva Stomatol", **{**ONLINE_FIRST, "year": 2014})
    assert verdict(printed, copy) == ("duplicate", "biblio_match")


def test_a_proceedings_paper_and_its_copy_a_year_later_still_merge():
    # a full paper of a conference's proceedings (13 pages) indexed again the next year, under
    # the proceedings' own title (digital_work: 'ICIS : Transforming Society with ...')
    paper_journal = "International Conference on Information Systems"
    paper = keys(
        1,
        title=TITLE,
        authors=AUTHORS,
        year=2017,
        journal=paper_journal,
        volume="",
        issue="",
        pages="1-13",
    )
    copy = keys(
        2,
        journal="ICIS : Transforming Society with Digital Innovation",
        **{**ONLINE_FIRST, "year": 2018},
    )
    assert verdict(paper, copy)[0] == "duplicate"
    # and so without its pages (an export that dropped them): a proceedings gives no volume
    bare = keys(1, **{**ONLINE_FIRST, "year": 2017, "journal": paper_journal})
    assert verdict(bare, copy)[0] == "duplicate"


def test_in_one_year_the_rules_decide_as_before():
    abstract = keys(
        1,
        title=TITLE,
        authors=AUTHORS,
        year=2020,
        journal="J Clin Oncol",
        volume="38",
        issue="15_suppl",
        pages="4012",
    )
    paper = article(2, "J Clin Oncol", "10.1200/JCO.19.01234")
    assert verdict(abstract, paper)[1] != "meeting_abstract_online_first"


def test_a_supplement_joined_to_its_issue_by_an_underscore_is_a_supplement():
    # PubMed's '37(15_suppl)' and Oxford Academic's 'Supplement_1' (diabetes, cardiac, srsr)
    assert keys(1, issue="Supplement_1").supplement == keys(2, issue="Supplement 1").supplement
    assert keys(1, issue="15_suppl").supplement == keys(2, issue="15 Suppl").supplement
    assert keys(1, volume="40", issue="suppl_2").supplement == "2"
