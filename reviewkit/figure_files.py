"""Figures saved as files (the PRISMA diagram, the evidence map, a simulation's plot): written
atomically, their text kept as text in an SVG, their properties naming them and reviewkit."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

from reviewkit import figure_fonts
from reviewkit.outputs import WRITER, atomic_path, write_text


def _figure_metadata(fmt: str | None, title: str) -> dict[str, str] | None:
    """The properties a figure file carries, in the keys matplotlib takes for its format:
    its title and reviewkit as its maker (matplotlib named itself, "Matplotlib v3…", and gave
    no title, which Inkscape's Document Properties and a PNG's text chunks show). A format
    with no such properties gets none."""
    keys = {"svg": ("Title", "Creator"), "png": ("Title", "Software"), "pdf": ("Title", "Creator")}
    if fmt not in keys:
        return None
    name, maker = keys[fmt]
    return {name: title, maker: WRITER} if title else {maker: WRITER}


def save_figure(fig: Any, path: str | Path, fmt: str | None = None, *, title: str = "") -> Path:
    """Save a matplotlib figure atomically (format from the suffix unless ``fmt``) and close it,
    also when saving fails; returns the path (its folder created when missing). ``title``: the
    file's title among its properties, with reviewkit as its maker (:func:`_figure_metadata`).

    An SVG keeps its text as text, not outlines (matplotlib's default draws every letter as a
    path): a review team edits a diagram (a journal's wording, a box added) and searches it.
    Indents made of spaces survive because the SVG says so (``xml:space``)."""
    import matplotlib
    import matplotlib.pyplot as plt

    out = Path(path)
    fmt = fmt or out.suffix.lstrip(".").lower() or None
    settings = figure_fonts.fallback_settings()  # text is laid out (and fonts found) on saving
    metadata = _figure_metadata(fmt, title)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if fmt != "svg":
                with matplotlib.rc_context(settings), atomic_path(out) as tmp:
                    fig.savefig(tmp, format=fmt, metadata=metadata)
            else:
                buf = io.StringIO()
                with matplotlib.rc_context({**settings, "svg.fonttype": "none"}):
                    fig.savefig(buf, format="svg", metadata=metadata)
    finally:
        plt.close(fig)
    figure_fonts.said_once(caught, out.name)
    if fmt != "svg":
        return out
    return write_text(out, buf.getvalue().replace("<svg ", '<svg xml:space="preserve" ', 1))
