"""What a final decision brought in by ``decisions import`` settles here by its time alone.

Duplicate links are not exchanged: a final made in another copy settled the records its study
held there. Where a merge was made here after the final came in, the order of events in this
file says the final did not see it (``store.duplicates.cluster_when_logged``). Where the merge
was made here before, nothing here tells what that copy held: the final's time (that machine's
clock) is taken, and a record decided otherwise that it is taken to settle is named to whoever
imports it, with what the lead does if that copy held the record apart."""

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
from reviewkit.store.decisions import Decision


@dataclass(frozen=True)
class TakenAsSeen:
    """A final from another copy (``final``) taken to settle ``records`` of its study, merged
    here before it by its time."""

    final: Decision
    study: int
    records: tuple[int, ...]

    def line(self) -> str:
        """The words for the person importing (which records, never how they were decided:
        the stage may be open, and they may screen it)."""
        one = len(self.records) == 1
        which = ("record " if one else "records ") + ", ".join(map(str, self.records))
        stage = self.final.stage
        return (
            f"{self.final.reviewer}'s final on study {self.study} at {stage}, from another copy,"
            f" is taken to settle {which} merged here before it by its time (that machine's"
            f" clock): if that copy held {'it' if one else 'them'} apart, resolve the study again"
            f" ({command_line(f'conflicts --stage {stage}')})"
        )


def taken_as_seen(project: Project, added: Collection[str]) -> list[TakenAsSeen]:
    """For the entries ``added`` by an import, each final decision still in force on a study
    not open for the lead whose records merged here before it came in (and before its time)
    include one decided otherwise than it (``merges.joined_after``), other than its own."""
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
        if study in derived.open_again(final.stage):
            continue  # open for the lead already: conflicts says why
        rule = project.protocol.stages[final.stage]
        apart = joined_after(by_record, rule, final, lambda f: {f.record_id})
        held = derived.held(final)
        if records := tuple(sorted(r for r in apart if r in held)):
            out.append(TakenAsSeen(final, study, records))
    return out
