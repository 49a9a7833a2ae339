"""A sign of several terms (``{ all = [...] }`` in a label's terms): found only where every
term stands in one sentence, counted once, at the first term's place; ``protocol check``
refuses one it cannot read (reviewkit/protocol/schemes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.cli import main as cli_main
from reviewkit.records import AbstractSection, Record

PROTOCOL = """[review]
id = "r"
title = "T"
question = "Q"
reviewers = ["a", "b"]

[stages.title-abstract]
reviewers_per_record = 2

[schemes.base]
name = "Where the coordinator works"
min_evidence = 1.0

[[schemes.base.labels]]
id = "insurer"
name = "Insurer"
terms = [{ all = ["case manager*", "insurer*"] }, { term = "case manager*", weight = 0.5 }]

[[schemes.base.labels]]
id = "psychologist"
name = "Psychologist"
terms = [{ all = ["therapist*", "trained"], weight = 1.0 }]
terms_no = [{ all = ["*terapeut", "utdannet"] }]
"""


def _suggested(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "p.toml"
    path.write_text(PROTOCOL, encoding="utf-8")
    scheme = protocol_mod.load(path).scheme("base")
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
    return [s.label for s in classify.suggest(rec, scheme)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A case manager employed by the insurer met each worker.", "insurer"),
        ("Trained therapists gave problem-solving therapy.", "psychologist"),
        ("Terapeutene var utdannet i kognitiv terapi.", "psychologist"),
        # each term alone, or the terms in two sentences, is no sign
        ("A case manager met each worker. The insurer paid the benefit.", "none"),
        ("Therapists gave problem-solving therapy. Managers were trained.", "none"),
        ("Workers were trained in problem solving.", "none"),
        # one term negated ("without") is not there
        ("A case manager without ties to the insurer met each worker.", "none"),
    ],
)
def test_a_sign_of_several_terms_needs_them_all_in_one_sentence(tmp_path, text, label):
    assert _suggested(tmp_path, text) == [label]


def test_a_sign_counts_once_and_shows_all_its_terms(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(PROTOCOL, encoding="utf-8")
    scheme = protocol_mod.load(path).scheme("base")
    text = "A case manager employed by the insurer met each worker."
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
    score = next(s for s in classify.score_labels(rec, scheme) if s.label == "insurer")
    # the sign and the weak head on the same words are one sign: the sign's weight alone
    assert score.score == 1.0
    assert [e.term for e in score.evidence] == ["case manager* + insurer*"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('{ all = ["case manager*"] }', "at least two terms"),
        ('{ all = "case manager*" }', "at least two terms"),
        ('{ all = ["case manager*", 3] }', "at least two terms"),
        ('{ all = ["case manager*", "c++"] }', "'c++'"),
        ('{ all = ["case manager*", "insurer"], term = "x" }', "either 'term' or 'all'"),
        ('{ all = ["case manager*", "insurer"], near = 3 }', "unknown key 'near'"),
    ],
)
def test_protocol_check_refuses_a_sign_it_cannot_read(tmp_path, capsys, entry, message):
    bad = tmp_path / "bad.toml"
    text = PROTOCOL.replace('{ all = ["case manager*", "insurer*"] }', entry, 1)
    bad.write_text(text, encoding="utf-8")
    assert cli_main(["protocol", "check", str(bad)]) != 0
    err = capsys.readouterr().err
    assert message in err and "bad.toml" in err and "Traceback" not in err
