"""A click group that imports a command's module only when that command runs.

``reviewkit --help`` and a plain ``reviewkit`` list every command from a table of
(module, attribute, one-line help) and import none of the command modules; their imports
(the stages, rich, networkx, rapidfuzz, lxml ...) cost more CPU than click itself. This is
click's documented "LazyGroup" pattern, plus one addition: a name missing from the table is
looked up in every command module's ``COMMANDS`` before click calls it unknown, so a command
added to a module without a table row still runs (tests/core/test_cli_startup.py flags the
missing row).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import NamedTuple

import click


class LazyCommand(NamedTuple):
    """Where a command lives and the one line ``--help`` shows for it (its docstring's first)."""

    module: str
    attribute: str
    summary: str


class LazyGroup(click.Group):
    """A group whose subcommands are named in ``lazy`` and imported on first use."""

    def __init__(
        self,
        *args: object,
        lazy: dict[str, LazyCommand],
        examples_note: str = "",
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy
        self.examples_note = examples_note

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Add ``cmd``; it and its subcommands that give an example end their --help with
        ``examples_note`` (where the examples run as written), unless they have an epilog."""
        _note_examples(cmd, self.examples_note)
        super().add_command(cmd, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            if cmd_name in self.lazy:
                self._load(cmd_name)
            else:
                self._load_all()
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``: loaded commands as click shows them, the rest from
        the table, shortened the way click shortens a docstring (a stand-in command does it)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name) or click.Command(name, help=self.lazy[name].summary)
            if not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in rows])

    def _load(self, name: str) -> None:
        entry = self.lazy[name]
        module = importlib.import_module(f"{self._package()}.{entry.module}")
        command = getattr(module, entry.attribute)
        if not isinstance(command, click.Command):  # a wrong table row is our bug, say which
            raise TypeError(f"{entry.module}.{entry.attribute} is not a click command")
        self.add_command(command, name)

    def _load_all(self) -> None:
        for command in module_commands(self._package()):
            if command.name and command.name not in self.commands:
                self.add_command(command)

    def _package(self) -> str:
        return __name__.rpartition(".")[0]


def module_commands(package: str) -> list[click.Command]:
    """Every command listed in ``COMMANDS`` by the package's public modules (imports them all)."""
    path = importlib.import_module(package).__path__
    commands: list[click.Command] = []
    for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{package}.{info.name}")
            commands.extend(getattr(module, "COMMANDS", ()))
    return commands


def _note_examples(command: click.Command, note: str) -> None:
    """``note`` as the epilog of ``command`` and of every command under it whose help gives an
    example ('Example:' or 'Examples:')."""
    if note and command.epilog is None and "Example" in (command.help or ""):
        command.epilog = note
    for sub in getattr(command, "commands", {}).values():
        _note_examples(sub, note)
