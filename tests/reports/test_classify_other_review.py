"""What another review's protocol brings to the rules engine, on hand-made studies: a scheme
with no terms (model only), a multi-label scheme, terms in other languages with diacritics,
negation, acronyms, hyphen/space variants, plural/singular, and compound patterns.

The scheme without terms, the multi-label scheme, diacritics and hyphen/number variants worked
already and are kept as checks of what another protocol relies on; negation by not/non/no,
acronyms, Scandinavian endings and compound patterns were fixed with these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import add_records

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.cli import main as cli_main
from reviewkit.project import init_project
from reviewkit.records import AbstractSection, Record

OTHER_PROTOCOL = """
[review]
id = "other-review"
title = "Another review, its own schemes"
question = "?"
reviewers = ["ann"]

[stages.title-abstract]
reviewers_per_record = 1

# a scheme with labels and no term list: only the learnt model can suggest
[schemes.design]
name = "Study design"
none_label = "other"

[[schemes.design.labels]]
id = "trial"
name = "Randomised trial"

[[schemes.design.labels]]
id = "qualitative"
name = "Qualitative study"

[schemes.setting]
name = "Setting"
multi_label = true
threshold = 1.0
min_evidence = 1.0

[[schemes.setting.labels]]
id = "workplace"
name = "Workplace"
terms = ["Arbeitsplatz", "workplace", "employer*", "return-to-work plan"]
terms_no = ["arbeidsgiver"]
terms_sv = ["arbetsgivare"]

[[schemes.setting.labels]]
id = "primary-care"
name = "Primary care"
terms = ["general practitioner", "GP", "Hausärzte"]
terms_da = ["praktiserende læge"]

[schemes.dx]
name = "Diagnosis"
none_label = "none"
threshold = 1.0
min_evidence = 1.0

[[schemes.dx.labels]]
id = "msk"
name = "Musculoskeletal"
terms = ["musculoskeletal", "MSD", "Rückenschmerzen"]

[[schemes.dx.labels]]
id = "mental"
name = "Mental"
terms = ["CMD", "common mental disorder", "depression", "AIDS"]

[[schemes.dx.labels]]
id = "job"
name = "Job specialist"
terms = ["IPS", "employment specialist"]

[schemes.team]
name = "Team"
none_label = "none"
threshold = 1.0
min_evidence = 1.0

[[schemes.team.labels]]
id = "team"
name = "Team"
terms = [{ term = "team", weight = 0.5 }]
terms_sv = ["*team"]
terms_no = ["ryggsmerter", "*smerter"]
"""


@pytest.fixture
def other(tmp_path: Path) -> protocol_mod.Protocol:
    path = tmp_path / "other.toml"
    path.write_text(OTHER_PROTOCOL, encoding="utf-8")
    return protocol_mod.load(path)


def labels(protocol, scheme: str, title: str = "", abstract: str = "") -> list[str]:
    rec = Record(title=title, abstract_sections=[AbstractSection("", abstract)] if abstract else [])
    return [s.label for s in classify.suggest(rec, protocol.scheme(scheme))]


TRIALS = [
    "A randomised controlled trial of {}",
    "Randomised trial: {}",
    "A cluster randomised trial of {}",
]
INTERVIEWS = [
    "Interviews on {}: a qualitative study",
    "Focus groups on {}",
    "A qualitative study of {}",
]


def test_a_scheme_without_terms_is_suggested_by_the_model_alone(other, tmp_path):
    project = init_project(tmp_path / "other", tmp_path / "other.toml")
    try:
        topics = ["coaching", "exercise", "sick leave", "dialogue"]
        recs = [Record(title=t.format(x)) for x in topics for t in TRIALS + INTERVIEWS]
        ids = add_records(project, recs)
        first = classify.classify_project(project, ids, ["design"])
        assert {s.label for sugg in first.rules.values() for s in sugg} == {"other"}
        scheme = project.protocol.scheme("design")
        for rid, rec in zip(ids[:18], recs[:18], strict=True):
            lab = "trial" if "trial" in rec.title else "qualitative"
            classify.confirm(project, rid, "design", [lab], "ann")
        assert classify.train_model(project, scheme) is not None
        result = classify.classify_project(project, ids, ["design"])
        assert result.model_status["design"].suggested
        got = {recs[ids.index(rid)].title: s[0].label for (rid, _), s in result.model.items()}
        assert got["A randomised controlled trial of dialogue"] == "trial"
        assert got["Focus groups on dialogue"] == "qualitative"
    finally:
        project.close()


def test_a_scheme_without_terms_evaluates_from_the_cli(other, tmp_path, capsys):
    rows = [t.format(x) for x in ("coaching", "exercise") for t in TRIALS + INTERVIEWS]
    gold = ["trial" if "trial" in r else "qualitative" for r in rows]
    path = tmp_path / "design.csv"
    path.write_text(
        "title,gold\n" + "".join(f"{r},{g}\n" for r, g in zip(rows, gold, strict=True)), "utf-8"
    )
    args = ["classify", "--evaluate", str(path), "--scheme", "design"]
    assert cli_main([*args, "--protocol", str(tmp_path / "other.toml")]) == 0
    out = capsys.readouterr().out
    assert "scheme design (rules): 12 rows, accuracy 0.000" in out
    assert "model (leave-one-out)" in out


def test_multi_label_scheme_suggests_every_label_with_evidence(other):
    assert labels(other, "setting", "The GP and the employer") == ["workplace", "primary-care"]
    assert labels(other, "setting", "A return-to-work plan") == ["workplace"]
    assert labels(other, "setting", "Sick leave") == ["none"]


def test_terms_with_diacritics_find_every_spelling(other):
    for text in ("Rückenschmerzen", "Rueckenschmerzen", "Ruckenschmerzen", "RÜCKENSCHMERZEN"):
        assert labels(other, "dx", text) == ["msk"], text
    for text in ("Hausärzte", "Hausaerzte", "Hausarzte"):
        assert labels(other, "setting", text) == ["primary-care"], text
    assert labels(other, "setting", "Die Arbeitsplatz-Begehung") == ["workplace"]
    assert labels(other, "setting", "praktiserende laeger") == ["primary-care"]  # æ as ae, plural


def test_scandinavian_definite_and_plural_forms(other):
    # Snowball cuts 'arbeidsgiver' and 'arbeidsgiverne' differently; the ending is still a form
    assert labels(other, "setting", "", "Samarbeid med arbeidsgiverne") == ["workplace"]
    assert labels(other, "setting", "", "Dialog med arbetsgivarna") == ["workplace"]


def test_not_non_and_no_right_before_a_term_negate_it(other):
    assert labels(other, "dx", "Pain that is not musculoskeletal") == ["none"]
    assert labels(other, "dx", "Non-musculoskeletal pain") == ["none"]
    assert labels(other, "dx", "Workers with no depression") == ["none"]
    # further away the cue negates something else
    assert labels(other, "dx", "No difference in depression") == ["mental"]
    assert labels(other, "dx", "It did not reduce depression") == ["mental"]
    assert labels(other, "dx", "Not only musculoskeletal") == ["msk"]


def test_acronyms_match_as_words_in_capitals(other):
    assert labels(other, "dx", "IPS-MA for sick-listed people") == ["job"]
    assert labels(other, "dx", "Lorem lipsum") == ["none"]
    assert labels(other, "dx", "Workers with MSDs") == ["msk"]  # plural of the acronym
    assert labels(other, "dx", "CMDs in primary care") == ["mental"]
    assert labels(other, "dx", "First aid at work") == ["none"]  # 'AIDS' is not a stem
    assert labels(other, "dx", "Hearing aids") == ["none"]  # nor the lower-case word
    assert labels(other, "dx", "Type cmd to start") == ["none"]
    assert labels(other, "setting", "Visits to GPs") == ["primary-care"]


def test_hyphen_space_and_number_variants(other):
    for text in ("A return to work plan", "A return-to-work plan", "Return-to-work plans"):
        assert labels(other, "setting", text) == ["workplace"], text
    assert labels(other, "dx", "Common mental disorders") == ["mental"]
    assert labels(other, "dx", "Employment specialists") == ["job"]
    assert labels(other, "dx", "A common-mental-disorder clinic") == ["mental"]


def test_a_compound_pattern_does_not_count_the_plain_word_again(other):
    scheme = other.scheme("team")
    # 'team' is a weak sign (0.5); Swedish '*team' adds compounds, not the bare word again
    assert labels(other, "team", "A team at work") == ["none"]
    (team,) = classify.score_labels(Record(title="A team at work"), scheme)
    assert team.base == 0.5
    assert labels(other, "team", "Samverkansteam i primärvården") == ["team"]
    # a compound listed on its own and found by the pattern is one sign
    (pain,) = classify.score_labels(
        Record(abstract_sections=[AbstractSection("", "ryggsmerter")]), scheme
    )
    assert pain.base == 1.0
    assert labels(other, "team", "", "nakkesmerter") == ["team"]
