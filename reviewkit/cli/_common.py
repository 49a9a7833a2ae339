"""Options and helpers shared by the CLI modules: --project, progress bars, tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reviewkit import settings
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
