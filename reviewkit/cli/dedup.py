"""Dedup commands: find duplicates, review uncertain pairs, split a cluster, report counts."""

from __future__ import annotations

from pathlib import Path

import click

from reviewkit.cli._ask_first import go_ahead
from reviewkit.cli._common import csv_option, progress_bar, say_warnings
from reviewkit.cli._project import (
    from_group,
    load_project,
    project_option,
    reviewer_option_with,
    typed_reader,
)
from reviewkit.cli._written import no_records, written
from reviewkit.errors import command_line
from reviewkit.protocol.people import resolved_by, typed_name
from reviewkit.text_width import cut
from reviewkit.wording import quantity


def _project_dir(ctx: click.Context, project_dir: Path) -> Path:
    """The subcommand's --project, else the one given to the group ('dedup --project X report')."""
    return from_group(ctx, "project_dir", project_dir)


reviewer_option = reviewer_option_with(
    "Your name as the protocol lists it (a reviewer or a lead); verdicts and splits record it."
)


@click.group(invoke_without_command=True)
@project_option
@click.pass_context
def dedup(ctx: click.Context, project_dir: Path) -> None:
    """Find duplicate records and link them into clusters (incremental; nothing is deleted).

    Pairs that are close but not sure go to a review queue: 'reviewkit dedup review'.

    Example: reviewkit dedup
    """
    if ctx.invoked_subcommand is not None:
        return
    from reviewkit.dedup.effects import open_conflicts
    from reviewkit.dedup.engine import run_dedup

    project = load_project(project_dir)
    try:
        with progress_bar("Comparing pairs") as update:
            result = run_dedup(project.db, progress=update)
        # a run merges without asking: say the conflicts its merges of screened records left
        # for the lead (a final made before the run settled only the records it was given on)
        disagree = open_conflicts(project) if result.duplicates else []
    finally:
        project.close()
    if result.run_id is None:
        click.echo(
            f"nothing new: all {quantity(result.records, 'record')} were already compared "
            f"({quantity(result.studies, 'study')})"
        )
        return
    click.echo(
        f"{quantity(result.new_records, 'new record')}, "
        f"{quantity(result.pairs_compared, 'pair')} compared: "
        f"{quantity(result.duplicates, 'duplicate link')}, "
        f"{quantity(result.questions, 'pair')} to review"
        + (f" ({result.refused} held back by the chaining guard)" if result.refused else "")
    )
    click.echo(f"{quantity(result.records, 'record')} → {quantity(result.studies, 'study')}")
    if disagree:
        n = len({c.study_id for c in disagree})
        click.echo(
            f"{quantity(n, 'merged study', 'merged studies')} whose records were decided"
            f" differently {'waits' if n == 1 else 'wait'} for the lead"
            f" ({command_line('conflicts')})"
        )
    if result.questions:
        # NAME, as the screen line below: verdicts are recorded under a name, and dedup
        # review's default (the login name) would record them under one nobody chose
        click.echo(
            f"review the uncertain pairs with: {command_line('dedup review --reviewer NAME')}"
        )
    else:  # no pair for a person: screening comes next, as init's line said (no name here)
        click.echo(f"next: screening ({command_line('screen --reviewer NAME')})")


@dedup.command()
@project_option
@reviewer_option
@csv_option("csv_out", "Write the open pairs, both records' fields side by side, to this CSV file.")
@click.option(
    "--read-csv",
    "csv_in",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read back a queue CSV whose verdict column says same or different.",
)
@click.option(
    "--yes", is_flag=True, help="Read the CSV without asking when screening would change."
)
@click.pass_context
def review(
    ctx: click.Context,
    project_dir: Path,
    reviewer: str,
    csv_out: Path | None,
    csv_in: Path | None,
    yes: bool,
) -> None:
    """Decide uncertain pairs side by side (s same, d different, j skip, k previous, z undo,
    ? help), or in a spreadsheet: --csv FILE writes the queue, --read-csv FILE reads verdicts back.

    Example: reviewkit dedup review --reviewer you
    """
    from reviewkit.dedup.engine import person_id

    person_id(reviewer)  # refuse an empty name before the screen opens
    # writing the queue (--csv alone) records no name; every verdict does
    who = None if csv_out and not csv_in else reviewer
    project = load_project(_project_dir(ctx, project_dir), person=who)
    if csv_out or csv_in:
        try:
            _review_csv(project, reviewer, csv_out, csv_in, yes)
        finally:
            project.close()
        return
    try:
        from reviewkit.tui.app import run_screen
        from reviewkit.tui.dedup_review import DedupReviewScreen

        click.echo(run_screen(DedupReviewScreen(project, reviewer)))
    finally:
        project.close()


def _review_csv(
    project, reviewer: str, csv_out: Path | None, csv_in: Path | None, yes: bool
) -> None:
    from reviewkit.dedup.effects import clusters_effect
    from reviewkit.dedup.queue_csv import read_queue_csv, sheet_merges, write_queue_csv

    if csv_in:
        # its 'same' rows may merge screened records: show the change first
        change = clusters_effect(project, *sheet_merges(project.db, csv_in))
        heading = f"the 'same' rows of {csv_in} change screening:"
        if not go_ahead(change, heading, "read it anyway?", "nothing written", yes, reviewer):
            return
        got = read_queue_csv(project.db, csv_in, reviewer)
        say_warnings(csv_in, got.warnings)
        click.echo(
            f"{quantity(got.applied, 'verdict')} written from {csv_in}; "
            f"{quantity(got.left_open, 'row')} left open"
            + (f", {got.already_settled} already settled" if got.already_settled else "")
        )
        if got.followed:  # a 'different' holds for the other record's whole cluster
            click.echo(
                f"{quantity(got.followed, 'more pair')} closed as following from a 'different'"
            )
        for line, a, b, verdict in got.disagreed:  # settled the other way since the sheet
            said, now = ("same", "different") if verdict == "duplicate" else ("different", "same")
            click.echo(
                f"warning: {csv_in}:{line}: '{said}' here, but records {a} and {b} were settled"
                f" '{now}' since the sheet was written; the database keeps '{now}'"
                " (settle it with whoever decided it: 'dedup split' or 'dedup review')",
                err=True,
            )
    if csv_out:
        n = write_queue_csv(project.db, csv_out, project.folder)
        said = f"wrote {quantity(n, 'open pair')} to {csv_out}"
        # an empty queue: the header alone, and why (README: a file with nothing in it)
        click.echo(
            f"{said} (fill the verdict column: same / different)"
            if n
            else written(
                said,
                n,
                f"no pair waits for a person; after new records run '{command_line('dedup')}'",
            )
        )


@dedup.command("split")
@project_option
@reviewer_option
@click.option("--yes", is_flag=True, help="Split without asking when screening would change.")
@click.argument("record_id", type=int)
@click.pass_context
def split_cmd(
    ctx: click.Context, project_dir: Path, reviewer: str, yes: bool, record_id: int
) -> None:
    """Take RECORD_ID out of its duplicate cluster (undoes its merges; logged, never deleted).

    When the records were screened, the change to the stage counts is shown first.

    Example: reviewkit dedup split 64 --reviewer you

    (in the demo, 64 is a duplicate of record 3, one PMID: the example shows what splitting
    it would change; answer n to leave it merged)
    """
    from reviewkit.dedup.effects import split_effect
    from reviewkit.dedup.engine import split

    project = load_project(_project_dir(ctx, project_dir), person=reviewer)
    try:
        effect = split_effect(project, record_id)
        heading = f"splitting record {record_id} changes screening:"
        if not go_ahead(effect, heading, "split anyway?", "nothing changed", yes, reviewer):
            return
        n = split(project.db, record_id, reviewer)
    finally:
        project.close()
    click.echo(f"record {record_id} split from its cluster ({quantity(n, 'link')} broken)")


@dedup.command("merge")
@project_option
@reviewer_option
@click.option("--yes", is_flag=True, help="Merge without asking when screening would change.")
@click.argument("record_a")
@click.argument("record_b")
@click.pass_context
def merge_cmd(
    ctx: click.Context, project_dir: Path, reviewer: str, yes: bool, record_a: str, record_b: str
) -> None:
    """Join RECORD_A and RECORD_B (id, pmid:N or doi:10.…) into one record, as your verdict
    (a duplicate removed by hand; logged, never deleted; 'dedup undo' takes it back).

    When the records were screened, the change to the stage counts is shown first.

    \b
    Example:
      reviewkit dedup merge pmid:34097108 pmid:34096762 --reviewer you

    (two different papers of the demo, which has no duplicate left apart: the example shows
    what merging them would change; answer n)
    """
    from reviewkit.dedup.effects import merge_effect
    from reviewkit.dedup.engine import check_merge, merge_records, person_id
    from reviewkit.dedup.review import replaced_by_merge
    from reviewkit.protocol_in_use import leads
    from reviewkit.screening import find_record
    from reviewkit.screening.conflict_views import may_resolve
    from reviewkit.screening.outcomes import DerivedStages

    person_id(reviewer)  # refuse an empty name before anything is read
    project = load_project(_project_dir(ctx, project_dir), person=reviewer)
    try:
        a, b = find_record(project.db, record_a), find_record(project.db, record_b)
        if check_merge(project.db, a, b, reviewer):
            click.echo(f"records {a} and {b} are one record already; nothing changed")
            return
        _say_replaced(replaced_by_merge(project.db, a, b, reviewer), reviewer)
        effect = merge_effect(project, a, b)
        heading = f"merging records {a} and {b} changes screening:"
        if not go_ahead(effect, heading, "merge anyway?", "nothing changed", yes, reviewer):
            return
        merge_records(project.db, a, b, reviewer)
        # who resolves what the merge left in conflict: a reviewer of a stage still open is
        # refused by conflicts (it would unblind them), and told the line of a lead
        derived = DerivedStages(project)
        who = {
            stage: resolved_by(
                reviewer,
                project.protocol.leads or sorted(leads(project)),  # the protocol's first
                stage,
                may=may_resolve(project, stage, reviewer, derived),
                protocol_path=project.protocol.path,
            )
            for stage in dict.fromkeys(c.stage for c in effect.conflicts)
        }
    finally:
        project.close()
    # the lines name the person who merged: typed as given, dedup undo and conflicts would
    # take $REVIEWKIT_REVIEWER / $REVIEWKIT_RESOLVER or the login name, not theirs
    me = typed_name(reviewer)
    undo = command_line(f"dedup undo --reviewer {me}")
    click.echo(f"records {a} and {b} merged by {reviewer} (undo: {undo})")
    for said in who.values():
        click.echo(f"their decisions disagree: {said}")


def _say_replaced(replaced: list, reviewer: str) -> None:
    """Name the reviewer's own 'different' a merge replaces, and the pairs closed with it."""
    if not replaced:
        return
    own = replaced[0]
    line = f"replaces {reviewer}'s own 'different' on records {own.record_a} and {own.record_b}"
    followed = [f"{lk.record_a}\u2013{lk.record_b}" for lk in replaced[1:]]
    if followed:
        line += (
            f" and on the {quantity(len(followed), 'pair')} closed with it ({', '.join(followed)})"
        )
    click.echo(line)


@dedup.command("undo")
@project_option
@reviewer_option
@click.option("--yes", is_flag=True, help="Undo without asking when screening would change.")
@click.pass_context
def undo_cmd(ctx: click.Context, project_dir: Path, reviewer: str, yes: bool) -> None:
    """Undo your last dedup action (a merge, a review verdict, a split, a read sheet), as
    'z' in 'dedup review' does: the verdicts before it are appended again.

    When the records were screened, the change to the stage counts is shown first.

    Example: reviewkit dedup undo --reviewer you
    """
    from reviewkit.dedup.effects import undo_effect
    from reviewkit.dedup.engine import person_id
    from reviewkit.dedup.undo import take_back

    person_id(reviewer)
    project = load_project(_project_dir(ctx, project_dir), person=reviewer)
    try:
        effect = undo_effect(project, reviewer)
        heading = "undoing your last dedup action changes screening:"
        if not go_ahead(effect, heading, "undo anyway?", "nothing changed", yes, reviewer):
            return
        undone = take_back(project.db, reviewer)
    finally:
        project.close()
    for lk in undone.kept:
        click.echo(
            f"records {lk.record_a} and {lk.record_b} were settled by another reviewer since;"
            " theirs stands"
        )
    if not undone.links:
        click.echo("nothing to undo")
        return
    verdict = undone.links[0]
    word = {"duplicate": "merge", "not_duplicate": "'different'"}.get(verdict.verdict, "verdict")
    if verdict.reason.startswith("split"):
        word = "split"
    more = len(undone.links) - 1
    click.echo(
        f"undone: the {word} of records {verdict.record_a} and {verdict.record_b}"
        + (f" (and {quantity(more, 'link')} of the same action)" if more else "")
    )


reader_option = reviewer_option_with(
    "Who reads the report, as the protocol lists them (a name it does not list is refused):"
    " while a stage is open, its reviewers see that merged records were decided apart there,"
    " not how (blinding); a lead, or anyone once it is closed, sees how. Left out, anyone may"
    " read it, as a reviewer unless the name read is a lead's."
)


@dedup.command("report")
@project_option
@reader_option
@csv_option("csv_file", "Also write the clusters (one row per record) to this CSV file.")
@click.option(
    "--rules", "by_rule", is_flag=True, help="Also show, per rule, its merges and queued pairs."
)
@click.pass_context
def report_cmd(
    ctx: click.Context, project_dir: Path, reviewer: str, csv_file: Path | None, by_rule: bool
) -> None:
    """Counts for PRISMA: duplicates removed automatically and by hand, pairs left to review.

    Example: reviewkit dedup report --csv clusters.csv --reviewer lead
    """
    from reviewkit.cli._dedup_report import echo_disagreeing, echo_rules
    from reviewkit.dedup.effects import blinding, open_conflicts, open_stages
    from reviewkit.dedup.engine import dedup_report, rule_report, write_clusters_csv
    from reviewkit.dedup.studies import study_groups
    from reviewkit.screening.outcomes import DerivedStages

    project = load_project(_project_dir(ctx, project_dir), person=typed_reader(ctx, reviewer))
    try:
        rep = dedup_report(project.db)
        rules = rule_report(project.db) if by_rule else []
        disagree = open_conflicts(project)
        # who may read how they were decided: read only where there is something to hide
        blind = blinding(project, open_stages(project, DerivedStages(project)) if disagree else ())
        groups = study_groups(project.db)
        clusters = write_clusters_csv(project.db, csv_file) if csv_file else None
    finally:
        project.close()
    click.echo(f"records:                          {rep.records}")
    click.echo(f"duplicates removed automatically: {rep.removed_automatically}")
    click.echo(f"duplicates removed by hand:       {rep.removed_by_hand}")
    click.echo(f"studies after dedup:              {rep.studies}")
    click.echo(f"clusters (2+ records):            {rep.clusters}")
    click.echo(f"pairs waiting for review:         {rep.pending_review}")
    if groups:
        reports = sum(len(g.reports) for g in groups)
        click.echo(f"studies with several reports:     {len(groups)} ({reports} reports)")
    if csv_file is not None:
        said = f"wrote {quantity(clusters, 'cluster')} to {csv_file}"
        why = "no records linked as duplicates yet" if rep.records else no_records()
        click.echo(written(said, clusters or 0, why))
    if disagree:
        echo_disagreeing(disagree, blind, reviewer)
    if by_rule:
        echo_rules(rules)


@dedup.command("studies")
@project_option
@click.pass_context
def studies_cmd(ctx: click.Context, project_dir: Path) -> None:
    """Suggest links between reports of one study (shared trial registration numbers of any
    register WHO's portal lists: NCT, ISRCTN, ACTRN, ChiCTR, CTRI, EudraCT …; else a trial's
    name, shared authors and title words) and list the suggestions and the confirmed studies.

    Example: reviewkit dedup studies
    """
    from reviewkit.dedup.studies import open_suggestions, study_groups, suggest_study_links

    project = load_project(_project_dir(ctx, project_dir))
    try:
        done = suggest_study_links(project.db)
        pending = open_suggestions(project.db)
        groups = study_groups(project.db)
    finally:
        project.close()
    click.echo(f"{quantity(done.new, 'new suggestion')}; {len(pending)} waiting for a person")
    for s in pending:
        click.echo(f"  records {s.a} and {s.b} ({s.cues}): {s.evidence}")
    if pending:
        click.echo(
            "confirm or reject with: "
            + command_line("dedup study-link A B --same")
            + " (or --different)"
        )
    if done.in_dedup_queue:
        # a possible duplicate is a question of one record or two, asked first: shown where
        # it is, and suggested here once a person says the two are different records
        n = len(done.in_dedup_queue)
        click.echo(
            f"{quantity(n, 'pair')} also in the dedup queue as possible duplicates, not"
            f" suggested as one study's reports until answered there ({command_line('dedup review --reviewer NAME')}):"
        )
        for a, b in done.in_dedup_queue:
            click.echo(f"  records {a} and {b}")
    for g in groups:
        click.echo(f"study {g.study}: {len(g.reports)} reports")
        for rid, title in zip(g.reports, g.titles, strict=True):
            click.echo(f"  {rid}  {cut(title, 100)}")  # columns, not characters


@dedup.command("study-link")
@project_option
@reviewer_option
@click.option("--same/--different", "same", required=True, help="One study, or two.")
@click.argument("record_a", type=int)
@click.argument("record_b", type=int)
@click.pass_context
def study_link_cmd(
    ctx: click.Context, project_dir: Path, reviewer: str, same: bool, record_a: int, record_b: int
) -> None:
    """Say whether RECORD_A and RECORD_B are reports of one study (logged, never deleted).

    Example: reviewkit dedup study-link 1 2 --different --reviewer you

    (records 1 and 2 of the demo are two studies; --same says two records report one)
    """
    from reviewkit.dedup.studies import decide_study_link

    project = load_project(_project_dir(ctx, project_dir), person=reviewer)
    try:
        link = decide_study_link(project.db, record_a, record_b, same, reviewer)
    finally:
        project.close()
    word = "reports of one study" if same else "reports of different studies"
    said = f"records {link.a} and {link.b}: {word}"
    click.echo(said if link.stored else f"{said} already (said by {reviewer}); nothing changed")


COMMANDS = [dedup]
