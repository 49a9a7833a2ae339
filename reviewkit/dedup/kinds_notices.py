"""Replies titled with the article they answer; letters printed together.

Web of Science and Embase title a reply with the title it answers and the word after it
('Graded activity for back pain - Reply', '... AUTHORS REPLY', '... Response'); the reply is
often by the article's own authors, in the same journal and volume, on a page of its own.
titles.is_notice does not read a single trailing word as a notice (an ordinary title may end
in 'response': '... and treatment response'), so when an export drops the reply's page the
merging rules would take it for its article. The labelled sets keep such pairs apart in 11 of
13 (srsr, depression, digital_work, haematology); the 2 they join (haematology, a letter and
its reply by other authors) stay queued as a pair, and join through the record of both
(below). A person decides.

Letters printed together are one item in one database: a record titled with the
correspondence's heading and '(multiple letters)' ('... streptococcus (multiple letters) [1]',
'SURVEYING THE LITERATURE FROM ANIMAL EXPERIMENTS 4 (MULTIPLE LETTERS)', as the Embase records
of the labelled sets write it) lists every letter's and the reply's authors under the page
range of them all. Each letter's own record in another database, on a page of that range, is
part of it (:func:`letters_printed_together`).

An erratum is often titled as the article it corrects, without a heading ('Resolving organoid
brain region identities ...', Cell Stem Cell 28(6):1148-1159.e8, and its erratum on pp.
1177-1180 of the same issue, by the same authors): the title says nothing, the publication
type does ('Published Erratum', 'Erratum', 'Correction': notice_titles.NOTICE_TYPES). Such a
notice never merges with a record its types call something else (:func:`typed_notice_and_article`).
"""

from __future__ import annotations

import re

from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import TITLE_NEAR, Outcome, Pair
from reviewkit.dedup.score import DUPLICATE, NOT_DUPLICATE, UNCERTAIN, title_similarity
from reviewkit.dedup.titles import letters_heading
from reviewkit.dedup.unplaced import to_person

# the last words of a folded title: 'reply', 'response', 'author(s) reply'
_REPLY_TAIL = re.compile(r"\s+(?:authors?\s+)?(?:reply|response)$")


def _reply_to(reply: str, article: str) -> bool:
    """The folded ``reply`` title is ``article``'s (or close to it) with a reply word after."""
    m = _REPLY_TAIL.search(reply)
    return (
        bool(m)
        and not _REPLY_TAIL.search(article)
        and (title_similarity(reply[: m.start()], article) >= TITLE_NEAR)
    )


def reply_titled_as_article(p: Pair) -> Outcome:
    """One title is the other's with 'Reply' or 'Response' after it, and a merging rule would
    take the pair: a reply and the article it answers (or the letter it answers); a person."""
    a, b = p.ka.title, p.kb.title
    if _reply_to(a, b) or _reply_to(b, a):
        return to_person(p)
    return None


def _pages_within(part: Keys, whole: Keys) -> bool:
    """``part``'s pages lie inside ``whole``'s: its range, or the one page that letters and
    the reply share (NEJM prints a letter and its reply on one page: two such pairs in
    haematology, each on its own records)."""
    if not (part.first_page and whole.first_page):
        return False
    last = int(part.last_page or part.first_page)
    whole_last = int(whole.last_page or whole.first_page)
    return int(whole.first_page) <= int(part.first_page) and last <= whole_last


def _one_of_the_letters(part: Keys, whole: Keys) -> bool:
    """``part`` is one letter (or the reply) of ``whole``, a record of letters printed together:
    one journal volume and issue, its pages inside the range, its first author among the
    record's authors (all of them: :attr:`Keys.surnames` keeps every name of such a record),
    its title the heading or the heading and more ('... - Reply', a letter's own title after
    the heading). An issue missing on either side is no conflict (an export or a citation
    that drops it): the journals that print correspondence number pages through the volume,
    and a page range inside the letters' range, under their heading, by one of their authors,
    is that place; two issues given and different are two places."""
    heading = letters_heading(whole.title)
    return (
        bool(heading)
        and not letters_heading(part.title)
        and bool(part.volume)
        and part.volume == whole.volume
        and (not (part.issue and whole.issue) or part.issue == whole.issue)
        and _pages_within(part, whole)
        and bool(part.surnames)
        and part.surnames[0] in whole.surnames  # one form on both sides ('van der Worp': 'worp')
        and _under_heading(part.title, heading)
    )


def _under_heading(title: str, heading: str) -> bool:
    """The letter's title is the correspondence's heading, or the heading and more ('... -
    Reply', a letter's own title after it), of any length: title_similarity gives a start of
    under 40 characters no more than 90, and a correspondence's heading may be that short
    ('Statins for all?'); the issue, pages and author already hold the pair."""
    return title.startswith(heading + " ") or title_similarity(heading, title) >= TITLE_NEAR


def letters_printed_together(p: Pair) -> Outcome:
    """A record of letters printed together ('(multiple letters)') and one of those letters:
    one item, the same journal, issue and pages. On the ten labelled sets the labels join
    every such pair (haematology 3, srsr 4, cardiac 1, also one DOI) and keep none apart.
    A letter and its reply, each under its own record, are a person's pair
    (reply_titled_as_article); beside a record of both they join through it, as the labels
    join them: the ten sets' only letter/reply pairs labelled one (haematology's 4) have such
    a record, the 17 without one are labelled apart. Two records of their own PMIDs or DOIs
    the chaining guard (cluster.py) keeps apart: the record of both joins one, a person is
    asked about the other (srsr's second BMJ letter, which the labels join)."""
    if p.jm is True and (_one_of_the_letters(p.ka, p.kb) or _one_of_the_letters(p.kb, p.ka)):
        return DUPLICATE, 0.9
    return None


def typed_notice_and_article(p: Pair) -> Outcome:
    """One record's publication types say it is a notice (an erratum, a retraction, an
    expression of concern: :attr:`~reviewkit.dedup.normalise.Keys.typed_notice`), the other's
    do not: an erratum under its article's own title, one issue, the same authors (found by
    the distinct probe: two in the PubMed snapshot, merged on a page slip). A notice has a page
    of its own, so one first page (and no other last page) is the notice's two copies, one
    database having dropped its type: the rules go on. On other pages, a record typed
    otherwise is its article: apart; one without types, or a page missing, goes to a person
    (an export may garble a page). Asked only where a later rule would merge
    (rules.before_a_merge): a notice never merges with its article on title likeness. Only
    for titles that do not say notice."""
    ka, kb = p.ka, p.kb
    # a title that says notice already tells it (notice_veto, and two notices' own rules): a
    # copy without its type of 'Correction to: …' is still a notice (26 of the snapshot's 218
    # typed notices have no page yet, and were queued against such a copy)
    if ka.notice or kb.notice or bool(ka.typed_notice) == bool(kb.typed_notice):
        return None
    if p.same_page and (not (ka.last_page and kb.last_page) or ka.last_page == kb.last_page):
        return None
    other = kb if ka.typed_notice else ka
    if other.typed_notice is False and ka.first_page and kb.first_page:
        return NOT_DUPLICATE, p.t / 200
    return UNCERTAIN, p.score
