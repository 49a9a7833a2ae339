"""Classification rules on hand-made records, stored suggestions, confirmations, the model, evaluate."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit.errors import UserError
from reviewkit.records import AbstractSection, Record
from reviewkit.store import labels as label_rows


def labels_of(suggestions: list[classify.Suggestion]) -> list[str]:
    return [s.label for s in suggestions]


def test_phrase_matches_whole_phrase_only(test_protocol, make_record):
    scheme = test_protocol.scheme("topic")
    assert labels_of(classify.suggest(make_record(abstract="Workers with back pain."), scheme)) == [
        "msk"
    ]
    # the words apart are not the phrase
    assert labels_of(
        classify.suggest(make_record(abstract="Back to work; pain was low."), scheme)
    ) == ["other"]
    # a hyphen or line break between the words still matches
    assert labels_of(classify.suggest(make_record(abstract="Back-pain patients"), scheme)) == [
        "msk"
    ]


def test_truncation_and_word_boundaries(test_protocol, make_record):
    scheme = test_protocol.scheme("topic")
    for text in ("Depression at work", "depressive symptoms", "DEPRESSED workers"):
        assert labels_of(classify.suggest(make_record(abstract=text), scheme)) == ["mental"], text
    # truncation is at the end only: 'undepressed' is not found by depress*
    assert labels_of(classify.suggest(make_record(abstract="undepressed"), scheme)) == ["other"]
    # phrase with truncation: common mental disorder* finds the plural
    hits = classify.score_labels(make_record(abstract="common mental disorders"), scheme)[
        0
    ].evidence
    assert [(e.term, e.text) for e in hits] == [
        ("common mental disorder*", "common mental disorders")
    ]


def test_weights_and_title_counting_double(test_protocol, make_record):
    scheme = test_protocol.scheme("topic")
    scores = {
        s.label: s.score
        for s in classify.score_labels(
            make_record(title="Musculoskeletal health", abstract="Workers with depression."),
            scheme,
        )
    }
    # musculoskeletal has weight 2 and is in the title (x2) = 4; depress* weight 1 in the abstract = 1
    assert scores == {"mental": 1.0, "msk": 4.0}
    # a term counts once however often it occurs (evidence keeps every place)
    many = classify.score_labels(make_record(abstract="depression, depressed, depressive"), scheme)[
        0
    ]
    assert many.score == 1.0 and len(many.evidence) == 3


def test_negative_terms_subtract(test_protocol, make_record):
    scheme = test_protocol.scheme("topic")
    r = make_record(abstract="Depression and schizophrenia in supported employment.")
    mental = classify.score_labels(r, scheme)[0]
    assert mental.score == 1.0 - 3.0
    assert any(e.negative and e.term == "schizophreni*" for e in mental.evidence)
    assert labels_of(classify.suggest(r, scheme)) == ["other"]


def test_norwegian_terms_with_and_without_special_letters(test_protocol, make_record):
    scheme = test_protocol.scheme("topic")
    for text in ("Personer med psykiske lidelser", "Langt sykefravær", "sykefravaer blant ansatte"):
        assert labels_of(classify.suggest(make_record(abstract=text), scheme)) == ["mental"], text
    # 'muskel- og skjelettlidelser': the hyphen before a space is part of the phrase
    assert labels_of(
        classify.suggest(make_record(abstract="muskel- og skjelettlidelser"), scheme)
    ) == ["msk"]
    assert labels_of(
        classify.suggest(make_record(abstract="muskel og skjelettlidelser"), scheme)
    ) == ["msk"]
    setting = test_protocol.scheme("setting")
    # word forms: the definite form 'fastlegen' is the GP ('fastlege') too
    assert labels_of(classify.suggest(make_record(abstract="Fastlegen sykmeldte"), setting)) == [
        "primary-care"
    ]
    assert labels_of(classify.suggest(make_record(abstract="samarbeid med fastlege"), setting)) == [
        "primary-care"
    ]


def test_multi_label_gets_every_label_over_threshold(test_protocol, make_record):
    setting = test_protocol.scheme("setting")
    r = make_record(
        title="The employer and the general practitioner",
        abstract="Primary care and the workplace.",
    )
    got = classify.suggest(r, setting)
    assert sorted(labels_of(got)) == ["primary-care", "workplace"]
    assert not any(s.tie for s in got)


def test_single_label_tie_is_broken_by_evidence_then_flagged(test_protocol, make_record):
    scheme = test_protocol.scheme("topic")
    # mental: depress* (1) found twice; msk: back pain (1) found once -> same score, more evidence wins
    r = make_record(abstract="Depression and back pain; depressive symptoms.")
    got = classify.suggest(r, scheme)
    assert labels_of(got) == ["mental"] and not got[0].tie
    # equal score and equal evidence -> both, flagged
    both = classify.suggest(make_record(abstract="Depression and back pain."), scheme)
    assert labels_of(both) == ["mental", "msk"] and all(s.tie for s in both)


def test_none_of_these_when_nothing_reaches_threshold(test_protocol, make_record):
    scheme = test_protocol.scheme("topic")
    got = classify.suggest(make_record(title="Return to work after surgery"), scheme)
    assert labels_of(got) == ["other"] and got[0].score == 0.0 and got[0].evidence == []


def test_evidence_says_where_each_term_was_found(test_protocol):
    scheme = test_protocol.scheme("topic")
    r = Record(
        title="Depression at work",
        abstract_sections=[AbstractSection("METHODS", "We surveyed depressed workers.")],
        keywords=["Depressive Disorder"],
        mesh_terms=["Depression/therapy"],
    )
    ev = classify.score_labels(r, scheme)[0].evidence
    assert {(e.where, e.text) for e in ev} == {
        ("title", "Depression"),
        ("abstract:METHODS", "depressed"),
        ("keywords", "Depressive"),
        ("mesh", "Depression"),
    }


def test_shipped_protocol_b_sorts_hand_made_studies(b_included):
    project, ids = b_included
    result = classify.classify_project(project, ids)
    model = {rid: labels_of(result.rules[(rid, "model-type")]) for rid in ids}
    assert model == {ids[0]: ["job-specialist"], ids[1]: ["workplace"], ids[2]: ["coordinator"]}
    diag = {rid: labels_of(result.rules[(rid, "diagnosis")]) for rid in ids}
    assert diag == {ids[0]: ["mental"], ids[1]: ["musculoskeletal"], ids[2]: ["mental"]}


def test_suggestions_are_stored_once_and_stay_suggestions(b_included):
    project, ids = b_included
    first = classify.classify_project(project, ids, ["model-type"])
    assert first.written == len(ids)
    stored = label_rows.current(project.db, "model-type", "rules")
    assert {r.status for rows in stored.values() for r in rows} == {"suggested"}
    assert stored[ids[0]][0].evidence[0]["term"]
    # nothing changed: a second run writes nothing
    assert classify.classify_project(project, ids, ["model-type"]).written == 0
    assigned = classify.assigned_labels(project, "model-type", ids)
    assert not assigned[ids[0]].confirmed and assigned[ids[0]].labels == ("job-specialist",)


def test_confirmation_is_a_new_row_and_wins(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    classify.confirm(project, ids[0], "model-type", ["multidisciplinary-team"], "ann")
    assigned = classify.assigned_labels(project, "model-type", ids)[ids[0]]
    assert assigned == classify.Assigned(("multidisciplinary-team",), True, "ann", "person")
    hist = label_rows.history(project.db, ids[0], "model-type")
    assert [(r.status, r.method) for r in hist] == [("suggested", "rules"), ("confirmed", "person")]
    # changing one's mind appends
    classify.confirm(project, ids[0], "model-type", ["job-specialist"], "bob")
    assert classify.confirmed_labels(project, "model-type")[ids[0]] == ["job-specialist"]
    assert len(label_rows.history(project.db, ids[0], "model-type")) == 3


@pytest.mark.parametrize(
    ("labels", "reviewer", "message"),
    [
        (["nonsense"], "ann", "has no label"),
        (["workplace", "coordinator"], "ann", "one label per study"),
        (["workplace"], "", "reviewer"),
        ([], "ann", "no label"),
    ],
)
def test_confirm_refuses_bad_input(b_included, labels, reviewer, message):
    project, ids = b_included
    with pytest.raises(UserError, match=message):
        classify.confirm(project, ids[0], "model-type", labels, reviewer)
    assert label_rows.history(project.db, ids[0]) == []


def test_model_suggests_once_it_beats_the_rules(project_b, store, include_all):
    # Names the protocol's terms do not know: the rules say "none", only confirmations teach.
    recs = []
    for i in range(4):
        recs.append(Record(title=f"The Sunflower programme, site {i}"))
        recs.append(Record(title=f"The Harbour scheme, site {i}"))
    ids = store(project_b, recs, "test")
    include_all(project_b, ids)
    scheme = project_b.protocol.scheme("model-type")
    assert classify.train_model(project_b, scheme) is None
    for rid, lab in zip(ids[:6], ["job-specialist", "workplace"] * 3, strict=True):
        classify.confirm(project_b, rid, "model-type", [lab], "ann")
    result = classify.classify_project(project_b, ids, ["model-type"])
    status = result.model_status["model-type"]
    assert (status.trained_on, status.rules_accuracy, status.cv_accuracy) == (6, 0.0, 1.0)
    assert "100% cross-validated on 6 confirmed studies (rules 0%); suggested" in status.describe()
    m7 = result.model[(ids[6], "model-type")][0]
    m8 = result.model[(ids[7], "model-type")][0]
    assert (m7.label, m8.label) == ("job-specialist", "workplace")
    assert m7.method == "model" and m7.evidence and all(e.where == "model" for e in m7.evidence)
    stored = label_rows.current(project_b.db, "model-type", "model")
    assert stored[ids[6]][0].label == "job-specialist" and stored[ids[6]][0].status == "suggested"


def test_model_is_not_suggested_while_the_rules_do_as_well(project_b, store, include_all):
    recs = []
    for i in range(3):
        recs.append(Record(title=f"Individual placement and support trial {i}"))
        recs.append(Record(title=f"Dialogue meetings with the employer {i}"))
    ids = store(project_b, recs, "test")
    include_all(project_b, ids)
    for rid, lab in zip(ids[:4], ["job-specialist", "workplace"] * 2, strict=True):
        classify.confirm(project_b, rid, "model-type", [lab], "ann")
    result = classify.classify_project(project_b, ids, ["model-type"])
    status = result.model_status["model-type"]
    assert status.rules_accuracy == 1.0 and not status.suggested
    assert result.model == {}
    assert label_rows.current(project_b.db, "model-type", "model") == {}


EVAL_CSV = """title,abstract,gold
Depression and return to work,,mental
Anxiety? no: depressive symptoms at work,Workers with depression.,Mental
Back pain and sick leave,,msk
Low back pain,Musculoskeletal complaints.,msk
Musculoskeletal and depressive complaints,,mental
Surgery and return to work,,other
Schizophrenia and depression,,mental
"""


def test_evaluate_on_a_labelled_csv(test_protocol, tmp_path: Path):
    path = tmp_path / "gold.csv"
    path.write_text(EVAL_CSV, encoding="utf-8")
    result = classify.evaluate(test_protocol, "topic", path)
    # predictions by hand: mental, mental, msk, msk, msk (musculoskeletal weight 2 in the title = 4 > 2),
    # other, other (schizophreni* -3 cancels depress*)
    assert [p for _, p in result.predictions] == [
        "mental",
        "mental",
        "msk",
        "msk",
        "msk",
        "other",
        "other",
    ]
    assert result.n == 7 and result.accuracy == pytest.approx(5 / 7)
    # mental: tp 2, fp 0, fn 2 -> p 1, r 0.5, f1 2/3
    assert result.per_label["mental"] == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 4}
    )
    # msk: tp 2, fp 1, fn 0 -> p 2/3, r 1, f1 0.8
    assert result.per_label["msk"] == pytest.approx(
        {"precision": 2 / 3, "recall": 1.0, "f1": 0.8, "support": 2}
    )
    # other: tp 1, fp 1, fn 0 -> p 0.5, r 1, f1 2/3
    assert result.per_label["other"] == pytest.approx(
        {"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "support": 1}
    )
    assert {k: v for k, v in result.confusion["mental"].items() if v} == {
        "mental": 2,
        "msk": 1,
        "other": 1,
    }
    assert result.confusion_csv().splitlines() == [
        "gold \\ predicted,mental,msk,other",
        "mental,2,1,1",
        "msk,0,2,0",
        "other,0,0,1",
    ]
    assert "accuracy 0.714" in result.format()


def test_evaluate_names_the_line_of_an_unknown_label(test_protocol, tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_text("title,abstract,gold\nA,,mental\nB,,cardiology\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        classify.evaluate(test_protocol, "topic", path)
    assert err.value.where.endswith("bad.csv:3") and "cardiology" in err.value.message
    path.write_text("title,abstract\nA,\n", encoding="utf-8")
    with pytest.raises(UserError, match="gold label column"):
        classify.evaluate(test_protocol, "topic", path)
