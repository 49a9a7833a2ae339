"""One article under two DOIs that differ only in the publisher's prefix (a journal that
changed publisher): the rule doi_moved_publisher, and the near cases it must leave alone."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.cluster import components
from reviewkit.dedup.matching import match

OLD, NEW = "10.3109/15622970903131597", "10.1080/15622970903131597"


def test_one_suffix_under_two_publishers_prefixes_is_one_article_and_near_dois_are_not():
    # the new publisher's record lacks the pages (an export gave the year there)
    old = keys(1, doi=OLD)
    new = keys(2, doi=NEW, pages="2019")
    assert verdict(old, new) == ("duplicate", "doi_moved_publisher")
    # a suffix as short as '123456' could be two publishers' own numbering: a person looks
    # (where no issue number stands in for the missing page: with one, everything but the
    # DOI agrees and issue_place's rule decides, not this one)
    a, b = keys(3, doi="10.1000/123456"), keys(4, doi="10.2000/123456", pages="2019", issue="")
    assert verdict(a, b) == ("uncertain", "doi_differs")
    # DOIs one character apart are consecutive items: three editorials of one journal, same
    # title, authors and page in three issues of a volume, are three records
    first = keys(5, doi="10.2753/mis0742-1222230100", title="Editorial Introduction")
    second = keys(6, doi="10.2753/mis0742-1222230200", title="Editorial Introduction")
    assert verdict(first, second)[0] != "duplicate"
    # one suffix, but another title (judged by the rules for translated titles) or another
    # place (not merged): left to the other rules
    other_title = keys(7, doi=NEW, title="Creatine transporter expression in rats")
    assert verdict(old, other_title)[1] != "doi_moved_publisher"
    other_pages = keys(8, doi=NEW, volume="46", pages="12-19")
    assert verdict(old, other_pages)[0] != "duplicate"


def test_a_record_without_doi_joins_both_in_one_cluster():
    # the chaining guard sees one work in the two DOIs, so a record without a DOI that
    # matches each of them does not split the cluster or send a pair to review
    ks = {1: keys(1, doi=OLD), 2: keys(2, doi=NEW, pages="2019"), 3: keys(3)}
    result = match(ks)
    assert components(ks, ((e.a, e.b) for e in result.accepted)) == [{1, 2, 3}]
    assert not result.uncertain


def test_a_cochrane_reviews_first_version_keeps_its_place_among_its_versions():
    # the first version's DOI has no '.pub' part: it is still the review's work to the
    # chaining guard, not a long suffix of its own
    review = dict(
        title="Immunoglobulin for preventing respiratory syncytial virus infection",
        journal="Cochrane Database of Systematic Reviews",
        volume="",
        issue="",
        pages="",
        year=2013,
    )
    ks = {
        1: keys(1, doi="10.1002/14651858.CD001725", **review),
        2: keys(2, doi="10.1002/14651858.CD001725.pub2", **review),
        3: keys(3, **review),
    }
    assert components(ks, ((e.a, e.b) for e in match(ks).accepted)) == [{1, 2, 3}]
