"""`agreement --help` says what kappa is computed over: include / exclude /
uncertain, 'uncertain' a category of its own, and how the include-vs-exclude kappa takes it."""

from __future__ import annotations

from reviewkit.cli import main


def test_agreement_help_says_uncertain_is_a_third_category(capsys) -> None:
    assert main(["agreement", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "include / exclude / uncertain" in text
    assert "'uncertain' against 'include' counts as a disagreement" in text
    assert "Kappa for include vs exclude alone" in text
    assert "'uncertain' counts as include where the stage sends it on" in text
