"""search-log.md as a Markdown reader shows it: what the protocol says of a search (its name,
description, limits and their reason, peer review, the review it was adapted from) is a
person's text and may hold what Markdown reads as markup (a search string's '|', '*', '_',
'<'). The log was written outside the report's Markdown writer, bare: '*' made italics, a
'<name>' was hidden as a tag, a description '1. ...' became a list. Now it is written through
reviewkit.markdown, as report.md is, and each text shows as written."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pubmed.conftest import review_a_project
from rich.console import Console

from reviewkit.cli import main
from reviewkit.cli import search as search_commands

TEXTS = {
    "description": "1. Sick leave OR *absence* | work_ability, not <children>",
    "limits_reason": "the `team` reads English only (no ~~translation~~)",
    "peer_review": "PRESS 2015 | second_librarian *checked*",
    "adapted_from": "Smith A et al. Pain at <work>: a review. 2019",
}
SEARCH = (
    '\n[[searches]]\nname = "pain-marked"\nquery = "pain[ti]"\n'
    + "".join(f"{key} = {value!r}\n".replace("'", '"') for key, value in TEXTS.items())
    + '[searches.limits]\nlanguages = ["english"]\n'
)
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # GitHub's: CommonMark + GFM


def _shown(text: str) -> str:
    """``text`` as a browser shows it (the HTML a reader makes of text shown as written)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_the_search_log_shows_the_protocol_s_text_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = review_a_project(tmp_path, monkeypatch, SEARCH)
    out = tmp_path / "search-log.md"
    assert main(["search", "log", "--out", str(out), "--project", str(project)]) == 0
    capsys.readouterr()
    html = MD.render(out.read_text(encoding="utf-8"))
    for key, text in TEXTS.items():
        assert _shown(text) in html, (key, html)
    for markup in ("<em>", "<del>", "<ol", "<table"):
        assert markup not in html, markup
    assert re.findall(r"<code>(.*?)</code>", html) == ["reviewkit dedup"]  # the log's own


def test_the_checklist_shows_reviewkit_s_commands_as_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The checklist's own words name a command the user types as code (`reviewkit dedup`):
    escaped with the protocol's text around them, they showed as \\`reviewkit dedup\\` in the
    file and on a terminal, and the backticks as written in a Markdown reader."""
    project = review_a_project(tmp_path, monkeypatch, SEARCH)
    assert main(["search", "log", "--project", str(project)]) == 0
    printed = capsys.readouterr().out
    assert "not run yet (`reviewkit dedup`)" in printed, printed
    assert re.findall(r"<code>(.*?)</code>", MD.render(printed)) == ["reviewkit dedup"]


def test_a_terminal_shows_the_text_as_written_and_the_markdown_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Printed to a terminal, the log showed the file's escapes in a person's text ('\\|',
    '\\*'): it is shown there as Markdown renders, as 'search history' shows its table; with
    --markdown, or to a pipe or a file, it is the Markdown --out writes."""
    project = review_a_project(tmp_path, monkeypatch, SEARCH)
    out = tmp_path / "search-log.md"
    assert main(["search", "log", "--out", str(out), "--project", str(project)]) == 0
    written = out.read_text(encoding="utf-8")
    terminal = Console(file=io.StringIO(), force_terminal=True, color_system=None, width=1000)
    monkeypatch.setattr(search_commands, "console", terminal)
    capsys.readouterr()
    assert main(["search", "log", "--project", str(project)]) == 0
    shown = " ".join(terminal.file.getvalue().split())
    for key, text in TEXTS.items():
        assert text in shown, (key, shown)
    assert not re.search(r"\\[|*_<`~]", shown), shown
    assert capsys.readouterr().out == ""
    assert main(["search", "log", "--markdown", "--project", str(project)]) == 0
    assert capsys.readouterr().out == written
    monkeypatch.setattr(search_commands, "console", Console(file=io.StringIO()))  # a pipe
    assert main(["search", "log", "--project", str(project)]) == 0
    assert capsys.readouterr().out == written
