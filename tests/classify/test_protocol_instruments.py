"""A protocol names its instruments (a label's ``instruments``): each is a term of the label read
as an instrument's name, an outcome measure named alone and a case definition beside a cut-off,
as the built-in names (reviewkit.classify.outcomes.INSTRUMENTS) are. The Perceived Stress Scale
(PSS-10) is none of the built-in names: a protocol that lists it among its terms makes every
study that measured perceived stress a study of stressed people."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import refused_edit
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL_B = ROOT / "protocols" / "work-health-collaboration.toml"
LIST = 'instruments = [  # terms, each read as an instrument\'s name (README, "Outcome names")\n'

MEASURED = "Workers sick-listed with low back pain completed the PSS-10 at baseline and 6 months."
CUTOFF = "Employees on sick leave with a PSS-10 score of 20 or more were included."


def _review_b(tmp_path: Path, old: str, new: str) -> protocol_mod.Protocol:
    text = PROTOCOL_B.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "p.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return protocol_mod.load(path)


@pytest.fixture
def named_instrument(tmp_path: Path) -> protocol_mod.Protocol:
    return _review_b(tmp_path, LIST, LIST + '  "PSS-10",\n')


def test_a_named_instrument_alone_is_an_outcome_measure(named_instrument, tmp_path):
    assert labels(named_instrument, "diagnosis", MEASURED) == ["musculoskeletal"]
    # the difference the key makes: the same name as a plain term counts also where the study
    # only measured it
    plain = _review_b(tmp_path, '  "depress*",', '  "PSS-10",\n  "depress*",')
    assert labels(plain, "diagnosis", MEASURED) == ["both"]


def test_a_named_instrument_s_cutoff_names_the_population(named_instrument):
    assert labels(named_instrument, "diagnosis", CUTOFF) == ["mental"]


def test_an_instrument_is_written_as_a_term_is(tmp_path, capsys):
    err = refused_edit(tmp_path, capsys, PROTOCOL_B, '"PHQ-9", "PHQ-8"', '{ weight = 2 }, "PHQ-8"')
    assert "schemes.diagnosis.labels[0].instruments" in err
    assert "each term is a string" in err
