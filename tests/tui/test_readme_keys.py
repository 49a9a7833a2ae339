"""README's keys of the terminal screens are the app's (walk9): every key of a screen's action
table is named in that screen's part of "Keys in the terminal screens", and every key of the
screening table there is a key of the screening screen. The README is the user's manual: a key
the app gained or moved without it, or one it names that does nothing, fails here."""

from __future__ import annotations

import re
from pathlib import Path

from reviewkit.tui.actions import action_tables, key_name, normalise_key

README = Path(__file__).resolve().parents[2] / "README.md"
# each screen's part of the README starts with its bold name; the last ends at the next part
PARTS = {
    "screening": "**Screening**",
    "conflicts": "**Conflicts**",
    "dedup": "**Duplicate review**",
    "extract": "**Extraction fields**",
    "classify": "**Confirming labels**",
}
END = "In all four screens above"
NAMED = {"Tab": "tab", "Space": "space", "PgDn": "pagedown", "PgUp": "pageup", "Esc": "escape"}
NAMED |= {"↓": "down", "↑": "up"}


def _part(text: str, screen: str) -> str:
    """The README's part on ``screen``: from its heading at a line's start (the README names
    a part elsewhere too: 'see **Conflicts** under …') to the next part's."""
    start = text.index("\n" + PARTS[screen])
    ends = [text.find(h, start + 1) for h in (*("\n" + p for p in PARTS.values()), END)]
    return text[start : min(e for e in ends if e > 0)]


def _named(part: str, key: str) -> bool:
    """Whether ``part`` names ``key`` as the help does: a character in backticks (`i`, `1`–`9`
    for the numbers), a name (Tab, PgDn, ↓) as it is."""
    name = key_name(key)
    if name.isdigit() and name != "0":  # 0 (none) is not in the run 1–9: named on its own
        return "`1`–`9`" in part or f"`{name}`" in part
    if len(name) == 1 and name.isascii():
        return f"`{name}`" in part
    return name in part


def test_every_key_of_every_screen_is_in_its_readme_part() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [
        f"{screen}: {action.id} ({key_name(key)})"
        for screen, actions in action_tables().items()
        if screen in PARTS
        for action in actions
        for key in action.key.split(",")
        if not _named(_part(text, screen), key)
    ]
    assert not missing, missing


def test_every_key_of_the_screening_table_is_a_screening_key() -> None:
    rows = [
        line.split("|")[1]
        for line in _part(README.read_text(encoding="utf-8"), "screening").splitlines()
        if line.startswith("| ") and not line.startswith("| key ")
    ]
    assert len(rows) > 10, rows
    keys = {normalise_key(k) for a in action_tables()["screening"] for k in a.key.split(",")}
    named = []
    for row in rows:
        named += re.findall(r"`([^`]+)`", row)  # `i`, `1`, `9`, `0`
        named += [NAMED[word] for word in NAMED if word in row]
    unknown = [k for k in named if normalise_key(k) not in keys]
    assert not unknown, unknown
