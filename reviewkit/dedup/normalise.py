"""Comparison keys for one Record: folded title, names, journal, pages, identifiers, abstract.

Built once per record and per run with the normalisers of :mod:`reviewkit.records` and the
field modules (:mod:`.titles`, :mod:`.pages`, :mod:`.venue`, :mod:`.names`,
:mod:`.identifiers`), so that scoring compares plain strings and ints only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from reviewkit.dedup.identifiers import doi_key
from reviewkit.dedup.names import (
    LISTED_NAMES,
    author_key,
    first_person_key,
    given_names_key,
    name_letters,
    surnames,
)
from reviewkit.dedup.notice_titles import notice_by_type
from reviewkit.dedup.pages import (
    article_pages,
    front_matter_page,
    page_count,
    page_kind,
    page_range,
    range_starts,
    section_letters,
    supplement_label,
    supplement_number_lost,
    supplement_page,
)
from reviewkit.dedup.populations import population_words
from reviewkit.dedup.registers import is_register_name, record_number
from reviewkit.dedup.titles import (
    is_generic,
    is_notice,
    is_translated,
    letters_heading,
    marks_translation,
    match_title,
    title_numbers,
)
from reviewkit.dedup.venue import (
    embedded_place,
    is_conference,
    is_living_review_journal,
    issue_number,
    journal_qualifier,
    journal_words,
    meeting_editions,
    volume_key,
)
from reviewkit.records import (
    Record,
    normalise_doi,
    normalise_pmcid,
    normalise_pmid,
)

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
    marked_translation: bool  # the title says it is one: brackets, '[German]', original after it
    title_ns: str  # the same without spaces (blocking, prefix tests)
    numbers: frozenset[str]  # numbers and roman numerals in the title (part 1 vs part 2)
    notice: bool  # the title starts like an erratum, reply, comment …
    # the publication types say an erratum, retraction or expression of concern (True), say
    # another kind (False) or are not given (None): notice_titles.notice_by_type
    typed_notice: bool | None
    generic: bool  # a short title that recurs (editorial, editor's comments, preface …)
    conference: bool  # published in conference proceedings (one page holds several abstracts)
    editions: str  # editions a conference's name gives ('22nd ... 21st ...' -> '22 21'), or ''
    living: bool  # in a journal of reviews kept up to date (:func:`is_living_review_journal`)
    year: int | None
    journal: tuple[str, ...]  # folded journal words, stop words and numbers dropped
    journal_qualifier: tuple[str, ...]  # words of NLM's '(Baltimore)' after the name, or ()
    volume: str
    first_page: str
    page_weak: bool  # the first page may be a page count or an e-article's page 1: no conflict
    page_count: int | None  # pages of a 'first-last' range ('46-54' -> 9); None without one
    last_page: str  # digits of the last page of a range; '' for one page
    page_starts: frozenset[str]  # first pages of each range of a multi-range field ('' when one)
    page_kind: str  # 'e' article number ('c1804'), 'p' printed page, 's' section page ('JC6'),
    # 'r' front matter in Roman numerals ('xi-xii'), 'i' an article id of capitals ('EDM210023')
    page_section: str  # the letters of a section page, folded ('jc', 's', 'e'); '' otherwise
    section_number: str  # the number of a section page ('JC6-9' -> '6', 'II387' -> '387'), of
    # front matter ('xi-xii' -> '11'), or an article id ('EDM210023' -> 'edm210023')
    issue: str  # digits of the issue ('' when missing)
    issue_number: str  # a plain issue number of one volume (venue.issue_number); '' if not
    supplement: str  # the number of a supplement the issue or volume names (record_supplement)
    thin: bool  # no journal, volume or page: a registration, a grey report, a bare title
    population: frozenset[str]  # groups the title names (child, adult, female, placebo …)
    authors: str  # folded surnames without spaces, first five authors
    given_names: (
        str  # folded given names the same way ('' unless all are 'Family, Given' with full names)
    )
    first_author: str  # first letters of ``authors``
    first_surname: str  # the first author's surname, folded ('' without authors)
    first_person: str  # the first author in reading order, particles aside (names.first_person_key)
    name_letters: str  # each name's surname and given initial letters (names.name_letters)
    surnames: tuple[str, ...]  # each author's folded surname, particles aside (names.surnames)
    abstract: str  # start and end of the abstract, lower case ('' when short or missing)
    doi: str  # the DOI as compared (:func:`doi_key`)
    pmid: str
    pmcid: str
    # the trial registration number a register's record carries (registers.record_number:
    # its source field, a register's address as its URL, an ISRCTN DOI), canonical; '' if none
    registration: str


# Ovid/Embase put the issue into the volume field ('31 (2) (no pagination)') and an article
# number into the issue field ('7'): the issue in the volume is the issue.
_VOLUME_ISSUE = re.compile(r"^\s*\d+\s*\(\s*(\d+)\s*\)")


_SUPPLEMENT = re.compile(r"(?:\bsuppl(?:ement)?\.?|\bs)\s*(\d+)", re.I)
_SUPPLEMENT_WORD = re.compile(r"\bsuppl(?:ement)?\b", re.I)
# Ovid's citation puts the pages into the issue field ('pp S178', 'pp S600-S601'): a supplement's
# page, not the supplement's number
_PAGE_CITATION = re.compile(r"\b(?:pp\.?|p\.)\s*\S+", re.I)
# a supplement named without a number ('16 Supplement', '3 SUPPL.'): a supplement all the same,
# with no number to compare; never equal to a volume's or an issue's digits
UNNUMBERED_SUPPLEMENT = "s"
# a numbered supplement whose number an export lost ('Suppl-29', pages.supplement_number_lost):
# it may be any supplement's number, and no issue's or volume's
SUPPLEMENT_NUMBER_LOST = "?"


def supplement_number(text: str) -> str:
    """The number of a supplement ('10 SUPPL. 1', 'S3', '31 (Supplement 2)', 'Supplement_1' ->
    '1', '3', '2', '1'; '15_suppl' -> :data:`UNNUMBERED_SUPPLEMENT`);
    :data:`UNNUMBERED_SUPPLEMENT` for one without a number ('16 Supplement'); '' for none, and
    for a page in the field ('pp S178')."""
    # PubMed and Oxford Academic join the supplement to its issue with an underscore
    # ('37(15_suppl)', 'Supplement_1'): a separator like a space, which the word boundaries need
    text = _PAGE_CITATION.sub(" ", (text or "").replace("_", " "))
    m = _SUPPLEMENT.search(text)
    if m:
        return m.group(1).lstrip("0")
    return UNNUMBERED_SUPPLEMENT if _SUPPLEMENT_WORD.search(text) else ""


def record_supplement(issue: str, volume: str, pages: str) -> str:
    """The supplement number of a record: the issue's, else the volume's, else the one MEDLINE
    names before the pages ('Suppl 2:S12-8', :func:`pages.supplement_label`). Exporters name the
    supplement in either field: PubMed/MEDLINE and Scopus in the issue ('10 Suppl 1', 'S3'),
    Ovid/Embase in the volume ('25 (Supplement 1)', '59 (1 Supplement 1)', '23 (S1)'), and a
    volume field may hold the supplement alone ('S4', 'Suppl 12': the journal's volume not
    given). Each field is read on its own: an unnumbered supplement in the issue ('16
    Supplement', '3 SUPPL.') is not numbered by the volume after it (JACC '68' / '16
    Supplement' is issue 16's supplement, not supplement 68)."""
    named = supplement_number(issue) or supplement_number(volume)
    if named or not supplement_number_lost(pages):
        return named or supplement_number(supplement_label(pages))
    return SUPPLEMENT_NUMBER_LOST


def supplements_agree(a: str, b: str) -> bool:
    """Whether two records' supplements (:func:`record_supplement`) may be one: the same, or
    one a supplement whose number was lost and the other a supplement."""
    return a == b or (SUPPLEMENT_NUMBER_LOST in (a, b) and bool(a and b))


def supplement_repeated(pages: str, supplement: str) -> bool:
    """Whether a pages field holding only 'Suppl N' repeats the record's supplement
    (:func:`record_supplement`: 'Suppl 12' beside issue 'Suppl 12'): an export's copy of the
    supplement, no page. Alone it is MEDLINE's page N of a supplement without a number
    (pages.supplement_page); 'Suppl 1-2' is pages 1-2 beside any supplement."""
    page = supplement_page(pages)
    return bool(page) and page.lstrip("0") == supplement


# Ovid/Embase's e-only article, its source line split into fields by EndNote: the volume field
# says '(no pagination)' ('7 (6) (no pagination)', '2015 (no pagination)') and the issue field
# holds the article number ('e38870', '801691', '47'), which stands where the pages would: the
# number is unique within the volume, and other databases write it as the pages. One letter at
# most before the digits (PLoS's 'e', BMJ's 'c'); the volume's own issue repeated is the issue.
# Frontiers' number comes with its word ('Article 280'), as in Ovid's source line (venue). Small
# numbers are article numbers too (BMC's, Frontiers' '7'): in srsr, diabetes and neuroimaging the
# labelled duplicate's page agrees with one of 1-12 taken so 36 times of 39, as often as longer ones.
_NO_PAGINATION = re.compile(r"\(\s*no pagination\s*\)", re.I)
_ARTICLE_NUMBER = re.compile(r"^\s*(?:Article\s+)?([A-Za-z]?\d+)\s*$", re.I)


def issue_article_number(volume: str, issue: str) -> str:
    """The article number an e-only article's export wrote into the issue field beside a volume
    field saying '(no pagination)' ('7 (6) (no pagination)' / 'e38870' -> 'e38870'; 'Article
    280' -> '280'); '' otherwise, and for the volume's own issue repeated ('19 (12) (no pagination)' / '12')."""
    number = _ARTICLE_NUMBER.match(issue or "")
    if not (number and _NO_PAGINATION.search(volume or "")):
        return ""
    return "" if volume_key(issue) == volume_issue(volume) else number.group(1)


def volume_issue(volume: str) -> str:
    """The issue an export wrote inside the volume field ('31 (2) (no pagination)' -> '2')."""
    m = _VOLUME_ISSUE.match(volume or "")
    return m.group(1) if m else ""


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


def _not_year(volume: str, year: int | None) -> str:
    """The volume, '' when it is the record's year (a magazine's, eLife's in Embase)."""
    return "" if year and volume == str(year) else volume


def _volume_and_pages(
    rec: Record, supplement: str, article_number: str
) -> tuple[str, str, str, str]:
    """(volume key, pages as read, first page, last page) of a record: its own fields, else
    what an Ovid/Embase export put into the journal, else ``article_number`` (the one its
    export wrote into the issue field: :func:`issue_article_number`)."""
    pages = article_pages(rec.pages)  # not an author's reply or a discussion printed after it
    if supplement_repeated(rec.pages, supplement):
        pages = ""  # 'Suppl 12' beside issue 'Suppl 12': the supplement again, no page
    page, last = page_range(pages)
    if rec.year and page == str(rec.year):
        page = ""  # a year in the pages field
    volume = _not_year(volume_key(rec.volume), rec.year)  # a year there: magazines
    embedded = embedded_place(rec.journal) if not (volume and page) else None
    if embedded:  # a year in Ovid's volume place too ('eLife.2015 (4) (no pagination) 2015.')
        volume = volume or _not_year(volume_key(embedded[0]), rec.year)
        if not page:
            pages = article_pages(embedded[1])  # 'Suppl 2:981-986', as a pages field is read
            page, last = page_range(pages)
    if article_number and not page:  # read as the pages other exports write it in
        pages = article_number
        page, last = page_range(pages)
    return volume, pages, page, last


def _section_number(kind: str, pages: str) -> str:
    """What places a page of kind 's', 'r' or 'i' (:func:`reviewkit.dedup.pages.page_kind`)."""
    if kind == "s":
        return volume_key(pages)
    if kind == "i":
        return pages.strip().lower()
    return front_matter_page(pages)


def keys_for(record_id: int, rec: Record) -> Keys:
    """The comparison keys of one record."""
    title = match_title(rec.title)
    supplement = record_supplement(rec.issue, rec.volume, rec.pages)
    article_number = issue_article_number(rec.volume, rec.issue)
    volume, pages, page, last = _volume_and_pages(rec, supplement, article_number)
    own_issue = volume_issue(rec.volume)  # the issue an export wrote inside the volume field
    # a lone '16' (a page count or article number) or page 1 (e-only articles: 'pp 1-10') says little
    page_weak = page == "1" or bool(page) and len(page) <= 2 and pages.strip().isdigit()
    kind = page_kind(pages)
    words = title.split()
    authors = author_key(rec.authors)
    # a register's name alone ('ISRCTN', 'ChiCTR') is where the record was found, no journal:
    # without a number or an address it names no trial, so the record is a bare title
    journal = () if is_register_name(rec.journal) else journal_words(rec.journal)
    return Keys(
        id=record_id,
        title=title,
        translated=is_translated(rec.title),
        marked_translation=marks_translation(rec.title or ""),
        title_ns=title.replace(" ", ""),
        numbers=title_numbers(title),
        notice=is_notice(rec.title or "", words),
        typed_notice=notice_by_type(rec.publication_types),
        generic=is_generic(words, journal),
        conference=is_conference(rec.journal),
        editions=meeting_editions(rec.journal),
        living=is_living_review_journal(journal),
        year=rec.year,
        journal=journal,
        journal_qualifier=journal_qualifier(rec.journal) if journal else (),
        volume=volume,
        first_page=page,
        page_weak=page_weak,
        page_count=page_count(pages),
        last_page=last if page else "",
        page_starts=range_starts(rec.pages),  # a database may give the reply's range alone
        page_kind=kind if page or kind in ("s", "r", "i") else "",  # not a year in the pages field
        page_section=section_letters(pages) if kind == "s" else "",
        section_number=_section_number(kind, pages),
        # an article number in the issue field is no issue: the volume field's is
        issue=volume_key(own_issue if article_number else rec.issue),
        # nor a plain issue number ('9 (no pagination)' / '8': BMC's article 8, not issue 8)
        issue_number=issue_number(own_issue or ("" if article_number else rec.issue)),
        supplement=supplement,
        # An issue alone is no place: without a journal it names no publication. An issue of
        # one volume (1-53) recurs in every volume of every journal; a larger number is a
        # record or article number, an issue numbered across volumes, or a series' volume
        # written into the issue (of the ten bib-dedupe sets' records without journal or
        # volume, 19 cardiac ones hold a number there, 'i=793', '1095', all with pages, so
        # not thin; depression's 9 hold 'var.pagings'). Such a record
        # without its pages is a bare title: a person decides it at most (title_only_record),
        # a queued pair, never a false merge of a registration or report beside its article.
        thin=not (journal or volume or page),
        population=population_words(words),
        authors=authors,
        given_names=given_names_key(rec.authors),
        first_author=authors[:8],  # the start of the surname list: enough for a blocking key
        first_surname=author_key(rec.authors, limit=1),
        first_person=first_person_key(rec.authors),
        name_letters=name_letters(rec.authors),
        # a record of letters printed together lists every letter's and the reply's authors,
        # three or four a letter: a letter by its fourth writer is found only past the tenth
        surnames=surnames(rec.authors, limit=None if letters_heading(title) else LISTED_NAMES),
        abstract=abstract_key(rec),
        doi=doi_key(normalise_doi(unquote(rec.doi)) if "%" in rec.doi else rec.doi),
        pmid=normalise_pmid(rec.pmid),
        pmcid=normalise_pmcid(rec.pmcid),
        registration=record_number(rec.journal, rec.url, rec.doi),
    )
