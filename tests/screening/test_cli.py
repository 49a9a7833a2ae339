"""The screening commands through the CLI: good runs and bad input (exit 2, nothing written)."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store.decisions import list_decisions
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


def cli(project, *args):
    return main([args[0], "--project", str(project.folder), *args[1:]])


@pytest.fixture
def voted(project_b):
    ids = add_records(project_b, make_records(4))
    labels = [
        ("include", "include"),
        ("include", "exclude"),
        ("exclude", "exclude"),
        ("uncertain", "include"),
    ]
    for study, (l1, l2) in zip(ids, labels, strict=True):
        scr.decide(project_b.db, study, TA, "reviewer1", l1, "long-term" if l1 == "exclude" else "")
        scr.decide(project_b.db, study, TA, "reviewer2", l2, "long-term" if l2 == "exclude" else "")
    return project_b, ids


def test_screen_refuses_an_unknown_reviewer_or_stage(voted, capsys):
    project, _ = voted
    before = list_decisions(project.db)
    assert cli(project, "screen", "--reviewer", "mallory") == 2
    err = capsys.readouterr().err
    assert "'mallory' is not a reviewer" in err and "reviewer1 and reviewer2" in err
    assert cli(project, "screen", "--reviewer", "reviewer1", "--stage", "abstract") == 2
    assert list_decisions(project.db) == before


def test_screen_and_conflicts_open_their_apps(voted, monkeypatch):
    project, _ = voted
    ran = []

    def run(app):
        screen = app.first_screen
        if isinstance(screen, ScreeningScreen):
            ran.append((screen.queue.reviewer, screen.queue.stage))
        else:
            ran.append((screen.resolver, len(screen.views)))

    monkeypatch.setattr(ReviewkitApp, "run", run)
    assert (
        cli(project, "screen", "--reviewer", "reviewer2", "--stage", "full-text", "--seed", "3")
        == 0
    )
    assert cli(project, "conflicts", "--resolver", "lead") == 0
    assert ran == [("reviewer2", "full-text"), ("lead", 1)]


def test_conflicts_list_and_blinding(voted, capsys):
    project, ids = voted
    assert cli(project, "conflicts", "--resolver", "lead", "--list") == 0
    out = capsys.readouterr().out
    # reasons in the protocol's words, as the screens show them, not its codes
    assert f"{ids[1]}\topen" in out and "reviewer2: exclude (Out of work a year or more)" in out
    assert "(long-term)" not in out
    scr.resolve(project, ids[1], TA, "lead", "exclude", reason="long-term", note="checked")
    assert cli(project, "conflicts", "--resolver", "lead", "--list") == 0
    out = capsys.readouterr().out
    assert "final by lead: exclude (Out of work a year or more) — checked" in out
    # a reviewer may not look while the stage is open
    add_records(project, make_records(1, prefix="Late"), source="late")
    assert cli(project, "conflicts", "--resolver", "reviewer1", "--list") == 2
    assert "unblind" in capsys.readouterr().err


def test_agreement_text_and_csv(voted, tmp_path, capsys):
    project, _ = voted
    out_csv = tmp_path / "agreement.csv"
    assert cli(project, "agreement", "--stage", TA, "--csv", str(out_csv)) == 0
    out = capsys.readouterr().out
    # pairs: (i,i) (i,e) (e,e) (u,i): p_o = 2/4
    assert "percent agreement  50.0%" in out and "uncertain" in out
    assert out_csv.read_text().startswith("stage,reviewer_a,reviewer_b,label_a,label_b,count")
    # its title and notes beside it, as every CSV reviewkit writes
    notes = (tmp_path / "agreement.notes.txt").read_text(encoding="utf-8")
    assert notes.startswith("agreement.csv: Agreement between reviewers") and "label_a" in notes
    assert cli(project, "agreement") == 0
    assert "Stage full-text" in capsys.readouterr().out


def test_attach_command(voted, tmp_path, capsys):
    project, ids = voted
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert cli(project, "attach", "pmid:1001", str(pdf)) == 0
    assert f"record {ids[0]}: attached file" in capsys.readouterr().out
    assert cli(project, "attach", "pmid:1001", str(tmp_path / "nope.pdf")) == 2
    assert cli(project, "attach", "pmid:77", "https://example.org/x.pdf") == 2
    assert "no record matches" in capsys.readouterr().err


def test_undo_after_restart_in_the_tui(project_b):
    add_records(project_b, make_records(3))
    folder = project_b.folder

    async def session(keys):
        project = open_project(folder)
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "reviewer1")), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press(*keys)
            current = app.first_screen.current
        project.close()
        return current

    project_b.close()
    asyncio.run(session(["i", "u", "q"]))
    where = asyncio.run(session(["z"]))
    project = open_project(folder)
    try:
        log = list_decisions(project.db)
        assert [d.label for d in log] == ["include", "uncertain", "undo"]
        assert log[2].undoes == log[1].id and where == log[1].record_id
    finally:
        project.close()
