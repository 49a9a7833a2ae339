"""Thin exports (no DOI, no pages, no abstract): kinds the dedup-stress benchmark found merging
where the page told the two works apart, and a weaker field still does. Hand-made records;
with a page on both sides the rules decide as before."""

from __future__ import annotations

from dedup.helpers import keys, verdict

TITLE = "Can the retina be used to diagnose and follow the progression of Alzheimer's disease?"


def test_a_supplement_and_another_numbered_issue_without_pages_go_to_a_person_not_the_same_issue():
    # a meeting's abstract (in a supplement) and the team's article in issue 8 of one volume
    abstract = keys(1, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="Supplement 259")
    article = keys(2, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="8", pages="")
    assert verdict(abstract, article) == ("uncertain", "supplement_and_issue_no_page")
    assert verdict(article, abstract) == ("uncertain", "supplement_and_issue_no_page")
    # the pages settle it when both are there: the rules before decide as ever
    paged = keys(3, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="8", pages="768-777")
    abstract_paged = keys(
        4, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="Supplement 259", pages="S61"
    )
    assert verdict(abstract_paged, paged)[1] != "supplement_and_issue_no_page"
    # databases write a supplement to issue 3 as '3 Suppl' or as plain '3': one place
    a = keys(1, title=TITLE, volume="74", issue="3 Suppl", pages="")
    b = keys(2, title=TITLE, volume="74", issue="3", pages="")
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # 'Supplement 9' written as issue 9 by another database: one number in common, one place
    c = keys(3, title=TITLE, volume="110", issue="SUPPL. 9", pages="")
    d = keys(4, title=TITLE, volume="110", issue="9", pages="")
    assert verdict(c, d) == ("duplicate", "biblio_match")
    # a supplement named only in the volume field gives no issue to compare: no say
    e = keys(5, title=TITLE, volume="83 (9 Supplement 1)", issue="", pages="")
    f = keys(6, title=TITLE, volume="83", issue="9", pages="")
    assert verdict(e, f) == ("duplicate", "biblio_match")
