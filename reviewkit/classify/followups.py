"""A study's follow-up read from the text, for a scheme whose labels of weeks are of it
(``duration_kind = "follow-up"``): "followed for 52 weeks", "at 3, 6 and 12 months", "a
12-month follow-up", "over 18 months", "ten years after randomisation", "under två år", "na 6
en 12 maanden".

These are the durations :mod:`reviewkit.classify.durations` leaves out as periods of the study,
and no others: a time point or period after "at", "after", "over", "during", "in",
"following", "within" … (English, Norwegian, Swedish, Danish, Dutch), also at the end of a list
("at baseline, 3 and 6 months"); a duration followed by "after" ("6 months after the
operation"); an adjective before a ``duration_of`` term ("12-month follow-up", "five-year
register follow-up"); "for N" in a sentence that says the study followed its population
("followed in the registers for five years"); a follow-up's length as its predicate ("the
follow-up was 12 months", "de follow-upperiode was 12 maanden"). A bound ("more than 12 months", "at least 8
weeks") is the population's duration and never a follow-up, as is "over N" in a sentence that
names no measurement and reports no result ("workers on sick leave over 3 months were
randomised": the bound the population's reading takes); a look back ("in the past 12
months", "the previous year"), an interval ("every three months") and an age are none either.
Swedish, Norwegian and Danish "under" before their own unit is "during" ("under två år"); before
an English unit it is a bound ("under 6 months").

A period counts in a sentence that names a ``duration_of`` term ("follow-up", "measured",
"randomisation" …) or reports a result ("At 12 months, 68% were back at work"): the time point
of a result is the follow-up. A study measured at several times is placed by the last
(the longest follow-up read), as a reviewer places a trial with outcomes at 3, 6 and 12 months
by its 12 months: only the longest is evidence, a whole sign for the label whose range holds it.
"""

from __future__ import annotations

import re

from reviewkit.classify.durations import (
    DETERMINERS,
    LOWER_BOUND,
    RESULT_VERB,
    UNITS,
    UPPER_BOUND,
    WORD,
    adjective,
    atom,
    label_weights,
    number_of,
    range_words,
    weeks_per,
)
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field
from reviewkit.classify.measurement import MEASURE, RESULT_SENTENCE
from reviewkit.classify.terms import find_term
from reviewkit.classify.words import sentence_around
from reviewkit.protocol import Scheme

# The words before a number that make it a time the study measured at or over, in the five
# languages; "for" (Nordic "i", "på": "sykmeldt i 8 uker") only after "followed" (_FOR). Not
# the look back ("previous", "past", "last", "preceding"), an interval ("per", "every",
# "each"), an age ("aged") or a bound ("within 6 weeks", "up to 12 months": the population's,
# or a result's)
_FORWARD = frozenset(
    {
        "at", "after", "over", "during", "in", "following", "next", "first", "subsequent",
        "followed", "observed", "monitored", "throughout",
        "etter", "efter", "na", "om", "neste", "tijdens", "gedurende", "över", "under",
    }
)  # fmt: skip
# "over" is a period ("sick leave over 18 months was recorded") or a bound ("workers on sick
# leave over 3 months were randomised": the population's, durations._OVER): a period only in a
# sentence that names a measurement or reports a result, as the population's reading leaves it
_OVER = frozenset({"over", "över"})
# Nordic units: "under" before one of them is "during" ("under två år")
_NORDIC_UNIT = re.compile(
    r"dager|dag|døgn|dagar|dage|uker|uke|uka|veckor|vecka|uger|uge|måneder|måned|månader|"
    r"månad|år|året",
    re.IGNORECASE,
)
# A list's earlier items between the period word and the number read ("at baseline, 3, 6 and"
# before "12 months"; "at 4 weeks and" before "3 months")
_UNIT_WORDS = "|".join(u for u, _ in UNITS)
_LIST_ITEMS = re.compile(
    rf"(?:\s*(?:baseline|\d+(?:[.,]\d+)?(?:\s*(?:{_UNIT_WORDS}))?)\s*(?:,|and|og|och|en|or)?)+\s*$",
    re.IGNORECASE,
)
_AFTER = re.compile(r"^\s*(?:after|post|etter|efter|na|later)\b", re.IGNORECASE)
# Following named: the verb "for N" belongs to ("followed in the registers for five years"),
# the noun an adjective describes ("a 12-month follow-up"), in the five languages
_FOLLOWED = re.compile(
    r"\b(?:followed|follow-?up\w*|followup\w*|fulgt|följdes|följts|fulgte|gevolgd|oppfølging\w*|"
    r"uppföljning\w*|opfølgning\w*)\b",
    re.IGNORECASE,
)
REACH = 2  # words from an adjective ("12-month") to the follow-up ("register follow-up")
# The verbs that give a follow-up its length as the subject's predicate ("the follow-up was 12
# months", "follow-up lasted two years", "de follow-upperiode was 12 maanden", "oppfølgingen
# varte i ett år"), in the five languages
_LASTED = frozenset(
    {"was", "is", "lasted", "spanned", "var", "varte", "varade", "varede", "bedroeg", "duurde"}
)
_FOR = frozenset({"for", "i", "på"})
FOR_REACH = 8  # words from "followed" to its "for" ("followed in Swedish registers ... for")


def _forward(text: str, start: int, unit: str) -> str:
    """The word before the number at ``start`` (past a list's earlier items and a determiner)
    when it makes the duration a time the study measured at or over, else ''."""
    before = _LIST_ITEMS.sub("", text[max(0, start - 80) : start])
    words = [w.casefold() for w in WORD.findall(before)][-2:]
    if words and words[-1] in DETERMINERS | {"their"}:
        words = words[:-1]
    if not words:
        return ""
    word = words[-1]
    if word == "under" and not _NORDIC_UNIT.fullmatch(unit):
        return ""  # English "under 6 months": a bound
    return word if word in _FORWARD or word in _FOR else ""


def follow_ups(text: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Each follow-up written in ``text`` as (start, end, weeks): its longest time where a list
    or range gives several ("at 3, 6 and 12 months": 12 months). ``anchors``: the spans of the
    scheme's ``duration_of`` terms; a period counts in a sentence that holds one or reports a
    result, an adjective just before a follow-up ("12-month follow-up")."""
    out = []
    for m in atom().finditer(text):
        per = weeks_per(m.group("unit"))
        weeks = max(number_of(m.group("a")), number_of(m.group("b") or m.group("a"))) * per
        before = text[: m.start()]
        if LOWER_BOUND.search(before) or m.group("plus"):
            continue  # "more than 12 months", "12+ months": the population's
        s_start, s_end = sentence_around(text, m.start())
        anchored = any(s_start <= a < s_end for a, _ in anchors)
        if adjective(m):  # an adjective: "12-month follow-up",
            if _before_follow_up(text, m.end()):  # not "an 8-week programme", "one-day assessment"
                out.append((m.start(), m.end(), weeks))
            continue
        word = _forward(text, m.start(), m.group("unit"))
        if word != "under" and UPPER_BOUND.search(before):
            continue  # "up to 12 weeks", "less than 6 months"
        if word in _FOR and not _following_for(text, s_start, m.start()):
            word = ""  # "sick-listed for 8 weeks"; "followed in the registers for five years"
        stated = _follow_up_lasted(text, s_start, m.start())  # "the follow-up was 12 months"
        after = _AFTER.search(text[m.end() :]) and not _value(text, m.start())
        if not word and not stated and not after:
            continue
        sentence = text[s_start:s_end]
        if word in _OVER and not (MEASURE.search(sentence) or RESULT_SENTENCE.search(sentence)):
            continue  # "on sick leave over 3 months were randomised": the population's bound
        if anchored or RESULT_SENTENCE.search(sentence):
            out.append((m.start(), m.end(), weeks))
    return out


def _value(text: str, start: int) -> bool:
    """Whether the duration at ``start`` is a result's value, after its verb or another value
    ("time to return to work was 61 days after the dialogue and 77 days after CBT")."""
    before = [w.casefold() for w in WORD.findall(text[max(0, start - 30) : start])]
    return bool(before) and before[-1] in RESULT_VERB | {"and", "or", "than"}


def _before_follow_up(text: str, end: int) -> bool:
    """Whether a follow-up is named at most :data:`REACH` words after ``end``."""
    m = _FOLLOWED.search(text, end)
    return m is not None and len(WORD.findall(text[end : m.start()])) <= REACH


def _follow_up_lasted(text: str, start: int, at: int) -> bool:
    """Whether the duration at ``at`` is a follow-up's length as its predicate: a verb of
    :data:`_LASTED` (Nordic "varte i") just before it, a follow-up named at most :data:`REACH`
    words before that, in its sentence (from ``start``)."""
    before = [w.casefold() for w in WORD.findall(text[start:at])]
    if before and before[-1] in _FOR:  # "varte i ett år"
        before = before[:-1]
    if not before or before[-1] not in _LASTED:
        return False
    verb = text.rfind(" ", start, at)
    found = [m.end() for m in _FOLLOWED.finditer(text, start, at)]
    return bool(found) and len(WORD.findall(text[found[-1] : verb])) <= REACH + 1


def _following_for(text: str, start: int, at: int) -> bool:
    """Whether "followed" (or a follow-up) stands at most :data:`FOR_REACH` words before the
    "for" of the duration at ``at`` in its sentence (from ``start``): the "for" is its period."""
    found = [m.end() for m in _FOLLOWED.finditer(text, start, at)]
    return bool(found) and len(WORD.findall(text[found[-1] : at])) <= FOR_REACH + 1


def follow_up_evidence(scheme: Scheme, fields: list[Field]) -> list[Evidence]:
    """The evidence of the longest follow-up the record's ``fields`` write: a whole sign for
    the label whose range holds it (see the module's note)."""
    if not scheme.duration_of or not any(lab.duration_weeks for lab in scheme.labels):
        return []
    found = []
    for n, f in enumerate(fields):
        anchors = [
            (e.span[1], e.span[2])
            for t in scheme.duration_of
            for e in find_term(t, [f], "", instruments=scheme.instruments)
        ]
        found += [(weeks, n, f, start, end) for start, end, weeks in follow_ups(f.text, anchors)]
    if not found:
        return []
    longest = max(weeks for weeks, *_ in found)
    out = []
    for weeks, n, f, start, end in found:
        if weeks != longest:
            continue
        for label, weight in label_weights(scheme.labels, weeks, weeks).items():
            term = range_words(scheme.label(label).duration_weeks, "follow-up")
            term += "" if weight >= 1 else " (in part)"
            span = (n, start, end)
            out.append(Evidence(label, term, f.where, f.text[start:end], weight, span=span))
    return out
