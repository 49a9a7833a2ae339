"""A finished reviewer's idle screen follows the partner's votes and attachments. Two reviewers
screening at once (screens40 walk): the one who finished first was told "next: title-abstract:
1 record for another reviewer", and the line stayed so on the idle screen after the other's vote
had made a conflict for the lead. Once every record has my decision, others' votes seen by the
timer's look tell where work waits now. The order line of a finished queue ('Queue done: every
record here has your decision · next: …') follows them too (tui44): the message line was told
where work waits after the partner's last vote, but the order line kept 'next: title-abstract:
1 record for another reviewer' under it, read once for my last vote and not again."""

from __future__ import annotations

import asyncio

from screening.helpers import until
from tui.helpers import TA, shown, unwrapped

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_next_steps_of_a_finished_reviewer_follow_the_partner_s_votes(team) -> None:
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "include")
    said: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("i")  # maria's last record
            await until(pilot, lambda: "Queue done" in shown(app, "#rank"), "the done line")
            said["done"] = shown(app, "#rank")  # the steps, said there once (tui44)
            scr.decide(project.db, ids[2], TA, "tom", "exclude", "not-employees")
            s = app.first_screen
            s.last_key = 0.0  # no key for a while: the look takes others' votes
            s.look_for_changes()
            await until(pilot, lambda: "conflict" in shown(app, "#rank"), "the line read again")
            said["after"], said["message"] = shown(app, "#rank"), shown(app, "#message")
            await pilot.press("q")

    asyncio.run(go())
    assert "1 record for another reviewer" in said["done"], said["done"]
    assert "1 conflict for a lead" in said["after"], said["after"]
    assert "another reviewer" not in said["after"], said["after"]
    assert said["message"] == (
        "every record here has your decision; others' votes came: next: see 'Queue done' at the top"
    ), said["message"]


def test_a_full_text_the_partner_attaches_shows_on_the_idle_screen(team, tmp_path) -> None:
    """Both reviewers on the same record at full text: anna attached the PDF, and ben's screen
    still said "Full text: none attached (a to attach)", inviting him to find it again."""
    from tui.helpers import FT, to_full_text

    project, ids = team
    to_full_text(project, ids[0])
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    rows: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            rows["before"] = shown(app, "#mine")
            scr.attach(project.db, ids[0], str(pdf), added_by="maria")
            s = app.first_screen
            s.last_key = 0.0
            s.look_for_changes()
            await pilot.pause()
            rows["after"], rows["said"] = shown(app, "#mine"), shown(app, "#message")
            await pilot.press("q")

    asyncio.run(go())
    assert "none attached (a to attach)" in rows["before"], rows["before"]
    assert unwrapped(f"Full text (o to open, a to replace): {pdf}") in unwrapped(rows["after"]), (
        rows["after"]
    )
    assert f"a full text was attached to record {ids[0]} meanwhile" in rows["said"], rows["said"]


def test_the_done_line_is_read_again_when_the_partner_s_vote_changes_what_comes_next(team):
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "include")
    rows: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("i")  # maria's last record
            s = app.first_screen
            await until(pilot, lambda: "Queue done" in shown(app, "#rank"), "the done line")
            rows["done"] = shown(app, "#rank")
            scr.decide(project.db, ids[2], TA, "tom", "exclude", "not-employees")
            s.last_key = 0.0  # no key for a while: the look takes others' votes
            s.look_for_changes()
            await until(pilot, lambda: "conflict" in shown(app, "#rank"), "the line read again")
            rows["after"] = shown(app, "#rank")
            await pilot.press("q")

    asyncio.run(go())
    assert "1 record for another reviewer" in rows["done"], rows["done"]
    assert "1 conflict for a lead" in rows["after"], rows["after"]
    assert "another reviewer" not in rows["after"], rows["after"]
