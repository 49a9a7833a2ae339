"""A letter and its '- Reply' by other authors, printed together in one issue (issue 14,
dedup36). Of the ten labelled sets' pairs of this look (one journal, volume and issue, the
reply's page inside or right after the letter's range, other first authors) the labels join 4
(haematology: one letter and its reply, two records each) and keep 7 apart (digital_work's
Commun ACM letter and 'Response' on pages 8-9 / 9, neuroimaging's and srsr's): nothing in the
records tells the two conventions apart, so the pair waits for a person either way."""

from __future__ import annotations

from dedup.helpers import keys, verdict

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
