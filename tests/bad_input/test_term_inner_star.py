"""A signal term with a '*' inside a word ('organi*ation', PubMed's habit from other tools'
wildcards): no text holds it, so it is refused; the hint said to write the term 'in letters and
digits' as if '*' were a stray symbol, though a '*' is term syntax at a word's start or end."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

SHIPPED = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"


def test_a_star_inside_a_word_is_told_where_a_star_goes(tmp_path: Path, capsys) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    old = '\n  "tverrfaglig",'  # terms_no of the first label, not the highlight list
    assert text.count(old) == 1
    edited = tmp_path / "protocol.toml"
    edited.write_text(text.replace(old, '\n  "samarbeids*modell",'), encoding="utf-8")
    assert main(["protocol", "check", str(edited)]) == 2
    err = capsys.readouterr().err
    assert "'samarbeids*modell' can never be found" in err, err
    assert "a '*' stands for any letters only at a word's start or end" in err, err
