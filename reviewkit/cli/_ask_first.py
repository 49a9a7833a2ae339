"""Asking before a dedup change (a merge, a split, an undo, a sheet's 'same' rows) that
changes screening: the change shown in words for whoever makes it, then a yes/no question."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reviewkit.errors import UserError

if TYPE_CHECKING:
    from reviewkit.dedup.effects import Effect


def go_ahead(
    effect: Effect, heading: str, question: str, stopped: str, yes: bool, reader: str
) -> bool:
    """Whether to make a merge or split: at once when it changes no screening (``effect`` is
    empty) or with ``yes``; else after showing the change, in words for ``reader`` (who makes
    it: ``Effect.lines``), under ``heading`` and asking ``question`` (``stopped`` is said on
    no)."""
    if not effect:
        return True
    click.echo(heading)
    for line in effect.lines(reader):
        click.echo("  " + line)
    if yes or _confirm(question, stopped):
        return True
    click.echo(stopped)
    return False


def _confirm(question: str, stopped: str) -> bool:
    """click.confirm, except that input ending before an answer (a script, `< /dev/null`) is
    no Ctrl-C: click turns both into Abort, which said 'aborted' with Ctrl-C's exit code 130;
    it is refused as bad input, saying what to pass instead."""
    try:
        return click.confirm(question, default=False)
    except click.exceptions.Abort as exc:
        if not isinstance(exc.__context__, EOFError):
            raise  # Ctrl-C at the question
        raise UserError(
            f"no answer to {question!r}: the input ended; {stopped}",
            hint="pass --yes to make the change without the question",
        ) from None
