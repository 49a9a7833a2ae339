"""A whole review through the terminal app: Review B imported, screened, resolved and confirmed
with keys in :class:`ReviewkitApp`, then reported through the CLI.

The same review as ``test_end_to_end.py``, but every decision is a key press in the real
screens (Pilot), as a reviewer makes it; the report's PRISMA numbers and table prove the keys
landed.
"""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path

from conftest import Caught
from review_b_files import CSV_ROWS, PROTOCOL_B, RIS, report_of_review_b, run

from reviewkit import screening
from reviewkit.project import Project, open_project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.messages import Confirmed, Decided, Resolved
from reviewkit.tui.screening import ScreeningScreen

TA, FT = "title-abstract", "full-text"
SIZE = (100, 34)


def keys_for(project: Project, stage: str, label: str, reason: str = "") -> tuple[str, ...]:
    """The keys that make a decision: i, u, or e and the reason's number."""
    if label != "exclude":
        return ("i" if label == "include" else "u",)
    codes = [r.code for r in project.protocol.stage(stage).exclusion_reasons]
    return ("e", str(codes.index(reason) + 1))


def screen_all(project: Project, stage: str, reviewer: str, wanted: dict[int, tuple]) -> list:
    """Screen a reviewer's whole queue with keys; the Decided messages the screen posted."""
    decided = Caught(Decided)
    app = ReviewkitApp(
        ScreeningScreen(screening.ReviewerQueue(project, stage, reviewer)), keymap={}
    )

    async def go() -> None:
        async with app.run_test(size=SIZE, message_hook=decided) as pilot:
            screen = app.first_screen
            for _ in range(len(wanted)):
                await pilot.press(*keys_for(project, stage, *wanted[screen.current]))
            assert screen.queue.remaining == 0
            await pilot.press("q")

    asyncio.run(go())
    assert app.return_code == 0
    return [(d.study, d.label, d.reason) for d in decided]


def resolve_all(project: Project, stage: str, wanted: dict[int, tuple]) -> list:
    resolved = Caught(Resolved)
    app = ReviewkitApp(ConflictsScreen(project, stage, "lead"), keymap={})

    async def go() -> None:
        async with app.run_test(size=SIZE, message_hook=resolved) as pilot:
            screen = app.first_screen
            for view in list(screen.views):
                await pilot.press(*keys_for(project, stage, *wanted[view.study_id]))
            await pilot.press("q")

    asyncio.run(go())
    return [(r.study, r.label, r.reason) for r in resolved]


def confirm_all(project: Project, ids: list[int]) -> list:
    confirmed = Caught(Confirmed)
    app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "reviewer1"), keymap={})

    async def go() -> None:
        async with app.run_test(size=(120, 40), message_hook=confirmed) as pilot:
            for _ in ids:
                await pilot.pause()
                await pilot.press("enter")  # accept the rules' suggestion
            await pilot.pause()
            await pilot.press("q")

    asyncio.run(go())
    return [(c.study, c.labels) for c in confirmed]


def test_review_b_screened_with_keys_from_import_to_report(tmp_path: Path) -> None:
    folder = tmp_path / "review-b"
    run("init", str(folder), "--protocol", str(PROTOCOL_B))
    (tmp_path / "scholar.ris").write_text(RIS, encoding="utf-8")
    with open(tmp_path / "snowball.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(CSV_ROWS)
    for path, source in (("scholar.ris", "Google Scholar"), ("snowball.csv", "snowballing")):
        run("import", str(tmp_path / path), "--source", source, "--project", str(folder))
    run("dedup", "--project", str(folder))

    project = open_project(folder)
    try:
        titles = {
            screening.read_record(project.db, s).title[:20]: s
            for s in screening.stage_outcomes(project, TA)
        }
        ips, coord, cbt, survey, team = (
            titles[t]
            for t in (
                "Individual placement",
                "A return-to-work coo",
                "Work-focused cogniti",
                "Sickness absence amo",
                "Multidisciplinary te",
            )
        )
        agreed = {
            ips: ("include",),
            coord: ("include",),
            team: ("include",),
            survey: ("exclude", "wrong-population"),
        }
        first = screen_all(project, TA, "reviewer1", {**agreed, cbt: ("exclude", "health-only")})
        second = screen_all(project, TA, "reviewer2", {**agreed, cbt: ("uncertain",)})
        assert len(first) == len(second) == 5
        assert (cbt, "exclude", "health-only") in first and (cbt, "uncertain", "") in second
        assert screening.stage_outcomes(project, TA)[cbt].status == "conflict"

        resolved = resolve_all(project, TA, {cbt: ("exclude", "health-only")})
        assert resolved == [(cbt, "exclude", "health-only")]

        full_text = {ips: ("include",), coord: ("include",), team: ("exclude", "long-term")}
        for reviewer in ("reviewer1", "reviewer2"):
            assert sorted(screen_all(project, FT, reviewer, full_text)) == sorted(
                [(ips, "include", ""), (coord, "include", ""), (team, "exclude", "long-term")]
            )
        included = sorted(screening.included(project))
        assert included == sorted([ips, coord])

        assert sorted(confirm_all(project, included)) == sorted(
            [(ips, ["job-specialist"]), (coord, ["coordinator"])]
        )
    finally:
        project.close()

    report_of_review_b(folder, tmp_path / "exports")
