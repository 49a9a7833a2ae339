"""`reviewkit conflicts import SHEET`: the final decisions of a spreadsheet (CSV or TSV), each as
`conflicts resolve` gives one, all of them or none, a refused row named by its line."""

from __future__ import annotations

from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.store.decisions import list_decisions

TA = "title-abstract"


def cli(project, *args):
    return main(["conflicts", "--project", str(project.folder), *args])


def _finals(project) -> list[tuple[int, str, str, str, str]]:
    return [
        (d.record_id, d.stage, d.label, d.reason, d.note)
        for d in list_decisions(project.db)
        if d.label.startswith("final-")
    ]


def test_a_sheets_decisions_are_stored_each_as_resolve_stores_one(project_b, tmp_path, capsys):
    a, b, c = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, b, c], checked=True)
    sheet = tmp_path / "decisions.tsv"
    sheet.write_text(
        "record\ttitle\tdecision\treason\tnote\n"
        f"{a}\tCBT for burnout\texclude\thealth-only\tCBT only\n"
        "\n"  # a blank row, as a spreadsheet saves one
        f"pmid:1002\tA trial\tInclude\t\t\n",
        encoding="utf-8",
    )
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 0
    out = capsys.readouterr().out
    assert f"record {a}: final exclude (Work focus inside health care only) at {TA} by lead" in out
    assert f"record {b}: final include at {TA} by lead" in out
    assert f"2 final decisions from {sheet}; 1 conflict open at {TA}" in out
    assert _finals(project_b) == [
        (a, TA, "final-exclude", "health-only", "CBT only"),
        (b, TA, "final-include", "", ""),
    ]


def test_the_summary_says_where_work_waits_next(project_b, tmp_path, monkeypatch, capsys):
    """The sheet's summary line named the conflicts open and nothing more, where the conflicts
    screen's quit line and every other command say what comes next."""
    a, b, c = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, b, c], checked=True)
    sheet = tmp_path / "decisions.csv"
    sheet.write_text(f"record,decision\n{a},include\n{b},include\n", encoding="utf-8")
    monkeypatch.chdir(project_b.folder)  # working in the project: no --project to name
    assert main(["conflicts", "import", str(sheet), "--resolver", "lead"]) == 0
    assert capsys.readouterr().out.endswith(
        f"2 final decisions from {sheet}; 1 conflict open at {TA}; next: {TA}: 1 conflict for a"
        " lead (reviewkit conflicts --resolver lead); full-text: 2 records for the reviewers\n"
    )


def test_one_refused_row_and_nothing_is_written(project_b, tmp_path, capsys):
    a, b, agreed = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, b], checked=True)
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, agreed, TA, reviewer, "include", protocol=project_b.protocol)
    before = list_decisions(project_b.db)
    sheet = tmp_path / "decisions.csv"
    sheet.write_text(
        "record,decision,reason\n"
        f"{a},exclude,health-only\n"  # good, yet not written: a later row is refused
        f"{agreed},include,\n"
        f"{b},exclude,too-old\n"
        f"{a},include,\n",
        encoding="utf-8",
    )
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 2
    err = capsys.readouterr().err
    assert "3 of the sheet's rows refused, nothing written" in err
    assert f"{sheet}:3: record {agreed} is not in conflict at any stage" in err
    assert f"{sheet}:4: unknown exclusion reason 'too-old'" in err
    assert f"{sheet}:5: record {a} at {TA} is given at line 2 too" in err
    assert list_decisions(project_b.db) == before


def test_a_sheet_refused_throughout_names_ten_rows_and_counts_the_rest(project_b, tmp_path, capsys):
    """A sheet wrong on every row (another project's) names the first ten refused rows and a
    line for the rest (``wording.listed_lines``), not all of them."""
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "decisions.csv"
    rows = "".join(f"{900 + i},include\n" for i in range(12))
    sheet.write_text("record,decision\n" + rows, encoding="utf-8")
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 2
    err = capsys.readouterr().err
    assert "12 of the sheet's rows refused, nothing written" in err
    assert f"{sheet}:11:" in err and f"{sheet}:12:" not in err
    assert "\n  … and 2 more" in err


def test_a_sheet_without_its_columns_or_decisions_is_refused(project_b, tmp_path, capsys):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study], checked=True)
    before = list_decisions(project_b.db)
    sheet = tmp_path / "decisions.csv"
    sheet.write_text(f"record,final\n{study},include\n", encoding="utf-8")
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 2
    assert f"{sheet}:1: no 'decision' column in the header row" in capsys.readouterr().err
    # a note without a decision is a row half filled; a row with neither is left open
    sheet.write_text(f"record,decision,note\n{study},,both criteria met\n", encoding="utf-8")
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 2
    assert f"{sheet}:2: the decision is include or exclude, not ''" in capsys.readouterr().err
    for rows in ("", f"{study},,\n"):
        sheet.write_text(f"record,decision,note\n{rows}", encoding="utf-8")
        assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 2
        assert "no decisions in the sheet" in capsys.readouterr().err
    assert list_decisions(project_b.db) == before


def test_another_resolvers_final_stands_unless_the_import_replaces_it(project_b, tmp_path, capsys):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study], checked=True)
    sheet = tmp_path / "decisions.csv"
    sheet.write_text(f"record,decision\n{study},include\n", encoding="utf-8")
    assert cli(project_b, "import", str(sheet), "--resolver", "reviewer1") == 0
    sheet.write_text(f"record,decision,stage\n{study},exclude,{TA}\n", encoding="utf-8")
    capsys.readouterr()
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 2
    assert "already has a final decision" in capsys.readouterr().err
    assert cli(project_b, "--resolver", "lead", "import", str(sheet), "--replace") == 0
    assert ", replacing the final include by reviewer1" in capsys.readouterr().out
    assert [f[2] for f in _finals(project_b)] == ["final-include", "final-exclude"]


def test_a_sheets_rows_share_one_read_of_each_stages_conflicts(project_b, tmp_path, monkeypatch):
    from reviewkit.screening import conflict_views

    ids = add_records(project_b, make_records(4))
    conflict_on(project_b, ids, checked=True)
    stages_read: list[str] = []
    real = conflict_views.conflicts

    def counted(project, stage, resolver, **kw):
        stages_read.append(stage)
        return real(project, stage, resolver, **kw)

    monkeypatch.setattr(conflict_views, "conflicts", counted)
    sheet = tmp_path / "decisions.csv"
    sheet.write_text("record,decision\n" + "".join(f"{i},include\n" for i in ids), "utf-8")
    assert scr.resolve_sheet(project_b, sheet, "lead")[-1].still_open == 0
    # each stage read once for the four rows (each row read every stage twice, then once more)
    assert sorted(stages_read) == ["full-text", TA]
    assert [f[0] for f in _finals(project_b)] == ids
