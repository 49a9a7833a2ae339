"""What opened a resolved conflict again, and when, for the lead (the conflicts screen's
"Open again:" line, ``conflicts --list``): a vote after the final (a reviewer changed one, or
``decisions import`` brought in one cast before it in a reviewer's copy), or a dedup merge
made after the final that joined records decided apart (``merges.merge_conflicts``). The
lead had been told "the votes came after it, or a merge" and could not tell which.

Read from the log (each entry's time and its row in the project file, which tells one brought
in later) and the duplicate links (each merge's time); only for the studies open again, which
are few."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.rules import VOTES, live_decisions
from reviewkit.store import duplicates as links
from reviewkit.store.decisions import Decision


@dataclass(frozen=True)
class Reopening:
    """What opened a resolved conflict: ``cause`` 'merge' or 'votes', ``at`` the merge's or
    the newest such vote's time (stored, UTC), ``count`` the votes, ``brought`` whether the
    newest came in by import though cast before the final."""

    cause: str
    at: str
    count: int = 0
    brought: bool = False

    @property
    def words(self) -> str:
        """'a vote came after the final (2026-12-07 05:40 CET)', '2 votes came after the
        final (the newest …)', 'a vote cast before the final was brought in after it (…)',
        'a dedup merge joined records decided apart (…)': the time local, to the minute."""
        when = _local(self.at)
        if self.cause == "merge":
            return f"a dedup merge joined records decided apart ({when})"
        if self.brought:
            return f"a vote cast before the final was brought in after it (cast {when})"
        if self.count > 1:
            return f"{self.count} votes came after the final (the newest {when})"
        return f"a vote came after the final ({when})"


def _local(stamp: str) -> str:
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def reopenings(
    derived: DerivedStages, stage: str, finals: dict[int, Decision]
) -> dict[int, Reopening]:
    """What opened each study of ``finals`` (study -> its final) at ``stage`` again: a merge
    of its records made after the final (the newest), else the votes on its records that came
    after the final or came into the project file after it. The log and the records' studies
    are read once for all of them."""
    if not finals:
        return {}
    members: dict[int, set[int]] = {s: {s} for s in finals}
    for record, study in derived.canon.items():
        if study in members:
            members[study].add(record)
    study_of = {r: s for s, rs in members.items() for r in rs}
    row = derived.arrival()
    mine = [d for d in derived.log() if d.stage == stage and d.record_id in study_of]
    votes = [d for d in live_decisions(mine) if d.label in VOTES]
    out = {}
    for study, final in finals.items():
        merged = [
            lk.created_at
            for r in sorted(members[study])
            for lk in links.current_links_of(derived.project.db, r)
            if lk.verdict == "duplicate" and lk.created_at > final.created_at
        ]
        if merged:
            out[study] = Reopening("merge", max(merged))
            continue
        late = sorted(
            (
                d
                for d in votes
                if study_of[d.record_id] == study
                and (d.created_at > final.created_at or row[d.id] > row[final.id])
            ),
            key=lambda d: (row[d.id], d.created_at),
        )
        if not late:  # not open again by its votes (the caller asks only for those that are)
            out[study] = Reopening("votes", final.created_at)
            continue
        newest = late[-1]
        brought = newest.created_at <= final.created_at
        out[study] = Reopening("votes", newest.created_at, len(late), brought)
    return out
