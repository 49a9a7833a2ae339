"""What a reviewer sees is true: one vote per record in a one-reviewer stage, attachments that
exist, 'o' that says when nothing opened, one record number, and q Quit at 80x24."""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from conftest import add_records
from screening.helpers import keys_only, make_records
from tui.helpers import settled_footer

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.errors import UserError
from reviewkit.screening.lookup import readable_file
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA, FT = "title-abstract", "full-text"


def vote(project, study, reviewer, label, reason=""):
    return scr.decide(project.db, study, TA, reviewer, label, reason, protocol=project.protocol)


def test_one_reviewer_stage_refuses_a_second_vote_on_a_decided_record(project_a):
    a, b = add_records(project_a, make_records(2))
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2")  # opened before reviewer1 decides
    assert a in q2.studies
    vote(project_a, a, "reviewer1", "include")
    with pytest.raises(scr.AlreadyDecided, match="decided by another reviewer") as caught:
        q2.decide(a, "exclude", "wrong-outcome")
    assert "include" not in str(caught.value)  # the other reviewer's label stays hidden
    assert scr.stage_outcomes(project_a, TA)[a].status == "include"  # no silent conflict
    assert q2.next_open(0) == q2.studies.index(b)  # a has left reviewer2's queue
    assert a not in scr.ReviewerQueue(project_a, TA, "reviewer2").studies
    vote(project_a, a, "reviewer1", "exclude", "wrong-outcome")  # one's own vote may change
    vote(project_a, b, "reviewer1", "uncertain")
    vote(project_a, b, "reviewer2", "include")  # 'uncertain' still calls in a second reviewer


def test_the_screen_says_so_and_moves_on_when_another_reviewer_took_the_record(project_a):
    add_records(project_a, make_records(3))
    screen = keys_only(ScreeningScreen(scr.ReviewerQueue(project_a, TA, "reviewer2")))
    app = ReviewkitApp(screen, keymap={})

    async def go():
        async with app.run_test(size=(100, 34)) as pilot:
            screen = app.first_screen
            first = screen.current
            vote(project_a, first, "reviewer1", "exclude", "wrong-outcome")  # another terminal
            await pilot.press("i")
            assert "decided by another reviewer" in screen.message
            assert screen.current != first
            await pilot.press("q")

    asyncio.run(go())
    with sqlite3.connect(project_a.database_path) as conn:
        votes = conn.execute("SELECT reviewer, label FROM decisions").fetchall()
    assert votes == [("reviewer1", "exclude")]


def test_attach_accepts_only_a_readable_regular_file(project_a, tmp_path):
    (a,) = add_records(project_a, make_records(1))
    with pytest.raises(UserError, match="is a folder, not a file"):
        scr.attach(project_a.db, a, str(tmp_path))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="is a pipe, socket or device, not a file"):
        scr.attach(project_a.db, a, str(fifo))
    with pytest.raises(UserError, match="no such file"):
        scr.attach(project_a.db, a, str(tmp_path / "missing.pdf"))


def test_attach_refuses_an_unreadable_file():
    # root reads every file, so the check runs in a forked child that has dropped to 'nobody'
    folder = Path(
        tempfile.mkdtemp()
    )  # pytest's tmp_path sits in a 0700 folder 'nobody' can't enter
    folder.chmod(0o755)
    secret = folder / "secret.pdf"
    secret.write_bytes(b"%PDF")
    secret.chmod(0)
    pid = os.fork()
    if pid == 0:  # the child: only os._exit leaves it
        code = 2
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            readable_file(secret)
            code = 3  # accepted: the defect this test looks for
        except UserError as exc:
            code = 0 if "cannot read the file" in str(exc) else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    shutil.rmtree(folder)
    assert os.waitstatus_to_exitcode(status) == 0


def test_attach_cli_refuses_a_folder_with_exit_2(project_a, tmp_path, capsys):
    (a,) = add_records(project_a, make_records(1))
    project_a.close()
    code = main(["attach", "--project", str(project_a.folder), str(a), str(tmp_path)])
    assert code == 2
    assert "is a folder, not a file" in capsys.readouterr().err


def _full_text_app(project, opener):
    (a,) = add_records(project, make_records(1))
    vote(project, a, "reviewer1", "include")  # one reviewer at title-abstract in Review A
    return a, ReviewkitApp(
        ScreeningScreen(scr.ReviewerQueue(project, FT, "reviewer1"), opener=opener), keymap={}
    )


def test_open_says_when_nothing_could_open_the_file(project_a, tmp_path):
    a, app = _full_text_app(project_a, lambda url: False)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    scr.attach(project_a.db, a, str(pdf))

    async def go():
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("o")
            assert app.first_screen.message.endswith(f"open it yourself:\n{pdf}")
            pdf.unlink()
            await pilot.press("o")
            assert "is no longer there" in app.first_screen.message
            await pilot.press("q")

    asyncio.run(go())


def test_open_says_what_to_do_within_80_columns(project_a, tmp_path):
    """The message read "could not open file:///…/paper.pdf: no browser or viewer found here;
    open it yourself": at 80 columns the line was cut before what to do."""
    a, app = _full_text_app(project_a, lambda url: False)
    folder = tmp_path / "full texts of the included studies"
    folder.mkdir()
    pdf = folder / "Hansen 2019 multidisciplinary return to work.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    scr.attach(project_a.db, a, str(pdf))

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("o")
            await pilot.pause()
            shown = app.first_screen.query_one("#message").render_line(0).text
            assert "no browser or viewer here: open it yourself" in shown
            await pilot.press("q")

    asyncio.run(go())


def test_open_shows_the_whole_path_it_could_not_open_at_80x24(project_a, tmp_path):
    """The URL wrapped onto a second line the one-line message area did not show: the area
    grows to show all of the file's path, and the record's pane gives the lines back on the next message."""
    a, app = _full_text_app(project_a, lambda url: False)
    folder = tmp_path / "full texts of the included studies" / "Review B" / "second batch"
    folder.mkdir(parents=True)
    pdf = folder / "Hansen 2019 multidisciplinary return to work intervention.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    scr.attach(project_a.db, a, str(pdf))
    path = str(pdf)  # the path, not its file:// URL (%20 for each space)
    assert len(path) > 2 * 78  # longer than two lines of the message area

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            record = app.first_screen.query_one("#record")
            before = record.size.height
            await pilot.press("o")
            await pilot.pause()
            message = app.first_screen.query_one("#message")
            shown = [message.render_line(y).text.strip() for y in range(message.size.height)]
            assert shown[0].startswith("no browser or viewer here: open it yourself")
            # every character of it, on lines of its own (wrapped at a space or in a word)
            assert path.replace(" ", "") in "".join(shown[1:]).replace(" ", "")
            assert app.first_screen.query_one("Footer").region.bottom == 24  # still in view
            assert record.size.height < before
            await pilot.press("j")  # the next message is one line again: the pane is whole
            await pilot.pause()
            assert message.size.height == 1
            assert record.size.height == before
            await pilot.press("q")

    asyncio.run(go())


def test_header_and_body_name_the_same_record(project_a):
    add_records(project_a, make_records(5))
    app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_a, TA, "reviewer1")), keymap={})

    async def go():
        async with app.run_test(size=(100, 34)) as pilot:
            screen = app.first_screen
            await pilot.press("j", "j")
            study = screen.current
            header = str(screen.query_one("#status").render())
            assert f"record {study} (3 of 5)" in header
            assert f"Record {study}" in screen.query_one("#record").plain
            await pilot.press("q")

    asyncio.run(go())


@pytest.mark.parametrize("stage", [TA, FT])
def test_the_footer_keeps_help_and_quit_at_80x24(project_a, stage):
    for a in add_records(project_a, make_records(2)):
        vote(project_a, a, "reviewer1", "include")  # so that the full-text stage has records
    app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_a, stage, "reviewer1")), keymap={})

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            keys = await settled_footer(pilot)  # laid out: a key past the edge has no region
            fits = {key.description for key in keys if key.region.width and key.region.right <= 80}
            # every key the footer shows, at both stages (the full-text stage's a and o had
            # pushed / Search and g Go to off it: they are named on the "Full text:" line)
            assert fits == {key.description for key in keys}
            assert {"Include", "Exclude…", "Uncertain", "Undo", "Help", "Quit"} <= fits
            assert {"Search", "Go to"} <= fits
            if stage == FT:
                assert "(a to attach)" in str(app.first_screen.query_one("#mine").render())
            await pilot.press("q")

    asyncio.run(go())


def test_includes_left_never_says_after_your_first_decision_once_there_is_one():
    from reviewkit.ranking.queue import RankStatus

    before = RankStatus("random", None, 0, 0, 5, 5, None, False)
    assert "Includes left: after a vote" in before.describe()
    after = RankStatus("random", None, 1, 0, 5, 5, None, True)  # decided; estimate not back yet
    assert "after a vote" not in after.describe()
    assert "Includes left: estimating…" in after.describe()
