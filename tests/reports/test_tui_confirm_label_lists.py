"""The confirm screen's lists of labels (cls17): shipped label names hold " or ", " and " and
commas ("Hospital or specialist care", "Digital (internet, app, video)"), so names joined with
", " ran together and a reader could not tell where one label ended. Names are joined with a
separator no label name uses, checked against every protocol in ``protocols/``."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reports.conftest import store_records

from reviewkit import protocol as protocol_mod
from reviewkit import screening
from reviewkit.project import init_project
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import LABELS_APART, ConfirmScreen

PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"
DELIVERY = PROTOCOLS / "rtw-delivery-modes.toml"


def _delivery_project(tmp_path: Path):
    project = init_project(tmp_path / "delivery", DELIVERY)
    record = Record(
        title="Face-to-face and app-based counselling for sick-listed workers: a trial",
        abstract_sections=[AbstractSection("", "Workers met a counsellor and used an app.")],
        year=2021,
    )
    ids = store_records(project, [record], "PubMed")
    screening.decide(
        project.db, ids[0], "title-abstract", "reviewer1", "include", protocol=project.protocol
    )
    return project, ids


def _message(app) -> str:  # noqa: ANN001
    widget = app.screen.query_one("#message")
    return " ".join(widget.render_line(y).text.strip() for y in range(widget.size.height))


def test_two_confirmed_labels_are_told_apart_in_the_message(tmp_path) -> None:
    """Confirmed, and kept on Enter again: both messages name the two labels."""
    project, ids = _delivery_project(tmp_path)

    async def go() -> tuple[str, str]:
        app = ReviewkitApp(ConfirmScreen(project, "mode", ids, "reviewer1"), keymap={})
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("1", "3", "enter")
            await pilot.pause()
            confirmed = _message(app)
            await pilot.press("enter")  # unchanged: kept
            await pilot.pause()
            kept = _message(app)
            await pilot.press("q")
        return confirmed, kept

    confirmed, kept = asyncio.run(go())
    both = ["In person (face to face)", "Digital (internet, app, video)"]  # as the rows are
    # was "In person (face to face), Digital (internet, app, video)": two labels or four?
    named = confirmed.split(f"(id {ids[0]}): ", 1)[1].split(" confirmed", 1)[0]
    assert named.split(LABELS_APART) == both, confirmed
    named = kept.split(f"(id {ids[0]}): ", 1)[1].split(" kept", 1)[0]
    assert named.split(LABELS_APART) == both, kept
    project.close()


def test_no_shipped_label_name_holds_the_separator() -> None:
    names = [
        name
        for path in sorted(PROTOCOLS.glob("*.toml"))
        for scheme in protocol_mod.load(path).schemes.values()
        for name in [*(lab.name for lab in scheme.labels), scheme.none_label_name]
        if name
    ]
    assert len(names) > 100  # every scheme of the fifteen protocols and the demo's
    assert not [n for n in names if LABELS_APART.strip() in n]
    assert any(", " in n for n in names)  # the old separator: a name holds it


def test_snapshot_two_confirmed_labels_at_80x24(tmp_path, snap_compare) -> None:
    """The message line at 80 columns once two labels are confirmed: the names told apart."""
    project, ids = _delivery_project(tmp_path)
    app = ReviewkitApp(ConfirmScreen(project, "mode", ids, "reviewer1"), keymap={})

    async def confirm_both(pilot) -> None:  # noqa: ANN001
        await pilot.press("1", "3", "enter")
        for _ in range(200):  # the model's line once its training is done and shown
            await pilot.pause(0.05)
            trainer = pilot.app.screen.trainer
            if not trainer.busy and trainer.version == pilot.app.screen._shown_version:
                break
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=confirm_both)
    project.close()
