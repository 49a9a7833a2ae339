"""A decision log's entries replayed against the project's own log before an import writes
them (``decisions.exchange.import_decisions``): an id already here with other content, a change
a later stage holds, a vote its record no longer waited for. Each check raises a ``UserError``
naming the file's line; nothing is written before all have passed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from reviewkit.errors import UserError
from reviewkit.protocol import STAGES, Protocol
from reviewkit.screening import (
    FINAL,
    NOTE,
    VOTES,
    held_changes,
    held_error,
    live_decisions,
    needs_vote,
    study_states,
)
from reviewkit.store.decisions import Decision
from reviewkit.wording import quantity

# what an entry says (beside its id, record and review): two entries of one id must agree on it
CONTENT = ("stage", "reviewer", "label", "reason", "note", "undoes", "created_at")


def check_repeat(before: Decision, d: Decision, where: str, canon: dict[int, int]) -> None:
    """Refuse an entry whose id is here (or earlier in the file) with other content: another
    label, reason, note, time … or a record in another study."""
    same = all(getattr(before, k) == getattr(d, k) for k in CONTENT) and canon.get(
        before.record_id, before.record_id
    ) == canon.get(d.record_id, d.record_id)
    if not same:
        raise UserError(
            f"decision {d.id} is already in this project with different content",
            where=where,
            hint="the file conflicts with the log here; nothing was written",
        )


def check_held(
    canon: dict[int, int], past: list[Decision], new: list[Decision], lines: dict[str, str]
) -> None:
    """Refuse the file's change to a vote or final decision (a second one, or an undo) on a
    record whose study, by the change's time, had votes at a later stage: the rule the screen
    applies to z and to a changed vote (``screening.held_changes``), replayed in time order;
    ``past``: the project's log of the file's studies, every record of each.

    What an entry changes is judged by its record, as :func:`check_vote_slots` judges a vote:
    a vote cast in a copy that had not seen a merge made here since was a first vote on a
    study of its own there, not a change to the reviewer's vote on another record of the
    study (a merged study keeps the decisions of its furthest record, ``screening.merges``,
    and where the records' outcomes disagree the lead gets a conflict). What holds it is the
    study's: its later-stage votes are logged on its id, which may be another record than the
    one whose include took it there."""
    if all(d.stage == STAGES[-1] or d.label == NOTE for d in new):  # nothing a stage holds
        return
    log = sorted([*past, *new], key=lambda d: d.created_at)
    for d, held in held_changes(log, lambda d: canon.get(d.record_id, d.record_id)):
        if d.id in lines:  # only what the file adds is judged, not the project's own past
            study = canon.get(d.record_id, d.record_id)
            raise held_error(d.record_id, d.stage, held, where=lines[d.id], study=study)


def votes_after_final(
    canon: dict[int, int], past: list[Decision], new: list[Decision]
) -> frozenset[tuple[str, int]]:
    """(stage, study) of each study at a stage where the file's entries ``new`` add a vote
    and the project's log ``past`` (of the file's studies) has a live final decision: those a
    late vote may open again for the lead (``screening.rules.reopened_after_final``)."""
    finals = {(d.stage, canon[d.record_id]) for d in live_decisions(past) if d.label in FINAL}
    return frozenset({(d.stage, canon[d.record_id]) for d in new if d.label in VOTES} & finals)


def file_key(record: Mapping[str, object], *, every: bool = False) -> str:
    """An entry's record as the file names it, by the key that finds it first (PMID, then DOI,
    then title: ``decisions.keys.RecordResolver``): 'PMID 1001', "title 'return to …'";
    ``every``: each key the entry gives, in that order ('PMID 1001, DOI 10.1/x'), for a record
    none of them found."""
    keys = []
    for key, shown in (("pmid", "PMID"), ("doi", "DOI")):
        if value := str(record.get(key) or "").strip():
            keys.append(f"{shown} {value}")
    if title := str(record.get("title") or "").strip():
        keys.append(f"title {title[:60]!r}")
    return ", ".join(keys) if every else keys[0]


def check_vote_slots(
    past: list[Decision],
    protocol: Protocol,
    new: list[Decision],
    lines: dict[str, str],
    keys: Mapping[str, str],
) -> None:
    """Refuse a vote its record no longer waited for, replaying each touched record's log (the
    project's, ``past``, and the file's entries, in time order) as ``screening.decide`` would
    have; ``keys``: entry id -> its record as the file names it (:func:`file_key`).

    Judged by record, not by duplicate cluster: the other machine's copy may not have held a
    merge made here since (its record was a study of its own when the vote was cast there),
    and a merge keeps the votes of each record it joins (``screening.merges``)."""
    touched = {(d.stage, d.record_id) for d in new if d.label in VOTES}
    logs: dict[tuple[str, int], list[Decision]] = defaultdict(list)
    for d in [*past, *new]:
        if (d.stage, d.record_id) in touched:
            logs[d.stage, d.record_id].append(d)
    for (stage, record), log in sorted(logs.items()):
        log.sort(key=lambda d: d.created_at)  # stable: the project's entry first on a tie
        rule = protocol.stages[stage]
        for at, vote in enumerate(log):
            if vote.label not in VOTES or not any(d.id in lines for d in log[: at + 1]):
                continue  # only what the file adds is judged, not the project's own past
            state = study_states(log[:at], {}).get(record)  # the record's own log
            if (
                state is None
                or vote.reviewer in state.votes
                or needs_vote(state, rule, vote.reviewer)
            ):
                continue
            added = [d for d in log[: at + 1] if d.id in lines]  # the file's, up to this vote
            culprit = next((d for d in reversed(added) if d.label in VOTES), added[-1])
            # the record judged, by this project's id and by the file's key (the line's own)
            raise UserError(  # which way the others voted stays hidden (blinding)
                f"a vote by {culprit.reviewer!r} on record {record} ({keys[culprit.id]} in the"
                f" file), which no longer waited for it: the {stage} stage needs"
                f" {quantity(rule.reviewers_per_record, 'vote')} per record and the record has"
                f" them{' and a final decision' if state.final else ''}",
                where=lines[culprit.id],
                hint=(
                    "in a one-reviewer stage a second reviewer votes only after an 'uncertain'; "
                    if rule.reviewers_per_record == 1
                    else ""
                )
                + "nothing was imported",
            )


def check_second_copy(
    past: list[Decision],
    new: list[Decision],
    lines: dict[str, str],
    keys: Mapping[str, str],
    in_file: set[str],
) -> None:
    """Refuse a file whose reviewer's standing vote on a record at a stage differs from their
    standing vote there in another copy of the project (two machines, one reviewer): their
    votes here that the file does not hold (``in_file``: the ids of all its entries, those
    already here too), which the copy that wrote it never saw, for a copy's log holds every
    entry of its reviewer, those it imported too. Taken in time order the later replaced the
    other without a word (the earlier, imported second, was dropped as older). The same
    decision (label and reason) from both copies loses nothing and comes in. A final decision
    is judged so too, against its resolver's own (a lead resolving in two copies): another
    resolver's final is never in this file, seen or not (a copy taken after it showed it, and
    a resolver may replace a final they were shown), so judged against it a second lead's
    every file was refused. Judged by record,
    as :func:`check_vote_slots` judges: a vote on another record of a study the lead merged
    since was cast on a study of its own there (a merge keeps both, ``screening.merges``).
    ``past``: the project's log of the file's studies; ``keys`` as :func:`check_vote_slots`."""
    undone = {d.undoes for d in [*past, *new] if d.undoes}
    standing: dict[bool, dict[tuple[int, str, str, bool], Decision]] = {True: {}, False: {}}
    for d in sorted([*past, *new], key=lambda d: d.created_at):
        if (d.label in VOTES or d.label in FINAL) and d.id not in undone:
            # a final too by whoever gave it (a file holds its own person's entries alone),
            # apart from their vote (a reviewer resolves a closed stage's conflicts too)
            standing[d.id in in_file][d.record_id, d.stage, d.reviewer, d.label in FINAL] = d
    for key, d in standing[True].items():
        other = standing[False].get(key)
        if d.id not in lines or other is None or (other.label, other.reason) == (d.label, d.reason):
            continue
        theirs = other.label.replace("-", " ") + (f" ({other.reason})" if other.reason else "")
        mine = d.label.replace("-", " ") + (f" ({d.reason})" if d.reason else "")
        raise UserError(
            f"{d.reviewer} {'voted' if d.label in VOTES else 'gave'} {mine} on record {d.record_id} at the {d.stage} stage"
            f" ({keys[d.id]} in the file), and {theirs} in another copy of the project"
            " (already here), which the copy that wrote this file never saw: one would"
            " replace the other unread",
            where=lines[d.id],
            hint=f"which vote stands is {d.reviewer}'s to say; nothing was imported: they"
            " take a new copy of the lead's project folder (it holds the vote here), vote"
            " there again what this file brought, and export from it",
        )
