"""`protocol check` keeps a [highlight] term whose brackets or '$' are the text's own (a
radiotracer's isotope '[18F]FDG', an ion '[Ca2+]', a currency 'US$'): the screen finds a
highlight term as written, and it marks them; a bracket of letters or a range ('[Ww]ork',
'organi[sz]ation', '[0-9]') is still a pattern, refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.tui.widgets import term_pattern

SHIPPED = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"
HIGHLIGHT = 'include = ["return to work",'  # the first line of [highlight]


def _check(tmp_path: Path, capsys, term: str) -> tuple[int, str]:
    text = SHIPPED.read_text(encoding="utf-8")
    assert text.count(HIGHLIGHT) == 1
    edited = tmp_path / "protocol.toml"
    edited.write_text(text.replace(HIGHLIGHT, f'include = ["{term}",'), encoding="utf-8")
    capsys.readouterr()
    code = main(["protocol", "check", str(edited)])
    got = capsys.readouterr()
    return code, got.out + got.err


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("[18F]FDG", "uptake of [18F]FDG in the brain"),
        ("[Ca2+]", "intracellular [Ca2+] rose"),
        ("cost (US$)", "the cost (US$) per person"),
    ],
)
def test_a_bracket_or_currency_the_text_holds_is_kept(tmp_path, capsys, term, text) -> None:
    code, out = _check(tmp_path, capsys, term)
    assert code == 0, out
    assert re.search(term_pattern(term), text, re.IGNORECASE)  # the screen marks it


@pytest.mark.parametrize("term", ["[Ww]ork", "organi[sz]ation", "[0-9]"])
def test_a_bracket_of_letters_or_a_range_is_a_pattern(tmp_path, capsys, term) -> None:
    code, out = _check(tmp_path, capsys, term)
    assert code == 2, out
    assert "'[' is pattern syntax" in out
