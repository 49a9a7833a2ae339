"""`reviewkit screen` says where the reviewer stopped when the screen closes: it left nothing on
the terminal, so a reviewer quitting in the middle had no word that the votes were kept."""

from __future__ import annotations

import shlex

from conftest import add_records, write_lock
from screening.helpers import make_records

from reviewkit import screening
from reviewkit.cli import main
from reviewkit.tui import app as tui_app


def _screen(project, monkeypatch, capsys, reviewer, *stage: str) -> str:
    """What `reviewkit screen` prints with ``reviewer`` (a Pilot coroutine) at the keyboard
    (``stage``: the ``--stage`` words, if any)."""
    run = tui_app.run_app
    monkeypatch.setattr(
        tui_app, "run_app", lambda app: run(app, headless=True, auto_pilot=reviewer)
    )
    folder = str(project.folder)
    args = ["screen", "--reviewer", "reviewer1", "--no-rank", "--project", folder, *stage]
    assert main(args) == 0
    return capsys.readouterr().out


def test_quitting_the_screen_prints_what_is_decided_and_left(project_b, monkeypatch, capsys):
    """Quit partway, the line had no 'next' where every other command's has one: it names this
    stage first, with the command that goes on with it, and what waits for the other."""
    add_records(project_b, make_records(3))

    async def reviewer(pilot):  # a person at the keyboard: one include, then quit
        await pilot.pause()
        await pilot.press("i")
        await pilot.press("q")

    monkeypatch.chdir(project_b.folder)  # working in the project: no --project to name
    assert _screen(project_b, monkeypatch, capsys, reviewer).endswith(
        "reviewer1 at title-abstract: 1 record decided, 2 remaining; every decision is saved;"
        " next: title-abstract: 2 records wait for you"
        " (reviewkit screen --reviewer reviewer1 --stage title-abstract),"
        " 1 record for another reviewer\n"
    )


def test_quitting_partway_names_this_stage_before_an_earlier_one(project_a, monkeypatch, capsys):
    """Quit partway at full text while new records wait at title-abstract too, the line named
    title-abstract first (the protocol's order): 'this stage first', the README and the
    screen's docstring say, so the command that goes on where the reviewer stopped leads."""
    records = make_records(4)
    add_records(project_a, records[:2])
    queue = screening.ReviewerQueue(project_a, "title-abstract", "reviewer1")
    for study in list(queue.studies):
        queue.decide(study, "include")  # one reviewer a record: both go on to full text
    add_records(project_a, records[2:])  # new records wait at title-abstract

    async def reviewer(pilot):  # one full-text include, then quit
        await pilot.pause()
        await pilot.press("i")
        await pilot.press("q")

    monkeypatch.chdir(project_a.folder)
    out = _screen(project_a, monkeypatch, capsys, reviewer, "--stage", "full-text")
    assert out.endswith(
        "reviewer1 at full-text: 1 record decided, 1 remaining; every decision is saved;"
        " next: full-text: 1 record waits for you"
        " (reviewkit screen --reviewer reviewer1 --stage full-text),"
        " 1 record for another reviewer; title-abstract: 2 records wait for you"
        " (reviewkit screen --reviewer reviewer1 --stage title-abstract)\n"
    )


def test_ctrl_q_with_keys_kept_for_a_busy_database_says_they_were_not_saved(
    project_b, monkeypatch, capsys
):
    """ctrl+q quits at once, without the keys a busy database kept: the line said 'every
    decision is saved' with two decisions never written."""
    add_records(project_b, make_records(3))

    async def reviewer(pilot):  # one include saved, then two kept by an import's lock, ctrl+q
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        with write_lock(project_b):
            await pilot.press("i", "e")
            await pilot.pause()
            assert pilot.app.screen.waiting == 2
            await pilot.press("ctrl+q")

    monkeypatch.chdir(project_b.folder)
    assert _screen(project_b, monkeypatch, capsys, reviewer).endswith(
        "reviewer1 at title-abstract: 1 record decided, 2 remaining; 2 keys pressed while the"
        " database was busy were not saved (ctrl+q quit before it was free): open the screen"
        " again and press them again; next: title-abstract: 2 records wait for you"
        " (reviewkit screen --reviewer reviewer1 --stage title-abstract),"
        " 1 record for another reviewer\n"
    )


def test_quitting_with_nothing_left_names_the_next_stage_and_its_command(
    project_a, monkeypatch, capsys
):
    """Review A's reviewer done with title-abstract read 'next: full-text: … (reviewkit screen
    --stage full-text)' on the message line, but the closed screen took it off the terminal:
    the line printed after it said '0 remaining' alone, and the next command was lost."""
    add_records(project_a, make_records(2))

    async def reviewer(pilot):  # includes both records, then quits
        await pilot.pause()
        await pilot.press("i", "i")
        await pilot.pause()
        await pilot.press("q")

    monkeypatch.chdir(project_a.folder)  # working in the project: no --project to name
    out = _screen(project_a, monkeypatch, capsys, reviewer)
    assert out.endswith(
        "reviewer1 at title-abstract: 2 records decided, 0 remaining; every decision is saved;"
        " next: full-text: 2 records wait for you"
        " (reviewkit screen --reviewer reviewer1 --stage full-text)\n"
    )


def test_the_next_command_names_the_project_given_and_runs_on_it_when_copied(
    project_a, tmp_path, monkeypatch, capsys
):
    """The line said 'reviewkit screen --stage full-text' to a reviewer who had typed
    --project: copied into the same terminal, it opened the current folder's project (or
    none), not theirs; and it lacked the --reviewer that screen requires (it takes no name by
    default), so the copied line was refused. It names the project and the reviewer, and the
    copied line, as it is, opens the project at full text."""
    add_records(project_a, make_records(2))
    monkeypatch.chdir(tmp_path)  # another folder than the project's
    run = tui_app.run_app

    async def include_both(pilot):
        await pilot.pause()
        await pilot.press("i", "i")
        await pilot.pause()
        await pilot.press("q")

    out = _screen(project_a, monkeypatch, capsys, include_both)
    command = out.rsplit("(", 1)[1].removesuffix(")\n")
    assert command == (
        f"reviewkit screen --reviewer reviewer1 --stage full-text --project {project_a.folder}"
    )

    async def look(pilot):
        await pilot.pause()
        await pilot.press("q")

    monkeypatch.setattr(tui_app, "run_app", lambda app: run(app, headless=True, auto_pilot=look))
    words = shlex.split(command)[1:]  # as copied: it names the reviewer (screen takes no default)
    assert main([*words, "--no-rank"]) == 0
    assert capsys.readouterr().out.startswith("reviewer1 at full-text: 0 records decided, 2")
