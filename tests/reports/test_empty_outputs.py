"""One rule for outputs with nothing in them (README, section 7): the file is written in its
format's empty form, the command says '0 … written to FILE (why: what to do)' and exits 0; it
refuses (exit 2, no file) only when what was asked for cannot exist. Before, `export --format
ris` wrote a 0-byte file without a word on why, `classify --csv` wrote no file at all (exit 0)
and `decisions export` refused (exit 2)."""

from __future__ import annotations

import csv
from pathlib import Path

import bibtexparser
import pytest
import rispy
from conftest import add_records
from screening.helpers import make_records

from reviewkit.cli import main

WHY = "(nothing is included yet: finish screening"


@pytest.fixture
def nothing_included(project_b):
    """Review B with four records stored and none screened: nothing is included."""
    add_records(project_b, make_records(4))
    folder = str(project_b.folder)
    project_b.close()
    return folder


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1, rows  # the header alone
    return rows[0]


@pytest.mark.parametrize("fmt,name", [("ris", "x.ris"), ("bibtex", "x.bib"), ("csv", "x.csv")])
def test_export_with_nothing_included_writes_the_empty_file_and_says_why(
    nothing_included, tmp_path: Path, capsys, fmt: str, name: str
) -> None:
    out = tmp_path / "exports" / name
    code = main(["export", "--project", nothing_included, "--format", fmt, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 0 and out.is_file()
    assert f"0 included studies written to {out} {WHY}" in err
    text = out.read_text(encoding="utf-8")
    if fmt == "ris":  # no header in RIS or BibTeX: the readers find no entry, and the
        assert rispy.loads(text) == [] and "reference manager imports nothing" in err
    elif fmt == "bibtex":  # message says a reference manager will import nothing
        assert bibtexparser.parse_string(text).entries == [] and "empty BibTeX file" in err
    else:
        assert _header(out)[0] == "record_id"


def test_export_to_stdout_with_nothing_included_says_so_on_stderr(nothing_included, capsys):
    assert main(["export", "--project", nothing_included, "--format", "ris"]) == 0
    got = capsys.readouterr()
    assert got.out == "" and f"0 included studies written {WHY}" in got.err


def test_classify_csv_with_nothing_included_writes_its_header(
    nothing_included, tmp_path: Path, capsys
) -> None:
    empty, full = tmp_path / "empty.csv", tmp_path / "full.csv"
    assert main(["classify", "--project", nothing_included, "--csv", str(empty)]) == 0
    assert f"0 suggestions written to {empty} {WHY}" in capsys.readouterr().out
    # the same columns as a sheet with suggestions in it (--all: the four stored studies)
    assert main(["classify", "--project", nothing_included, "--all", "--csv", str(full)]) == 0
    with full.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) > 1 and _header(empty) == rows[0]


def test_classify_without_csv_counts_zero_and_says_why(nothing_included, capsys) -> None:
    assert main(["classify", "--project", nothing_included]) == 0
    assert f"0 studies classified {WHY}" in capsys.readouterr().out


def test_sheets_with_nothing_in_them_are_written_with_why(
    nothing_included, tmp_path: Path, capsys
) -> None:
    extract, clusters, queue = (tmp_path / n for n in ("extract.csv", "clusters.csv", "q.csv"))
    project = ["--project", nothing_included]
    assert main(["extract", "export", *project, str(extract)]) == 0
    assert f"0 studies written to {extract} {WHY}" in capsys.readouterr().out
    assert _header(extract)[0] == "record_id"
    assert main(["dedup", *project, "report", "--csv", str(clusters)]) == 0
    said = capsys.readouterr().out
    assert f"wrote 0 clusters to {clusters} (no records linked as duplicates yet)" in said
    assert _header(clusters)[0] == "cluster"
    assert main(["dedup", *project, "review", "--csv", str(queue)]) == 0
    assert f"wrote 0 open pairs to {queue} (no pair waits for a person" in capsys.readouterr().out
    assert _header(queue)[0] == "record_a"


def test_what_cannot_exist_is_refused_and_nothing_written(
    nothing_included, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "s.csv"
    assert (
        main(["classify", "--project", nothing_included, "--scheme", "no", "--csv", str(out)]) == 2
    )
    log = (
        tmp_path / "r1.jsonl"
    )  # a decision log's empty file is what import takes for a failed copy
    args = ["decisions", "export", "--project", nothing_included, "--reviewer", "reviewer1"]
    assert main([*args, str(log)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "reviewer1 has no decisions" in err
    assert not out.exists() and not log.exists()


def test_report_says_its_tables_are_empty(nothing_included, tmp_path: Path, capsys) -> None:
    out = tmp_path / "report"
    args = ["report", "--project", nothing_included, "--out", str(out), "--format", "md"]
    assert main(args) == 0
    assert f"0 included studies in the tables and exports {WHY}" in capsys.readouterr().out
    assert (out / "included.ris").is_file()


def test_evidence_map_says_its_cells_are_empty(nothing_included, tmp_path: Path, capsys) -> None:
    out = tmp_path / "map"
    args = ["evidence-map", "--project", nothing_included, "--out", str(out)]
    assert main([*args, "--rows", "model-type", "--cols", "diagnosis"]) == 0
    assert f"0 studies in the map {WHY}" in capsys.readouterr().out
    assert (out / "evidence-map.csv").is_file()
