"""Tagged files (RIS, MEDLINE/nbib) for the bad-input tests, record by record, and their import
into a fresh project that must refuse them."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import import_refused


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
    return import_refused(tmp_path, capsys, path), path


def nbib_record(n: int, *lines: str) -> list[str]:
    """The lines of MEDLINE/nbib record ``n``, ``lines`` after its PMID."""
    return [f"PMID- {n}", *lines, f"TI  - A study numbered {n}.", "DP  - 2020", f"SO  - J. {n}", ""]
