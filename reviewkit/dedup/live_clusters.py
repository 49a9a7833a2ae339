"""The clusters a review screen keeps, brought up to date from the links written since.

:func:`~reviewkit.store.duplicates.canonical_map` reads every record and every merge of the
project (about 0.1 s at 50,000 records); a verdict, an undo or another reviewer's verdict
changes a few clusters. :func:`clusters_now` works out again only those: the clusters of the
records in the links written since the clusters were last brought up to date.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.store import duplicates as links
from reviewkit.store.db import Store


@dataclass(frozen=True)
class Clusters:
    """The clusters (record -> cluster id, as :func:`~reviewkit.store.duplicates.canonical_map`)
    and the newest link they account for: :func:`clusters_now` brings them up to date by
    working out again only the clusters of the links written since."""

    map: dict[int, int]
    mark: int


def clusters_now(db: Store, known: Clusters | None = None) -> Clusters:
    """The clusters now: ``known`` when no link was written since, else ``known`` with the
    clusters of the records linked since worked out again (another reviewer's verdicts
    included); a whole build when nothing is known."""
    mark = links.last_link_id(db)  # read first: a link written meanwhile is only taken twice
    if known is not None and known.mark == mark:
        return known
    if known is None:
        return Clusters(links.canonical_map(db), mark)
    return Clusters(links.clusters_since(db, known.map, known.mark, mark), mark)
