"""What a final decision brought in by ``decisions import`` settles of records merged here.

Duplicate links are not exchanged: a final made in another copy settled the records its study
held there. Its exported line says which (``decisions.studies``: 'study_records'): it settles
those, and a record merged here that its copy held apart, decided otherwise, opens the conflict
again, told to whoever imports it (:func:`told`; a copy taken after the lead's merge held it:
nothing to tell). A line that does not say (an export from before): where a merge was made
here after the final came in, the order of events in this file says the final did not see it
(``store.duplicates.cluster_when_logged``); where it was made here before, the final's time
(that machine's clock) is taken, either way, and a record decided otherwise is told: one it is
taken to settle (made after the merge by that clock), with what the lead does if that copy
held the record apart, and one it is taken not to settle (made before the merge by that clock:
the conflict is open again), with what the lead does if that copy held it. What to do is said
only to a lead. Votes are not among what a final says its study held: one whose time comes
before votes that were here before it came in is open again by them, by its time alone, and
told too (``TakenByTime.votes``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from reviewkit.errors import command_line
from reviewkit.project import Project
from reviewkit.protocol.people import conflicts_line
from reviewkit.screening.merges import joined_after
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.reopenings import reopenings
from reviewkit.screening.rules import FINAL, live_decisions, stage_names
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates as links
from reviewkit.store.decisions import Decision
from reviewkit.wording import numbered


@dataclass(frozen=True)
class TakenByTime:
    """A final from another copy (``final``) taken by its time to settle ``records`` of its
    study, merged here before it came in (``seen``), or not to settle them (not ``seen``:
    merged after its time, by that machine's clock, and the conflict is open again); ``known``:
    not by its time, its copy said it held them apart (not ``seen``); ``votes``: not of
    records but of that many votes here, cast before it came in but after its time (no
    ``records``; not ``seen``)."""

    final: Decision
    study: int
    records: tuple[int, ...]
    seen: bool = True
    known: bool = False
    votes: int = 0


def told(taken: list[TakenByTime], lead: str) -> list[str]:
    """The words for the person importing ``taken``: one sentence per outcome and stage (a
    sentence each told 2,000 finals in 2,000 lines), naming which records for one final and
    which studies for several, never how they were decided (the stage may be open, and they may
    screen it). What to do if that copy held the records otherwise is said to a ``lead`` (the
    lead's name; '' for anyone else), who resolves, with the line that names them; anyone else is
    told that a lead does, and sees them in ``conflicts``."""
    groups: dict[tuple[bool, bool, bool, str], list[TakenByTime]] = {}
    for each in sorted(taken, key=lambda t: (not t.seen, t.known, bool(t.votes))):
        key = (each.seen, each.known, bool(each.votes), each.final.stage)  # settled first
        groups.setdefault(key, []).append(each)
    sentences = {
        (False, True, False): _held_apart,
        (True, True, False): _held_now,
        (False, False, True): _votes_before,
    }
    return [sentences.get(key[:3], _sentence)(g, lead) for key, g in groups.items()]


def _votes_before(group: list[TakenByTime], lead: str) -> str:
    """Finals whose time comes before votes cast here before they came in, at one stage
    (:func:`told`): open again by that machine's clock alone."""
    first = group[0]
    stage = first.final.stage
    if len(group) == 1:
        votes = f"{first.votes} votes" if first.votes > 1 else "a vote"
        said = (
            f"{first.final.reviewer}'s final on study {first.study} at {stage}, from another"
            f" copy, is taken not to settle {votes} cast here before it came in but after its"
            " time (that machine's clock): the conflict is open again"
        )
        held, it, final = ("them" if first.votes > 1 else "it"), "it", "the final"
    else:
        studies = numbered("study", [t.study for t in group])
        said = (
            f"{len(group)} finals at {stage} from another copy ({studies}) are taken not to"
            " settle votes cast here before they came in but after their time (that machine's"
            " clock): the conflicts are open again"
        )
        held, it, final = "them", "them", "the finals"
    verbs = ("give", "gives")
    todo = what_to_do(bool(lead), verbs, final, it, where_resolved(lead, stage))
    return f"{said}; if that copy held {held}, {todo}"


def _held_apart(group: list[TakenByTime], lead: str) -> str:
    """Finals whose copies held records merged here apart, at one stage (:func:`told`)."""
    first = group[0]
    stage = first.final.stage
    if len(group) == 1:
        said = (
            f"{first.final.reviewer}'s final on study {first.study} at {stage}, from another"
            f" copy, does not settle {numbered('record', first.records)}, which that copy held"
            " apart: the conflict is open again"
        )
        study, it = "the study", "it"
    else:
        studies = numbered("study", [t.study for t in group])
        said = (
            f"{len(group)} finals at {stage} from another copy ({studies}) do not settle"
            " records that copy held apart: the conflicts are open again"
        )
        study, it = "those studies", "them"
    verbs = ("resolve", "resolves")
    return f"{said}; {what_to_do(bool(lead), verbs, study, it, where_resolved(lead, stage))}"


def _held_now(group: list[TakenByTime], _lead: str) -> str:
    """Finals here before that a file's 'study_records' now say settle records merged here,
    which their time had taken them not to (:func:`told`): nothing to do."""
    first = group[0]
    stage = first.final.stage
    if len(group) == 1:
        return (
            f"{first.final.reviewer}'s final on study {first.study} at {stage}, from another"
            f" copy, settles {numbered('record', first.records)}, which this file says that copy"
            " held (taken before, by its time, not to)"
        )
    studies = numbered("study", [t.study for t in group])
    return (
        f"{len(group)} finals at {stage} from another copy ({studies}) settle records this"
        " file says that copy held (taken before, by their time, not to)"
    )


def _sentence(group: list[TakenByTime], lead: str) -> str:
    """One outcome at one stage by the finals' time (:func:`told`)."""
    first = group[0]
    stage, seen, one = first.final.stage, first.seen, len(group) == 1
    settle = "to settle" if seen else "not to settle"
    if one:
        subject = (
            f"{first.final.reviewer}'s final on study {first.study} at {stage}, from another"
            f" copy, is taken {settle} {numbered('record', first.records)}"
        )
        records = "it" if len(first.records) == 1 else "them"
        it, its, study, final = "it", "its", "the study", "the final"
    else:
        studies = numbered("study", [t.study for t in group])
        subject = f"{len(group)} finals at {stage} from another copy ({studies}) are taken"
        subject += f" {settle} records"
        records = it = "them"
        its, study, final = "their", "those studies", "the finals"
    clock = f"{its} time (that machine's clock)"
    if seen:
        said = f"{subject} merged here before {it} by {clock}: if that copy held {records} apart"
        do, does, what = "resolve", "resolves", study
    else:
        came, conflict = (
            ("it came", "the conflict is") if one else ("they came", "the conflicts are")
        )
        said = f"{subject}, merged here before {came} in but after {clock}: {conflict} open"
        said += f" again; if that copy held {records}"
        do, does, what = "give", "gives", final
    return f"{said}, {what_to_do(bool(lead), (do, does), what, it, where_resolved(lead, stage))}"


def where_resolved(lead: str, stage: str = "") -> str:
    """The conflicts line in the words for whoever imports: the line that names the ``lead``
    who types it (:func:`~reviewkit.protocol.people.conflicts_line`); said to anyone else
    (``lead`` ''), who does not type it, the command alone."""
    if lead:
        return conflicts_line(lead, stage)
    return command_line("conflicts" + (f" --stage {stage}" if stage else ""))


def what_to_do(lead: bool, verbs: tuple[str, str], what: str, it: str, where: str) -> str:
    """What is done again, in the words for whoever imports (every sentence ``decisions
    import`` tells of conflicts to act on): to a ``lead``, who acts, '{do} {what} again
    ({where})'; to anyone else, who cannot, that a lead does and sees ``it`` in ``where``.
    ``verbs`` are the verb said to a lead and of one ('resolve', 'resolves')."""
    do, does = verbs
    if lead:
        return f"{do} {what} again ({where})"
    return f"a lead {does} {what} again (they see {it} in {where})"


def taken_by_time(
    project: Project, added: Collection[str], again: Collection[str] = ()
) -> list[TakenByTime]:
    """For the entries ``added`` by an import, each final decision still in force on a study
    whose records merged here before it came in include one decided otherwise than it
    (``merges.joined_after``), other than its own: those merged before its time, where the
    study is not open for the lead (taken as seen), and those merged after it, where it is
    (taken as not seen). ``again``: finals here before whose 'study_records' the import gave
    first, changing what they settle: what their copy held apart, or held (``known``)."""
    ids = {*added, *again}
    finals = [d for d in decision_rows.get_decisions(project.db, ids).values() if d.label in FINAL]
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
    order = {name: i for i, name in enumerate(stage_names(project.protocol))}
    in_force = []  # not undone, nor followed by another final
    for f in finals:
        state = derived.states(f.stage).get(canon.get(f.record_id, f.record_id))
        if state is not None and state.final is not None and state.final.id == f.id:
            in_force.append(f)
    late = _open_by_votes_here(derived, in_force)
    for final in sorted(
        in_force, key=lambda f: (order[f.stage], canon.get(f.record_id, f.record_id))
    ):
        study = canon.get(final.record_id, final.record_id)
        if (votes := late.get(final.id)) and final.id in added:  # told when it came
            out.append(TakenByTime(final, study, (), seen=False, votes=votes))
            continue
        by_record = entries.get((final.stage, study), {})
        if len(by_record) < 2:
            continue  # a study of one record: nothing merged into it
        rule = project.protocol.stages[final.stage]
        apart = joined_after(by_record, rule, final, lambda f: {f.record_id})
        if not apart:
            continue
        held = derived.held(final)
        seen = tuple(sorted(r for r in apart if r in held))
        if links.held_in_copy(project.db, final.id) is not None:  # its copy said: no guess
            came = links.cluster_when_came(project.db, final) or set()
            unseen = {r for r in apart if r in came and r not in held}
            if final.id in again:  # told by its time when it came: only what changed is new
                was = links.cluster_at(
                    project.db,
                    final.record_id,
                    final.created_at,
                    links.link_mark(project.db, final.id),
                )
                unseen &= was
                if now := tuple(sorted(r for r in seen if r not in was)):
                    out.append(TakenByTime(final, study, now, known=True))
            if unseen:
                out.append(TakenByTime(final, study, tuple(sorted(unseen)), seen=False, known=True))
            continue
        if final.id not in added:
            continue
        if study not in derived.open_again(final.stage):
            if seen:  # settled by that machine's clock
                out.append(TakenByTime(final, study, seen))
            continue
        # open again: by a merge made here before it came in, after its time (that machine's
        # clock), or by one made after it came in (the order of events: conflicts says it)
        came = links.cluster_when_came(project.db, final) or set()
        if unseen := tuple(sorted(r for r in apart if r in came and r not in held)):
            out.append(TakenByTime(final, study, unseen, seen=False))
    return out


def _open_by_votes_here(derived: DerivedStages, finals: list[Decision]) -> dict[str, int]:
    """final's id -> the votes that open its study again, where each of them was in this file
    before the final came in: after it by its time alone (that machine's clock behind, or a
    copy taken before them), which the study's records cannot tell (votes are not among a
    final's 'study_records'). Read only for the studies open again by votes."""
    canon, out = derived.canon, {}
    for stage in dict.fromkeys(f.stage for f in finals):
        reopened = derived.reopened(stage)
        mine = {
            study: f
            for f in finals
            if f.stage == stage and (study := canon.get(f.record_id, f.record_id)) in reopened
        }
        for study, why in reopenings(derived, stage, mine).items():
            if why.cause == "votes" and why.count and why.came_before:
                out[mine[study].id] = why.count
    return out
