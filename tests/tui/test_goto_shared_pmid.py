"""`g` with a reference several records share (a PMID two imports hold, before dedup merges
them) listed the ids, then pointed to "the record_id column of 'dedup report --csv FILE'", a
file a screener does not have open, for ids the message had just named. It says "give one of
these ids"; the export is named only where the list leaves ids out."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records
from tui.helpers import TA, shown, unwrapped

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def shared_pmid(project, n: int) -> list[int]:
    records = make_records(n)
    for record in records:
        record.pmid, record.doi = "2001", None
    return add_records(project, records)


def test_goto_a_shared_pmid_asks_for_one_of_the_ids_it_lists(team) -> None:
    project, _ids = team
    a, b = shared_pmid(project, 2)
    said = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("g", *"pmid:2001", "enter")
            await pilot.pause()
            said.append(shown(app, "#message"))
            await pilot.press("q")

    asyncio.run(go())
    assert unwrapped(said[0]) == unwrapped(
        f"'pmid:2001' matches 2 records ({a} and {b}); which one is meant? (give one of these ids)"
    ), said
    assert "record_id column" not in said[0]


def test_the_command_line_says_so_too(project_b, capsys):
    a, b = shared_pmid(project_b, 2)
    args = ["conflicts", "resolve", "pmid:2001", "--decision", "include", "--resolver", "lead"]
    assert main([*args, "--project", str(project_b.folder)]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert f"matches 2 records ({a} and {b}); which one is meant?" in said, said
    assert "hint: give one of these ids" in said and "record_id column" not in said, said


def test_ids_left_out_of_the_list_are_in_the_export(project_b, capsys):
    shared_pmid(project_b, 12)  # ten listed, two left out: the export has every one
    args = ["conflicts", "resolve", "pmid:2001", "--decision", "include", "--resolver", "lead"]
    assert main([*args, "--project", str(project_b.folder)]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert (
        "hint: give one of these ids, or one of the 2 not listed (the record_id column of"
        " 'reviewkit dedup report --csv FILE"
    ) in said, said
