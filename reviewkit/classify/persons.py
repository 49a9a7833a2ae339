"""Whether a term names a person, for :mod:`reviewkit.classify.recipients` (who receives a
weak word).

A person is a term whose last word names one by its ending (-er, -or, -ist, -ian, -ant:
"supervisors", "general practitioners", "employer", "psychologist", "physician",
"consultant"; Norwegian and Danish "arbeidsgiver", "saksbehandler": the term's language
decides which language's endings are read), not a body part
("shoulder"), a place or a thing ("workplace", "guideline", "job center",
"antidepressants"), nor an acronym (most name a method or a disorder: CBT, IPS, MSD), nor a
health state or disorder ("disorder", "cancer":
:func:`reviewkit.classify.variables.term_names_disorder`)."""

from __future__ import annotations

import re

from reviewkit.classify.comparator import PEOPLE
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.variables import term_names_disorder
from reviewkit.classify.words import tokens
from reviewkit.protocol.model import SIGN_JOIN

# A word that names a person by its ending: English agent nouns ("supervisor",
# "practitioners", "psychologist", "physician", "consultant"), read in English terms' text
_ENGLISH_PERSON = re.compile(r"[a-z]+(?:ers?|ors?|ists?|ians?|ants?)", re.IGNORECASE)
# Norwegian and Danish agents end in -er ("arbeidsgiver", "saksbehandler", "sagsbehandler",
# "lærer", "rådgiver": æ, ø and å are letters of the word), in their definite and plural forms
# -eren, -ere, -erne ("arbeidsgiveren", "arbeidsgivere", "arbejdsgiverne": a stem term,
# "arbeidsgiver*", matches the whole word) and the genitive -ers ("arbeidsgivers"), and, as in
# English, in -or, -ist, -ant ("koordinator", "jobbspesialist", "praktikant"); read in
# Norwegian and Danish terms only. Swedish agents end in -are, which is left out: its terms in
# the shipped protocols are stems ("arbetsgivar*"), and -are also ends comparatives
# ("tidigare", "senare"); a Swedish -er is a plural's ("kommuner"), so no Swedish term names a
# person
_NORDIC_PERSON = re.compile(r"[a-zæøå]+(?:ers?|ere|eren|erne|ors?|ists?|ants?)", re.IGNORECASE)
_NORDIC = frozenset({"no", "da"})
# Norwegian and Danish words for a person that end as no agent does, in any of their forms (the
# Scandinavian kind of comparator.PEOPLE): a doctor ("lege", "fastleger", "praktiserende
# læger", "lægerne"), a psychologist, a therapist ("fysioterapeuter")
_NORDIC_PEOPLE = re.compile(
    r"[a-zæøå]*(?:lege|læge|psykolog|terapeut)(?:n|r|ne|rne|en|er|ene|erne)?", re.IGNORECASE
)
# Words with a person's ending that name none:
# * a drug named by what it acts against or does ("antidepressants", "anticonvulsant",
#   "stimulants", "muscle relaxant": a domain scheme's health-focused term, whose
#   "Antidepressants were offered, and the parties agreed a plan" gives the parties nothing);
# * a place in US spelling ("job center", "rehabilitation centers");
# * a body part, a condition scheme's term ("shoulder*", "wrist", "finger*"): "exercises for the
#   shoulders" gives the shoulders nothing;
# * a Norwegian or Danish compound whose last part is a plural in -er of a complaint or a
#   benefit, not an agent ("nakkesmerter", "skjelettlidelser", "helseplager", "sykepenger",
#   "arbeidsavklaringspenger");
# * an English word in -ere, which the Scandinavian plural's ending reads as one where the
#   text's language is not known (:func:`names_people`: "there", "where", "atmosphere",
#   "severe", "sincere", "interfere", "mere").
_NO_PERSON = re.compile(
    r"anti[a-z]+|[a-z]*(?:stimulants?|relaxants?|centers?)"
    r"|shoulders?|wrists?|fingers?"
    r"|[a-zæøå]*(?:smerter|lidelser|plager|penger)"
    r"|[a-z]*(?:here|cere|fere|mere)|severe|revere|persevere|austere",
    re.IGNORECASE,
)


def names_person(e: Evidence) -> bool:
    """Whether a piece of evidence names a person (its last word, by the endings of its term's
    language), not a disorder."""
    words = tokens(e.text)
    if not words or term_names_disorder(e.text):
        return False
    if e.language in _NORDIC:
        if _NORDIC_PEOPLE.fullmatch(words[-1].word):
            return True
        # an ordinary noun's plural ends in -er as an agent does ("sykdommer", "bedrifter",
        # "tjenester", "arbeidsplasser"), so the record's word cannot tell them apart; the term
        # is written as the dictionary has it, singular or a stem of it ("arbeidsgiver*",
        # "bedrift*"), which ends in -er only for an agent (a sign's head: its first term)
        term = tokens(e.term.split(SIGN_JOIN)[0])
        return bool(term) and _nordic_word(term[-1].word) and _nordic_word(words[-1].word)
    return e.language == "en" and _english_word(words[-1].word)


def names_people(word: str) -> bool:
    """Whether one word of a text names a person by its ending ("physicians", "arbeidsgivere":
    the text's language is not known, so either language's) or is a word for people
    ("patients", "employees": :data:`reviewkit.classify.comparator.PEOPLE`)."""
    return word.casefold() in PEOPLE or _english_word(word) or _nordic_word(word)


def _english_word(word: str) -> bool:
    return _NO_PERSON.fullmatch(word) is None and _ENGLISH_PERSON.fullmatch(word) is not None


def _nordic_word(word: str) -> bool:
    return _NO_PERSON.fullmatch(word) is None and _NORDIC_PERSON.fullmatch(word) is not None
