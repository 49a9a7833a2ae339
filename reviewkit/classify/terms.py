"""Signal terms and how they are found in a record: word forms, Scandinavian spellings, places.

A term is a word or a phrase, matched word by word, ignoring case:

* ``word`` matches every form of the word: both sides are reduced with the Snowball stemmer of
  the term's language (English, Norwegian, Swedish or Danish; ``snowballstemmer`` on PyPI), so
  ``coordinator`` finds "coordinators", ``arbeidsgiver`` finds "arbeidsgiveren", ``sykmeldt``
  finds "sykmeldte". Words of three letters or fewer (IPS, TBI, GP) match only as written.
* ``word*`` matches words that begin with ``word`` as written, and nothing else: the protocol
  chooses it when stems would join words it means to keep apart (``employer*`` finds "employers"
  but not "employment", which the English stemmer reduces to the same stem).
* ``"word"`` (a term in double quotes; in TOML ``'"hospital"'``) matches its words as written,
  case and accents aside, and no other form: for a word whose stem a longer word of another
  meaning shares (``"hospital"`` finds "hospital", not "hospitalization", which Snowball cuts
  to the same stem, nor "hospitals": list each form wanted). A ``*`` and a word in capitals
  keep their meaning inside the quotes.
* ``*word`` matches compounds that end with the word (any form of it): Norwegian, Swedish and
  Danish write compound nouns as one word with the head last, so ``*koordinator`` finds
  "sykefraværskoordinator" and "rehabiliteringskoordinatorer".
* Spaces and hyphens between the words of a term match spaces, hyphens or nothing (``burn-out``
  finds "burnout", ``multiprofessional`` finds "multi-professional").
* A phrase is also found with its first word after the rest in the same clause, joined by a
  verb of delivery or a preposition of means (``telephone coaching`` finds "coaching was
  delivered by telephone"; :mod:`reviewkit.classify.named_after`).
* Scandinavian letters also match their ASCII spellings (``sykefravær`` finds "sykefravaer",
  ``samhälle`` finds "samhalle").
* A term a few words after "without" (uten, utan, uden) in the same clause is not found: it
  names what a study did not have ("without a fixed workplace"); "with or without" is no
  negation. Nor is a term right after "not", "non" or "no" (ikke, inte, ej, ingen): "not
  musculoskeletal", "non-musculoskeletal"; nor one followed by "was not assessed" (measured,
  recorded, reported …): "comorbidity was not assessed" names what a study left out.
* A word written in capitals (``IPS``, ``MSD``, ``AIDS``) is an acronym: it finds the same
  capitals, also with a plural s ("MSDs"), and no other word ("lipsum", "aid", "cmd").
* A range of diagnosis codes, ``F30-F48`` (ICD-10), ``ICPC-2 L01-L99``, ``S00-T98``, finds
  each code of it ("F43.2") and a range written mostly in it ("F20.0-F48.9"), of its
  classification: register studies name a population by its codes only
  (:mod:`reviewkit.classify.codes`). Another term after ``ICPC-2`` (``ICPC-2 L-diagnos*``) is
  found only in a record that names ICPC.
* A Norwegian, Swedish or Danish word also finds itself with a definite or plural ending
  ("arbeidsgiverne", "arbetsgivarna"), where the stemmer cuts the two words differently.
* Where two terms' matches overlap, the longer wins
  (:func:`reviewkit.classify.rules.longest_spans`): "neck pain" is one sign, not also "neck".
* A term naming a health state (mental health, depression, pain …) is not found inside the name
  of an outcome measure ("SF-36 mental health scores", "depression and anxiety scores"): what
  a study measured is not whom it studied (:mod:`reviewkit.classify.outcomes`); nor where it
  is a variable of the study: a predictor, risk factor, moderator, mediator or exposure
  ("depression at baseline predicted delayed return to work" in all sick-listed employees;
  :mod:`reviewkit.classify.variables`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from reviewkit.classify import codes
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field
from reviewkit.classify.named_after import qualifier_after
from reviewkit.classify.negation import negated, negated_after
from reviewkit.classify.origins import names_origin, place_name
from reviewkit.classify.outcomes import OwnInstruments, instrument_spellings
from reviewkit.classify.own_study import names_the_titles_study, states_own_aim
from reviewkit.classify.places import in_context
from reviewkit.classify.readings import kept
from reviewkit.classify.term_syntax import TermPart, parse_term, part_matches
from reviewkit.classify.words import Token, fold, sentence_around
from reviewkit.protocol import SignalTerm


def _follow(parts: tuple[TermPart, ...], words: list[Token], i: int) -> bool:
    """Whether ``parts`` stand one by one right after ``words[i]`` (the words are there)."""
    return all(part_matches(p, words[i + k].word) for k, p in enumerate(parts, 1))


def _spans(
    parts: tuple[TermPart, ...],
    f: Field,
    arm: bool | str,
    proper: bool = False,
    tested: bool = False,
    instrument: bool = False,
    own: OwnInstruments = (),
) -> Iterable[tuple[int, int]]:
    """The (start, end) of each place the term's words are found and count (``proper``: the
    term is a place, no evidence at the head of an instrument's name, :mod:`.origins`;
    ``tested``, ``instrument``, ``own``: :func:`~reviewkit.classify.readings.kept`)."""
    n = len(parts)
    words = f.words
    first, rest = parts[0], parts[1:]

    def counts(i: int, j: int) -> bool:  # words i..j are the term: not negated, and kept
        if negated(f.text, words, i) or negated_after(f.text, words, j):
            return False
        if not kept(f, i, j, arm, tested, instrument, own):
            return False
        return not (proper and names_origin(f.text, words, i, j))

    for i in f.places(first):  # the first part alone rules out almost every place
        if i > len(words) - n:
            break
        if _follow(rest, words, i) and counts(i, i + n - 1):
            yield words[i].start, words[i + n - 1].end
    # the first word after the rest: "group sessions held online" (:mod:`.named_after`)
    if n > 1:
        for i in f.places(rest[0]):
            if i + n - 2 >= len(words) or not _follow(rest[1:], words, i):
                continue
            at = qualifier_after(f.text, words, i + n - 2)
            if at is not None and part_matches(first, words[at].word) and counts(i, at):
                yield words[i].start, words[at].end
    if n == 2 and fold(parts[0].key) == "chapter":  # "chapters L and P": each chapter named
        for i in f.places(parts[1]):
            if not codes.listed_chapter(f.text, words, i) or negated(f.text, words, i):
                continue
            if kept(f, i, i, arm, tested, instrument, own):
                yield words[i].start, words[i].end
    if n == 1:
        for i, j, tok in f.joined:
            if part_matches(parts[0], tok.word) and counts(i, j):
                yield tok.start, tok.end


def _title(fields: list[Field]) -> str:
    """The record's title among its fields ('' without one)."""
    return next((f.text for f in fields if f.where == "title"), "")


def find_term(
    term: SignalTerm,
    fields: list[Field],
    label: str,
    negative: bool = False,
    arm: bool | str = False,
    tested: bool = False,
    instruments: tuple[SignalTerm, ...] = (),
) -> list[Evidence]:
    """Every place a term is found in a record's fields (with ``arm`` True: every place it names
    a comparator arm instead, which is no evidence; "measures", "study" or "did", and
    ``tested``: as :func:`~reviewkit.classify.readings.kept` says; ``instruments``: the
    scheme's, :attr:`reviewkit.protocol.Scheme.instruments`). A sign of several terms
    (``term.together``) is found where its first term is, in a sentence that holds each other
    term too (:func:`_find_sign`)."""
    if term.together:
        return _find_sign(term, fields, label, negative, arm, tested, instruments)
    system = codes.needs_system(term.text)[0]
    if system and fields and system not in fields[0].named:  # a classification's own letters
        return []
    variants = parse_term(term.text, term.language)
    whole = getattr(fields, "whole", None)
    if whole is not None:  # only the spellings whose first word the record has at all
        variants = tuple(parts for parts in variants if whole.places(parts[0]))
    out = []
    # a place: not where an instrument named after it is used. Not in a scheme of what a study
    # measured, where an instrument's name is the evidence ('Work Ability' in "the Work Ability
    # Index"): there no term names where a study was; nor a term that is no place (an eponym)
    proper = arm != "measures" and place_name(term.text)
    own = instrument_spellings(instruments)
    for n, f in enumerate(fields):
        seen = set()
        for parts in variants:
            for start, end in _spans(parts, f, arm, proper, tested, term.instrument, own):
                if (start, end) not in seen:
                    seen.add((start, end))
                    text = f.text[start:end]
                    aim = in_context(f.where) and (
                        states_own_aim(f.text, start)
                        or names_the_titles_study(_title(fields), f.text, start)
                    )
                    out.append(
                        Evidence(
                            label, term.text, f.where, text, term.weight, negative,
                            span=(n, start, end), language=term.language, aim=aim,
                        )
                    )  # fmt: skip
    return out


def _find_sign(
    sign: SignalTerm,
    fields: list[Field],
    label: str,
    negative: bool,
    arm: bool | str,
    tested: bool,
    instruments: tuple[SignalTerm, ...] = (),
) -> list[Evidence]:
    """Where a sign of several terms is found: its first term, in a sentence where each other
    term is found too, each read as a term alone (negation, the scheme's reading, origins).
    Some signs need several words that need not stand together: "trained therapists", "a
    case manager employed by the insurer"; the sentence is the reach, as one clause or list
    rarely runs past it. The evidence is the first term's words (where it counts, and what
    overlaps it), named by the whole sign (``case manager* + insurer*``)."""
    args = (fields, label, negative, arm, tested, instruments)
    head = find_term(replace(sign, together=()), *args)
    if not head:
        return []
    others = [find_term(SignalTerm(t, sign.weight, sign.language), *args) for t in sign.together]
    out = []
    for e in head:
        n, start, _ = e.span  # type: ignore[misc]
        first, last = sentence_around(fields[n].text, start)
        if all(
            any(o.span[0] == n and first <= o.span[1] < last for o in found)  # type: ignore[index]
            for found in others
        ):
            out.append(replace(e, term=sign.shown))
    return out
