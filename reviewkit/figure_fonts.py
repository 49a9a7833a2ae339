"""Fonts for the figures reviewkit draws (PRISMA, evidence map, simulation plot).

matplotlib draws with DejaVu Sans, its own font, which has no Chinese, Japanese or Korean
characters: a source, a label or a study named in those scripts came out as empty boxes, and
matplotlib printed one "Glyph … missing" warning with its own file path per character.
matplotlib (3.6 and later) falls back glyph by glyph through the list of sans-serif families,
so the wide-coverage fonts a machine has installed are put behind its first choice; the
characters no installed font has are said once, in our words (:class:`MissingGlyphs`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import Any

from reviewkit.wording import quantity, verb

# Families with CJK (and wide Unicode) coverage that the usual systems install: Noto/Source Han
# (Linux distributions, Android), WenQuanYi and Droid (older Linux), Microsoft's and Apple's
# system fonts. Only the installed ones are named: matplotlib warns for every family it cannot find.
WIDE_COVERAGE_FAMILIES = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK KR",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "Yu Gothic",
    "MS Gothic",
    "Malgun Gothic",
    "PingFang SC",
    "Hiragino Sans",
    "Apple SD Gothic Neo",
    "Arial Unicode MS",
)
# matplotlib's own words for a character no font in the chain has (font_manager / backends)
_MISSING = re.compile(r"Glyph (\d+) .*missing from (?:current )?font")


class MissingGlyphs(UserWarning):
    """Characters in a figure's text that no installed font can draw (shown as boxes)."""


def fallback_settings() -> dict[str, Any]:
    """matplotlib settings that put the installed wide-coverage fonts behind the first choice."""
    import matplotlib
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    extra = [name for name in WIDE_COVERAGE_FAMILIES if name in installed]
    if not extra:
        return {}
    first, *rest = matplotlib.rcParams["font.sans-serif"]
    return {"font.sans-serif": [first, *extra, *rest]}


def said_once(caught: Iterable[warnings.WarningMessage], figure: str) -> None:
    """Warn again what matplotlib warned while saving ``figure``, its missing characters as one
    :class:`MissingGlyphs` naming them."""
    chars: list[str] = []
    for w in caught:
        found = _MISSING.search(str(w.message))
        if found is None:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        elif chr(int(found.group(1))) not in chars:
            chars.append(chr(int(found.group(1))))
    if chars:
        shown = "".join(chars[:10]) + (" …" if len(chars) > 10 else "")
        warnings.warn(
            MissingGlyphs(
                f"{figure}: {quantity(len(chars), 'character')} no installed font can draw"
                f" ({shown}) {verb(len(chars), 'is', 'are')} shown as boxes; install a font that"
                f" has {verb(len(chars), 'it', 'them')} (e.g. Noto Sans CJK) and draw it again"
            ),
            stacklevel=3,
        )
