"""Comparator arms: what a trial compared its intervention with is not what it tested.

Authors (Review B's, and the reviews sorted by their own authors that the classifier is measured
on) label a trial by the arm it tested. The comparator is often described in the same words as
a model: "or to the existing programme, in which a physician, a physiotherapist ... assessed",
"usual care consisted of consultations with the general practitioner ... and follow-up by the
occupational physician, who contacted the employer", "in the control group a return-to-work
coordinator contacted the employer". A term there is no evidence for what the study is about.

The comparator is read where abstracts name it:

* **a comparison's second term**, from the cue to its clause's end: "compared with (to)",
  "versus", "vs", "than" ("no better than coordination by the insurance office"), "instead
  of" ("internet CBT may be offered instead of medication": the alternative), "(not)
  inferior to", "superior to", "as good (effective) as" (non-inferiority trials), and the last
  "or" of an allocation ("randomised to A or to B", "(1) ..., (2) ..., or (3) usual care"); a
  relative clause right after it ("..., in which a physician ...", "..., where ...") describes
  it to the sentence's end; a second term that is a time ("compared to baseline", "than
  before") is none;
* **the object of "compare"**: "To compare a workplace intervention with graded exercise", "we
  compared A against B", "A to B" (not "return to work"): from the first "with" (or
  "against", "to") within COMPARE_REACH words of the verb, in its clause, to the clause's end;
  "workers with" is the population, no arm, and "combined (together, in combination) with"
  joins a part of A to it;
* **a sentence about the comparator**: "usual care", "usual practice", "care (treatment) as
  usual", "standard care", "usual case management", or "control" / "comparison" before an
  arm's noun (group, arm, region, departments ...), or "controls" or "the comparator", among
  the first words of a sentence ("Usual care consisted of ...", "In the control group ...",
  "Patients in the comparison region continued ...", "The clinical intervention, the
  comparison arm, was given by ...", "The comparator was ..."): the whole sentence; as its
  clause's subject, with no verb before it in the clause, after a comma ("..., and usual
  care consisted of ..."): from the clause's start; before a verb that describes it however
  many words come first ("In the second of the trial's two arms the comparison intervention
  consisted of ..."): from the comparator itself, since those words may name the tested arm
  ("In this trial of CBT the control group received usual care"); elsewhere ("randomised to
  IPS or usual care", "added to usual case management") to its clause's end, or to the "or"
  right after it: an allocation that names the comparator first ("randomised to medical
  treatment as usual or a graded exercise programme", or as its first arm: "randomised to usual
  care (n=50) or to ...", "to care as usual by the general practitioner or to ...") has the
  tested arm last, so its last "or" then starts no comparator. Usual care with something added
  ("usual care plus a workplace visit", "supplemented with", "+") is the tested arm's base and
  reaches nothing;
* **a sentence about the allocation's last arm by its name**: "randomised to graded activity
  or to a brief intervention. The brief intervention was a clinical examination and advice
  ..." ("In the exercise programme, ..."): a later sentence of the field that opens with the
  arm's words (after "the", "in") describes it, as "Usual care consisted of ..." does.

Health states and disorders (:func:`reviewkit.classify.variables.names_disorder`) stay
evidence, and a comparison's reach ends where its population starts ("with usual care in women
on long-term sick leave"): a trial's arms are drawn from one population, so "the control group of 158 workers
with low back pain" names whom the study is about. "Controlled" ("a randomised controlled
trial") is no cue.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewkit.classify.second_terms import ARM_NOUNS, names_time
from reviewkit.classify.variables import names_disorder
from reviewkit.classify.words import low_at, sentences, tokens, verb_in_ed

# "compared with/to", "versus", "vs", "than": the words after them name what was compared with
COMPARE = frozenset({"versus", "vs", "than"})
# A non-inferiority or superiority trial's comparison: "(not) inferior to", "superior to", "as
# good (effective) as" ("as well as" is "and": no comparison)
_RANKED = frozenset({"inferior", "noninferior", "superior"})
_AS_GOOD = frozenset({"good", "effective", "efficient", "beneficial", "useful"})
_COMPARED = frozenset({"compared", "comparing"})
_COMPARED_WITH = frozenset({"with", "to"})
# A passive comparison's verb: "usual care was compared with A" (its subject the comparator)
_BE = frozenset({"was", "were", "is", "are"})
# The comparator named by the word for it, as "controls" names the control arm's people: "The
# comparator was the occupational health service's workplace-oriented intervention, in which a
# nurse contacted the supervisor", "comparators were waiting list and usual care"
_NAMED_ARM = frozenset({"controls", "comparator", "comparators"})
# The comparator named by what it is: usual care and its synonyms ("usual case management",
# "ordinary case work")
_USUAL = frozenset({"usual", "standard", "conventional", "ordinary"})
_AS_USUAL = frozenset({"care", "treatment", "practice"})
# Allocation: the last "or" after one of these names the comparator (trials list it last)
ALLOCATED = re.compile(r"randomi[sz]ed|allocated|assigned")
# "to" at most ALLOCATED_REACH words after it ("randomised to", "randomised (1:1) to"): the
# allocation ratio between; 1 to 6 give the same figures on every set (classify-limits.md)
ALLOCATED_REACH = 3
# The words of an allocation's last arm that name it in a later sentence of the field ("or to
# a brief intervention" ... "The brief intervention was a clinical examination"): a name's
# adjective and noun, a few more for a longer name
ARM_NAME = 3
# A sentence's first words: the comparator as its subject or opening phrase ("In the control
# group", "Workers in the usual care arm"): a noun phrase or a prepositional opening, up to the
# main verb. Measured (classify-limits.md): 1 word to no limit give the same figures on every
# set since the clause-subject reach (:func:`_subject_reach`) reads most openings; 1 fails a
# test ("The control group, workers with depression, ..."). A longer reach would take a
# comparator named after a verb that is not in -ed ("saw", "met") for an opening.
OPENING = 6
# Words before a sentence's comparator noun that make it no opening phrase: a verb, an arm
_NOT_OPENING = frozenset({"to", "or", "with", "versus", "vs", "than", "were", "was", "and"})
# A verb right after the comparator's phrase makes it its clause's subject however many words
# come first ("In the second of the trial's two arms the comparison intervention consisted of
# ..."), also in a clause after a comma ("..., and usual care consisted of ...")
_DESCRIBES = frozenset(
    {
        "consisted", "consists", "comprised", "comprises", "included", "includes", "involved",
        "involves", "received", "receive", "receives", "continued", "was", "were", "is", "are",
    }
)  # fmt: skip
# Words that join a clause to the one before: skipped at a clause's start
_JOINING = frozenset({"and", "but", "while", "whilst", "whereas"})
# A clause after a comma that still describes the comparator just named
_RELATIVE = frozenset({"in", "where", "which", "who", "whereby", "consisting"})
_CLAUSE_END = re.compile(r"[,;:()\[\]]")
# The trial's population after the comparator's phrase is the arms' own: it ends the reach
# ("usual care in women ...", and the people both arms are given to: "to give stepped care or
# care as usual to workers who were absent from work")
_WHOM = frozenset({"in", "among", "for", "to"})
# with people at most WHOM_REACH words after it ("in women", "among sick-listed workers", "for
# the sick-listed employees"): a noun phrase's determiner and adjectives; 1 to 6 give the same
# figures on every set (classify-limits.md)
WHOM_REACH = 3
PEOPLE = frozenset(
    {
        "women", "men", "workers", "employees", "patients", "people", "persons", "adults",
        "participants", "individuals", "citizens", "those", "employee", "worker", "patient",
    }
)  # fmt: skip


# "To compare A with B", "we compared A against B", "we compared A to B": the verb, then the
# word that starts B
_COMPARE_VERBS = frozenset({"compare", "compares", "compared", "comparing"})
COMPARE_OBJECT = frozenset({"with", "against", "to"})
# "to" is also the destination of the field's outcome and an infinitive: "compared return to
# work after a workplace visit to graded activity" (B is graded activity), "compared time to
# return to work between ...". A "to" after "return" or "back", or before "work" or "return",
# starts no B. Nor does the "to" a noun takes as its complement, as "return" does: "compared
# adherence (referral, access, exposure) to a workplace programme between regions", "compared
# two approaches to workplace rehabilitation": the words after it are A's, the study's own.
_TAKES_TO = frozenset(
    {"return", "returning", "returned", "back", "adherence", "compliance", "referral",
     "referrals", "access", "exposure", "approach", "approaches", "attendance", "transition",
     "response", "responses", "barriers", "attitudes", "commitment"}
)  # fmt: skip
_TO_RETURN_AFTER = frozenset({"work", "return", "returning"})
# B's cue at most COMPARE_REACH words after the verb: A's noun phrase between ("a
# workplace-oriented intervention", "the effect of a participatory programme")
COMPARE_REACH = 8
# A "with" that joins two parts of one arm, not its comparator: "To compare CBT combined with
# workplace visits with usual care", "exercise therapy together with a workplace visit",
# "training in combination with ..."
_JOINED_WITH = frozenset(
    {"combined", "together", "along", "combination", "coupled", "supplemented", "integrated"}
)
# Usual care with something added is the tested arm, not the comparator: "randomised to usual
# care or usual care plus a workplace visit", "usual care supplemented with ...", "usual care +
# a workplace visit". "with" alone is left out: it names usual care's provider as often ("usual
# care with the occupational physician").
_ADDED = _JOINED_WITH | {"plus", "augmented"}
# Words between a comparator's noun phrase and the "or" of an allocation that still end it: a
# qualifier of the arm ("usual care alone or ...", "usual care only or ...") or the arm's noun
# ("the usual care group or ..."). "usual case management" is a cue of three words, whatever
# the head noun after "case" ("usual case work"), not a tail (before task 32 "management" was
# one, set from one row)
_ARM_TAIL = frozenset({"alone", "only", "group", "arm"})


# "More than four weeks", "longer than 14 days", "less than a year": a quantity, no arm
_NUMBER = re.compile(r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|half")
_MORE = frozenset({"more", "less", "fewer", "longer", "shorter", "older", "younger", "greater"})


# A currency amount is a quantity too. Its symbol is no word ("than $50", "than €200", "than
# £10" read as "than 50"), nor is a code after the number ("than 50 USD"); a code before it is:
# ISO 4217's codes of the countries whose studies return-to-work reviews include, and "US" of
# "US$50", then the amount, joined ("NOK5000") or as the next word ("CAD $50", "NOK 5000").
# The codes are written in capitals, as ISO 4217 and "US$" write them: in lower case "us" is the
# pronoun ("no better than us"), and "cad" or "eur" no code (before task 32 the match ignored
# case, so "than us 2 coordinators" read as an amount)
_CURRENCY = re.compile(
    r"(?:USD|US|CAD|AUD|NZD|EUR|GBP|NOK|SEK|DKK|ISK|CHF|JPY|CNY|INR|ZAR|BRL|SGD|HKD)(\d+)?"
)


def _amount(words: list, k: int) -> bool:
    """Whether word ``k`` is a currency code with its amount ("CAD $50", "NOK5000")."""
    m = _CURRENCY.fullmatch(words[k].word) if 0 <= k < len(words) else None
    return m is not None and bool(m.group(1) or low_at(words, k + 1)[:1].isdigit())


def _quantity(words: list, k: int) -> bool:
    """Whether "than" at ``k`` compares a quantity ("more than four weeks", "less than CAD
    $50")."""
    after = low_at(words, k + 1)
    if after[:1].isdigit() or _NUMBER.fullmatch(after) or _amount(words, k + 1):
        return True
    return low_at(words, k - 1) in _MORE and after in {"a", "an"}


def _cue_length(words: list, k: int) -> int:
    """How many words a comparator cue starting at word ``k`` has (0: none); a negative length
    marks a noun-phrase cue (usual care, the control group), a positive one a comparison's."""
    w = low_at(words, k)
    if w in COMPARE:
        return 0 if w == "than" and _quantity(words, k) else 1
    if w in _RANKED and low_at(words, k + 1) == "to":
        return 2
    if w == "as" and low_at(words, k + 1) in _AS_GOOD and low_at(words, k + 2) == "as":
        return 3
    if w in _COMPARED and low_at(words, k + 1) in _COMPARED_WITH:
        return 2
    if w == "instead" and low_at(words, k + 1) == "of":  # "A instead of B": B the alternative
        return 2
    if w in _USUAL and low_at(words, k + 1) in _AS_USUAL:
        return -2
    if w in _USUAL and low_at(words, k + 1) == "case" and low_at(words, k + 2):
        return -3  # "usual case management (work, handling)": "case" qualifies its head noun
    if w in _AS_USUAL and low_at(words, k + 1) == "as" and low_at(words, k + 2) == "usual":
        return -3
    if w in {"control", "comparison"} and low_at(words, k + 1) in ARM_NOUNS:
        return -2
    if w in _NAMED_ARM:
        return -1
    return 0


def _clause_end(text: str, words: list, k: int, stop: int) -> int:
    """The index of the last word of the clause from word ``k``, at most ``stop``; a relative
    clause after it ("..., in which a physician, a physiotherapist and ... assessed") describes
    the comparator to the sentence's end (its list has commas of its own)."""
    while k < stop:
        if _CLAUSE_END.search(text[words[k].end : words[k + 1].start]):
            return stop if low_at(words, k + 1) in _RELATIVE else k
        if _population_after(words, k):
            return k
        k += 1
    return stop


def _population_after(words: list, k: int) -> bool:
    """Whether the population starts after word ``k``: "in", "among", "for" or "to" with people
    at most WHOM_REACH words after it ("with usual care in women on long-term sick leave")."""
    if low_at(words, k + 1) not in _WHOM:
        return False
    return any(low_at(words, k + d) in PEOPLE for d in range(2, WHOM_REACH + 2))


def _allocation_before(words: list, first: int, k: int) -> bool:
    """Whether "randomised (allocated, assigned) ... to" stands between words ``first`` and
    ``k`` ("were randomised to", "were randomised (1:1) to")."""
    return any(
        ALLOCATED.fullmatch(low_at(words, j))
        and "to" in {low_at(words, j + d) for d in range(1, ALLOCATED_REACH + 1)}
        for j in range(first, k)
    )


def _opens(words: list, first: int, k: int) -> bool:
    """Whether the comparator's noun at ``k`` is its sentence's subject or opening phrase: no
    verb or comparison before it ("Patients were randomised to IPS or usual care" names the
    tested arm too; "Patients in the comparison region continued ..." does not)."""
    if _cue_length(words, first) > 0:  # "Compared with usual care, ..."
        return False
    before = [low_at(words, j) for j in range(first, k)]
    return not any(w in _NOT_OPENING or verb_in_ed(w) for w in before)


def _clause_start(text: str, words: list, first: int, k: int) -> int:
    """The first word of the clause of word ``k`` in a sentence starting at word ``first``,
    after a joining word ("..., and usual care ...")."""
    start = first
    for j in range(first + 1, k + 1):
        if _CLAUSE_END.search(text[words[j - 1].end : words[j].start]):
            start = j
    if start > first and low_at(words, start) in _JOINING:
        start += 1
    return start


def _subject_reach(text: str, words: list, first: int, k: int, n: int) -> int | None:
    """Where the reach of a comparator's noun phrase at ``k`` (``n`` words) starts when it is
    its sentence's opening phrase (``first``) or its clause's subject, else None."""
    if k - first < OPENING and _opens(words, first, k):
        return first
    start = _clause_start(text, words, first, k)
    if not _opens(words, start, k):
        return None
    if start > first and k - start < OPENING:  # a clause's opening phrase, as a sentence's
        return start
    if low_at(words, k + n) in _DESCRIBES:  # a subject after many words: they may name the
        return k  # tested arm ("In this trial of CBT the control group received usual care")
    return None


def compared_object(text: str, words: list, k: int, last: int) -> int | None:
    """The index of the word that starts B in "compare(d) A with B" when word ``k`` is the
    verb, else None; "compared with" right after the verb is :func:`_cue_length`'s."""
    if low_at(words, k) not in _COMPARE_VERBS or low_at(words, k + 1) in _COMPARED_WITH:
        return None
    end = _clause_end(text, words, k, min(last, k + COMPARE_REACH))
    for j in range(k + 2, end + 1):
        if (
            low_at(words, j) in COMPARE_OBJECT
            and low_at(words, j - 1) not in PEOPLE | _JOINED_WITH
            and not _to_return(words, j)
        ):
            return j
    return None


def _to_return(words: list, j: int) -> bool:
    """Whether word ``j`` is the "to" of "return to work", of an infinitive "to return" or
    of a noun's complement ("adherence to")."""
    return low_at(words, j) == "to" and (
        low_at(words, j - 1) in _TAKES_TO or low_at(words, j + 1) in _TO_RETURN_AFTER
    )


def _or_after(words: list, k: int, last: int) -> int | None:
    """The index of an "or" that follows the comparator phrase ending at word ``k`` (at most
    one of :data:`_ARM_TAIL` between), else None."""
    j = k + 1
    if low_at(words, j) in _ARM_TAIL:
        j += 1
    return j if j <= last and low_at(words, j) == "or" else None


def _added_to(text: str, words: list, j: int) -> bool:
    """Whether the word at ``j``, right after a usual-care phrase, adds to it (:data:`_ADDED`,
    or a "+" before it): the phrase is then the tested arm's base."""
    if not 0 < j < len(words):
        return False
    return low_at(words, j) in _ADDED or "+" in text[words[j - 1].end : words[j].start]


def _passive_compared(text: str, words: list, k: int, last: int) -> int | None:
    """The index of "was" ("were", "is", "are") in "A was compared with B" when A, the clause's
    subject, is the comparator's phrase ending at word ``k``: then B, after "compared with",
    is the tested arm ("Usual care by the GP was compared with treatment by a psychologist")."""
    end = _clause_end(text, words, k, last)
    for j in range(k + 1, end):
        if low_at(words, j) in _BE and _cue_length(words, j + 1) == 2:
            return j if low_at(words, j + 1) in _COMPARED else None
    return None


def _first_arm(words: list, k: int) -> bool:
    """Whether the comparator's noun phrase at word ``k`` is the first arm of an allocation
    ("randomised to usual care (n=50) or to X", "allocated to the control group or ...",
    "randomised to care as usual by the general practitioner or to X")."""
    j = k - 2 if low_at(words, k - 1) in {"the", "a", "an"} else k - 1
    return low_at(words, j) == "to" and any(
        ALLOCATED.fullmatch(low_at(words, j - d)) for d in range(1, ALLOCATED_REACH + 1)
    )


def _named_first(words: list, first: int, k: int) -> bool:
    """Whether the allocation's "or" at word ``k`` comes after a comparator named first: right
    after its noun phrase ("randomised to medical treatment as usual or to X") or as the
    allocation's first arm (words from ``first``): then the arm after it is the tested one."""
    return any(
        n < 0 and (_or_after(words, j - n - 1, k) == k or _first_arm(words, j))
        for j in range(first, k)
        for n in (_cue_length(words, j),)
    )


def _arm_name(text: str, words: list, k: int, end: int) -> tuple[str, ...]:
    """The name of the arm an allocation's last "or" at word ``k`` introduces, to word
    ``end``: its words after "to" and a determiner, up to ARM_NAME words ("or to a brief
    intervention" -> brief intervention); none when one of them is a word of people."""
    j = k + 1
    while low_at(words, j) in {"to", "a", "an", "the"}:
        j += 1
    name = []
    while j <= end and len(name) < ARM_NAME:
        name.append(low_at(words, j))
        if _CLAUSE_END.search(
            text[words[j].end : words[j + 1].start] if j + 1 < len(words) else ""
        ):
            break
        j += 1
    return () if not name or set(name) & PEOPLE else tuple(name)


def _opened_by(words: list, first: int, name: tuple[str, ...]) -> bool:
    """Whether the sentence from word ``first`` opens with the arm's ``name`` ("The brief
    intervention was ...", "In the extended programme ...")."""
    while low_at(words, first) in {"the", "a", "an", "in"}:
        first += 1
    return tuple(low_at(words, first + d) for d in range(len(name))) == name


def comparator_reach(text: str, words: list) -> list[tuple[int, int]]:
    """The (first, last) word indices of a field's text that describe a comparator."""
    reach = []
    named: list[tuple[str, ...]] = []  # the allocations' last arms, by their names
    for s_start, s_end in sentences(text):
        inside = [k for k, w in enumerate(words) if s_start <= w.start < s_end]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        if any(_opened_by(words, first, name) for name in named):
            reach.append((first, last))  # a sentence about the comparator, by its name
            continue
        ors = [k for k in inside if low_at(words, k) == "or"]
        tested = set()  # "compared with" after a comparator subject: the tested arm follows
        for k in inside:
            n = _cue_length(words, k)
            if n < 0 and _added_to(text, words, k - n):  # "usual care plus X": the tested arm
                continue
            opening = _subject_reach(text, words, first, k, -n) if n < 0 else None
            passive = _passive_compared(text, words, k - n - 1, last) if n < 0 else None
            if passive is not None:  # "usual care by the GP was compared with X"
                reach.append((k if opening is None else opening, passive - 1))
                tested.add(passive + 1)
            elif k in tested:
                continue
            elif opening is not None:
                reach.append((opening, last))
            elif n > 0 and names_time(words, k + n):  # "compared to baseline"
                continue
            elif n:
                end = _clause_end(text, words, k + abs(n) - 1, last)
                alternative = _or_after(words, k + abs(n) - 1, end) if n < 0 else None
                if n < 0 and alternative is None and _first_arm(words, k):
                    alternative = next((o for o in ors if k < o <= end), None)
                reach.append((k, end if alternative is None else alternative - 1))
            elif (j := compared_object(text, words, k, last)) is not None and not names_time(
                words, j + 1
            ):  # not "we compared sick leave to baseline"
                reach.append((j, _clause_end(text, words, j, last)))
        if (
            ors
            and _allocation_before(words, first, ors[-1])
            and not _named_first(words, first, ors[-1])
        ):
            end = _clause_end(text, words, ors[-1], last)
            reach.append((ors[-1], end))
            named += [n for n in (_arm_name(text, words, ors[-1], end),) if n]
    return reach


@lru_cache(maxsize=4096)  # a field's text is read by every term of every scheme
def _reach_of(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(comparator_reach(text, tokens(text)))


# Words one of the cues has: most fields have none, and need no reading
_CUE_WORDS = re.compile(
    r"compar|versus|\bvs\b|\bthan\b|usual|control|standard|conventional|ordinary|\bor\b|inferior|superior|\bas\b|instead",
    re.IGNORECASE,
)


def _might_name(text: str) -> bool:
    return _CUE_WORDS.search(text) is not None


def in_comparator(text: str, words: list, first: int, last: int) -> bool:
    """Whether the term at words ``first``..``last`` describes a comparator arm (see the module
    docstring); a health state or disorder never does."""
    if not _might_name(text) or names_disorder(words, first, last):
        return False
    return any(a <= first and last <= b for a, b in _reach_of(text))
