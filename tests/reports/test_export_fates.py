"""`export --format csv` had no screening columns: a lead wanting one sheet of every record and
its fate had none. Now the CSV's first columns say each study's outcome and exclusion reason
per stage, and `--all` writes every record, duplicates too, so that the sheet's rows give
PRISMA's counts."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import open_project

TA, FT = "title-abstract", "full-text"
FATES = ["record_id", "duplicate of", "found in", TA, f"{TA} reason", FT, f"{FT} reason"]


def _sheet(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_record_and_its_fate(project_b, tmp_path: Path, capsys) -> None:
    recs = make_records(4)
    copy = replace(recs[0], source="Embase", origin="embase.ris")  # found in a second source
    a, b, c, d = add_records(project_b, recs, source="PubMed")
    (dup,) = add_records(project_b, [copy], source="Embase")
    folder = str(project_b.folder)
    project_b.close()
    assert main(["dedup", "--project", folder]) == 0
    with open_project(folder) as project:
        p, db = project.protocol, project.db

        def both(study, stage, label, reason=""):
            for reviewer in ("reviewer1", "reviewer2"):
                scr.decide(db, study, stage, reviewer, label, reason, protocol=p)

        both(a, TA, "include")
        both(a, FT, "include")
        both(b, TA, "exclude", "wrong-population")
        both(c, TA, "include")
        both(c, FT, "exclude", "no-full-text")
        scr.decide(db, d, TA, "reviewer1", "include", protocol=p)  # one vote: pending
    capsys.readouterr()

    out = tmp_path / "fates.csv"
    assert main(["export", "--project", folder, "--format", "csv", "--all", "--out", str(out)]) == 0
    assert "5 records and their fates written to" in capsys.readouterr().err
    rows = {int(r["record_id"]): r for r in _sheet(out.read_text(encoding="utf-8"))}
    assert list(next(iter(rows.values())))[: len(FATES)] == FATES
    assert sorted(rows) == [a, b, c, d, dup]
    fate = {rid: [r[col] for col in FATES[1:2] + FATES[3:]] for rid, r in rows.items()}
    assert fate[a] == ["", "included", "", "included", ""]
    assert fate[b] == ["", "excluded", "Wrong population / diagnosis", "", ""]
    assert fate[c] == ["", "included", "", "excluded", "Full text not available"]
    assert fate[d] == ["", "pending", "", "", ""]
    assert fate[dup] == [str(a), "", "", "", ""]  # its study's outcome is on the kept record
    assert rows[dup]["found in"] == "Embase: embase.ris"
    assert rows[a]["title"] == recs[0].title

    # the included studies' CSV carries the same columns
    assert main(["export", "--project", folder, "--format", "csv"]) == 0
    included = _sheet(capsys.readouterr().out)
    assert [(r["record_id"], r[TA], r[FT]) for r in included] == [(str(a), "included", "included")]

    # a reference manager's format has no place for a fate
    assert main(["export", "--project", folder, "--format", "ris", "--all"]) == 2
    err = capsys.readouterr().err
    assert "use --format csv --all" in err and "Traceback" not in err


def test_an_imported_file_is_named_as_the_team_can_open_it(project_b, tmp_path: Path) -> None:
    """Imports store the file's absolute path; the shared sheet names a file inside the project
    folder from there and one elsewhere by its name, not the importer's home folder."""
    inside = str(project_b.folder.resolve() / "sources" / "embase.ris")
    outside = str(tmp_path / "home" / "anna" / "Downloads" / "psycinfo.ris")
    recs = make_records(2)
    a, b = add_records(
        project_b,
        [replace(recs[0], origin=inside), replace(recs[1], origin=outside)],
        source="Embase",
    )
    folder = str(project_b.folder)
    project_b.close()
    out = tmp_path / "fates.csv"
    assert main(["export", "--project", folder, "--format", "csv", "--all", "--out", str(out)]) == 0
    rows = {int(r["record_id"]): r for r in _sheet(out.read_text(encoding="utf-8"))}
    assert rows[a]["found in"] == "Embase: sources/embase.ris"
    assert rows[b]["found in"] == "Embase: psycinfo.ris"
