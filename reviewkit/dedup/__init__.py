"""Deduplication: normalise → block → score (rapidfuzz) → cluster (networkx) → links.

Stage functions live in :mod:`reviewkit.dedup.engine`; the matching core
(:func:`reviewkit.dedup.engine.match`) is the same for ``reviewkit dedup`` and the benchmark.
"""
