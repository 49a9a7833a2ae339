"""The dedup commands through the CLI entry point: output, exit codes, nothing written on errors."""

from __future__ import annotations

import pytest
from conftest import add_records
from dedup.helpers import other, rec

from reviewkit.cli import main
from reviewkit.dedup import engine
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
    assert "5 new records" in out and "1 duplicate link," in out and "5 records → 4 studies" in out
    assert "reviewkit dedup review" in out
    code, out, _ = run(capsys, "dedup", "--project", str(proj.folder))
    assert code == 0 and "nothing new" in out


def test_two_copies_queued_against_a_third_record_are_one_question(proj, capsys, tmp_path):
    """The bare record is queued against both copies of one article (one PMID, merged): one
    question, counted once by the run, the report, its rules and the sheet."""
    folder = str(proj.folder)
    code, out, _ = run(capsys, "dedup", "--project", folder)
    assert code == 0 and "1 pair to review" in out
    # the line to copy names who settles the pairs, as every such line does: dedup review's
    # default is the login name, under which verdicts would be recorded unseen
    assert "review the uncertain pairs with: reviewkit dedup review --reviewer NAME" in out
    open_links = [lk for lk in links.current_links(proj.db) if lk.verdict == "uncertain"]
    assert len(open_links) == 2  # two pairs of records, one question
    code, out, _ = run(capsys, "dedup", "report", "--project", folder, "--rules")
    assert code == 0 and "pairs waiting for review:         1" in out
    table = out.split("  merges  queued  why\n", 1)[1].splitlines()
    assert sum(int(line.split()[2]) for line in table) == 1  # the rules' queued column
    sheet = tmp_path / "queue.csv"
    code, out, _ = run(capsys, "dedup", "review", "--project", folder, "--csv", str(sheet))
    assert code == 0 and "wrote 1 open pair " in out
    assert len(_fill(sheet, ["different"])) == 1
    code, out, _ = _read_back(capsys, folder, sheet)
    assert code == 0 and "1 verdict written" in out
    code, out, _ = run(capsys, "dedup", "report", "--project", folder)
    assert "pairs waiting for review:         0" in out


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
        capsys, "dedup", "split", "2", "--project", str(proj.folder), "--reviewer", "lead"
    )
    assert code == 0 and "record 2 split from its cluster (1 link broken)" in out
    with proj as p:
        assert links.current_links(p.db, "duplicate") == []


def test_bad_input_exits_2_with_one_line_and_writes_nothing(proj, capsys, tmp_path):
    run(capsys, "dedup", "--project", str(proj.folder))
    with proj as p:
        before = len(links.current_links(p.db))
    code, _, err = run(
        capsys, "dedup", "split", "999", "--project", str(proj.folder), "--reviewer", "lead"
    )
    assert code == 2 and "no record with id 999" in err and "Traceback" not in err
    code, _, err = run(
        capsys, "dedup", "split", "4", "--project", str(proj.folder), "--reviewer", "lead"
    )
    assert code == 2 and "not merged" in err
    (tmp_path / "a-file").write_text("not a folder\n")
    bad = tmp_path / "a-file" / "missing-folder" / "c.csv"  # a missing folder is created
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


def _read_back(capsys, folder, sheet):
    """`dedup review --read-csv` of a filled queue sheet, as reviewer ann."""
    return run(
        capsys,
        "dedup",
        "review",
        "--project",
        folder,
        "--reviewer",
        "lead",
        "--read-csv",
        str(sheet),
    )


def _fill(path, verdicts):
    import csv as csvmod

    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csvmod.DictReader(fh))
    for row, verdict in zip(rows, verdicts, strict=False):
        row["verdict"] = verdict
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csvmod.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


def test_queue_leaves_the_terminal_as_csv_and_comes_back(proj, capsys, tmp_path):
    folder = str(proj.folder)
    run(capsys, "dedup", "--project", folder)
    sheet = tmp_path / "queue.csv"
    code, out, _ = run(capsys, "dedup", "review", "--project", folder, "--csv", str(sheet))
    assert code == 0 and "wrote 1 open pair" in out  # the bare record against one cluster
    rows = _fill(sheet, ["same"])
    assert rows[0]["a_title"] and rows[0]["b_title"] and "a_pages" in rows[0]
    code, out, _ = _read_back(capsys, folder, sheet)
    assert code == 0 and "1 verdict written" in out and "0 rows left open" in out
    person = [lk for lk in links.current_links(proj.db) if lk.made_by == "person:lead"]
    a, b = int(rows[0]["record_a"]), int(rows[0]["record_b"])
    assert [(lk.record_a, lk.record_b, lk.verdict) for lk in person] == [(a, b, "duplicate")]
    # reading the same file again changes nothing: that pair is settled
    code, out, _ = _read_back(capsys, folder, sheet)
    assert code == 0 and "0 verdicts written" in out and "1 already settled" in out


def test_the_queue_sheet_says_what_kind_each_record_is(project_a, capsys, tmp_path):
    """A person settling a pair in a spreadsheet needs the records' types, as the screen shows
    them (a meeting abstract against its article): the sheet had no type column. NLM's
    'Research Support, …' types say who paid, not what kind of record it is."""
    typed = ["Journal Article", "Research Support, Non-U.S. Gov't"]
    add_records(
        project_a,
        [
            rec(publication_types=typed),
            rec(authors=[], journal="", volume="", pages="", year=None,
                publication_types=["Conference Abstract"]),
            other(1),
        ],
    )  # fmt: skip
    folder = str(project_a.folder)
    project_a.close()
    run(capsys, "dedup", "--project", folder)
    sheet = tmp_path / "queue.csv"
    assert run(capsys, "dedup", "review", "--project", folder, "--csv", str(sheet))[0] == 0
    rows = _fill(sheet, [""])
    assert {rows[0]["a_type"], rows[0]["b_type"]} == {"Journal Article", "Conference Abstract"}


@pytest.mark.parametrize(
    ("verdicts", "message"),
    [(["maybe", ""], "is not 'same' or 'different'"), (["same", "different"], None)],
)
def test_a_bad_queue_csv_is_refused_with_its_line_and_nothing_is_written(
    proj, capsys, tmp_path, verdicts, message
):
    folder = str(proj.folder)
    run(capsys, "dedup", "--project", folder)
    sheet = tmp_path / "queue.csv"
    run(capsys, "dedup", "review", "--project", folder, "--csv", str(sheet))
    rows = _fill(sheet, verdicts)
    if message is None:  # an unknown record id on the last line
        text = sheet.read_text(encoding="utf-8").replace(
            f"\n{rows[-1]['record_a']},{rows[-1]['record_b']},", f"\n999,{rows[-1]['record_b']},"
        )
        sheet.write_text(text, encoding="utf-8")
        message = "no record with id 999"
    before = links.current_links(proj.db)
    code, _, err = _read_back(capsys, folder, sheet)
    assert code == 2 and message in err and f"{sheet}:" in err and "Traceback" not in err
    assert links.current_links(proj.db) == before


def test_a_queue_csv_same_on_a_pair_a_persons_different_closed_is_not_written(
    proj, capsys, tmp_path
):
    folder = str(proj.folder)
    run(capsys, "dedup", "--project", folder)
    sheet = tmp_path / "queue.csv"
    run(capsys, "dedup", "review", "--project", folder, "--csv", str(sheet))
    rows = _fill(sheet, ["same", ""])
    a, b = int(rows[0]["record_a"]), int(rows[0]["record_b"])
    # after the sheet was written, bob said a differs from b's cluster (b and a third record):
    # that closed a–b, so ann's 'same' finds the pair settled and nothing merges them
    cmap = links.canonical_map(proj.db)
    third = next(i for i, c in cmap.items() if c not in (cmap[a], cmap[b]))
    engine.decide_pair(proj.db, b, third, "duplicate", "bob")
    engine.decide_pair(proj.db, a, third, "not_duplicate", "bob")
    before = links.current_links(proj.db)
    code, out, err = _read_back(capsys, folder, sheet)
    assert code == 0 and "0 verdicts written" in out and "already settled" in out
    assert links.current_links(proj.db) == before
    # the reviewer is told that the sheet and the database now disagree on that pair
    assert f"queue.csv:2: 'same' here, but records {a} and {b} were settled 'different'" in err


def test_the_queue_sheet_saved_as_an_excel_workbook_comes_back(proj, capsys, tmp_path):
    """The queue sheet opened in Excel and saved as a workbook (.xlsx, Excel's own format) is
    read as its CSV is; a bad verdict is named by its worksheet row (it was refused whole:
    'this is an Excel workbook (.xlsx), not a CSV sheet')."""
    import csv as csvmod

    from openpyxl import Workbook

    folder = str(proj.folder)
    run(capsys, "dedup", "--project", folder)
    sheet = tmp_path / "queue.csv"
    assert run(capsys, "dedup", "review", "--project", folder, "--csv", str(sheet))[0] == 0
    with open(sheet, newline="", encoding="utf-8") as fh:
        rows = list(csvmod.reader(fh))
    verdict = rows[0].index("verdict")
    said = {}
    for word in ("maybe", "same"):
        book = Workbook()
        book.active.append([])  # a blank first row: the header is the worksheet's row 2
        for i, row in enumerate(rows):
            book.active.append([word if i and j == verdict else c for j, c in enumerate(row)])
        book.save(tmp_path / "queue.xlsx")
        said[word] = _read_back(capsys, folder, tmp_path / "queue.xlsx")
    code, _, err = said["maybe"]
    assert code == 2 and f"{tmp_path / 'queue.xlsx'}:3: verdict 'maybe'" in err
    code, out, err = said["same"]
    assert code == 0 and "1 verdict written" in out, err
    person = [lk for lk in links.current_links(proj.db) if lk.made_by == "person:lead"]
    assert len(person) == 1


def test_a_run_with_no_pair_to_review_names_the_screening_next(project_a, capsys, monkeypatch):
    """A run with pairs named 'dedup review'; one with none named nothing, where init's line
    and every other command say what to type next."""
    add_records(project_a, [other(1), other(2)])
    monkeypatch.chdir(project_a.folder)  # working in the project: no --project to name
    code, out, _ = run(capsys, "dedup")
    assert code == 0 and "0 pairs to review" in out
    assert out.endswith("next: screening (reviewkit screen --reviewer NAME)\n"), out
