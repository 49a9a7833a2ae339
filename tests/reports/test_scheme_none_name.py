"""A scheme names its own "none of these" answer: `none_name` beside
`none_label` is what the confirm screen, the report's table, the evidence map and `classify`'s
output show; without it the answer stays "None of these"."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reports.conftest import store_records

from reviewkit import classify
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def _name_none(folder: Path, name: str) -> None:
    protocol = folder / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    head = '[schemes.model-type]\nname = "Model of collaboration"\n'
    assert head in text
    protocol.write_text(text.replace(head, f'{head}none_name = "{name}"\n'), "utf-8")


def test_none_name_is_shown_everywhere(b_included, tmp_path: Path, capsys) -> None:
    project, ids = b_included
    # a study no model's words describe: the rules answer "none of these" for it
    bland = Record(title="Sickness absence in nurses: a register study", year=2019)
    store_records(project, [bland], "registers")
    folder = project.folder
    project.close()
    _name_none(folder, "Other design")
    capsys.readouterr()
    assert main(["classify", "--project", str(folder), "--scheme", "model-type", "--all"]) == 0
    out = capsys.readouterr().out
    none_lines = [line for line in out.splitlines() if line.startswith("model-type\tnone\t")]
    assert none_lines and all(line.endswith("\tOther design") for line in none_lines), out
    with open_project(folder) as p:
        classify.confirm(p, ids[0], "model-type", ["none"], "reviewer1")
    report = tmp_path / "out"
    assert main(["report", "--project", str(folder), "--out", str(report)]) == 0
    md = (report / "report.md").read_text(encoding="utf-8")
    assert "## Other design (n = 1)" in md and "## None of these" not in md
    # the evidence map's rows are model types: its none row by the name too (the diagnosis
    # scheme's columns, which give no none_name, keep "None of these")
    assert "\n| Other design |" in md and "\n| None of these |" not in md

    async def last_label_row() -> str:
        with open_project(folder) as p:
            app = ReviewkitApp(ConfirmScreen(p, "model-type", ids, "ann"), keymap={})
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                widget = app.screen.query_one("#labels")
                rows = [widget.render_line(y).text.strip() for y in range(widget.size.height)]
                await pilot.press("q")
        return [r for r in rows if r][-1]

    row = asyncio.run(last_label_row())
    assert row.startswith("0 ") and "Other design" in row


def test_a_none_name_that_is_a_labels_name_is_refused(project_b, capsys) -> None:
    folder = project_b.folder
    project_b.close()
    _name_none(folder, "Multidisciplinary team")
    assert main(["status", "--project", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "none_name" in err and "Multidisciplinary team" in err and "Traceback" not in err
