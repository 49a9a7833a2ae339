"""A study with three reviewers' votes: a protocol may list three reviewers with two votes per
record (the demo's); a third vote on a record that has its two is refused, saying why, and
three reviewers' votes on one study come from a dedup merge of two records screened apart
(one included, one excluded: a conflict for the lead). The screen showed the votes of the
record the study keeps alone (two includes), not the excludes that made the conflict; it shows
every record's votes, each reviewer named with the record. The conflicts screen then shows all three, side by side, at 80x24."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.dedup.engine import merge_records
from reviewkit.project import init_project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen

TA = "title-abstract"
DEMO = Path(__file__).resolve().parents[2] / "protocols" / "demo-work-health.toml"


def test_three_reviewers_votes_on_one_study_show_side_by_side(tmp_path):
    project = init_project(tmp_path / "demo", DEMO)
    proto = project.protocol
    assert len(proto.reviewers) == 3 and proto.stages[TA].reviewers_per_record == 2
    a, b = add_records(project, make_records(2))
    reason = proto.stages[TA].exclusion_reasons[0]
    for reviewer in ("demo-reviewer-1", "demo-reviewer-2"):
        scr.decide(project.db, a, TA, reviewer, "include", protocol=proto)
    with pytest.raises(scr.AlreadyDecided, match="needs 2 votes per record and has them"):
        scr.decide(project.db, a, TA, "you", "exclude", reason.code, protocol=proto)
    for reviewer in ("demo-reviewer-1", "you"):  # the same study, imported twice
        scr.decide(project.db, b, TA, reviewer, "exclude", reason.code, protocol=proto)
    merge_records(project.db, a, b, "lead")  # one study, included and excluded: a conflict
    (view,) = scr.conflicts(project, TA, "lead")
    assert [(name, label) for name, label, *_ in view.votes] == [
        ("demo-reviewer-1 (record 1)", "include"),
        ("demo-reviewer-2 (record 1)", "include"),
        ("demo-reviewer-1 (record 2)", "exclude"),  # the votes that make it a conflict
        ("you (record 2)", "exclude"),
    ]
    rows: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            rows.extend(s.text for s in app.screen._compositor.render_strips())
            await pilot.press("i", "enter")  # the lead's final include, no note
            await pilot.pause()
            await pilot.press("q")

    asyncio.run(go())
    names = next(r for r in rows if "demo-reviewer-1" in r)
    assert all(n in names for n in ("demo-reviewer-2", "you (record 2)"))  # one row of panes
    panes = " ".join(rows[rows.index(names) : rows.index(names) + 6])
    assert panes.count("include") == 2 and panes.count("exclude") == 2
    assert "Reason: Not" in panes  # the exclusions' reason shows
    assert scr.DerivedStages(project).outcomes(TA)[view.study_id].status == "include"
    project.close()
