"""What ``dedup report`` prints after its counts: the merged studies whose records were decided
apart (how each was, only to a reader blinding lets see it) and the per-rule table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reviewkit.protocol.people import conflicts_line, typed_name
from reviewkit.wording import numbered

if TYPE_CHECKING:
    from reviewkit.dedup.effects import Blinding
    from reviewkit.screening.merges import MergeConflict


def echo_disagreeing(disagree: list[MergeConflict], blinding: Blinding, reader: str) -> None:
    """The merged studies whose decisions disagree, for the lead; to ``reader`` where blinding
    hides how (a reviewer of a stage still open): which records were decided apart, not how,
    nor which record's decisions the study keeps (the furthest advanced tells it)."""
    click.echo(f"merged studies whose decisions disagree: {len(disagree)} (for the lead)")
    for c in disagree:
        # the lead's line: it names the lead who reads, else NAME (conflicts' default is the
        # login name, under which a final would be recorded unseen)
        resolver = reader if reader in blinding.leads else ""
        resolve = conflicts_line(resolver, c.stage)
        if blinding.hides(reader, c.stage):
            records = numbered("record", [r for r, _ in c.outcomes])  # 'records 13 and 14'
            lead = sorted(blinding.leads)
            see = f": a lead sees it (--reviewer {typed_name(lead[0])})" if lead else ""
            click.echo(
                f"  study {c.study_id} at {c.stage}: {records} were decided apart;"
                f" how each was stays hidden from {reader} while {c.stage} is open{see}"
            )
            continue
        said = ", ".join(f"record {r} {s}" for r, s in c.outcomes)
        click.echo(
            f"  study {c.study_id} at {c.stage}: {said}; kept record {c.kept}'s"
            f" decisions (resolve: {resolve})"
        )


def echo_rules(rows: list) -> None:
    """The per-rule table: rules in the order they are asked, then chaining-guard refusals."""
    width = max(len(r.rule) for r in rows)
    click.echo("")
    click.echo(f"{'rule':<{width}}  merges  queued  why")
    for r in rows:
        click.echo(f"{r.rule:<{width}}  {r.merges:>6}  {r.queued:>6}  {r.why}")
