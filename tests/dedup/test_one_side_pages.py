"""Pages on one side only: one export keeps an article's pages, the other drops them. What the
pages told apart must still be told apart by what is left; one article stays one record."""

from __future__ import annotations

from dedup.helpers import keys, verdict

TITLE = (
    "Biochemical effects of the hypoglycaemic compound pent-4-enoic acid and related fatty acids"
)
PLACE = dict(journal="Biochem J", volume="110", issue="3", year=1968)


def test_companion_papers_of_one_first_author_go_to_a_person_when_one_has_no_pages() -> None:
    # two papers of one team in one issue, one title the other's plus a subtitle, the first
    # author the same and another co-author: the pages (511-519 / 521-527) told them apart
    ka = keys(
        1, title=TITLE, authors=["Senior A.E.Robson B.Sherratt H.S."], pages="511-519", **PLACE
    )
    kb = keys(
        2,
        title=TITLE + ". Carbohydrate metabolism",
        authors=["SeniorA.E.SherrattH.S."],
        pages="",
        **PLACE,
    )
    assert verdict(ka, kb) == ("uncertain", "authors_differ_no_page")
    # one article with pages on one side stays one record
    full = ["Senior, A. E.", "Robson, B.", "Sherratt, H. S."]
    ka = keys(1, title=TITLE, authors=full, pages="511-519", **PLACE)
    # the same list run together, or cut after its second author: still one article
    for authors in (["Senior A. E.Robson B.Sherratt H. S."], full[:2], full[:1]):
        kb = keys(2, title=TITLE, authors=authors, pages="", **PLACE)
        assert verdict(ka, kb)[0] == "duplicate", authors
