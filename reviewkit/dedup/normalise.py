"""Comparison keys for one Record: folded title, names, journal, pages, identifiers, abstract.

Built once per record and per run with the normalisers of :mod:`reviewkit.records`, so that
scoring compares plain strings and ints only.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from reviewkit.records import (
    Record,
    fold_text,
    normalise_doi,
    normalise_pages,
    normalise_pmcid,
    normalise_pmid,
    normalise_title,
)

# Words that mark a record about another record (not a copy of it).
NOTICE_WORDS = frozenset(
    [
        "erratum",
        "errata",
        "corrigendum",
        "correction",
        "corrections",
        "retraction",
        "retracted",
        "reply",
        "response",
        "comment",
        "comments",
        "commentary",
        "letter",
        "editorial",
    ]
)
# Words of titles that recur in every issue ('Editorial', "Editor's comments", 'Preface').
GENERIC_WORDS = NOTICE_WORDS | frozenset(
    [
        "editor",
        "editors",
        "preface",
        "foreword",
        "introduction",
        "remarks",
        "notes",
        "note",
        "news",
        "announcement",
        "announcements",
        "issue",
        "acknowledgement",
        "acknowledgements",
        "reviewers",
    ]
)
_GENERIC_MAX_WORDS = 10
# 'Author reply: …', 'In response to …', 'A comment on …': a notice whose first word is not one
_REPLY_LEADS = frozenset(["author", "authors", "in", "a", "our"])
_REPLY_WORDS = frozenset(["reply", "replies", "response", "comment", "comments"])
_RE_HEAD = re.compile(r"\s*re\s*:", re.I)  # 'Re: Title' (a letter); not 'Re-examining …'
# A correction titled with the article it corrects and that article's place at the end: Web of
# Science 'Title (vol 85, pg 553, 2010)', Embase 'Title (New England Journal of Medicine (2009)
# 360 (542-544))'. A notice; the tail is dropped from the title compared, so that two records
# of one correction agree (the article's own record has no such tail, and differs as a notice).
_CORRECTION_TAIL = re.compile(
    r"\s*\((?:\s*vol\.?\s*\w+\s*,\s*pg\.?\s*\w+\s*,\s*(?:19|20)\d\d\s*"
    r"|[A-Z][^()]*\((?:19|20)\d\d\)\s*\w+\s*(?:\([^()]*\)\s*)+)\)\s*\.?\s*$",
    re.I,
)
# Embase, Ovid and Scopus give a comment the title of the article it comments on, followed by
# what it is: 'Atypical HUS: what is new Editorial Comment'. Two words at the end, both needed
# ('… : a commentary' alone may end an ordinary article's title).
_NOTICE_TAILS = frozenset(
    [
        ("editorial", "comment"),
        ("editorial", "comments"),
        ("invited", "comment"),
        ("invited", "commentary"),
        ("author", "reply"),
        ("authors", "reply"),
    ]
)
# Ovid/Embase exports put volume, issue and pages into the journal: 'Obesity.18 (6) ()(pp 1260-1265) 2010'
# (also without volume or issue: 'Die Medizinische Welt.10 ()(pp 535-536)', 'J Clin Invest.()(pp 607-612)')
_EMBEDDED = re.compile(r"\.\s*(?=\d|\(\s*\))")  # also "L'Encephale.21 Spec No 2 ()(pp 1-78)"
_EMBEDDED_PARTS = re.compile(r"\.\s*(\d+)?\s*(?:\([^)]*\)\s*)*\(pp\s*([^)]*)\)")
_JOURNAL_STOP = frozenset(
    [
        "the",
        "of",
        "and",
        "in",
        "for",
        "on",
        "de",
        "der",
        "die",
        "und",
        "la",
        "le",
        "l",
        "les",
        "des",
        "du",
        "del",
        "della",
        "il",
        "el",
        "i",
        "y",
        "et",
        "&",
    ]
)
# A journal's subtitle or translated name: 'Daru : journal of ...', 'Zhen ci yan jiu = Acupuncture research'
_JOURNAL_SUBTITLE = re.compile(r"\s+[:=/]\s+")
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.\s?)+$")
_LANGUAGE_NOTE = re.compile(
    r"\s*[\[(](?:in\s+)?[A-Za-z]+(?:\s+with\s+[A-Za-z]+\s+abstract)?[\])]\.?\s*$", re.I
)
# Embase appends the original-language title: 'Title. Chinese' / 'Title. Czech Metabolismus ...'
_LANGUAGES = (
    "chinese|japanese|korean|russian|german|french|spanish|italian|portuguese|polish|czech|"
    "dutch|danish|swedish|norwegian|finnish|hungarian|turkish|greek|hebrew|persian|croatian|serbian"
)
_TRANSLATION_TAIL = re.compile(rf"[.?!]\s+(?:{_LANGUAGES})\b.*$", re.I)
# MEDLINE's mark of a title it translated into English: the whole title in square brackets,
# perhaps with the language after it ('[Title]. [Spanish]'); the original is elsewhere.
_BRACKETED = re.compile(r"^\s*\[[^\[\]]+\]\s*\.?\s*(?:\[[A-Za-z ]+\]\s*\.?\s*)?$")
# ('proceedings' alone is no sign: Proceedings of the National Academy of Sciences, Mayo Clinic Proceedings)
_CONFERENCE = re.compile(r"\b(?:conference|congress|meeting|symposium)\b", re.I)
_SPREADSHEET_ERROR = re.compile(r"^#(?:NAME\?|VALUE!|REF!|N/A|DIV/0!|NUM!|NULL!)$")
_NUMBER = re.compile(r"\d+")
_ROMAN = re.compile(r"\b(?:i{1,3}|iv|v|vi{1,3}|ix|x)\b")
_ROMAN_VALUES = {
    r: str(n)
    for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"], 1)
}
_LETTER_RUN = re.compile(
    r"\b[ivx](?: [ivx]\b)+"
)  # "i v" (from "i.v."): one token before roman numerals
# Pages a spreadsheet turned into dates: '01-Oct' (pages 1-10), 'Jan-78' (pages 1-78).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE_PAGES = re.compile(r"^\s*(?:(\d{1,2})-([A-Za-z]{3})|([A-Za-z]{3})-(\d+))\s*$")
# component DOIs: a figure, table or supplement of an article ('.g001', '.t002', '.s001', '.001')
_DOI_COMPONENT = re.compile(
    r"^(10\.1371/journal\.\w+\.\d{7}|10\.7554/elife\.\d+)\.[a-z]{0,2}\d{3}$"
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_COCHRANE_VERSION = re.compile(r"^(10\.1002/14651858cd\d+)pub\d+$")
_PAGE_RANGE = re.compile(r"[A-Za-z]?(\d+)-[A-Za-z]?(\d+)")
# Electronic article numbers: PLoS-style 'e0094853', BMJ's 'c1804' / 'b2345' (a lower-case
# letter for the year's series). Upper-case letters before a page ('A486', 'S321', 'E200')
# number the pages of a supplement of abstracts: printed pages, compared by their digits, of
# kind 's' (a section page, below) so that they are not taken for a plain page of the volume.
_ELOCATOR = re.compile(r"^(?:[eE]\d{4,}|[a-d]\d{3,})$")
# A page in a lettered section of an issue: 'JC6-9' (ACP Journal Club printed inside Annals),
# 'S14' (a supplement), 'A486' (abstracts). Another place in the volume than plain page 6.
# Not a publisher's manuscript id ('ddq316': three lower-case letters), which names no page.
_SECTION_PAGE = re.compile(r"^(?:[A-Za-z]{1,2}|[A-Z]{3,4})\d")
# Abstracts: shorter ones are often boilerplate ('No abstract available', a copyright line);
# longer ones are compared by their opening and their end, enough to tell one text from another.
_ABSTRACT_MIN = 300
_ABSTRACT_PART = 200


@dataclass(slots=True)
class Keys:
    """What dedup compares for one record (all folded; '' / None when missing)."""

    id: int
    title: str  # folded, bracketed translation marker removed
    translated: bool  # the title is MEDLINE's bracketed translation ('[Title]')
    title_ns: str  # the same without spaces (blocking, prefix tests)
    numbers: frozenset[str]  # numbers and roman numerals in the title (part 1 vs part 2)
    notice: bool  # the title starts like an erratum, reply, comment …
    generic: bool  # a short title that recurs (editorial, editor's comments, preface …)
    conference: bool  # published in conference proceedings (one page holds several abstracts)
    living: bool  # in a journal of reviews kept up to date (:func:`is_living_review_journal`)
    year: int | None
    journal: tuple[str, ...]  # folded journal words, stop words and numbers dropped
    volume: str
    first_page: str
    page_weak: bool  # the first page may be a page count or an e-article's page 1: no conflict
    page_count: int | None  # pages of a 'first-last' range ('46-54' -> 9); None without one
    last_page: str  # digits of the last page of a range; '' for one page
    page_starts: frozenset[str]  # first pages of each range of a multi-range field ('' when one)
    page_kind: str  # 'e' article number ('c1804'), 'p' printed page, 's' section page ('JC6')
    page_section: str  # the letters of a section page, folded ('jc', 's', 'e'); '' otherwise
    section_number: str  # the number of a section page ('JC6-9' -> '6', 'II387' -> '387')
    issue: str  # digits of the issue ('' when missing)
    thin: bool  # no journal, volume or page: a registration, a grey report, a bare title
    population: frozenset[str]  # groups the title names (child, adult, female, placebo …)
    authors: str  # folded surnames without spaces, first five authors
    given_names: (
        str  # folded given names the same way ('' unless all are 'Family, Given' with full names)
    )
    first_author: str  # first letters of ``authors``
    abstract: str  # start and end of the abstract, lower case ('' when short or missing)
    doi: str  # the DOI as compared (:func:`doi_key`)
    pmid: str
    pmcid: str


def surname(author: str) -> str:
    """'Adeli, K.' / 'Adeli K' / 'van der Pol C. B.' -> the family-name part."""
    author = author.strip()
    if "," in author:
        return author.split(",", 1)[0]
    parts = author.split()
    while len(parts) > 1 and _INITIAL.match(parts[-1]):
        parts.pop()
    return " ".join(parts)


def author_key(authors: list[str], limit: int = 5) -> str:
    """Folded surnames of the first ``limit`` authors, without spaces or lone initials."""
    folded = fold_text(" ".join(surname(a) for a in authors[:limit]))
    return "".join(w for w in folded.split() if len(w) > 1)


def given_names_key(authors: list[str], limit: int = 5) -> str:
    """Folded given names of the first ``limit`` authors, without spaces or initials: what
    :func:`author_key` gives for a list that put each given name in the family-name field
    ('Carignani, Andrea' -> 'andrea', as in 'Andrea, C.'). '' unless every author is written
    'Family, Given'."""
    given = [a.split(",", 1)[1] for a in authors[:limit] if "," in a]
    if not given or len(given) < len(authors[:limit]):
        return ""
    return "".join(w for w in fold_text(" ".join(given)).split() if len(w) > 1)


def abstract_key(rec: Record) -> str:
    """Start and end of the abstract in lower case (section labels left out); '' when it is
    shorter than 300 characters. Not folded here: few pairs ever compare abstracts, and
    :func:`reviewkit.dedup.score.abstracts_agree` ignores spacing and punctuation."""
    text = " ".join(s.text for s in rec.abstract_sections)
    if len(text) < _ABSTRACT_MIN:
        return ""
    if len(text) > 2 * _ABSTRACT_PART:
        text = text[:_ABSTRACT_PART] + " " + text[-_ABSTRACT_PART:]
    return text.lower()


@lru_cache(maxsize=65536)
def journal_words(journal: str) -> tuple[str, ...]:
    """'The Journal of Clinical Psychiatry' -> ('journal', 'clinical', 'psychiatry')."""
    journal = _EMBEDDED.split(journal, maxsplit=1)[0]  # 'Neuroscience.169 (1) ()(pp 171-181) 2010'
    journal = re.split(
        r"\.\s*(?:conference|meeting|congress|supplement)\b", journal, maxsplit=1, flags=re.I
    )[0]
    journal = _JOURNAL_SUBTITLE.split(journal, maxsplit=1)[0] or journal
    words = [w for w in fold_text(journal).split() if w not in _JOURNAL_STOP and not w.isdigit()]
    return tuple(words[:8])


def first_page(pages: str) -> str:
    """Digits of the first page: '0221-8' -> '221'; 'S14-7' -> '14'; 'e0123' -> '123'; 'nov' -> '';
    pages a spreadsheet read as a date: '01-Oct' -> '1', 'Jan-78' -> '1'; dates and article ids
    ('2010/04', 'ddq316') -> ''; several ranges in any order: the lowest ('260, 245-253' -> '245')."""
    return page_range(pages)[0]


def page_range(pages: str) -> tuple[str, str]:
    """(first page, last page) as digits; the last is '' for one page or no range.

    Several ranges ('S12-S14, S8'), which databases list in different orders, give the range of
    the lowest first page: the order is an export's choice, not the article's."""
    if "," in pages or ";" in pages:
        ranges = [page_range(part) for part in re.split(r"[,;]", pages)]
        ranges = [r for r in ranges if r[0]]
        return min(ranges, key=lambda r: int(r[0])) if ranges else ("", "")
    if "/" in pages or re.match(r"\s*[A-Za-z]{2,}\d", pages or ""):
        return (
            "",
            "",
        )  # a date ('2010/04') or an article id ('ddq316', 'RRN1281'): no page to compare
    date = _DATE_PAGES.match(pages or "")
    if date:  # a spreadsheet made a date of 'first-last': the month is a page number
        day, month, month2, last = date.groups()
        if day and month.lower() in _MONTHS:
            return day.lstrip("0"), str(_MONTHS.index(month.lower()) + 1)
        if month2 and month2.lower() in _MONTHS:
            return str(_MONTHS.index(month2.lower()) + 1), last.lstrip("0")
    first, _, last = normalise_pages(pages).partition("-")
    first, last = re.sub(r"\D", "", first).lstrip("0"), re.sub(r"\D", "", last).lstrip("0")
    return first, (last if last != first else "")


def range_starts(pages: str) -> frozenset[str]:
    """First pages of each range of a field with several ('E14; discussion 328-9' -> 14, 328);
    empty for one range. Databases list the ranges of one article in different orders, or
    keep only one of them."""
    parts = re.split(r"[,;]", pages or "")
    if len(parts) < 2:
        return frozenset()
    starts = (page_range(re.sub(r"^\s*[A-Za-z ]{2,}", "", part))[0] for part in parts)
    return frozenset(s for s in starts if s)


def page_kind(pages: str) -> str:
    """'e' for an electronic article number ('c1804', 'e0094853'), 'p' for a printed page
    number ('1014', '487-488'), 's' for a page of a lettered section ('JC6-9', 'S14', 'A486'),
    '' for anything else (roman numerals, no pages)."""
    pages = (pages or "").strip()
    if _ELOCATOR.match(pages):
        return "e"
    if _SECTION_PAGE.match(pages):
        return "s"
    return "p" if pages[:1].isdigit() else ""


def _section_letters(pages: str) -> str:
    """The letters that name the section of a section page ('JC6-9' -> 'jc', 'e8-e9' -> 'e',
    'S14' -> 's'); call for a page of kind 's'."""
    return re.match(r"[A-Za-z]*", pages.strip()).group(0).lower()


def _number_of(pages: str) -> str:
    m = _NUMBER.search(pages)
    return m.group(0).lstrip("0") if m else ""


def doi_key(doi: str) -> str:
    """A normalised DOI as dedup compares it: the DOI of a figure or table gives its article's
    (PLoS '….0094853.g001', eLife '….06487.001'), and the suffix loses its punctuation, which
    exports drop or change ('10.3402/fnr.v57i0.21245' ~ '10.3402/fnrv57i0.21245')."""
    doi = _DOI_COMPONENT.sub(r"\1", doi.lower())
    prefix, slash, suffix = doi.partition("/")
    return prefix + slash + _NOT_ALNUM.sub("", suffix) if slash else doi


def doi_work(doi: str) -> str:
    """The DOI of the work a :func:`doi_key` belongs to: a Cochrane review's versions share
    one ('10.1002/14651858cd009622pub2' -> '10.1002/14651858cd009622'); other DOIs are their own."""
    return _COCHRANE_VERSION.sub(r"\1", doi)


def is_living_review_journal(journal: tuple[str, ...]) -> bool:
    """A journal of reviews kept up to date, each version a new record of one review: the
    Cochrane Database of Systematic Reviews, BMJ Clinical Evidence (:func:`journal_words`)."""
    return journal[:2] == ("cochrane", "database") or (
        len(journal) >= 3
        and journal[0] == "bmj"
        and journal[1].startswith("clin")
        and journal[2].startswith("evid")
    )


def page_count(pages: str) -> int | None:
    """Pages in a 'first-last' range: '46-54' -> 9, '273-6' -> 4; None for one page, an
    e-locator or a range that runs backwards or past 999 pages."""
    m = _PAGE_RANGE.fullmatch(normalise_pages(pages))
    if not m:
        return None
    count = int(m.group(2)) - int(m.group(1)) + 1
    return count if 1 < count < 1000 else None


def match_title(title: str) -> str:
    """Folded title without a bracketed translation marker or a trailing '[Japanese]' note."""
    title = title or ""
    if _SPREADSHEET_ERROR.match(title.strip()):
        return ""  # '#NAME?' left by a spreadsheet: no title
    if "\u00e2\u0080" in title:  # UTF-8 read as Latin-1 ('â\x80\x98Shine')
        with contextlib.suppress(UnicodeError):
            title = title.encode("latin-1").decode("utf-8")
    for _ in range(3):  # '[Title]. [Japanese]' and 'Title. German Originaltitel' may stack
        stripped = _TRANSLATION_TAIL.sub("", _LANGUAGE_NOTE.sub("", title))
        if stripped == title:
            break
        title = stripped
    return normalise_title(_CORRECTION_TAIL.sub("", title))


def volume_key(volume: str) -> str:
    m = re.search(r"\d+", volume or "")
    return m.group(0).lstrip("0") if m else ""


def title_numbers(title: str) -> frozenset[str]:
    """Numbers ('A(1)' and 'A1' alike) and roman numerals, as digits ('part II' = 'part 2'),
    of a folded title."""
    joined = _LETTER_RUN.sub(lambda m: m.group(0).replace(" ", ""), title)
    romans = (_ROMAN_VALUES.get(r, r) for r in _ROMAN.findall(joined))
    return frozenset(_NUMBER.findall(title.replace(" ", ""))) | frozenset(romans)


def standalone_numbers(title: str) -> frozenset[str]:
    """Numbers of a folded title that stand as words ('part 2', 'phase III', 'study 1'), as
    digits; not those inside a name ('p16ink4a', 'a2a', 'cd4')."""
    return frozenset(
        _ROMAN_VALUES.get(w, w.lstrip("0") or "0")
        for w in title.split()
        if w.isdigit() or w in _ROMAN_VALUES
    )


def is_notice(raw_title: str, words: list[str]) -> bool:
    """The title heads a record about another one: an erratum, a reply, a comment, a letter
    ('Re: …'), ends like a database's label for a comment ('… Editorial Comment') or with the
    place of the article a correction corrects ('… (vol 85, pg 553, 2010)'); from the
    folded ``words`` of the title and the title as written."""
    return bool(words) and (
        words[0] in NOTICE_WORDS
        or "erratum" in words[:4]
        or (len(words) > 1 and words[0] in _REPLY_LEADS and words[1] in _REPLY_WORDS)
        or bool(_RE_HEAD.match(raw_title))
        or bool(_CORRECTION_TAIL.search(raw_title))
        or tuple(words[-2:]) in _NOTICE_TAILS
    )


# Words of a title that name a population, an age group, a sex or a trial arm, by group.
# Two registrations or reports that differ in one of these ('Pediatric …' / 'Adult …',
# '… in men' / '… in women') are about different people, however alike the rest of the title.
_POPULATION_GROUPS = {
    "child": "child children childhood paediatric pediatric paediatrics pediatrics kids",
    "adolescent": "adolescent adolescents adolescence youth youths teenagers teens",
    "adult": "adult adults",
    "older": "elderly geriatric",
    "infant": "infant infants neonatal neonate neonates newborn newborns preterm",
    "male": "men male males boys",
    "female": "women female females girls",
    "placebo": "placebo sham",
}
POPULATION_WORDS = {w: g for g, words in _POPULATION_GROUPS.items() for w in words.split()}


def population_words(words: list[str]) -> frozenset[str]:
    """The population groups named by the folded words of a title ('paediatric' -> 'child')."""
    return frozenset(POPULATION_WORDS[w] for w in words if w in POPULATION_WORDS)


def keys_for(record_id: int, rec: Record) -> Keys:
    """The comparison keys of one record."""
    title = match_title(rec.title)
    pages = rec.pages
    volume, page = volume_key(rec.volume), first_page(pages)
    if rec.year and page == str(rec.year):
        page = ""  # a year in the pages field
    if rec.year and volume == str(rec.year):
        volume = ""  # a year in the volume field (magazines)
    embedded = _EMBEDDED_PARTS.search(rec.journal) if not (volume and page) else None
    if embedded:
        volume = volume or volume_key(embedded.group(1) or "")
        if not page:
            pages = embedded.group(2)
            page = first_page(pages)
    # a lone '16' (a page count or article number) or page 1 (e-only articles: 'pp 1-10') says little
    page_weak = page == "1" or bool(page) and len(page) <= 2 and pages.strip().isdigit()
    kind = page_kind(pages)
    words = title.split()
    authors = author_key(rec.authors)
    journal = journal_words(rec.journal)
    return Keys(
        id=record_id,
        title=title,
        translated=bool(_BRACKETED.match(rec.title or "")),
        title_ns=title.replace(" ", ""),
        numbers=title_numbers(title),
        notice=is_notice(rec.title or "", words),
        generic=len(words) <= _GENERIC_MAX_WORDS and not GENERIC_WORDS.isdisjoint(words),
        conference=bool(_CONFERENCE.search(rec.journal)),
        living=is_living_review_journal(journal),
        year=rec.year,
        journal=journal,
        volume=volume,
        first_page=page,
        page_weak=page_weak,
        page_count=page_count(pages),
        last_page=page_range(pages)[1] if page else "",
        page_starts=range_starts(pages),
        page_kind=kind if page or kind == "s" else "",  # not a year in the pages field
        page_section=_section_letters(pages) if kind == "s" else "",
        section_number=_number_of(pages) if kind == "s" else "",
        issue=volume_key(rec.issue),
        thin=not (journal or volume or page),
        population=population_words(words),
        authors=authors,
        given_names=given_names_key(rec.authors),
        first_author=authors[:8],  # the start of the surname list: enough for a blocking key
        abstract=abstract_key(rec),
        doi=doi_key(normalise_doi(unquote(rec.doi)) if "%" in rec.doi else rec.doi),
        pmid=normalise_pmid(rec.pmid),
        pmcid=normalise_pmcid(rec.pmcid),
    )
