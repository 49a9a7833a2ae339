"""Ranges of diagnosis codes as signal terms: ``F30-F48`` (ICD-10), ``L01-L99`` (ICPC-2),
``S00-T98`` (ICD-10's injuries), each finding every code of the range written in a text
("F43" of "F43.2"); see :mod:`reviewkit.classify.terms`.

A code in the text is one word: its letter in capitals (codes are written so) and two digits.
A range may run across letters, as ICD-10's chapters do (A00-B99 infections, C00-D48
neoplasms, S00-T98 injuries, V01-Y98 external causes): its codes are those between its ends in
the letter-then-number order of the classification.
"""

from __future__ import annotations

import re

_RANGE = re.compile(r"([A-Z])(\d\d)[\-‐–]([A-Z])(\d\d)")
_CODE = re.compile(r"([A-Z])(\d\d)")


def _ends(term: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The range's lowest and highest code as (letter, digits), or None if ``term`` is none
    (ends written the other way round, 'F48-F30', are taken in order)."""
    m = _RANGE.fullmatch(term)
    if m is None:
        return None
    low, high = sorted([(m.group(1), m.group(2)), (m.group(3), m.group(4))])
    return low, high


def is_code_range(term: str) -> bool:
    """Whether a term is a range of diagnosis codes ('F30-F48', 'S00-T98')."""
    return _ends(term) is not None


def in_code_range(term: str, word: str) -> bool:
    """Whether ``word`` is a code of the range ``term`` (both ends included)."""
    ends, m = _ends(term), _CODE.fullmatch(word)
    if ends is None or m is None:
        return False
    return ends[0] <= (m.group(1), m.group(2)) <= ends[1]


def code_pattern(term: str) -> re.Pattern[str]:
    """A regular expression for any code with a letter of the range, for highlighting (the
    numbers are checked when matching)."""
    ends = _ends(term)
    letters = f"[{ends[0][0]}-{ends[1][0]}]" if ends else "[A-Z]"
    return re.compile(r"(?<!\w)" + letters + r"\d\d(?!\w)")
