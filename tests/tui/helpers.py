"""What the tests of tests/tui read off a running app."""

from __future__ import annotations

from reviewkit import screening as scr
from reviewkit.project import Project
from reviewkit.tui.app import ReviewkitApp

TA, FT = "title-abstract", "full-text"


def shown(app: ReviewkitApp, selector: str) -> str:
    """The text a widget shows, row by row, joined."""
    widget = app.screen.query_one(selector)
    rows = (widget.render_line(y).text.strip() for y in range(widget.size.height))
    return " ".join(row for row in rows if row and set(row) != {"─"})


def unwrapped(text: str) -> str:
    """Text without its spaces and line breaks: a long path (a pytest worker's tmp_path is longer
    than a single process's) wraps wherever the row ends, even inside a word."""
    return "".join(text.split())


def to_full_text(project: Project, record_id: int) -> None:
    """Both reviewers include the record on title and abstract: it is in full-text screening."""
    for reviewer in ("maria", "tom"):
        scr.decide(project.db, record_id, TA, reviewer, "include")


def footer_keys(app: ReviewkitApp) -> dict[str, bool]:
    """The footer's keys, by their words: whether each works now (False: greyed, off)."""
    return {k.description: not k.has_class("-disabled") for k in app.screen.query("FooterKey")}
