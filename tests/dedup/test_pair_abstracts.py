"""The review screen and the queue sheet show each record's abstract: rules send pairs whose
abstracts open differently to a person, who could not read them (found walking the README,
task walk). The screen shows the opening, the sheet the whole abstract."""

from __future__ import annotations

import asyncio
import csv

from conftest import add_records
from dedup.helpers import TITLE, rec
from dedup.review_setup import BARE

from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.records import AbstractSection
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

LONG = "Workers on sick leave for common mental disorders were randomised. " * 12
SHORT = "A qualitative study of supervisors' views on return to work."


def pair_with_abstracts(project):
    ids = add_records(
        project,
        [
            rec(**BARE, abstract_sections=[AbstractSection("", LONG)]),
            rec(
                **BARE,
                title=TITLE.upper(),
                source="Embase",
                abstract_sections=[AbstractSection("", SHORT)],
            ),
        ],
    )
    engine.run_dedup(project.db)
    (pair,) = engine.review_queue(project.db)
    return ids, pair


def test_the_screen_shows_both_abstracts_openings(project_b) -> None:
    _ids, _pair = pair_with_abstracts(project_b)

    async def go() -> None:
        app = ReviewkitApp(DedupReviewScreen(project_b, "lead"), keymap={})
        async with app.run_test(size=(160, 48)):
            pane = app.screen.query_one("#records")
            text = " ".join(
                " ".join(pane.render_line(y).text.split()) for y in range(pane.size.height)
            )
            assert "abstract" in text and SHORT[:40] in text
            assert "Workers on sick leave for common mental disorders" in text
            assert "…" in text  # the long one cut to its opening

    asyncio.run(go())


def test_the_queue_sheet_has_both_abstracts_whole_and_reads_back(project_b, tmp_path, capsys):
    _ids, pair = pair_with_abstracts(project_b)
    sheet = tmp_path / "queue.csv"
    folder = str(project_b.folder)
    assert main(["dedup", "review", "--csv", str(sheet), "--project", folder]) == 0
    with sheet.open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["a_abstract"].strip() == LONG.strip() and row["b_abstract"] == SHORT
    row["verdict"] = "different"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    argv = ["dedup", "review", "--read-csv", str(sheet), "--reviewer", "lead", "--project", folder]
    assert main(argv) == 0, capsys.readouterr().err
    assert engine.review_queue(project_b.db) == []
