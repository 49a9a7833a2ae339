"""Wildcards in text terms, as PubMed reads them since June 2024.

NLM Technical Bulletin 2024 May-Jun, "PubMed Update: Wildcard Search Improvements" [WC]: "A
wildcard (*) substitutes for 0 or more characters"; "Terms must have at least 4 characters
before the first wildcard: colo*"; "Multiple wildcards can be used in the same term:
organi*ation*"; phrases take them quoted (``"breast feed*"``), before a tag
(``breast feed*[tiab]``) or hyphenated (``breast-feed*``), and more than one
(``"colo* cancer*"``). Before that update a wildcard could only end a term.

A term's words become tokens: a plain word, a ``prefix`` (one wildcard, at the end: searched
as an FTS5 prefix when it is the last word, else expanded through the snapshot's vocabulary),
or a ``pattern`` (a wildcard inside the word: always expanded through the vocabulary).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable

from reviewkit.errors import UserError
from reviewkit.pubmed.fields import MAX_VARIANTS
from reviewkit.query import MIN_TRUNCATION, short_wildcard_stems
from reviewkit.records import fold_text

WORD, PREFIX, PATTERN = "word", "prefix", "pattern"


class WildcardError(UserError):
    """A wildcard PubMed would refuse, or one the local server cannot search faithfully."""


def text_tokens(text: str, truncated: bool) -> list[tuple[str, str]]:
    """(token, kind) for each searchable word of a text term; ``truncated``: it ended in '*'.

    A prefix token is its stem without the '*'; a pattern token keeps every '*'.
    """
    tokens: list[tuple[str, str]] = []
    for word in (text + ("*" if truncated else "")).split():
        if "*" not in word:
            tokens += [(part, WORD) for part in fold_text(word).split()]
            continue
        head, *rest = (fold_text(piece) for piece in word.split("*"))
        if not head:
            raise WildcardError(f"nothing before '*' in {word!r}")
        if any(" " in piece for piece in rest):  # organi*ation-level: words on both sides
            raise WildcardError(
                f"a wildcard between two words is not supported by the local server: {word!r}",
                hint="put the wildcard at the end of a word or inside one word",
            )
        *plain, stem = head.split()  # breast-feed*: 'breast', then the wildcarded 'feed'
        for written in short_wildcard_stems(word):  # [WC]: counted on the word as written
            raise WildcardError(
                f"'{written}*': PubMed needs at least {MIN_TRUNCATION} characters before the "
                "first '*'",
                hint="truncate a longer stem",
            )
        tokens += [(part, WORD) for part in plain]
        pattern = "*".join([stem, *rest])
        if pattern == stem + "*":
            tokens.append((stem, PREFIX))
        else:
            tokens.append((pattern, PATTERN))
    return tokens


def pattern_matches(pattern: str, words: list[str]) -> list[str]:
    """The words a pattern such as ``organi*ation*`` matches ('*' = 0 or more characters)."""
    rx = re.compile(".*".join(re.escape(piece) for piece in pattern.split("*")))
    return [w for w in words if rx.fullmatch(w)]


def phrase_alternatives(text: str, choices: list[list[str]], last_prefix: bool) -> list[str]:
    """FTS5 phrases for every combination of the words' variants (``last_prefix``: the last
    word is searched as a prefix); refused past MAX_VARIANTS combinations."""
    variants = math.prod(len(c) for c in choices)
    if variants > MAX_VARIANTS:
        raise WildcardError(
            f"the truncated phrase {text!r} has more than {MAX_VARIANTS} variants",
            hint="truncate a longer stem",
        )
    star = " *" if last_prefix else ""
    return [f'"{" ".join(combo)}"{star}' for combo in itertools.product(*choices)]


class WordVariants:
    """The snapshot's words each wildcarded word stands for, cached (one per evaluator)."""

    def __init__(self, vocabulary: Callable[[str, int], list[str]]) -> None:
        self._vocabulary = vocabulary  # (prefix, limit) -> indexed words, at most limit + 1
        self._cache: dict[str, list[str]] = {}

    def of(self, token: str, kind: str) -> list[str]:
        """A word itself; a prefix's or a pattern's words, refused past MAX_VARIANTS."""
        if kind == WORD:
            return [token]
        key = token + "*" if kind == PREFIX else token
        if key not in self._cache:
            stem = key.split("*")[0]
            words = self._vocabulary(stem, MAX_VARIANTS if kind == PREFIX else 10**9)
            found = words if kind == PREFIX else pattern_matches(key, words)
            if len(found) > MAX_VARIANTS:
                raise WildcardError(
                    f"{key} has more than {MAX_VARIANTS} variants", hint="truncate a longer stem"
                )
            self._cache[key] = found
        return self._cache[key]
