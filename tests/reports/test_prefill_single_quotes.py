"""A prefill word in single quotes ('found', or ‘found’ as a word processor types them) is no
word as written: that is double quotes, as in PubMed's phrase search. Read, it was the word with
its quotes, which no sentence holds (the field stayed empty, unexplained); protocol check
refuses it and says to use double quotes. A section label is matched to the abstract's
headings, so it takes no quotes at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewkit.cli import main

REVIEW_B = Path(__file__).resolve().parents[2] / "protocols" / "work-health-collaboration.toml"


def _check(tmp_path: Path, rule: str) -> int:
    # a TOML basic string (json's escapes are TOML's): the rule holds single quotes
    text = REVIEW_B.read_text(encoding="utf-8").replace(
        '"section:INTERVENTION",', json.dumps(rule) + ",", 1
    )
    protocol = tmp_path / "protocol.toml"
    protocol.write_text(text, encoding="utf-8")
    return main(["protocol", "check", str(protocol)])


@pytest.mark.parametrize(
    "rule",
    [
        "sentence:aim|'found'",
        "sentence:aim|\u2018found\u2019",
        "section:METHODS:team|'IPS'",
    ],
)
def test_a_word_in_single_quotes_is_refused(tmp_path, capsys, rule):
    assert _check(tmp_path, rule) == 2
    err = capsys.readouterr().err
    assert f"the prefill rule {rule!r} has a word in single quotes" in err
    assert '"found"' in err and "protocol.toml:" in err


@pytest.mark.parametrize("rule", ["sentence:workers'|aim", "section:METHODS:team|don't"])
def test_an_apostrophe_at_one_end_passes(tmp_path, capsys, rule):
    """A possessive's apostrophe is no quoting (what it matches is another matter)."""
    assert _check(tmp_path, rule) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "rule", ['section:"OUTCOME MEASURES"', 'section:"METHODS":team|coordinat', "section:'RESULTS'"]
)
def test_a_section_label_in_quotes_is_refused(tmp_path, capsys, rule):
    """A label is matched to the abstract's headings, never to a quoted text: in quotes (as a
    label with a space might seem to need) it matched no heading, and the field stayed empty."""
    assert _check(tmp_path, rule) == 2
    err = capsys.readouterr().err
    assert f"the prefill rule {rule!r} has a section label in quotes" in err
    assert "section:OUTCOME MEASURES" in err


def test_a_section_label_with_an_apostrophe_passes(tmp_path, capsys):
    assert _check(tmp_path, "section:AUTHORS' CONCLUSIONS") == 0, capsys.readouterr().err
