"""After `reviewkit confirm` closes, the terminal says where the reviewer stopped, as `screen`
does: the screen leaves nothing behind, and the walk-through's lead, done with one scheme, quit
to an empty prompt, not told how many were confirmed or that two schemes still waited."""

from __future__ import annotations

import asyncio

from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def test_quit_line_counts_the_confirmed_and_names_the_schemes_left(project_b, store, include_all):
    records = [
        Record(
            title=f"Return to work after sick leave {n}",
            abstract_sections=[AbstractSection("", "A caseworker met the employer.")],
            year=2020 + n,
        )
        for n in range(2)
    ]
    ids = store(project_b, records, "snowballing")
    include_all(project_b, ids)
    confirming = ConfirmScreen(project_b, "model-type", ids, "lead")
    app = ReviewkitApp(confirming, keymap={})

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("0")  # the first study: none of these; the second is left
            await pilot.pause()
            await pilot.press("q")

    asyncio.run(go())
    # what waits next, each scheme with the line that opens it (it said "next: --scheme
    # diagnosis", an option without its command, nor how many studies waited: tui43); each
    # scheme by its name, as the screen's title and status line show it, its id only in the
    # command that needs it (it said "lead at model-type" under "Model of collaboration": q43l)
    assert confirming.quit_line() == (
        "lead at Model of collaboration: confirmed 1 of 2; every label is saved;"
        " next: Diagnosis group: 2 studies unconfirmed"
        " (reviewkit confirm --reviewer lead --scheme diagnosis);"
        " Severe mental illness (flag): 2 studies unconfirmed"
        " (reviewkit confirm --reviewer lead --scheme severe-mental-illness)"
    )


def test_confirm_prints_the_quit_line(b_included, monkeypatch, capsys):
    from reviewkit.cli import main
    from reviewkit.tui import app

    project, _ids = b_included
    monkeypatch.setattr(app, "run_app", lambda _app: None)  # the screen opened and was quit
    argv = ["confirm", "--project", str(project.folder), "--reviewer", "lead"]
    assert main([*argv, "--scheme", "diagnosis"]) == 0
    at = f"--project {project.folder}"
    assert capsys.readouterr().out.strip() == (
        "lead at Diagnosis group: confirmed 0 of 3; every label is saved;"
        " next: Model of collaboration: 3 studies unconfirmed"
        f" (reviewkit confirm --reviewer lead --scheme model-type {at});"
        " Severe mental illness (flag): 3 studies unconfirmed"
        f" (reviewkit confirm --reviewer lead --scheme severe-mental-illness {at})"
    )


def test_with_all_the_next_schemes_line_keeps_all(b_included, store, monkeypatch, capsys):
    """`confirm --all` counts every study, screened out or not: the line naming the next scheme
    keeps --all, or it opens the included studies only, fewer than it counted (rd43c)."""
    from reviewkit.cli import main
    from reviewkit.tui import app

    project, _ids = b_included
    store(project, [Record(title="A study nobody screened in", year=2021)], "snowballing")
    monkeypatch.setattr(app, "run_app", lambda _app: None)  # the screen opened and was quit
    argv = ["confirm", "--project", str(project.folder), "--reviewer", "lead", "--all"]
    assert main([*argv, "--scheme", "diagnosis"]) == 0
    said = capsys.readouterr().out
    assert "Model of collaboration: 4 studies unconfirmed" in said
    assert f"--scheme model-type --all --project {project.folder})" in said
