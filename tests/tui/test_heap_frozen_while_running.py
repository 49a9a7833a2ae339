"""The app keeps what stands once its first screen is drawn (the project, the queue) out of the
garbage collector's full collections while it runs, and gives it back when it ends: each full
collection walked it all on the screen's thread (reviewkit/tui/app.py, ReviewkitApp.on_mount)."""

from __future__ import annotations

import asyncio
import gc

from screening.helpers import until
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static
from tui.helpers import TA, settled_footer

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_heap_at_the_first_screen_is_frozen_while_the_app_runs(team) -> None:
    project, _ = team
    queue = scr.ReviewerQueue(project, TA, "tom")
    seen: dict[str, object] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await settled_footer(pilot)
            seen["frozen"] = gc.get_freeze_count()
            # the queue is frozen: a full collection no longer walks it
            seen["queue_collectable"] = any(o is queue for o in gc.get_objects())
            await pilot.press("i")  # a decision after the freeze
            await pilot.pause()
            await pilot.press("q")

    assert gc.get_freeze_count() == 0
    asyncio.run(go())
    assert seen["frozen"] > 10_000  # the app's, the project's and the queue's objects
    assert seen["queue_collectable"] is False
    assert queue.done == 1
    assert gc.get_freeze_count() == 0  # the app ended: all collectable again
    assert any(o is queue for o in gc.get_objects())


class _Plain(Screen):
    def compose(self) -> ComposeResult:
        yield Static("a screen")


def test_an_app_run_inside_another_leaves_the_first_apps_freeze_alone() -> None:
    """One frozen generation per process: the inner app neither freezes more of it nor thaws
    it when it ends (the outer app's heap was collectable again while it still ran)."""
    seen: dict[str, int] = {}

    async def go() -> None:
        outer = ReviewkitApp(_Plain(), keymap={})
        async with outer.run_test() as pilot:
            await until(pilot, lambda: gc.get_freeze_count() > 0, "the outer app's freeze")
            seen["outer"] = gc.get_freeze_count()
            inner = ReviewkitApp(_Plain(), keymap={})
            async with inner.run_test() as inner_pilot:
                await until(inner_pilot, lambda: inner.screen.is_attached, "the inner screen")
                await inner_pilot.pause()
                seen["both"] = gc.get_freeze_count()
            seen["inner_ended"] = gc.get_freeze_count()
        seen["outer_ended"] = gc.get_freeze_count()

    asyncio.run(go())
    # (the frozen count only falls without a freeze: a frozen object freed by its references)
    assert seen["both"] <= seen["outer"]  # the inner app froze nothing more
    assert seen["inner_ended"] > seen["outer"] // 2  # nor thawed the outer app's heap
    assert seen["outer_ended"] == 0
