"""The evidence under a label's row on the confirm screen: 'why:' or 'model:' and the terms
that fired, wrapped between terms to the row's width."""

from __future__ import annotations

from rich.text import Text

from reviewkit.tui.word_breaks import wrap_text

MAX_TERMS = 4  # evidence terms shown per label row; "…" says there are more


def term_pieces(lead: str, terms: list[str], style: str) -> list[tuple[str, str]]:
    """'why:' or 'model:' and up to :data:`MAX_TERMS` terms as pieces a line may break between:
    each term with its comma, the last with " …" when more were left out."""
    shown = terms[:MAX_TERMS]
    pieces = [(lead, style)]
    for n, term in enumerate(shown, start=1):
        tail = "," if n < len(shown) else " …" if len(terms) > len(shown) else ""
        pieces.append((term + tail, style))
    return pieces


def wrap_pieces(pieces: list[tuple[str, str]], width: int) -> list[Text]:
    """Fill lines of ``width`` cells with ``pieces`` joined by spaces, breaking between pieces
    only (a piece wider than a line takes lines of its own, :mod:`.word_breaks`)."""
    lines: list[Text] = []
    line = Text()
    for piece, style in pieces:
        text = Text(piece, style=style)
        if line and line.cell_len + 1 + text.cell_len > width:
            lines.append(line)
            line = Text()
        if not line:  # a line starts with the piece itself, not the space before it
            text = Text(piece.lstrip(), style=style)
        if text.cell_len > width:  # one long term: its own lines, broken where it breaks
            lines.extend(wrap_text(text, width))  # best ('specialist*' | '@abstract:METHODS')
            continue
        line = Text.assemble(line, " ", text) if line else text
    if line:
        lines.append(line)
    return lines
