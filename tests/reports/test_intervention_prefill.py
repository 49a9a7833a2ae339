"""Review B's Intervention field, prefilled from METHODS: the sentence that names the
intervention's parts (who takes part, a team, a coordinator, the employer), outside the
control arm. It was the whole METHODS section, whose first sentence is the design or the
allocation ("280 patients were randomised."), and which went on to the control arm: in the
report's Intervention column the reader met the allocation first. Measured on Review B's kind
of abstracts (the held-out sets labelled with its schemes, tests/reports/fixtures)."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from reviewkit import extract
from reviewkit import screening as scr
from reviewkit.abstract_sections import plain_abstract
from reviewkit.cli import main
from reviewkit.prefill_sentences import split_sentences
from reviewkit.protocol import load
from reviewkit.records import Record

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "reports" / "fixtures"
REVIEW_B = ROOT / "protocols" / "work-health-collaboration.toml"
# the held-out abstracts of Review B's kind: its model types and diagnosis groups
SETS = sorted(
    p
    for p in FIXTURES.glob("heldout_*.csv")
    if any(k in p.name for k in ("rtw_abstracts", "coordination", "workplace"))
)


def _rows() -> tuple[dict[str, Record], set[str]]:
    """The records, and the keys of those that study a programme: a Review B model type in
    the gold, or a set of programmes only (coordination, workplace: no model-type column)."""
    out, programmes = {}, set()
    for path in SETS:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                record = Record(
                    title=row["title"], abstract_sections=plain_abstract(row["abstract"])
                )
                out[f"{path.stem}:{row['id']}"] = record
                if row.get("model_type", "programme") != "none":
                    programmes.add(f"{path.stem}:{row['id']}")
    return out, programmes


RECORDS, PROGRAMMES = _rows()
FIELD = next(f for f in load(REVIEW_B).extraction if f.id == "intervention")
METHODS = replace(FIELD, prefill=("section:METHODS",))  # the rule as it was: the section


def _methods_sentences(record: Record) -> list[str]:
    return [s for s in split_sentences(extract.prefill_value(record, METHODS)) if s]


@pytest.mark.parametrize(
    ("key", "starts"),
    [
        # allocation first, then the programme: the second sentence describes it
        ("heldout_coordination_abstracts:V01", "In the programme a case manager of the job centre"),
        # the control arm's sentence names a coordinator and the employer too: not taken
        ("heldout_rtw_abstracts_8:T06", "In the intervention group a team of a rheumatologist"),
        ("heldout_workplace_abstracts:M02", "In the workplace intervention an ergonomist"),
        # the tested arm in the allocation; the next sentence is usual care's
        ("heldout_rtw_abstracts_8:T09", "240 workers sick-listed 6-12 weeks"),
        # one sentence naming the intervention by its therapy: it was left empty ('therapist'
        # did not find 'therapy')
        ("heldout_rtw_abstracts_2:K12", "Workers on sick leave with chronic low back pain and"),
        # a register study: no intervention named, nothing prefilled (was the whole METHODS)
        ("heldout_rtw_abstracts_7:S01", ""),
    ],
)
def test_the_sentence_naming_the_intervention(key, starts):
    value = extract.prefill_value(RECORDS[key], FIELD)
    assert value.startswith(starts) and (value or not starts)
    if starts:
        assert value in _methods_sentences(RECORDS[key])  # one sentence, not the section


def test_on_review_b_s_abstracts_one_sentence_and_mostly_not_the_first():
    """Each prefill from a METHODS section of several sentences is one of them; the first
    sentence is the design or the allocation in most, so most picks are a later one (72 of the
    101 at the time of writing; the whole section, 101 of 101, before). Counted on the studies
    of a programme, which always have a sentence to pick (118 later, none empty, of 153 at stop
    48): a study that tests no intervention (a register cohort, a survey: most of set 13) may
    have none, and an empty prefill there is no evidence that the rule picks well."""
    several = {k: r for k, r in RECORDS.items() if len(_methods_sentences(r)) > 1}
    later = of_programmes = 0
    for key, record in several.items():
        value = extract.prefill_value(record, FIELD)
        sentences = _methods_sentences(record)
        assert value == "" or value in sentences
        if key in PROGRAMMES:
            assert value, key  # a programme's study names it in a sentence
            of_programmes += 1
            later += value != sentences[0]
    assert of_programmes >= 100 and later >= 0.7 * of_programmes


def test_extract_export_writes_the_intervention_sentence(project_b, store, tmp_path):
    record = RECORDS["heldout_coordination_abstracts:V01"]
    (rid,) = store(project_b, [record], "snowballing")
    for stage in scr.stage_names(project_b.protocol):
        for who in project_b.protocol.reviewers:
            scr.decide(project_b.db, rid, stage, who, "include", protocol=project_b.protocol)
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project_b.folder)]) == 0
    with sheet.open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["intervention"].startswith("In the programme a case manager of the job centre")
    assert "randomised" not in row["intervention"]


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ("section:METHODS:", "needs a label and words: section:LABEL:word|word"),
        ("section::team|coordinator", "needs a label and words: section:LABEL:word|word"),
        # a ':' typed for '|' made one word no abstract holds: the field stayed empty for
        # every record, and protocol check said nothing
        ("section:METHODS:team:coordinat", "has ':' among its words: words are separated by '|'"),
        ("sentence:aim:objective", "has ':' among its words: words are separated by '|'"),
        # a sentence rule takes words, not a label (it said 'needs a label after ':'')
        ("sentence:", "needs words after ':': sentence:word|word"),
        # '*' alone is the start of every word: the field took every abstract's first sentence
        ("sentence:aim|*", "has a '*' that follows no start of a word"),
        ("section:METHODS:team|*", "has a '*' that follows no start of a word"),
        # a '*' before or inside a word is no wildcard: a word no abstract holds
        ("sentence:*aim", "has a '*' that follows no start of a word"),
    ],
)
def test_a_prefill_rule_s_words_are_checked(tmp_path, capsys, rule, said):
    text = REVIEW_B.read_text(encoding="utf-8").replace('"section:INTERVENTION",', f'"{rule}",', 1)
    protocol = tmp_path / "protocol.toml"
    protocol.write_text(text, encoding="utf-8")
    assert main(["protocol", "check", str(protocol)]) == 2
    err = capsys.readouterr().err
    assert f"the prefill rule {rule!r} {said}" in err and "protocol.toml:" in err
