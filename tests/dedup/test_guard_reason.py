"""The chaining guard's own reason for a pair it queued ('very different titles', 'different
PMIDs', ...) is stored with the pair and shown where the pair is judged: the queue sheet
(`dedup review --csv`) and the review screen's pane; the rule name stays chain_guard:<rule>."""

from __future__ import annotations

import asyncio
import csv

from conftest import add_records
from dedup.helpers import rec

from reviewkit.cli import main
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

PLACE = dict(journal="Dtsch Med Wochenschr", volume="125", issue="10", pages="559-567")


def _held_back(project) -> None:
    """Three records: same_pmid wants to merge a stray record whose title differs from the
    cluster it would join, and the guard holds it back for its titles."""
    add_records(
        project,
        [
            rec(title="Sick leave and work: the clinic or the employer?", **PLACE),
            rec(title="Certification of sickness absence", pmid="10957911", **PLACE),
            rec(title="Incapacity certificates", pmid="10957911", journal="Other", pages="1-2"),
        ],
    )


def _run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_queue_sheet_gives_the_guards_reason(project_b, capsys, tmp_path):
    _held_back(project_b)
    folder = str(project_b.folder)
    assert _run(capsys, "dedup", "--project", folder)[0] == 0
    sheet = tmp_path / "queue.csv"
    code, out = _run(capsys, "dedup", "review", "--project", folder, "--csv", str(sheet))
    assert code == 0, out
    with open(sheet, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    held = [r for r in rows if r["rule"] == "chain_guard:same_pmid"]
    assert [r["guard_reason"] for r in held] == ["very different titles"]
    assert all(r["guard_reason"] == "" for r in rows if r not in held)
    # the sheet with its new column still reads back
    for r in rows:
        r["verdict"] = "different"
    with open(sheet, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    args = ("dedup", "review", "--project", folder, "--reviewer", "reviewer1")
    code, out = _run(capsys, *args, "--read-csv", str(sheet), "--yes")
    assert code == 0 and f"{len(rows)} verdict" in out, out


def test_the_review_screen_gives_the_guards_reason(project_b, capsys):
    _held_back(project_b)
    assert _run(capsys, "dedup", "--project", str(project_b.folder))[0] == 0

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            while screen.pair is not None and screen.pair.rule != "chain_guard:same_pmid":
                await pilot.press("j")  # skip to the held-back pair
            pane = screen.query_one("#pair")
            assert str(pane.border_title).endswith(
                "held back by the chaining guard: very different titles"
            )
            assert str(pane.border_subtitle) == "rule chain_guard:same_pmid"

    asyncio.run(go())
