"""Ranges of diagnosis codes as signal terms: ``F30-F48`` (ICD-10), ``ICPC-2 L01-L99``,
``S00-T98`` (ICD-10's injuries), each finding every code of the range written in a text
("F43" of "F43.2"); see :mod:`reviewkit.classify.terms`.

A code in the text is one word: its letter in capitals (codes are written so) and two digits.
A range may run across letters, as ICD-10's chapters do (A00-B99 infections, C00-D48
neoplasms, S00-T98 injuries, V01-Y98 external causes): its codes are those between its ends in
the letter-then-number order of the classification.

How a text's codes are read (:func:`written_codes`):

* A range written in the text ("ICD-10 F20-F48") names a population of all its codes, not its
  first one: it is found by a term's range when most of its codes lie in the term's range (the
  population is then mostly of that label's kind; "F20-F48" is mostly common mental disorders,
  not the severe mental illness of F20-F31), and its second end is no separate code.
* ICD-10 and ICPC-2 use the same letters for other chapters (ICD-10 P perinatal and L skin,
  ICPC-2 P psychological and L musculoskeletal). A term names its classification
  ("ICPC-2 P01-P99"; a range alone is ICD-10, the classification of nearly all register
  studies and of PubMed's abstracts). A code in the text belongs to the classification named
  nearest to it in its sentence, else to those the record names anywhere, else to ICD-10.
* "P25", "P75" … beside a number or a word of percentiles ("median 30 (P25 10, P75 60)", IQR)
  are percentiles, no codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from reviewkit.classify.words import HYPHENS, Token, sentence_around

ICD, ICPC = "ICD-10", "ICPC-2"
# the classification may be written in any case in a protocol ("icpc-2 L01-L99"); the codes
# themselves are capitals, as classifications write them
_SYSTEM = rf"(?:((?i:ICPC|ICD))[{re.escape(HYPHENS)}]?\d*\s+)?"
_RANGE = re.compile(_SYSTEM + rf"([A-Z])(\d\d)[{re.escape(HYPHENS)}]([A-Z])(\d\d)")
_CODE = re.compile(r"([A-Z])(\d\d)")
# A classification named in a text: its acronym ("ICD-10", "ICD10", "ICPC-2") or its name.
_NAMED = re.compile(
    r"\b(?:(ICPC)|(ICD))(?![a-z])|International Classification of (?:(Primary Care)|(Diseases))",
    re.IGNORECASE,
)
# Between a written range's ends: a hyphen (words.HYPHENS), an em dash, or 'to' ("F20 to F48").
_RANGE_GAPS = {*HYPHENS, "—", "to"}
# Percentiles as studies report them (P5, P10, P25, P50, P75, P90, P95, P99): written beside a
# number ("P25 10") or near a word of percentiles. Other P-numbers are read as codes.
_PERCENTILES = {"05", "10", "25", "50", "75", "90", "95", "99"}
_PERCENTILE_WORDS = {"percentile", "percentiles", "centile", "centiles", "iqr", "interquartile",
                     "quartile", "quartiles", "median", "medians"}  # fmt: skip
# A P-word not beside a number is a percentile when a percentile word is at most this many
# words away: the reach of the parenthesis or clause in which results give the statistic with
# its percentiles ("median (P25-P75)", "IQR P25 to P75", "the 95 percentile (P95)"). Not the
# whole sentence: a long results sentence with a "median" in it may also name a real code
# (ICPC-2 P75 somatisation, ICD-10 P05 slow fetal growth). Not measured into the value: in
# 193,909 titles and abstracts (the PubMed snapshot; bib-dedupe's depression, srsr, cardiac and
# stroke sets) 250 such P-words stand apart from a number; 2 have a percentile word within 6
# words (at 1 a percentile, at 2 rat pups' postnatal days: no code either), the next at 32,
# and 247 none: too few to choose between 3 and 10.
_PERCENTILE_REACH = 6  # words either side


def _index(letter: str, digits: str) -> int:
    """A code's place in the classification's letter-then-number order."""
    return (ord(letter) - ord("A")) * 100 + int(digits)


@dataclass(frozen=True)
class CodeRange:
    """A term's range: its lowest and highest code's places and its classification."""

    low: int
    high: int
    system: str


@lru_cache(maxsize=1024)  # a protocol's few ranges, parsed for every word and field
def parse_range(term: str) -> CodeRange | None:
    """The range a term names ('F30-F48', 'ICPC-2 L01-L99'; ends in either order), or None."""
    m = _RANGE.fullmatch(term.strip())
    if m is None:
        return None
    a, b = _index(m.group(2), m.group(3)), _index(m.group(4), m.group(5))
    system = ICPC if (m.group(1) or "").upper() == "ICPC" else ICD
    return CodeRange(min(a, b), max(a, b), system)


# A term other than a range that names its classification first ("ICPC-2 L-diagnos*",
# "ICPC-2 chapter P"): a chapter's letter or name of a classification whose letters another
# uses for other chapters (ICPC-2 L musculoskeletal and P psychological; ICD-10 L skin and P
# perinatal) counts only where the record names that classification, as its ranges do.
_NAMED_TERM = re.compile(rf"(?i:ICPC)[{re.escape(HYPHENS)}]?2?\s+(\S.*)")


def needs_system(term: str) -> tuple[str, str]:
    """The classification a term other than a range requires the record to name ('' if none)
    and the term without it: 'ICPC-2 L-diagnos*' -> ('ICPC-2', 'L-diagnos*')."""
    m = _NAMED_TERM.fullmatch(term.strip())
    if m is None or is_code_range(term):
        return "", term
    return ICPC, m.group(1)


def is_code_range(term: str) -> bool:
    """Whether a term is a range of diagnosis codes ('F30-F48', 'S00-T98', 'ICPC-2 P01-P99')."""
    return parse_range(term) is not None


def in_code_range(term: str, word: str) -> bool:
    """Whether ``word`` is a code of the range ``term`` (both ends included)."""
    r, m = parse_range(term), _CODE.fullmatch(word)
    if r is None or m is None:
        return False
    return r.low <= _index(m.group(1), m.group(2)) <= r.high


def code_pattern(term: str) -> re.Pattern[str]:
    """A regular expression for any code with a letter of the range, for highlighting (the
    numbers are checked when matching)."""
    r = parse_range(term)
    letters = f"[{chr(65 + r.low // 100)}-{chr(65 + r.high // 100)}]" if r else "[A-Z]"
    return re.compile(r"(?<!\w)" + letters + r"\d\d(?!\w)")


@dataclass(frozen=True)
class WrittenCode:
    """A code or range written in a text: the place of its (first) word, its codes' places,
    and the classification named nearest to it in its sentence ('' if none is)."""

    at: int
    low: int
    high: int
    system: str


def named_systems(text: str) -> frozenset[str]:
    """The classifications a text names (ICD-10, ICPC-2)."""
    return frozenset(_system(m) for m in _NAMED.finditer(text))


def _system(m: re.Match[str]) -> str:
    return ICPC if (m.group(1) or m.group(3)) else ICD


def written_codes(text: str, words: list[Token]) -> list[WrittenCode]:
    """The codes and ranges written in a text whose words are ``words`` (see the module
    docstring): a range once, at its first end; percentiles left out."""
    out = []
    i = 0
    while i < len(words):
        m = _CODE.fullmatch(words[i].word)
        if m is None or _percentile(text, words, i):
            i += 1
            continue
        low = high = _index(m.group(1), m.group(2))
        second, nxt = _second_end(text, words, i, m.group(1))
        if second is not None:
            low, high = min(low, second), max(low, second)
        out.append(WrittenCode(i, low, high, _near_system(text, words[i].start)))
        i = nxt
    return out


def _decimal(text: str, words: list[Token], i: int) -> int:
    """The word after a code at ``i`` and its decimal part, if any ("F32.0" is two words)."""
    j = i + 1
    if j < len(words) and text[words[i].end : words[j].start] == "." and words[j].word.isdigit():
        return j + 1
    return j


def _second_end(text: str, words: list[Token], i: int, letter: str) -> tuple[int | None, int]:
    """The place of a range's second end when word ``i`` begins one ("F20-F48", "F20-48",
    "F20 to F48"; either end may have decimals, "F32.0-F33.9", as ICD-10's subcategories are
    written), else None; and the word after what was read."""
    j = _decimal(text, words, i)
    if j >= len(words) or text[words[j - 1].end : words[j].start].strip() not in _RANGE_GAPS:
        return None, j
    nxt = words[j].word
    m = _CODE.fullmatch(nxt)
    if m is not None:
        return _index(m.group(1), m.group(2)), _decimal(text, words, j)
    if len(nxt) == 2 and nxt.isdigit():  # "F20-48": the same letter
        return _index(letter, nxt), _decimal(text, words, j)
    return None, j


def _percentile(text: str, words: list[Token], i: int) -> bool:
    """Whether word ``i`` ('P25') is a percentile: beside a number, or near a percentile word."""
    w = words[i].word
    if w[0] != "P" or w[1:] not in _PERCENTILES:
        return False
    if i + 1 < len(words) and words[i + 1].word.replace(",", "").isdigit():
        gap = text[words[i].end : words[i + 1].start].strip()
        if gap in {"", ":", "=", "of"}:
            return True
    near = words[max(0, i - _PERCENTILE_REACH) : i + _PERCENTILE_REACH + 1]
    return any(x.word.casefold() in _PERCENTILE_WORDS for x in near)


def _near_system(text: str, at: int) -> str:
    """The classification named nearest to character ``at`` within its sentence, or ''."""
    start, end = sentence_around(text, at)
    best, dist = "", len(text) + 1
    for m in _NAMED.finditer(text, start, end):
        d = abs(m.start() - at)
        if d < dist:
            best, dist = _system(m), d
    return best


def found_by(r: CodeRange, code: WrittenCode, record_systems: frozenset[str]) -> bool:
    """Whether a written code or range is found by a term's range: of the term's
    classification (named near it, else in the record, else ICD-10) and with most of its
    codes in the term's range (a single code: the code)."""
    systems = {code.system} if code.system else (record_systems or {ICD})
    if r.system not in systems:
        return False
    inside = min(r.high, code.high) - max(r.low, code.low) + 1
    return 2 * inside > code.high - code.low + 1


class _Field(Protocol):
    text: str
    words: list
    named: frozenset[str]  # the classifications the record names
    written: list  # its written codes, read on first use


def code_places(term: str, field: _Field, places: dict[str, list[int]]) -> list[int]:
    """The places of the words of a field where the range ``term`` finds a code or a written
    range (:func:`found_by`); ``places`` is each word's places. The field's codes are read once
    (kept in ``field.written``) for all the terms of every scheme. A record's ``whole`` field
    (all its words, no text to read their neighbours in) gives every code word of the range's
    letters: a superset, which only rules records out."""
    if not field.text:
        letters = code_pattern(term)
        return sorted(i for w, at in places.items() if letters.fullmatch(w) for i in at)
    if not field.written:
        field.written.append(written_codes(field.text, field.words))
    r = parse_range(term)
    if r is None:
        return []
    return [c.at for c in field.written[0] if found_by(r, c, field.named)]


# "ICPC-2 chapters L and P", "chapter L or P", "ICD-10 chapters V and XIII": one "chapter" word
# before a list of chapters' letters or numerals names each of them, as a term "chapter P" does
# for "chapter P" (the population is of both chapters' kinds). A chapter is a capital letter or
# a Roman numeral; "and", "or" and commas join the list.
_CHAPTER_WORDS = frozenset({"chapter", "chapters", "kapittel", "kapitel"})
_CHAPTER_MARK = re.compile(r"[A-Z]|[IVXL]+")
_LIST_JOINS = frozenset({"and", "or", "og", "eller", "och"})
_LIST_GAP = re.compile(r"\s*,?\s*")


def listed_chapter(text: str, words: list[Token], i: int) -> bool:
    """Whether the chapter mark at word ``i`` ("P" of "chapter L or P") is a later item of a
    list of chapters after one "chapter" word (the first item is found as written)."""
    k, marks = i - 1, 0
    while k >= 0 and _LIST_GAP.fullmatch(text[words[k].end : words[k + 1].start]):
        w = words[k].word
        if w.casefold() in _CHAPTER_WORDS:
            return marks > 0
        if _CHAPTER_MARK.fullmatch(w):
            marks += 1
        elif w.casefold() not in _LIST_JOINS:
            return False
        k -= 1
    return False
