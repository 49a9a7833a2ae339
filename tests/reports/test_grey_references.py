"""Grey literature in the report and the export: a report imported from RIS is cited with its
place and publisher (Citing Medicine's form for a report), and exported as a report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.pair_queue import record_type
from reviewkit.records import Record
from reviewkit.reports.tables import reference
from reviewkit.store import records as record_rows

TA, FT = "title-abstract", "full-text"
# a grey report as a reference manager exports it (RIS type RPRT; also read in
# tests/core/test_record_kinds.py)
REPORT_RIS = Path(__file__).parents[1] / "core" / "fixtures" / "grey_report.ris"


def test_a_report_imported_from_ris_is_cited_and_exported_as_a_report(project_b, capsys):
    assert main(["import", str(REPORT_RIS), "--project", str(project_b.folder)]) == 0
    (rid,) = record_rows.get_records(project_b.db, [1])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, rid, TA, who, "include")
        scr.decide(project_b.db, rid, FT, who, "include")
    stored = record_rows.get_records(project_b.db, [rid])[rid]
    assert record_type(stored) == "report"  # dedup review's type column ('—' before)
    assert reference(stored) == (
        "Nilsen O, Dahl K. Samarbeid om sykefravær mellom NAV og helsetjenesten."
        " Oslo: Arbeids- og velferdsdirektoratet; 2018."
        " Available from: https://www.nav.no/rapport-2018"
    )
    capsys.readouterr()
    args = ["export", "--included", "--project", str(project_b.folder), "--format"]
    assert main([*args, "ris"]) == 0
    ris = capsys.readouterr().out
    assert "TY  - RPRT" in ris and "PB  - Arbeids- og velferdsdirektoratet" in ris
    assert main([*args, "bibtex"]) == 0
    bib = capsys.readouterr().out
    assert "@techreport{" in bib and "institution = {Arbeids- og velferdsdirektoratet}" in bib


def _meeting_abstract(**typed) -> Record:
    """A meeting abstract in a journal's supplement (volume 45, page 56), typed as ``typed``
    says: each database marks one its own way."""
    return Record(
        title="Work focus",
        authors=["Lie, Anne"],
        year=2019,
        journal="Scand J Work Environ Health",
        volume="45",
        pages="56",
        **typed,
    )


def test_other_kinds_of_work_in_citing_medicine_s_form():
    thesis = Record(
        title="Return to work after common mental disorders",
        authors=["Berg, Kari"],
        year=2020,
        kind="thesis",
        publisher="University of Bergen",
        place="Bergen",
    )
    assert reference(thesis) == (
        "Berg K. Return to work after common mental disorders [thesis]."
        " Bergen: University of Bergen; 2020."
    )
    chapter = Record(
        title="Dialogue meetings",
        authors=["Lie, Anne"],
        year=2019,
        kind="chapter",
        journal="Arbeid og helse",
        publisher="Gyldendal",
        place="Oslo",
        pages="12-19",
    )
    assert reference(chapter) == (
        "Lie A. Dialogue meetings. In: Arbeid og helse. Oslo: Gyldendal; 2019. p. 12-19."
    )
    series = Record(
        title="Sickness absence", year=2021, kind="report", publisher="FHI", journal="Rapport"
    )
    assert reference(series) == "Sickness absence. FHI; 2021. (Rapport)."
    # a conference paper in a journal supplement, with no publisher: cited as the article
    congress = _meeting_abstract(publication_types=["Congress"])
    assert reference(congress) == "Lie A. Work focus. Scand J Work Environ Health. 2019;45:56."
    # Embase's and Scopus' CONF for a meeting abstract in a journal's supplement, with the
    # journal's publisher: a volume says it is in the journal
    embase = _meeting_abstract(
        kind="conference", publisher="Nordic Association of Occupational Safety and Health"
    )
    assert reference(embase) == "Lie A. Work focus. Scand J Work Environ Health. 2019;45:56."


def test_a_thesis_title_keeps_its_abbreviation_s_stop_before_the_medium():
    """Citing Medicine's '[thesis]' follows the title without MEDLINE's final full stop, but an
    abbreviation's own stop stays ('the U.S. [thesis]', not 'the U.S [thesis]')."""
    thesis = Record(
        title="Sick leave in Norway and the U.S.",
        authors=["Berg, Kari"],
        year=2020,
        kind="thesis",
        publisher="University of Bergen",
        place="Bergen",
    )
    assert reference(thesis).startswith("Berg K. Sick leave in Norway and the U.S. [thesis].")
    ended = replace(thesis, title="Return to work after common mental disorders.")
    assert reference(ended).startswith("Berg K. Return to work after common mental disorders [")
