"""A CSV holds data only, so each CSV of the report has a notes file beside it
(``<name>.notes.txt``) with the title and the note the Markdown, Word and XLSX reports print
with that table: a CSV reader also learns why the evidence map's cells add up to more than its
total, or that a label is only a suggestion."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from reviewkit import screening
from reviewkit.cli import main
from reviewkit.records import Record
from reviewkit.reports import prisma
from reviewkit.reports.report import prisma_table


def _md_notes(md: str) -> dict[str, str]:
    """Markdown section title -> the paragraph between it and its table, as a reader sees them
    (a backslash escape, '\\<name>', shown as the character it escapes)."""
    found = re.findall(r"^## (.+)\n\n(?!\|)(.+)\n\n\|", md, flags=re.MULTILINE)
    shown = re.compile(r"\\([!-/:-@[-`{-~])")  # CommonMark's escapes: ASCII punctuation
    return {shown.sub(r"\1", title): shown.sub(r"\1", note) for title, note in found}


def _notes_file(path: Path) -> tuple[str, str]:
    """(title, note) of a notes file, the note's lines joined again."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    return head.split(": ", 1)[1], " ".join(body.split())


def test_every_csv_has_its_tables_notes_beside_it(tied, tmp_path: Path):
    project, _ = tied
    out = tmp_path / "out"
    assert main(["report", "--project", str(project.folder), "--out", str(out)]) == 0
    md_notes = _md_notes((out / "report.md").read_text(encoding="utf-8"))
    md_notes |= _md_notes((out / "evidence-map" / "evidence-map.md").read_text(encoding="utf-8"))
    csvs = sorted(out.rglob("*.csv"))
    assert {p.name for p in csvs} >= {"agreement.csv", "prisma.csv", "evidence-map-cells.csv"}
    compared = 0
    for csv_path in csvs:
        notes = csv_path.with_name(csv_path.stem + ".notes.txt")
        assert notes.is_file(), notes
        title, note = _notes_file(notes)
        if title in md_notes:  # the same words as the other formats print with the table
            assert note == md_notes[title], csv_path
            compared += 1
    assert compared >= 4  # the topic tables and the map's two at least
    title, note = _notes_file(out / "evidence-map" / "evidence-map.notes.txt")
    assert title.startswith("Evidence map") and "The cells add up to" in note
    table_notes = [_notes_file(p) for p in (out / "tables").glob("*.notes.txt")]
    assert any("is a tie" in note and "(n = 2)" in title for title, note in table_notes)


def test_agreement_leaves_out_reports_not_retrieved_as_prisma_does(
    project_b, store, make_record, tmp_path: Path
):
    """Both reviewers voted 'exclude: no full text' on a report they could not get: no
    reviewer judged it, and PRISMA 2020 counts it as not retrieved, not assessed, so the
    full-text agreement leaves it out (2 studies, PRISMA's 2 assessed) and its note says so."""
    ids = store(project_b, [make_record(f"Study {i}", year=2020) for i in range(3)], "PubMed")
    db = project_b.db
    for rid in ids:
        for reviewer in project_b.protocol.reviewers:
            screening.decide(db, rid, "title-abstract", reviewer, "include")
            if rid == ids[0]:
                screening.decide(db, rid, "full-text", reviewer, "exclude", "no-full-text")
            else:
                screening.decide(db, rid, "full-text", reviewer, "include")
    out = tmp_path / "out"
    assert main(["report", "--project", str(project_b.folder), "--out", str(out)]) == 0
    with (out / "agreement.csv").open(encoding="utf-8") as fh:
        rows = {r["Stage"]: r for r in csv.DictReader(fh)}
    assert rows["full-text"]["Studies both screened"] == "2"
    assert rows["title-abstract"]["Studies both screened"] == "3"
    with (out / "prisma.csv").open(encoding="utf-8") as fh:
        prisma_rows = {r[1]: r[2] for r in csv.reader(fh)}
    assert prisma_rows["reports assessed for eligibility"] == "2"
    assert prisma_rows["reports not retrieved"] == "1"
    note = _notes_file(out / "agreement.notes.txt")[1]
    said = (
        "full-text: 1 report not retrieved (excluded for no full text) is left out, as PRISMA"
        " 2020 does not count such reports among those assessed for eligibility"
    )
    assert said in note and "can include" not in note
    assert said in (out / "report.md").read_text(encoding="utf-8")


def test_prisma_numbers_note_says_which_identification_rows_add_up():
    """The PRISMA table lists a database's line, its searches and their latest runs' hits one
    under another: the note says which rows make "records identified", and that sum holds."""
    counts = prisma.PrismaCounts(
        databases={"PubMed": 12, "Embase": 4},
        searches={"s1": 7, "s2": 3},
        search_databases={"s1": "PubMed", "s2": "PubMed"},
        imported={"PubMed": 2, "Embase": 4},
        retrieved={"s1": 9, "s2": 3},  # a rerun found 2 records stored already
        other_sources={"citation searching": 5},
        flow=prisma.Flow(screened=21, sought=21, assessed=21, included=21),
    )
    table = prisma_table(counts)
    assert table.note.startswith(
        "'records identified' is the sum of the 'database: <name>' and 'other method:' rows;"
    )
    assert "'(retrieved by its latest run)' row is what that search's last run found" in table.note
    items = {item: n for _, item, n in table.rows}
    summed = [
        n
        for item, n in items.items()
        if item.startswith("other method:")
        or (item.startswith("database:") and not item.endswith("(imported files)"))
    ]
    assert sum(summed) == items["records identified"] == 21
    under = [n for i, n in items.items() if i.startswith("search:") and "latest run" not in i]
    assert sum(under) + items["database: PubMed (imported files)"] == items["database: PubMed"]
    # without stored searches the note leaves the latest runs out
    assert "latest run" not in prisma_table(prisma.PrismaCounts(databases={"X": 1})).note


def test_the_prisma_command_writes_the_notes_the_report_writes(project_b, store, tmp_path):
    """`prisma` writes prisma.csv into the folder `report` uses: its notes file comes with it,
    the same as the report's, rather than an earlier report's left beside newer numbers."""
    store(project_b, [Record(title=f"Study {i}", year=2020) for i in range(2)], "PubMed")
    folder = str(project_b.folder)
    report_out, prisma_out = tmp_path / "report", tmp_path / "prisma"
    assert main(["report", "--project", folder, "--out", str(report_out)]) == 0
    assert main(["prisma", "--project", folder, "--out", str(prisma_out)]) == 0
    notes = prisma_out / "prisma.notes.txt"
    assert notes.read_text(encoding="utf-8") == (report_out / "prisma.notes.txt").read_text(
        encoding="utf-8"
    )
    assert _notes_file(notes)[1].startswith("'records identified' is the sum of")


def test_a_notes_file_breaks_lines_at_spaces_only() -> None:
    """A hyphenated word or a long address at the wrap column stays whole: read back, the words
    are the note's words (a break at a hyphen gave 'full- text')."""
    from reviewkit.reports.writers import Table, notes_text

    words = [f"w{i:02d}" for i in range(23)]
    note = " ".join([*words, "full-text", "reports", "https://doi.org/10.1000/" + "x" * 120])
    text = notes_text(Table(name="t", title="T", columns=["a"], note=note), "t.csv")
    body = text.split("\n\n", 1)[1]
    assert body.split() == note.split()
    assert all(len(line) <= 100 for line in body.splitlines() if " " in line)
