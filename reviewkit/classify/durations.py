"""Labels decided by a duration written in the text: "sick-listed for 8 to 12 weeks", "pain of
less than three weeks' duration", "more than 90 days", "sykmeldt i 8-12 uker", "langer dan 3
maanden verzuimd".

A scheme names what the duration is of (``duration_of``: the pain, the sick leave …) and each
of its labels a range in weeks (``duration_weeks = [6, 12]``; ``inf`` for no upper end). A
duration is read where it is the population's at inclusion: a number (digits or a number word
of English, Norwegian, Swedish, Danish or Dutch) with a unit of days, weeks, months or years,
with what bounds it ("more than", "at least", "up to", "between 4 and 12", "6 weeks to 6
months", "3 months or more", "more than six weeks but less than twelve"), a few words after a
``duration_of`` term of its sentence ("sick-listed for ...", "back pain of ...") or just before
one ("... of back pain", "langer dan 3 maanden verzuimden"). It is not read where it is a
period of the study: after "after", "at", "during", "in" (English and Dutch), "over" (a
bound as "for over", "of over", and right beside what lasts: "sick-listed over 8 weeks",
"over 3 months of pain"), "following", "next", "previous", "followed (for)" ("at 12 months",
"sick-leave days over 12 months", "days of sick leave in 12 months", "followed for one
year"); an age ("aged 18-60 years"); an adjective ("an 8-week programme", "12-month
follow-up"); an arm allocated to ("randomised ... to ten weeks of training"); in a sentence of
results (median, mean, %, p, a hazard or odds ratio: "median sick leave was 58 days"); with
the verb of a result or another number between ("sick leave was 28 days", "days on benefit in
12 months (margin 15 days)"), or in an exclusion criterion.
"Within 10 days of the injury" is an upper bound where a ``duration_of`` term follows;
otherwise "within" is a result ("returned within 6 weeks").

A month is four weeks and a year 52: authors write the reviews' twelve weeks as three months,
so "more than 3 months" is chronic and "less than 3 months" is not. The range found decides:
the label whose range holds it is one whole sign (weight 1); a closed range across two labels
("sick-listed 2 to 6 months") is one sign for the label holding most of it, as a reviewer
places a trial by most of its population, and half a sign for each when no label holds most;
an open range across labels ("more than 4 weeks", "up to 12 months") is half a sign for each
label it reaches (no decision alone).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field
from reviewkit.classify.measurement import RESULT_SENTENCE
from reviewkit.classify.negation import excluded
from reviewkit.classify.terms import find_term
from reviewkit.classify.words import HYPHENS, sentence_around
from reviewkit.protocol import Label, Scheme

# Number words up to twenty-four (a population's weeks or months) in English, Norwegian,
# Swedish, Danish and Dutch; "one", "ett", "et", "een" and "a" are one, "a" after a bound only
# ("more than a year", "less than a week"; "twice a week" is no duration). The Scandinavian
# "en" is not: it is Dutch "and" in a range ("6 en 12 weken").
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "a": 1, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "twenty-four": 24,
    "ett": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
    "åtte": 8, "ni": 9, "ti": 10, "tolv": 12, "två": 2, "fyra": 4, "sex": 6, "åtta": 8,
    "tio": 10, "otte": 8, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "acht": 8, "negen": 9, "tien": 10, "twaalf": 12,
}  # fmt: skip
# Weeks per unit, by the unit's forms in the five languages (a month is 4 weeks: see above)
UNITS = (
    (r"days?|dager|dag|døgn|dagar|dage|dagen", 1 / 7),
    (r"weeks?|wks?|uker|uke|uka|veckor|vecka|veckan|uger|uge|weken", 1.0),
    (r"months?|mos?|måneder|måned|måneden|månader|månad|maanden|maand|mnd", 4.0),
    (r"years?|yrs?|år|året|jaar", 52.0),
)
_NUM = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
_UNIT = "|".join(f"(?:{u})" for u, _ in UNITS)


@cache  # compiled on first use: most protocols read no duration, and every command imports this
def atom() -> re.Pattern[str]:
    """A number or two (a range or a list), a plus ("12+ weeks") and a unit; an adjective
    ("8-week") has a hyphen. A hyphen is any of words.HYPHENS ("8‑week" with U+2011 too)."""
    hyphen = f"[{re.escape(HYPHENS)}]"
    return re.compile(
        rf"(?<![\w.,{re.escape(HYPHENS)}])(?P<a>{_NUM})"
        rf"(?:\s*(?P<join>{hyphen}|—|to|til|till|tot|and|og|och|en|or)\s*(?P<b>{_NUM}))?"
        rf"(?P<plus>\s*\+)?(?P<gap>[\s]*{hyphen}?[\s]*)(?P<unit>{_UNIT})(?:'s|’s|'|’)?(?!\w)",
        re.IGNORECASE,
    )


def adjective(m: re.Match[str]) -> bool:
    """Whether a duration of :func:`atom` is an adjective: one number and a hyphen before its
    unit ("8-week", "12‑month")."""
    return not m.group("b") and any(h in m.group("gap") for h in HYPHENS)


LOWER_BOUND = re.compile(
    r"(?<!\w)(?:more than|longer than|greater than|(?:for|of|since|lasting|been) over|at least|exceeding|in excess of|minimum of|"
    r">|≥|>=|mer enn|lenger enn|minst|mer än|längre än|mere end|længere end|mindst|"
    r"meer dan|langer dan|minstens|ten minste)\s*$",
    re.IGNORECASE,
)
UPPER_BOUND = re.compile(
    r"(?<!\w)(?:less than|shorter than|fewer than|no more than|under|up to|maximum of|within|since "
    r"less than|<|≤|<=|mindre enn|kortere enn|inntil|opptil|mindre än|kortare än|högst|"
    r"mindre end|kortere end|højst|minder dan|korter dan|hoogstens|maximaal)\s*$",
    re.IGNORECASE,
)
_OPEN_AFTER = re.compile(
    r"^\s*(?:\+|(?:or (?:more|longer|over)|and (?:more|over|longer)|eller (?:mer|mere|längre)|"
    r"of (?:langer|meer))\b)",  # "+" no word: no word boundary after it
    re.IGNORECASE,
)
_SHUT_AFTER = re.compile(r"^\s*(?:or (?:less|shorter|fewer)|eller mindre|of minder)\b", re.I)
# "over N" right after what lasts is a bound, as "more than" ("sick-listed over 8 weeks", "back
# pain over 3 months"; Norwegian and Danish "over", Swedish "över": "sykmeldt over 8 uker");
# after anything else a period of the study ("sick-leave days over 12 months"), as it is in an
# outcome's sentence ("sickness absence over 12 months was the primary outcome")
_OVER = re.compile(r"(?<!\w)(?:over|över)\s*$", re.IGNORECASE)
_OUTCOME = re.compile(r"\b(?:outcomes?|measured|registered|recorded|assessed)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"(?<!\w)(?:between|from|mellom|fra|mellan|från|mellem|tussen|van)\s*$", re.I)
# a period of the study, not the population's duration: the words just before the number
_PERIOD = frozenset(
    {
        "after", "at", "during", "in", "following", "next", "previous", "past", "last",
        "preceding", "first", "subsequent", "per", "every", "each", "follow-up", "followup",
        "etter", "efter", "na", "om", "innen", "inom", "inden", "neste", "tijdens",
        "over",  # "over the 12 months"; "over 12 months" a bound only after what lasts (_OVER)
        "followed", "observed", "monitored", "aged", "age",  # a follow-up; an age
    }
)  # fmt: skip
# A duration with a figure right after it, or right after another duration, no word between,
# is a table's cell flattened into the text, each arm's or a result's ("pain duration 14 weeks
# 12 weeks 0.43"), not a sentence's
_CELL = re.compile(r"[ \t]+[\d.]")
DETERMINERS = frozenset({"the", "a", "an", "de", "det", "den", "het", "these", "those"})
# a result's verb or figure between the duration and what it is of ("sick leave was 28 days")
RESULT_VERB = frozenset(
    {"was", "were", "is", "are", "averaged", "totalled", "totaled", "vs", "versus"}
    | {"var", "ble", "blev", "bedroeg", "werd"}  # Norwegian, Swedish, Danish, Dutch
)
# A sample's age and sex, described in the sentence that includes it ("134 workers (mean age 42
# years, 60% women) sick-listed for more than 3 months"): no result, so no reason to leave its
# duration out
_SAMPLE = re.compile(
    r"\b(?:(?:mean|median|average)\s+age|gjennomsnittsalder|medelålder|gennemsnitsalder|"
    r"gemiddelde\s+leeftijd)\b|\d+(?:[.,]\d+)?\s*%\s*(?:were\s+)?(?:wo)?(?:men|males?|females?|"
    r"kvinner|menn|kvinnor|män|kvinder|mænd|vrouwen|mannen)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w’'-]+")
REACH_BEFORE = 6  # words from what lasts to its duration ("sick-listed for more than 90 days")
REACH_AFTER = 4  # words from a duration to what lasts ("three weeks' duration", "6 months of pain")


def number_of(text: str) -> float:
    low = text.casefold().strip()
    return float(low.replace(",", ".")) if low[0].isdigit() else float(_WORDS[low])


def weeks_per(unit: str) -> float:
    return next(w for u, w in UNITS if re.fullmatch(u, unit, re.IGNORECASE))


def _period(text: str, start: int) -> bool:
    """Whether the word before ``start`` (past a determiner or "for": "during the 6 months",
    "followed for 12 months") makes the duration there a period of the study ("at 12
    months", "over the following 12 months") or an age ("aged 18-60 years")."""
    before = [w.casefold() for w in WORD.findall(text[max(0, start - 60) : start])][-2:]
    if len(before) == 2 and before[1] not in DETERMINERS | {"for"}:  # "followed for 1 year"
        before = before[1:]
    return bool(set(before) & _PERIOD)


def durations(text: str) -> list[tuple[int, int, float, float, str]]:
    """Each duration written in ``text`` as (start, end, lowest, highest weeks, anchored):
    joined ranges ("6 weeks to 6 months") and bounds ("more than six weeks but less
    than twelve") made one; adjectives ("an 8-week programme") and periods of the study
    ("at 12 months") left out. ``anchored``: "after" where what lasts must follow ("within
    10 days of the injury"), "next" where it must be right beside it ("sick-listed over
    8 weeks", "over 3 months of pain"), "" where either side will do."""
    out: list[list] = []
    last = -1  # where the duration before ended
    for m in atom().finditer(text):
        cell = _CELL.match(text, m.end()) or (last >= 0 and not text[last : m.start()].strip())
        last = m.end()
        if cell or adjective(m):  # a table's; "8-week" an adjective
            continue
        per = weeks_per(m.group("unit"))
        a = number_of(m.group("a")) * per
        b = number_of(m.group("b")) * per if m.group("b") else a
        before = text[: m.start()]
        lo, hi, anchored = min(a, b), max(a, b), ""
        lower, upper = LOWER_BOUND.search(before), UPPER_BOUND.search(before)
        between = _BETWEEN.search(before)
        listed = m.group("join") and m.group("join").casefold() in {"and", "og", "och", "en", "or"}
        if listed and not between:  # "at 3 and 12 weeks": a list, read as its ends
            lower = upper = None
        start = m.start()
        if m.group("a").casefold() == "a" and not (lower or upper):  # "twice a week"
            continue
        if lower:
            hi, start = math.inf, lower.start()
        elif upper:
            anchored = "after" if upper.group(0).casefold().startswith("within") else ""
            lo, start = 0.0, upper.start()
        elif between:
            start = between.start()
        elif not m.group("b") and (over := _OVER.search(before)):
            hi, start, anchored = math.inf, over.start(), "next"
        after = text[m.end() :]
        if _OPEN_AFTER.search(after) or m.group("plus"):  # "12 weeks+", "12+ weeks"
            hi = math.inf
        elif _SHUT_AFTER.search(after):
            lo = 0.0
        if _period(text, start):
            continue
        if _join(out, text, start, m.end(), lo, hi):
            continue
        if _allocated(text, start):
            continue
        out.append([start, m.end(), lo, hi, anchored])
    return [tuple(d) for d in out]  # type: ignore[misc]


def _allocated(text: str, start: int) -> bool:
    """Whether the duration at ``start`` follows "to" (not a range's, :func:`_join` took
    those): an arm a trial allocated to ("randomised ... to ten weeks of supervised training"),
    not how long the population had been ill."""
    before = WORD.findall(text[max(0, start - 20) : start])
    return bool(before) and before[-1].casefold() == "to"


def _join(out: list[list], text: str, start: int, end: int, lo: float, hi: float) -> bool:
    """Join a duration to the one just before it: "6 weeks to 6 months" (a range), "more than
    six weeks but less than twelve weeks" (two bounds of one range)."""
    if not out:
        return False
    prev = out[-1]
    gap = text[prev[1] : start].strip().casefold()
    if gap in {"to", *HYPHENS, "til", "till", "tot"}:
        prev[1], prev[3] = end, max(prev[3], hi)
        return True
    two_bounds = (math.isinf(prev[3]) and lo == 0) or (prev[2] == 0 and math.isinf(hi))
    if gap in {"but", "and", "men", "og", "och", "en", "maar"} and two_bounds:
        prev[1], prev[2], prev[3] = end, max(prev[2], lo), min(prev[3], hi)
        return True
    return False


def label_weights(labels: Sequence[Label], lo: float, hi: float) -> dict[str, float]:
    """Each label's weight for a duration of ``lo``..``hi`` weeks (see the module's note)."""
    ranged = [lab for lab in labels if lab.duration_weeks]
    inside = [
        lab.id
        for lab in ranged
        if lab.duration_weeks[0] <= lo and hi <= lab.duration_weeks[1]
        and not (lo == hi and lo in lab.duration_weeks and lo != 0)  # a point on a boundary
    ]  # fmt: skip
    if len(inside) == 1:
        return {inside[0]: 1.0}
    share = {
        lab.id: max(0.0, min(hi, lab.duration_weeks[1]) - max(lo, lab.duration_weeks[0]))
        for lab in ranged
    }
    reached = [k for k, v in share.items() if v > 0] or [
        lab.id for lab in ranged if lab.duration_weeks[0] <= lo <= lab.duration_weeks[1]
    ]
    # a range closed at both ends ("up to 12 months" is open) and of some width: a point on a
    # boundary ("6 weeks" where one range ends and the next begins) is half a sign for each
    if math.isfinite(hi) and 0 < lo < hi:
        most = [k for k, v in share.items() if v / (hi - lo) > 0.5]
        if most:
            return {most[0]: 1.0}
    return dict.fromkeys(reached, 0.5)


def range_words(weeks: tuple[float, float], what: str = "duration") -> str:
    """A label's ``duration_weeks`` as a person confirming its suggestion reads it: "duration
    of more than 12 weeks" ([12, inf]), "of less than 6 weeks" ([0, 6]), "of 6 to 12 weeks"
    (``what``: "follow-up" for a scheme of the study's follow-up)."""
    a, b = weeks
    if math.isinf(b):
        return f"{what} of more than {a:g} weeks"
    return f"{what} of less than {b:g} weeks" if a == 0 else f"{what} of {a:g} to {b:g} weeks"


def duration_evidence(scheme: Scheme, fields: list[Field]) -> list[Evidence]:
    """The labels' evidence from durations of what ``scheme.duration_of`` names, written in
    the record's ``fields`` (none when the scheme names nothing that lasts)."""
    if not scheme.duration_of or not any(lab.duration_weeks for lab in scheme.labels):
        return []
    out = []
    for n, f in enumerate(fields):
        found = durations(f.text)
        if not found:
            continue
        own = scheme.instruments  # "PSS-10 stress": what was measured, no anchor
        anchors = [
            e.span for t in scheme.duration_of for e in find_term(t, [f], "", instruments=own)
        ]
        for start, end, lo, hi, anchored in found:
            if not _of_what_lasts(f, start, end, anchors, anchored):
                continue
            first = next(k for k, w in enumerate(f.words) if w.end > start)
            last = max(k for k, w in enumerate(f.words) if w.start < end)
            if excluded(f.text, f.words, first, last):
                continue
            for label, weight in label_weights(scheme.labels, lo, hi).items():
                term = range_words(scheme.label(label).duration_weeks)
                term += "" if weight >= 1 else " (in part)"
                out.append(
                    Evidence(label, term, f.where, f.text[start:end], weight, span=(n, start, end))
                )
    return out


def _counted_in_units(before: str) -> bool:
    """Whether ``before`` (the text before what lasts) ends with a unit and "on", "of" or "in"
    ("days on", "weeks of"): what lasts is counted, an outcome, not the population's state."""
    words = [w.casefold() for w in WORD.findall(before)][-2:]
    return (
        len(words) == 2
        and words[1] in {"on", "of", "in", "på", "i", "op"}
        and any(re.fullmatch(u, words[0]) for u, _ in UNITS)
    )


def _of_what_lasts(f: Field, start: int, end: int, anchors: list, anchored: str) -> bool:
    """Whether the duration at ``start``..``end`` is of what the scheme names (a term of
    ``anchors`` near it in its sentence, on the side ``anchored`` says: see :func:`durations`)
    at inclusion, not a result."""
    s_start, s_end = sentence_around(f.text, start)
    sentence = _SAMPLE.sub(" ", f.text[s_start:s_end])
    if RESULT_SENTENCE.search(sentence) or (anchored == "next" and _OUTCOME.search(sentence)):
        return False
    # "over" next to what lasts: no word between ("pain over 3 months"), or "of" after it
    # ("over 3 months of back pain"), and what lasts not counted in days ("days on sick leave
    # over one year", "weeks on sickness benefit over two years": an outcome's period); any
    # other bound within its reach
    reach_before = 0 if anchored == "next" else REACH_BEFORE
    for _, a_start, a_end in (a for a in anchors if a is not None):
        if not (s_start <= a_start < s_end):
            continue
        if anchored == "next" and _counted_in_units(f.text[max(0, a_start - 30) : a_start]):
            continue
        if a_end <= start and anchored != "after":
            gap = f.text[a_end:start]
            between = [w.casefold() for w in WORD.findall(gap)]
            counted = any(c.isdigit() for c in gap)  # "in 12 months (margin 15 days)"
            if len(between) <= reach_before and not set(between) & RESULT_VERB and not counted:
                return True
        elif a_start >= end:
            between = [w.casefold() for w in WORD.findall(f.text[end:a_start])]
            if len(between) <= REACH_AFTER and (anchored != "next" or between[:1] == ["of"]):
                return True
    return False
