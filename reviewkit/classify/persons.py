"""Whether a term names a person, for :mod:`reviewkit.classify.recipients` (who receives a
weak word).

A person is a term whose last word names one by its ending (-er, -or, -ist, -ian, -ant:
"supervisors", "general practitioners", "employer", "psychologist", "physician",
"consultant"; Norwegian and Danish "arbeidsgiver", "saksbehandler"), not a body part
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

# A word that names a person by its ending ("supervisor", "practitioners", "psychologist",
# "physician", "consultant"): English agent nouns. Norwegian and Danish agents end in -er too
# ("arbeidsgiver", "saksbehandler", "sagsbehandler", "lærer", "rådgiver": æ, ø and å are letters
# of the word), and in their definite and plural forms -eren, -ere, -erne ("arbeidsgiveren",
# "arbeidsgivere", "arbejdsgiverne": a stem term, "arbeidsgiver*", matches the whole word);
# Swedish ones in -are, which is left out: its terms in the shipped protocols are stems
# ("arbetsgivar*"), and "-are" ends no English person. Acronyms are left out: most name a method
# or a disorder (CBT, IPS, MSD), not a person (GP)
_PERSON = re.compile(r"[a-zæøå]+(?:ers?|ere|eren|erne|ors?|ists?|ians?|ants?)", re.IGNORECASE)
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
# * an English word in -ere, which the Scandinavian plural's ending reads as one ("there",
#   "where", "atmosphere", "severe", "sincere", "interfere", "mere").
_NO_PERSON = re.compile(
    r"anti[a-z]+|[a-z]*(?:stimulants?|relaxants?|centers?)"
    r"|shoulders?|wrists?|fingers?"
    r"|[a-zæøå]*(?:smerter|lidelser|plager|penger)"
    r"|[a-z]*(?:here|cere|fere|mere)|severe|revere|persevere|austere",
    re.IGNORECASE,
)


def names_person(e: Evidence) -> bool:
    """Whether a piece of evidence names a person (its last word), not a disorder."""
    words = tokens(e.text)
    if not words or term_names_disorder(e.text):
        return False
    return _person_word(words[-1].word)


def names_people(word: str) -> bool:
    """Whether one word of a text names a person by its ending ("physicians") or is a word
    for people ("patients", "employees": :data:`reviewkit.classify.comparator.PEOPLE`)."""
    return word.casefold() in PEOPLE or _person_word(word)


def _person_word(word: str) -> bool:
    return _NO_PERSON.fullmatch(word) is None and _PERSON.fullmatch(word) is not None
