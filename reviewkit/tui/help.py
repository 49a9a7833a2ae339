"""A help screen generated from any screen's action table, so keys and help never drift apart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewkit import settings
from reviewkit.protocol import Stage
from reviewkit.tui.actions import (
    EXCLUSION_GROUP,
    Action,
    bindings,
    effective_keys,
    exclusion_heading,
    help_rows,
    key_name,
)
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.tui.short_paths import home_shortened
from reviewkit.tui.widgets import more_to_page, scroll_page

HELP_ACTIONS = (
    Action("help.close", "escape,q,question_mark", "app.pop_screen", "Close help", group="Help"),
    # at 80x24 the help of a stage with its reasons is taller than the window: its last rows,
    # "? Help", "q Quit" and how to close it, were below its edge, unsaid
    Action(
        "help.page_down",
        # the footer names Space: the focused pane's own PgDn (and ↑ ↓) scroll it too
        "space,pagedown",
        "page(1)",
        "Scroll the help down",
        group="Help",
        footer="More",
    ),
    Action("help.page_up", "pageup", "page(-1)", "Scroll the help up", show=False, group="Help"),
)


def with_stage_reasons(
    actions: Sequence[Action], rule: Stage, exclude_key: str = "e"
) -> tuple[Action, ...]:
    """The table with '<screen>.reasonN' rows named after the stage's reasons (unused ones dropped).

    '<screen>.no_reason' is dropped when the stage requires a reason; the reasons' heading names
    ``exclude_key``, the exclude key in force (a keymap may move it from e).
    """
    out = []
    for a in actions:
        name = a.id.rpartition(".")[2]
        if name.startswith("reason") and name[6:].isdigit():
            n = int(name[6:])
            if n > len(rule.exclusion_reasons):
                continue
            a = replace(a, description=f"Exclude: {rule.exclusion_reasons[n - 1].label}")
        elif name == "no_reason" and rule.reason_required:
            continue
        if a.group == EXCLUSION_GROUP:
            a = replace(a, group=exclusion_heading(exclude_key))
        out.append(a)
    return tuple(out)


def with_numbered_names(
    actions: Sequence[Action], prefix: str, names: Sequence[str]
) -> tuple[Action, ...]:
    """The table with '<prefix>N' rows named ``names[N-1]``, and those beyond ``names`` dropped
    (the help of a scheme of four labels listed keys 1-9 as "Label 1" … "Label 9")."""
    out = []
    for a in actions:
        suffix = a.id.removeprefix(prefix)
        if suffix != a.id and suffix.isdigit():
            if int(suffix) > len(names):
                continue
            a = replace(a, description=names[int(suffix) - 1])
        out.append(a)
    return tuple(out)


def help_table(actions: Sequence[Action], keymap: dict[str, str] | None = None) -> Group:
    """Key / action rows grouped under their headings, in table order.

    A heading is a line of its own, not a row of the key column: a long one ("Exclusion reasons
    (e, then the number)") made that column half the width, and at 80 columns each action wrapped.
    """
    rows = help_rows(actions, keymap)
    width = max((len(key) for _, key, _ in rows), default=1)
    parts: list[Text | Table] = []
    groups: dict[str, list[tuple[str, str]]] = {}
    for grp, key, description in rows:
        groups.setdefault(grp or "Keys", []).append((key, description))
    for n, (grp, entries) in enumerate(groups.items()):
        parts.append(Text(("\n" if n else "") + grp, style="bold"))
        table = Table(box=None, show_header=False, padding=(0, 2), expand=False)
        table.add_column("key", style="bold cyan", no_wrap=True, width=width)
        table.add_column("action")
        for key, description in entries:
            table.add_row(key, description)
        parts.append(table)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """Modal help for a screen: pass its title, action table and the user's keymap, and any
    ``notes`` on what the screen shows (its heading, then its lines), under the keys."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 84; max-width: 100%; max-height: 90%; height: auto; border: round $accent;
                                  background: $surface; padding: 0 1; }
    """
    BINDINGS = bindings(HELP_ACTIONS)

    def __init__(
        self,
        title: str,
        actions: Sequence[Action],
        keymap: dict[str, str] | None = None,
        notes: tuple[str, str] = ("", ""),
    ) -> None:
        super().__init__()
        self.help_title = title
        self.actions = tuple(actions)
        self.keymap = keymap or {}
        self.notes = notes

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(
                f"[b]{escape(self.help_title)}[/b] — keys (remap them in {_keymap_named()})\n",
                id="help-heading",
            )
            yield Static(help_table(self.actions, self.keymap), id="help-table")
            if self.notes[1]:  # what the screen's figures and marks are: a key table cannot say
                heading, said = self.notes
                yield Static(Text.assemble("\n", (heading, "bold"), "\n", said), id="help-notes")
            # the keys in force ('help.close' is remappable): it said 'Esc, q or ?' whatever
            yield Static(f"\n{_closing_keys(self.keymap)} closes this help.", classes="dim")
        # its own footer: the screen's below it showed that screen's keys (i Include…), which
        # do nothing while the help is open, and not the key that closes it
        yield KeysFreeingFooter(compact=True)

    def on_mount(self) -> None:
        # paged to its end, Space does nothing: the footer stops offering "More" there
        pane = self.query_one(VerticalScroll)
        self.watch(pane, "scroll_y", lambda _: self.refresh_bindings(), init=False)

    def on_resize(self) -> None:
        # "Space More" only while there is more: the help of a short table fits a tall window
        self.call_after_refresh(self.refresh_bindings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page":
            return more_to_page(self.query_one(VerticalScroll), int(str(parameters[0])))
        return True

    def action_page(self, step: int) -> None:
        scroll_page(self.query_one(VerticalScroll), step)


def _closing_keys(keymap: dict[str, str]) -> str:
    """The keys that close the help, as a sentence names them ('Esc, q or ?')."""
    keys = [key_name(k) for k in effective_keys(HELP_ACTIONS, keymap)["help.close"].split(",")]
    return keys[0] if len(keys) == 1 else f"{', '.join(keys[:-1])} or {keys[-1]}"


def _keymap_named() -> str:
    """Where a person remaps the keys: the keymap file in force ($REVIEWKIT_KEYS or
    ~/.config/reviewkit/keys.toml, whether or not it exists yet); 'the keymap file' had them
    look for it in the README."""
    path = settings.keymap_file()
    if path is None:  # no home folder: only $REVIEWKIT_KEYS can name one
        return "a file named by REVIEWKIT_KEYS"
    return escape(home_shortened(path))  # the same words on every machine
