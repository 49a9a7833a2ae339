"""An intervention field (``none_if_untested``) left empty for a study that tests no
intervention: a register cohort, a survey, interviews about a workplace. Its METHODS sentence
was the design's ("We linked the national registers of ..."), shown as the study's
intervention; the study has none, and the reviewer writes "none" or the exposure. A programme
studied in an observational design keeps its sentence. Hand-made abstracts of these kinds."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from reviewkit import extract
from reviewkit import screening as scr
from reviewkit.abstract_sections import plain_abstract
from reviewkit.cli import main
from reviewkit.protocol import load
from reviewkit.records import Record

ROOT = Path(__file__).resolve().parents[2]

REGISTER_COHORT = Record(
    title="Sickness absence after a first hospital contact for depression: a register-based cohort",
    abstract_sections=plain_abstract(
        "Background: Little is known about the course of sick leave after a first depression."
        " Methods: All persons aged 20-60 with a first hospital contact for depression in"
        " 2010-2014 were identified in the national patient register; their employer, the"
        " occupational physician's contacts and their sick leave were taken from linked"
        " registers. Results: Two in five had long-term sick leave."
        " Conclusion: Long-term absence is common after a first depression."
    ),
)
SURVEY = Record(
    title="General practitioners' contacts with employers about sick-listed patients: a survey",
    abstract_sections=plain_abstract(
        "Aim: To describe how often general practitioners contact the employer of a sick-listed"
        " patient. Methods: A questionnaire was sent to 900 general practitioners, who reported"
        " their contacts with employers, supervisors and caseworkers in the past month."
        " Results: Few contacted the workplace. Conclusion: Contact with employers is rare."
    ),
)
# a programme studied in a cohort: named as such, it keeps its sentence
PROGRAMME_COHORT = Record(
    title="A coordination programme for workers sick-listed with back pain: a cohort study",
    abstract_sections=plain_abstract(
        "Methods: In a prospective cohort of 410 sick-listed workers, we compared those offered"
        " the programme with those who were not. In the programme a coordinator met the worker,"
        " the employer and the general practitioner to agree on a return-to-work plan."
        " Results: Workers in the programme returned to work earlier."
    ),
)


@pytest.mark.parametrize("record", [REGISTER_COHORT, SURVEY], ids=["register", "survey"])
def test_a_study_that_tests_no_intervention_has_no_intervention_prefilled(review_b, record):
    field = next(f for f in review_b.extraction if f.id == "intervention")
    assert field.none_if_untested
    assert extract.prefill_value(record, field) == ""
    # the same rule without the key gives the design's sentence (what the cell showed)
    assert extract.prefill_value(record, replace(field, none_if_untested=False))


def test_a_programme_studied_in_a_cohort_keeps_its_sentence(review_b):
    field = next(f for f in review_b.extraction if f.id == "intervention")
    value = extract.prefill_value(PROGRAMME_COHORT, field)
    assert value.startswith("In the programme a coordinator met the worker")


def test_only_the_intervention_field_is_left_empty(review_b):
    values = extract.prefill_values(REGISTER_COHORT, review_b.extraction)
    assert values["intervention"] == ""
    assert values["effect"].startswith("Two in five")  # the other fields are prefilled as before


def test_every_shipped_intervention_field_reads_it():
    """Each protocol of an intervention review leaves its intervention field empty for them."""
    shipped = [load(p) for p in sorted((ROOT / "protocols").glob("*.toml"))]
    fields = [f for p in shipped for f in p.extraction if f.id == "intervention"]
    assert len(fields) >= 9 and all(f.none_if_untested for f in fields)
    assert all(extract.prefill_value(SURVEY, f) == "" for f in fields)


def test_extract_export_leaves_the_register_study_s_intervention_empty(project_b, store, tmp_path):
    (rid,) = store(project_b, [REGISTER_COHORT], "snowballing")
    for stage in scr.stage_names(project_b.protocol):
        for who in project_b.protocol.reviewers:
            scr.decide(project_b.db, rid, stage, who, "include", protocol=project_b.protocol)
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project_b.folder)]) == 0
    with sheet.open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["intervention"] == "" and row["effect"].startswith("Two in five")


def test_a_none_if_untested_value_that_is_no_boolean_is_refused(capsys, tmp_path, review_b):
    text = review_b.path.read_text(encoding="utf-8")
    field_key = "not an intervention.\nnone_if_untested = "
    assert field_key + "true" in text  # the extraction field's, not the scheme's
    text = text.replace(field_key + "true", field_key + '"yes"')
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["protocol", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "none_if_untested: must be true or false" in err and "extraction[" in err
