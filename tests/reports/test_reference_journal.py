"""The report's references name the journal by its title abbreviation without full stops, as
NLM's Citing Medicine does ('Occup Environ Med'), and by its full title when the record has no
abbreviation: read back from every table the report command writes (Markdown, Excel, Word)."""

from __future__ import annotations

from docx import Document
from openpyxl import load_workbook

from reviewkit.cli import main
from reviewkit.records import Record
from reviewkit.reports.tables import reference

# one study with the abbreviation as Scopus and Web of Science write it (ISO's, full stops),
# one with no abbreviation at all (a CSV or a reference manager that left it out)
RIS = """TY  - JOUR
AU  - Hellström, Lone
TI  - Individual placement and support for sick-listed people with depression
AB  - An employment specialist joined mental health treatment. A randomised trial.
T2  - Occupational and Environmental Medicine
J2  - Occup. Environ. Med.
PY  - 2017
VL  - 74
IS  - 10
SP  - 717
EP  - 725
ER  -

TY  - JOUR
AU  - Aas, Randi W
TI  - Convergence dialogue meetings with the employer for workers with back pain
AB  - Dialogue meetings at the workplace for musculoskeletal pain shortened sick leave.
T2  - Journal of Occupational Rehabilitation
PY  - 2020
VL  - 30
SP  - 1
EP  - 9
ER  -
"""
ABBREVIATED = (
    "Hellström L. Individual placement and support for sick-listed people with depression."
    " Occup Environ Med. 2017;74(10):717-725."
)
FULL = (
    "Aas RW. Convergence dialogue meetings with the employer for workers with back pain."
    " Journal of Occupational Rehabilitation. 2020;30:1-9."
)


def test_the_report_cites_the_abbreviation_else_the_full_title(project_b, include_all, tmp_path):
    source = tmp_path / "two.ris"
    source.write_text(RIS, encoding="utf-8")
    folder = str(project_b.folder)
    assert main(["import", str(source), "--project", folder]) == 0
    include_all(project_b, [1, 2])
    out = tmp_path / "exports"
    assert main(["report", "--project", folder, "--out", str(out)]) == 0

    md = (out / "report.md").read_text(encoding="utf-8")
    assert ABBREVIATED in md and FULL in md
    assert "Occupational and Environmental Medicine" not in md  # the full title gave way
    workbook = load_workbook(out / "report.xlsx")
    cells = {str(c.value) for ws in workbook for row in ws.iter_rows() for c in row}
    assert {ABBREVIATED, FULL} <= cells
    document = Document(str(out / "report.docx"))
    texts = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {ABBREVIATED, FULL} <= texts


def test_an_abbreviation_loses_its_full_stops_and_keeps_its_place():
    """'Ann. N.Y. Acad. Sci.' as ISO writes it is NLM's 'Ann N Y Acad Sci'; a place after the
    title keeps its parentheses ('Clin Toxicol (Phila)'); an abbreviation that is the
    journal's own name ('BMJ') reads as it did."""
    cited = {
        "Ann. N.Y. Acad. Sci.": "Ann N Y Acad Sci. 2019;1:2.",
        "Clin Toxicol (Phila)": "Clin Toxicol (Phila). 2019;1:2.",
        "BMJ": "BMJ. 2019;1:2.",
    }
    for abbreviation, tail in cited.items():
        rec = Record(
            title="T",
            journal="Full Title",
            journal_abbreviation=abbreviation,
            year=2019,
            volume="1",
            pages="2",
        )
        assert reference(rec) == f"T. {tail}"
