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
STUDY = ["study", "other reports of the study"]
FATES = ["record_id", "duplicate of", *STUDY, "found in", TA, f"{TA} reason", FT, f"{FT} reason"]


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
    fate = {rid: [r[col] for col in FATES[1:2] + FATES[5:]] for rid, r in rows.items()}
    assert fate[a] == ["", "included", "", "included", ""]
    assert fate[b] == ["", "excluded", "Wrong population / diagnosis", "", ""]
    assert fate[c] == ["", "included", "", "excluded", "Full text not available"]
    assert fate[d] == ["", "pending", "", "", ""]
    assert fate[dup] == [str(a), "", "", "", ""]  # its study's outcome is on the kept record
    assert rows[dup]["found in"] == "Embase: embase.ris"
    assert rows[a]["title"] == recs[0].title
    # no study links: each kept record is a study of its own, a duplicate's cells are empty
    assert [rows[r]["study"] for r in (a, b, dup)] == [str(a), str(b), ""]
    assert {rows[r]["other reports of the study"] for r in rows} == {""}

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


def test_the_sheet_names_each_records_study_and_its_other_reports(project_b, tmp_path) -> None:
    """Three reports a person linked as one study (`dedup study-link --same`), one of them
    found twice: each kept report names the study (its first report) and the other two; the
    duplicate names its kept record, whose row carries the study."""
    recs = make_records(5)
    protocol, main_paper, follow_up, other, unlinked = add_records(project_b, recs, "PubMed")
    (copy,) = add_records(project_b, [replace(recs[1], source="Embase")], source="Embase")
    folder = str(project_b.folder)
    project_b.close()
    assert main(["dedup", "--project", folder]) == 0
    link = ("dedup", "study-link", "--project", folder, "--reviewer", "lead", "--same")
    assert main([*link, str(protocol), str(main_paper)]) == 0
    assert main([*link, str(copy), str(follow_up)]) == 0  # a copy stands for its record
    out = tmp_path / "fates.csv"
    assert main(["export", "--project", folder, "--format", "csv", "--all", "--out", str(out)]) == 0
    rows = {int(r["record_id"]): r for r in _sheet(out.read_text(encoding="utf-8"))}
    cells = {rid: (r["study"], r["other reports of the study"]) for rid, r in rows.items()}
    assert cells[protocol] == (str(protocol), f"{main_paper}; {follow_up}")
    assert cells[main_paper] == (str(protocol), f"{protocol}; {follow_up}")
    assert cells[follow_up] == (str(protocol), f"{protocol}; {main_paper}")
    assert cells[copy] == ("", "") and rows[copy]["duplicate of"] == str(main_paper)
    assert cells[other] == (str(other), "") and cells[unlinked] == (str(unlinked), "")
