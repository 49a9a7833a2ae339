"""With ranking off, a done line read while the database was busy ('Queue done: every record
here has your decision', the next steps left out) stayed so until the queue changed (s45): only
the ranked screen polled the order line. Both poll it now, in one place."""

from __future__ import annotations

import asyncio

from screening.helpers import keys_only, until
from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit import status
from reviewkit.errors import DatabaseBusy
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_a_done_line_read_while_busy_is_read_again_with_ranking_off(team, monkeypatch):
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
    work_left = status.work_left
    calls: list[str] = []

    def busy_once(*args, **kwargs):  # noqa: ANN002, ANN003
        calls.append("read")
        if len(calls) == 1:
            raise DatabaseBusy("another process writes to the database")
        return work_left(*args, **kwargs)

    rows: dict[str, str] = {}

    async def go() -> None:
        screen = keys_only(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")))
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            monkeypatch.setattr(status, "work_left", busy_once)
            await pilot.press("i")  # maria's last record: the done line, read while busy
            # (the whole line: its second row is laid out after the first is drawn)
            again = "records for another reviewer"
            await until(pilot, lambda: again in shown(app, "#rank"), "the line read again")
            rows["after"] = shown(app, "#rank")
            await pilot.press("q")

    asyncio.run(go())
    assert len(calls) >= 2, calls  # the first read refused (busy), the line read again
    assert "next: title-abstract: 3 records for another reviewer" in rows["after"], rows
