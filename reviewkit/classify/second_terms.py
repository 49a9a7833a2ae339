"""What a comparison's second term names: a time of the study's own arm, or the other arm by its
role alone, neither of which is a treatment.

"Compared to baseline", "versus pre-intervention levels", "than before" set a study's arm against
itself earlier; "compared with the control group", "versus controls", "than the comparison arm"
name the trial's other arm by its place in the design, not by what it received. Results sections
write them in every kind of trial (placebo, usual care, waiting list, head to head), so neither is
a sign that two treatments were compared (:func:`reviewkit.classify.arm_cues.compares_no_arm`),
and a time is no comparator's reach either.
"""

from __future__ import annotations

import re

from reviewkit.classify.words import low_at

# A comparison with a time, not an arm: "compared to baseline", "compared with the year
# before", "lower than before", "versus pre-intervention levels" set the study's own arm against
# itself earlier, and the words after it name what was tested as often as not ("compared to
# baseline after a workplace visit"): no comparator's reach. The time is B's first word (after
# "the", "at" or a possessive), or a span of time followed by "before" or "prior"
_TIME_POINTS = frozenset(
    {"baseline", "before", "prior", "previous", "preceding", "earlier", "pre", "pretreatment",
     "preintervention", "pretest"}
)  # fmt: skip
_SPANS = frozenset({"year", "years", "months", "weeks", "period", "days"})
# A time point of a trial's schedule written as T and its number ("compared to T0", "at T1
# versus T0"): the same arm at another time, as "baseline" is
_TIME_CODE = re.compile(r"t\d{1,2}")
# An arm's noun after "control" or "comparison"
ARM_NOUNS = frozenset(
    {
        "group", "groups", "arm", "arms", "condition", "conditions", "region", "regions",
        "department", "departments", "site", "sites", "workplace", "workplaces", "practice",
        "practices", "clinic", "clinics", "centre", "centres", "center", "centers",
        "municipality", "municipalities", "patients", "participants", "workers", "employees",
        "intervention", "treatment", "cohort",
    }
)  # fmt: skip
# The other arm by its role: "the control group", "the comparison arm", "the intervention
# group" (the control arm's side of the comparison), "controls"
ROLES = frozenset({"control", "comparison", "intervention", "experimental", "treatment", "other"})
# Words before the role that name no treatment: determiners, and how controls were chosen or
# who they are ("matched controls", "healthy controls", "the untreated control group")
_BEFORE_ROLE = frozenset(
    {"the", "a", "an", "their", "its", "those", "all", "matched", "age", "sex", "healthy",
     "untreated", "concurrent", "historical", "external", "randomised", "randomized", "same"}
)  # fmt: skip
# A description right after the role's noun names what the arm received: "compared with the
# control group receiving massage", "versus a control group that did stretching", "than the
# comparison arm given a leaflet"
_DESCRIBED = frozenset(
    {"receiving", "received", "given", "who", "that", "which", "treated", "with", "undergoing",
     "doing", "on", "using", "allocated", "assigned", "randomised", "randomized", "where",
     "whose", "consisting", "comprising", "offered", "provided"}
)  # fmt: skip
# Or what the arm was, after "of" ("the control intervention of stretching", "the comparison
# group of usual physiotherapy") or "in which" ("the control condition, in which participants
# did stretching"); not its size ("the control group of 45 workers")
_DESCRIBED_AFTER = {"of": None, "in": "which"}


def described(words: list, k: int) -> bool:
    """Whether word ``k``, right after the role's noun, opens what the arm received."""
    w = low_at(words, k)
    if w in _DESCRIBED:
        return True
    if w not in _DESCRIBED_AFTER:
        return False
    after = low_at(words, k + 1)
    wanted = _DESCRIBED_AFTER[w]
    return after == wanted if wanted else bool(after) and not after[0].isdigit()


def names_time(words: list, j: int) -> bool:
    """Whether B, starting at word ``j``, is a time of the study's own arm (:data:`_TIME_POINTS`,
    "T0")."""
    for _ in range(2):
        if low_at(words, j) not in {"the", "at", "its", "their"}:
            break
        j += 1
    w = low_at(words, j)
    return (
        w in _TIME_POINTS
        or _TIME_CODE.fullmatch(w) is not None
        or (w in _SPANS and low_at(words, j + 1) in {"before", "prior"})
    )


def names_role(words: list, j: int) -> bool:
    """Whether B, starting at word ``j``, is the other arm by its role alone ("the control
    group", "controls", "matched controls", "the intervention group"), with no description of
    what it received after it ("the control group receiving massage")."""
    while low_at(words, j) in _BEFORE_ROLE:
        j += 1
    w = low_at(words, j)
    if w == "controls":
        end = j
    elif w in ROLES and low_at(words, j + 1) in ARM_NOUNS:
        end = j + 1
    else:
        return False
    return not described(words, end + 1)


def names_no_arm(words: list, j: int) -> bool:
    """Whether B, starting at word ``j``, names no treatment: a time or a role."""
    return names_time(words, j) or names_role(words, j)
