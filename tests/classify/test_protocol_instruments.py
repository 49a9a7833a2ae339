"""A protocol names its instruments (a label's ``instruments``): each is a term of the label read
as an instrument's name, an outcome measure named alone and a case definition beside a cut-off,
and the health words beside it are an outcome's name ("PSS-10 stress", "stress with the
PSS-10"), as with the built-in names (reviewkit.classify.outcomes.INSTRUMENTS). The Perceived
Stress Scale (PSS-10) is none of the built-in names: a protocol that lists it among its terms
makes every study that measured perceived stress a study of stressed people."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import refused_edit
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL_B = ROOT / "protocols" / "work-health-collaboration.toml"
# the mental label's line after its terms, where a test names the label's instruments
AFTER_TERMS = 'terms_no = ["psykiske lidelser"'

MEASURED = "Workers sick-listed with low back pain completed the PSS-10 at baseline and 6 months."
CUTOFF = "Employees on sick leave with a PSS-10 score of 20 or more were included."
# the health words right after the instrument, or before it with "with": what was measured
AFTER = (
    "Employees sick-listed with low back pain reported PSS-10 stress before and after treatment."
)
WITH = "Employees sick-listed with low back pain rated their stress with the PSS-10 every month."


def _review_b(tmp_path: Path, old: str, new: str) -> protocol_mod.Protocol:
    text = PROTOCOL_B.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "p.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return protocol_mod.load(path)


@pytest.fixture
def named_instrument(tmp_path: Path) -> protocol_mod.Protocol:
    return _review_b(tmp_path, AFTER_TERMS, 'instruments = ["PSS-10"]\n' + AFTER_TERMS)


def test_a_named_instrument_alone_is_an_outcome_measure(named_instrument, tmp_path):
    assert labels(named_instrument, "diagnosis", MEASURED) == ["musculoskeletal"]
    # the difference the key makes: the same name as a plain term counts also where the study
    # only measured it
    plain = _review_b(tmp_path, '  "depress*",', '  "PSS-10",\n  "depress*",')
    assert labels(plain, "diagnosis", MEASURED) == ["both"]


def test_a_named_instrument_s_cutoff_names_the_population(named_instrument):
    assert labels(named_instrument, "diagnosis", CUTOFF) == ["mental"]


@pytest.mark.parametrize("text", [AFTER, WITH], ids=["after", "with"])
def test_health_words_beside_a_named_instrument_are_what_was_measured(
    named_instrument, tmp_path, text
):
    assert labels(named_instrument, "diagnosis", text) == ["musculoskeletal"]
    # without the protocol's instrument, "stress" there is the population's
    assert labels(protocol_mod.load(PROTOCOL_B), "diagnosis", text) == ["both"]


def test_the_ces_d_written_as_one_word_is_an_instrument():
    # "CESD" (12 times in the snapshot's two files, always the scale), as "CES-D" is
    b = protocol_mod.load(PROTOCOL_B)
    text = (
        "Workers sick-listed with neck pain rated their depressive symptoms with the CESD monthly."
    )
    assert labels(b, "diagnosis", text) == ["musculoskeletal"]
    assert labels(b, "diagnosis", text.replace("CESD", "CES-D")) == ["musculoskeletal"]
    cutoff = "Workers sick-listed with a CESD score of 16 or more were included."
    assert labels(b, "diagnosis", cutoff) == ["mental"]


def test_an_instrument_is_written_as_a_term_is(tmp_path, capsys):
    err = refused_edit(
        tmp_path, capsys, PROTOCOL_B, AFTER_TERMS, "instruments = [{ weight = 2 }]\n" + AFTER_TERMS
    )
    assert "schemes.diagnosis.labels[0].instruments" in err
    assert "each term is a string" in err


# A sign of several terms names an instrument by a term that is not its first: "PSS" alone is
# also progressive systemic sclerosis, so a protocol may name it only beside its author's name
# or its full name. Health words measured with it are an outcome, as with a named instrument.
MEASURED_WITH_PSS = (
    "Employees sick-listed with neck pain rated perceived stress on the PSS at baseline.",
    "Employees sick-listed with low back pain completed Cohen's PSS and the perceived stress "
    "items at baseline.",
)


@pytest.mark.parametrize("sign", ['["Cohen", "PSS"]', '["Perceived Stress Scale", "PSS"]'])
@pytest.mark.parametrize("text", MEASURED_WITH_PSS, ids=["on the PSS", "completed the PSS"])
def test_an_instrument_named_inside_a_sign_makes_health_words_beside_it_an_outcome(
    tmp_path, sign, text
):
    protocol = _review_b(
        tmp_path, AFTER_TERMS, f"instruments = [{{ all = {sign} }}]\n" + AFTER_TERMS
    )
    assert labels(protocol, "diagnosis", text) == ["musculoskeletal"]


@pytest.mark.parametrize("sign", ['["PSS", "perceived stress"]', '["perceived stress", "PSS"]'])
def test_the_health_words_a_sign_s_instrument_measures_stay_a_population_s(tmp_path, sign):
    # "perceived stress" beside the PSS in a sign is what the scale measures, not its name:
    # standing alone it still names whom a study took in, written first in the sign or after
    protocol = _review_b(
        tmp_path, AFTER_TERMS, f"instruments = [{{ all = {sign} }}]\n" + AFTER_TERMS
    )
    text = (
        "Employees sick-listed with low back pain with perceived stress were included; "
        "the PSS was completed at baseline."
    )
    assert labels(protocol, "diagnosis", text) == ["both"]


# An instrument's full name may hold a health word and end in a noun of its kind other than a
# scale's or a questionnaire's: the Burnout Assessment Tool (BAT), the Shirom-Melamed Burnout
# Measure, the Distress Thermometer. Its acronym alone is something else (a bat, a
# thermometer's DT), so a protocol names it in a sign beside the full name, first or last.
NAMED_BY_KIND = (
    ('["Burnout Assessment Tool", "BAT"]', "the Burnout Assessment Tool"),
    ('["BAT", "Burnout Assessment Tool"]', "the Burnout Assessment Tool"),
    ('["SMBM", "Shirom-Melamed Burnout Measure"]', "the Shirom-Melamed Burnout Measure"),
    ('["Distress Thermometer", "DT"]', "the Distress Thermometer"),
)


@pytest.mark.parametrize(("sign", "name"), NAMED_BY_KIND, ids=["BAT", "BAT last", "SMBM", "DT"])
@pytest.mark.parametrize("alone", [False, True], ids=["in a sign", "alone"])
def test_a_full_name_holding_a_health_word_is_an_instrument_s_name(tmp_path, sign, name, alone):
    # alone: the full name as the label's own instrument term, not in a sign
    named = f'"{name.removeprefix("the ")}"' if alone else f"{{ all = {sign} }}"
    protocol = _review_b(tmp_path, AFTER_TERMS, f"instruments = [{named}]\n" + AFTER_TERMS)
    text = f"Employees sick-listed with low back pain completed {name} at baseline and 6 months."
    assert labels(protocol, "diagnosis", text) == ["musculoskeletal"]
    # without the protocol's instrument, its health word is the population's
    assert labels(protocol_mod.load(PROTOCOL_B), "diagnosis", text) == ["both"]
