"""Review B's walk-through with two reports of one study: PRISMA's per-column counts, the
evidence map with ``--all``, the extraction screen and the report tables' columns."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reports.conftest import store_records
from textual.widgets import Static

from reviewkit import classify, extract
from reviewkit.cli import main
from reviewkit.dedup.studies import decide_study_link
from reviewkit.records import AbstractSection, Record
from reviewkit.reports.excluded import NAME as EXCLUDED
from reviewkit.reports.report import write_report
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.extract import ExtractScreen


def _rec(title: str, first_author: str, year: int, text: str) -> Record:
    return Record(
        title=title,
        abstract_sections=[AbstractSection("", text)],
        authors=[first_author, "Madsen, Trine"],
        year=year,
        journal="Occup Environ Med",
    )


def _databases() -> list[Record]:
    """Five reports found by databases: a trial's main paper and follow-up, three other studies."""
    return [
        _rec(
            "Individual placement and support for depression",
            "Hellström, Lone",
            2017,
            "IPS for common mental disorders: more returned to work.",
        ),
        _rec(
            "Two-year follow-up of individual placement and support",
            "Hellström, Lone",
            2019,
            "At two years the effect of IPS for depression remained.",
        ),
        _rec(
            "Dialogue meetings with the employer for back pain",
            "Aas, Randi",
            2020,
            "Meetings at the workplace for back pain.",
        ),
        _rec(
            "A rehabilitation coordinator for sick-listed workers",
            "Doe, Jane",
            2015,
            "A coordinator supported workers with anxiety and stress.",
        ),
        _rec(
            "A multidisciplinary team for musculoskeletal sick leave",
            "Berg, Ole",
            2018,
            "A team of GP, physiotherapist and caseworker for back pain.",
        ),
    ]


def _other_methods() -> list[Record]:
    return [
        _rec(
            "An evaluation of job specialists in Danish job centres",
            "Holm, Eva",
            2016,
            "Job specialists in mental health treatment for depression.",
        ),
        _rec(
            "Workplace dialogue in occupational health services",
            "Lie, Per",
            2014,
            "The employer and occupational health service met about neck pain.",
        ),
    ]


@pytest.fixture
def linked(project_b, include_all):
    """Review B: five database reports (two of them of one study, linked) and two snowballed
    reports, all included: 7 reports of 6 studies."""
    ids = store_records(project_b, _databases(), "PubMed")
    ids += store_records(project_b, _other_methods(), "snowballing")
    include_all(project_b, ids)
    decide_study_link(project_b.db, ids[0], ids[1], True, "ann")
    return project_b, ids


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_prisma_columns_count_studies_with_their_reports_beside(linked, tmp_path: Path):
    """PRISMA 2020 counts studies included (with reports beside): each column's "studies
    included" counted reports (5 + 2 against 6 studies in all)."""
    project, _ = linked
    write_report(project, tmp_path / "out", ("csv",))
    counts = {
        (r["Section"], r["Item"]): int(r["Count"]) for r in _rows(tmp_path / "out" / "prisma.csv")
    }
    assert counts["included", "studies included"] == 6
    assert counts["included", "reports of included studies"] == 7
    assert counts["databases and registers", "studies included"] == 4
    assert counts["databases and registers", "reports of included studies"] == 5
    assert counts["other methods", "studies included"] == 2
    assert counts["other methods", "reports of included studies"] == 2


def test_evidence_map_all_counts_linked_reports_once(linked, tmp_path: Path):
    """`evidence-map --all` passed no grouping: the two linked reports were two studies. With
    every report included, `--all` and the default map the same six studies."""
    project, ids = linked
    classify.classify_project(project, ids)
    argv = ["evidence-map", "--project", str(project.folder), "--rows", "model-type"]
    argv += ["--cols", "diagnosis"]
    assert main([*argv, "--all", "--out", str(tmp_path / "all")]) == 0
    assert main([*argv, "--out", str(tmp_path / "included")]) == 0
    for name in ("evidence-map.csv", "evidence-map-cells.csv", "evidence-map.notes.txt"):
        every = (tmp_path / "all" / name).read_text(encoding="utf-8")
        assert every == (tmp_path / "included" / name).read_text(encoding="utf-8"), name
    cells = _rows(tmp_path / "all" / "evidence-map-cells.csv")
    assert sum("Hellström" in r["studies"] for r in cells) >= 1
    assert all(r["studies"].count("Hellström") <= 1 for r in cells)
    assert "[2 reports]" in "".join(r["studies"] for r in cells)


def _table_rows(folder: Path) -> list[dict[str, str]]:
    return [r for f in sorted((folder / "tables").glob("*.csv")) for r in _rows(f)]


def test_reports_column_only_where_a_study_has_several(linked, tmp_path: Path):
    """Once one study link existed, every one-report row repeated its Reference in Reports."""
    project, _ = linked
    write_report(project, tmp_path / "out", ("csv",))
    rows = _table_rows(tmp_path / "out")
    trial = [r for r in rows if "Hellström" in r["Reference"]]
    assert trial and all(len(r["Reports"].split("\n")) == 2 for r in trial)
    others = [r for r in rows if "Hellström" not in r["Reference"]]
    assert len(others) >= 5 and all(r["Reports"] == "" for r in others)


def test_authors_columns_writes_the_protocols_columns_only(linked, tmp_path: Path):
    """`report --authors-columns`: the protocol's columns only (no label status, no prefill
    marks), a study's reports listed in its Reference cell; in every format."""
    project, _ = linked
    out = tmp_path / "out"
    argv = ["report", "--project", str(project.folder), "--out", str(out), "--authors-columns"]
    assert main([*argv, "--format", "csv,md,xlsx,docx"]) == 0
    protocol_columns = ["Country", "Intervention", "Population", "Design", "Effect", "Reference"]
    for f in sorted((out / "tables").glob("*.csv")):
        if f.stem != EXCLUDED:  # the studies excluded at full text: not the protocol's layout
            assert next(csv.reader(f.open(encoding="utf-8"))) == protocol_columns, f.name
    rows = _table_rows(out)
    (trial,) = [r for r in rows if "Hellström" in r["Reference"]]
    assert [ref.split(". ")[1] for ref in trial["Reference"].split("\n")] == [
        "Individual placement and support for depression",
        "Two-year follow-up of individual placement and support",
    ]
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "| Country | Intervention | Population | Design | Effect | Reference |" in md
    assert "Label status" not in md and "Prefilled, not checked" not in md


def test_authors_columns_notes_count_the_unchecked_prefilled_values(
    linked, include_all, tmp_path: Path
):
    """With no 'Prefilled, not checked' column, each table's notes say how many of its values
    no person has checked (they were published with no word of it)."""
    project, _ = linked
    trial = _rec("Job specialists at the GP's office", "Berg, Ola", 2021, "A randomised trial.")
    trial.affiliations = ["University of Bergen, Bergen, Norway"]
    trial.publication_types = ["Randomized Controlled Trial"]
    include_all(project, store_records(project, [trial], "PubMed"))
    team, out = tmp_path / "team", tmp_path / "out"
    write_report(project, team, ("csv",))
    argv = ["report", "--project", str(project.folder), "--out", str(out), "--authors-columns"]
    assert main([*argv, "--format", "csv"]) == 0
    said = 0
    for f in sorted((team / "tables").glob("*.csv")):
        marks = [r["Prefilled, not checked"] for r in _rows(f)]
        n = sum(len(m.split(", ")) for m in marks if m)
        notes = " ".join(
            (out / "tables" / f.name.replace(".csv", ".notes.txt")).read_text().split()
        )
        if n:
            said += 1
            value = "1 value in this table was" if n == 1 else f"{n} values in this table were"
            assert f"{value} filled in from the records" in notes, notes
        else:
            assert "filled in from the records" not in notes, notes
    assert said


def test_xlsx_sheets_are_named_for_their_labels_with_a_title_row(linked, tmp_path: Path):
    """The sheets were named by label id ("team-coordinator") and began with the header."""
    project, _ = linked
    write_report(project, tmp_path / "out", ("xlsx",))
    book = load_workbook(tmp_path / "out" / "report.xlsx")
    assert book.sheetnames[:5] == [
        "Multidisciplinary team",
        "Job specialist in mental…",  # Excel's 31 characters, cut at a word
        "Sick-leave rehabilitation…",  # '/' is not allowed in a sheet name
        "Team plus coordinator",
        "Workplace-centred collaboration",
    ]
    sheet = book["Multidisciplinary team"]
    assert str(sheet["A1"].value).startswith("Multidisciplinary team (n = ")
    assert [c.value for c in sheet[2]][:2] == ["Country", "Intervention"]
    assert sheet.freeze_panes == "A3"
    # the map's, the agreement's and PRISMA's sheets too are named for a reader, as the label
    # tables' are (they were 'evidence-map', 'agreement' and 'prisma', their file ids)
    assert book.sheetnames[-3:] == ["Evidence map", "Agreement", "PRISMA 2020 flow"]


def test_xlsx_sheet_names_excel_refuses_are_not_written(tmp_path: Path):
    """A sheet name may not begin or end with an apostrophe nor be "History" (Excel calls
    such a workbook corrupt); a label's name may be either."""
    from reviewkit.reports.writers import Table, write_xlsx

    tables = [
        Table("other", "'Other' services (n = 1)", ["Study"], [["A"]], "", "'Other' services"),
        Table("history", "History (n = 1)", ["Study"], [["B"]], "", "History"),
    ]
    book = load_workbook(write_xlsx(tables, tmp_path / "t.xlsx"))
    assert book.sheetnames == ["Other' services", "History (table)"]


def _status(screen) -> str:
    return str(screen.query_one("#status", Static).render())


def _fields(screen) -> str:
    return str(screen.query_one("#fields", Static).render())


def test_extract_screen_names_the_report_of_its_study_and_tab_skips_what_a_sibling_has(linked):
    """A second report of a linked study showed as "study 2 of 7 (id 42)", nothing saying
    that its study's fields were filled on its first report, and Tab stopped on it."""
    project, ids = linked
    for rid in ids:
        for spec in project.protocol.extraction:
            extract.set_value(project, rid, spec.id, "" if rid == ids[1] else "x", "ann")
    extract.set_value(project, ids[0], "country", "Denmark", "ann")
    extract.set_value(project, ids[3], "effect", "", "ann")  # the one real gap
    trial, second, gap = ids[0], ids[1], ids[3]

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(120, 44)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.current == gap  # not the second report, whose study has every field
            assert _status(screen).startswith("filled in 5 of 6 · study 3 of 6 (id ")
            await pilot.press("k", "k")
            await pilot.pause()
            assert screen.current == second
            assert _status(screen).startswith(
                f"filled in 5 of 6 · report 2 of 2 of study {trial} (id {second})"
            )
            assert "Country: (empty here; report 1 of the study has: Denmark)" in _fields(screen)
            await pilot.press("k")
            await pilot.pause()
            assert _status(screen).startswith(
                f"filled in 5 of 6 · report 1 of 2 of study {trial} (id {trial})"
            )
            await pilot.press("tab")  # past the second report, on to the gap
            await pilot.pause()
            assert screen.current == gap and "Effect: (empty)" in _fields(screen)

    asyncio.run(scenario())


def test_extraction_sheet_says_which_report_of_its_study_a_row_is(linked, tmp_path: Path):
    """The sheet's two rows of one study had nothing but the same study label in common."""
    project, ids = linked
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0
    report = {int(r["record_id"]): r["report"] for r in _rows(sheet)}
    assert report[ids[0]] == f"1 of 2 (study {ids[0]})"
    assert report[ids[1]] == f"2 of 2 (study {ids[0]})"
    assert all(report[rid] == "" for rid in ids[2:])
    argv = ["extract", "import", str(sheet), "--project", str(project.folder)]
    argv += ["--reviewer", "reviewer1"]
    assert main(argv) == 0  # the column is read-only: the sheet goes back as it came


def test_update_columns_count_new_studies_with_their_reports(project_b, include_all, tmp_path):
    """In an update, each column's studies are its new studies; a new report of an earlier
    study counts among the databases' reports, not its studies."""
    first, second, *more = _databases()
    before = store_records(project_b, [first], "PubMed")
    include_all(project_b, before)
    write_report(project_b, tmp_path / "v1", ("csv",), new_version="v1")
    since = store_records(project_b, [second, more[0]], "PubMed")
    since += store_records(project_b, _other_methods(), "snowballing")
    include_all(project_b, since)
    decide_study_link(project_b.db, before[0], since[0], True, "ann")  # a new report of it
    decide_study_link(project_b.db, since[2], since[3], True, "ann")  # two snowballed reports
    write_report(project_b, tmp_path / "v2", ("csv",))
    counts = {
        (r["Section"], r["Item"]): int(r["Count"]) for r in _rows(tmp_path / "v2" / "prisma.csv")
    }
    assert counts["included", "new studies included"] == 2
    assert counts["databases and registers", "studies included"] == 1
    assert counts["databases and registers", "reports of included studies"] == 2
    assert counts["other methods", "studies included"] == 1
    assert counts["other methods", "reports of included studies"] == 2
