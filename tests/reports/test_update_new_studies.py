"""What an update adds, told apart from the previous version's studies: `export --new` (the
reports included since the version recorded with `report --new-version`: a new study's, and a
new report of a study the version included, never the version's own) and the report tables'
"New since <version>" column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from reports.conftest import _include_all
from reports.update_versions import FOLLOW_UP_RIS, OTHER_RIS, TRIAL_RIS, import_ris, prisma_counts

from reviewkit.cli import main


def _export(project, *args: str) -> int:
    return main(["export", "--project", str(project.folder), *args])


def _titles(path: Path) -> list[str]:
    return [ln[6:] for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("TI ")]


def test_new_exports_the_reports_included_since_the_version(
    project_b, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_b
    trial = import_ris(project, tmp_path, "v1", TRIAL_RIS, "PubMed")
    _include_all(project, trial)
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "v1"]) == 0
    assert _export(project, "--new", "--format", "ris", "--out", str(tmp_path / "none.ris")) == 0
    assert "0 reports included since version 'v1' written to" in capsys.readouterr().err
    assert (tmp_path / "none.ris").read_text(encoding="utf-8") == ""  # RIS has no header

    new = import_ris(project, tmp_path, "v2-db", OTHER_RIS, "PubMed")
    follow_up = import_ris(project, tmp_path, "v2-cit", FOLLOW_UP_RIS, "citation searching")
    _include_all(project, new + follow_up)
    link = ["dedup", "study-link", str(trial[0]), str(follow_up[0]), "--same"]
    assert main([*link, "--reviewer", "lead", "--project", str(project.folder)]) == 0
    capsys.readouterr()

    out = tmp_path / "new.ris"
    assert _export(project, "--new", "--format", "ris", "--out", str(out)) == 0
    assert _titles(out) == [
        "Dialogue meetings with the employer for back pain",
        "Two-year follow-up of individual placement and support",
    ]
    assert capsys.readouterr().err.strip() == (
        f"2 reports included since version 'v1' written to {out} (1 of them a new report of a"
        " study included before)"
    )
    every = tmp_path / "all.ris"
    assert _export(project, "--format", "ris", "--out", str(every)) == 0
    assert len(_titles(every)) == 3  # the total: the version's trial too


def test_new_without_a_version_or_with_all_is_refused(
    project_b, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_b
    _include_all(project, import_ris(project, tmp_path, "v1", TRIAL_RIS, "PubMed"))
    out = tmp_path / "new.ris"
    assert _export(project, "--new", "--format", "ris", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "no version of the review is recorded" in err and "report --new-version" in err
    for fmt in ("csv", "ris"):  # ris: not sent to '--format csv --all' first, to be refused there
        assert _export(project, "--new", "--all", "--format", fmt, "--out", str(out)) == 2
        assert "give one of them" in capsys.readouterr().err
    assert not out.exists()


def test_after_the_update_is_recorded_new_is_still_what_it_added(
    project_b, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Recorded as a version of its own, the update's PRISMA diagram is still drawn against the
    version before; `export --new` gives the same new studies, not nothing."""
    project = project_b
    _include_all(project, import_ris(project, tmp_path, "v1", TRIAL_RIS, "PubMed"))
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "v1"]) == 0
    _include_all(project, import_ris(project, tmp_path, "v2", OTHER_RIS, "PubMed"))
    assert main([*report, "--out", str(tmp_path / "v2"), "--new-version", "v2"]) == 0
    capsys.readouterr()
    out = tmp_path / "new.ris"
    assert _export(project, "--new", "--format", "ris", "--out", str(out)) == 0
    assert _titles(out) == ["Dialogue meetings with the employer for back pain"]
    assert "1 report included since version 'v1' written to" in capsys.readouterr().err


def test_the_tables_of_an_update_mark_its_new_studies(project_b, tmp_path: Path) -> None:
    """The update's tables listed every study alike: which were new since last year's version
    was nowhere in them. A team column says so; the authors' columns leave it out."""
    project = project_b
    trial = import_ris(project, tmp_path, "v1", TRIAL_RIS, "PubMed")
    _include_all(project, trial)
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "v1"]) == 0
    assert not any("New since" in p.read_text() for p in (tmp_path / "v1").rglob("*.csv"))
    new = import_ris(project, tmp_path, "v2-db", OTHER_RIS, "PubMed")
    follow_up = import_ris(project, tmp_path, "v2-cit", FOLLOW_UP_RIS, "citation searching")
    _include_all(project, new + follow_up)
    link = ["dedup", "study-link", str(trial[0]), str(follow_up[0]), "--same"]
    assert main([*link, "--reviewer", "lead", "--project", str(project.folder)]) == 0

    assert main([*report, "--out", str(tmp_path / "v2")]) == 0
    marks = {}
    for path in (tmp_path / "v2" / "tables").glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                marks[row["Reference"].split(".")[0]] = row["New since v1"]
    assert marks == {"Hellström L": "a new report", "Aas R": "yes"}
    assert main([*report, "--out", str(tmp_path / "pub"), "--authors-columns"]) == 0
    assert not any("New since" in p.read_text() for p in (tmp_path / "pub").rglob("*.csv"))


_STROKE = (
    "TY  - JOUR\nTI  - Graded return to work after stroke\n"
    "AU  - Berg, Kari\nPY  - 2018\nJO  - Disabil Rehabil\nER  - \n"
)
_STROKE_FOLLOW_UP = (
    "TY  - JOUR\nTI  - Two-year follow-up of graded return to work after stroke\n"
    "AU  - Berg, Kari\nPY  - 2020\nJO  - Disabil Rehabil\nER  - \n"
)


def test_new_tells_its_reports_apart_as_the_update_diagram_does(
    project_b, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A study of the version's records still being screened when it was recorded, included
    since, and the update's follow-up of it: the diagram counts the first under the previous
    version ('reports of its records included since') and the follow-up as a new report of a
    study included before; `export --new` writes both and says so (it called neither)."""
    project = project_b
    first = import_ris(project, tmp_path, "v1", TRIAL_RIS + _STROKE, "PubMed")
    _include_all(project, first[:1])  # the stroke trial waits at the version
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "v1"]) == 0
    follow_up = import_ris(project, tmp_path, "v2", _STROKE_FOLLOW_UP, "citation searching")
    _include_all(project, first[1:] + follow_up)
    link = ["dedup", "study-link", str(first[1]), str(follow_up[0]), "--same"]
    assert main([*link, "--reviewer", "lead", "--project", str(project.folder)]) == 0
    counts = prisma_counts(project, tmp_path / "v2")
    assert counts["included", "of the version's records, reports included since"] == 1
    assert counts["included", "of which new reports of earlier studies"] == 1
    capsys.readouterr()

    out = tmp_path / "new.ris"
    assert _export(project, "--new", "--format", "ris", "--out", str(out)) == 0
    assert len(_titles(out)) == 2
    assert capsys.readouterr().err.strip() == (
        f"2 reports included since version 'v1' written to {out} (1 of them a new report of a"
        " study included before; 1 of the version's own records, included since it was"
        " recorded)"
    )


def test_new_says_a_version_name_with_braces_as_given(
    project_b, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A version's name is the team's text: '2021 {final}' is said as it is, where it was
    taken for a format string (a traceback after the file was written)."""
    project = project_b
    _include_all(project, import_ris(project, tmp_path, "v1", TRIAL_RIS, "PubMed"))
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "2021 {final}"]) == 0
    _include_all(project, import_ris(project, tmp_path, "v2", OTHER_RIS, "PubMed"))
    capsys.readouterr()
    out = tmp_path / "new.ris"
    assert _export(project, "--new", "--format", "ris", "--out", str(out)) == 0
    assert capsys.readouterr().err.strip() == (
        f"1 report included since version '2021 {{final}}' written to {out}"
    )


def test_the_tables_mark_a_study_of_the_version_included_since_apart(
    project_b, tmp_path: Path
) -> None:
    """A study of the version's records, still being screened when it was recorded and
    included since, is no new study in the update diagram (its previous version's box counts
    it): the column said 'yes' as for the update's own new study."""
    project = project_b
    first = import_ris(project, tmp_path, "v1", TRIAL_RIS + _STROKE, "PubMed")
    _include_all(project, first[:1])
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "v1"]) == 0
    _include_all(project, first[1:] + import_ris(project, tmp_path, "v2", OTHER_RIS, "PubMed"))
    assert main([*report, "--out", str(tmp_path / "v2")]) == 0
    counts = prisma_counts(project, tmp_path / "v2p")
    assert counts["included", "new studies included"] == 1
    assert counts["included", "of the version's records, included since"] == 1
    marks = {}
    for path in (tmp_path / "v2" / "tables").glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                marks[row["Reference"].split(".")[0]] = row["New since v1"]
    assert marks == {"Hellström L": "", "Berg K": "included since", "Aas R": "yes"}
