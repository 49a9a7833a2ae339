"""The non-breaking hyphen U+2011 (Word's Ctrl+Shift+-, publishers' XML: "burn‑out",
"non‑coding") is a hyphen to the classification as "-" and U+2010 are: a protocol's term
written with it is split at it, a text's words joined across it ("burn‑out" is the term
"burnout"), and a compound so written is one ("return‑to‑work plan")."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod
from reviewkit.classify.term_syntax import compile_term

DEMO = Path(__file__).resolve().parents[2] / "protocols" / "demo-work-health.toml"
NB = "\u2011"  # NON-BREAKING HYPHEN


def _demo_with(tmp_path: Path, term: str) -> protocol_mod.Protocol:
    """The demo protocol with its mental-health term "burn-out" written as ``term``."""
    text = DEMO.read_text(encoding="utf-8")
    assert '  "burn-out",' in text
    edited = tmp_path / "protocol.toml"
    edited.write_text(text.replace('  "burn-out",', f'  "{term}",', 1), encoding="utf-8")
    return protocol_mod.load(edited)


@pytest.mark.parametrize("written", ["burnout", f"burn{NB}out", "burn-out"])
def test_a_term_written_with_the_non_breaking_hyphen_is_a_term(tmp_path, written):
    # the protocol check took U+2011 for a character no word holds and refused the term
    protocol = _demo_with(tmp_path, f"burn{NB}out")
    abstract = f"Nurses on sick leave with {written} were followed for a year."
    assert suggested(protocol, "health", abstract) == ["mental"]


def test_a_joined_term_finds_its_words_joined_by_the_non_breaking_hyphen(tmp_path):
    protocol = _demo_with(tmp_path, "burnout")
    for hyphen in ("-", "\u2010", NB):
        abstract = f"Nurses on sick leave with burn{hyphen}out were followed for a year."
        assert suggested(protocol, "health", abstract) == ["mental"], hyphen


def test_the_highlight_of_a_term_spans_the_non_breaking_hyphen():
    text = f"Nurses with burn{NB}out"
    assert compile_term("burn-out").search(text).group(0) == f"burn{NB}out"


def test_a_compound_with_the_non_breaking_hyphen_is_one(review_b):
    # as with "-", U+2010 and the en dash (test_coordinators_abroad): the plan is the
    # coordinator's, its "work" not a party of the sentence
    compound = NB.join(("return", "to", "work"))
    text = f"The coordinator agreed a {compound} plan with the employer and the supervisor."
    assert suggested(review_b, "model-type", text) == ["coordinator"]
    # and "co‑ordinated" the word of contact "coordinated"
    text = f"The coordinator co{NB}ordinated a return-to-work plan with the employer and the supervisor."
    assert suggested(review_b, "model-type", text) == ["coordinator"]


PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"


@pytest.mark.parametrize(
    "text",
    [
        "Workers sick-listed for 8{}12 weeks with low back pain.",
        "Arbeidstakere som var sykmeldt i 8{}12 uker for korsryggsmerter.",
    ],
)
def test_a_range_of_weeks_written_with_the_non_breaking_hyphen_is_a_range(text):
    conditioning = protocol_mod.load(PROTOCOLS / "rtw-physical-conditioning.toml")
    spelt = [suggested(conditioning, "duration", text.format(h)) for h in ("-", NB)]
    assert spelt == [["subacute"], ["subacute"]]


def test_an_adjective_of_months_with_the_non_breaking_hyphen_is_a_follow_up():
    outcomes = protocol_mod.load(PROTOCOLS / "rtw-work-outcomes.toml")
    text = "The trial reports the 24{}month follow-up of the workers."
    spelt = [suggested(outcomes, "followup", text.format(h)) for h in ("-", NB)]
    assert spelt == [["over-12"], ["over-12"]]


def test_a_cue_written_with_a_hyphen_reads_the_unicode_hyphens():
    # the rules' own cues write "-" ("follow-?up"): the text's U+2010 and U+2011 read as it
    outcomes = protocol_mod.load(PROTOCOLS / "rtw-work-outcomes.toml")
    text = "For this cohort, the median follow{}up was 5.4 years."
    spelt = [suggested(outcomes, "followup", text.format(h)) for h in ("-", "\u2010", NB)]
    assert spelt == [["over-12"]] * 3
