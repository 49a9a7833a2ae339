"""`reviewkit conflicts` and `reviewkit dedup review` say where the lead stopped when the screen
closes, as `screen`, `confirm` and `extract edit` do: they left nothing on the terminal, so a
lead who resolved a year's conflicts quit to an empty prompt, with no word of what was saved
or what waits next."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import TITLE, rec
from dedup.review_setup import BARE
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.tui import app as tui_app


def _run(monkeypatch, capsys, person, *args: str) -> str:
    """What the command prints with ``person`` (a Pilot coroutine) at the keyboard."""
    run = tui_app.run_app
    monkeypatch.setattr(tui_app, "run_app", lambda app: run(app, headless=True, auto_pilot=person))
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_conflicts_says_what_is_resolved_and_open(project_b, monkeypatch, capsys):
    monkeypatch.chdir(project_b.folder)  # the commands named need no --project
    ids = add_records(project_b, make_records(3))
    for study in ids[:2]:  # two conflicts; the third record waits for both reviewers
        scr.decide(project_b.db, study, "title-abstract", "reviewer1", "include")
        scr.decide(project_b.db, study, "title-abstract", "reviewer2", "exclude", "long-term")
    scr.decide(project_b.db, ids[2], "title-abstract", "reviewer1", "include")

    async def lead(pilot):  # one final include (Enter: no note), then quit
        await pilot.pause()
        await pilot.press("i")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("q")

    folder = str(project_b.folder)
    out = _run(monkeypatch, capsys, lead, "conflicts", "--resolver", "lead", "--project", folder)
    assert out.endswith(
        "lead at title-abstract: 1 conflict resolved, 1 open; every final decision is saved;"
        " next: title-abstract: 1 record for the reviewers, 1 conflict for a lead (reviewkit"
        " conflicts --resolver lead); full-text: 1 record for the reviewers\n"
    ), out


def test_dedup_review_says_what_is_decided_and_left(project_b, monkeypatch, capsys):
    add_records(project_b, [rec(**BARE), rec(**BARE, title=TITLE.upper(), source="Embase")])
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) == 1

    async def lead(pilot):  # one verdict, then quit
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("q")

    folder = str(project_b.folder)
    args = ("dedup", "review", "--reviewer", "lead", "--project", folder)
    out = _run(monkeypatch, capsys, lead, *args)
    assert out.endswith(
        "lead at dedup review: 1 pair decided, 0 in queue; every verdict is saved; next:"
        " title-abstract: 2 records for the reviewers\n"
    ), out


def test_dedup_review_quit_partway_names_the_pairs_left_and_the_command(
    project_b, monkeypatch, capsys
):
    """Quit with pairs left, the line had no 'next' where every other command's has one."""
    title = "Exercise at the workplace for low back pain: a cluster randomised trial"
    add_records(
        project_b,
        [
            *(rec(**BARE), rec(**BARE, title=TITLE.upper(), source="Embase")),
            *(rec(**BARE, title=title), rec(**BARE, title=title.upper(), source="Embase")),
        ],
    )
    engine.run_dedup(project_b.db)
    assert len(engine.questions(engine.review_queue(project_b.db))) == 2

    async def lead(pilot):  # one verdict, then quit
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("q")

    monkeypatch.chdir(project_b.folder)  # working in the project: no --project to name
    out = _run(monkeypatch, capsys, lead, "dedup", "review", "--reviewer", "lead")
    assert out.endswith(
        "lead at dedup review: 1 pair decided, 1 in queue; every verdict is saved; next:"
        " dedup review: 1 pair left (reviewkit dedup review --reviewer lead)\n"
    ), out


def test_dedup_review_with_none_left_names_the_reviewer_s_next_command(
    project_b, monkeypatch, capsys
):
    """A reviewer whose dedup queue is empty read 'No pairs left to review.' and, on quitting,
    '… 0 in queue; every verdict is saved', with no word of the screening that waits for them,
    as screen and conflicts now say (screening.work_left, the one place). At 80x24."""
    monkeypatch.chdir(project_b.folder)  # the commands named need no --project
    add_records(project_b, make_records(2))  # two studies, no pair to review
    seen = []

    async def reviewer(pilot):
        await pilot.pause()
        seen.append(str(pilot.app.screen.query_one("#records").render()))
        await pilot.press("q")

    run = tui_app.run_app
    monkeypatch.setattr(
        tui_app,
        "run_app",
        lambda app: run(app, headless=True, auto_pilot=reviewer, size=(80, 24)),
    )
    folder = str(project_b.folder)
    assert main(["dedup", "review", "--reviewer", "reviewer1", "--project", folder]) == 0
    out = capsys.readouterr().out
    then = (
        "title-abstract: 2 records wait for you"
        " (reviewkit screen --reviewer reviewer1 --stage title-abstract)"
    )
    assert out.endswith(
        f"reviewer1 at dedup review: 0 pairs decided, 0 in queue; every verdict is saved; next:"
        f" {then}\n"
    ), out
    assert seen == [f"No pairs left to review. Next: {then}."]
