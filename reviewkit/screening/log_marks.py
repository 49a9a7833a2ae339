"""Cheap looks at whether others changed a stage since an open screen last read it.

An open screen (a reviewer's queue, a lead's conflicts) must show what others did meanwhile
without reading the whole log on every timer tick. The log is append-only and never deleted
from, so its newest entry (one index lookup) says whether anything at all was written; only
then are the entries that matter counted (a walk over an index, no table rows), and a change
of a count is a new entry. Duplicate links are only appended too: the newest link's id says
whether a dedup merge was made.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewkit.project import Project
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates as links
from reviewkit.store.db import Store


class OthersEntries:
    """How many entries people other than ``reviewer`` (None: anyone) made at ``stage``, and
    how many any made at the ``earlier`` stages: counted again only when an entry was written
    since they were last counted (one lookup of the newest entry)."""

    def __init__(
        self, db: Store, stage: str, reviewer: str | None, earlier: Sequence[str] = ()
    ) -> None:
        self.db = db
        self.stage = stage
        self.reviewer = reviewer
        self.earlier = tuple(earlier)
        self._counted = (-1, 0, 0)  # (newest log entry, the two counts) when last counted

    def counts(self) -> tuple[int, int]:
        """(others' entries at the stage, entries at the stages before)."""
        last = decision_rows.last_entry(self.db)  # before the counts: a later entry is seen again
        if last != self._counted[0]:
            others = decision_rows.count_at(self.db, self.stage, other_than=self.reviewer)
            before = sum(decision_rows.count_at(self.db, name) for name in self.earlier)
            self._counted = (last, others, before)
        return self._counted[1:]


class EntriesAt:
    """How many entries anyone made at ``stages``: counted again only when an entry was written
    since they were last counted (one lookup of the newest entry); 0 without stages."""

    def __init__(self, db: Store, stages: Sequence[str]) -> None:
        self.db = db
        self.stages = tuple(stages)
        self._counted = (-1, 0)  # (newest log entry, the count) when last counted

    def count(self) -> int:
        """The entries at the stages, anyone's (undo and note entries too)."""
        if not self.stages:
            return 0
        last = decision_rows.last_entry(self.db)  # before the count: a later entry is seen again
        if last != self._counted[0]:
            total = sum(decision_rows.count_at(self.db, name) for name in self.stages)
            self._counted = (last, total)
        return self._counted[1]


class ConflictsMark:
    """Whether a stage's conflicts may have changed since :meth:`take` was last called, for
    a resolver's open screen: any entry at the stage (a vote that disagrees, a vote after a
    final that opens it again, another lead's final, the resolver's own from another terminal
    or a sheet) or a dedup merge (records decided apart joined). The entries the screen wrote
    itself it tells with :meth:`wrote`: not a change. (The resolver's entries had all been
    left out: a final the same lead gave in another terminal waited for a refused key.)
    When nothing changed a look is two lookups (the newest entry, the newest link)."""

    def __init__(self, project: Project, stage: str) -> None:
        self.db = project.db
        self._entries = OthersEntries(self.db, stage, None)
        self._mark = self._read()

    def _read(self) -> tuple[int, int]:
        return (self._entries.counts()[0], links.last_link_id(self.db))

    @property
    def changed(self) -> bool:
        """Whether anything changed since the mark was last taken."""
        return self._read() != self._mark

    def forget(self) -> None:
        """Mark nothing as seen: the next look finds a change (the read after :meth:`take`
        was refused, and the change it was for would otherwise wait for another one)."""
        self._mark = (-1, -1)

    def wrote(self, entries: int = 1) -> None:
        """The screen wrote ``entries`` log entries at the stage (a final, an undo) and shows
        them: seen. An entry anyone else wrote meanwhile still counts as a change."""
        self._mark = (self._mark[0] + entries, self._mark[1])

    def take(self) -> None:
        """Mark now as seen; call before reading the conflicts again, so that a change made
        while they are read is seen at the next look."""
        self._mark = self._read()
