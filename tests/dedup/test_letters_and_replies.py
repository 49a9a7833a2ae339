"""A letter and its '- Reply' by other authors, printed together in one issue (issue 14,
dedup36). Of the ten labelled sets' pairs of this look (one journal, volume and issue, the
reply's page inside or right after the letter's range, other first authors) the labels join 4
(haematology: one letter and its reply, two records each) and keep 7 apart (digital_work's
Commun ACM letter and 'Response' on pages 8-9 / 9, neuroimaging's and srsr's): nothing in the
records tells the two conventions apart, so the pair waits for a person either way."""

from __future__ import annotations

import pytest
from dedup.helpers import keys, verdict

from reviewkit.dedup.cluster import components
from reviewkit.dedup.matching import match

LETTER = "Atypical haemolytic uraemic syndrome after a streptococcal throat infection"
ISSUE = dict(journal="Pediatric Nephrology", volume="19", issue="8", year=2004)


def test_a_reply_on_the_letters_last_page_waits_for_a_person():
    letter = keys(1, title=LETTER, authors=["Yilmaz, B.", "Kaya, N."], pages="943-945", **ISSUE)
    reply = keys(2, title=f"{LETTER} - Reply", authors=["Shaw, Anna B."], pages="945", **ISSUE)
    assert verdict(letter, reply)[0] == "uncertain"


def test_a_reply_on_the_page_after_the_letter_waits_for_a_person():
    letter = keys(1, title=LETTER, authors=["Yilmaz, B.", "Kaya, N."], pages="943-944", **ISSUE)
    reply = keys(2, title=f"{LETTER} - Reply", authors=["Shaw, Anna B."], pages="945", **ISSUE)
    assert verdict(letter, reply)[0] == "uncertain"


def test_a_reply_on_the_letters_own_page_is_not_merged():
    # NEJM prints letter and reply on one page: labelled apart on haematology (2 pairs)
    nejm = dict(journal="New England Journal of Medicine", volume="361", issue="15", year=2009)
    letter = keys(1, title=LETTER, authors=["Eden, M. M."], pages="1511", **nejm)
    reply = keys(
        2, title=f"{LETTER} AUTHORS REPLY", authors=["Esmond, C. T."], pages="1511", **nejm
    )
    assert verdict(letter, reply)[0] != "duplicate"


HEADING = "Surveying the literature from animal experiments"
BMJ = dict(journal="BMJ", volume="331", issue="7508", year=2005)
TOGETHER = dict(
    title=f"{HEADING} 4 (multiple letters)",
    authors=["Macleod, M. R.", "Ebrahim, S.", "Roberts, I.", "Khan, K. S.", "Mignini, L."],
    pages="110-111",
    **BMJ,
)


def test_a_letter_printed_with_others_is_part_of_their_one_record():
    # Embase indexes the correspondence as one item; another database each letter alone
    whole = keys(1, **TOGETHER)
    letter = keys(
        2,
        title=f"{HEADING} - avoidance of bias is objective and critical",
        authors=["Khan, K. S.", "Mignini, L."],
        pages="111",
        **BMJ,
    )
    assert verdict(whole, letter) == ("duplicate", "letters_printed_together")
    assert verdict(letter, whole) == ("duplicate", "letters_printed_together")


def test_the_reply_under_the_letters_record_is_part_of_it():
    whole = keys(
        1,
        title=f"{LETTER} (multiple letters) [1]",
        authors=["Yilmaz, B.", "Kaya, N.", "Shaw, A. B."],
        pages="943-945",
        **ISSUE,
    )
    reply = keys(2, title=f"{LETTER} - Reply", authors=["Shaw, Anna B."], pages="945", **ISSUE)
    assert verdict(whole, reply) == ("duplicate", "letters_printed_together")


def test_a_letter_by_a_surname_with_particles_is_found_among_the_listed_authors():
    # the letter's first surname is read as the record's list reads its names: 'van der Worp'
    # and 'De Vries' without their particles, 'Marquez de la Plata' as its two words
    for first in ("van der Worp, H. B.", "De Vries, J.", "Marquez de la Plata, C."):
        whole = keys(1, **{**TOGETHER, "authors": [*TOGETHER["authors"], first]})
        letter = keys(2, title=f"{HEADING} - a reply", authors=[first], pages="111", **BMJ)
        assert verdict(whole, letter) == ("duplicate", "letters_printed_together")


def test_a_letter_under_a_short_heading_is_part_of_the_record():
    # a heading of under 40 characters: the letter's title is the heading and its own words
    whole = keys(1, **{**TOGETHER, "title": "Statins for all? (multiple letters)"})
    for title in ("Statins for all? - Reply", "Statins for all? Not in the elderly"):
        letter = keys(2, title=title, authors=["Khan, K. S."], pages="111", **BMJ)
        assert verdict(whole, letter) == ("duplicate", "letters_printed_together")
    other = keys(3, title="Statins and falls", authors=["Khan, K. S."], pages="111", **BMJ)
    assert verdict(whole, other)[1] != "letters_printed_together"


def test_letters_printed_on_one_page_are_part_of_their_record():
    # a record of letters on one page (no range) and a letter on that page
    nejm = dict(journal="New England Journal of Medicine", volume="361", issue="15", year=2009)
    together = dict(authors=["Eden, M. M.", "Esmond, C. T."], pages="1511", **nejm)
    whole = keys(1, title=f"{LETTER} (multiple letters)", **together)
    letter = keys(2, title=LETTER, authors=["Eden, M. M."], pages="1511", **nejm)
    assert verdict(whole, letter) == ("duplicate", "letters_printed_together")
    later = keys(3, title=LETTER, authors=["Eden, M. M."], pages="1512", **nejm)
    assert verdict(whole, later)[1] != "letters_printed_together"


def test_a_letter_outside_the_range_or_by_someone_not_listed_is_not_part_of_it():
    whole = keys(1, **TOGETHER)
    later = dict(title=f"{HEADING} - a further reply", authors=["Khan, K. S."], **BMJ)
    assert verdict(whole, keys(2, pages="112", **later))[1] != "letters_printed_together"
    unlisted = {**later, "authors": ["Olsen, Per"]}
    assert verdict(whole, keys(3, pages="111", **unlisted))[1] != "letters_printed_together"
    next_issue = {**later, "issue": "7509"}
    assert verdict(whole, keys(4, pages="111", **next_issue))[1] != "letters_printed_together"


def test_two_records_of_letters_printed_together_are_compared_as_any_two_records():
    # the rule reads one record of several letters against one letter, not two such records
    a, b = keys(1, **TOGETHER), keys(2, **{**TOGETHER, "title": f"{HEADING} (multiple letters)"})
    assert verdict(a, b)[1] != "letters_printed_together"


def _clusters(records) -> tuple[set[frozenset[int]], set[frozenset[int]]]:
    """(clusters of two records or more, pairs queued for a person) of the engine's one run."""
    found = match({k.id: k for k in records})
    joined = components([k.id for k in records], [(e.a, e.b) for e in found.accepted])
    queued = {frozenset((u.a, u.b)) for u in found.uncertain}
    return {frozenset(c) for c in joined if len(c) > 1}, queued


WHOLE = dict(
    title=f"{LETTER} (multiple letters) [1]",
    authors=["Yilmaz, B.", "Kaya, N.", "Shaw, A. B."],
    pages="943-945",
    source="Embase",
    **ISSUE,
)
SINGLE_LETTER = dict(title=LETTER, authors=["Yilmaz, B.", "Kaya, N."], pages="943-944", **ISSUE)
SINGLE_REPLY = dict(title=f"{LETTER} - Reply", authors=["Shaw, Anna B."], pages="945", **ISSUE)


def test_the_record_of_both_makes_the_letter_and_its_reply_one_item_without_identifiers():
    # haematology: the labels join a letter and its reply only where a record of both exists
    # (its 4 pairs); the 17 letter/reply pairs of the ten sets without one they keep apart
    records = [keys(1, **WHOLE), keys(2, **SINGLE_LETTER), keys(3, **SINGLE_REPLY)]
    joined, _ = _clusters(records)
    assert joined == {frozenset({1, 2, 3})}


@pytest.mark.parametrize("order", [(1, 2, 3), (2, 1, 3), (3, 2, 1)])
def test_two_medline_records_are_never_joined_through_the_record_of_both(order):
    # MEDLINE indexes the letter and the reply apart (two PMIDs): the chaining guard lets the
    # record of both join one of them and asks a person about the other, whichever comes first
    w, letter, reply = order
    records = [
        keys(w, **WHOLE),
        keys(letter, **SINGLE_LETTER, pmid="15197000"),
        keys(reply, **SINGLE_REPLY, pmid="15197001"),
    ]
    joined, queued = _clusters(records)
    assert len(joined) == 1 and w in next(iter(joined))
    assert not any({letter, reply} <= c for c in joined)
    alone = letter if reply in next(iter(joined)) else reply
    assert frozenset({w, alone}) in queued


def test_a_letter_whose_record_lacks_the_issue_is_part_of_the_record():
    # an export or a citation without the issue (dedup37): the volume's pages place it
    whole = keys(1, **TOGETHER)
    letter = dict(title=f"{HEADING} - a reply", authors=["Khan, K. S."], pages="111")
    volume_only = {**BMJ, "issue": ""}
    assert verdict(whole, keys(2, **letter, **volume_only)) == (
        "duplicate",
        "letters_printed_together",
    )
    no_issue = keys(3, **{**TOGETHER, "issue": ""})
    assert verdict(no_issue, keys(4, **letter, **BMJ))[1] == "letters_printed_together"
    other_volume = {**BMJ, "issue": "", "volume": "332"}
    assert verdict(whole, keys(5, **letter, **other_volume))[1] != "letters_printed_together"


def test_a_letter_by_an_author_listed_past_the_tenth_is_part_of_the_record():
    # five letters of three authors each and the reply: the record lists sixteen names
    names = [
        *("Abel, A.", "Bauer, A.", "Cohen, A.", "Dahl, A.", "Eriksen, A.", "Falk, A."),
        *("Gauthier, A.", "Hahn, A.", "Ito, B.", "Jensen, B.", "Kowalski, B.", "Lund, B."),
        *("Moreau, B.", "Nagy, B.", "Ortiz, B.", "Petit, B."),
    ]
    whole = keys(1, **{**TOGETHER, "authors": names})
    letter = keys(2, title=f"{HEADING} - a reply", authors=["Ortiz, B."], pages="111", **BMJ)
    assert verdict(whole, letter) == ("duplicate", "letters_printed_together")
