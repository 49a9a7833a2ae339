"""A signal term with an apostrophe is read as the text is: "Briquet's syndrome" is the words
Briquet, s and syndrome in the protocol as in a title (it was one word 'briquet's', which no
text holds, so the term found nothing and the protocol check let it through)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod

SHIPPED = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_term_with_an_apostrophe_is_found(tmp_path: Path, apostrophe: str) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    old = '"somatoform",'
    assert old in text
    edited = tmp_path / "protocol.toml"
    edited.write_text(text.replace(old, f'"Briquet{apostrophe}s syndrome",', 1), encoding="utf-8")
    protocol = protocol_mod.load(edited)
    abstract = "Patients on sick leave with Briquet's syndrome were followed for a year."
    assert suggested(protocol, "diagnosis", abstract) == ["mental"]
