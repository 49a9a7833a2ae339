"""The party contacted is not the actor: one label's words as what another label's person
contacts are no evidence for it.

A return-to-work coordinator's "first contact with the employer", "she then held a meeting at
the workplace with the worker and the supervisor", an employment specialist who "contacted
employers": the workplace is the coordinator's (the specialist's) contact there, not the
central actor DOMAIN.md's workplace-centred type means ("the employer/occupational health
service acting, meetings held by them"). So a term after a word of contact (contacted, liaised,
met, a meeting, visited, engaged, involved, coordinated, agreed, negotiated or communicated
with ...) in a sentence whose actor, before that word, is another label's term, is no evidence
for its label ("coordinate", "agree", "negotiate" and "communicate" take what is coordinated or
agreed as their object: their parties are the people after their "with" or "between" or named
as persons, not "the rehabilitation plan" nor "contacts with the workplace"). The actor is:

* a term before the contact word in the sentence ("The coordinator, a physiotherapist, made
  the first contact with the employer"); a term of the label itself there makes it an actor
  ("the occupational health physician met the employee and the line manager": kept);
* after "by" later in the clause, a passive's agent ("Early contact with the employer by a
  return-to-work coordinator");
* for a sentence opened by "she", "he" or "they", or a contact put in a passive without an
  agent ("a meeting at the workplace with the patient and the manager was arranged"; a
  passive before the contact word is another act), the first term of the sentence before
  ("The coordinator's first task was to contact the employer; she then held a meeting at the
  workplace ...").

A method is nobody's actor: a term that is an activity's noun or qualifies one ("the
occupational physician did a problem-solving consultation ... and phoned the supervisor", "CBT
sessions") is passed over. A word of contact inside a term ("dialogue meeting", the workplace's
own method) is no cue: "the coordinator held a dialogue meeting with the employer" stays
workplace evidence. Health states and disorders
(:func:`reviewkit.classify.variables.term_names_disorder`) are never a contacted party: "met
workers with depression" names the population; so, in a scheme of whom the study included
(``population = true``: a sector, an employment status), are all its terms: "Occupational health
nurses met each police officer" names the police as the workforce studied, and the rule is not
applied there (:func:`reviewkit.classify.rules.score_labels`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from reviewkit.classify.evidence import Evidence, drop_in_mixed_fields
from reviewkit.classify.persons import names_person
from reviewkit.classify.variables import term_names_disorder
from reviewkit.classify.words import (
    HYPHENS,
    Token,
    hyphen_runs,
    low_at,
    sentences,
    tokens,
    verb_in_ed,
)

# Words of one party reaching another: a contact, a call, a meeting or visit, a liaison, an
# agreement or a negotiation (their parties after "with": _COORDINATE)
CONTACT_WORDS = frozenset(
    {
        "contact", "contacts", "contacted", "contacting", "liaise", "liaised", "liaises",
        "liaising", "liaison", "called", "phoned", "telephoned", "visit", "visits", "visited",
        "visiting", "met", "meet", "meets", "meeting", "meetings", "engage", "engaged",
        "engages", "engaging", "involve", "involved", "involves", "involving", "coordinate",
        "coordinated", "coordinates", "coordinating", "agree", "agreed", "agrees", "agreeing",
        "negotiate", "negotiated", "negotiates", "negotiating", "communicate", "communicated",
        "communicates", "communicating",
    }
)  # fmt: skip
PRONOUNS = frozenset({"she", "he", "they"})
# A passive without its agent ("a meeting at the workplace with the patient and the manager was
# arranged") names no actor of its own: as in a sentence opened by she/he/they, the actor is the
# sentence before's (with "by" the agent is named: :func:`_by_agent`)
_PASSIVE = frozenset({"was", "were"})
_PARTICIPLES = frozenset({"held", "made", "set", "kept", "done", "sent", "begun"})
# The parties contacted are listed after the contact word as nouns; the next verb or relative
# word starts another act ("met the citizen and agreed a return-to-work plan": the plan is no
# party), as a word in -ed does; so does a contrast, whose clause has its own actor ("had no
# contact with NAV but the employer held meetings": NegEx's termination words end a negation
# there for the same reason, classify.negation). The irregular past verbs are the kind a word in
# -ed misses; measured (classify-limits.md), the list without them, or with 11 more (held, sent,
# told, ...), gives the same figures on every set; with no stop at all the reach runs to the
# sentence's end and set 8 gains a row (T20) while a plan agreed after "met the citizen and"
# would be a contact (tests/classify/test_contacted_party.py): a row, not a kind, so kept.
STOPS = frozenset(
    {
        "where", "which", "who", "whom", "whose", "that", "was", "were", "is", "are", "had",
        "has", "have", "drew", "made", "gave", "wrote", "took", "kept", "set", "went", "agreed",
        "agree", "agrees", "to", "but", "however", "whereas", "while", "although", "though",
    }
)  # fmt: skip


# The agent's term starts at most AGENT_REACH characters after "by (a|an|the)": the adjectives of
# its noun phrase ("by a specially trained coordinator"); 10 characters to no limit give the
# same figures on every set (classify-limits.md), since the clause ends the reach first
AGENT_REACH = 40


# A term that qualifies an activity's noun names what was done, not who did it: "the
# occupational physician did a problem-solving consultation with the employee and had a
# telephone contact with the supervisor" is the physician's contact, not problem-solving's;
# "CBT sessions", "a mindfulness course", "an exercise programme" likewise, and such a noun
# itself ("sessions", "training")
_ACTIVITY = frozenset(
    {
        "consultation", "consultations", "session", "sessions", "treatment", "treatments",
        "therapy", "therapies", "programme", "programmes", "program", "programs", "course",
        "courses", "module", "modules", "training",
    }
)  # fmt: skip


def _names_activity(e: Evidence, words: list[Token]) -> bool:
    """Whether the term ``e`` is an activity's noun (:data:`_ACTIVITY`: "sessions") or qualifies
    one right after it ("problem-solving consultation")."""
    k = bisect.bisect_left([w.start for w in words], e.span[2])  # type: ignore[index]
    return low_at(words, k - 1) in _ACTIVITY or low_at(words, k) in _ACTIVITY


def _by_agent(text: str, e: Evidence, others: list[Evidence], end: int) -> bool:
    """Whether "by" follows ``e`` in its clause with another label's term right after it."""
    m = re.match(r"[^,;:.()]*?\bby\s+(?:an?\s+|the\s+)?", text[e.span[2] : end])  # type: ignore[index]
    if m is None:
        return False
    at = e.span[2] + m.end()  # type: ignore[index]
    return any(at <= o.span[1] <= at + AGENT_REACH and o.label != e.label for o in others)  # type: ignore[index]


# A verb's prefix written with a hyphen ("re-assessed", "e-mailed", "pre-arranged",
# "co-ordinated"): the word after it is still the verb, and ends the parties as its spelling
# without the hyphen does; a compound's first part is a noun or an adjective ("work-related")
_VERB_PREFIX = re.compile(rf"(?<!\w)(?:co|re|pre|e)[{HYPHENS}]$", re.IGNORECASE)


def _agentless_passive(text: str, words: list[Token], start: int, cue: int, end: int) -> bool:
    """Whether the contact word at character ``cue`` is put in a passive without its agent: in
    its sentence (characters ``start`` to ``end``) no "by", and a passive verb ("was arranged",
    "were held", "was contacted") whose participle is the contact word or comes after it. A
    passive before it is another act ("workers who were sick-listed met their supervisor": the
    workers are the actor, not the sentence before's). A verb's prefix written with a hyphen
    (:data:`_VERB_PREFIX`: "was re-arranged") is passed over."""
    inside = [
        w
        for w in words
        if start <= w.start < end and not _VERB_PREFIX.match(text, w.start, w.end + 1)
    ]
    low = [w.word.casefold() for w in inside]
    if "by" in low:
        return False
    return any(
        a in _PASSIVE and (verb_in_ed(b) or b in _PARTICIPLES) and inside[i + 1].start >= cue
        for i, (a, b) in enumerate(zip(low, low[1:], strict=False))
    )


def _in_compound(text: str, w: Token) -> bool:
    """Whether the word ``w`` is part of a compound, joined to a neighbour by a hyphen (any of
    :data:`~reviewkit.classify.words.HYPHENS`: publishers write U+2010 and U+2011 too), not a
    verb after its prefix (:data:`_VERB_PREFIX`)."""
    if _VERB_PREFIX.search(text, max(0, w.start - 4), w.start):
        return False
    return any(c and c in HYPHENS for c in (text[w.start - 1 : w.start], text[w.end : w.end + 1]))


def _reach(text: str, words: list, k: int, end: int) -> int:
    """The character where the parties named after the contact word at ``k`` end: at the next
    verb (a word in -ed, or one of :data:`STOPS`) or relative word, else the sentence's end. A
    word joined to its neighbour by a hyphen is part of a compound ("a return-to-work plan", "a
    stay-at-work plan", "work-related"), no verb nor infinitive's "to"."""
    for i, w in enumerate(words[k + 1 :], k + 1):
        if w.start >= end:
            break
        low = w.word.casefold()
        if _in_compound(text, w) or _to_a_party(words, k, i):
            continue
        if low in STOPS or (verb_in_ed(low) and low not in CONTACT_WORDS):
            return w.start
    return end


# "Coordinate" takes what is coordinated as its object, a thing or people's acts ("coordinated
# the rehabilitation plan with the employer", "coordinated contacts with the workplace", "the
# actions of the employer, the GP and the insurer"), and its parties after "with", "between" or
# "among": a party is a term after those or one that names a person; a term that names a
# contact itself ("contact with the employer") is the coordinator's work, as the plan is
# The same for a plan agreed or negotiated, a matter communicated, with the parties after
# "with": "agreed a return-to-work plan with the worker and the employer", "communicated with the
# treating doctor, the employer and the insurer" are the actor's work with them (an independent
# coordinator's, a care manager's, as compensation-system studies describe it): the plan is no
# party, the people after "with" are
_COORDINATE = frozenset(
    {
        "coordinate", "coordinated", "coordinates", "coordinating", "agree", "agreed", "agrees",
        "agreeing", "negotiate", "negotiated", "negotiates", "negotiating", "communicate",
        "communicated", "communicates", "communicating",
    }
)  # fmt: skip
_COORDINATED_WITH = frozenset({"with", "between", "among", "amongst"})


# "Communicate" also names its parties after "to" ("communicated the plan to the employer and
# the GP", as compensation-system studies describe a case manager's or a nurse's work: the tenth
# held-out set's R02 and R21), where a noun phrase follows it; "to" before a verb is an
# infinitive's, another act ("communicated with the GP to arrange duties with the employer")
_COMMUNICATE = frozenset({"communicate", "communicated", "communicates", "communicating"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "each", "every", "all", "both"}
)


def _to_a_party(words: list[Token], k: int, i: int) -> bool:
    """Whether the word at ``i`` is a "to" that names the parties of the word of communication at
    ``k`` (:data:`_COMMUNICATE`): a determiner, a plural or a name follows it ("to the employer",
    "to employers", "to GPs"). An infinitive's verb is neither capitalised nor in a lone -s (the
    verbs in -s end -ss or -us: "to discuss", "to assess", "to focus")."""
    if words[i].word.casefold() != "to" or words[k].word.casefold() not in _COMMUNICATE:
        return False
    after = words[i + 1].word if i + 1 < len(words) else ""
    low = after.casefold()
    plural = low.endswith("s") and not low.endswith(("ss", "us", "is"))
    return low in _DETERMINERS or plural or after[:1].isupper()


def _coordinated(words: list[Token], k: int, reach: int) -> int | None:
    """For the word of contact at ``k``, a word of :data:`_COORDINATE`, the character after which
    its parties are named (its first "with", "between" or "among" before ``reach``, or a "to" of
    :func:`_to_a_party`, else ``reach``); None for another word of contact, whose object is its
    party."""
    if words[k].word.casefold() not in _COORDINATE:
        return None
    after = (
        w.start
        for i, w in enumerate(words[k + 1 :], k + 1)
        if w.word.casefold() in _COORDINATED_WITH or _to_a_party(words, k, i)
    )
    return min(next(after, reach), reach)


# A term right after "by" is a passive's agent ("all coordinated by a case manager", "were
# contacted by the coordinator"): the actor (:func:`_by_agent`), never a party
_AGENT = re.compile(r"\bby\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _party(text: str, e: Evidence, coordinated: int | None) -> bool:
    """Whether a term in a contact word's reach in ``text`` is a party: not a passive's agent
    (:data:`_AGENT`); any other for most words of contact; for "coordinate" (:data:`_COORDINATE`,
    parties named after character ``coordinated``) one that names no contact and comes after
    its "with" or names a person (:func:`~reviewkit.classify.persons.names_person`)."""
    if _AGENT.search(text, 0, e.span[1]):  # type: ignore[index]
        return False
    if coordinated is None:
        return True
    if any(w.word.casefold() in CONTACT_WORDS for w in tokens(e.text)):
        return False
    return e.span[1] > coordinated or names_person(e)  # type: ignore[index]


def _contacted(text: str, words: list[Token], evidence: list[Evidence]) -> set[int]:
    """The ids of the evidence in one field's text (its ``words``) that is another label's
    contact."""
    cues = [
        k
        for k, w in enumerate(words)
        if w.word.casefold() in CONTACT_WORDS
        and not any(e.span[1] <= w.start < e.span[2] for e in evidence)  # type: ignore[index]
    ]
    dropped: set[int] = set()
    previous: list[Evidence] = []
    starts = [w.start for w in words]
    for start, end in sentences(text):
        here = [e for e in evidence if start <= e.span[1] < end]  # type: ignore[index]
        first = bisect.bisect_left(starts, start)
        opener = [w for w in words[first : first + 1] if w.start < end]
        reaches = [
            (words[k].start, r, _coordinated(words, k, r))
            for k in cues
            if start <= words[k].start < end
            for r in (_reach(text, words, k, end),)
        ]
        for e in here:
            if term_names_disorder(e.text):
                continue
            cue = next(
                (
                    c
                    for c, r, coordinated in reaches
                    if c < e.span[1] and e.span[2] <= r and _party(text, e, coordinated)  # type: ignore[index]
                ),
                None,
            )
            if cue is None:
                continue
            # the actors: terms before the contact word that are no contact themselves ("made
            # contact with the employer, arranged a meeting ...": the employer is not the
            # meeting's actor) nor an activity (_names_activity: "a problem-solving
            # consultation")
            actors = {
                a.label
                for a in here
                if a.span[2] <= cue and id(a) not in dropped and not _names_activity(a, words)  # type: ignore[index]
            }
            pronoun = bool(opener) and opener[0].word.casefold() in PRONOUNS
            if (
                not actors
                and previous
                and (pronoun or _agentless_passive(text, words, start, cue, end))
            ):
                actors = {previous[0].label}
            if (actors and e.label not in actors) or (not actors and _by_agent(text, e, here, end)):
                dropped.add(id(e))
        previous = here or previous
    return dropped


def contacted_parties(
    evidence: list[Evidence], texts: Mapping[tuple[str, int], str]
) -> list[Evidence]:
    """The evidence without the terms that name another label's contact (see the module
    docstring). ``texts``: (report, field number) -> the field's text."""
    return drop_in_mixed_fields(evidence, texts, _contacted_in_field)


def _contacted_in_field(text: str, found: list[Evidence]) -> set[int]:
    """The ids of the terms in one field's ``text`` that name another label's contact."""
    words = _joined_contact_words(text, tokens(text))  # once a field: cues, sentences' openers
    if not any(w.word.casefold() in CONTACT_WORDS or w.word.casefold() == "by" for w in words):
        return set()
    return _contacted(text, words, sorted(found, key=lambda e: e.span[1]))  # type: ignore[index]


def _joined_contact_words(text: str, words: list[Token]) -> list[Token]:
    """``words`` with a word of contact written with a hyphen as one word ("co-ordinated" as
    "coordinated", British and Australian spelling), as the term matcher joins a term's words
    (:func:`~reviewkit.classify.words.hyphen_runs`)."""
    runs = {i: (j, t) for i, j, t in hyphen_runs(text, words) if t.word.casefold() in CONTACT_WORDS}
    if not runs:
        return words
    out, i = [], 0
    while i < len(words):
        j, joined = runs.get(i, (i, words[i]))
        out.append(joined)
        i = j + 1
    return out
