"""The extraction sheet reads a section by NLM's category of its label where the record has one
(PubMed XML's NlmCategory), before reviewkit's own reading of the label: JAMA's "CONCLUSIONS AND
RELEVANCE" is NLM's CONCLUSIONS, so Review A's Conclusions cell is that section, not the first
sentence saying "suggest"; "BACKGROUND AND AIMS" is NLM's OBJECTIVE, and the Aim cell is its
part from the sentence stating the aim. The same abstract from RIS, whose labels come without a category,
reads as before."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from core.pubmed_articles import pubmed_article

from reviewkit.cli import main
from reviewkit.extract import prefill_value
from reviewkit.protocol import ExtractionField
from reviewkit.records import AbstractSection, Record

CONCLUSIONS = "Work-directed care shortened sick leave and should be offered."
SUGGEST = "The pooled figures suggest a fall in sick leave."
SECTIONS = [
    ("IMPORTANCE", "BACKGROUND", "Sick leave is common among nurses."),
    ("OBJECTIVE", "OBJECTIVE", "To review return-to-work programmes for nurses."),
    ("RESULTS", "RESULTS", f"Twelve reviews were included. {SUGGEST}"),
    ("CONCLUSIONS AND RELEVANCE", "CONCLUSIONS", CONCLUSIONS),
]


def _row(project, tmp_path: Path, name: str, text: str | bytes) -> dict[str, str]:
    """The row of Review A's sheet after importing file ``name`` (one record)."""
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    folder = str(project.folder)
    assert main(["import", str(path), "--project", folder]) == 0
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--all", "--project", folder]) == 0
    with out.open(encoding="utf-8-sig") as fh:
        (row,) = csv.DictReader(fh)
    return row


def test_a_section_is_read_by_nlms_category_of_its_label(project_a, tmp_path: Path):
    row = _row(project_a, tmp_path, "one.xml", pubmed_article(SECTIONS))
    assert row["conclusions"] == CONCLUSIONS


def test_the_same_labels_without_a_category_read_as_before(project_a, tmp_path: Path):
    abstract = " ".join(f"{label}: {text}" for label, _, text in SECTIONS)
    ris = f"TY  - JOUR\nAU  - Nilsen, Ola\nTI  - Nurses\nPY  - 2021\nAB  - {abstract}\nER  - \n"
    assert _row(project_a, tmp_path, "one.ris", ris)["conclusions"] == SUGGEST


AIM = "We investigated whether a programme helps. We also describe its costs."


def test_a_background_and_aims_section_gives_its_aim_not_its_background(project_a, tmp_path):
    """NLM's OBJECTIVE is right that the aim is there, the label that the background opens it."""
    sections = [
        ("BACKGROUND AND AIMS", "OBJECTIVE", f"Sick leave is common. Its causes are many. {AIM}"),
        ("METHODS", "METHODS", "A cohort of 200 nurses."),
    ]
    assert _row(project_a, tmp_path, "one.xml", pubmed_article(sections))["aim"] == AIM


def test_back_matter_nlm_files_under_background_is_no_background(project_a, tmp_path):
    """NLM's BACKGROUND holds a trial's registration and the funding too: not Review A's Aim."""
    sections = [
        ("METHODS", "METHODS", "A cohort of 200 nurses."),
        ("TRIAL REGISTRATION", "BACKGROUND", "PROSPERO CRD42020123456."),
        ("FUNDING", "BACKGROUND", "The Research Council of Norway."),
    ]
    assert _row(project_a, tmp_path, "one.xml", pubmed_article(sections))["aim"] == ""


@pytest.mark.parametrize(
    ("rule", "sections", "taken"),
    [
        # NLM's category is coarser than a rule may name: STUDY DESIGN is METHODS to NLM, and
        # still section:DESIGN's (the snapshot's 112 Review B design cells emptied without it)
        ("section:DESIGN", [("STUDY DESIGN", "METHODS", "A cohort.")], "A cohort."),
        # one category for text of two kinds: METHODS AND RESULTS opens with the methods
        ("section:RESULTS", [("METHODS AND RESULTS", "RESULTS", "We did x. It fell.")], ""),
        # one kind, two words: NLM's METHODS is the methods
        ("section:METHODS", [("MATERIALS AND METHODS", "METHODS", "We did x.")], "We did x."),
        ("section:CONCLUSIONS", [("DISCUSSION", "CONCLUSIONS", "It helps.")], "It helps."),
    ],
)
def test_which_sections_nlms_category_finds(rule, sections, taken):
    parts = [AbstractSection(label, text, nlm) for label, nlm, text in sections]
    rec = Record(title="Nurses", abstract_sections=parts)
    assert prefill_value(rec, ExtractionField(id="f", name="F", prefill=(rule,))) == taken


def test_a_category_nlm_gives_several_sections_finds_none_by_it():
    """DESIGN, SETTING and INTERVENTIONS are all NLM's METHODS: section:METHODS is none of them,
    and the comparator rules reach INTERVENTIONS (it took the DESIGN for 52 snapshot cells)."""
    parts = [
        AbstractSection("DESIGN", "A randomised trial.", "METHODS"),
        AbstractSection("INTERVENTIONS", "Yoga or an educational book.", "METHODS"),
    ]
    rules = ("section:METHODS", "section:INTERVENTIONS")
    rec = Record(title="Yoga", abstract_sections=parts)
    assert prefill_value(rec, ExtractionField(id="f", name="F", prefill=rules)) == parts[1].text
