"""Pairs nothing places (no first page on one side, no DOI in common): the kinds the
dedup-stress benchmark found merging once an export dropped pages or DOIs, each told apart by a
further field that is still there. Hand-made records; with pages the rules decide as before."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.score import volumes_compatible

SERIES = "Predisposition to atypical hemolytic uremic syndrome involves two susceptibility alleles"
TEXT_A = (
    "Background: Sick leave for common mental disorders is long and costly. We randomised 400 "
    "workers on sick leave to a collaborative care model with a coordinator at the welfare office "
    "and their general practitioner, or to usual care, and followed them for twelve months. "
    "Results: Return to work was faster in the intervention group."
)
TEXT_B = (
    "Objective: To describe how caseworkers and physiotherapists divide tasks in a "
    "multidisciplinary team for people with back pain. Methods: Interviews with 24 staff in "
    "four municipalities were analysed thematically over two years of implementation. "
    "Findings: Roles were negotiated in weekly meetings and differed between sites."
)


def test_two_issues_of_one_volume_without_pages_go_to_a_person():
    # a series' parts, an article and its erratum two issues later: only the page told them apart
    a = keys(1, title=SERIES, volume="14", issue="5", pages="")
    b = keys(2, title=SERIES, volume="14", issue="8", pages="")
    assert verdict(a, b) == ("uncertain", "issues_differ_no_page")
    # one issue without pages still merges; two issues with pages are judged by the pages
    c = keys(3, title=SERIES, volume="14", issue="5", pages="")
    assert verdict(a, c) == ("duplicate", "biblio_match")
    d = keys(4, title=SERIES, volume="14", issue="5", pages="703-712")
    e = keys(5, title=SERIES, volume="14", issue="8", pages="703-712")
    assert verdict(d, e)[1] != "issues_differ_no_page"
    # Ovid/Embase write the issue into the volume ('14 (5) (no pagination)') and an article
    # number into the issue field: that issue is the one compared
    f = keys(6, title=SERIES, volume="14 (5) (no pagination)", issue="7", pages="")
    assert verdict(a, f) == ("duplicate", "biblio_match")


def test_two_abstracts_without_pages_are_two_articles():
    # a team's companion papers in one issue: a heading added to one title, each its abstract
    title = "Protection from habituation of the crayfish lateral giant fibre escape response"
    a = keys(1, title=title, pages="", abstract_sections=[{"label": "", "text": TEXT_A}])
    b = keys(
        2,
        title="Presynaptic inhibition: " + title,
        pages="",
        abstract_sections=[{"label": "", "text": TEXT_B}],
    )
    assert verdict(a, b) == ("uncertain", "abstracts_differ_no_page")
    # one abstract copied by two databases still merges
    c = keys(
        3,
        title="Presynaptic inhibition: " + title,
        pages="",
        abstract_sections=[{"label": "", "text": TEXT_A}],
    )
    assert verdict(a, c) == ("duplicate", "biblio_match")


def test_other_authors_without_pages_go_to_a_person():
    # a commentary printed under its article's title in the same issue
    title = "Acute brain death abolishes the cardioprotective effects of ischemic preconditioning"
    article = keys(
        1,
        title=title,
        pages="",
        authors=["Kirsch, M.", "Farhat, F.", "Garnier, J. P.", "Loisance, D."],
    )
    comment = keys(2, title=title, pages="", authors=["Rao, V.", "Weisel, R. D."])
    assert verdict(article, comment) == ("uncertain", "authors_differ_no_page")
    # one list in another style or order, or run together without commas, is no other people
    for authors in (["Farhat F", "Kirsch M", "Garnier J P"], ["Kirsch Marc Farhat Fadi"]):
        other_style = keys(3, title=title, pages="", authors=authors)
        assert verdict(article, other_style) == ("duplicate", "biblio_match"), authors


def test_a_meeting_abstract_and_the_article_without_pages_are_two_publications():
    journal = "Indian Journal of Psychiatry"
    meeting = dict(journal=journal + ". Conference: 66th Annual Meeting", issue="")
    abstract = keys(1, year=2013, volume="56", pages="", **meeting)
    # the article a year later, its pages dropped by the export
    later = keys(2, year=2014, volume="56", pages="", journal=journal)
    assert verdict(abstract, later) == ("uncertain", "meeting_abstract_no_page")
    # in one year, the article's range of pages says it is no abstract
    article = keys(3, year=2013, volume="56", pages="185-187", journal=journal)
    assert verdict(abstract, article) == ("uncertain", "meeting_abstract_no_page")
    # the same abstract indexed in the journal's supplement (no range) is one record
    supplement = keys(4, year=2013, volume="56", issue="Supplement 1", pages="", journal=journal)
    assert verdict(abstract, supplement) == ("duplicate", "biblio_match")


def test_a_supplement_doi_without_pages_does_not_merge_two_abstracts():
    # Wiley and Oxford give one DOI to a whole supplement of abstracts
    doi = "10.1093/rheumatology/ket195"
    title = "Safety of prescribing antirheumatic and biologic drugs in {} with rheumatic disease"
    a = keys(1, title=title.format("men trying to conceive"), doi=doi, pages="", issue="")
    b = keys(2, title=title.format("pregnant women"), doi=doi, pages="", issue="")
    assert verdict(a, b) == ("uncertain", "same_doi_no_page")
    # one article under its DOI, a subtitle dropped, still merges on the DOI
    c = keys(3, title=title.format("men trying to conceive") + ": a review", doi=doi, pages="")
    assert verdict(a, c) == ("duplicate", "same_doi")


def test_a_one_digit_volume_is_no_cut_short_volume():
    # '1)' is what Embase leaves of '(SUPPL. 1)': not volume 19 cut short
    assert not volumes_compatible("1", "19")
    assert not volumes_compatible("9", "19")
    assert volumes_compatible("1", "1") and volumes_compatible("12", "123")
    abstract = keys(1, year=2012, volume="1", issue="", pages="", journal="Multiple Sclerosis")
    article = keys(2, year=2013, volume="19", issue="9", pages="", journal="Multiple Sclerosis")
    assert verdict(abstract, article)[0] != "duplicate"


def test_a_supplement_number_in_the_volume_field_agrees_with_that_supplement():
    # Embase cuts 'J Am Coll Cardiol 61 (10 SUPPL. 1)' to volume '1)': one abstract, no page
    a = keys(1, journal="J Am Coll Cardiol", volume="1)", issue="", pages="")
    b = keys(2, journal="J Am Coll Cardiol", volume="61", issue="10 SUPPL. 1", pages="")
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # another supplement's number is no such volume
    c = keys(3, journal="J Am Coll Cardiol", volume="61", issue="10 SUPPL. 2", pages="")
    assert verdict(a, c)[0] != "duplicate"
