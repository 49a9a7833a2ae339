"""A project whose protocol has no extraction fields: the extraction commands say so and how to
add one (the protocol's [[extraction]] table, with an example), instead of "no extraction field
'aim'" with an empty list of known ones, or a screen refused for "0 fields" with a hint to edit
them as CSV (a sheet with no field to fill)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.protocol import load

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "demo-work-health.toml"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("no-fields")
    text = PROTOCOL.read_text(encoding="utf-8")
    text = re.sub(r"\n\[\[extraction\]\].*", "\n", text, flags=re.S)  # the report's layout too
    protocol = base / "no-extraction.toml"
    protocol.write_text(text, encoding="utf-8")
    assert main(["init", str(base / "project"), "--protocol", str(protocol)]) == 0
    ris = base / "one.ris"
    ris.write_text("TY  - JOUR\nTI  - A record\nPY  - 2020\nER  -\n", encoding="utf-8")
    assert main(["import", str(ris), "--project", str(base / "project")]) == 0
    return base / "project"


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "set", "1", "aim=Return to work", "--reviewer", "you"],
        ["extract", "edit", "--reviewer", "you", "--all"],
        ["extract", "export", "SHEET", "--all"],
        ["extract", "import", "SHEET", "--reviewer", "you"],
    ],
    ids=["set", "edit", "export", "import"],
)
def test_extraction_commands_say_how_to_add_a_field(
    argv: list[str], project: Path, tmp_path: Path, capsys
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("record_id,study,report,title\n1,x,,A record\n", encoding="utf-8")
    argv = [str(sheet) if a == "SHEET" else a for a in argv]
    code = main([*argv, "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "the protocol has no extraction fields" in err
    assert "[[extraction]]" in err and 'id = "country"' in err, err
    assert str(project / "protocol.toml") in err


def test_the_hint_s_table_is_toml_that_adds_a_field(project: Path, tmp_path: Path, capsys) -> None:
    """The hint's [[extraction]] table, pasted into protocol.toml as shown, gives the project a
    field: it was shown on one line, '[[extraction]] id = "country" name = "Country"', which is
    no TOML (a table's header and each key end at the line's end)."""
    code = main(["extract", "edit", "--reviewer", "you", "--all", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2
    shown = err.split("hint:", 1)[1].splitlines()
    pasted = "\n".join(line.strip() for line in shown if line.startswith("    "))
    assert tomllib.loads(pasted) == {"extraction": [{"id": "country", "name": "Country"}]}
    protocol = tmp_path / "protocol.toml"
    text = (project / "protocol.toml").read_text(encoding="utf-8")
    protocol.write_text(f"{text}\n{pasted}\n", encoding="utf-8")
    assert [f.id for f in load(protocol).extraction_fields()] == ["country"]
