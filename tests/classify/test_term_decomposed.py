"""A signal term whose accented letters are decomposed (NFD: 'a' then a combining ring, as text
copied from a macOS file name or some PDFs holds them) is read as the same word written with
'å': the term's words are folded, accents off, before they are matched. The check of terms
that can match no word refused it, the combining accent taken for a symbol no word holds."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from classify.helpers import suggested

from reviewkit import protocol as protocol_mod
from reviewkit.cli import main

SHIPPED = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"


def test_a_decomposed_term_is_checked_and_found_as_written_composed(tmp_path: Path, capsys) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    old = '"tvärprofessionell",'
    assert old in text
    decomposed = unicodedata.normalize("NFD", old)
    assert decomposed != old
    edited = tmp_path / "protocol.toml"
    edited.write_text(text.replace(old, decomposed, 1), encoding="utf-8")
    assert main(["protocol", "check", str(edited)]) == 0, capsys.readouterr().err
    protocol = protocol_mod.load(edited)
    abstract = "En tvärprofessionell bedömning av arbetsförmågan hos sjukskrivna patienter."
    assert "multidisciplinary-team" in suggested(protocol, "model-type", abstract)
