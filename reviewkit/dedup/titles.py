"""Titles as dedup compares them: the folded title, its numbers, notices (errata, replies,
comments), generic titles and translations (the population words a title names:
:mod:`populations`)."""

from __future__ import annotations

import contextlib
import re

from reviewkit.dedup.notice_titles import (
    CORRECTION_TAIL,
    RETRACTED_NOTICE,
    heads_a_notice,
    says_notice,
)
from reviewkit.records import normalise_title
from reviewkit.safe_csv import is_error_value

# Words that mark a record about another record (not a copy of it).
NOTICE_WORDS = frozenset(
    [
        "erratum",
        "errata",
        "corrigendum",
        "corrigenda",
        # the heading of an erratum in German, French and Italian journals: no article's word
        "berichtigung",
        "rectificatif",
        "rettifica",
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
# Words that go with a heading and name nothing of their own: 'Guest editorial', 'From the
# editor's desk', 'In this issue', 'Introduction to the special issue', 'Notes on contributors'.
# A title with any other word ('Affective disorders: News in chronobiological models', 'Stress
# response in rats', 'Introduction of bias at the bench') names its own subject: not generic.
_HEADING_COMPANIONS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "from",
        "in",
        "on",
        "and",
        "by",
        "with",
        "this",
        "these",
        "our",
        "s",
        "guest",
        "special",
        "invited",
        "new",
        "desk",
        "message",
        "contributors",
        "readers",
        "board",
        "volume",
        "vol",
        "part",
    ]
)
# 'Author reply: …', 'In response to …', 'A comment on …': a notice whose first word is not one
_REPLY_LEADS = frozenset(["author", "authors", "in", "a", "our"])
_REPLY_WORDS = frozenset(["reply", "replies", "response", "comment", "comments"])
# A retracted article's own record, marked by its publisher ('RETRACTED: Title' in Elsevier's
# and Wiley's, 'RETRACTED ARTICLE: Title' in Springer's exports, Scopus copies the mark): the
# article, not a notice about it (the notice is 'Retraction: …', 'Retraction note to …', on a
# page of its own). The mark is dropped from the title compared, so the marked record and an
# unmarked copy of the article (PubMed keeps the title as published) compare as one title.
_RETRACTED_MARK = re.compile(r"^\s*retracted(?:\s+article)?\s*:\s*", re.I)
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
# Ovid's MEDLINE puts the article's erratum links after its title ('... females.[Erratum appears
# in Neurology. 2017 Sep 26;89(13):1430; PMID: 28947586]', '...[corrected][published erratum
# appears in Brain Inj. 2013 Mar;27(3):377]'): the article itself, which has an erratum, not the
# notice (that one is titled 'Erratum: ...', 'Correction to ...'). Dropped from the title
# compared: the note's numbers otherwise set the article apart from its other records.
_ERRATUM_NOTE = re.compile(
    r"\s*(?:\[corrected\]\s*)?\[(?:published\s+)?erratum\s+appears\s+in\b[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]"
    r"\s*\.?\s*$",
    re.I,
)
# ... and its mark of a review, with the count of its references ('The current status of HPV
# DNA testing. [Review] [57 refs]'): what the article is, not its title, which other databases
# give bare. Dropped likewise (the count reads as a number of the title).
_REVIEW_TAG = re.compile(
    r"\s*(?:\[review\](?:\s*\[\d+\s+refs?\])?|\[\d+\s+refs?\])\s*\.?\s*$", re.I
)
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
# perhaps with the language after it ('[Title]. [Spanish]'); the original is elsewhere. The
# title inside may open with a bracketed name of its own ('[[Leu]enkephalin in ...]', '[[11C]
# raclopride PET ...]'): one level of brackets within is the title's.
_BRACKETED = re.compile(r"^\s*\[(?:[^\[\]]|\[[^\[\]]*\])+\]\s*\.?\s*(?:\[[A-Za-z ]+\]\s*\.?\s*)?$")
# A radionuclide label, written three ways: MEDLINE '[11C]raclopride' (older records '[(11)C]',
# the superscript in brackets), Embase '<sup>11</sup>C' (11C once the markup is gone), Web of
# Science 'C-11 raclopride' (symbol, hyphen, mass). One form ('11C') for all, so that the folded
# titles and their numbers agree: otherwise 'C-11' reads as another number than '[11C]' and
# title_numbers_differ holds one article apart from itself. Only the nuclides of tracers and
# labelled compounds, so that a name with a hyphen and a number ('H-2 receptor' is written
# 'H2'; 'Group C-1' has no such mass) keeps its number.
_NUCLIDES = frozenset(
    [
        "3H",
        "11C",
        "13C",
        "14C",
        "13N",
        "15N",
        "15O",
        "18O",
        "18F",
        "32P",
        "33P",
        "35S",
        "51Cr",
        "64Cu",
        "67Ga",
        "68Ga",
        "76Br",
        "82Rb",
        "89Zr",
        "90Y",
        "99mTc",
        "111In",
        "123I",
        "124I",
        "125I",
        "131I",
        "133Xe",
        "177Lu",
        "201Tl",
        "223Ra",
    ]
)
_NUCLIDE_MASS_IN_BRACKETS = re.compile(r"\((\d{1,3}m?)\)([A-Z][a-z]?)(?![a-z])")
_NUCLIDE_SYMBOL_FIRST = re.compile(r"(?<![\w-])([A-Z][A-Za-z]?)-(\d{1,3}[mM]?)(?![\w])")
# ... and symbol and mass run together, as some authors and exporters write them ('C11 PiB
# PET', 'C11-PiB', 'I131 therapy'): read only as a word of its own (a space, bracket or a
# compound's hyphen after it), so that a serotype keeps its name ('E. coli O157') and a
# suffix ('...glucose-F18') or a clone ('C11-3') its number; never 'H3' (the histone, the
# receptor), which is seldom tritium. These two forms are read in capitals too ('TC-99M',
# 'TC99M': a title an export or a journal wrote in capitals), so that a title and its capitals
# keep one label; the bracketed mass is read as written, its symbol's case telling 'CO' from
# 'Co' ('(11)CO2').
_NUCLIDE_GLUED = re.compile(r"(?<![\w-])([A-Z][A-Za-z]?)(\d{1,3}[mM]?)(?![\w]|-\d)")


def _nuclide(mass: str, symbol: str, text: str) -> str:
    label = mass.lower() + symbol.capitalize()
    return label if label in _NUCLIDES else text


def _nuclide_labels(title: str) -> str:
    """Radionuclide labels in one form: '(11)C', 'C-11' and 'C11' as '11C' ('[11C]raclopride')."""
    title = _NUCLIDE_MASS_IN_BRACKETS.sub(lambda m: _nuclide(m[1], m[2], m[0]), title)
    title = _NUCLIDE_GLUED.sub(
        lambda m: m[0] if m[0] == "H3" else _nuclide(m[2], m[1], m[0]), title
    )
    return _NUCLIDE_SYMBOL_FIRST.sub(lambda m: _nuclide(m[2], m[1], m[0]), title)


_NUMBER = re.compile(r"\d+")
_ROMAN = re.compile(r"\b(?:i{1,3}|iv|v|vi{1,3}|ix|x)\b")
_ROMAN_VALUES = {
    r: str(n)
    for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"], 1)
}
# "i v" (from "i.v."): one token before roman numerals
_LETTER_RUN = re.compile(r"\b[ivx](?: [ivx]\b)+")


def is_generic(words: list[str], journal: tuple[str, ...] = ()) -> bool:
    """A short title made only of a heading that recurs in every issue ('Editorial', "Editor's
    comments", 'In this issue'): heading words, the words that go with them, numbers and the
    words of the record's ``journal`` ('Remarks from MIS Quarterly editor'). The whole title
    is read: one word beyond the heading makes it the title of its own piece."""
    return (
        len(words) <= _GENERIC_MAX_WORDS
        and not GENERIC_WORDS.isdisjoint(words)
        and all(
            w in GENERIC_WORDS or w in _HEADING_COMPANIONS or w.isdigit() or w in journal
            for w in words
        )
    )


def is_translated(raw_title: str) -> bool:
    """The title as written is MEDLINE's bracketed translation ('[Title]')."""
    return bool(_BRACKETED.match(raw_title or ""))


# A language note at the end of a title ('… [Japanese]', '… (in German)', '… [Article in
# French]'): the article is in that language and the title is a translation of its own.
_LANGUAGE_MARK = re.compile(
    rf"[\[(](?:article\s+)?(?:in\s+)?(?:{_LANGUAGES})\b[^\[\]()]*[\])]\s*\.?\s*$", re.I
)


def marks_translation(raw_title: str) -> bool:
    """The title as written says it is a translation: MEDLINE's brackets, a language note
    ('[German]') or the original-language title after it (Embase 'Title. German Originaltitel')."""
    raw = raw_title or ""
    return is_translated(raw) or bool(_LANGUAGE_MARK.search(raw) or _TRANSLATION_TAIL.search(raw))


def cut_title(a: str, b: str) -> bool:
    """One folded title is the other cut short at a word (an export that stopped at '5-HT' or
    at markup): two words or more, the start of the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= 2 and short != long_ and long_.startswith(short + " ")


# the folded title's end of a record of several letters printed together (Embase's form in
# the labelled sets): 'heading 4 multiple letters', 'heading multiple letters 1' (the number
# is the database's count or part, not the heading's)
_LETTERS_TOGETHER = re.compile(r"(?:\s+\d+)?\s+multiple\s+letters(?:\s+\d+)?$")


def letters_heading(title: str) -> str:
    """The heading of a record of several letters printed together, from its folded title
    ('statins for all 4 multiple letters' -> 'statins for all'); '' for any other title."""
    m = _LETTERS_TOGETHER.search(title)
    return title[: m.start()] if m else ""


def retracted_mark(title: str) -> bool:
    """Whether a title carries its publisher's retraction mark ('RETRACTED: …', 'RETRACTED
    ARTICLE: …'; the comment above _RETRACTED_MARK): the retracted article's own record, not
    Hindawi's 'Retracted: …' notice (notice_titles.RETRACTED_NOTICE)."""
    return bool(_RETRACTED_MARK.match(title)) and not RETRACTED_NOTICE.match(title)


def match_title(title: str) -> str:
    """Folded title without a bracketed translation marker or a trailing '[Japanese]' note."""
    title = title or ""
    if is_error_value(title):
        return ""  # '#NAME?' left by a spreadsheet: no title
    if "\u00e2\u0080" in title:  # UTF-8 read as Latin-1 ('â\x80\x98Shine')
        with contextlib.suppress(UnicodeError):
            title = title.encode("latin-1").decode("utf-8")
    for _ in range(3):  # '[Title]. [Japanese]' and 'Title. German Originaltitel' may stack
        stripped = _TRANSLATION_TAIL.sub("", _LANGUAGE_NOTE.sub("", title))
        if stripped == title:
            break
        title = stripped
    title = _RETRACTED_MARK.sub("", _REVIEW_TAG.sub("", _ERRATUM_NOTE.sub("", title)))
    return normalise_title(CORRECTION_TAIL.sub("", _nuclide_labels(title)))


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
    ('Re: …'; 'Response', 'Correction' and 'Retraction' only as a heading), ends like a
    database's label for a comment ('… Editorial Comment'), with what it is ('… – ERRATUM') or
    with the place of the article a correction corrects ('… (vol 85, pg 553, 2010)'); from the
    folded ``words`` of the title and the title as written."""
    return (
        bool(words)
        and (
            (words[0] in NOTICE_WORDS and heads_a_notice(raw_title))
            or "erratum" in words[:4]
            or (len(words) > 1 and words[0] in _REPLY_LEADS and words[1] in _REPLY_WORDS)
            or says_notice(raw_title)  # a heading that says so (reviewkit.dedup.notice_titles)
            or tuple(words[-2:]) in _NOTICE_TAILS
        )
    )
