"""What the tests of tests/tui read off a running app."""

from __future__ import annotations

from screening.helpers import until
from textual.pilot import Pilot
from textual.widget import Widget

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


async def settled_footer(pilot: Pilot) -> list[Widget]:
    """The footer's keys (``FooterKey``) once it shows the screen's bindings as they are now,
    laid out (a key past the screen's edge has no region).

    Textual's ``Footer`` builds its keys after a refresh that follows the screen's
    ``refresh_bindings`` (and first after the screen is shown), and lays them out at the
    refresh after that: read at once, it is empty, or still the last state's, or not laid out.
    ``Pilot.pause()`` is no wait for it: it waits until the process looks idle, which a process
    starved of CPU (a loaded machine: its CPU time hardly moves) looks at once, and a test read
    the footer before it was built (``KeyError: 'Same record'`` under load). A footer that
    never shows the screen's keys fails, saying what it showed and what the screen binds."""
    app = pilot.app

    def settled() -> bool:
        keys = app.screen.query("FooterKey")
        laid_out = any(key.region.width for key in keys)
        return laid_out and _footer_actions(app) == _bound_actions(app)

    try:
        await until(pilot, settled, "the footer showing the screen's keys")
    except AssertionError:
        showed, bound = _footer_actions(app), _bound_actions(app)
        raise AssertionError(f"the footer showed {showed}, the screen binds {bound}") from None
    return list(app.screen.query("FooterKey"))


async def settled_message(pilot: Pilot, expected: str, selector: str = "#message") -> str:
    """The message line once it reads ``expected``: a key's effect is read after the app has
    handled the key, which one ``Pilot.pause()`` does not wait for in a starved process (see
    :func:`settled_footer`). One that never reads it fails, saying what it read."""
    app = pilot.app

    def text() -> str:
        return str(app.screen.query_one(selector).render())

    try:
        await until(pilot, lambda: text() == expected, f"the message {expected!r}")
    except AssertionError:
        raise AssertionError(f"the message read {text()!r}, not {expected!r}") from None
    return text()


async def settled_footer_keys(pilot: Pilot) -> dict[str, bool]:
    """:func:`footer_keys` once the footer is settled (:func:`settled_footer`)."""
    await settled_footer(pilot)
    return footer_keys(pilot.app)


def _footer_actions(app: ReviewkitApp) -> dict[str, bool]:
    """The footer's keys by action: whether each shows as working."""
    return {k.action: not k.has_class("-disabled") for k in app.screen.query("FooterKey")}


def _bound_actions(app: ReviewkitApp) -> dict[str, bool]:
    """What the footer is to show: a key for each action bound with ``show``, the first
    binding's (as Textual's ``Footer.compose`` picks), and whether it works now."""
    bound: dict[str, bool] = {}
    for _node, binding, enabled, _tooltip in app.screen.active_bindings.values():
        if binding.show:
            bound.setdefault(binding.action, enabled)
    return bound
