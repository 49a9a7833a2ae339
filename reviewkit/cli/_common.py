"""Options and helpers shared by the CLI modules: --project, progress bars, tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reviewkit import settings
from reviewkit.errors import UserError
from reviewkit.project import Project, open_project

console = Console()  # tables and results: stdout
err_console = Console(stderr=True)  # progress bars: stderr, so stdout stays clean for pipes

project_option = click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    envvar=settings.PROJECT.name,
    show_envvar=True,
    show_default="current folder",
    help="Review project folder.",
)


def load_project(project_dir: Path) -> Project:
    return open_project(project_dir)


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


class AppCrashed(UserError):
    """A terminal app stopped on an unexpected error (a bug): exit code 1, not 0."""

    exit_code = 1


def run_app(app: Any, **run_options: Any) -> None:
    """Run a Textual app; if it crashed (Textual printed the traceback), exit non-zero."""
    app.run(**run_options)
    if app.return_code:
        raise AppCrashed(
            f"{app.TITLE} stopped on an unexpected error (shown above); everything saved"
            " before it is kept",
            hint="reopen the screen to go on, and please report the error",
        )
