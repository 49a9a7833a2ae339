"""Figures with characters matplotlib's own font lacks: the installed fonts that have them are
used, and what no font has is said once, in our words (reviewkit/figure_fonts.py)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from reviewkit import figure_files, figure_fonts
from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
FIXTURES = ROOT / "tests" / "core" / "fixtures"


def _figure(text: str):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_title(text)
    return fig


def test_prisma_names_the_characters_no_font_has_once_in_our_words(tmp_path: Path, capsys) -> None:
    project = tmp_path / "review"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    ris = FIXTURES / "sample.ris"
    assert main(["import", str(ris), "--source", "医中誌 Web", "--project", str(project)]) == 0
    capsys.readouterr()
    assert main(["prisma", "--out", str(tmp_path / "out"), "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert "Glyph" not in err and "UserWarning" not in err  # matplotlib's words, its file paths
    if figure_fonts.fallback_settings():  # a machine with a CJK font draws them: nothing to say
        assert "no installed font" not in err
    else:
        lines = [line for line in err.splitlines() if "no installed font" in line]
        assert lines == [
            f"warning: prisma.{kind}: 3 characters no installed font can draw (医中誌) are "
            "shown as boxes; install a font that has them (e.g. Noto Sans CJK) and draw it again"
            for kind in ("png", "svg")
        ]
    assert (tmp_path / "out" / "prisma.png").stat().st_size > 0


def test_one_character_no_font_has_is_said_in_the_singular(tmp_path: Path) -> None:
    """One character no installed font draws: '1 character … is shown; install a font that
    has it' (before: '1 character(s) … are shown', then '… has them' after one character)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure_files.save_figure(_figure("Source: 誌"), tmp_path / "a.png")
    said = [str(w.message) for w in caught]
    if figure_fonts.fallback_settings():  # a machine with a CJK font draws it: nothing to say
        assert said == []
    else:
        assert said == [
            "a.png: 1 character no installed font can draw (誌) is shown as boxes; install a"
            " font that has it (e.g. Noto Sans CJK) and draw it again"
        ]


def test_installed_wide_fonts_come_right_after_the_first_choice(monkeypatch) -> None:
    import matplotlib

    first = matplotlib.rcParams["font.sans-serif"][0]
    monkeypatch.setattr(figure_fonts, "WIDE_COVERAGE_FAMILIES", ("No Such Font", "DejaVu Serif"))
    families = figure_fonts.fallback_settings()["font.sans-serif"]
    assert families[:2] == [first, "DejaVu Serif"]  # only the installed one, behind the first
    assert "No Such Font" not in families


def test_a_figure_every_font_can_draw_warns_nothing(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure_files.save_figure(
            _figure("Return to work: Ørsted, Ålesund, Zürich"), tmp_path / "a.png"
        )
    assert [str(w.message) for w in caught] == []


def test_other_warnings_while_saving_are_not_swallowed(tmp_path: Path, monkeypatch) -> None:
    fig = _figure("x")
    real = fig.savefig

    def savefig(*args, **kw):
        warnings.warn("something else", RuntimeWarning, stacklevel=1)
        return real(*args, **kw)

    monkeypatch.setattr(fig, "savefig", savefig)
    with pytest.warns(RuntimeWarning, match="something else"):
        figure_files.save_figure(fig, tmp_path / "b.png")
