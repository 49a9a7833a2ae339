"""Deduplication: normalise → block → rules (score: rapidfuzz) → cluster (networkx) → links.

Stage functions live in :mod:`reviewkit.dedup.engine`; the matching core
(:func:`reviewkit.dedup.matching.match`) is the same for ``reviewkit dedup`` and the benchmark.
Keys are built by :mod:`.normalise` from the field modules :mod:`.titles`, :mod:`.pages`,
:mod:`.venue`, :mod:`.names` and :mod:`.identifiers`; the review queue and a person's
decisions are in :mod:`.review`, the merged view and counts in :mod:`.report`. The rules
are the ordered table of :mod:`.rules`, reading the facts of :mod:`.pair` and the evidence
of :mod:`.score`.
"""
