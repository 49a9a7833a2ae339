"""A compound pattern and a quoted word of one label find the bare word once, at the quoted
term's weight, as a plain word's: ``"team"`` (weak) beside Swedish ``*team``."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

PROTOCOL = """[review]
id = "r"
title = "T"
question = "Q"
reviewers = ["a", "b"]

[stages.title-abstract]
reviewers_per_record = 2

[schemes.model]
name = "Model"
min_evidence = 1.0

[[schemes.model.labels]]
id = "team"
name = "Team"
terms = [{{ term = {word}, weight = 0.5 }}]
terms_sv = ["*team"]
"""


# the TOML values: a quoted word ('"team"', found as written) and a plain one ("team")
@pytest.mark.parametrize("word", ["'\"team\"'", '"team"'])
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A team followed each worker.", "none"),  # the bare word: one weak sign
        ("Ett samverkansteam följde varje arbetstagare.", "team"),  # the compound: whole
    ],
)
def test_a_quoted_word_is_plain_beside_a_compound_pattern(tmp_path: Path, word, text, label):
    path = tmp_path / "p.toml"
    path.write_text(PROTOCOL.format(word=word), encoding="utf-8")
    scheme = protocol_mod.load(path).scheme("model")
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
    assert [s.label for s in classify.suggest(rec, scheme)] == [label]
