"""Pair evidence: title, author, journal, page and abstract comparisons of two records.

The rules that turn this evidence into a verdict are the table in :mod:`reviewkit.dedup.rules`.
Every compared pair gets a :class:`PairVerdict`: a score in [0, 1], a verdict (duplicate,
not_duplicate, uncertain) and the name of the rule that decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reviewkit.dedup.journals import meeting_name_added, runs_into_subtitle, subtitle_of_name
from reviewkit.dedup.names import letters_swapped, names_unmatched, particle_cut_agree
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pages import is_roman_numeral
from reviewkit.dedup.titles import NOTICE_WORDS

# The heading of a correction or retraction notice before the article's title (folded):
# 'erratum to how do …', 'correction to …', 'retracted …'
_CORRECTION_HEAD = re.compile(
    r"^(?:erratum|errata|corrigendum|correction|corrections|retraction|retracted)(?: notice)?(?: (?:to|on|of|for))? "
)

_NOT_WORD = re.compile(r"[\W_]+")
# A heading with one of these before a title makes a piece about that article, not the article.
_RESPONSE_WORDS = NOTICE_WORDS | frozenset(
    [
        "discussion",
        "invited",
        "re",
        "regarding",
        "rebuttal",
        "rejoinder",
        "authors",
        "author",
        "review",
    ]
)
LONG_TITLE = 40  # folded characters: a title this long and identical is rarely reused
DUPLICATE, NOT_DUPLICATE, UNCERTAIN = "duplicate", "not_duplicate", "uncertain"


@dataclass(frozen=True, slots=True)
class PairVerdict:
    a: int
    b: int
    score: float
    verdict: str
    rule: str


@dataclass(frozen=True)
class Context:
    """Facts about the whole set that single pairs cannot see."""

    shared_dois: frozenset[str] = frozenset()  # DOIs on many different records (supplements)


_NO_CONTEXT = Context()


def title_similarity(a: str, b: str) -> float:
    """0–100; a title that is the start (dropped subtitle) or the end (a heading or kicker put
    before it, unless that says 'reply', 'comment' …) of the other counts as 95."""
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    sim = Indel.normalized_similarity(a, b) * 100
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if (
        sim < 95
        and len(short) >= 20
        and (
            long_.startswith(short)
            or long_.endswith(" " + short)
            and _RESPONSE_WORDS.isdisjoint(long_[: -len(short)].split())
        )
    ):
        return (
            95.0 if len(short) >= 40 else max(sim, 90.0)
        )  # a subtitle dropped, or a heading added
    return sim


def journal_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """Same journal, allowing abbreviations ('curr opin lipidol' ~ 'current opinion lipidology')."""
    if not a or not b:
        return None
    if a == b:
        return True
    n = min(len(a), len(b))
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if (
        (len(a) == len(b) or n >= 2)
        and all(_abbreviates(x, y) for x, y in zip(a[:n], b[:n], strict=True))
        and not runs_into_subtitle(short, long_)
    ):
        return True  # abbreviations ('natl' ~ 'national'), or one name the start of the other
    if _acronym(a, b) or _acronym(b, a):
        return True  # 'icis' ~ 'international conference information systems'
    if meeting_name_added(a, b):
        return True  # 'circulation' ~ 'circulation conference american heart ...' (no period)
    if subtitle_of_name(a, b) or subtitle_of_name(b, a):
        return True  # 'jama' ~ 'jama journal american medical association' (WoS's hyphen)
    if n >= 3 and _abbreviates_in_order(short, long_):
        return True  # 'patol fiziol eksp ter' ~ 'patologicheskaia fiziologiia eksperimental naia terapiia'
    sim = Indel.normalized_similarity("".join(a), "".join(b))
    if sim >= 0.9:
        return True
    return False if sim < 0.6 else None  # 'nihon rinsho' / 'nippon rinsho': no evidence either way


def journals_match(ka: Keys, kb: Keys) -> bool | None:
    """:func:`journal_match` of two records' journals, told by the NLM Catalog's qualifiers
    too. NLM adds the place or edition in brackets to tell journals of one name apart
    ('Medicine (Baltimore)' and Elsevier's 'Medicine (Abingdon, England : UK ed.)', 'Nursing
    (Lond)' and 'Nursing (Jenkintown)'), and :func:`reviewkit.dedup.venue.journal_words`
    leaves it out so that 'Lancet (London, England)' is WoS's 'LANCET'. Where both records
    carry a qualifier and no word of one abbreviates a word of the other, the names say nothing
    either way (None): two journals, or one journal under two databases' conventions (Scopus's
    'Medicine (United States)' for NLM's 'Medicine (Baltimore)'); the volume, the pages or the
    DOI must carry the merge. A qualifier on one side only ('Physiology (Bethesda)' /
    'Physiology') is no second journal."""
    match = journal_match(ka.journal, kb.journal)
    qa, qb = ka.journal_qualifier, kb.journal_qualifier
    if match is True and qa and qb and not any(_abbreviates(x, y) for x in qa for y in qb):
        return None
    return match


def one_word_name_qualified_once(ka: Keys, kb: Keys) -> bool:
    """Both journals' names are one word and one record alone carries NLM's qualifier
    ('Nursing (Lond)' / 'Nursing', 'Medicine (Baltimore)' / 'MEDICINE'). NLM qualifies a name
    that several serials share, and a one-word name ('Nursing', 'Medicine', 'Physiology') is the
    name most shared, by journals of two countries (NLM's 'Nursing (Lond)' and 'Nursing
    (Jenkintown)'). The bare name may be either: :func:`journals_match` takes it for the
    qualified one, right for the common case (WoS's 'LANCET' for 'Lancet (London, England)'),
    but it cannot be what alone makes two page ranges one place. Names of several words are
    read as before (no same_issue_other_page pair of the ten labelled sets has a qualifier on
    one side, so no figure speaks for widening it)."""
    one_word = len(ka.journal) == 1 == len(kb.journal)
    return one_word and bool(ka.journal_qualifier) != bool(kb.journal_qualifier)


def pages_compatible(a: str, b: str) -> bool:
    """Equal, or one of three or more digits the start or end of the other ('175' / '1751638')."""
    return a == b or min(len(a), len(b)) >= 3 and volumes_compatible(a, b)


def _abbreviates(x: str, y: str) -> bool:
    """One word is an abbreviation of the other: same first letter, letters in order."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if not short or short[0] != long_[0]:
        return False
    it = iter(long_)
    return all(c in it for c in short)


def _acronym(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``a`` is one word made of the initials of three or more words of ``b``."""
    return len(a) == 1 and len(b) >= 3 and a[0] == "".join(w[0] for w in b)


def _abbreviates_in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Each word of ``short`` abbreviates a later word of ``long_``, starting with the first."""
    if not _abbreviates(short[0], long_[0]):
        return False
    j = 1
    for word in short[1:]:
        while j < len(long_) and not _abbreviates(word, long_[j]):
            j += 1
        if j == len(long_):
            return False
        j += 1
    return True


def volumes_compatible(a: str, b: str) -> bool:
    """Equal, or one cut short of the other ('12' / '123', '45' / '145'). A one-digit volume
    is compatible with itself only: a lone digit is what an export leaves of a supplement's
    number ('(SUPPL. 1)' -> '1)', Embase's meeting abstracts), and one digit begins or ends a
    tenth of all volumes by chance, so '1' / '19' would read an abstract's supplement number
    as its article's volume cut short."""
    if a == b:
        return True
    if min(len(a), len(b)) < 2:
        return False
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def volume_is_supplement(ka: Keys, kb: Keys) -> bool:
    """One record's one-digit volume is the other's supplement number: Embase cuts '61 (10
    SUPPL. 1)' to '1)' (volumes_compatible no longer reads a lone digit as cut short)."""
    return (len(ka.volume) == 1 and ka.volume == kb.supplement) or (
        len(kb.volume) == 1 and kb.volume == ka.supplement
    )


def author_similarity(a: str, b: str) -> float | None:
    if not a or not b:
        return None
    n = min(len(a), len(b), 40)
    sim = Indel.normalized_similarity(a[:n], b[:n]) * 100
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if sim < 80 and len(short) >= 4 and (long_.startswith(short) or long_.endswith(short)):
        sim = 90.0  # one list cut to its first author, or 'gonzalez' / 'sanchezdelriogonzalez'
    elif sim < 80 and len(short) >= 5:  # names in another order or form ('lee jooa' / 'jooa lee')
        sim = max(sim, min(85.0, fuzz.partial_ratio(short[:40], long_[:60])))
    return sim


def names_swapped(ka: Keys, kb: Keys) -> bool:
    """One list has each given name in the family-name field: written in full ('Andrea, C.' for
    'Carignani, Andrea'), or a list written surname first read given name first ('Yumin Q.' for
    'Qiu Y.', :func:`names.letters_swapped`)."""
    return (
        (len(ka.given_names) >= 6 and ka.given_names == kb.authors)
        or (len(kb.given_names) >= 6 and kb.given_names == ka.authors)
        or letters_swapped(ka.name_letters, kb.name_letters)
    )


def lists_unmatched(ka: Keys, kb: Keys) -> tuple[int, int]:
    """:func:`names.names_unmatched` of the two records' lists; (0, 0) for a list written
    given name first (:func:`names_swapped`), whose 'surnames' are given names."""
    if names_swapped(ka, kb):
        return 0, 0
    return names_unmatched(ka.surnames, kb.surnames)


def author_score(ka: Keys, kb: Keys) -> float | None:
    """:func:`author_similarity` of the surname keys; 90 for a list written given name first;
    for a first author whose surname one exporter cut at a particle ('Le, Q. M.' / 'Quintrec,
    M.'), the lists compared with one first surname."""
    au = author_similarity(ka.authors, kb.authors)
    if au is None or au >= 90:
        return au
    if names_swapped(ka, kb):
        return 90.0
    if particle_cut_agree(ka.first_person, kb.first_person):
        rest = ka.authors.removeprefix(ka.first_surname)
        return max(au, author_similarity(kb.first_surname + rest, kb.authors) or 0.0)
    return au


def abstracts_agree(a: str, b: str) -> bool:
    """Both abstract keys given (long abstracts only) and the same text bar a few characters,
    spacing and punctuation aside."""
    return (
        bool(a and b)
        and Indel.normalized_similarity(_NOT_WORD.sub("", a), _NOT_WORD.sub("", b)) >= 0.95
    )


ABSTRACT_OPENING = 150  # characters (spacing and punctuation aside) that open an abstract
OPENINGS_ALIKE = 0.8  # a section label or a reworded phrase more or less still scores this


def abstract_openings_differ(a: str, b: str) -> bool:
    """Both abstract keys given and their openings are two texts: not one abstract copied
    by two databases (one may cut it short, drop a section label or change a word, so only
    the opening is compared, and loosely) but two abstracts, of two articles."""
    if not (a and b):
        return False
    oa, ob = (_NOT_WORD.sub("", x)[:ABSTRACT_OPENING] for x in (a, b))
    return Indel.normalized_similarity(oa, ob) < OPENINGS_ALIKE


def notice_copies_article(ka: Keys, kb: Keys) -> bool:
    """One is a correction or retraction notice whose record carries the other's abstract
    (a database copied the article's record): its title is the heading plus the article's title,
    same authors and journal, a year apart at most."""
    notice, article = (ka, kb) if ka.notice else (kb, ka)
    head = _CORRECTION_HEAD.match(notice.title)
    if not head or title_similarity(notice.title[head.end() :], article.title) < 95:
        return False
    au = author_score(ka, kb)
    return (
        (au or 0) >= 95
        and journals_match(ka, kb) is True
        and bool(ka.year and kb.year and abs(ka.year - kb.year) <= 1)
        and abstracts_agree(ka.abstract, kb.abstract)
    )


def locators_differ(ka: Keys, kb: Keys) -> bool:
    """Both records give a volume or first page, and they differ."""
    return bool(ka.volume and kb.volume and ka.volume != kb.volume) or bool(
        ka.first_page
        and kb.first_page
        and ka.first_page != kb.first_page
        and not pages_not_comparable(ka, kb)
    )


def pages_not_comparable(ka: Keys, kb: Keys) -> bool:
    """Pages that differ as written yet may be one article's: a printed page against an
    electronic article number (BMJ '1014' / 'c1804': a journal numbers both), one range in
    common when a record gives several, or only the last page in one record ('488' / '487-488':
    an export that kept the end of the range)."""
    if {ka.page_kind, kb.page_kind} == {"e", "p"}:
        return True
    if not (ka.first_page and kb.first_page):
        return False
    if ka.page_starts or kb.page_starts:  # several ranges: one of them in common
        starts_a = ka.page_starts or {ka.first_page}
        starts_b = kb.page_starts or {kb.first_page}
        if starts_a & starts_b:
            return True
    return (not ka.last_page and ka.first_page == kb.last_page) or (
        not kb.last_page and kb.first_page == ka.last_page
    )


def one_digit_typo(a: str, b: str) -> bool:
    """Two page numbers of three or more digits that differ in one digit ('2297' / '2097')."""
    return len(a) == len(b) >= 3 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def numbers_conflict(ka: Keys, kb: Keys) -> bool:
    """Numbers that tell the titles apart: 'part 1' / 'part 2', or a citation added to one
    ('… (PLoS ONE (2014) 9 7 e1…)', a correction notice); not 'Ca' / 'Ca2+'."""
    a, b = ka.numbers, kb.numbers
    return not (a <= b or b <= a) or len(a ^ b) >= 3


def sections_differ(ka: Keys, kb: Keys) -> bool:
    """A page in a lettered section of an issue ('JC6-9' of ACP Journal Club inside Annals,
    'S14' of a supplement, 'e3' of an abstracts section) against a plain page or a page of
    another section, their numbers not the same: two places in one volume (a journal-club
    summary or a congress abstract shares its article's title, authors and volume). The same
    number with and without its letters ('S345' / '345', Circulation's 'II387' / '387' with
    'II' in the issue) is one page; under two sections' letters it is two ('I221' / 'II221',
    supplements I and II of one volume; 'A14' / 'S14'), unless one export wrote a letter
    before the section's own (:func:`_one_section`). Front matter in Roman numerals and a
    publisher's article id are places of their own (:func:`own_places_differ`)."""
    a, b = ka.page_section, kb.page_section
    return own_places_differ(ka, kb) or (
        ka.page_kind in ("s", "p")
        and kb.page_kind in ("s", "p")
        and a != b
        and (
            bool(a and b)
            and not _one_section(a, b)
            or (ka.first_page or ka.section_number) != (kb.first_page or kb.section_number)
        )
    )


def _one_section(a: str, b: str) -> bool:
    """Two sections' letters that name one section: one export adds a letter before the
    section's own (srsr's 'SB13' / 'B13', an 'S' for the supplement; depression's Life Sciences
    'PL279' / 'L279', its Pharmacology Letters); but two Roman numerals are two supplements
    ('II221' / 'I221')."""
    short, longer = sorted((a, b), key=len)
    return longer.endswith(short) and not (is_roman_numeral(a) and is_roman_numeral(b))


def pages_conflict(ka: Keys, kb: Keys, strict: bool = False) -> bool:
    """Both first pages given and incompatible, or pages in two sections of an issue
    (:func:`sections_differ`); unless ``strict``, a weak page (a page count, page 1 of an
    e-article) is no conflict. The one test of pages every rule reads, through the tally of
    :class:`reviewkit.dedup.pair.Pair` or directly."""
    a, b = _compared_page(ka), _compared_page(kb)
    numbers_differ = bool(a and b) and not pages_compatible(a, b)
    return own_places_differ(ka, kb) or (
        (numbers_differ or sections_differ(ka, kb))
        and (strict or not (ka.page_weak or kb.page_weak))
        and not pages_not_comparable(ka, kb)
    )


def _compared_page(k: Keys) -> str:
    """The first page, or the number of a page in a section of two letters, to which
    pages.page_range gives no first page ('NP456' -> '456': 'NP456' / 'NP472' are two pages
    of one section, as 'S14' / 'S41' are)."""
    return k.first_page or (k.section_number if k.page_kind == "s" else "")


def own_places_differ(ka: Keys, kb: Keys) -> bool:
    """Two items by their pages alone, whatever else agrees (a weak page too): front matter
    against a numbered page or other front matter (:func:`front_matter_differs`), or two
    publisher's article ids that differ ('BSR20210344' / 'BSR20210345': an id is unique at its
    publisher, no export's slip of a page; so no rule reads them as one garbled page)."""
    ids_differ = ka.page_kind == kb.page_kind == "i" and ka.section_number != kb.section_number
    return ids_differ or front_matter_differs(ka, kb)


def front_matter_differs(ka: Keys, kb: Keys) -> bool:
    """One record on front matter in Roman numerals ('xi-xii': an issue's or book's editorial,
    preface or contents), the other on a numbered page ('1-17', even a weak page 1: the first
    article after it), or both on front matter beginning on other pages: two items."""
    kinds = {ka.page_kind, kb.page_kind}
    if "r" not in kinds:
        return False
    if kinds == {"r"}:
        return ka.section_number != kb.section_number
    return bool(kinds & {"p", "s"})


def printed_again_next_volume(ka: Keys, kb: Keys) -> bool:
    """The same article printed again in the next year's volume, page for page (a journal's
    reprint of its own article): the same author list and a long title, consecutive years and
    volumes, and the same number of pages. Call only for pairs whose journal, title and
    abstract already agree."""
    return (
        bool(ka.authors)
        and ka.authors == kb.authors
        and min(len(ka.title), len(kb.title)) >= LONG_TITLE
        and bool(ka.year and kb.year and abs(ka.year - kb.year) == 1)
        and ka.volume.isdigit()
        and kb.volume.isdigit()
        and abs(int(ka.volume) - int(kb.volume)) == 1
        and ka.page_count is not None
        and ka.page_count == kb.page_count
        and not (ka.conference or kb.conference or ka.generic or kb.generic)
    )


def same_place(ka: Keys, kb: Keys) -> bool:
    """Same volume and first page (both given), not in two different issues
    (:func:`issues_differ`) nor in two sections of one (:func:`sections_differ`: 'I221' /
    'II221')."""
    return (
        bool(ka.volume and ka.first_page)
        and ka.volume == kb.volume
        and ka.first_page == kb.first_page
        and not issues_differ(ka, kb)
        and not sections_differ(ka, kb)
    )


def issues_differ(ka: Keys, kb: Keys) -> bool:
    """Both records give a plain issue number of one volume, and they differ. A journal that
    numbers its pages per issue prints page 54 in issue 1 and again in issue 2 of one volume:
    across issues the first page identifies nothing, so volume and page are no evidence of one
    article. An issue field holding a record or article number, a supplement or a date
    (:func:`reviewkit.dedup.venue.issue_number` gives '' for those) says nothing either way."""
    return bool(ka.issue_number and kb.issue_number) and ka.issue_number != kb.issue_number


def translation_at_same_place(ka: Keys, kb: Keys) -> bool:
    """One title is MEDLINE's bracketed translation, the other another database's English
    title, at one place (volume, first page, year) under one author list."""
    return (
        ka.translated != kb.translated
        and same_place(ka, kb)
        and ka.year == kb.year
        and bool(ka.authors)
        and ka.authors == kb.authors
        and journals_match(ka, kb) is not False
    )
