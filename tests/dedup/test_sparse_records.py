"""Records from exports that drop fields (no DOI, no pages, authors cut to 'et al.'): the
kinds the dedup-stress benchmark found merging wrongly once the field that told two works
apart was gone. Each test is one kind, on hand-made records."""

from __future__ import annotations

from dedup.helpers import NO_PLACE, keys, verdict

from reviewkit.dedup.names import author_key
from reviewkit.dedup.sparse import swapped_word

OZONE = "Weight-of-evidence evaluation of long-term ozone exposure and cardiovascular effects"


def test_companion_papers_without_pages_or_doi_go_to_a_person():
    # one team's two reviews in one journal, volume and year: only the page told them apart
    a = keys(1, title=OZONE, pages="", doi="")
    b = keys(2, title=OZONE.replace("long-term", "short-term"), pages="", doi="")
    assert verdict(a, b) == ("uncertain", "title_word_swapped")
    # in vitro / in vivo, limited / no prior experience: the same kind
    c = keys(3, title="Adrenergic reactions of sheep rumen muscle in vitro", pages="")
    d = keys(4, title="Adrenergic reactions of sheep rumen muscle in vivo", pages="")
    assert verdict(c, d) == ("uncertain", "title_word_swapped")


def test_with_one_first_page_a_swapped_word_is_an_edit_and_still_merges():
    a = keys(1, title=OZONE, doi="")
    b = keys(2, title=OZONE.replace("evaluation", "assessment"), doi="")
    assert verdict(a, b)[1] != "title_word_swapped"
    # and a title spelt two ways, or a Greek letter lost, is no swap
    assert not swapped_word("a randomized trial of x in y", "a randomised trial of x in y")
    assert not swapped_word(
        "role of nf b in preconditioning", "role of nf kappab in preconditioning"
    )
    assert not swapped_word(
        "nicotine for alzheimers disease", "nicotine for alzheimers disease update"
    )
    assert swapped_word("welcome to the first issue", "welcome to the third issue")
    # the kind that makes most true pairs 95-98 alike: words added on one side only
    c = keys(3, title=OZONE + ": a systematic review", pages="", doi="")
    d = keys(4, title=OZONE, pages="", doi="")
    assert verdict(c, d) == ("duplicate", "biblio_match")


def test_a_word_written_short_is_no_swap_and_still_merges():
    # 'versus' / 'vs.', 'Saint' / 'St': one title in two exports' styles, merged before the rule
    title = "Surgery versus physiotherapy for chronic low back pain in working adults"
    a = keys(1, title=title, pages="", doi="")
    b = keys(2, title=title.replace("versus", "vs."), pages="", doi="")
    assert verdict(a, b) == ("duplicate", "biblio_match")
    assert not swapped_word(
        "st olavs hospital model of return", "saint olavs hospital model of return"
    )
    # a short word that is another word is still a swap
    assert swapped_word("sick leave in adults over fifty", "sick leave in adults over sixty")
    assert swapped_word("results of the first trial", "results of the final trial")


def test_opposite_prefixes_are_a_swapped_word_not_one_word_spelt_two_ways():
    # a team's companion papers in one issue, no page (rd46d): the words share their root and
    # read over SPELLING alike, yet the prefixes name the other condition, time or side
    companions = [
        ("Preoperative anaemia and outcome after cardiac surgery", "Preoperative", "Postoperative"),
        ("Orthostatic hypotension and falls in Parkinson's disease", "hypotension", "hypertension"),
        ("Intracellular calcium and contractile function of the failing heart", "Intra", "Extra"),
        ("Presynaptic inhibition of dopamine release in the rat striatum", "Pre", "Post"),
    ]
    for i, (title, one, other) in enumerate(companions):
        a = keys(2 * i, title=title, pages="", doi="")
        b = keys(2 * i + 1, title=title.replace(one, other), pages="", doi="")
        assert verdict(a, b) == ("uncertain", "title_word_swapped"), title
    assert swapped_word("hyperthyroidism in pregnancy", "hypothyroidism in pregnancy")
    assert swapped_word("upregulation of bdnf by exercise", "downregulation of bdnf by exercise")
    # a letter changed is a national spelling or a slip: still one word
    assert not swapped_word("ischaemic preconditioning in man", "ischemic preconditioning in man")


def test_et_al_is_not_an_author():
    assert author_key(["Smith, J.", "et al."]) == author_key(["Smith J et al."]) == "smith"
    assert author_key(["Brown, B.", "and others"]) == "brown"
    # two lists cut after their first authors no longer look alike through 'et al.'
    a = keys(1, authors=["Barowy, D. W.", "et al."], title="Acknowledge crowdworkers", pages="9")
    b = keys(2, authors=["Brown, B.", "et al."], title="Acknowledge crowdworkers", pages="8-9")
    assert a.authors == "barowy" and b.authors == "brown"


def test_apa_and_web_of_science_corrections_are_notices():
    article = keys(1, title="Rainmakers: Why bad weather means good productivity", pages="")
    apa = keys(
        2,
        title='"Rainmakers: Why bad weather means good productivity": Correction to Lee et al. (2014).',
        pages="",
    )
    assert apa.notice and verdict(article, apa)[0] != "duplicate"
    wos = keys(3, title="Tissue engineering in animal models (VOL 9 E98734 2014)", pages="")
    assert wos.notice
    assert not keys(4, title="Outcomes in 2010 (volume 3 of 2012)").notice
    assert keys(5, title="Tissue engineering (vol 85, pg 553, 2010)").notice
    # a book's or a report's own volume is no correction's tail: it needs a page
    for title in ("Handbook of occupational health (vol 12, 2014)", "Guidelines (Volume 1 2019)"):
        assert not keys(6, title=title).notice, title


def test_a_conference_abstract_under_a_shared_doi_without_pages_goes_to_a_person():
    meeting = "Annual Meeting of the Nordic Society of Pharmacology"
    a = keys(
        1,
        title="Focused group P06: the heart gone wrong; strategies to induce cardioprotection",
        journal=meeting,
        pages="",
        doi="10.1111/j.1742-7843.2010.00600.x",
    )
    b = keys(
        2,
        title="Focused group P06: the heart gone wrong; effects of vitamin D on the heart",
        journal=meeting,
        pages="",
        doi="10.1111/j.1742-7843.2010.00600.x",
    )
    assert verdict(a, b) == ("uncertain", "same_doi_place_unknown")
    # with both first pages given, same_doi judges on the pages as before
    c = keys(3, title=a.title, journal=meeting, pages="385", doi="10.1111/j.1742-7843.2010.00600.x")
    d = keys(
        4,
        title=a.title + " in rats",
        journal=meeting,
        pages="385",
        doi="10.1111/j.1742-7843.2010.00600.x",
    )
    assert verdict(c, d)[1] != "same_doi_place_unknown"


def test_two_meetings_abstracts_without_pages_go_to_a_person():
    # one title in two congresses' supplements ('Diabetologia' / 'Diabetes'), both 'volume 1',
    # author lists in another order: nothing says the two are one publication
    title = "Anti-atherosclerotic activity of lixisenatide in ApoE knockout mice"
    a = keys(
        1,
        title=title,
        journal="Diabetologia",
        **dict(NO_PLACE, volume="1"),
        authors=["Hubschle, T.", "Schafer, H. L.", "Juretschke, H. P.", "Rutten, H."],
    )
    b = keys(
        2,
        title=title,
        journal="Diabetes",
        **dict(NO_PLACE, volume="1"),
        authors=["Schafer, H. L.", "Hubschle, T.", "Juretschke, H. P.", "Werner, U."],
    )
    assert verdict(a, b) == ("uncertain", "journal_unsure_no_place")
    # one journal written two ways, or the same author list: merged as before
    c = keys(3, title=title, journal="Diabetes", volume="1", pages="", authors=b_authors())
    assert verdict(b, c) == ("duplicate", "biblio_match")


def b_authors() -> list[str]:
    return ["Schafer, H. L.", "Hubschle, T.", "Juretschke, H. P.", "Werner, U."]
