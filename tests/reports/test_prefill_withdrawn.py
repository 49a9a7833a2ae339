"""A re-prefill withdraws a prefilled value the rules no longer give (a project prefilled before
a rule changed: 'A purposeful sample …' was an Aim while ``sentence:purpose`` matched every word
it starts), and never touches a value a person gave or checked. The old value stays in the
field's history, under the empty prefilled row that withdraws it."""

from __future__ import annotations

import csv

import pytest
from reports.sheet_cli import type_given

from reviewkit import extract
from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.records import AbstractSection, Record
from reviewkit.sheet_mark import row_mark
from reviewkit.store import extraction as value_rows

PURPOSEFUL = "A purposeful sample of twelve reviews was read."
CONCLUDE = "We conclude that coordination helps."


def _record(title: str) -> Record:
    text = f"Sick leave is common. {PURPOSEFUL} {CONCLUDE}"
    return Record(title=title, abstract_sections=[AbstractSection("", text)])


@pytest.fixture
def prefilled_before(project_a, store):
    """Two included reviews whose Aim the old rule prefilled with the purposeful sentence; a
    person has since checked the second's (typed the same value), so it is theirs."""
    ids = store(project_a, [_record("Review one"), _record("Review two")], "test")
    protocol = project_a.protocol
    for rid in ids:
        for stage in scr.stage_names(protocol):
            for who in protocol.reviewers[: protocol.stages[stage].reviewers_per_record]:
                scr.decide(project_a.db, rid, stage, who, "include", protocol=protocol)
    old = [(rid, f, v) for rid in ids for f, v in (("aim", PURPOSEFUL), ("conclusions", CONCLUDE))]
    value_rows.add_values(project_a.db, old, method="prefill")  # as the old rule gave them
    extract.set_value(project_a, ids[1], "aim", PURPOSEFUL, "ann")
    return project_a, ids


def _history(project, rid: int) -> list[tuple[str, str]]:
    return [(v.method, v.value) for v in value_rows.field_history(project.db, rid, "aim")]


def test_extract_export_withdraws_an_unchecked_prefill_the_rules_no_longer_give(
    prefilled_before, tmp_path
):
    project, (one, two) = prefilled_before
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0
    with sheet.open(encoding="utf-8") as fh:
        rows = {int(r["record_id"]): r for r in csv.DictReader(fh)}
    assert rows[one]["aim"] == ""  # withdrawn: no rule gives it now
    assert rows[one]["conclusions"] == CONCLUDE  # still given: left as it was
    assert rows[two]["aim"] == PURPOSEFUL  # a person's value is never touched
    assert _history(project, one) == [("prefill", PURPOSEFUL), ("prefill", "")]
    assert _history(project, two) == [("prefill", PURPOSEFUL), ("person", PURPOSEFUL)]
    # withdrawn once: exporting again stores nothing more
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0
    assert _history(project, one) == [("prefill", PURPOSEFUL), ("prefill", "")]


def test_classify_says_how_many_prefilled_values_it_withdrew(prefilled_before, capsys):
    project, (one, _) = prefilled_before
    assert main(["classify", "--project", str(project.folder)]) == 0
    out = capsys.readouterr().out
    assert "0 extraction values prefilled, 1 withdrawn (the prefill rules no longer give it)" in out
    assert extract.values(project, [one])[one]["aim"] == ""
    assert main(["classify", "--project", str(project.folder)]) == 0
    assert "withdrawn" not in capsys.readouterr().out  # none the second time


def test_the_report_shows_the_withdrawn_value_empty_and_not_as_unchecked(
    prefilled_before, tmp_path
):
    project, (one, _) = prefilled_before
    out = tmp_path / "out"
    assert main(["report", "--project", str(project.folder), "--out", str(out)]) == 0
    rows = [
        r for t in (out / "tables").glob("*.csv") for r in csv.DictReader(t.open(encoding="utf-8"))
    ]
    cells = [cell for r in rows for cell in r.values()]
    assert cells.count(PURPOSEFUL) == 1  # the person's, not the withdrawn prefill
    # an empty value is nobody's to check: no study's 'Prefilled, not checked' names the Aim
    assert not any("Aim" in r["Prefilled, not checked"] for r in rows)
    assert _history(project, one)[-1] == ("prefill", "")


def _rewrite(sheet, rows: list[dict[str, str]], marked: bool) -> None:
    """The sheet written with ``rows``; without its as_exported column where not ``marked``
    (a sheet exported before extract export wrote it)."""
    columns = [c for c in rows[0] if marked or c != "as_exported"]
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("marked", [True, False], ids=["marked", "before-the-mark"])
def test_a_sheet_exported_before_the_withdrawal_imports_its_old_prefill_as_left_alone(
    prefilled_before, tmp_path, marked
):
    """A sheet exported while the old rule's Aim stood, read back after a re-prefill withdrew
    it: the cell the person left alone is the old prefill, not their value; a cell they typed
    is theirs. Its mark says so (it showed the old prefill); a sheet without one is read by
    the field's history (it has the text as a prefilled value). Before that guess, the import
    stored the withdrawn sentence as the person's, checked."""
    project, (one, two) = prefilled_before
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0
    assert _history(project, one) == [("prefill", PURPOSEFUL), ("prefill", "")]
    with sheet.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = [f.id for f in project.protocol.extraction]
    for row in rows:  # the sheet as exported before the withdrawal: the old value in the cell
        if int(row["record_id"]) == one:
            row["aim"] = PURPOSEFUL
            row["as_exported"] = row_mark(one, {f: row[f] for f in fields})
            row["conclusions"] = "Coordination helps, we typed."
    _rewrite(sheet, rows, marked)
    assert main(["extract", "import", str(sheet), "--project", str(project.folder)]) == 0
    assert _history(project, one) == [("prefill", PURPOSEFUL), ("prefill", "")]
    now = extract.current(project, [one])[one]
    assert (now["conclusions"].method, now["conclusions"].value) == (
        "csv",
        "Coordination helps, we typed.",
    )
    # typed over the old prefill: the person's value (the withdrawal, a prefill's, is no
    # person's change to refuse it against)
    for row in rows:
        if int(row["record_id"]) == one:
            row["aim"] = "To map coordination."
    _rewrite(sheet, rows, marked)
    assert main(["extract", "import", str(sheet), "--project", str(project.folder)]) == 0
    assert _history(project, one)[-1] == ("csv", "To map coordination.")


@pytest.mark.parametrize("marked", [True, False], ids=["marked", "before-the-mark"])
def test_an_old_prefills_text_typed_into_a_new_sheet(
    prefilled_before, tmp_path, capsys, monkeypatch, marked
):
    """A sheet exported after the withdrawal (the Aim cell empty) where the person typed the
    withdrawn text themselves. Its mark says the cell showed nothing: the text is theirs,
    stored. A sheet without the mark cannot tell it from an old sheet's cell left alone, so it
    is read as left alone, and the import says so, naming the cell and how to keep the text
    (before, it said '0 values changed' and nothing more: the typed value was lost unseen)."""
    project, (one, _) = prefilled_before
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0
    with sheet.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["aim"] for r in rows if int(r["record_id"]) == one] == [""]  # withdrawn
    for row in rows:
        if int(row["record_id"]) == one:
            row["aim"] = PURPOSEFUL  # typed: the same text the old rule gave
    _rewrite(sheet, rows, marked)
    capsys.readouterr()
    assert main(["extract", "import", str(sheet), "--project", str(project.folder)]) == 0
    out = capsys.readouterr().out
    if marked:
        assert "1 value changed" in out and "prefilled with before" not in out
        assert _history(project, one)[-1] == ("csv", PURPOSEFUL)
        return
    assert "0 values changed" in out
    assert f"record {one} 'aim'" in out and "prefilled with before" in out
    assert f"extract set {one} aim=" in out
    assert _history(project, one) == [("prefill", PURPOSEFUL), ("prefill", "")]
    # the line given, typed as it is, keeps the text under the importer's name (reviewer1,
    # $REVIEWKIT_REVIEWER's default when the import ran), not the shell's reviewer now
    type_given(out, monkeypatch, PURPOSEFUL)
    now = extract.current(project, [one])[one]["aim"]
    assert (now.value, now.reviewer) == (PURPOSEFUL, "reviewer1")


def test_an_import_of_cells_left_as_exported_says_nothing_of_old_prefills(
    prefilled_before, tmp_path, capsys
):
    project, _ = prefilled_before
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0
    capsys.readouterr()
    assert main(["extract", "import", str(sheet), "--project", str(project.folder)]) == 0
    assert "prefilled with before" not in capsys.readouterr().out
