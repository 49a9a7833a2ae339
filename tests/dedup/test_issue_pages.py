"""Journals that number pages per issue: the same volume and first page in two issues is two
articles, unless the issue field holds something other than an issue (a record or article
number, a supplement, a date)."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.matching import match
from reviewkit.dedup.pair import TITLE_DOI_MIN, TITLE_FLOOR
from reviewkit.dedup.score import same_place, title_similarity
from reviewkit.dedup.venue import issue_number

# One author's two articles in issues 1 and 2 of one volume, both on pages 54-59: the journal
# starts every issue at page 1. Titles alike in form (a heading, a colon, a list of topics).
PER_ISSUE = dict(
    authors=["Durlauf, Maria"],
    year=2019,
    journal="Psychosociological Issues in Human Resource Management",
    volume="7",
    pages="54-59",
)
TITLE_1 = (
    "Algorithmic management in the gig economy: online outsourcing, insecure employment,"
    " and platform-based work"
)
TITLE_2 = (
    "Algorithmic management in human resources: predictive hiring, automated decisions,"
    " and platform-based work"
)


def test_an_issue_number_is_a_plain_number_of_one_volume():
    assert issue_number("2") == issue_number("No. 02") == "2"
    assert issue_number("53") == "53"  # a weekly journal with one volume a year
    # a record or article number, an issue numbered across volumes, a supplement, a double
    # issue, a date a spreadsheet made of one: no issue of one volume
    for field in ("266", "143", "7743", "Suppl 1", "11 Suppl", "1-2", "01-Feb", "e0168396", ""):
        assert issue_number(field) == "", field


def test_the_same_first_page_in_two_issues_is_not_one_article():
    a = keys(1, title=TITLE_1, issue="1", **PER_ISSUE)
    b = keys(2, title=TITLE_2, issue="2", **PER_ISSUE)
    assert TITLE_DOI_MIN <= title_similarity(a.title, b.title) < TITLE_FLOOR
    assert not same_place(a, b)
    assert verdict(a, b) == ("not_duplicate", "title_differs")
    result = match({1: a, 2: b})
    assert not result.accepted and not result.uncertain
    # in one issue (or with the issue missing from one record) the place is evidence again:
    # one author's article under a wholly translated title
    c = keys(3, title=TITLE_2, issue="1", **PER_ISSUE)
    assert verdict(a, c) == ("duplicate", "same_place_and_authors")
    d = keys(4, title=TITLE_2, issue="", **PER_ISSUE)
    assert verdict(a, d) == ("duplicate", "same_place_and_authors")


def test_an_issue_field_holding_a_record_number_does_not_split_a_place():
    # a database's running record number in the issue field ('65' / '266'), an article number
    # ('1' / '143'), a supplement, a date: the place still counts, as before
    place = dict(journal="Ann Fr Anesth Reanim", volume="13", pages="280-284", year=1994)
    medline = "[Postoperative analgesia after thoracotomy: epidural or intravenous morphine]"
    english = "Comparison of two techniques of pain relief after opening the chest"
    for ia, ib in (("65", "266"), ("1", "143"), ("2", "Suppl 2"), ("2", "01-Feb")):
        a = keys(1, title=medline, issue=ia, **place)
        b = keys(2, title=english, issue=ib, **place)
        assert same_place(a, b), (ia, ib)
        assert verdict(a, b) == ("uncertain", "translated_title_same_place"), (ia, ib)


def test_one_article_with_a_mistyped_issue_still_merges_on_its_title():
    # the title, authors, journal, volume and pages agree; only the issue differs ('3' / '2'):
    # the title carries the match, not the place
    a = keys(1, issue="3")
    b = keys(2, issue="2")
    assert not same_place(a, b)
    assert verdict(a, b) == ("duplicate", "biblio_match")
