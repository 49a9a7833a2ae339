"""Rule kinds a protocol can say, on hand-made records: combination labels, topic precedence and
coexistence, minimum evidence, fallback, word forms and Scandinavian terms; and --evaluate."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.cli import main as cli_main
from reviewkit.errors import ProtocolError
from reviewkit.records import AbstractSection, Record

RULES_PROTOCOL = """
[review]
id = "rules"
title = "Rule kinds"
question = "?"
reviewers = ["ann"]

[stages.title-abstract]
reviewers_per_record = 1

[schemes.dx]
name = "Diagnosis"
none_label = "none"
threshold = 1.0
min_evidence = 1.0
topic_rule = "{topic_rule}"

[[schemes.dx.labels]]
id = "mental"
name = "Mental"
terms = ["depression", {{ term = "psychological", weight = 0.5 }}, {{ term = "distress", weight = 0.5 }}]
terms_sv = ["ångest"]

[[schemes.dx.labels]]
id = "msk"
name = "Musculoskeletal"
terms = ["back pain", {{ term = "pain", weight = 0.5 }}]

[[schemes.dx.labels]]
id = "cancer"
name = "Cancer"
terms = ["cancer"]
terms_da = ["kræft"]

[[schemes.dx.labels]]
id = "mixed"
name = "Mixed"
combines = ["mental", "msk", "cancer"]
min_combined = 2
terms = ["multimorbidity"]

[[schemes.dx.labels]]
id = "gp"
name = "GP and employer"
topic = true
terms = ["general practitioner", "employer*", {{ term = "workplace", weight = 0.5 }}]
terms_no = ["arbeidsgiver", "sykmeldt"]
terms_sv = ["arbetsgivare"]

[schemes.model]
name = "Model"
none_label = "none"
min_evidence = 1.0
fallback_label = "team"

[[schemes.model.labels]]
id = "team"
name = "Team"
terms = ["multiprofessional", "team"]
terms_no = ["tverrfaglig"]

[[schemes.model.labels]]
id = "coordinator"
name = "Coordinator"
terms = ["coordinator"]
terms_no = ["*koordinator"]
terms_sv = ["samverkan"]

[[schemes.model.labels]]
id = "team-coordinator"
name = "Team plus coordinator"
combines = ["team", "coordinator"]
"""


def load(tmp_path: Path, topic_rule: str = "precedence") -> protocol_mod.Protocol:
    path = tmp_path / f"rules-{topic_rule}.toml"
    path.write_text(RULES_PROTOCOL.format(topic_rule=topic_rule), encoding="utf-8")
    return protocol_mod.load(path)


def labels(protocol, scheme: str, title: str = "", abstract: str = "", **kw) -> list[str]:
    sections = [AbstractSection(kw.pop("section", ""), abstract)] if abstract else []
    rec = Record(title=title, abstract_sections=sections, **kw)
    return [s.label for s in classify.suggest(rec, protocol.scheme(scheme))]


def test_combination_needs_evidence_for_two_of_its_labels(tmp_path):
    p = load(tmp_path)
    assert labels(p, "dx", "Depression and back pain at work") == ["mixed"]
    assert labels(p, "dx", "Cancer survivors with depression") == ["mixed"]
    assert labels(p, "dx", "Depression at work") == ["mental"]
    assert labels(p, "dx", "Multimorbidity and work") == ["mixed"]  # its own term
    # the combination carries its parts' evidence and names them
    (mixed,) = classify.suggest(Record(title="Depression and back pain"), p.scheme("dx"))
    assert {e.label for e in mixed.evidence} == {"mental", "msk"}
    score = {
        s.label: s
        for s in classify.score_labels(Record(title="Depression and back pain"), p.scheme("dx"))
    }
    assert score["mixed"].combined == ("mental", "msk")


def test_team_plus_coordinator_is_both_kinds_of_evidence(tmp_path):
    p = load(tmp_path)
    assert labels(p, "model", "A multiprofessional team with a coordinator") == ["team-coordinator"]
    assert labels(p, "model", "A return-to-work coordinator") == ["coordinator"]


def test_minimum_evidence_one_weak_word_is_not_enough(tmp_path):
    p = load(tmp_path)
    # 'pain' (0.5) counts double in the title (score 1.0 = threshold) but its evidence is 0.5
    assert labels(p, "dx", "Pain at work") == ["none"]
    assert labels(p, "dx", "Pain and pain again") == ["none"]  # a term counts once
    # two weak words of one label are enough
    assert labels(p, "dx", "Psychological distress") == ["mental"]


def test_two_spellings_of_one_word_are_one_weak_sign(tmp_path):
    """'pain' and 'pains' listed apart are one word (a plain word finds its forms): together
    they are still one weak sign, not the two a label needs."""
    path = tmp_path / "spellings.toml"
    text = RULES_PROTOCOL.format(topic_rule="precedence")
    old = '{ term = "pain", weight = 0.5 }'
    assert old in text
    path.write_text(text.replace(old, old + ', { term = "pains", weight = 0.5 }'), "utf-8")
    p = protocol_mod.load(path)
    assert labels(p, "dx", "Pain at work") == ["none"]
    assert labels(p, "dx", "Back pain at work") == ["msk"]  # another term of the label counts


def test_topic_precedence_coexistence_and_compete(tmp_path):
    title = "The employer's role for workers with depression"
    assert labels(load(tmp_path, "precedence"), "dx", title) == ["gp"]
    assert labels(load(tmp_path, "coexist"), "dx", title) == ["mental", "gp"]
    assert labels(load(tmp_path, "fallback"), "dx", title) == ["mental"]
    assert labels(load(tmp_path, "fallback"), "dx", "The employer's role") == ["gp"]
    # a weak topic word alone does not take precedence
    assert labels(load(tmp_path, "precedence"), "dx", "Workplace and depression") == ["mental"]
    # coexisting topics may be confirmed beside one other label, not two others
    scheme = load(tmp_path, "coexist").scheme("dx")
    assert classify.allowed_together(scheme, ["mental", "gp"])
    assert not classify.allowed_together(scheme, ["mental", "msk"])


def test_ties_are_reported_and_fallback_is_flagged(tmp_path):
    p = load(tmp_path)
    got = classify.suggest(Record(title="Depression or cancer"), p.scheme("dx"))
    assert [s.label for s in got] == ["mixed"]  # two diagnoses: the combination, not a tie
    got = classify.suggest(Record(title="A team and a coordinator"), p.scheme("model"))
    assert [s.label for s in got] == ["team-coordinator"]
    got = classify.suggest(Record(title="Return to work"), p.scheme("model"))
    assert [s.label for s in got] == ["team"] and got[0].fallback
    assert {"fallback": True} in got[0].evidence_json()


def test_word_forms_by_stemming_and_truncation(tmp_path):
    p = load(tmp_path)
    assert labels(p, "model", "Coordinators in primary care") == ["coordinator"]
    assert labels(p, "model", "Multi-professional rehabilitation") == ["team"]
    assert labels(p, "dx", "Depressed workers") == ["mental"]
    # employer* is a prefix as written: 'employment' is not the employer
    assert labels(p, "dx", "Employers and depression") == ["gp"]
    assert labels(p, "dx", "Employment and depression") == ["mental"]


def test_scandinavian_terms_and_compounds(tmp_path):
    p = load(tmp_path)
    assert labels(p, "dx", "", "Samarbeid med arbeidsgiveren") == ["gp"]  # Norwegian, definite form
    assert labels(p, "dx", "", "Sykmeldte arbeidstakere") == ["gp"]  # sykmeldt, plural
    assert labels(p, "dx", "", "Dialog med arbetsgivaren") == ["gp"]  # Swedish, definite form
    assert labels(p, "dx", "", "Patienter med ångest") == ["mental"]
    assert labels(p, "dx", "", "Patienter med angest") == ["mental"]  # å written as a
    assert labels(p, "dx", "", "Kvinder med kræft") == ["cancer"]
    assert labels(p, "model", "", "Tverrfaglige team") == ["team"]
    assert labels(p, "model", "", "Sykefraværskoordinatoren ringte") == ["coordinator"]
    assert labels(p, "model", "", "Samverkan mellan myndigheter") == ["coordinator"]


def test_mesh_and_structured_sections_are_weighted(tmp_path):
    p = load(tmp_path)
    scheme = p.scheme("dx")
    # background counts half: 'depression' in the background alone is below the threshold
    rec = Record(abstract_sections=[AbstractSection("BACKGROUND", "Depression is common.")])
    assert [s.label for s in classify.suggest(rec, scheme)] == ["none"]
    rec = Record(abstract_sections=[AbstractSection("PARTICIPANTS", "Workers with depression.")])
    (top,) = [s for s in classify.score_labels(rec, scheme) if s.label == "mental"]
    assert top.score == 1.5 and [s.label for s in classify.suggest(rec, scheme)] == ["mental"]
    # MeSH headings are searched (qualifiers off) and count 1.5
    rec = Record(mesh_terms=["Depression/therapy*"])
    (top,) = [s for s in classify.score_labels(rec, scheme) if s.label == "mental"]
    assert top.score == 1.5 and top.evidence[0].where == "mesh"


MULTI_GOLD = """title,gold
Depression at work,mental
The employer's role for workers with depression,mental;gp
Back pain,msk;gp
Cancer at work,mental
"""


def test_evaluate_multi_label_gold_counts_alike_everywhere(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text(MULTI_GOLD, encoding="utf-8")
    # one label per study (topic precedence): a study in two tables agrees with either
    one = classify.evaluate(load(tmp_path, "precedence"), "dx", path)
    assert one.accuracy == pytest.approx(3 / 4)  # only 'Cancer at work' (gold mental) disagrees
    per = one.per_label
    assert per["gp"]["support"] == 1 and per["gp"]["recall"] == 1.0  # row 2, counted under gp
    assert per["msk"]["support"] == 1 and per["msk"]["recall"] == 1.0  # row 3 agrees as msk
    assert one.confusion["mental"]["cancer"] == 1  # row 4
    # the three views agree: hits on the diagonal equal the rows that agree
    assert sum(one.confusion[g][g] for g in one.labels) == 3
    # several labels per study (coexist): the sets must be equal
    many = classify.evaluate(load(tmp_path, "coexist"), "dx", path)
    assert [d.line for d in many.disagreements] == [4, 5]
    assert many.accuracy == pytest.approx(2 / 4)
    assert many.confusion["gp"]["—"] == 1  # row 4: gp in the gold, nothing stood for it
    assert many.per_label["gp"] == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2}
    )
    assert "line 5: gold mental; rules cancer" in many.format()
    assert "cancer: cancer@title" in many.format()


def test_evaluate_cli_needs_no_project(tmp_path, capsys):
    path = tmp_path / "gold.csv"
    path.write_text(MULTI_GOLD, encoding="utf-8")
    proto = tmp_path / "rules-precedence.toml"
    load(tmp_path)
    args = ["classify", "--project", str(tmp_path / "nowhere"), "--evaluate", str(path)]
    assert cli_main([*args, "--scheme", "dx", "--protocol", str(proto)]) == 0
    out = capsys.readouterr().out
    assert "scheme dx (rules): 4 rows, accuracy 0.750" in out
    assert "model (leave-one-out)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("title,gold\nA,mental\nB,cardiology\n", encoding="utf-8")
    code = cli_main(
        ["classify", "--evaluate", str(bad), "--scheme", "dx", "--protocol", str(proto)]
    )
    err = capsys.readouterr().err
    assert code == 2 and "bad.csv:3" in err and "Traceback" not in err


def test_gold_names_ids_with_spaces_and_the_summary_counts_a_tie_once(tmp_path):
    p = load(tmp_path)
    path = tmp_path / "gold.csv"
    path.write_text("title,gold\nA team,TEAM\nA team,Team_Coordinator\n", encoding="utf-8")
    records, golds, _ = classify.read_gold(p.scheme("model"), path)
    assert golds[1] == ["team-coordinator"]
    tied = [
        classify.Suggestion("dx", "mental", 2.0, tie=True),
        classify.Suggestion("dx", "msk", 2.0, tie=True),
    ]
    result = classify.ClassifyResult(
        rules={(1, "dx"): tied, (2, "dx"): [classify.Suggestion("dx", "mental", 2.0)]}
    )
    assert result.counts() == {("dx", "tie"): 1, ("dx", "mental"): 1}


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('combines = ["team", "coordinator"]', 'combines = ["team", "nurse"]', "no label 'nurse'"),
        ('combines = ["team", "coordinator"]', 'combines = ["team"]', "at least two labels"),
        ('fallback_label = "team"', 'fallback_label = "nurse"', "no label 'nurse'"),
        ('topic_rule = "precedence"', 'topic_rule = "first"', "must be one of"),
        ("min_evidence = 1.0\ntopic", "min_evidence = -1\ntopic", "non-negative number"),
        ("min_combined = 2\n", 'min_combined = 2\ncount_as_one = [["msk", "gp"]]\n',
         "two or more of the labels in combines"),
        ("min_combined = 2\n", 'min_combined = 2\ncount_as_one = ["msk", "cancer"]\n',
         "list of lists"),
        ('name = "Coordinator"\n', 'name = "Coordinator"\ncount_as_one = [["a", "b"]]\n',
         "only a combination label"),
        ('name = "Coordinator"\n', 'name = "Coordinator"\ncomplementary = true\n',
         "only a combination label"),
        ("min_combined = 2\n", 'min_combined = 2\ncomplementary = "yes"\n', "complementary"),
    ],
)  # fmt: skip
def test_bad_scheme_options_name_the_key(tmp_path, old, new, message):
    path = tmp_path / "bad.toml"
    text = RULES_PROTOCOL.format(topic_rule="precedence")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProtocolError, match=message):
        protocol_mod.load(path)


def test_a_combination_named_by_its_own_terms_replaces_its_parts(tmp_path):
    p = load(tmp_path)
    # 'multimorbidity' names the combination; 'back pain' alone would be musculoskeletal
    got = classify.suggest(Record(title="Multimorbidity and back pain"), p.scheme("dx"))
    assert [(s.label, s.tie) for s in got] == [("mixed", False)]
