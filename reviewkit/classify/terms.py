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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from reviewkit.classify import affiliations, codes
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.headings import heading
from reviewkit.classify.negation import negated, negated_after
from reviewkit.classify.origins import names_origin, place_name
from reviewkit.classify.own_study import names_the_titles_study, states_own_aim
from reviewkit.classify.places import in_context
from reviewkit.classify.readings import kept
from reviewkit.classify.words import (
    SHORT_WORD,
    Token,
    fold,
    forms,
    hyphen_runs,
    sentence_around,
    stemmer,
    tokens,
)
from reviewkit.protocol import SignalTerm
from reviewkit.records import Record, plain_abstract

# --- terms -------------------------------------------------------------------------------------


# A term word written in capitals (IPS, MSD, CMD, AIDS, IAPT; "GPs") is an acronym: it finds
# the same capitals with or without a plural s ("MSDs"), never a stem ("AIDS" is not "aid") and
# never a lower-case word ("cmd", "ips"): acronyms are written in capitals, and the lower-case
# word of the same letters is another word. A term written in lower case keeps the rules above.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")

# Definite and plural endings of Norwegian, Swedish and Danish nouns, added to the whole word
# ("arbeidsgiverne", "arbetsgivarna"). Snowball's stemmers cut some of these words elsewhere
# than the word's base form ("arbeidsgiver" -> "arbeidsgiv", "arbeidsgiverne" -> "arbeidsgivern"),
# so a word also finds itself with one of these endings.
NOUN_ENDINGS = {
    "no": ("e", "en", "er", "ene", "et", "a", "ne", "erne", "ere"),
    "sv": ("n", "en", "er", "na", "erna", "ar", "arna", "or", "orna", "et", "ets", "ens"),
    "da": ("e", "en", "er", "ene", "et", "ne", "erne", "ere"),
}


def _acronym(word: str) -> str:
    """The acronym a word stands for when written in capitals (a plural 's' off), else ''."""
    if _ACRONYM.fullmatch(word):
        return word
    if len(word) > 2 and word.endswith("s") and _ACRONYM.fullmatch(word[:-1]):
        return word[:-1]
    return ""


@dataclass(frozen=True)
class _Part:
    key: str  # folded word, without its '*'; for a code range the range as written ('F30-F48')
    # 'word' (any form), 'exact' (a word in a quoted term: as written), 'prefix' (word*),
    # 'suffix' (*word), 'acronym' (IPS), 'code'
    kind: str
    language: str

    def __hash__(self) -> int:
        # kept: parts are looked up in tables of places and matches millions of times a run
        h = self.__dict__.get("_hash")
        if h is None:
            h = hash((self.key, self.kind, self.language))
            object.__setattr__(self, "_hash", h)
        return h

    def matches(self, word: str) -> bool:
        """Whether a word of the text is this part of a term (any form, prefix or suffix)."""
        if self.kind == "acronym":
            return fold(_acronym(word)) == self.key
        if self.kind == "code":
            return codes.in_code_range(self.key, word)
        f = fold(word)
        if self.kind == "exact":
            return f == self.key
        if self.kind == "prefix":
            return f.startswith(self.key)
        if self.kind == "suffix":
            if f.endswith(self.key):
                return True
            return any(k.endswith(self.key) for k in forms(word, self.language)) or any(
                f.endswith(k) for k in forms(self.key, self.language) if len(k) > SHORT_WORD
            )
        if forms(word, self.language) & forms(self.key, self.language):
            return True
        endings = NOUN_ENDINGS.get(self.language, ())
        return (
            len(self.key) > SHORT_WORD and f.startswith(self.key) and f[len(self.key) :] in endings
        )


@lru_cache(maxsize=8192)
def parse_term(text: str, language: str = "en") -> tuple[tuple[_Part, ...], ...]:
    """The ways a term can be written, each a sequence of word parts (see the module docstring)."""
    term = text.strip()
    # a term in double quotes finds its plain words as written, not their stems (see the
    # module docstring): "hospital" is not "hospitalization", which Snowball cuts to its stem
    exact = len(term) > 2 and term[0] == term[-1] == '"'
    term = term.strip('"').strip()
    if codes.is_code_range(term):
        return ((_Part(term, "code", language),),)
    term = codes.needs_system(term)[1]  # "ICPC-2 chapter L": checked by find_term
    # A hyphen inside a word ('burn-out') may also be written as nothing; next to a space
    # ('muskel- og') it is part of the space.
    spaced = re.sub(r"[\-‐–](?=\s)|(?<=\s)[\-‐–]", " ", term)
    # An apostrophe splits a word as the text's words are split (classify.words.tokens):
    # "Crohn's disease" is the words Crohn, s, disease in a term as in a title.
    variants = [re.split(r"[\s\-‐–/'’]+", spaced)]
    if re.search(r"\w[\-‐–]\w", spaced):
        variants.append(re.split(r"[\s/'’]+", re.sub(r"[\-‐–]", "", spaced)))
    out = []
    for words in variants:
        parts = []
        for w in words:
            if not w:
                continue
            kind = "prefix" if w.endswith("*") else "suffix" if w.startswith("*") else "word"
            if kind == "word" and _acronym(w):
                kind, w = "acronym", _acronym(w)
            elif kind == "word" and exact:
                kind = "exact"
            parts.append(_Part(fold(w.strip("*")), kind, language))
        if parts:
            out.append(tuple(parts))
    return tuple(out)


def _word_form_key(text: str, language: str) -> tuple:
    """What a term finds, as a key: its written variants with every plain word reduced to its
    stem, so 'policy' and 'policies' (one word, two spellings) have one key."""
    return tuple(
        tuple(
            (p.kind, fold(stemmer(language).stemWord(p.key)) if p.kind == "word" else p.key)
            for p in variant
        )
        for variant in parse_term(text, language)
    )


@lru_cache(maxsize=4096)
def distinct_terms(terms: tuple[SignalTerm, ...]) -> tuple[SignalTerm, ...]:
    """A label's terms with the spellings of one word listed once, at the heaviest weight given
    ('policy' and 'policies' are one sign: a plain word already finds its forms). Two different
    terms that happen to match the same words (synonyms) stay apart; see
    :func:`reviewkit.classify.rules._score`."""
    best: dict[tuple, SignalTerm] = {}
    for t in terms:
        key = (t.language, _word_form_key(t.text, t.language), t.together)  # a sign is its own
        if key not in best or t.weight > best[key].weight:
            best[key] = t
    kept = set(map(id, best.values()))
    return tuple(t for t in terms if id(t) in kept)


def _single_word_parts(term: SignalTerm, kind: str) -> list[_Part]:
    """The term's one-word spellings of the given kind ('word', 'suffix'), [] for phrases."""
    return [v[0] for v in parse_term(term.text, term.language) if len(v) == 1 and v[0].kind == kind]


def drop_recounted_words(
    term: SignalTerm, evidence: list[Evidence], terms: tuple[SignalTerm, ...]
) -> list[Evidence]:
    """A compound pattern's evidence without the words a plain one-word term of the same label
    also finds: ``*team`` (Swedish samverkansteam, rehabteam) adds compounds, but the bare word
    "team", or a compound listed on its own ("ryggsmerter" beside ``*smerter``), is one sign and
    counts once, at the plain term's weight (a quoted word, ``"team"``, is as plain): a word
    does not weigh more because one of the label's lists also names its compounds. A sign of
    several terms (``together``) is neither: it counts only where all its terms stand, so its
    head takes no word from a pattern, nor does a plain word take one from a sign headed by a
    pattern (on the same words the heavier stays: :func:`~reviewkit.classify.rules.longest_spans`)."""
    if term.together or not _single_word_parts(term, "suffix"):
        return evidence
    # a word as written ('"team"') is as plain as a word in any form ("team")
    plain = [
        p
        for t in terms
        if not t.together
        for k in ("word", "exact")
        for p in _single_word_parts(t, k)
    ]
    return [e for e in evidence if not any(p.matches(e.text) for p in plain)]


def compile_term(text: str) -> re.Pattern[str]:
    """A regular expression for the surface of a term, for highlighting (matching uses stems)."""
    parts = parse_term(text)[0]
    if parts[0].kind == "code":  # any code of the range's letters (numbers: when matching)
        return codes.code_pattern(parts[0].key)
    # a word in a quoted term ends where it is written; any other may go on (stems, prefixes)
    words = [re.escape(p.key) + (r"(?!\w)" if p.kind == "exact" else r"\w*") for p in parts]
    return re.compile(r"(?<!\w)" + r"[\s\-‐–]*".join(words), re.IGNORECASE)


@dataclass
class Field:
    """One searchable part of a record, split into words once."""

    where: str
    text: str
    words: list[Token]
    joined: list[tuple[int, int, Token]]
    named: frozenset[str] = frozenset()  # classifications of codes the record names (ICD-10)
    # word -> its places, and per language a word form -> places (built on first use): a term's
    # first word is looked up instead of tested at every place (every term of a scheme is
    # searched for in every field, so that test ran tens of millions of times in the demo)
    _places: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _by_fold: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _by_form: dict[str, dict[str, list[int]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # part -> its places, kept: one record's fields are shared by every scheme and every run
    # that scores it (:func:`record_fields`), and a term is looked up once per field
    _hits: dict[_Part, list[int]] = field(default_factory=dict, repr=False, compare=False)
    written: list = field(default_factory=list, repr=False, compare=False)  # codes.code_places

    def places(self, part: _Part) -> list[int]:
        """The places of the words that are ``part`` (as :meth:`_Part.matches` says), in order."""
        hits = self._hits.get(part)
        if hits is None:  # most parts are in no field: one shared empty list, not one each
            hits = self._hits[part] = self._find(part) or _NO_PLACES
        return hits

    def _index(self) -> dict[str, list[int]]:
        # built whole, then published: a field may be shared by two threads (the confirm
        # screen's trainer), and a half-built index would lose or repeat places
        if not self._places:
            places: dict[str, list[int]] = {}
            for i, w in enumerate(self.words):
                places.setdefault(w.word, []).append(i)
            by_fold: dict[str, list[int]] = {}
            for w, at in places.items():
                by_fold.setdefault(fold(w), []).extend(at)
            self._by_fold = by_fold
            self._places = places
        return self._places

    def _find(self, part: _Part) -> list[int]:
        places = self._index()
        if part.kind == "code":  # each code read with the words beside it
            return codes.code_places(part.key, self, places)
        if part.kind == "exact":  # the word as written, case and accents aside
            return list(self._by_fold.get(part.key, ()))
        if part.kind != "word":  # prefixes, suffixes, acronyms: each different word tested once
            return sorted(i for w, at in places.items() if _matches(part, w) for i in at)
        by_form = self._by_form.get(part.language)
        if by_form is None:
            by_form = {}
            for w, at in places.items():
                for key in forms(w, part.language):
                    by_form.setdefault(key, []).extend(at)
            self._by_form[part.language] = by_form
        found = set()
        for key in forms(part.key, part.language):
            found.update(by_form.get(key, ()))
        if len(part.key) > SHORT_WORD:  # _Part.matches' noun endings: fold(word) is key + ending
            for ending in NOUN_ENDINGS.get(part.language, ()):
                found.update(self._by_fold.get(part.key + ending, ()))
        return sorted(found)


# _Part.matches kept per part and word (patterns meet the same words again); bounded.
MATCH_MEMO = 200_000
_NO_PLACES: list[int] = []  # shared: callers only read places
_match_memo: dict[tuple[_Part, str], bool] = {}


def _matches(part: _Part, word: str) -> bool:
    key = (part, word)
    hit = _match_memo.get(key)
    if hit is None:
        if len(_match_memo) > MATCH_MEMO:
            _match_memo.clear()
        hit = _match_memo[key] = part.matches(word)
    return hit


class Fields(list):
    """A record's fields, and ``whole``: all their words (and hyphenated runs joined) in one
    field, to ask once per record whether a term's first word is there at all."""

    whole: Field


def record_fields(record: Record) -> Fields:
    """Every searchable part of a record (title, abstract sections, keywords), split into words,
    without the authors' affiliations (:mod:`~reviewkit.classify.affiliations`). Made once per
    record text and shared: do not change the list."""
    out = [("title", record.title)]
    for s in record.abstract_sections:
        if affiliations.is_affiliations(s.label):  # the authors' workplaces, not the study's
            continue
        text = affiliations.without_affiliations(s.text)
        # an unlabelled section is split again at the headings run into it: a record stored
        # before its kind of heading was known (capital headings without colons, CINAHL's and
        # Embase's) gets its sections, as extract.sections reads it
        parts = ((s.label, text),) if s.label else _sections_of(text)
        out += [(f"abstract:{label.upper()}" if label else "abstract", t) for label, t in parts]
    out += [("keywords", k) for k in record.keywords]
    out += [("mesh", heading(m)) for m in record.mesh_terms]
    return _fields(tuple((where, text) for where, text in out if text))


@lru_cache(maxsize=1024)  # a record is scored again by every scheme and retraining
def _sections_of(text: str) -> tuple[tuple[str, str], ...]:
    """(label, text) of the sections run into one unlabelled section's text (itself if none)."""
    return tuple((p.label, p.text) for p in plain_abstract(text)) or (("", text),)


@lru_cache(maxsize=1024)  # about 100 KB a record with its places kept; the demo scores 434
def _fields(parts: tuple[tuple[str, str], ...]) -> Fields:
    """The fields of one record's text, made once: every scheme, every classify run and every
    retraining of the confirm screen scores the same records again (records never change)."""
    fields = Fields()
    every: list[Token] = []
    named = frozenset().union(*(codes.named_systems(text) for _, text in parts))
    for where, text in parts:
        words = tokens(text)
        joined = hyphen_runs(text, words)
        fields.append(Field(where, text, words, joined, named))
        every += words
        every += [tok for _, _, tok in joined]
    fields.whole = Field("", "", every, [])
    return fields


def _spans(
    parts: tuple[_Part, ...], f: Field, arm: bool | str, proper: bool = False, tested: bool = False
) -> Iterable[tuple[int, int]]:
    """The (start, end) of each place the term's words are found and count (``proper``: the
    term is a place, no evidence at the head of an instrument's name, :mod:`.origins`;
    ``tested``: :func:`~reviewkit.classify.readings.kept`)."""
    n = len(parts)
    words = f.words
    first, rest = parts[0], parts[1:]
    for i in f.places(first):  # the first part alone rules out almost every place
        if i > len(words) - n:
            break
        if rest and not all(_matches(p, words[i + k].word) for k, p in enumerate(rest, 1)):
            continue
        if negated(f.text, words, i) or negated_after(f.text, words, i + n - 1):
            continue
        if kept(f, i, i + n - 1, arm, tested) and not (
            proper and names_origin(f.text, words, i, i + n - 1)
        ):
            yield words[i].start, words[i + n - 1].end
    if n == 2 and fold(parts[0].key) == "chapter":  # "chapters L and P": each chapter named
        for i in f.places(parts[1]):
            if not codes.listed_chapter(f.text, words, i) or negated(f.text, words, i):
                continue
            if kept(f, i, i, arm, tested):
                yield words[i].start, words[i].end
    if n == 1:
        for i, j, tok in f.joined:
            if not _matches(parts[0], tok.word):
                continue
            if negated(f.text, words, i) or negated_after(f.text, words, j):
                continue
            if kept(f, i, j, arm, tested) and not (proper and names_origin(f.text, words, i, j)):
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
) -> list[Evidence]:
    """Every place a term is found in a record's fields (with ``arm`` True: every place it names
    a comparator arm instead, which is no evidence; "measures", "study" or "did", and
    ``tested``: as :func:`~reviewkit.classify.readings.kept` says). A sign of several terms
    (``term.together``) is found where its first term is, in a sentence that holds each other
    term too (:func:`_find_sign`)."""
    if term.together:
        return _find_sign(term, fields, label, negative, arm, tested)
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
    for n, f in enumerate(fields):
        seen = set()
        for parts in variants:
            for start, end in _spans(parts, f, arm, proper, tested):
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
) -> list[Evidence]:
    """Where a sign of several terms is found: its first term, in a sentence where each other
    term is found too, each read as a term alone (negation, the scheme's reading, origins).
    Some signs need several words that need not stand together: "trained therapists", "a
    case manager employed by the insurer"; the sentence is the reach, as one clause or list
    rarely runs past it. The evidence is the first term's words (where it counts, and what
    overlaps it), named by the whole sign (``case manager* + insurer*``)."""
    head = find_term(replace(sign, together=()), fields, label, negative, arm, tested)
    if not head:
        return []
    others = [
        find_term(SignalTerm(t, sign.weight, sign.language), fields, label, negative, arm, tested)
        for t in sign.together
    ]
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
