"""A folder's path in fewer columns, for a line with rows to fill: the home folder as ``~``,
then the middle elided ('/tmp/…/return-to-work'), the folder's own name always kept."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from textual.content import Content

from reviewkit.project import folder_option

ELIDED = "…"


def home_shortened(path: Path) -> str:
    """``path`` with the home folder as ``~`` (the same words on every machine; a shell
    expands it, so a command holding it still runs), else as it is."""
    try:
        return f"~{os.sep}{path.relative_to(Path.home())}"
    except (ValueError, RuntimeError):  # elsewhere, or no home folder
        return str(path)


def fit_folder(line: str, folder: Path, width: int, rows: int) -> str:
    """``line`` with each ' --project FOLDER' in it shortened as far as it needs to wrap into
    ``rows`` rows of ``width`` columns: first the home folder as ~ (still a command to copy),
    then the middle of the path elided, the most of its end kept (what tells one project from
    another). The line as it is when it fits, or when it names no folder; the shortest when
    nothing fits."""
    option = folder_option(folder)  # as the line's commands name it
    if option not in line or _rows(line, width) <= rows:
        return line
    shorter = [_home_option(folder), *(f" --project {p}" for p in _elided(folder))]
    tried = line
    for words in shorter:
        tried = line.replace(option, words)
        if _rows(tried, width) <= rows:
            return tried
    return tried


def _home_option(folder: Path) -> str:
    """' --project ~/rest' (the rest quoted as a shell needs; the ~ stays bare to expand)."""
    shown = home_shortened(folder)
    if shown == str(folder):
        return f" --project {shlex.quote(shown)}"
    return f" --project ~{os.sep}{shlex.quote(shown[2:])}"


def _elided(folder: Path) -> list[str]:
    """The path with its middle elided, longest first: its first part (the root's folder,
    or ~), '…', then fewer and fewer of its last parts, down to its own name."""
    parts = Path(home_shortened(folder)).parts
    if len(parts) < 3:  # '/reviews', '~/x': nothing between the first part and the name
        return []
    head = os.sep.join(parts[:2]).replace(os.sep * 2, os.sep)  # '/tmp', '~/x'
    tail = parts[2:]
    out = [os.sep.join([head, ELIDED, *tail[-k:]]) for k in range(len(tail) - 1, 0, -1)]
    return [*out, os.sep.join([ELIDED, parts[-1]])]


def _rows(text: str, width: int) -> int:
    """The rows ``text`` takes in ``width`` columns, wrapped as the screen wraps it (at its
    spaces; a word longer than the row starts a row and is folded)."""
    return len(Content(text).wrap(width)) or 1
