"""Aim and conclusions prefilled from structured abstracts of every kind: a Cochrane review's
seven headings (one line of RIS, or each heading on its own line), PRISMA 2020 for Abstracts'
items and common journal headings; the aim prefers Objectives over Background."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit import extract
from reviewkit.abstract_sections import plain_abstract
from reviewkit.cli import main
from reviewkit.protocol.model import ExtractionField
from reviewkit.records import AbstractSection, Record

COCHRANE = (
    "Background: Work disability due to depression is common and costly. "
    "Objectives: To evaluate the effectiveness of interventions aimed at reducing work"
    " disability in employees with depressive disorders. "
    "Search methods: We searched CENTRAL, MEDLINE, Embase and PsycINFO up to April 2020. "
    "Selection criteria: We included randomised controlled trials of work-directed or"
    " clinical interventions. "
    "Data collection and analysis: Two review authors independently extracted the data. "
    "Main results: We included 45 studies with 88,649 participants. "
    "Authors' conclusions: Work-directed interventions combined with clinical care probably"
    " reduce sickness absence."
)
AIM = (
    "To evaluate the effectiveness of interventions aimed at reducing work disability in"
    " employees with depressive disorders."
)
CONCLUSIONS = (
    "Work-directed interventions combined with clinical care probably reduce sickness absence."
)
# Review A's prefill rules (protocols/rtw-systematic-reviews.toml)
AIM_FIELD = ExtractionField(
    "aim",
    "Aim of the review",
    prefill=(
        "section:OBJECTIVE",
        "section:OBJECTIVES",
        "section:AIM",
        "section:AIMS",
        "section:PURPOSE",
        "section:BACKGROUND",
        "sentence:aim|objective|purpose",
    ),
)
CONCLUSIONS_FIELD = ExtractionField(
    "conclusions",
    "Conclusions of the review",
    prefill=(
        "section:CONCLUSION",
        "section:CONCLUSIONS",
        "section:INTERPRETATION",
        "section:IMPLICATIONS",
        "sentence:conclude|conclusion|suggest",
    ),
)


def test_one_line_cochrane_abstract_through_import_and_export(project_a, tmp_path: Path):
    ris = tmp_path / "cochrane.ris"
    ris.write_text(
        "TY  - JOUR\nAU  - Nieuwenhuijsen, Karen\nTI  - Interventions to improve return to work"
        " in depressed people\nPY  - 2020\nT2  - Cochrane Database Syst Rev\n"
        f"AB  - {COCHRANE}\nER  - \n",
        encoding="utf-8",
    )
    folder = str(project_a.folder)
    assert main(["import", str(ris), "--project", folder]) == 0
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--all", "--project", folder]) == 0
    with out.open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["aim"] == AIM  # Objectives, not Background, and not on into "Search methods"
    assert row["conclusions"] == CONCLUSIONS  # without "Authors' conclusions:"


def test_cochrane_headings_on_their_own_lines_and_in_upper_case():
    lines = (
        "BACKGROUND\nWork disability due to depression is common.\nOBJECTIVES:\n"
        f"{AIM}\nSEARCH METHODS\nWe searched CENTRAL.\nMAIN RESULTS\nWe included 45 studies.\n"
        f"AUTHORS' CONCLUSIONS\n{CONCLUSIONS}"
    )
    rec = Record(title="A review", abstract_sections=plain_abstract(lines))
    assert [s.label for s in rec.abstract_sections] == [
        "BACKGROUND",
        "OBJECTIVES",
        "SEARCH METHODS",
        "MAIN RESULTS",
        "AUTHORS' CONCLUSIONS",
    ]
    assert extract.prefill_value(rec, AIM_FIELD) == AIM
    assert extract.prefill_value(rec, CONCLUSIONS_FIELD) == CONCLUSIONS
    # the upper-case form run into one line, as some databases export it
    upper = Record(title="A review", abstract_sections=plain_abstract(COCHRANE.upper()))
    assert extract.prefill_value(upper, CONCLUSIONS_FIELD) == CONCLUSIONS.upper()


def test_a_record_stored_with_the_headings_inside_one_section():
    """A record imported before these headings were known keeps its abstract as one section:
    the prefill splits it again."""
    rec = Record(title="A review", abstract_sections=[AbstractSection("", COCHRANE)])
    assert extract.prefill_value(rec, AIM_FIELD) == AIM
    assert extract.prefill_value(rec, CONCLUSIONS_FIELD) == CONCLUSIONS


def test_prisma_for_abstracts_and_journal_headings():
    prisma = (
        "Objectives: To assess collaboration models. Eligibility criteria: Trials of adults on"
        " sick leave. Information sources: PubMed and Embase to 2021. Risk of bias: Cochrane"
        " RoB 2. Synthesis of results: Random-effects meta-analysis. Included studies: 12"
        " trials. Limitations of evidence: Few trials. Interpretation: Coordination helps."
    )
    labels = [s.label for s in plain_abstract(prisma)]
    assert labels == [
        "Objectives",
        "Eligibility criteria",
        "Information sources",
        "Risk of bias",
        "Synthesis of results",
        "Included studies",
        "Limitations of evidence",
        "Interpretation",
    ]
    rec = Record(title="A review", abstract_sections=plain_abstract(prisma))
    assert extract.prefill_value(rec, CONCLUSIONS_FIELD) == "Coordination helps."
    opinion = (
        "Purpose of review: To summarise return-to-work models. Recent findings: Teams help."
        " Summary: Coordination matters."
    )
    rec = Record(title="A review", abstract_sections=plain_abstract(opinion))
    assert extract.prefill_value(rec, AIM_FIELD) == "To summarise return-to-work models."
    # a sentence that merely starts like a heading stays text
    assert plain_abstract("Risk of bias was low in the trials.")[0].label == ""
