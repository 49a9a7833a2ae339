"""`reviewkit screen` says where the reviewer stopped when the screen closes: it left nothing on
the terminal, so a reviewer quitting in the middle had no word that the votes were kept."""

from __future__ import annotations

from conftest import add_records
from screening.helpers import make_records

from reviewkit.cli import main
from reviewkit.tui import app as tui_app


def test_quitting_the_screen_prints_what_is_decided_and_left(project_b, monkeypatch, capsys):
    add_records(project_b, make_records(3))

    async def reviewer(pilot):  # a person at the keyboard: one include, then quit
        await pilot.pause()
        await pilot.press("i")
        await pilot.press("q")

    run = tui_app.run_app
    monkeypatch.setattr(
        tui_app, "run_app", lambda app: run(app, headless=True, auto_pilot=reviewer)
    )
    folder = str(project_b.folder)
    args = ["screen", "--reviewer", "reviewer1", "--no-rank", "--project", folder]
    assert main(args) == 0
    assert capsys.readouterr().out.endswith(
        "reviewer1 at title-abstract: 1 record decided, 2 remaining; every decision is saved\n"
    )
