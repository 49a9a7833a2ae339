"""Who receives it: a weak word of one label given to another label's person is that person's.

A scheme that sorts interventions by whom they are directed at (the worker, the workplace, the
health-care providers) has weak words of the worker's level that the other levels receive too:
"training", "education", "advice", "sessions" (the protocols' comments say so: "training, weak
alone (also of supervisors)"). "Training general practitioners in the guideline", "a training of
supervisors", "advice to employers", "General practitioners attended two training sessions" are
the providers' and the workplace's, not the worker's. So a weak term (weight under 1) is no
evidence for its label where another label's person receives it:

* right after the term in its phrase (no comma, colon or "+" between: a list of people is a
  team's), that person's term, with at most two of "of", "for", "to", "in" and a determiner
  between ("training general practitioners", "a training of the supervisors", "advice to
  employers"), unless the list of recipients goes on to the workers ("training of supervisors
  and workers", "education for general practitioners and their patients": theirs too);
* in a sentence whose subject, before its verb of receiving (attended, received, completed,
  underwent, participated; "were trained", "were given" ...; Norwegian, Swedish and Danish
  deltok, mottok, fikk, deltog, fick, modtog ...), is another label's person ("General
  practitioners in the intervention practices attended two training sessions ..., in which they
  practised advice"): every weak term of another label after that verb.

The words between (the prepositions, determiners and "and"/"or", and the workers' words that
end a list) are read in the languages of the weak term and of the persons that may receive it
(:data:`_LINKS`): a Norwegian or Danish term's phrase links with its own words ("opplæring
til arbeidsgiveren", "opplæring av alle arbeidsgivere"; "undervisning af arbejdsgiverne og de
ansatte" names the workers too). Swedish has its words as well, though no Swedish term names a
person yet (:mod:`reviewkit.classify.persons`: "till arbetsgivaren" gives nothing). "With" and
"at" ("samtale med arbeidsgiver", "hos arbeidsgiveren") give nothing in any language, as in
English: a talk with the employer is the worker's too.

A person is a term whose last word names one (:func:`reviewkit.classify.persons.names_person`:
"supervisors", "general practitioners", "employer"; not "workplace", "guideline", CBT).
A subject that also names the workers (workers, employees, patients:
:data:`reviewkit.classify.comparator.PEOPLE`) is theirs too: the rule does not apply.
Strong terms, and health states or disorders, are never moved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

from reviewkit.classify.comparator import PEOPLE
from reviewkit.classify.evidence import Evidence, drop_in_mixed_fields
from reviewkit.classify.persons import names_person
from reviewkit.classify.variables import term_names_disorder
from reviewkit.classify.words import Token, sentences, tokens, verb_in_ed

# Between a weak term and the person who receives it ("training of the supervisors"): at most
# TO_WHOM_REACH words, a preposition and a determiner ("advice to the employer"), of
# :attr:`_Links.to_whom`
TO_WHOM_REACH = 2
# A subject's verb of receiving, active ("attended") or as a passive's participle ("were
# trained"), within SUBJECT_REACH words of the sentence's start: a noun phrase with its
# qualifiers ("General practitioners in the intervention practices attended")
_RECEIVED = frozenset(
    {
        "attended", "attend", "attends", "received", "receive", "receives", "completed",
        "underwent", "participated", "trained", "taught", "given", "offered", "educated",
        "instructed", "coached",
        # the same in the Scandinavian term lists' languages, past and present, and the
        # passive's participle ("Arbeidsgiverne deltok på opplæring", "Cheferna fick
        # utbildning", "Arbejdsgiverne modtog undervisning")
        "deltok", "deltar", "mottok", "mottar", "fikk", "gjennomførte", "gjennomgikk",
        "opplært", "opplærte", "kurset",  # no
        "deltog", "fick", "mottog", "genomgick", "genomförde", "utbildades", "utbildade",  # sv
        "deltager", "modtog", "modtager", "fik", "gennemførte", "gennemgik", "uddannet",
        "undervist",  # da
    }
)  # fmt: skip
SUBJECT_REACH = 8
# A list of recipients goes on after the person ("training of supervisors and workers",
# "education for general practitioners and their patients"): "and" or "or" before the workers'
# word within LIST_REACH words (a determiner and adjectives between: "and the sick-listed
# workers"); a preposition ends the list ("supervisors of the workers": whose supervisors)
LIST_REACH = 5
_SENTENCE_PUNCT = re.compile(r"[.;:()\[\]]")


@dataclass(frozen=True)
class _Links:
    """One language's words that link a weak term to its recipients: ``to_whom`` between the
    term and the person (a preposition and a determiner), ``joins`` a list of recipients,
    ``ends_list`` (prepositions) ends one, ``workers`` names the workers in it."""

    to_whom: frozenset[str]
    joins: frozenset[str]
    ends_list: frozenset[str]
    workers: frozenset[str]


# The English words and their Norwegian (bokmål), Swedish and Danish equivalents: of (av, af),
# for (for, för), to (til, till), in (i); the (den, det, de: the Scandinavian definite article
# is mostly an ending, "arbeidsgiveren", which the person's term reads), their (deres, deras,
# and the reflexive sin, sine, sitt, sina), all (alle, alla), its (dens, dets, dess), a (en,
# ei, et, ett); and (og, och), or (eller); the prepositions that end a list (with: med, at:
# hos, ved, vid, on: på, about: om, how: hvordan, hur); the workers' words (the English
# comparator.PEOPLE; arbeidstakere, anställda, sygemeldte, patients, participants)
_NORDIC_ENDS = frozenset(
    {"av", "af", "for", "för", "til", "till", "i", "på", "med", "om", "hos", "ved", "vid",
     "hvordan", "hur"}
)  # fmt: skip
_LINKS = {
    "en": _Links(
        frozenset({"of", "for", "to", "in", "the", "their", "all", "its", "a", "an"}),
        frozenset({"and", "or"}),
        frozenset({"of", "for", "to", "in", "on", "at", "with", "about", "by", "how"}),
        PEOPLE,
    ),
    "no": _Links(
        frozenset({"av", "for", "til", "i", "den", "det", "de", "deres", "sin", "sine", "sitt",
                   "alle", "dens", "dets", "en", "ei", "et"}),
        frozenset({"og", "eller"}),
        _NORDIC_ENDS,
        frozenset({"arbeidstaker", "arbeidstakere", "arbeidstakerne", "ansatte", "sykmeldte",
                   "pasient", "pasienter", "pasientene", "deltakere", "deltakerne"}),
    ),
    "sv": _Links(
        frozenset({"av", "för", "till", "i", "den", "det", "de", "deras", "sin", "sina", "sitt",
                   "alla", "dess", "en", "ett"}),
        frozenset({"och", "eller"}),
        _NORDIC_ENDS,
        frozenset({"arbetstagare", "arbetstagarna", "anställda", "sjukskrivna", "patient",
                   "patienter", "patienterna", "deltagare", "deltagarna"}),
    ),
    "da": _Links(
        frozenset({"af", "for", "til", "i", "den", "det", "de", "deres", "sin", "sine", "sit",
                   "alle", "dens", "dets", "en", "et"}),
        frozenset({"og", "eller"}),
        _NORDIC_ENDS,
        frozenset({"arbejdstager", "arbejdstagere", "arbejdstagerne", "ansatte", "sygemeldte",
                   "medarbejdere", "patient", "patienter", "patienterne", "deltagere",
                   "deltagerne"}),
    ),
}  # fmt: skip


def _links(languages: set[str]) -> _Links:
    """The linking words of ``languages`` together (English for a language of no list)."""
    found = [_LINKS.get(lang, _LINKS["en"]) for lang in sorted(languages)]
    return _Links(
        *(frozenset().union(*(getattr(x, f.name) for x in found)) for f in fields(_Links))
    )


def _weak(e: Evidence) -> bool:
    """Whether a piece of evidence is a weak word that may be given to others."""
    return e.weight < 1 and bool(tokens(e.text)) and not term_names_disorder(e.text)


def _given_to(text: str, words: list[Token], e: Evidence, persons: list[Evidence]) -> bool:
    """Whether another label's person follows the weak term ``e`` in its phrase (its
    recipient); a comma, colon or "+" between lists people instead ("team: occupational
    physician, physiotherapist"); the words between in the term's and the persons' languages."""
    links = _links({e.language} | {p.language for p in persons if p.label != e.label})
    after = [w for w in words if w.start >= e.span[2]][: TO_WHOM_REACH + 1]  # type: ignore[index]
    end = e.span[2]  # type: ignore[index]
    for n, w in enumerate(after):
        if text[end : w.start].strip():
            return False
        other = [p for p in persons if p.span[1] == w.start and p.label != e.label]  # type: ignore[index]
        if other:
            return not _workers_too(text, words, other[0].span[2], links)  # type: ignore[index]
        if n == TO_WHOM_REACH or w.word.casefold() not in links.to_whom:
            return False
        end = w.end
    return False


def _workers_too(text: str, words: list[Token], end: int, links: _Links) -> bool:
    """Whether the list of recipients that goes on after character ``end`` names the workers
    too ("training of supervisors and workers"): then they receive it as well."""
    joined = False
    for w in [w for w in words if w.start >= end][:LIST_REACH]:
        low = w.word.casefold()
        if _SENTENCE_PUNCT.search(text[end : w.start]) or low in links.ends_list:
            return False
        if low in links.workers:
            return joined
        joined = joined or low in links.joins
        end = w.end
    return False


def _receiving_verb(inside: list[Token], persons: list[Evidence]) -> tuple[int, set[str]] | None:
    """(character after the verb, labels of the subject's persons) when a sentence's subject
    (``inside``: its words) is another label's person and its verb one of receiving."""
    for n, w in enumerate(inside[: SUBJECT_REACH + 1]):
        low = w.word.casefold()
        if low in PEOPLE:
            return None  # the workers receive it too
        if low in _RECEIVED:
            subject = {p.label for p in persons if p.span[2] <= w.start}  # type: ignore[index]
            return (w.end, subject) if subject and n > 0 else None
        if verb_in_ed(low) and n > 0:
            return None  # another verb: the subject does something else
    return None


def _received(text: str, found: list[Evidence]) -> set[int]:
    """The ids of the weak evidence in one field's ``text`` that another label's person
    receives."""
    words = tokens(text)
    persons = [e for e in found if names_person(e)]
    if not persons:
        return set()
    weak = [e for e in found if _weak(e)]  # once a field, not again for each sentence
    dropped = {id(e) for e in weak if _given_to(text, words, e, persons)}
    for start, end in sentences(text):
        inside = [w for w in words if start <= w.start < end]
        here = [p for p in persons if start <= p.span[1] < end]  # type: ignore[index]
        verb = _receiving_verb(inside, here) if here else None
        if verb is None:
            continue
        at, subject = verb
        for e in weak:
            if at <= e.span[1] < end and e.label not in subject:  # type: ignore[index]
                dropped.add(id(e))
    return dropped


def received_by_others(
    evidence: list[Evidence], texts: Mapping[tuple[str, int], str]
) -> list[Evidence]:
    """The evidence without the weak terms another label's person receives (see the module
    docstring). ``texts``: (report, field number) -> the field's text."""
    return drop_in_mixed_fields(evidence, texts, _received)
