"""What a final decision brought in by ``decisions import`` settles here by its time alone.

Duplicate links are not exchanged: a final made in another copy settled the records its study
held there. Where a merge was made here after the final came in, the order of events in this
file says the final did not see it (``store.duplicates.cluster_when_logged``). Where the merge
was made here before, nothing here tells what that copy held: the final's time (that machine's
clock) is taken, either way, and a record decided otherwise is named to whoever imports it:
one it is taken to settle (made after the merge by that clock), with what the lead does if that
copy held the record apart, and one it is taken not to settle (made before the merge by that
clock: the conflict is open again), with what the lead does if that copy held it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from reviewkit.errors import command_line
from reviewkit.project import Project
from reviewkit.screening.merges import joined_after
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.rules import FINAL, live_decisions
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates as links
from reviewkit.store.decisions import Decision


@dataclass(frozen=True)
class TakenAsSeen:
    """A final from another copy (``final``) taken by its time to settle ``records`` of its
    study, merged here before it came in (``seen``), or not to settle them (not ``seen``:
    merged after its time, by that machine's clock, and the conflict is open again)."""

    final: Decision
    study: int
    records: tuple[int, ...]
    seen: bool = True

    def line(self) -> str:
        """The words for the person importing (which records, never how they were decided:
        the stage may be open, and they may screen it)."""
        one = len(self.records) == 1
        which = ("record " if one else "records ") + ", ".join(map(str, self.records))
        them = "it" if one else "them"
        stage = self.final.stage
        told = f"{self.final.reviewer}'s final on study {self.study} at {stage}, from another copy,"
        where = command_line(f"conflicts --stage {stage}")
        if self.seen:
            return (
                f"{told} is taken to settle {which} merged here before it by its time (that"
                f" machine's clock): if that copy held {them} apart, resolve the study again"
                f" ({where})"
            )
        return (
            f"{told} is taken not to settle {which}, merged here before it came in but after"
            f" its time (that machine's clock): the conflict is open again; if that copy held"
            f" {them}, give the final again ({where})"
        )


def taken_as_seen(project: Project, added: Collection[str]) -> list[TakenAsSeen]:
    """For the entries ``added`` by an import, each final decision still in force on a study
    whose records merged here before it came in include one decided otherwise than it
    (``merges.joined_after``), other than its own: those merged before its time, where the
    study is not open for the lead (taken as seen), and those merged after it, where it is
    (taken as not seen)."""
    finals = [
        d for d in decision_rows.get_decisions(project.db, added).values() if d.label in FINAL
    ]
    if not finals:
        return []
    derived = DerivedStages(project)
    canon = derived.canon
    studies = {canon.get(f.record_id, f.record_id) for f in finals}
    # each (stage, study) of the finals -> its records' live entries there, read in one pass
    # (a pass over the whole log for each final took 4 s for 4,000 finals)
    entries: dict[tuple[str, int], dict[int, list[Decision]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for d in live_decisions(derived.log()):
        if (study := canon.get(d.record_id, d.record_id)) in studies:
            entries[d.stage, study][d.record_id].append(d)
    out = []
    for final in sorted(finals, key=lambda f: (f.stage, canon.get(f.record_id, f.record_id))):
        study = canon.get(final.record_id, final.record_id)
        by_record = entries.get((final.stage, study), {})
        if len(by_record) < 2:
            continue  # a study of one record: nothing merged into it
        state = derived.states(final.stage).get(study)
        if state is None or state.final is None or state.final.id != final.id:
            continue  # undone, or another final came after it
        rule = project.protocol.stages[final.stage]
        apart = joined_after(by_record, rule, final, lambda f: {f.record_id})
        if not apart:
            continue
        held = derived.held(final)
        seen = tuple(sorted(r for r in apart if r in held))
        if study not in derived.open_again(final.stage):
            if seen:  # settled by that machine's clock
                out.append(TakenAsSeen(final, study, seen))
            continue
        # open again: by a merge made here before it came in, after its time (that machine's
        # clock), or by one made after it came in (the order of events: conflicts says it)
        came = links.cluster_when_came(project.db, final) or set()
        if unseen := tuple(sorted(r for r in apart if r in came and r not in held)):
            out.append(TakenAsSeen(final, study, unseen, seen=False))
    return out
