"""Whether a comparison's or an allocation's words name two arms: the signs of the comparators
protocol's fallback (another active intervention) and of what a scheme of the intervention reads
as compared (:func:`reviewkit.classify.readings.kept`).

A comparison's second term may name no treatment: a time of the study's own arm or the other arm
by its role alone ("compared to baseline", "versus the control group":
:mod:`reviewkit.classify.second_terms`). Two more kinds of these words say no two treatments
were compared: a comparison of two result figures ("40.6% versus 30.3%", "3.72 ± 1.51 vs 3.05",
"29 vs 126; P < 0.001": :func:`compares_figures`), which every kind of trial reports between
its arms, placebo and usual care as much as head to head; and an allocation to the arms by
their roles or their count alone ("randomized to the intervention or control group", "randomly
assigned to two groups", "to one of the two conditions": :func:`allocates_roles`), which every
two-arm trial writes. A comparison of doses or schedules written as whole numbers with their
unit ("25 vs 15 hours per week", "100 vs. 6 mg/kg", "six versus twelve hours"), or with
decimals before a unit of dose ("0.5 vs 1.0 mg/kg"), names the arms and still counts; so does
an allocation that names what an arm received ("randomised to SMBP or usual care", "into two
groups where Group 1 received ivermectin", "the intervention group (IG), in which members
attended ...", "into control group and DNP group", "to the control group or acupuncture").
"""

from __future__ import annotations

import re

from reviewkit.classify.comparator import ALLOCATED, COMPARE, COMPARE_OBJECT, compared_object
from reviewkit.classify.second_terms import ARM_NOUNS, ROLES, described, names_no_arm
from reviewkit.classify.words import low_at

# The last word of a comparison's cue as a term finds it ("versus", "compared with",
# "comparable to", "than"): B starts right after it
_CUE_ENDS = COMPARE | COMPARE_OBJECT
# An allocation's cue as a term finds it: "randomized to", "randomly divided into"
_ALLOCATED_INTO = frozenset({"to", "into"})
_DIVIDED = "divided"


def compares_no_arm(text: str, words: list, first: int, last: int) -> bool:
    """Whether words ``first``..``last`` are a comparison's cue ("versus", "compared with",
    "comparing" with its object) whose second term names no treatment: a time or the other arm
    by its role alone (:func:`~reviewkit.classify.second_terms.names_no_arm`: "compared with
    the control group", "versus controls", "compared to baseline"), or that stands between two
    result figures ("40.6% versus 30.3%"); or an allocation's cue whose arms are roles alone
    ("randomized to the intervention or control group"). Two named arms are compared where B
    names what its arm received."""
    cue = [low_at(words, k) for k in range(first, last + 1)]
    if cue[-1] in _ALLOCATED_INTO and any(ALLOCATED.match(w) or w == _DIVIDED for w in cue):
        return allocates_roles(text, words, last + 1)
    if not any(w.startswith("compar") or w in COMPARE for w in cue):
        return False
    if compares_figures(text, words, first, last):  # "40.6% versus 30.3%"
        return True
    if cue[-1] in _CUE_ENDS:
        return names_no_arm(words, last + 1)
    if low_at(words, last + 1) in COMPARE_OBJECT:  # "compared with" read from the verb alone
        return names_no_arm(words, last + 2)
    j = compared_object(text, words, last, len(words) - 1)  # "to compare A with B"
    return j is not None and names_no_arm(words, j + 1)


# A result's figure right before the cue ("40.6% versus", "3.72±1.51 vs", "(65 versus"), and
# right after it ("30.3%", "3.05", "77%"): a number, its decimals, a percentage, a spread
_FIGURE = r"\d+(?:[.,·]\d+)?\s*%?"
_FIGURE_BEFORE = re.compile(
    rf"(?<![\w.])({_FIGURE})(?:\s*(?:±|\+/-|SD)\s*\d+(?:[.,·]\d+)?)?\s*[)\]]?\s*$", re.IGNORECASE
)
_FIGURE_AFTER = re.compile(rf"^\.?\s*({_FIGURE})(?!\w)", re.IGNORECASE)
# What makes two numbers a result's: a percentage, decimals, a spread, or a statistic after B
# ("29 vs 126; P < 0.001", "79 vs 68, p = 0.051", "..., respectively")
_SHARE_OR_SPREAD = r"%|±|\+/-|\bSD\b"
_RESULT_MARK = re.compile(rf"{_SHARE_OR_SPREAD}|\d[.,·]\d", re.IGNORECASE)
_NO_DOSE = re.compile(_SHARE_OR_SPREAD, re.IGNORECASE)
# Decimals with a unit of dose after B are the arms' doses ("0.5 vs 1.0 mg/kg", "0.5 versus
# 1.5 mg/kg/day", "1.8 vs 2.4 Gy"), as whole numbers with their unit are: a drug's dose is
# written with decimals as often as not; a concentration ("0.5 vs 1.0 mg/dL", "µg/mL") or a
# weight ("2.5 vs 1.0 kg") is a result
_DOSE_UNIT = re.compile(
    r"\s*(?:mg|µg|μg|mcg|ug|g|iu|gy|mmol)(?:\s*/\s*(?:kg|m2|m²|day|d|dose|h|hour))*"
    r"(?![\w/])",
    re.IGNORECASE,
)
# An odds, hazard or risk ratio as reports write it ("OR 1.2", "HR = 0.8", "RR, 1.1", "aOR:
# 1.2", "adjusted HR 0.8", "odds ratio", "hazard ratio", "relative risk", "risk ratio"): the
# words, or the capitals and a figure after them, for the word "or" after two doses starts
# another arm ("25 vs 15 hours, or usual care") and "hr" / "rr" in lower case are hours, heart
# or respiratory rate; capitals with no figure after them a title's word or an abbreviation.
# The interval may be named between the capitals and the figure ("HR (95% CI) 0.74 (…)", "OR
# [95% CI], 1.3"), as results tables and abstracts write it: a figure still follows
_INTERVAL = r"(?:\s*[(\[]\s*\d+\s*%\s*(?:CI|confidence\s+interval)\s*[)\]])?"
_RATIO = (
    r"(?:odds|hazard|risk)\s+ratio|relative\s+risk"
    rf"|(?:adjusted\s+)?(?-i:a?(?:OR|HR|RR))\b{_INTERVAL}\s*[,=:]?\s*\d"
)
# matched at B's end (pattern.match(text, pos)): no '^', which matches at the text's start alone
_STATISTIC_AFTER = re.compile(
    rf"\s*(?:[a-zµ/²]+\s*)?[,;]\s*(?:p\b|p\s*[<=>]|respectively|{_RATIO})", re.IGNORECASE
)
_FIGURE_REACH = 40  # characters before the cue: a figure with its spread and a bracket


def compares_figures(text: str, words: list, first: int, last: int) -> bool:
    """Whether the comparison's cue at words ``first``..``last`` ("versus", "vs", "compared
    with") stands between two result figures ("40.6% versus 30.3%"): no two arms named."""
    start, end = words[first].start, words[last].end
    a = _FIGURE_BEFORE.search(text[max(0, start - _FIGURE_REACH) : start])
    b = _FIGURE_AFTER.match(text[end : end + _FIGURE_REACH])
    if a is None or b is None:
        return False
    figures = a.group(0) + b.group(0)
    if _STATISTIC_AFTER.match(text, end + b.end()):
        return True
    if _NO_DOSE.search(figures) is None and _DOSE_UNIT.match(text, end + b.end()):
        return False  # "0.5 vs 1.0 mg/kg": two doses, two arms
    return _RESULT_MARK.search(figures) is not None


# An allocation's words before its arms that name none: determiners, a count of arms, "either"
_ALLOCATION_FILLER = frozenset(
    {"the", "a", "an", "either", "one", "of", "two", "three", "four", "equal", "following",
     "n", "or", "and", "both", "respective"}
)  # fmt: skip
# The words that join a role to another arm ("to the control group or acupuncture", "or to
# Pilates"): the word after them, not a filler nor a role, names what that arm received
_JOINS_ARMS = frozenset({"or", "versus", "vs"})
_BEFORE_ARM = frozenset({"to", "the", "a", "an"})
# The gap between two words of roles: a space, "=" of a count, a comma of a list
_ROLE_GAP = re.compile(r"[\s,=()]*")
# What opens the arms' names after their roles or count: a bracket, a colon, a dash
_ARMS_NAMED = re.compile(r"[(:\-–—]")


def allocates_roles(text: str, words: list, j: int) -> bool:
    """Whether an allocation's arms, from word ``j`` ("randomized to" then "the intervention or
    control group", "two groups", "one of the two conditions"), are named by roles or a count
    alone, with no description of what an arm received after them
    (:func:`~reviewkit.classify.second_terms.described`, names after a bracket, a colon or a
    dash: "the intervention group (IG), in which ...", "three groups: ...")."""
    k, arms = j, 0
    while k < len(words):
        w = low_at(words, k)
        if w in ROLES or w in ARM_NOUNS:
            arms += 1
        elif w not in _ALLOCATION_FILLER and not w.isdigit():
            # a word that names an arm by its noun ("into control group and DNP group") or
            # after "or" ("to the control group or acupuncture")
            named = {low_at(words, k + 1), low_at(words, k + 2)} & ARM_NOUNS
            return arms > 0 and not named and not described(words, k) and not _joined(words, k)
        if k + 1 < len(words):
            gap = text[words[k].end : words[k + 1].start]
            if not _ROLE_GAP.fullmatch(gap) or ("(" in gap and not _counted(words, k + 1)):
                # the sentence ends, or a bracket, a colon or a dash names the arms ("into three
                # groups: healthy controls, ...", "three groups - Group R received ...")
                return arms > 0 and _ARMS_NAMED.search(gap) is None
        k += 1
    return arms > 0 and not described(words, k)


def _joined(words: list, k: int) -> bool:
    """Whether word ``k`` follows "or" ("versus"), past "to" and an article: another arm."""
    j = k - 1
    while low_at(words, j) in _BEFORE_ARM:
        j -= 1
    return low_at(words, j) in _JOINS_ARMS


def _counted(words: list, k: int) -> bool:
    """Whether a bracket opening at word ``k`` holds a count ("(n = 32)", "(50)")."""
    return low_at(words, k) == "n" or low_at(words, k).isdigit()
