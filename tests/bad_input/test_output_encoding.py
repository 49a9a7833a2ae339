"""Standard output in an encoding that cannot write every character: a Latin-1 locale, or
Windows' code page when the output goes to a file (PYTHONIOENCODING sets it here). A name such
as 'Łukasz', or the arrows reviewkit prints, ended in a UnicodeEncodeError traceback (exit 1;
'label' after storing the label). Now they print as escapes, and export writes UTF-8, as its
--out file does. Real processes: the encoding is the process's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input.protocol_helpers import include_everything

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RIS = "TY  - JOUR\nTI  - Return to work in Łódź\nAU  - Żak, Łucja\nPY  - 2020\nER  - \n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose first reviewer is Łukasz, its one record included by both reviewers."""
    base = tmp_path_factory.mktemp("encoding")
    text = PROTOCOL.read_text(encoding="utf-8")
    listed = 'reviewers = ["reviewer1", "reviewer2"]'
    assert listed in text
    protocol = base / "protocol.toml"
    protocol.write_text(text.replace(listed, 'reviewers = ["Łukasz", "reviewer2"]'), "utf-8")
    (base / "lodz.ris").write_text(RIS, encoding="utf-8")
    folder = base / "project"
    assert main(["init", str(folder), "--protocol", str(protocol)]) == 0
    assert main(["import", str(base / "lodz.ris"), "--project", str(folder)]) == 0
    include_everything(folder, ("Łukasz", "reviewer2"))
    return folder


def _run(project: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    return subprocess.run(
        [sys.executable, "-m", "reviewkit", *argv, "--project", str(project)],
        capture_output=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["label", "1", "model-type=workplace", "--reviewer", "Łukasz"], rb"\u0141ukasz"),
        (["dedup"], rb"\u2192"),
        (["agreement"], b"Cohen"),
    ],
    ids=["label", "dedup", "agreement"],
)
def test_a_latin1_output_shows_what_it_cannot_encode_as_escapes(
    argv: list[str], shown: bytes, project: Path
) -> None:
    proc = _run(project, *argv)
    assert proc.returncode == 0, proc.stderr.decode("latin-1")
    assert b"Traceback" not in proc.stderr
    assert shown in proc.stdout, proc.stdout


def test_export_to_a_latin1_output_writes_utf8(project: Path) -> None:
    proc = _run(project, "export", "--format", "ris")
    assert proc.returncode == 0, proc.stderr.decode("latin-1")
    assert "TI  - Return to work in Łódź".encode() in proc.stdout
    assert "Żak, Łucja".encode() in proc.stdout
