"""One table of actions per screen drives its key bindings, its footer and its help screen.

An :class:`Action` has a stable id (used in keymap files), a default key, a description and
the name of the Textual action method it calls. Users remap keys in a TOML file
(``$REVIEWKIT_KEYS`` or ``~/.config/reviewkit/keys.toml``)::

    [keys]
    screening.include = "y"      # dotted or quoted ("screening.include") keys both work
    screening.exclude = "x"

so keys, footer, help and behaviour never drift apart. :class:`KeymapApp` is the base of every
reviewkit app: it loads that file once and hands it to the help screens.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from reviewkit import settings
from reviewkit.errors import UserError


@dataclass(frozen=True)
class Action:
    id: str  # 'screening.include' — stable, used in keymap files
    key: str  # default key(s), Textual syntax: 'i', 'j,down', 'question_mark'
    action: str  # Textual action string: 'decide("include")'
    description: str
    show: bool = True  # shown in the footer
    group: str = ""  # heading on the help screen


def exclusion_actions(prefix: str) -> tuple[Action, ...]:
    """The keys that choose an exclusion reason after e (1-9, 0 for none, Esc to cancel), for
    the screen whose action ids start with ``prefix`` ('screening', 'conflicts')."""
    group = "Exclusion reasons"
    return (
        *(
            Action(
                f"{prefix}.reason{n}",
                str(n),
                f"reason({n})",
                f"Exclusion reason {n} (after e)",
                show=False,
                group=group,
            )
            for n in range(1, 10)
        ),
        Action(
            f"{prefix}.no_reason",
            "0",
            "reason(0)",
            "Exclude without a reason (if the stage allows)",
            show=False,
            group=group,
        ),
        Action(
            f"{prefix}.cancel", "escape", "cancel", "Cancel an exclusion", show=False, group=group
        ),
    )


def keymap_path() -> Path:
    return settings.keymap_file()


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """action id -> key, from the user's keymap file (empty when there is none)."""
    path = path or keymap_path()
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"keymap file is not valid TOML: {exc}", where=str(path)) from None
    keys = _flatten(data.get("keys", {}))
    if keys is None:
        raise UserError(
            '[keys] must map action ids to key names, e.g. "screening.include" = "y"',
            where=str(path),
        )
    return keys


def _flatten(table: object, prefix: str = "") -> dict[str, str] | None:
    """{'screening': {'include': 'y'}} (TOML's dotted keys) -> {'screening.include': 'y'}."""
    if not isinstance(table, dict):
        return None
    out: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, str):
            out[name] = value
        else:
            nested = _flatten(value, name + ".")
            if nested is None:
                return None
            out.update(nested)
    return out


def bindings(actions: list[Action] | tuple[Action, ...]) -> list[Binding]:
    """Textual bindings for an action table; each carries the action id so keymaps apply."""
    return [Binding(a.key, a.action, a.description, show=a.show, id=a.id) for a in actions]


def effective_keys(
    actions: list[Action] | tuple[Action, ...], keymap: dict[str, str]
) -> dict[str, str]:
    """action id -> key in force (the user's keymap over the defaults)."""
    return {a.id: keymap.get(a.id, a.key) for a in actions}


def help_rows(
    actions: list[Action] | tuple[Action, ...], keymap: dict[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """(group, key, description) rows for the help screen, in table order."""
    keys = effective_keys(actions, keymap or {})
    return [(a.group, _pretty(keys[a.id]), a.description) for a in actions]


_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "Esc",
    "enter": "Enter",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "space": "Space",
    "tab": "Tab",
}


def _pretty(key: str) -> str:
    return " / ".join(_NAMES.get(k.strip(), k.strip()) for k in key.split(","))


class KeymapApp(App):
    """Base of reviewkit's apps: no command palette, keys from the user's keymap file (or the
    ``keymap`` given, e.g. ``{}`` in tests), which the help screens show as well."""

    ENABLE_COMMAND_PALETTE = False

    def __init__(self, *, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.keymap_in_use = load_keymap() if keymap is None else keymap
        self.set_keymap(self.keymap_in_use)
