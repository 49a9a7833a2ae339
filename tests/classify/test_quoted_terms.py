"""A term in double quotes finds its words as written, not their stems: the coordination
review's health-care base lists '"hospital"', since its stem and 'hospital*' also find
"hospitalisation"/"hospitalization" (an outcome, not where the coordinator works). Through the
shipped protocol, the public matcher and `protocol check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit.classify.term_syntax import compile_term, parse_term
from reviewkit.cli import main

SHIPPED = Path(__file__).resolve().parents[2] / "protocols" / "rtw-coordination.toml"


@pytest.mark.parametrize(
    "text",
    [
        "The coordinator was based at the hospital and met each worker.",
        "Coordinators in two hospitals met each worker.",
        "A hospital-based coordinator met each worker.",
        "Koordinatoren var ansat på hospitalet.",
        "Koordinatoren var ansat på en hospitalsafdeling.",
    ],
)
def test_a_hospital_is_still_the_coordinators_health_care_base(coordination, text):
    assert labels(coordination, "base", text) == ["health-care"]


@pytest.mark.parametrize(
    "text",
    [
        "A coordinator met each worker; hospitalization and sick leave were recorded.",
        "A coordinator met each worker; days of hospitalisation were recorded.",
        "A coordinator met each worker; fewer workers were hospitalised.",
        "En koordinator mødtes med hver; hospitalisering blev registreret.",
        "En koordinator mødtes med hver; hospitalsindlæggelser blev registreret.",
    ],
)
def test_hospitalisation_is_no_base(coordination, text):
    assert "health-care" not in labels(coordination, "base", text)


def test_quotes_keep_the_word_as_written_and_leave_other_terms_alone():
    quoted, plain = parse_term('"hospital"')[0][0], parse_term("hospital")[0][0]
    assert [quoted.matches(w) for w in ("hospital", "Hospital", "hospitals")] == [1, 1, 0]
    assert not quoted.matches("hospitalization")
    assert plain.matches("hospitalization") and plain.matches("hospitals")  # stems, as before
    # the screen's highlight of a quoted term ends with the word
    found = compile_term('"hospital"').findall("Hospital care, hospitalization, hospital-based")
    assert found == ["Hospital", "hospital"]


@pytest.mark.parametrize("term", ['"hospital', 'hospital"'])
def test_a_quote_at_one_end_only_is_refused(tmp_path: Path, capsys, term) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    old = "  '\"hospital\"',  "  # the English term, not the Danish list's
    assert text.count(old) == 1
    edited = tmp_path / "protocol.toml"
    edited.write_text(text.replace(old, f"  '{term}',  "), encoding="utf-8")
    assert main(["protocol", "check", str(edited)]) == 2
    err = capsys.readouterr().err
    assert "has a double quote at one end only" in err, err
    assert "Traceback" not in err
    assert main(["protocol", "check", str(SHIPPED)]) == 0
