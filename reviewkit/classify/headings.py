"""MeSH headings and publication types a label names: found as written, case aside."""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.classify.evidence import Evidence
from reviewkit.classify.words import fold


def heading(mesh: str) -> str:
    """A MeSH heading without its qualifiers and major-topic mark ('Depression/therapy*' -> 'Depression')."""
    return mesh.split("/")[0].strip().strip("*").strip()


def find_headings(
    wanted: Iterable[str], values: Iterable[str], where: str, label: str, weight: float = 1.0
) -> list[Evidence]:
    """Exact (case-insensitive) matches of MeSH headings or publication types a label names."""
    keys = {fold(w.strip()): w for w in wanted}
    out = []
    for v in values:
        h = heading(v) if where == "mesh" else v.strip()
        if fold(h) in keys:
            out.append(Evidence(label, keys[fold(h)], where, h, weight))
    return out
