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
    the newest such vote's time (stored, UTC), ``count`` the votes standing that came after
    it (a reviewer's vote changed twice is one; 0: none found), ``brought`` whether each came
    in by import though cast before the final, ``came_before`` whether each was in the project
    file before the final came in (after it by the final's time alone: a final imported from a
    machine whose clock runs behind, or from a copy taken before them)."""

    cause: str
    at: str
    count: int = 0
    brought: bool = False
    came_before: bool = False

    @property
    def words(self) -> str:
        """'a vote came after the final (2026-12-07 05:40 CET)', '2 votes came after the
        final (the newest …)', 'a vote cast before the final was brought in after it (…)',
        'a dedup merge joined records decided apart (…)': the time local, to the minute."""
        when = _local(self.at)
        if self.cause == "merge":
            return f"a dedup merge joined records decided apart ({when})"
        if not self.count:  # no standing vote is later than the final (see reopenings)
            return f"the votes changed after the final of {when}"
        if self.brought and self.count > 1:
            return (
                f"{self.count} votes cast before the final were brought in after it"
                f" (the newest cast {when})"
            )
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
    standing: dict[tuple[int, str], Decision] = {}  # each reviewer's vote on each record now:
    for d in live_decisions(mine):  # one changed twice after the final is one vote (log order)
        if d.label in VOTES:
            standing[(d.record_id, d.reviewer)] = d
    voted = {record for record, _ in standing}
    # a merge opens only these: it brought in after the final a record decided otherwise
    # (merges.joined_after); a study whose records disagree by a vote changed since is open
    # by that vote, whatever merge was made after the final (it had named the merge)
    merged_apart = derived.joined(stage)
    out = {}
    for study, final in finals.items():
        # a link made after the final opened it only where the study's records disagree and
        # it joins a record that carries a vote here: a later search's copy with no vote,
        # merged after the final, opens nothing (it had named the merge for a changed vote)
        # after the final as links.cluster_when_logged tells it: made after its time, or
        # after it came into this file (a final imported from a machine whose clock runs ahead),
        # or, where its copy said what its study held, joining a record it did not hold
        db = derived.project.db
        mark = links.link_mark(db, final.id) if study in merged_apart else None
        held = links.held_in_copy(db, final.id) if study in merged_apart else None
        merged = [
            lk.created_at
            for r in (sorted(members[study] & voted) if study in merged_apart else ())
            for lk in links.current_links_of(db, r)
            if lk.verdict == "duplicate" and not links.stood_when_logged(lk, final, mark, held)
        ]
        if merged:
            out[study] = Reopening("merge", max(merged))
            continue
        late = [
            d
            for d in standing.values()
            if study_of[d.record_id] == study
            and (d.created_at > final.created_at or row[d.id] > row[final.id])
        ]
        if not late:  # not open again by its votes (the caller asks only for those that are)
            out[study] = Reopening("votes", final.created_at)
            continue
        # brought in: cast before the final by the clocks that cast them (another machine's
        # may differ from this one's: the words say what the times say); only when all were
        brought = all(d.created_at <= final.created_at for d in late)
        before = all(row[d.id] < row[final.id] for d in late)
        out[study] = Reopening("votes", max(d.created_at for d in late), len(late), brought, before)
    return out
