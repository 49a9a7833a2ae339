"""The two thresholds of the rules for pairs nothing places (unplaced.py), each on the kind of
record it is for: the page range that makes a journal record an article (ARTICLE_PAGES) and
the part of a first author's surname looked for in the other list (authors_apart)."""

from __future__ import annotations

from dedup.helpers import keys, verdict

_JOURNAL = "Journal of Thrombosis and Haemostasis"
_MEETING = dict(journal=_JOURNAL + ". Conference: 23rd Congress", volume="9", issue="", pages="")


def test_a_journal_record_is_an_article_by_a_range_of_two_to_sixty_pages():
    abstract = keys(1, year=2011, **_MEETING)

    def journal(pages: str):
        return keys(2, year=2011, journal=_JOURNAL, volume="9", issue="s2", pages=pages)

    # an article's range: the abstract and the article are two publications, a person looks
    for pages in ("185-186", "185-199", "301-360"):
        assert verdict(abstract, journal(pages)) == ("uncertain", "meeting_abstract_no_page")
    # one page: the abstract itself, printed in the journal's supplement
    assert verdict(abstract, journal("507"))[0] == "duplicate"
    # the supplement's whole range, which databases give each abstract in it: one record
    assert verdict(abstract, journal("499-711"))[0] == "duplicate"


_TITLE = "The copper radioisotopes: a systematic review with special interest to 64Cu"


def test_the_first_author_is_looked_for_by_the_opening_of_the_surname():
    def pair(a: list[str], b: list[str]) -> tuple[str, str]:
        ka = keys(1, title=_TITLE, pages="", authors=a)
        kb = keys(2, title=_TITLE + " (retracted article)", pages="", authors=b)
        return verdict(ka, kb)

    # a compound surname in two orders, lists run together: one author list
    run_together = ["Niccoli Asabella A.Cascini G. L.Altini C.Paparella D."]
    other_order = ["Asabella Artor NiccoliCascini Giuseppe LucioAltini CorinnaPaparella D."]
    assert pair(run_together, other_order)[0] == "duplicate"
    # a double surname cut by one export
    assert pair(["Fremeaux-Bacchi, V.", "Zuber, J."], ["Fremeaux, V.", "Zuber, J."])[0] == (
        "duplicate"
    )
    # other people: a commentary under the article's title, for a person
    assert pair(["Niccoli Asabella, A.", "Cascini, G. L."], ["Rao, V.", "Weisel, R. D."]) == (
        "uncertain",
        "authors_differ_no_page",
    )
