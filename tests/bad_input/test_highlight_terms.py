"""`protocol check` refuses a [highlight] term that can never be found, on its line, as it
refuses such a signal term: one of no word, a search query, a pattern. A symbol the text holds
('C++', 'support (IPS)') is found by the screen and is kept, and a '*' inside a word is a
wildcard there, as in the queue's ranking. [eligibility]'s criteria are prose: not checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from reviewkit.cli import main
from reviewkit.tui.widgets import INCLUDE_STYLE, highlight

SHIPPED = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"
HIGHLIGHT = 'include = ["return to work",'  # the first line of [highlight]


def _check(tmp_path: Path, capsys, old: str, new: str) -> tuple[int, str, int]:
    """protocol check of the shipped protocol with ``old`` replaced; (code, what it said, the
    line the edit is on)."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert text.count(old) == 1
    edited = tmp_path / "protocol.toml"
    edited.write_text(text.replace(old, new), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    capsys.readouterr()
    code = main(["protocol", "check", str(edited)])
    got = capsys.readouterr()
    return code, got.out + got.err, line


@pytest.mark.parametrize(
    ("term", "said"),
    [
        ("(team|group)", "'|' is pattern syntax"),
        ("organi?ation", "'?' is pattern syntax"),
        ("IPS OR supported employment", "is written as a search query (OR)"),
        ("--", "has no word in it"),
    ],
)
def test_a_highlight_term_never_found_is_refused_on_its_line(tmp_path, capsys, term, said):
    code, out, line = _check(tmp_path, capsys, HIGHLIGHT, f'include = ["{term}",')
    assert code == 2, out
    assert f"protocol.toml:{line}: highlight.include: term {term!r}" in out
    assert said in out and "hint:" in out


def test_an_exclude_term_is_checked_too(tmp_path, capsys) -> None:
    old = 'exclude = ["schizophreni*",'
    code, out, line = _check(tmp_path, capsys, old, 'exclude = ["child|children",')
    assert code == 2, out
    assert f"protocol.toml:{line}: highlight.exclude: term 'child|children' can never be" in out


@pytest.mark.parametrize("term", ["C++", "support (IPS)", "organi*ation", "F32.1"])
def test_a_symbol_the_text_holds_is_kept(tmp_path, capsys, term) -> None:
    code, out, _ = _check(tmp_path, capsys, HIGHLIGHT, f'include = ["{term}",')
    assert code == 0, out


def test_eligibility_criteria_are_prose(tmp_path, capsys) -> None:
    # the shipped criteria say 'BOTH the health service AND the work side' and '(earlier if
    # especially relevant)': a criterion's own words, not terms
    code, out, _ = _check(tmp_path, capsys, HIGHLIGHT, HIGHLIGHT)
    assert code == 0, out
    assert " AND " in SHIPPED.read_text(encoding="utf-8").split("[eligibility]")[1][:400]


def test_the_screen_marks_a_star_inside_or_before_a_word() -> None:
    text = highlight(
        "The organization and the organisation of a multiteam", ["organi*ation", "*team"]
    )
    marked = [str(text)[s.start : s.end] for s in text.spans if s.style == INCLUDE_STYLE]
    assert marked == ["organization", "organisation", "multiteam"]
    assert isinstance(text, Text)
