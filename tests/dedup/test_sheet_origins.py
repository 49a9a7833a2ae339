"""The dedup queue sheet names an imported file as `export --format csv` does: from the
project's folder, or by its name when it lies elsewhere. `dedup review --csv` gave the
importer's absolute path ('/tmp/…/downloads/embase.ris'): the sheet goes to the team, on whose
disks that path is nothing (walk5). The cluster list keeps the stored path (fx28: it names the
file from any folder of the importer's machine;
tests/core/test_import_path_stored_absolute.py)."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.cli import main

ABSTRACT = (
    "AB  - Employee stress and related psychological strain is costly for employers and society."
    " This study evaluates individual-focused occupational health interventions in a"
    " comprehensive meta-analysis of randomized controlled trials of stress management.\n"
)
AUTHORS = "AU  - Estevez Cores, Sara\nAU  - Sayed, Anwar A\nAU  - Tracy, Derek K\n"
TITLE = "Individual-focused occupational health interventions: A meta-analysis of {}."
# the article as a database exports it, in a file outside the project, and as a citation search
# found it, in the project's folder: another wording, another year, no identifiers
FULL = (
    "TY  - JOUR\nTI  - "
    + TITLE.format("randomized controlled trials")
    + "\n"
    + ABSTRACT
    + AUTHORS
    + "PY  - 2021\nT2  - Journal of occupational health psychology\nVL  - 26\n"
    "IS  - 3\nSP  - 189\nEP  - 203\nDO  - 10.1037/ocp0000249\nAN  - 34096762\nER  - \n\n"
)
BARE = (
    "TY  - JOUR\nTI  - "
    + TITLE.format("randomised trials")
    + "\n"
    + ABSTRACT
    + AUTHORS
    + "PY  - 2020\nT2  - Journal of occupational health psychology\nER  - \n\n"
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _import_pair(folder: Path, embase: Path, scholar: Path) -> None:
    """Review B's article from a database and from a citation search, deduplicated."""
    embase.parent.mkdir(parents=True, exist_ok=True)
    scholar.parent.mkdir(parents=True, exist_ok=True)
    embase.write_text(FULL, encoding="utf-8")
    scholar.write_text(BARE, encoding="utf-8")
    project = ["--project", str(folder)]
    assert main(["import", str(embase), "--source", "Embase", *project]) == 0
    assert main(["import", str(scholar), "--source", "Google Scholar", *project]) == 0
    assert main(["dedup", *project]) == 0


def test_the_queue_sheet_names_imported_files_as_the_team_can_read_them(project_b, tmp_path):
    folder = project_b.folder
    _import_pair(folder, tmp_path / "downloads" / "embase.ris", folder / "sources" / "scholar.ris")
    queue = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--csv", str(queue), "--project", str(folder)]) == 0
    (pair,) = _rows(queue)
    assert {pair["a_origin"], pair["b_origin"]} == {"embase.ris", "sources/scholar.ris"}


def test_a_file_imported_through_a_link_to_the_project_folder_is_named_from_it(project_b, tmp_path):
    """The import keeps a link as typed (/home/anna/review -> /mnt/data/review): a file in the
    project's folder imported through the link was named by its name alone, as if elsewhere."""
    link = tmp_path / "link-to-review"
    link.symlink_to(project_b.folder.resolve(), target_is_directory=True)
    _import_pair(
        project_b.folder, tmp_path / "downloads" / "embase.ris", link / "sources" / "s.ris"
    )
    queue = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--csv", str(queue), "--project", str(project_b.folder)]) == 0
    (pair,) = _rows(queue)
    assert {pair["a_origin"], pair["b_origin"]} == {"embase.ris", "sources/s.ris"}


def test_a_sheet_written_with_absolute_paths_reads_back(project_b, tmp_path, capsys):
    """A queue sheet written before the origins were shared (the importer's absolute paths)
    is read by its ids, verdicts and titles: its origin cells are not compared."""
    folder = project_b.folder
    _import_pair(folder, tmp_path / "downloads" / "embase.ris", folder / "sources" / "s.ris")
    queue = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--csv", str(queue), "--project", str(folder)]) == 0
    absolute = {  # the origins as an older version wrote them
        "embase.ris": str(tmp_path / "downloads" / "embase.ris"),
        "sources/s.ris": str(folder / "sources" / "s.ris"),
    }
    rows = _rows(queue)
    for row in rows:
        row["a_origin"], row["b_origin"] = absolute[row["a_origin"]], absolute[row["b_origin"]]
    rows[0]["verdict"] = "same"
    with queue.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    capsys.readouterr()
    argv = ["dedup", "review", "--read-csv", str(queue), "--reviewer", "lead"]
    assert main([*argv, "--project", str(folder)]) == 0
    assert "1 verdict" in capsys.readouterr().out
