"""A project whose protocol has no classification schemes (a screening-only review): the
commands that need a scheme say so and what to add, instead of "no scheme ''" with an
empty list of known ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("no-schemes")
    text = PROTOCOL.read_text(encoding="utf-8")
    text = re.sub(r"\n\[schemes\.model-type\].*?(?=\n# -+ report)", "\n", text, flags=re.S)
    text = re.sub(r"\n\[report\].*", "\n", text, flags=re.S)  # its scheme is gone too
    protocol = base / "screening-only.toml"
    protocol.write_text(text, encoding="utf-8")
    assert main(["init", str(base / "project"), "--protocol", str(protocol)]) == 0
    ris = base / "one.ris"
    ris.write_text("TY  - JOUR\nTI  - A record\nPY  - 2020\nER  -\n", encoding="utf-8")
    assert main(["import", str(ris), "--project", str(base / "project")]) == 0
    return base / "project"


@pytest.mark.parametrize(
    "argv",
    [
        ["confirm", "--reviewer", "reviewer1", "--all"],
        ["label", "1", "model-type=workplace", "--reviewer", "reviewer1"],
        ["evidence-map", "--rows", "model-type", "--cols", "diagnosis"],
    ],
    ids=["confirm", "label", "evidence-map"],
)
def test_commands_that_need_a_scheme_say_there_is_none(
    argv: list[str], project: Path, capsys
) -> None:
    code = main([*argv, "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "the protocol has no classification schemes" in out + err
    assert "[schemes.ID]" in out + err
