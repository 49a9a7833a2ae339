"""The status line on a narrow terminal keeps whose votes these are and at which stage: at 60
columns the screening line was cut at its end by Textual's ellipsis, the reviewer's name lost
and the stage cut ('title-abstr…'), where in blinded screening a reviewer must see whom a key
records votes for. The parts before them give way now: the place shortened or dropped ('…'), then
the stage cut beside the figure, the reviewer whole while it fits (reviewkit.tui.status_line)."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.extract import ExtractScreen
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.status_line import fitted


def _status_rows(app: ReviewkitApp, sizes: list[tuple[int, int]]) -> list[str]:
    rows: list[str] = []

    async def go() -> None:
        async with app.run_test(size=sizes[0]) as pilot:
            for size in sizes:
                await pilot.resize_terminal(*size)
                for _ in range(3):
                    await pilot.pause()
                rows.append(app.screen.query_one("#status").render_line(0).text.strip())
            await pilot.press("q")

    asyncio.run(go())
    return rows


def test_the_screening_status_line_keeps_the_stage_and_reviewer_when_narrow(team):
    project, _ = team
    queue = scr.ReviewerQueue(project, TA, "maria")
    app = ReviewkitApp(ScreeningScreen(queue), keymap={})
    wide, narrow, narrower, again = _status_rows(app, [(100, 24), (60, 20), (36, 20), (100, 24)])
    assert wide.startswith("remaining 3 · decided 0 · record") and wide == again, (wide, again)
    assert wide.endswith(f"· {TA} · maria"), wide  # whole where it fits
    # narrower: the figure first and the stage and reviewer whole, the place given way
    assert narrow.startswith("remaining 3 · ") and narrow.endswith(f"{TA} · maria"), narrow
    # narrower still: the stage cut beside the figure, a '…' where the others were
    assert narrower.startswith("remaining 3 · … · title-") and narrower.endswith(" · maria"), (
        narrower
    )


def test_the_conflicts_status_line_keeps_the_resolver_at_60_columns(team):
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
    (row,) = _status_rows(app, [(60, 20)])
    assert row.startswith("open 1 · resolved 0 · ") and row.endswith(f"{TA} · sara"), row


def test_what_gives_way_first_on_a_narrow_status_line():
    place = ("record 12345 (57 of 1290)", "record 12345")  # the place's forms, whole first
    parts = ("remaining 1234", "decided 56", place, "full-text", "ann")
    assert (
        fitted(parts, 80)
        == "remaining 1234 · decided 56 · record 12345 (57 of 1290) · full-text · ann"
    )
    assert fitted(parts, 61) == "remaining 1234 · decided 56 · record 12345 · full-text · ann"
    assert fitted(parts, 49) == "remaining 1234 · decided 56 · … · full-text · ann"
    assert fitted(parts, 45) == "remaining 1234 · … · full-text · ann"  # a '…' where dropped
    demo = ("remaining 10", "decided 0", "record 49 (1 of 10)", "title-abstract", "you")
    assert (
        fitted(demo, 58) == "remaining 10 · decided 0 · … · title-abstract · you"
    )  # not 'record …'
    assert fitted(parts, 36) == "remaining 1234 · … · full-text · ann"
    assert fitted(parts, 34) == "… · full-text · ann"  # the figure whole or not at all
    # a long scheme name (the confirm screen's stage) is cut before the figure or the reviewer
    scheme = ("confirmed 3 of 6", "study 2 (id 44)", "Severe mental illness (SMI) scheme", "ann")
    assert fitted(scheme, 45) == "confirmed 3 of 6 · … · Severe mental i… · ann"
    assert fitted(("1 in queue", "duplicate review", "Maria Fernández-López"), 20) == (
        "Maria Fernández-Lóp…"
    )


def test_a_part_before_the_stage_reads_whole_or_not_at_all():
    """A part before the stage and the reviewer was cut inside where it did not fit: the
    conflicts place read 'conflict 17 of …' at 60 columns, and cut places and counts named
    another record or count ('record 452…', 'decided 56…'). It is shown in one of the forms
    its screen gives, or dropped, at every width."""
    place = ("conflict 17 of 120 (record 4521)", "conflict 17 (record 4521)", "conflict 17")
    parts = ("open 3", "resolved 1234", place, TA, "sara")
    seen = set()
    for columns in range(20, 100):
        shown = fitted(parts, columns).split(" · ")
        assert len(" · ".join(shown)) <= columns, columns
        assert all(p in {"open 3", "resolved 1234", *place, "…"} for p in shown[:-2]), shown
        seen.update(shown[:-2])
    assert set(place) <= seen  # every form shown at some width
    counts = ("remaining 1234", "decided 5678", "record 4521 (17 of 1200)", TA, "maria")
    for columns in range(20, 100):  # a part without shorter forms: whole or dropped
        shown = fitted(counts, columns).split(" · ")
        assert all(p in {*counts, "…"} for p in shown[:-2]), (columns, shown)


def test_the_conflicts_place_at_60_columns_reads_whole(team):
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
    wide, narrow = _status_rows(app, [(100, 20), (60, 20)])
    assert f"conflict 1 of 1 (record {ids[0]})" in wide, wide
    assert narrow == f"open 1 · resolved 0 · conflict 1 · {TA} · sara", narrow


def test_the_extraction_place_narrow_is_shortened_whole(project_b):
    """The extraction screen's place, 'study 1 of 2 (id 1)', cut inside had read
    'study 1 of 2 (i…' at 56 columns (its id gone, a cut part left): narrow it is 'study 1 of 2'."""
    ids = add_records(project_b, make_records(2))
    app = ReviewkitApp(ExtractScreen(project_b, ids, "ann"), keymap={})
    wide, narrow = _status_rows(app, [(100, 20), (56, 20)])
    assert f"study 1 of 2 (id {ids[0]})" in wide, wide
    assert narrow == "filled in 0 of 2 · study 1 of 2 · extraction · ann", narrow
