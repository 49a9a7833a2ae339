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
        # a term listed twice is found wherever the first is: the sign would be its head alone
        ('{ all = ["case manager*", "Case Manager*"] }', "'Case Manager*' is listed twice"),
    ],
)
def test_protocol_check_refuses_a_sign_it_cannot_read(tmp_path, capsys, entry, message):
    bad = tmp_path / "bad.toml"
    text = PROTOCOL.replace('{ all = ["case manager*", "insurer*"] }', entry, 1)
    bad.write_text(text, encoding="utf-8")
    assert cli_main(["protocol", "check", str(bad)]) != 0
    err = capsys.readouterr().err
    assert message in err and "bad.toml" in err and "Traceback" not in err


def _score(tmp_path: Path, terms_no: str, text: str) -> tuple[float, list[str]]:
    """The Norwegian label's score and evidence terms for ``text`` with ``terms_no`` as its
    terms (a compound pattern ``*word`` beside a plain word or a sign)."""
    path = tmp_path / "p.toml"
    path.write_text(
        PROTOCOL.replace('terms_no = [{ all = ["*terapeut", "utdannet"] }]', terms_no),
        encoding="utf-8",
    )
    scheme = protocol_mod.load(path).scheme("base")
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
    score = next(s for s in classify.score_labels(rec, scheme) if s.label == "psychologist")
    return score.score, [e.term for e in score.evidence]


def test_a_signs_head_is_no_plain_word_that_takes_a_compounds_place(tmp_path):
    """A compound pattern's evidence on a bare word is dropped where a plain term of the label
    finds that word (it counts there); a sign's head counts only beside its other terms, so a
    sign headed by the bare word must not take it away from the pattern."""
    terms_no = 'terms_no = ["*team", { all = ["team", "utdannet"] }]'
    assert _score(tmp_path, terms_no, "Et team møtte hver arbeidstaker.") == (1.0, ["*team"])


def test_a_sign_headed_by_a_compound_pattern_is_not_dropped_for_a_weak_word(tmp_path):
    """A sign headed by ``*terapeut`` beside a weak plain ``terapeut``: where both find the
    word and the sign's other term stands in the sentence, the sign counts (the heavier on the
    same words), not the weak word alone."""
    terms_no = (
        'terms_no = [{ all = ["*terapeut", "utdannet"] }, { term = "terapeut", weight = 0.5 }]'
    )
    text = "Terapeuten var utdannet i kognitiv terapi."
    assert _score(tmp_path, terms_no, text) == (1.0, ["*terapeut + utdannet"])


def test_a_signs_unknown_key_is_named_as_the_protocol_writes_it(tmp_path, capsys):
    """The sign is named as its evidence is ("case manager* + insurer*"), not as a Python
    list, on its line, with the entry written right when the key is a misspelling."""
    bad = tmp_path / "bad.toml"
    entry = '{ all = ["case manager*", "insurer*"], wieght = 2 }'
    text = PROTOCOL.replace('{ all = ["case manager*", "insurer*"] }', entry, 1)
    bad.write_text(text, encoding="utf-8")
    assert cli_main(["protocol", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    line = text[: text.index(entry)].count("\n") + 1
    assert err.splitlines() == [
        f'error: {bad}:{line}: schemes.base.labels[0].terms: sign "case manager* + insurer*": '
        "unknown key 'wieght' (did you mean 'weight'?)",
        '  hint: write { all = ["case manager*", "insurer*"], weight = 2 }',
    ]
