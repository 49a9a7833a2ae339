"""Who bears the cost is not an actor: a person named as one a condition costs is no evidence.

Return-to-work abstracts open with the cost of sick leave and whom it falls on: "Employee
stress ... is costly for employers and society at large", "a burden for individuals, employers
and society", "the costs to employers". The employer (or the GP, the supervisor) is there one
who pays, listed beside society, not a party acting in the study; a label of that party's part
(Review A's "Role of the GP and the employer", a topic that takes precedence over the
diagnosis groups; Review B's workplace-centred type) gains nothing from it. So a term that
names a person (:func:`reviewkit.classify.persons.names_person`) is no evidence where, in its
sentence, a word of cost (:data:`_COST`) and a preposition of whom it falls on ("for", "to",
"on") come before it, with at most :data:`LIST_REACH` words of a list between ("for
individuals, their families, employers"). A verb between ends the list ("costly for workers
who contacted their employer" names the employer as acted on, not as the one paying).

English cue words only: the Scandinavian term lists name the employer too, but no
Scandinavian record of this kind has been read yet, so their words are not guessed.
"""

from __future__ import annotations

from collections.abc import Mapping

from reviewkit.classify.evidence import Evidence, by_field
from reviewkit.classify.persons import names_person
from reviewkit.classify.words import HYPHENS, sentences, tokens, verb_in_ed

# Words that name a cost or a burden someone bears ("cost-effectiveness" is not one: a word of
# cost before a hyphen is passed over)
_COST = frozenset(
    {"cost", "costs", "costly", "burden", "burdens", "burdensome", "expensive", "expenses"}
)
# the prepositions of whom a cost falls on ("costly for", "costs to", "a burden on")
_ON_WHOM = frozenset({"for", "to", "on"})
CUE_REACH = 2  # words between the word of cost and its preposition ("a heavy burden for")
LIST_REACH = 6  # words of the list between the preposition and the person
_NOT_IN_A_LIST = frozenset({"who", "which", "that", "whose", "when", "where", "because"})


def _bearer(text: str, e: Evidence) -> bool:
    """Whether ``e`` (a person's term in ``text``) is named as one who bears a cost."""
    start = e.span[1]  # type: ignore[index]
    sentence = next(s for s in sentences(text) if s[0] <= start <= s[1])
    before = tokens(text[sentence[0] : start])[::-1]  # nearest first
    for n, w in enumerate(before[: LIST_REACH + 1]):
        low = w.word.casefold()
        if low in _NOT_IN_A_LIST or verb_in_ed(low):
            return False
        if low not in _ON_WHOM:
            continue
        for cue in before[n + 1 : n + 2 + CUE_REACH]:
            after = text[sentence[0] + cue.end : sentence[0] + cue.end + 1]
            if cue.word.casefold() in _COST and (not after or after not in HYPHENS):
                return True
    return False


def cost_bearers(evidence: list[Evidence], texts: Mapping[tuple[str, int], str]) -> list[Evidence]:
    """The evidence without the persons named as those a cost falls on (see the module
    docstring). ``texts``: (report, field number) -> the field's text."""
    dropped = {
        id(e)
        for key, found in by_field(evidence).items()
        for e in found
        if e.language == "en" and names_person(e) and _bearer(texts.get(key, ""), e)
    }
    return [e for e in evidence if id(e) not in dropped]
