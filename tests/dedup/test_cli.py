"""The dedup commands through the CLI entry point: output, exit codes, nothing written on errors."""

from __future__ import annotations

import pytest
from conftest import add_records
from dedup.helpers import other, rec

from reviewkit.cli import main
from reviewkit.store import duplicates as links


@pytest.fixture
def proj(project_a):
    add_records(
        project_a,
        [
            rec(pmid="31000001"),
            rec(pmid="31000001", source="Embase"),
            rec(authors=[], journal="", volume="", pages="", year=None),
            other(1),
            other(2),
        ],
    )
    project_a.close()
    return project_a


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_dedup_runs_prints_counts_and_is_incremental(proj, capsys):
    code, out, _ = run(capsys, "dedup", "--project", str(proj.folder))
    assert code == 0
    assert "5 new records" in out and "1 duplicate links" in out and "5 records → 4 studies" in out
    assert "reviewkit dedup review" in out
    code, out, _ = run(capsys, "dedup", "--project", str(proj.folder))
    assert code == 0 and "nothing new" in out


def test_report_and_csv(proj, capsys, tmp_path):
    run(capsys, "dedup", "--project", str(proj.folder))
    target = tmp_path / "clusters.csv"
    code, out, _ = run(
        capsys, "dedup", "report", "--project", str(proj.folder), "--csv", str(target)
    )
    assert code == 0
    assert (
        "duplicates removed automatically: 1" in out
        and "duplicates removed by hand:       0" in out
    )
    assert "pairs waiting for review:" in out
    assert target.read_text(encoding="utf-8").count("\n") == 3  # header + two records


def test_project_given_to_the_group_applies_to_subcommands(proj, capsys):
    run(capsys, "dedup", "--project", str(proj.folder))
    code, out, _ = run(capsys, "dedup", "--project", str(proj.folder), "report")
    assert code == 0 and "duplicates removed automatically: 1" in out


def test_split_command(proj, capsys):
    run(capsys, "dedup", "--project", str(proj.folder))
    code, out, _ = run(
        capsys, "dedup", "split", "2", "--project", str(proj.folder), "--reviewer", "ann"
    )
    assert code == 0 and "record 2 split from its cluster (1 link broken)" in out
    with proj as p:
        assert links.current_links(p.db, "duplicate") == []


def test_bad_input_exits_2_with_one_line_and_writes_nothing(proj, capsys, tmp_path):
    run(capsys, "dedup", "--project", str(proj.folder))
    with proj as p:
        before = len(links.current_links(p.db))
    code, _, err = run(
        capsys, "dedup", "split", "999", "--project", str(proj.folder), "--reviewer", "ann"
    )
    assert code == 2 and "no record with id 999" in err and "Traceback" not in err
    code, _, err = run(
        capsys, "dedup", "split", "4", "--project", str(proj.folder), "--reviewer", "ann"
    )
    assert code == 2 and "not merged" in err
    bad = tmp_path / "missing-folder" / "c.csv"
    code, _, err = run(capsys, "dedup", "report", "--project", str(proj.folder), "--csv", str(bad))
    assert code == 2 and "cannot write" in err and not bad.exists()
    code, _, err = run(capsys, "dedup", "review", "--project", str(proj.folder), "--reviewer", " ")
    assert code == 2 and "reviewer name" in err
    code, _, err = run(capsys, "dedup", "--project", str(tmp_path / "nowhere"))
    assert code == 2 and "not a review project" in err
    with proj as p:
        assert len(links.current_links(p.db)) == before


def test_report_rules_shows_merges_and_queued_pairs_per_rule(proj, capsys):
    run(capsys, "dedup", "--project", str(proj.folder))
    code, out, _ = run(capsys, "dedup", "report", "--project", str(proj.folder), "--rules")
    assert code == 0
    table = out.split("\n\n", 1)[1].splitlines()
    assert table[0].split() == ["rule", "merges", "queued", "why"]
    rows = {line.split()[0]: line.split()[1:3] for line in table[1:]}
    assert rows["same_pmid"] == ["1", "0"]  # the two copies of one PubMed record
    assert rows["biblio_match"] == ["0", "0"]  # every rule of the table is listed
    assert sum(int(q) for _m, q in rows.values()) == int(out.split("review:")[1].split()[0])
