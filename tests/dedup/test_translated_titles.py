"""Titles that share nothing at one place under one author list (issue 14, dd24): one work
when a record marks its title as a translation or one title is the other cut short, and the
chaining guard then counts the two titles as one (a title class)."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import keys, rec, verdict

from reviewkit.dedup import engine
from reviewkit.dedup.cluster import components
from reviewkit.dedup.matching import match
from reviewkit.dedup.score import title_similarity

# Embase gives the English title with the original after it; another database its own
# English rendering of the same German title (both under 60 alike: TITLE_CONFLICT)
EMBASE = (
    "Sick leave and work: a phenomenon of the clinic or of the employer?. German "
    "Krankschreibung und Arbeit - ein Phanomen der Klinik oder des Arbeitgebers?"
)
ENGLISH = "Certification of sickness absence. Does the doctor or the workplace decide?"
OTHER_RENDERING = "Incapacity certificates. Whose decision is it, physician or employer?"
PLACE = dict(journal="Dtsch Med Wochenschr", volume="125", issue="10", pages="559-567")


def test_a_marked_translation_at_one_place_merges_and_the_guard_takes_its_whole_cluster():
    marked = keys(1, title=EMBASE, **PLACE)
    english = keys(2, title=ENGLISH, doi="10.1055/s-2000-1234", **PLACE)
    again = keys(3, title=ENGLISH, doi="10.1055/s-2000-1234", **PLACE)  # another database
    assert title_similarity(marked.title, english.title) < 60
    assert verdict(marked, english) == ("duplicate", "same_place_and_authors")
    result = match({k.id: k for k in (marked, english, again)})
    clusters = components([1, 2, 3], ((e.a, e.b) for e in result.accepted))
    assert {1, 2, 3} in clusters and not result.uncertain
    # a cluster built earlier (links in force) takes the marked record the same way
    result = match({k.id: k for k in (marked, english, again)}, {1}, existing=[(2, 3, "same_doi")])
    assert {(e.a, e.b) for e in result.accepted} >= {(1, 2)} and not result.uncertain


def test_titles_sharing_nothing_without_a_sign_of_one_work_are_queued():
    # two English renderings, neither marked: a person decides (a column's two items look so)
    a, b = keys(1, title=ENGLISH, **PLACE), keys(2, title=OTHER_RENDERING, **PLACE)
    assert title_similarity(a.title, b.title) < 60
    assert verdict(a, b) == ("uncertain", "same_place_titles_differ")
    # a translated pair's class opens no door to a rule that does not judge titles: a record
    # under the English record's PubMed id whose title agrees with neither title is refused
    marked = keys(3, title=EMBASE, **PLACE)
    english = keys(4, title=ENGLISH, pmid="10957911", **PLACE)
    stray = keys(5, title=OTHER_RENDERING, pmid="10957911", journal="Other", pages="1-2")
    result = match({k.id: k for k in (marked, english, stray)})
    assert {(e.a, e.b) for e in result.accepted} == {(3, 4)}
    assert [(u.a, u.b, u.rule) for u in result.uncertain] == [(4, 5, "chain_guard:same_pmid")]


def test_a_title_cut_short_by_an_export_is_the_same_title():
    full = "Neither the 5-HT(1A) nor the 5-HT2 receptor mediates the effect of fluvoxamine in mice"
    cut = keys(1, title="Neither the 5-", **PLACE)
    assert verdict(cut, keys(2, title=full, **PLACE)) == ("duplicate", "same_place_and_authors")
    result = match({1: cut, 2: keys(2, title=full, **PLACE)})
    assert [(e.a, e.b) for e in result.accepted] == [(1, 2)]
    # one word is no title: a person looks
    one_word = keys(3, title="Neither", **PLACE)
    assert verdict(one_word, keys(4, title=full, **PLACE))[0] != "duplicate"


def test_a_later_run_compares_a_new_record_with_the_translated_pairs_class(project_b):
    # run 1 merges the marked record with the DOI's English record; run 2 brings a record of
    # the English title with only a first page (no range: not judged against the marked one)
    first = add_records(
        project_b,
        [rec(title=EMBASE, **PLACE), rec(title=ENGLISH, doi="10.1055/s-2000-1234", **PLACE)],
    )
    engine.run_dedup(project_b.db)
    assert len(engine.cluster_members(project_b.db, first[0])[1]) == 2
    (later,) = add_records(project_b, [rec(title=ENGLISH, **{**PLACE, "pages": "559"})], "Scholar")
    engine.run_dedup(project_b.db)
    assert set(engine.cluster_members(project_b.db, later)[1]) == {*first, later}
    assert not any(later in (q.a, q.b) for q in engine.review_queue(project_b.db))
