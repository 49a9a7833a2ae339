"""A small team's companion papers in one issue, exported without pages (dedup45b): the lists
name another co-author, the titles are not the same, and nothing else in a minimal export
(no DOI, abstract or page) tells the two papers apart. A person decides
(companion_paper_one_issue); one article's copies, whose names an export broke or cut, merge as
before."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.matching import match
from reviewkit.dedup.normalise import keys_for
from reviewkit.records import Record

SENIOR = (
    "Biochemical effects of the hypoglycaemic compound pent-4-enoic acid and related fatty acids"
)
ISSUE = dict(journal="Biochem J", volume="110", issue="3", year=1968, doi="")


def test_another_co_author_in_one_issue_without_pages_goes_to_a_person():
    # Biochem J 110(3) 511-519 / 521-527 (depression, dedup-stress i_minimal and e_no_pages)
    first = keys(1, title=SENIOR, authors=["Senior, A. E.", "Sherratt, H. S."], pages="", **ISSUE)
    second = keys(
        2,
        title=SENIOR + ". Carbohydrate metabolism",
        authors=["Senior, A. E.", "Robson, B.", "Sherratt, H. S."],
        pages="",
        **ISSUE,
    )
    assert verdict(first, second) == ("uncertain", "companion_paper_one_issue")
    # two co-authors other around one first author (Arzneimittelforschung 20(8), 1970)
    title = "Pharmacological investigations of 2-amino-3-ethoxycarbonyl-6-benzyl-tetrahydrothieno"
    place = dict(journal="Arzneimittelforschung", volume="20", issue="8", year=1970, pages="")
    a = keys(3, title=title, authors=["Nakanishi M", "Imamura H", "Ikegami K", "Goto K"], **place)
    b = keys(
        4, title=title + " pyridine", authors=["Nakanishi M", "Imamura H", "Maruyama Y"], **place
    )
    assert verdict(a, b) == ("uncertain", "companion_paper_one_issue")
    # the pages tell them apart where both records keep them
    paged = keys(
        5, title=SENIOR, authors=["Senior, A. E.", "Sherratt, H. S."], pages="511-519", **ISSUE
    )
    other = keys(
        6,
        title=SENIOR + ". Carbohydrate metabolism",
        authors=["Senior, A. E.", "Robson, B.", "Sherratt, H. S."],
        pages="521-527",
        **ISSUE,
    )
    assert verdict(paged, other)[1] != "companion_paper_one_issue"


def test_one_articles_names_broken_by_an_export_still_merge():
    # the guard speaks (a co-author other) ...
    title = "Neuropharmacological activity of newly synthesized derivatives of pyridinedicarboxylic acid"
    place = dict(journal="Acta Physiol Pharmacol Bulg", volume="9", issue="2", year=1983, pages="")
    team = ["Belcheva S", "Stoychev T", "Karadjov D", "Danchev N"]
    other_team = ["Belcheva S", "Petkov V", "Danchev N"]
    one = keys(1, title=title, authors=team, **place)
    assert verdict(one, keys(2, title=title + " esters", authors=other_team, **place)) == (
        "uncertain",
        "companion_paper_one_issue",
    )
    # ... but not for names an export ran together, misspelt or cut at a particle
    for authors in (
        ["Belcheva S", "Stoychevtskaradjov", "Danchev N"],  # two names run together
        ["Belcheva S", "Stoychev T", "Karadzhov D", "Danchev N"],  # another transliteration
        ["Belcheva S", "Stoichev T", "Karadjov D", "Danchev N"],
    ):
        copy = keys(3, title=title + ".", authors=authors, **place)
        assert verdict(one, copy)[1] != "companion_paper_one_issue"
    # nor for a long list, where a database drops or splits a co-author
    long_team = ["Le Quintrec M", "Zuber J", "Noel L H", "Thervet E", "Fremeaux-Bacchi V"]
    dropped = [*long_team[:4], "Niaudet P", long_team[4]]
    a = keys(4, title=title, authors=long_team, **place)
    assert verdict(a, keys(5, title=title + " esters", authors=dropped, **place))[1] != (
        "companion_paper_one_issue"
    )


def test_companion_papers_are_queued_not_merged_in_a_minimal_export():
    # the engine on a thin export: the two papers wait for a person, one cluster is not made
    records = [
        Record(title=SENIOR, authors=["Senior, A. E.", "Sherratt, H. S."], **ISSUE),
        Record(
            title=SENIOR + ". Carbohydrate metabolism",
            authors=["Senior, A. E.", "Robson, B.", "Sherratt, H. S."],
            **ISSUE,
        ),
    ]
    result = match({i: keys_for(i, r) for i, r in enumerate(records)})
    assert not result.accepted
    assert [(u.a, u.b, u.rule) for u in result.uncertain] == [(0, 1, "companion_paper_one_issue")]


def test_two_records_without_a_volume_in_one_issue_are_judged_and_one_volume_is_not():
    # a journal numbered by issue alone within a year (dedup46a: the choice made explicit;
    # the ten labelled sets hold no such pair, so it decides nothing there)
    no_volume = dict(journal="Rev Prat", volume="", issue="12", year=1998, pages="", doi="")
    first = keys(1, title=SENIOR, authors=["Senior, A. E.", "Sherratt, H. S."], **no_volume)
    second = keys(
        2,
        title=SENIOR + ". Carbohydrate metabolism",
        authors=["Senior, A. E.", "Robson, B.", "Sherratt, H. S."],
        **no_volume,
    )
    assert verdict(first, second) == ("uncertain", "companion_paper_one_issue")
    # a volume on one side only: the other record may be in any volume, not 'one issue'
    volumed = keys(
        3,
        title=SENIOR + ". Carbohydrate metabolism",
        authors=["Senior, A. E.", "Robson, B.", "Sherratt, H. S."],
        **{**no_volume, "volume": "48"},
    )
    assert verdict(first, volumed)[1] != "companion_paper_one_issue"
