"""A term's written parts and how each matches a word: :func:`parse_term` reads a term as the
protocol writes it (the syntax: :mod:`reviewkit.classify.terms`), :meth:`TermPart.matches` tests a
word of a text; :func:`distinct_terms` and :func:`drop_recounted_words` keep one word one sign,
and :func:`compile_term` gives a term's surface for highlighting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reviewkit.classify import codes
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.words import HYPHENS, SHORT_WORD, fold, forms, stemmer
from reviewkit.protocol import SignalTerm

_HYPHEN = f"[{re.escape(HYPHENS)}]"  # one hyphen of words.HYPHENS, in a pattern

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
class TermPart:
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
def parse_term(text: str, language: str = "en") -> tuple[tuple[TermPart, ...], ...]:
    """The ways a term can be written, each a sequence of word parts (see the module docstring)."""
    term = text.strip()
    # a term in double quotes finds its plain words as written, not their stems (see the
    # module docstring): "hospital" is not "hospitalization", which Snowball cuts to its stem
    exact = len(term) > 2 and term[0] == term[-1] == '"'
    term = term.strip('"').strip()
    if codes.is_code_range(term):
        return ((TermPart(term, "code", language),),)
    term = codes.needs_system(term)[1]  # "ICPC-2 chapter L": checked by find_term
    # A hyphen inside a word ('burn-out') may also be written as nothing; next to a space
    # ('muskel- og') it is part of the space.
    spaced = re.sub(rf"{_HYPHEN}(?=\s)|(?<=\s){_HYPHEN}", " ", term)
    # An apostrophe splits a word as the text's words are split (classify.words.tokens):
    # "Crohn's disease" is the words Crohn, s, disease in a term as in a title.
    variants = [re.split(rf"[\s{re.escape(HYPHENS)}/'’]+", spaced)]
    if re.search(rf"\w{_HYPHEN}\w", spaced):
        variants.append(re.split(r"[\s/'’]+", re.sub(_HYPHEN, "", spaced)))
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
            parts.append(TermPart(fold(w.strip("*")), kind, language))
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


def _single_word_parts(term: SignalTerm, kind: str) -> list[TermPart]:
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
    return re.compile(r"(?<!\w)" + rf"[\s{re.escape(HYPHENS)}]*".join(words), re.IGNORECASE)


# TermPart.matches kept per part and word (patterns meet the same words again); bounded.
MATCH_MEMO = 200_000
_match_memo: dict[tuple[TermPart, str], bool] = {}


def part_matches(part: TermPart, word: str) -> bool:
    """:meth:`TermPart.matches`, kept per part and word (patterns meet the same words again)."""
    key = (part, word)
    hit = _match_memo.get(key)
    if hit is None:
        if len(_match_memo) > MATCH_MEMO:
            _match_memo.clear()
        hit = _match_memo[key] = part.matches(word)
    return hit
