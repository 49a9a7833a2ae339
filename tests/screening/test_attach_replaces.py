"""Attaching a full text to a study that has one replaces it (the newest counts), and the
message says so: `attach` and the screen's `a` said only "attached", so a reviewer replacing a
colleague's PDF was not told."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records
from textual.widgets import Input

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA, FT = "title-abstract", "full-text"


def _pdf(path):
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


def test_attach_says_what_it_replaced(project_a, tmp_path, capsys):
    (study,) = add_records(project_a, make_records(1))
    first = _pdf(tmp_path / "smith2020.pdf")
    folder = str(project_a.folder)
    assert main(["attach", str(study), str(first), "--by", "reviewer1", "--project", folder]) == 0
    assert capsys.readouterr().out == f"record {study}: attached file {first}\n"
    url = "https://doi.org/10.1000/smith2020"
    assert main(["attach", str(study), url, "--by", "reviewer2", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert out == f"record {study}: attached url {url} (replaces {first}, attached by reviewer1)\n"
    assert main(["attach", str(study), url, "--project", folder]) == 0  # the same again
    assert capsys.readouterr().out == f"record {study}: attached url {url}\n"


def test_the_screens_attach_says_what_it_replaced(project_a, tmp_path):
    (study,) = add_records(project_a, make_records(1))
    scr.decide(project_a.db, study, TA, "reviewer1", "include", protocol=project_a.protocol)
    first = _pdf(tmp_path / "first.pdf")
    scr.attach(project_a.db, study, str(first), added_by="reviewer2")
    second = _pdf(tmp_path / "second.pdf")

    async def go():
        app = ReviewkitApp(
            ScreeningScreen(scr.ReviewerQueue(project_a, FT, "reviewer1")), keymap={}
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            app.screen.query_one(Input).value = str(second)
            await pilot.press("enter")
            assert app.first_screen.message == (
                f"attached file: {second} (replaces {first}, attached by reviewer2)"
            )

    asyncio.run(go())
