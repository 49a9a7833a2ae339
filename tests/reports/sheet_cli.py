"""An extraction sheet through the CLI as a person handles it: export, edit, write back, import
(shared by the as_exported mark's tests)."""

from __future__ import annotations

import csv
import re
import shlex
from pathlib import Path

from reviewkit.cli import main


def export_sheet(project, sheet: Path) -> list[dict[str, str]]:
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0
    with sheet.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_sheet(sheet: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns or list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def import_sheet(project, sheet: Path, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    argv = [
        "extract",
        "import",
        str(sheet),
        "--project",
        str(project.folder),
        "--reviewer",
        "reviewer1",
    ]
    code = main(argv)
    got = capsys.readouterr()
    return code, got.out, got.err


def set_value(project, rid: int, field: str, value: str) -> None:
    argv = ["extract", "set", str(rid), f"{field}={value}", "--reviewer", "reviewer2"]
    assert main([*argv, "--project", str(project.folder)]) == 0


def sheet_row(rows: list[dict[str, str]], rid: int) -> dict[str, str]:
    return next(r for r in rows if int(r["record_id"]) == rid)


def type_given(said: str, monkeypatch, text: str = "") -> None:
    """Type the 'reviewkit extract set …' line an import ``said`` (its TEXT as ``text``) as
    given, in a shell whose $REVIEWKIT_REVIEWER names another reviewer than the importer."""
    line = re.search(r"reviewkit extract set .*?--project [^\s']+", said)
    assert line, said
    monkeypatch.setenv("REVIEWKIT_REVIEWER", "reviewer2")
    argv = shlex.split(line.group(0).replace("TEXT", text))
    assert main(argv[1:]) == 0, argv
