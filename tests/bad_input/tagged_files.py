"""Tagged files (RIS, MEDLINE/nbib) for the bad-input tests, record by record, and their import
into a fresh project that must refuse them."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows


def ris_record(n: int, *extra: str) -> list[str]:
    """The lines of RIS record ``n``, ``extra`` lines after its title."""
    return ["TY  - JOUR", f"TI  - A study numbered {n}", *extra, "PY  - 2020", "ER  - ", ""]


def refused_import(
    tmp_path: Path, capsys, lines: list[str], file: str = "export.ris"
) -> tuple[str, Path]:
    """Write ``lines`` as ``file`` and import it into a fresh project, which must refuse it
    (exit 2) and store nothing; what the import said, and the file."""
    path = tmp_path / file
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0
    return capsys.readouterr().err, path


def nbib_record(n: int, *lines: str) -> list[str]:
    """The lines of MEDLINE/nbib record ``n``, ``lines`` after its PMID."""
    return [f"PMID- {n}", *lines, f"TI  - A study numbered {n}.", "DP  - 2020", f"SO  - J. {n}", ""]
