"""The project a command works on: --project, opening it with its checks, recorded names."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from reviewkit import protocol as protocol_mod
from reviewkit import settings
from reviewkit.errors import UserError
from reviewkit.project import PROTOCOL_FILE, Project, open_project
from reviewkit.protocol.names import name_problem
from reviewkit.protocol.people import check_person, listed
from reviewkit.protocol_in_use import check_protocol_keeps_what_is_used, lead_from_before_leads

_F = TypeVar("_F", bound=Callable[..., object])  # a command function, as click.option types it
_V = TypeVar("_V")


class ProjectFolder(click.Path):
    """The --project folder: as click.Path, but an empty value (``--project "$P"`` with P
    unset) is refused; click made it the current folder, and a command worked on whatever
    project (or none) was there."""

    def __init__(self) -> None:
        super().__init__(file_okay=False, path_type=Path)

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        if isinstance(value, str) and not value.strip():
            self.fail(
                "an empty project folder (an unset shell variable?); leave --project out"
                " to work in the current folder, or name the folder",
                param,
                ctx,
            )
        path = Path(str(value))
        if problem := broken_link(path):  # the project said only 'no review.sqlite'
            self.fail(problem, param, ctx)
        if path.is_file():  # click said only "Directory '…' is a file."
            holder = str(path.parent) if path.name in ("review.sqlite", "protocol.toml") else ""
            self.fail(
                f"{str(value)!r} is a file, not a project folder; "
                + (
                    f"give the folder that holds it: --project {holder}"
                    if holder
                    else "name the folder that holds the project's review.sqlite and protocol.toml"
                ),
                param,
                ctx,
            )
        return super().convert(value, param, ctx)


def broken_link(path: Path) -> str:
    """What is wrong with ``path`` when it is a symbolic link that leads nowhere: a loop of
    links, or a target that is gone (a drive not mounted, a folder moved or renamed); ''
    when it is no such link."""
    if not path.is_symlink() or path.exists():
        return ""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{str(path)!r} is a symbolic link in a loop of links; name the folder itself"
    return (
        f"{str(path)!r} is a symbolic link to {os.readlink(path)!r}, which does not exist (a"
        " drive not mounted, or a folder moved?); mount or move it back, or name the folder"
    )


class Name(click.ParamType):
    """A name the project records (a reviewer, a resolver, a source, a version): refused when
    empty, holding a control or invisible character, or longer than a name can be (the rule
    of :func:`reviewkit.protocol.names.name_problem`, which protocol reviewers follow too).
    A line break or an escape sequence would be stored in the append-only log for good and
    printed into every table and terminal that shows it."""

    name = "text"

    def __init__(self, what: str = "name") -> None:
        self.what = what

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        problem = name_problem(str(value), self.what)
        if problem:
            self.fail(f"{problem}; give it as people will read and type it", param, ctx)
        return value


def reviewer_option_with(help: str, *, typed: bool = False) -> Callable[[_F], _F]:
    """The --reviewer of every command that records a reviewer's name, defined once. It
    defaults to $REVIEWKIT_REVIEWER, else the login name; ``typed`` (screen, confirm,
    decisions export: a vote or a confirmed label is never recorded under a name guessed for
    you) it must be given on the command line, and when it is not the error says so with the
    names the protocol lists (click's bare 'Missing option' named neither)."""
    if typed:
        return click.option(
            "--reviewer", cls=_TypedName, type=Name("reviewer name"), required=True, help=help
        )
    return click.option(
        "--reviewer",
        type=Name("reviewer name"),  # refuses a blank one before anything is written
        default=lambda: settings.login_name(),
        envvar=settings.REVIEWER.name,
        show_envvar=True,
        show_default="your login",
        help=help,
    )


def typed_reader(ctx: click.Context, reviewer: str) -> str | None:
    """The --reviewer of a command that only says who runs it (``dedup report``, ``decisions
    import``: what they are shown or told) to check against the protocol (``load_project``'s
    ``person``): the name when it was typed, which is then refused unless the protocol lists it
    (a typo was read as a stranger and shown the blinded report, exit 0, as if that were all
    there was); None for one taken from $REVIEWKIT_REVIEWER or the login name, so that anyone
    (a librarian, a reader of the counts) may run it, as a reviewer unless the name is a
    lead's (:func:`reviewkit.protocol_in_use.leads`)."""
    typed = ctx.get_parameter_source("reviewer") is click.core.ParameterSource.COMMANDLINE
    return reviewer if typed else None


class _TypedName(click.Option):
    """A required name option whose absence is told as the project's names (see
    :func:`reviewer_option_with`)."""

    def process_value(self, ctx: click.Context, value: object) -> object:
        try:
            return super().process_value(ctx, value)
        except click.MissingParameter:
            if ctx.resilient_parsing:  # shell completion: no error
                raise
            option = max(self.opts, key=len)
            raise UserError(
                f"'reviewkit {ctx.command_path.partition(' ')[2]}' needs {option}: it takes"
                " no name by default",
                hint=f"give {option} NAME ({_names_listed(ctx)}); ${settings.REVIEWER.name},"
                " the default of other commands, is not read here: votes, confirmed labels"
                " and a decision log are never taken under a name not typed for them",
            ) from None


def _names_listed(ctx: click.Context) -> str:
    """The names the protocol of the --project folder lists, or where to find them when it
    cannot be read (no project there yet: its own command says why)."""
    folder = ctx.params.get("project_dir")
    try:
        return "the protocol's " + listed(protocol_mod.load(Path(folder) / PROTOCOL_FILE))
    except (UserError, OSError, TypeError):
        return "one of [review] reviewers or leads in the project's protocol.toml"


def from_group(ctx: click.Context, name: str, value: _V) -> _V:
    """A subcommand's option ``name``, else the value given to its group when the subcommand
    was not given it ('dedup --project X report', 'conflicts --stage full-text resolve 12'):
    the group's was silently dropped. ``value``: the subcommand's own."""
    source = ctx.get_parameter_source(name)
    # $REVIEWKIT_PROJECT and the like: the group read the same variable, or was given more
    taken = (click.core.ParameterSource.DEFAULT, click.core.ParameterSource.ENVIRONMENT)
    if source in taken and ctx.parent is not None and name in ctx.parent.params:
        return ctx.parent.params[name]
    return value


project_option = click.option(
    "--project",
    "project_dir",
    type=ProjectFolder(),
    default=".",
    envvar=settings.PROJECT.name,
    show_envvar=True,
    show_default="current folder",
    help="Review project folder.",
)


def load_project(project_dir: Path, *, person: str | None = None) -> Project:
    """Open the project; refuse a protocol edited so that it loses what the logs use (see
    :mod:`reviewkit.protocol_in_use`), and a ``person`` (the --reviewer, --resolver or --by
    that a command records) whom the protocol does not list as a reviewer or a lead (the one
    rule of :func:`reviewkit.protocol.people.check_person`)."""
    project = open_project(project_dir)
    try:
        if person is not None:  # before the database is read: a typo is caught at once
            try:
                check_person(project.protocol, person)
            except UserError as exc:
                if not lead_from_before_leads(project, person):
                    exc.hint = _not_typed(person) + exc.hint
                    raise
        check_protocol_keeps_what_is_used(project)
    except BaseException:
        project.close()
        raise
    return project


def _not_typed(person: str) -> str:
    """'' when the user typed the refused name; else where it came from (the login name an
    option defaults to, or its environment variable) and how to give another: a user who
    typed no name would not know why 'root' is refused."""
    ctx = click.get_current_context(silent=True)
    for param in ctx.command.params if ctx is not None else []:
        if param.name is None or ctx.params.get(param.name) != person:  # type: ignore[union-attr]
            continue
        source = ctx.get_parameter_source(param.name)  # type: ignore[union-attr]
        option = max(param.opts, key=len)
        env = getattr(param, "envvar", None)
        if source is click.core.ParameterSource.DEFAULT:
            once = f" (or set ${env})" if isinstance(env, str) else ""
            return (
                f"{person!r} is your login name, the default of {option}:"
                f" give {option} NAME{once}; "
            )
        if source is click.core.ParameterSource.ENVIRONMENT:
            env = env or "its environment variable"
            return f"{person!r} comes from ${env}: set it to your name or give {option} NAME; "
    return ""
