"""Page fields as dedup compares them: first and last page, several ranges, e-locators,
section pages ('JC6-9', 'S14'), pages a spreadsheet turned into dates."""

from __future__ import annotations

import re

from reviewkit.records import PAGE_RANGE, normalise_pages

# Pages a spreadsheet turned into dates: '01-Oct' (pages 1-10), 'Jan-78' (pages 1-78).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE_PAGES = re.compile(r"^\s*(?:(\d{1,2})-([A-Za-z]{3})|([A-Za-z]{3})-(\d+))\s*$")
# Electronic article numbers: PLoS-style 'e0094853', BMJ's 'c1804' / 'b2345' (a lower-case
# letter for the year's series). Upper-case letters before a page ('A486', 'S321', 'E200')
# number the pages of a supplement of abstracts: printed pages, compared by their digits, of
# kind 's' (a section page, below) so that they are not taken for a plain page of the volume.
# AAAS's locators (Science Translational Medicine, Science Signaling, Science Immunology): the
# issue's number, two lower-case letters for the article's type and its number in the issue,
# '201ra120' (research article 120 of issue 201), '74ec35' (editor's choice), '116ps1', '310re9'
# (ten sets: 13 fields, PubMed's and other databases' alike). No page: read as a printed page
# its digits ran together ('74ec35' as page 7435), a page count, a last page alone or a one-digit
# slip read as of print. Its digits stay the first page, as written on both sides; one letter
# after digits is a supplement's page ('2S24', '1s35-42': issue 2, supplement page 24), no locator.
_ELOCATOR = re.compile(r"^(?:[eE]\d{4,}|[a-d]\d{3,}|\d+[a-z]{2}\d+)$")
# A page in a lettered section of an issue: 'JC6-9' (ACP Journal Club printed inside Annals),
# 'S14' (a supplement), 'A486' (abstracts). Another place in the volume than plain page 6.
# Not a publisher's manuscript id ('ddq316': three lower-case letters), which names no page,
# nor a publisher's article id of three or four capitals ('EDM210023' Bioscientifica,
# 'BSR20210344' Portland, 'JCO2003307' ASCO, 'MCB0023421' ASM, 'RRN1281' PLoS Currents,
# 'ECR40' Haematologica): the PubMed snapshot's 8 fields of that shape and the ten sets' 2 are
# all ids (a section's letters are one or two; three capitals before a page are a supplement's
# Roman numeral, 'III326', read by _ROMAN_SECTION). Read as a section, an id had set its
# article apart from another export's pages ('21-0023'). Kind 'i': no page, but two such ids
# that differ are two articles (an id is unique at its publisher). Two letters before five
# digits or more are an id too, in any case (ASM's 'JB0022421' as its 'MCB0023421',
# Cochrane's 'CD001725', 'Cd003177' and 'ED000078', the Endocrine Society's 'me20090123': the
# snapshot's 19, 13 Cochrane and 6 ASM; the ten sets' 368, 366 Cochrane): a section of two
# letters ('NP456', 'CR12', 'JC6') runs to hundreds of pages, not tens of thousands (no such
# field in the ten sets or the snapshot).
_SECTION_PAGE = re.compile(r"^[A-Za-z]{1,2}\d")
_ARTICLE_ID = re.compile(r"^(?:[A-Z]{3,4}\d+|[A-Za-z]{2}\d{5,})$")
# MEDLINE's label of an issue's part with no page after it ('Pt 1', 'Pt 1/-', 'Part 2': the
# pages lost): it names where in the issue, no page and no section of pages.
_PART_ALONE = re.compile(r"^\s*(?:pt|part)\.?\s*\d+\s*(?:/\s*-?\s*)?$", re.I)
# An article number Ovid writes after '(no pagination)' ('(no pagination)(19)', as its source
# line gives 'Mediators Inflamm 2016 (no pagination) (6305735)'): the article's number in its
# volume, an electronic locator, not printed page 19.
_NO_PAGINATION_NUMBER = re.compile(r"^\s*\(\s*no\s*pagination\s*\)\s*\(\s*[A-Za-z]?\d+\s*\)", re.I)
# MEDLINE's pagination of an article with a piece printed after it: the article's own range
# first, then the piece's pages under a label ('1327-8; author reply 1328', '555-63; discussion
# 563-4', '352-8; quiz 359'; exports also run it together, 'authorreply1328', or misspell it,
# 'disscussion'). Another database's record of the article (Embase, Web of Science) gives the
# article's range alone ('1327-1328'), and the labelled pages may come before it in the volume
# ('623-9; discussion 5A-6A'): the labelled part is not where the article is.
# After the range MEDLINE may also note where else the article is named or goes on, with no page
# of it: 'contd', 'concl' and 'passim' (NLM's indexing manual, ch. 10), '384-91, table of
# contents' (its abstract in the contents; exports cut it to 'table'), '168-72, inside
# back cover', '265-70, 1st contents page'. Read with the range (spaces are gone from a
# Record's pages), they had made its last page '91' or '701'.
_LABELLED_PART = re.compile(
    r"[;:,]?\s*(?:author\s*reply|reply|dis+cussion|quiz|passim|contd|concl"
    r"|tables?(?:\s*of\s*contents)?|inside(?:\s*(?:front|back)\s*cover)?|(?:front|back)\s*cover"
    r"|\d(?:st|nd|rd|th)\s*contents\s*page)",
    re.IGNORECASE,
)


# MEDLINE's 'N p following M' (NLM's indexing manual, ch. 10): N pages printed without numbers
# after page M ('352-8; quiz 2 p following 359'). No page of it has a number to compare; its
# digits run together ('2pfollowing359') had read as page 2359.
_UNNUMBERED = re.compile(r"\d+\s*p\.?\s*following\s*\d+", re.IGNORECASE)
# A supplement's pages numbered under its Roman numeral: Circulation's 'II-221-5' and 'II221-
# II226' (supplement II, pages 221-226), Oxford journals' 'iii613-iii614'. Pages of a lettered
# section (kind 's', below) whose number is the part after the numeral; not an article id
# ('ddq316', 'RRN1281'), which no numeral starts.
# Numerals up to xxxix: Oxford journals number supplements past ten ('xi221', 'xii12-xii15').
_ROMAN = r"(?:x{0,3}(?:ix|iv|vi{0,3}|i{1,3})|x{1,3})"
_ROMAN_SECTION = re.compile(rf"(?:^|(?<=-))\s*{_ROMAN}-?(?=\d)", re.IGNORECASE)


def is_roman_numeral(letters: str) -> bool:
    """Whether a section's letters are a supplement's Roman numeral ('ii', 'iv'), as
    :data:`_ROMAN_SECTION` reads them."""
    return bool(re.fullmatch(_ROMAN, letters, re.IGNORECASE))


# MEDLINE's label of the part the pages are in, before a colon (NLM's indexing manual,
# ch. 10, for an issue field that does not give it): 'Suppl 2:S12-8', 'Suppl:171-4', 'Suppl
# A:A12-9' (a lettered supplement: 'SupplA:A12-9' once a Record drops the blanks, so one letter
# before the colon is the label's, not the start of another word), 'Spec No:R187-93', 'Pt
# 2:221-5'. Embase and Scopus write the supplement in the issue ('SUPPL. 2') and the pages
# alone ('S12-S18'): the pages are what follows the colon.
# An unnumbered supplement MEDLINE writes without a colon, its pages right after the word
# ('suppl 7-8', 'SUPPL 9-10', 'Suppl. 7': a numbered one always takes the colon). Without a
# colon or a page after the word ('Suppl-29', a converter's remnant of 'Suppl 3:S417-29') no
# page is read but the last page's digits, as before.
_PART_LABEL = re.compile(
    r"^\s*(?:(?:suppl(?:ement)?|spec(?:ial)?\s*(?:no|iss(?:ue)?)|pt|part)(?:(?![a-z])|(?=[a-z]:))"
    r"[^:;,]{0,12}:"
    r"\s*(?=\S)|suppl(?:ement)?\.?\s*(?=\d+(?:-\d+)?\s*(?:[;,]|$)))",
    re.IGNORECASE,
)
# The supplement that label names: 'Suppl 2:S12-8' -> 'Suppl 2'; 'Suppl:171-4' and 'suppl 7-8'
# -> 'Suppl' (a supplement without a number). Read by normalise.record_supplement where the
# issue and the volume name none and the field is no converter's 'Suppl-29' (which names a
# numbered supplement whose number is lost: supplement_number_lost).
_SUPPLEMENT_LABEL = re.compile(
    r"^\s*(suppl(?:ement)?(?:(?![a-z])|(?=[a-z]:))\.?\s*(?:\d+\s*(?=:))?)", re.I
)


# A converter's remnant of MEDLINE's 'Suppl 3:S417-29': the word and the last page's digits
# ('Suppl-29'), the supplement's number and the first page lost. 60 page fields of the ten
# labelled sets (depression 42, cytology 18); the true copy of each cytology one gives the
# supplement's pages ('S417-S429', once under '24 Suppl 3'): the 'N' is no supplement's number
# and no page, and the supplement is numbered, its number lost.
_SUPPLEMENT_REMNANT = re.compile(r"^\s*suppl(?:ement)?\.?\s*-\s*\d+\s*$", re.IGNORECASE)


def supplement_number_lost(pages: str) -> bool:
    """Whether the pages field is a converter's remnant naming a supplement whose number it
    lost ('Suppl-29', :data:`_SUPPLEMENT_REMNANT`)."""
    return bool(_SUPPLEMENT_REMNANT.match(pages or ""))


def supplement_page(pages: str) -> str:
    """The page of a field holding only MEDLINE's unnumbered supplement and one page ('Suppl
    12' -> '12', :data:`_PART_LABEL` without a colon); '' for any other field, a range ('suppl
    7-8') among them. The PubMed snapshot's 8 such fields are pages: 'suppl 7' in issues 10,
    12, 13, 20, 22 and 28 of one volume is page 7 of each issue's supplement, not a supplement
    7 of each; an export may write the supplement its issue names there again (no page)."""
    m = _PART_LABEL.match(pages or "")
    page = pages[m.end() :].strip() if m and ":" not in m.group(0) else ""
    return page if page.isdigit() else ""


def supplement_label(pages: str) -> str:
    """The supplement MEDLINE names before the pages ('Suppl 2:S12-8' -> 'Suppl 2', 'suppl
    7-8' -> 'suppl'); '' when the field opens with no supplement's label ('S12-S18' is a
    supplement's page, naming no supplement; 'Pt 2:221-5' another part of the issue)."""
    m = _SUPPLEMENT_LABEL.match(pages or "")
    return m.group(1) if m else ""


def _without_part_label(pages: str) -> str:
    """A range without MEDLINE's label of the issue's part before it (:data:`_PART_LABEL`):
    'Suppl 2:S12-8' -> 'S12-8'. Read off each range of a field with several ('Pt 1:12-8; Pt
    2:30-5'), whose later ranges had read the label's number into the page ('230')."""
    return _PART_LABEL.sub("", pages or "")


def article_pages(pages: str) -> str:
    """The article's own pages of a field that also gives a labelled piece printed with it or a
    note after its range, or a label of the issue's part before them: '1327-8; author reply
    1328' -> '1327-8'; '623-9; discussion 5A-6A' -> '623-9'; 'Suppl 2:S12-8' -> 'S12-8';
    '384-91, table of contents' -> '384-91'; a field without such a label, or with nothing
    before it, as it is."""
    pages = _without_part_label(pages)  # 'Suppl 2:S12-8' -> 'S12-8'
    label = _LABELLED_PART.search(pages)
    if not label:
        return pages
    head = pages[: label.start()].strip()
    return head if re.search(r"\d", head) else pages


def first_page(pages: str) -> str:
    """Digits of the article's first page (:func:`article_pages`, :func:`page_range`): '0221-8' ->
    '221'; 'S14-7' -> '14'; 'II-221-5' -> '221'; 'e0123' -> '123'; 'nov' -> ''; a piece printed
    after the article is not its first page ('623-9; discussion 5A-6A' -> '623');
    pages a spreadsheet read as a date: '01-Oct' -> '1', 'Jan-78' -> '1'; dates and article ids
    ('2010/04', 'ddq316') -> ''; several ranges in any order: the lowest ('260, 245-253' -> '245')."""
    return page_range(article_pages(pages))[0]


def page_range(pages: str) -> tuple[str, str]:
    """(first page, last page) as digits; the last is '' for one page or no range.

    Several ranges ('S12-S14, S8'), which databases list in different orders, give the range of
    the lowest first page: the order is an export's choice, not the article's."""
    if "," in pages or ";" in pages:
        ranges = [page_range(_without_part_label(part)) for part in re.split(r"[,;]", pages)]
        ranges = [r for r in ranges if r[0]]
        return min(ranges, key=lambda r: int(r[0])) if ranges else ("", "")
    if _UNNUMBERED.fullmatch((pages or "").strip()):
        return "", ""  # pages without numbers: none to compare
    pages = _ROMAN_SECTION.sub("", pages or "")  # 'II-221-II-225' -> '221-225'
    # a date ('2010/04') or an article id ('ddq316', 'RRN1281'): no page to compare
    if "/" in pages or re.match(r"\s*[A-Za-z]{2,}\d", pages or ""):
        return "", ""
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
    starts = (
        page_range(re.sub(r"^\s*[A-Za-z ]{2,}", "", _without_part_label(part)))[0]
        for part in parts
        if not _UNNUMBERED.search(part)  # 'quiz 2 p following 359': no numbered page
    )
    return frozenset(s for s in starts if s)


# Front matter: pages numbered in Roman numerals alone ('xi-xii', 'viii', 'I-XXXII'), where a
# journal or book prints its editorial, preface or contents before the articles' arabic pages
# (the ten labelled sets: 65 fields, in journals and book series). Not a supplement's numeral
# before an arabic page ('II-221-5', :data:`_ROMAN_SECTION`), which has digits.
_ROMAN_NUMBER = r"(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_FRONT_MATTER = re.compile(rf"^\s*({_ROMAN_NUMBER})(?:\s*-\s*{_ROMAN_NUMBER})?\s*$", re.I)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def front_matter_page(pages: str) -> str:
    """The first page of a range of front matter in Roman numerals, as arabic digits ('xi-xii'
    -> '11', 'IV' -> '4'); '' for any other field."""
    m = _FRONT_MATTER.match(pages or "")
    if not (m and m.group(1)):
        return ""
    values = [_ROMAN_VALUES[c] for c in m.group(1).lower()]
    total = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    return str(total)


def page_kind(pages: str) -> str:
    """'e' for an electronic article number ('c1804', 'e0094853'), 'p' for a printed page
    number ('1014', '487-488'), 's' for a page of a lettered section ('JC6-9', 'S14', 'A486'),
    'r' for front matter in Roman numerals ('xi-xii'), 'i' for a publisher's article id of
    capitals ('EDM210023'), '' for anything else (no pages)."""
    pages = (pages or "").strip()
    if _ELOCATOR.match(pages) or _NO_PAGINATION_NUMBER.match(pages):
        return "e"
    if _PART_ALONE.match(pages):
        return ""
    if front_matter_page(pages):
        return "r"
    if _ROMAN_SECTION.match(pages):
        return "s"
    if _ARTICLE_ID.match(pages):
        return "i"
    if _SECTION_PAGE.match(pages):
        return "s"
    return "p" if pages[:1].isdigit() else ""


def section_letters(pages: str) -> str:
    """The letters that name the section of a section page ('JC6-9' -> 'jc', 'e8-e9' -> 'e',
    'S14' -> 's'); call for a page of kind 's'."""
    return re.match(r"[A-Za-z]*", pages.strip()).group(0).lower()


def page_count(pages: str) -> int | None:
    """Pages in a 'first-last' range: '46-54' -> 9, '273-6' -> 4; None for one page, an
    e-locator or a range that runs backwards or past 999 pages."""
    m = PAGE_RANGE.fullmatch(normalise_pages(pages))
    if not m:
        return None
    count = int(m.group(4)) - int(m.group(2)) + 1
    return count if 1 < count < 1000 else None
