"""One table of actions per screen drives its key bindings, its footer and its help screen.

An :class:`Action` has a stable id (used in keymap files), a default key, a description and
the name of the Textual action method it calls. Users remap keys in a TOML file
(``$REVIEWKIT_KEYS`` or ``~/.config/reviewkit/keys.toml``)::

    [keys]
    screening.include = "y"      # dotted or quoted ("screening.include") keys both work
    screening.exclude = "x"

so keys, footer, help and behaviour never drift apart. :class:`reviewkit.tui.app.ReviewkitApp`
loads that file once and hands it to the help screens.

A keymap that could lock a reviewer out is refused before any app starts, with the file and
line: an unknown action id, a key name Textual does not know, an action left without a key, or
two actions of one screen on the same key (``screening.include = "e"`` would leave no exclude).
"""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.keys import REPLACED_KEYS, Keys, _character_to_key, format_key, key_to_character

from reviewkit import settings
from reviewkit.errors import UserError
from reviewkit.formats.text import read_text
from reviewkit.protocol.hints import toml_where


@dataclass(frozen=True)
class Action:
    id: str  # 'screening.include' — stable, used in keymap files
    key: str  # default key(s), Textual syntax: 'i', 'j,down', 'question_mark'
    action: str  # Textual action string: 'decide("include")'
    description: str
    show: bool = True  # shown in the footer
    group: str = ""  # heading on the help screen
    # the footer's words where the description is too long for 80 columns (the help keeps it)
    footer: str = ""


def exclusion_heading(exclude_key: str = "e") -> str:
    """The heading over the reason keys, on the screen's picker and in the help, naming the
    exclude key in force (help.with_stage_reasons and decision.reason_picker pass a remapped
    one)."""
    return f"Exclusion reasons ({exclude_key}, then the number)"


EXCLUSION_GROUP = exclusion_heading()  # the help's group of the reason keys, by default


def exclusion_actions(prefix: str) -> tuple[Action, ...]:
    """The keys that choose an exclusion reason after e (1-9, 0 for none, Esc to cancel), for
    the screen whose action ids start with ``prefix`` ('screening', 'conflicts')."""
    # the heading says how: in the help the rows read "1  Exclude: <reason>", and 1 alone only
    # answers "press e first" (the same words as the picker's heading on the screen)
    group = EXCLUSION_GROUP
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
        # the help lists it only at a stage that allows it (help.with_stage_reasons), so it
        # says so plainly: "(if the stage allows)" left the reviewer to wonder whether this did
        Action(
            f"{prefix}.no_reason",
            "0",
            "reason(0)",
            "Exclude without a reason",
            show=False,
            group=group,
        ),
        Action(
            f"{prefix}.cancel", "escape", "cancel", "Cancel an exclusion", show=False, group=group
        ),
    )


def page_actions(prefix: str, what: str = "abstract", footer: str = "") -> tuple[Action, ...]:
    """Space / PgDn and PgUp: page through the record pane (its last line names the keys in
    force: "… more lines (PgDn / Space)"), for the screen whose action ids start with
    ``prefix``; ``what`` the pane shows; ``footer``: the footer's word for paging down, where the footer names it (else it is
    left out of the footer). The screen's ``action_page(step)`` pages its
    :class:`~reviewkit.tui.record_view.RecordView`."""
    return (
        Action(
            f"{prefix}.page_down",
            "pagedown,space",
            "page(1)",
            f"Scroll the {what} down",
            show=bool(footer),
            group="Move",
            footer=footer,
        ),
        Action(
            f"{prefix}.page_up",
            "pageup",
            "page(-1)",
            f"Scroll the {what} up",
            show=False,
            group="Move",
        ),
    )


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """action id -> key, from the user's keymap file (empty when there is none)."""
    path = path or settings.keymap_file()
    if path is None or not path.exists():
        return {}
    # the readers' text reader: a FIFO or a folder is refused before it is opened (a FIFO
    # would wait for a writer forever), a bad byte is named by its line
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(
            f"keymap file is not valid TOML: {exc}",
            where=toml_where(str(exc), path, text),  # its line, as a protocol's error names it
            hint='a keymap is one [keys] table of "action" = "key" lines, e.g. [keys] then'
            ' "screening.include" = "y"',
        ) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise UserError(
            "keymap file nests arrays or tables thousands deep",
            where=str(path),
            hint='a keymap is one [keys] table of "action" = "key" lines',
        ) from None
    keys = _flatten(data.get("keys", {}))
    if keys is None:
        raise UserError(
            "[keys] must map action ids to key names",
            where=str(path),
            hint='write a [keys] table of "action" = "key" lines, e.g. "screening.include" = "y"',
        )
    unknown = sorted(set(data) - {"keys"})
    if unknown:
        raise UserError(f"unknown table [{unknown[0]}]", where=str(path), hint="use [keys]")
    check_keymap(keys, path)
    return keys


# screen -> "module:attribute" of its action table; the keymap is checked against all of them
ACTION_TABLES = {
    "screening": "reviewkit.tui.screening_keys:ACTIONS",
    "conflicts": "reviewkit.tui.conflicts:ACTIONS",
    "dedup": "reviewkit.tui.dedup_review:ACTIONS",
    "classify": "reviewkit.tui.classify:ACTIONS",
    "extract": "reviewkit.tui.extract:ACTIONS",
    "help": "reviewkit.tui.help:HELP_ACTIONS",
}
_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_KEY_NAMES = {k.value for k in Keys} | set(REPLACED_KEYS) | {"space", "enter", "tab", "escape"}


def action_tables() -> dict[str, tuple[Action, ...]]:
    """Every screen's action table, by screen name (imported when first needed)."""
    out = {}
    for screen, ref in ACTION_TABLES.items():
        module, _, attr = ref.partition(":")
        out[screen] = tuple(getattr(importlib.import_module(module), attr))
    return out


def normalise_key(key: str) -> str | None:
    """Textual's name of one key ('?' -> 'question_mark'); None when it is not a key."""
    key = key.strip()
    if len(key) == 1:
        return _character_to_key(key) if key.isprintable() and not key.isspace() else None
    *mods, base = key.split("+")
    if any(m not in _MODIFIERS for m in mods) or not base:
        return None
    if len(base) == 1 or base in _KEY_NAMES or key_to_character(base) is not None:
        return "+".join([*mods, _character_to_key(base) if len(base) == 1 else base])
    return None


def _line(path: Path, action_id: str) -> str:
    """'file:line' of the line that sets ``action_id`` (or just the file)."""
    try:  # read as load_keymap read it: a keymap Notepad saved as UTF-16 (its BOM) is valid
        lines = read_text(path).splitlines()
    except (OSError, UserError):
        return str(path)
    last = action_id.rpartition(".")[2]
    for wanted in (action_id, last):
        for no, line in enumerate(lines, start=1):
            if wanted in line and "=" in line and not line.lstrip().startswith("#"):
                return f"{path}:{no}"
    return str(path)


def _app_keys() -> dict[str, str]:
    """Keys Textual's App keeps for itself, key -> what it does there: its priority bindings
    run before any screen's (ctrl+q quits; Textual checks priority bindings first, from the
    app down). An action remapped onto one would never run, and the reviewer pressing its key
    would quit instead. (ctrl+c is no priority binding: a screen's action on it runs.)"""
    does = {"quit": "it quits the app"}
    return {
        b.key: does.get(b.action, b.action)
        for b in App.BINDINGS
        if isinstance(b, Binding) and b.priority
    }


def check_keymap(keymap: dict[str, str], path: Path) -> None:
    """Refuse unknown action ids, unknown key names, empty keys and clashes within a screen."""
    tables = action_tables()
    known = {a.id for table in tables.values() for a in table}
    app_keys = _app_keys()
    for action_id, key in keymap.items():
        where = _line(path, action_id)
        if action_id not in known:
            prefix = action_id.partition(".")[0]
            ids = sorted(a.id for a in tables.get(prefix, ()))
            raise UserError(
                f"unknown action {action_id!r}",
                where=where,
                hint=f"ids of this screen: {', '.join(ids)}"
                if ids
                else f"screens: {', '.join(tables)}; press ? in a screen to see its actions",
            )
        names = [k for k in key.split(",")]
        if not key.strip() or any(not k.strip() for k in names):
            raise UserError(
                f"{action_id} is left without a key", where=where, hint='give a key, e.g. "y"'
            )
        for k in names:
            normal = normalise_key(k)
            if normal is None:
                raise UserError(
                    f"{k.strip()!r} ({action_id}) is not a key name",
                    where=where,
                    hint="a single character, or a name such as enter, escape, space, tab, "
                    "up, pagedown, f1, ctrl+x, question_mark",
                )
            if taken := app_keys.get(normal):
                raise UserError(
                    f"{k.strip()!r} ({action_id}) is the terminal app's own key: {taken}",
                    where=where,
                    hint="give the action another key; the app takes this one before any screen",
                )
    for table in tables.values():
        keys = effective_keys(table, keymap)
        owner: dict[str, str] = {}
        for a in table:
            for k in keys[a.id].split(","):
                name = normalise_key(k) or k.strip()
                other = owner.setdefault(name, a.id)
                if other != a.id:
                    changed = a.id if a.id in keymap else other
                    raise UserError(
                        f"{other} and {a.id} are both on the key {k.strip()!r}",
                        where=_line(path, changed),
                        hint="each key of a screen does one thing; give one of them another key",
                    )


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
    return [
        Binding(a.key, a.action, a.footer or a.description, show=a.show, id=a.id) for a in actions
    ]


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
    "pagedown": "PgDn",  # as the README and keyboards name them
    "pageup": "PgUp",
    "backspace": "Backspace",  # Textual's footer drew '⌫' and 'del', the help the raw name
    "delete": "Del",
}


def _pretty(key: str) -> str:
    return " / ".join(key_name(k) for k in key.split(","))


def key_name(key: str) -> str:
    """One key as the help, the footers and the screens' words name it ('PgDn' for
    'pagedown', '?' for 'question_mark', '+' for 'plus'). After a modifier the key is named as
    it is alone, the modifier as the keymap writes it: 'ctrl+?', 'shift+Esc' (the help had said
    Textual's 'ctrl+question_mark' where '?' alone was '?')."""
    key = key.strip()
    if len(key) == 1:  # a character as written ('+' itself is no modifier)
        return key
    *modifiers, alone = key.split("+")
    return "+".join([*modifiers, _alone_name(alone)])


def _alone_name(key: str) -> str:
    """A key without its modifiers: the keyboard's name ('Esc', 'PgDn'), or the character a
    punctuation key types, as Textual's footer draws it ('plus' '+', 'full_stop' '.',
    'left_square_bracket' '['), or else Textual's name ('f1', 'home')."""
    if key in _NAMES:
        return _NAMES[key]
    shown = format_key(key)
    return shown if len(shown) == 1 and shown.isprintable() else key


def screen_key(app: object, action_id: str) -> str:
    """The key of ``action_id`` as the help names it, the running app's keymap (none outside an
    app) over the default in the screen's action table: the one way a screen names a key in its
    words ("(o to open)", a label row's key, "press e first")."""
    keymap: dict[str, str] = getattr(app, "keymap_in_use", None) or {}
    return _pretty(keymap[action_id] if action_id in keymap else _default_key(action_id))


def _default_key(action_id: str) -> str:
    """The default key of ``action_id`` in its screen's table (that screen's module is the one
    asking, so the import is a lookup)."""
    module, _, attr = ACTION_TABLES[action_id.partition(".")[0]].partition(":")
    return next(a.key for a in getattr(importlib.import_module(module), attr) if a.id == action_id)
