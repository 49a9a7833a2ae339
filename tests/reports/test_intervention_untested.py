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
from reviewkit.records import Record

ROOT = Path(__file__).resolve().parents[2]

REGISTER_COHORT = Record(
    title="Sickness absence after a first hospital contact for depression: a register-based cohort",
    abstract_sections=plain_abstract(
        "Background: Little is known about the course of sick leave after a first depression."
        " Methods: All persons aged 20-60 with a first hospital contact for depression in"
        " 2010-2014 were identified in the national patient register and followed in linked"
        " registers of sickness benefit and income for five years."
        " Results: Two in five had long-term sick leave."
        " Conclusion: Long-term absence is common after a first depression."
    ),
)
SURVEY = Record(
    title="General practitioners' certification of sick leave for back pain: a national survey",
    abstract_sections=plain_abstract(
        "Aim: To describe how general practitioners certify sick leave for low back pain."
        " Methods: A questionnaire was sent to 900 general practitioners, who reported the length"
        " of the certificates they issued and their reasons in the past month."
        " Results: Most certified two weeks or less. Conclusion: Certification varies widely."
    ),
)
# a programme studied in a cohort, named as such: it keeps its sentence
PROGRAMME_COHORT = Record(
    title="A coordination programme for workers sick-listed with back pain: a cohort study",
    abstract_sections=plain_abstract(
        "Methods: In a prospective cohort of 410 sick-listed workers, we compared those offered"
        " the programme with those who were not. In the programme a coordinator met the worker,"
        " the employer and the general practitioner to agree on a return-to-work plan."
        " Results: Workers in the programme returned to work earlier."
    ),
)
# a register study of meetings that names no programme (no "intervention", "programme"): the
# classifier's reading of what was tested (Review B's model type) still finds the meeting of
# the parties, so the sentence describing it stays
MEETINGS_REGISTER = Record(
    title=(
        "Dialogue meetings of the employee, the employer and the general practitioner and return"
        " to work: a register study"
    ),
    abstract_sections=plain_abstract(
        "Methods: We used national registers for 12,400 sickness absence spells in 2014-2016 and"
        " compared spells with and without a dialogue meeting. In the dialogue meeting the"
        " employee, the employer and the general practitioner agreed on a return-to-work plan"
        " with adjusted tasks. Results: Spells with a dialogue meeting ended earlier."
    ),
)


@pytest.mark.parametrize("record", [REGISTER_COHORT, SURVEY], ids=["register", "survey"])
def test_a_study_that_tests_no_intervention_has_no_intervention_prefilled(review_b, record):
    field = next(f for f in review_b.extraction if f.id == "intervention")
    assert field.none_if_untested
    assert extract.prefill_value(record, field) == ""
    # the METHODS section, as most shipped intervention fields take it: the design, now empty
    whole = replace(field, prefill=("section:METHODS",))
    assert extract.prefill_value(record, replace(whole, none_if_untested=False))
    assert extract.prefill_value(record, whole) == ""


def test_a_programme_studied_in_a_cohort_keeps_its_sentence(review_b):
    field = next(f for f in review_b.extraction if f.id == "intervention")
    value = extract.prefill_value(PROGRAMME_COHORT, field)
    assert value.startswith("In the programme a coordinator met the worker")


def test_a_register_study_of_meetings_keeps_the_meeting_s_sentence(review_b):
    field = next(f for f in review_b.extraction if f.id == "intervention")
    value = extract.prefill_value(MEETINGS_REGISTER, field)
    assert value.startswith("In the dialogue meeting the employee, the employer")


def test_only_the_intervention_field_is_left_empty(review_b):
    values = extract.prefill_values(SURVEY, review_b.extraction)
    assert values["intervention"] == ""
    assert values["effect"].startswith("Most certified")  # the other fields are prefilled as before


def test_without_a_scheme_reading_it_the_design_s_words_alone_decide(review_b):
    """A protocol whose schemes do not read such a study (no ``none_if_untested`` scheme): the
    record's design words and no programme named leave the field empty; a dialogue meeting,
    arranged for the sick-listed, is a programme named (reviewkit.classify.untested.ARRANGED)."""
    field = next(f for f in review_b.extraction if f.id == "intervention")
    alone = replace(field, tested_schemes=())
    assert extract.prefill_value(REGISTER_COHORT, alone) == ""
    assert extract.prefill_value(SURVEY, alone) == ""
    assert extract.prefill_value(MEETINGS_REGISTER, alone).startswith("In the dialogue meeting")
    assert extract.prefill_value(PROGRAMME_COHORT, alone).startswith("In the programme")


def test_extract_export_leaves_the_survey_s_intervention_empty(project_b, store, tmp_path):
    (rid,) = store(project_b, [SURVEY], "snowballing")
    for stage in scr.stage_names(project_b.protocol):
        for who in project_b.protocol.reviewers:
            scr.decide(project_b.db, rid, stage, who, "include", protocol=project_b.protocol)
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project_b.folder)]) == 0
    with sheet.open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["intervention"] == "" and row["effect"].startswith("Most certified")


def test_a_none_if_untested_value_that_is_no_boolean_is_refused(capsys, tmp_path, review_b):
    text = review_b.path.read_text(encoding="utf-8")
    field_key = "keeps its own.\nnone_if_untested = "
    assert field_key + "true" in text  # the extraction field's, not the scheme's
    text = text.replace(field_key + "true", field_key + '"yes"')
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["protocol", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "none_if_untested: must be true or false" in err and "extraction[" in err
