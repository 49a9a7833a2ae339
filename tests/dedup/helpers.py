"""Hand-made records for the dedup tests."""

from __future__ import annotations

from reviewkit.dedup.normalise import Keys, keys_for
from reviewkit.dedup.rules import compare
from reviewkit.dedup.score import Context
from reviewkit.records import Record

TITLE = "Return to work after sick leave for common mental disorders: a randomised trial"


def rec(**kw) -> Record:
    """A journal article with every field filled; override any with keywords."""
    base = dict(
        title=TITLE,
        authors=["Hansen, Kari", "Olsen, Per", "Berg, Anne"],
        year=2019,
        journal="Scandinavian Journal of Work, Environment and Health",
        volume="45",
        issue="3",
        pages="245-253",
        doi="",
        pmid="",
        source="PubMed",
    )
    base.update(kw)
    return Record(**base)


def keys(i: int, **kw) -> Keys:
    return keys_for(i, rec(**kw))


def verdict(ka: Keys, kb: Keys, ctx: Context | None = None) -> tuple[str, str]:
    """(verdict, rule) of the first rule that decides the pair (``ctx``: facts about the set)."""
    v = compare(ka, kb, ctx or Context())
    return v.verdict, v.rule


def other(n: int, **kw) -> Record:
    """An unrelated article number n (distinct title, authors, pages)."""
    words = [
        "alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "hotel",
        "india",
        "juliet",
    ]
    title = f"Study {words[n % 10]} {words[(n // 10) % 10]} of sleep quality in shift workers cohort {n * 7919}"
    name = "".join(chr(97 + (n // 26**k) % 26) for k in range(3))
    base = dict(
        title=title,
        authors=[f"{name}sen, A", f"{name}berg, B"],
        year=2000 + n % 20,
        journal="Occupational Medicine",
        volume=str(10 + n),
        pages=f"{100 + n}-{110 + n}",
        source="Embase",
    )
    base.update(kw)
    return Record(**base)
