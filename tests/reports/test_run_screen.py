"""Every command that opens a terminal screen runs it in one place (``tui.app.run_screen``) and
prints that screen's own quit line once it closes (``screen`` built its line in the CLI)."""

from __future__ import annotations

import pytest

from reviewkit.cli import main
from reviewkit.tui import app as tui_app

COMMANDS = {
    "screen": ["screen", "--reviewer", "reviewer1"],
    "conflicts": ["conflicts", "--resolver", "lead"],
    "dedup review": ["dedup", "review", "--reviewer", "lead"],
    "confirm": ["confirm", "--reviewer", "lead", "--scheme", "diagnosis"],
    "extract edit": ["extract", "edit", "--reviewer", "lead"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_the_command_prints_its_screens_quit_line(command, b_included, monkeypatch, capsys):
    project, _ = b_included
    opened = []
    # the screen's own quit line, asked while the command runs: its commands name the project
    # the command opened (errors.command_line), which is known only inside the command
    monkeypatch.setattr(tui_app, "run_app", lambda app: opened.append(app.first_screen.quit_line()))
    argv = COMMANDS[command]
    words = 2 if command in ("dedup review", "extract edit") else 1
    assert main([*argv[:words], "--project", str(project.folder), *argv[words:]]) == 0
    (quit_line,) = opened  # the screen was run once, in the app every command shares
    printed = capsys.readouterr().out.strip()
    assert printed == quit_line
    if "(reviewkit " in printed:  # a command to type next names the project, run from elsewhere
        assert f"--project {project.folder}" in printed
