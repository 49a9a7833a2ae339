"""Options and helpers shared by the CLI modules: files to write, progress bars, tables.

What opens a project (--project, its checks) is in :mod:`reviewkit.cli._project`: ``reviewkit
simulate`` needs none of it (the store, the protocol, networkx). rich is imported when a console
is first used (``console``, ``err_console``) or a progress bar is shown on a terminal: it costs
about 40 ms of CPU, which ``reviewkit simulate`` in a pipe or a script does not need.
"""

from __future__ import annotations

import math
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reviewkit import output_kinds, outputs
from reviewkit.errors import OutputError
from reviewkit.reader_gone import rich_console_gone
from reviewkit.wording import quantity

if TYPE_CHECKING:
    from rich.console import Console

    from reviewkit.formats.read_warnings import ReadWarning

    console: Console  # tables and results: stdout
    err_console: Console  # progress bars: stderr, so stdout stays clean for pipes


def __getattr__(name: str) -> Console:
    """``console`` and ``err_console``, made (and rich imported) on first use."""
    if name not in ("console", "err_console"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _console(name)


def _console(name: str) -> Console:
    """The module's console ``name``, made now if it was not yet."""
    if name not in globals():
        from rich.console import Console

        class FilterConsole(Console):
            """rich's console, ending on a closed pipe as the commands do (see reader_gone)."""

            def on_broken_pipe(self) -> None:  # rich's exits 1, as if reviewkit had failed
                rich_console_gone(self)

        globals()[name] = FilterConsole(stderr=name == "err_console")
    return globals()[name]


class OutputPath(click.Path):
    """A file or folder to write: as click.Path, but an empty value (``--out ''``, an unset
    shell variable) is refused by outputs' rule; click would turn it into the current folder."""

    def __init__(
        self,
        *,
        file_okay: bool = True,
        dir_okay: bool = True,
        writes: str = "",
        endings: tuple[str, ...] = (),
        only_endings: bool = False,
        figure: bool = False,
    ) -> None:
        """``writes``: the text the file gets ('CSV', …; '' for a figure), which a name or an
        existing file of a kind that is never text refuses (output_kinds.check_text_output);
        ``endings``: the ones to name it with instead; ``only_endings``: a name with any other
        ending is refused too (output_kinds.check_ending); ``figure``: a PNG, which an
        existing file of another kind refuses (output_kinds.check_figure_output)."""
        super().__init__(file_okay=file_okay, dir_okay=dir_okay, path_type=Path)
        self.writes, self.endings, self.figure = writes, endings, figure
        self.only_endings = only_endings

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
        try:
            if self.writes:
                output_kinds.check_text_output(str(value), self.writes, self.endings)
                if self.only_endings:
                    output_kinds.check_ending(str(value), self.writes, self.endings)
            elif self.figure:
                output_kinds.check_figure_output(str(value))
        except OutputError as exc:
            self.fail(f"{exc.message}; {exc.hint}", param, ctx)
        if not self.file_okay and os.path.exists(str(value)) and not os.path.isdir(str(value)):
            self.fail(
                f"{str(value)!r} is a file, not a folder; give a folder to write into (it is"
                " made if missing)",
                param,
                ctx,
            )
        if not self.file_okay:
            # a folder that cannot be made or written into is refused here, before the command
            # loads what it draws or computes with (prisma and report took seconds for
            # matplotlib and scikit-learn first); the error names the folder as a write's does
            outputs.check_folder(str(value))
        return super().convert(value, param, ctx)


def csv_file() -> OutputPath:
    """The type of a CSV file a command writes: a name with another ending, or an existing
    file that is not text, is refused before any work (see :class:`OutputPath`)."""
    # Only .csv (or no ending): a spreadsheet opens a sheet by its ending, a .txt or .tsv as
    # tab-separated text (output_kinds._TEXT_READ_AS). RIS, JSON lines and Markdown keep any
    # text ending: a reference manager takes an RIS export named .txt, as databases name theirs.
    return OutputPath(dir_okay=False, writes="CSV", endings=(".csv",), only_endings=True)


def csv_option(dest: str, help: str) -> Callable:
    """``--csv FILE``: a CSV file the command writes, as ``dest`` (:func:`csv_file`)."""
    return click.option("--csv", dest, type=csv_file(), help=help)


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


class Given(click.ParamType):
    """Text that names something the command looks up or uses (a scheme, a column, an
    encoding, a URL, a search): as click's text, but refused when empty or blank.
    An unset shell variable ('--gold $COLUMN') gives '', and an option that takes '' as not
    given used its default without a word (found by benchmarks/bad_input_sweep.py). A name the
    project records (a reviewer) has its own stricter type, _project.Name."""

    name = "text"

    def __init__(self, what: str) -> None:
        self.what = what

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        if not str(value).strip():
            self.fail(
                f"the {self.what} is empty (an unset shell variable?); give one, or leave it out",
                param,
                ctx,
            )
        return value


ProgressFn = Callable[[int, int], None]


@contextmanager
def progress_bar(description: str, *, unit: str = "") -> Iterator[ProgressFn]:
    """A rich progress bar on stderr; yields ``update(done, total)``. Quiet when not a terminal."""
    if not _on_terminal():
        yield lambda done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    err_console = _console("err_console")
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


def _on_terminal() -> bool:
    """Whether stderr is a terminal (a TTY). A bar is drawn only there; on a pipe or a file
    rich is not even imported (rich may still find a TTY no terminal: TTY_COMPATIBLE=0)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # no stderr, or a closed one
        return False


# a file's warnings of one kind (records without a title, values read as none) named one by
# one, the rest counted: a file of thousands printed one line each
WARNINGS_SHOWN = 20


def say_warnings(path: str | Path, warnings: Sequence[ReadWarning]) -> None:
    """The warnings of reading the file at ``path`` (a value read as none, a sheet's header
    below title rows), each on stderr as 'warning: where: what', twenty by line, the rest
    counted."""
    for w in warnings[:WARNINGS_SHOWN]:
        click.echo(f"warning: {w.where}: {w.message}", err=True)
    if len(warnings) > WARNINGS_SHOWN:
        more = len(warnings) - WARNINGS_SHOWN
        click.echo(f"warning: {path}: {quantity(more, 'more value')} like these", err=True)
