"""reviewkit.markdown's text as a Markdown reader (CommonMark + GitHub's tables) shows it: each
kind of text a person types into a protocol or a database wrote into a title renders as
written, in a paragraph, a heading and a table cell alike."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from reviewkit import markdown

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

TEXTS = [
    "1. Sick leave OR *absence* | work_ability, not <children>",  # a list, emphasis, a tag
    # an entity spelled out whole (a title as an HTML-minded export wrote it): read as '&'
    "Research &amp; development at work &#38; &lt;home&gt;",
    # a bracketed word, a colon and one word begin a link's definition, which shows nothing
    "[tiab]: title/abstract",
    # a heading's closing '#'s are dropped: a title that ends in them lost them
    "Work and health #",
    "Shift work ##",
]


def _shown(text: str) -> str:
    """``text`` as a browser shows it (the HTML of a text shown as written)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize("text", TEXTS)
def test_a_paragraph_shows_the_text_it_holds(text: str) -> None:
    assert MD.render(markdown.paragraph(text)) == f"<p>{_shown(text)}</p>\n"


@pytest.mark.parametrize("text", TEXTS)
def test_a_heading_shows_the_text_it_holds(text: str) -> None:
    assert MD.render(markdown.heading(2, text)) == f"<h2>{_shown(text)}</h2>\n"


@pytest.mark.parametrize("text", TEXTS)
def test_a_table_cell_shows_the_text_it_holds(text: str) -> None:
    html = MD.render(f"| {markdown.cell(text)} |\n| --- |\n")
    assert f"<th>{_shown(text)}</th>" in html, html
