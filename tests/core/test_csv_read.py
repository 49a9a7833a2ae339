"""Every reader of a CSV sheet reads it one way (reviewkit/formats/csv_read.py): a repeated header
row or a row with values beyond the header gets one message, whichever command reads the sheet.

The readers: `import`, `extract import`, `classify --evaluate`, `dedup review --read-csv` and
`simulate`. Each sheet below has a row on its line 3 that its reader refuses for what it holds
(not for how it is written), so a message naming line 3 shows the sheet was read, with its
lines counted from the 'sep=' line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
FIXTURES = Path(__file__).parent / "fixtures"

# reader -> (header, a good row, a row its reader refuses, what that refusal says)
SHEETS = {
    "extract": (
        "record_id;study;title;country;intervention;population;design;effect",
        "1;a;t;Norway;;;;",
        "two;b;u;;;;;",
        "record_id 'two' is not a number",
    ),
    "evaluate": ("title;abstract;gold", "A;x;coordinator", "B;y;astrology", "unknown label"),
    "dedup-queue": (
        "record_a;record_b;score;rule;verdict;a_title;b_title",
        "1;2;0.9;title;;A;B",
        "1;2;0.9;title;ja;A;B",
        "verdict 'ja'",
    ),
    "simulate": (
        "title;abstract;included",
        "Individual placement and support;IPS trial;1",
        "Heart failure;Cardiology;0.6",
        "label '0.6' is not 0 or 1",
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv-read") / "project"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(folder)]) == 0
    return folder


def _argv(kind: str, path: Path, project: Path) -> list[str]:
    at = ["--project", str(project)]
    return {
        "import": ["import", str(path), *at],
        "extract": ["extract", "import", str(path), "--reviewer", "reviewer1", *at],
        "evaluate": ["classify", "--evaluate", str(path), "--scheme", "model-type", *at],
        "dedup-queue": ["dedup", "review", "--read-csv", str(path), "--reviewer", "reviewer1", *at],
        "simulate": ["simulate", str(path), "--label-column", "included"],
    }[kind]


def _run(kind: str, path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The error message of the reader ``kind`` for ``path`` (exit code 2 checked)."""
    capsys.readouterr()
    assert main(_argv(kind, path, project)) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return (out + err).replace(str(path), "FILE")


DAMAGED = {
    "repeated-header": lambda h, g: [h, g, h, g],
    "ragged-row": lambda h, g: [h, g + ",extra", g],
}
COMMA = {
    "import": ("Title,Authors,Year", "Return to work,Smith J,2020"),
    **{k: (h.replace(";", ","), g.replace(";", ",")) for k, (h, g, _b, _m) in SHEETS.items()},
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_one_damaged_sheet_one_message_in_every_reader(
    damage: str, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the extraction sheet said 'more values than columns', the others read a ragged
    row or a repeated header as data."""
    said = {}
    for kind, (header, good) in COMMA.items():
        path = tmp_path / f"{kind}.csv"
        lines = DAMAGED[damage](header, good)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        message = _run(kind, path, project, capsys)
        # the count of cells differs with the sheet's header; the rest is the same words
        said[kind] = re.sub(r"has \d+ cells but the header has \d+", "has N cells", message)
    assert len(set(said.values())) == 1, said
    assert {"repeated-header": "FILE:3", "ragged-row": "FILE:2"}[damage] in said["import"]
