"""A multi-label confirmation is stored in the order of the label rows (tui44): ticked on the
confirm screen, 'In person' (row 1) and 'Digital' (row 3) were stored and exported as
'digital', 'in-person', the order of their ids, while the rows and the message named them
'In person | Digital'; `reviewkit label` stores the order it is given."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reports.conftest import store_records
from tui.helpers import settled_message

from reviewkit import classify, screening
from reviewkit.project import init_project
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import LABELS_APART, ConfirmScreen

DELIVERY = Path(__file__).resolve().parents[2] / "protocols" / "rtw-delivery-modes.toml"


def test_ticked_labels_are_stored_in_the_rows_order_whatever_the_order_ticked(tmp_path):
    project = init_project(tmp_path / "delivery", DELIVERY)
    recs = [
        Record(title=f"Counselling by app and in person for sick-listed workers {i}")
        for i in (1, 2)
    ]
    ids = store_records(project, recs, "PubMed")
    for rid in ids:
        screening.decide(
            project.db, rid, "title-abstract", "reviewer1", "include", protocol=project.protocol
        )

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "mode", ids, "reviewer1"), keymap={})
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("3", "1", "enter")  # Digital ticked first, then In person
            both = LABELS_APART.join(["In person (face to face)", "Digital (internet, app, video)"])
            await settled_message(pilot, f"study 1 (id {ids[0]}): {both} confirmed")
            await pilot.press("2", "3", "1", "q")  # kept on leaving: q

    asyncio.run(go())
    labels = classify.confirmed_labels(project, "mode")
    project.close()
    assert labels == {
        ids[0]: ["in-person", "digital"],
        ids[1]: ["in-person", "telephone", "digital"],
    }
