"""A final decision given without the conflicts screen (``reviewkit conflicts resolve``).

The screen shows the resolver a conflict, with any final decision it has, before a key gives
theirs; a command shows nothing first. So here the conflict is found by its record (at the
stage where it is open, unless one is named), a final decision another resolver made is
replaced only when the resolver says so (``replace``: they read it in ``conflicts --list``),
and the decision is checked and written as :func:`~reviewkit.screening.decisions.resolve`
writes the screen's (``final_decision``, ``write_final``): the resolver checked as the screen
checks them (blinding), the reason against the protocol, the read, the check and the write one
transaction. A sheet's rows (:mod:`~reviewkit.screening.final_decisions_sheet`) share one read
of the conflicts (:class:`~reviewkit.screening.conflict_views.ConflictViews`) in one
transaction. A sheet that ``conflicts --csv`` wrote shows the votes, as the screen does, so
a row whose votes changed since is refused as the screen refuses a key (``shown``); a command,
or a row typed without those columns, showed nothing to check: the final is given on the votes
standing when it is written, which it counts as seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewkit.errors import UserError, command_line
from reviewkit.project import Project
from reviewkit.protocol import Stage
from reviewkit.screening.conflict_views import ConflictView, ConflictViews, Votes
from reviewkit.screening.decisions import check_votes_shown, final_decision, write_final
from reviewkit.screening.rules import check_stage, stage_names
from reviewkit.sheet_values import Ambiguous, same_value
from reviewkit.store.decisions import Decision


def as_stored(cell: str, values: Iterable[str]) -> str:
    """The one of ``values`` that a sheet's ``cell`` is a spreadsheet's rewrite of
    (:func:`~reviewkit.sheet_values.same_value`): Excel opens a CSV's "007" (a reviewer named
    by code, a reason's code) as the number 7, and keeps a typed 01 as 1, in a workbook. A
    cell that is one of ``values``, or the rewrite of none or of two ("1" of "01" and "001"),
    is left as it is."""
    stored = set(values)
    if cell in stored:
        return cell
    matches = rewritten_from(cell, stored)
    return matches[0] if len(matches) == 1 else cell


def rewritten_from(cell: str, values: Iterable[str]) -> list[str]:
    """The ``values`` a sheet's ``cell`` may be a spreadsheet's rewrite of (sorted)."""
    matches = []
    for value in values:
        try:
            if same_value(value, cell):
                matches.append(value)
        except Ambiguous:  # a date or decimal comma the sheet does not say: not a name
            continue
    return sorted(matches)


def _as_stored(shown: Votes, votes: Votes) -> Votes:
    """The votes a sheet showed, each name, label and reason code read as the value of the
    conflict's ``votes`` that it is a spreadsheet's rewrite of (:func:`as_stored`): the row
    was refused as votes changed."""

    def back(cell: str, field: int) -> str:
        return as_stored(cell, (vote[field] for vote in votes))

    return tuple((back(n, 0), back(label, 1), back(r, 2), notes) for n, label, r, notes in shown)


@dataclass(frozen=True)
class Resolution:
    """A final decision written, what it replaced (None: the conflict was open), how many
    conflicts are still open at its stage, the record it was given by (``given``: the
    study's own, or another record dedup merged into it), and whether it was written (not
    when it was the resolver's standing final given again)."""

    decision: Decision
    replaced: Decision | None
    still_open: int
    given: int
    study: int  # its study's id (the decision is logged on the record it agrees with)
    written: bool = True  # False: the resolver's own final given again, nothing written

    @property
    def record_words(self) -> str:
        """The record as the person gave it and the study it is the final of (:func:`named`)."""
        return named(self.given, self.study)


def named(given: int, study: int) -> str:
    """'record 13', or 'record 14 (merged into record 13 by dedup)' when the record given is
    another of the study's: the final decision is the study's, listed by ``conflicts --list``
    as its id, which the person did not type."""
    return f"record {given}" + (f" (merged into record {study} by dedup)" if given != study else "")


def decision_words(rule: Stage, label: str, reason: str) -> str:
    """'include', or 'exclude (wrong population)': the reason in the protocol's words."""
    return label + (f" ({rule.reason_label(reason)})" if reason else "")


def replaced_final_words(rule: Stage, before: Decision | None, label: str, reason: str) -> str:
    """', replacing the final include by kari' when a new final (``label``, ``reason``)
    replaces another (``before``); '' when there was none, or it was the same."""
    if before is None or (before.label, before.reason) == (f"final-{label}", reason):
        return ""
    old = decision_words(rule, before.label.removeprefix("final-"), before.reason)
    return f", replacing the final {old} by {before.reviewer}"


def resolve_record(
    project: Project,
    record_id: int,
    resolver: str,
    label: str,
    reason: str = "",
    note: str = "",
    *,
    stage: str | None = None,
    replace: bool = False,
) -> Resolution:
    """Give the final decision on the conflict of the study of ``record_id`` (any record of
    it) at ``stage`` (default: the stage where its conflict is open). A final decision that
    another resolver made stands unless ``replace``; the resolver's own is replaced. The
    conflict is read under the write lock it is written in."""
    with project.db.transaction():
        views = ConflictViews(project, resolver)
        return resolve_in(views, record_id, label, reason, note, stage=stage, replace=replace)


def resolve_in(
    views: ConflictViews,
    record_id: int,
    label: str,
    reason: str = "",
    note: str = "",
    *,
    stage: str | None = None,
    replace: bool = False,
    shown: Votes | None = None,
    sheet: bool = False,
) -> Resolution:
    """:func:`resolve_record` on conflicts already read, in the caller's transaction;
    ``shown``: the votes a sheet showed the resolver (None: not checked), refused where they
    changed since (:func:`~reviewkit.screening.decisions.check_votes_shown`); ``sheet``: the
    reason is a sheet's cell, read as the stage's code it is a spreadsheet's rewrite of
    (:func:`as_stored`: a typed 01 that Excel kept as 1 was refused as an unknown reason)."""
    project, resolver = views.project, views.resolver
    study = views.derived.canon.get(record_id, record_id)
    stage, view = _conflict_of(views, study, stage, named(record_id, study))
    if sheet and reason:
        codes = [r.code for r in project.protocol.stage(stage).exclusion_reasons]
        if reason not in codes and len(both := rewritten_from(reason, codes)) > 1:
            raise UserError(  # it was "unknown exclusion reason '1'", with the codes listed
                f"{named(record_id, study)}: the reason {reason!r} could be the code"
                f" {' or '.join(both)}: the spreadsheet kept a typed code as a number",
                hint="type the code you mean with an apostrophe first ("
                + " or ".join(f"'{code}" for code in both)
                + ") and save again",
            )
        reason = as_stored(reason, codes)
    check_votes_shown(
        view,
        stage,
        None if shown is None else _as_stored(shown, view.votes),
        shown_in="the sheet",
        hint=f"write the sheet again ({command_line('conflicts --csv FILE')}), read the votes"
        " and give the row's decision there",
    )
    standing = view.final
    if standing is not None and standing.reviewer != resolver and not replace:
        said = decision_words(project.protocol.stage(stage), label, reason)
        raise UserError(
            f"{named(record_id, study)} already has a final decision at the {stage} stage:"
            f" {standing.label.removeprefix('final-')} by {standing.reviewer}",
            hint=f"theirs stands; to replace it with {said}, give the command again with --replace",
        )
    d = final_decision(project.protocol, study, stage, resolver, label, reason, note)
    stands = write_final(project, views.derived, view, d, seen=standing)
    views.resolved.add((stage, study))
    written = stands.id == d.id  # write_final logs it on its record: a copy of ``d``
    return Resolution(stands, standing, views.still_open(stage), record_id, study, written)


def _conflict_of(
    views: ConflictViews, study: int, stage: str | None, record: str
) -> tuple[str, ConflictView]:
    """The stage and the conflict view of ``study``: at ``stage``, else at the one stage where
    it is open (else the one where it was resolved); a UserError, naming it as ``record``
    (:func:`named`), when it is in none, or in several and none is named."""
    protocol = views.project.protocol
    if stage:
        check_stage(protocol, stage)
    stages = [stage] if stage else stage_names(protocol)
    found: list[tuple[str, ConflictView]] = []
    refused: UserError | None = None
    for name in stages:
        try:  # a reviewer is refused a stage still open to them (blinding), as on the screen
            read = views.at(name)
        except UserError as exc:
            if stage:
                raise
            refused = exc
            continue
        if study in read:
            found.append((name, read[study]))
    open_ones = [(name, v) for name, v in found if v.open]
    if len(open_ones) == 1 or (not open_ones and len(found) == 1):
        return (open_ones or found)[0]
    if found:
        stages = ", ".join(name for name, _ in open_ones or found)
        raise UserError(
            f"{record} is in conflict at more than one stage ({stages})",
            hint="name the stage: --stage STAGE",
        )
    if refused is not None:
        raise refused
    if stage:  # a stage named where it has none: the one where it has (a wrong --stage)
        elsewhere = [name for name in stage_names(protocol) if study in _seen_at(views, name)]
        if elsewhere:
            raise UserError(
                f"{record} is not in conflict at the {stage} stage;"
                f" it is at {', '.join(elsewhere)}",
                hint=f"give --stage {elsewhere[0]}, or leave --stage out",
            )
    where = f"at the {stage} stage" if stage else "at any stage"
    raise UserError(
        f"{record} is not in conflict {where}",
        hint=f"'{command_line('conflicts --list')}' names the conflicts (its first column is the record)",
    )


def _seen_at(views: ConflictViews, stage: str) -> dict[int, ConflictView]:
    """The stage's conflicts, none where blinding refuses the resolver them."""
    try:
        return views.at(stage)
    except UserError:
        return {}
