"""A label that stands for another scheme's labels shares their terms (``terms_of``): the
depression review's approach *clinical* is its four clinical types together."""

from __future__ import annotations

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod
from reviewkit.errors import ProtocolError

PROTOCOL = """
[review]
id = "nested"
title = "A scheme within a scheme"
question = "?"
reviewers = ["ann"]

[stages.title-abstract]
reviewers_per_record = 1

[schemes.approach]
name = "Approach"
none_label = "neither"
min_evidence = 1.0

[[schemes.approach.labels]]
id = "work"
name = "Work-directed"
terms = ["modified work"]

[[schemes.approach.labels]]
id = "clinical"
name = "Clinical"
terms_of = [{shared}]
terms = [{{ term = "therapy", weight = 0.5 }}]

[schemes.kind]
name = "Clinical kind"
none_label = "no-clinical"
min_evidence = 1.0

[[schemes.kind.labels]]
id = "psychological"
name = "Psychological"
terms = ["CBT", {{ term = "sessions", weight = 0.5 }}]
terms_no = ["kognitiv terapi"]

[[schemes.kind.labels]]
id = "drug"
name = "Pharmacological"
terms = ["sertraline"]
"""


def _load(tmp_path, shared: str, more: str = "") -> protocol_mod.Protocol:
    path = tmp_path / "nested.toml"
    path.write_text(PROTOCOL.format(shared=shared) + more, encoding="utf-8")
    return protocol_mod.load(path)


def _approach(p: protocol_mod.Protocol, text: str) -> list[str]:
    return suggested(p, "approach", text, title="A trial")


def test_a_label_shares_every_label_of_the_scheme_it_names(tmp_path):
    p = _load(tmp_path, '"kind"')
    assert _approach(p, "Workers received CBT.") == ["clinical"]
    assert _approach(p, "Workers took sertraline.") == ["clinical"]
    assert _approach(p, "Arbeidstakerne fikk kognitiv terapi.") == [
        "clinical"
    ]  # Norwegian terms too
    assert _approach(p, "Six therapy sessions.") == [
        "clinical"
    ]  # its own weak term and a shared one


def test_a_label_shares_one_named_label(tmp_path):
    p = _load(tmp_path, '"kind.drug"')
    assert _approach(p, "Workers took sertraline.") == ["clinical"]
    assert _approach(p, "Workers received CBT.") == ["neither"]


@pytest.mark.parametrize(
    ("shared", "message"),
    [
        ('"kinds"', "no scheme 'kinds'"),
        ('"approach"', "is this label's own scheme"),
        ('"kind.exercise"', "no label 'exercise' in scheme 'kind'"),
    ],
)
def test_a_terms_of_that_names_nothing_is_refused(tmp_path, shared, message):
    with pytest.raises(ProtocolError) as err:
        _load(tmp_path, shared)
    assert message in str(err.value)
    assert err.value.hint


def test_a_label_that_shares_terms_is_not_shared_again(tmp_path):
    # one step only: the named labels' terms must be written out
    third = """
[schemes.third]
name = "Third"

[[schemes.third.labels]]
id = "x"
name = "X"
terms_of = ["approach.clinical"]
"""
    with pytest.raises(ProtocolError) as err:
        _load(tmp_path, '"kind"', third)
    assert "takes terms from another scheme itself" in str(err.value)
