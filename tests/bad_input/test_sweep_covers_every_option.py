"""The bad-input sweep (benchmarks/bad_input_sweep.py) tries every option of every command that
takes a file, a folder, a number or a name: a new option must get a line there, or a reason
here why the sweep leaves it out."""

from __future__ import annotations

import click

from benchmarks.bad_input_sweep import SLOTS
from reviewkit.cli import cli

# option -> why the sweep does not feed it bad values of its own
LEFT_OUT = {
    # one option type (ProjectFolder) for every command: swept on import, status, dedup
    # studies and protocol check, whose checks all commands share
    "--project": "one type for all commands, swept on four",
    "dedup merge RECORD_B": "read as RECORD_A is, by the same function",
    "dedup study-link RECORD_B": "read as RECORD_A is, by the same function",
    "search test QUERY": "any text is a query; PubMed answers an odd one with no results",
    "conflicts resolve --note": "any text is a note, as the conflicts screen's prompt takes",
}


def _options() -> set[str]:
    """'command --option' or 'command ARGUMENT' for every parameter that is not a flag."""
    found: set[str] = set()

    def walk(command: click.Command, path: list[str], parent: click.Context | None) -> None:
        if isinstance(command, click.Group):  # its subcommands', then its own ('conflicts --list')
            ctx = click.Context(command, info_name=path[-1] if path else "reviewkit", parent=parent)
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), [*path, name], ctx)  # type: ignore[arg-type]
        for param in command.params:
            if getattr(param, "is_flag", False) or param.name in ("help",):
                continue
            if isinstance(param, click.Argument):
                label = (param.name or "").upper()
            else:
                label = max(param.opts, key=len)
            found.add(f"{' '.join(path)} {label}")

    walk(cli, [], None)
    return found


def test_every_option_that_takes_a_value_is_swept_or_left_out_with_a_reason() -> None:
    swept = {slot.name.split(" .")[0] for slot in SLOTS}
    missing = {
        option
        for option in _options() - swept
        if option not in LEFT_OUT and option.split(" ")[-1] not in LEFT_OUT
    }
    assert not missing, f"options the sweep does not try: {sorted(missing)}"


def test_every_swept_option_exists() -> None:
    options = _options()
    stale = {slot.name.split(" .")[0] for slot in SLOTS} - options
    assert not stale, f"the sweep names options that are gone: {sorted(stale)}"
