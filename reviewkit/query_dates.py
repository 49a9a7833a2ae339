"""The dates a query writes: PubMed's forms (YYYY, YYYY/MM, YYYY/MM/DD) and the date with a
time that NCBI prints in its own translations, read back as the day it names.

NCBI's QueryTranslation prints a relative window's ends with times, ``"2023/04/29
00:00":"3000/01/01 05:00"[Date - Create]`` (a live esearch reply recorded in pubmedly's
cassettes, :mod:`reviewkit.pubmed.relative_dates`), and a librarian pastes that translation back
as a search. PubMed's index dates carry times for [crdt], [edat] and [mhda]; the snapshot holds
days only, so a bound with a time is read as its day, the whole day: a start of ``13:00`` takes
in the records of that morning too, an end of ``05:00`` the rest of that day. No documentation
gives the time's form; NCBI prints ``HH:MM`` (24-hour), which is what is read here. NCBI
prints the same date-times unquoted in MEDLINE text (``EDAT- 2012/10/09 06:00``) and in
esummary's History; a range of them pasted unquoted (``2023/04/29 00:00:3000/01/01
05:00[crdt]``) is read as the quoted one (:data:`RANGE`).
"""

from __future__ import annotations

import re

DATE = r"\d{4}(?:/\d{1,2}(?:/\d{1,2})?)?"
DATE_FORM = re.compile(DATE)  # a date as PubMed writes one: YYYY, YYYY/MM or YYYY/MM/DD
# A date, then what is written as its time (digits and colons): a range's end all the same, so
# that a malformed time is refused as one (:func:`date_of`), not its ':' read as a word's.
DATE_TIME = re.compile(rf"({DATE})(?:\s+(\d[\d:.]*))?")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
# A range written unquoted, its ends perhaps with NCBI's printed time: "2020:2021", and the
# window as MEDLINE text (EDAT-, CRDT-, MHDA-) and esummary's History print each end,
# "2023/04/29 00:00:3000/01/01 05:00". The time is HH:MM only, so that its colon and the
# range's are told apart (a year has four digits); each end is read by date_of.
_END = rf"{DATE}(?:\s+\d{{1,2}}:\d{{2}})?"
RANGE = rf"{_END}\s*:\s*{_END}"
_RANGE_ENDS = re.compile(rf"({_END})\s*:\s*({_END})")
FORMS = "YYYY, YYYY/MM or YYYY/MM/DD, with a time HH:MM after a day as PubMed prints one"


def range_ends(text: str) -> tuple[str, str]:
    """The two ends of an unquoted range as written (a :data:`RANGE`), times and all."""
    match = _RANGE_ENDS.fullmatch(text.strip())
    assert match is not None  # the tokenizer matched RANGE
    return match[1], match[2]


def date_of(text: str) -> str:
    """The date ``text`` names: itself, or the day of NCBI's printed date-time (its time
    dropped: the snapshot holds days). ValueError, with what is wrong, for anything else."""
    match = DATE_TIME.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a date ({FORMS})")
    date, time = match[1], match[2]
    if time is None:
        return date
    if date.count("/") != 2:
        raise ValueError(f"{text!r}: a time needs a whole day before it (YYYY/MM/DD HH:MM)")
    hm = _TIME.fullmatch(time)
    if hm is None or int(hm[1]) > 23 or int(hm[2]) > 59:
        raise ValueError(f"{text!r}: {time!r} is no time of day (HH:MM, 00:00 to 23:59)")
    return date
