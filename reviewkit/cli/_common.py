"""Options and helpers shared by the CLI modules: --project, progress bars, tables."""

from __future__ import annotations

import errno
import math
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reviewkit import outputs, settings
from reviewkit.errors import OutputError, UserError
from reviewkit.project import Project, open_project
from reviewkit.protocol.names import name_problem
from reviewkit.protocol.people import check_person
from reviewkit.protocol_in_use import check_protocol_keeps_what_is_used, lead_from_before_leads

console = Console()  # tables and results: stdout
err_console = Console(stderr=True)  # progress bars: stderr, so stdout stays clean for pipes


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


class OutputPath(click.Path):
    """A file or folder to write: as click.Path, but an empty value (``--out ''``, an unset
    shell variable) is refused by outputs' rule; click would turn it into the current folder."""

    def __init__(self, *, file_okay: bool = True, dir_okay: bool = True) -> None:
        super().__init__(file_okay=file_okay, dir_okay=dir_okay, path_type=Path)

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        try:
            outputs.given_path(str(value))
        except OutputError as exc:
            self.fail(f"{exc.message}; {exc.hint}", param, ctx)
        kind = _special_kind(str(value))
        if kind:  # writing waited forever for a reader that never came
            self.fail(f"{str(value)!r} is {kind}, not a file; give a file name", param, ctx)
        # 'x/' names a folder; where a file is written, Path('x/') is 'x' and a file named x
        # was made (or a folder x/ was missing and a file took its name)
        if not self.dir_okay and str(value).endswith(("/", os.sep)):
            self.fail(
                f"{str(value)!r} ends with '/', so it names a folder; give a file name"
                " (e.g. a name after the '/')",
                param,
                ctx,
            )
        # click said only "File 'x' is a directory." / "Directory 'x' is a file."
        if not self.dir_okay and os.path.isdir(str(value)):
            example = os.path.join(str(value), "NAME")
            self.fail(f"{str(value)!r} is a folder; give a file name, e.g. {example}", param, ctx)
        if not self.file_okay and os.path.exists(str(value)) and not os.path.isdir(str(value)):
            self.fail(
                f"{str(value)!r} is a file, not a folder; give a folder to write into (it is"
                " made if missing)",
                param,
                ctx,
            )
        return super().convert(value, param, ctx)


def out_dir_option(help: str, under: str = "") -> Callable:
    """``--out FOLDER`` for a command's files; without it :func:`out_folder` picks
    exports/``under`` in the project folder."""
    return click.option(
        "--out",
        "out_dir",
        type=OutputPath(file_okay=False),
        default=None,
        show_default=f"exports{'/' + under if under else ''} in the project folder",
        help=help,
    )


def out_folder(project_dir: Path, out_dir: Path | None, under: str = "") -> Path:
    """The folder a command writes to, checked: ``--out``, else exports/``under`` beside its
    project (two projects never share one)."""
    folder = out_dir or project_dir / "exports" / under
    outputs.check_folder(folder)
    return folder


def _special_kind(path: str) -> str:
    """'a named pipe' or 'a socket' for such a path (links followed), else ''."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return ""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    return "a socket" if stat.S_ISSOCK(mode) else ""


class Seconds(click.FloatRange):
    """A number of seconds from ``minimum`` to a day. click's FloatRange lets 'nan' through
    (every comparison with it is false) and 'inf' or '1e300', which the socket refuses with a
    ValueError or OverflowError traceback in the middle of a run; a day is far beyond any
    useful wait for one request."""

    name = "seconds"

    def __init__(self, minimum: float) -> None:
        super().__init__(minimum, 86_400.0)

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):  # type: ignore[arg-type]
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return number


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


ProgressFn = Callable[[int, int], None]


@contextmanager
def progress_bar(description: str, *, unit: str = "") -> Iterator[ProgressFn]:
    """A rich progress bar on stderr; yields ``update(done, total)``. Quiet when not a terminal."""
    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(
        *columns, console=err_console, transient=False, disable=not err_console.is_terminal
    ) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        yield update
