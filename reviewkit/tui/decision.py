"""The base of the screens that write screening decisions (screening, conflicts).

What both share: the message line, the exclusion-reason picker (e, then the reason's number;
0 for none where the stage allows it; Esc cancels) and keeping keys while the database is busy
(:class:`~reviewkit.tui.widgets.WaitsForDatabase`). The numbered list and the key-to-reason
rule are :func:`~reviewkit.tui.widgets.reasons_renderable` and
:func:`~reviewkit.tui.widgets.reason_for_key`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.text import Text
from textual.app import App
from textual.geometry import Size
from textual.widgets import Static

from reviewkit.project import Project
from reviewkit.protocol import Stage
from reviewkit.screening import attached_yet_not_retrieved, decision_words
from reviewkit.tui.actions import exclusion_heading, screen_key
from reviewkit.tui.app import ReviewkitScreen
from reviewkit.tui.widgets import (
    WaitsForDatabase,
    reason_for_key,
    reason_keys_named,
    reasons_renderable,
)


def reason_picker(
    rule: Stage,
    picking: bool,
    exclude_key: str = "e",
    none_key: str = "0",
    cancel_key: str = "Esc",
    reason_keys: Sequence[str] = (),
) -> Group:
    """The stage's exclusion reasons after their keys (``reason_keys``; by default their
    numbers) under a head line: how to pick one while ``picking`` (after e; ``none_key`` and
    ``cancel_key`` as the keymap has them), else how to start."""
    if picking:
        head = Text(
            "Exclude: press the reason's number"
            + ("" if rule.reason_required else f", {none_key} for none")
            + f" · {cancel_key} cancels",
            style="bold reverse",
        )
    else:
        head = Text(exclusion_heading(exclude_key), style="bold")
    return reasons_renderable(head, rule.exclusion_reasons, reason_keys)


# Until e is pressed the reasons' list only reminds the reviewer of the numbers, and takes at
# most a quarter of the terminal's rows: at 80x24 the list of Review B's full-text stage (8
# reasons, one per row) left the record two rows, its title only; the list shows whole after e
REASONS_SHARE = 1 / 4


def reasons_fit(rule: Stage, console: Console, size: Size) -> bool:
    """Whether the stage's whole reasons list, not picking yet, fits in :data:`REASONS_SHARE`
    of a screen of ``size`` (its rows counted as laid out at that width, padding and the
    border above it taken off)."""
    if not rule.exclusion_reasons or size.height <= 0:
        return True
    options = console.options.update_width(max(size.width - 2, 10))
    rows = len(console.render_lines(reason_picker(rule, False), options, pad=False)) + 1
    return rows <= size.height * REASONS_SHARE


def reasons_hint(rule: Stage, exclude_key: str = "e", reason_keys: Sequence[str] = ()) -> Text:
    """The one line that stands for the reasons list on a short terminal, naming the reasons'
    keys (``reason_keys``, the keymap's; by default their numbers) as the list does."""
    return Text.assemble(
        ("Exclusion reasons ", "bold"),
        (reason_keys_named(len(rule.exclusion_reasons), reason_keys), "bold cyan"),
        f": press {exclude_key} to see them",
    )


FULL_TEXT_ACTIONS = ("attach", "open_fulltext")  # the actions of the "Full text:" line
FULL_TEXTS_LATER = "full texts are for the full-text stage"
# the keys that open a prompt over the screen: off while the exclusion reasons are open (a
# opened its prompt over the picker, which stayed open under it, "exclude: which reason?" gone)
PROMPT_ACTIONS = frozenset({"attach", "note", "search", "goto"})


class DecisionScreen(WaitsForDatabase, ReviewkitScreen):
    """A screen that decides at one stage (``rule``): the message line (``#message``) and the
    reason picker's keys. Subclasses write with :meth:`commit` and redraw the picker in
    :meth:`show_picker`; :attr:`excluding` says whether e was pressed."""

    CANCELLED = ""  # what the message line says when Esc leaves the picker ('' says nothing)
    ACTIONS_ID = "screening"  # the screen's part of its action ids ('screening.exclude')

    rule: Stage
    message: str = ""
    _excluding = False

    @property
    def excluding(self) -> bool:
        """Whether the exclusion reasons are open (e was pressed); the footer follows
        (:meth:`picking_off`)."""
        return self._excluding

    @excluding.setter
    def excluding(self, on: bool) -> None:
        if on != self._excluding:
            self._excluding = on
            if self.is_mounted:
                self.refresh_bindings()
                self.picking_changed()

    def picking_changed(self) -> None:
        """The reasons opened or closed (:attr:`excluding`): a screen that names a key of
        :data:`PROMPT_ACTIONS` outside the footer (the "Full text:" line's ``a``) says it again."""

    def picking_off(self, action: str) -> bool:
        """Whether ``action`` opens a prompt (:data:`PROMPT_ACTIONS`) while the exclusion
        reasons are open: off (None in ``check_action``), and pressed it says why."""
        return self.excluding and action in PROMPT_ACTIONS

    @property
    def exclude_key(self) -> str:
        """The key that starts an exclusion here, as the user's keymap has it (the screen's
        words name it: a remapped exclude left them saying 'e', a dead key)."""
        return screen_key(self.app, f"{self.ACTIONS_ID}.exclude")

    def picker(self, picking: bool = True) -> Group:
        """The reasons under their head line (:func:`reason_picker`), naming the keys in force
        (a keymap that moved cancel or none left it saying 'Esc cancels', '0 for none')."""
        return reason_picker(
            self.rule,
            picking,
            self.exclude_key,
            none_key=screen_key(self.app, f"{self.ACTIONS_ID}.no_reason"),
            cancel_key=screen_key(self.app, f"{self.ACTIONS_ID}.cancel"),
            reason_keys=self.reason_keys(),
        )

    def reason_keys(self) -> list[str]:
        """Each of the stage's reasons' key as the keymap has it (a reason moved off its
        number was still listed after the number)."""
        count = min(len(self.rule.exclusion_reasons), 9)
        return [screen_key(self.app, f"{self.ACTIONS_ID}.reason{n}") for n in range(1, count + 1)]

    def not_retrieved_word(self, project: Project, study: int, reason: str) -> str:
        """' (a full text is attached, yet …; z undoes)' after a saved exclusion whose reason
        says the report was not retrieved while a full text is attached
        (:func:`reviewkit.screening.attached_yet_not_retrieved`), else ''."""
        word = attached_yet_not_retrieved(project.db, self.rule, study, reason)
        undo = screen_key(self.app, f"{self.ACTIONS_ID}.undo")
        return f" ({word}; {undo} undoes)" if word else ""

    def say(self, message: str) -> None:
        self.message = message
        self.query_one("#message", Static).update(message, layout=False)

    def full_text_off(self, action: str) -> bool:
        """Whether ``action`` works on full texts (attach, open) at a stage before full text.
        Off there as None, not False: False also leaves Textual's active bindings, and the
        key said nothing; both keys are out of the footer at every stage (the "Full text:"
        line names them where they act), so None costs no room, and a reviewer who learnt a
        and o at full text is told why they do nothing here (:meth:`why_off`)."""
        return action in FULL_TEXT_ACTIONS and self.rule.name != "full-text"

    def why_off(self, action: str) -> str:
        """Full-text keys before full text (:meth:`full_text_off`) say what they are for, a
        prompt's key while the reasons are open (:meth:`picking_off`) how to close them; the
        screens add why the keys that need a record or a conflict are off."""
        if self.full_text_off(action):
            return FULL_TEXTS_LATER
        if self.picking_off(action):
            cancel = screen_key(self.app, f"{self.ACTIONS_ID}.cancel")
            return f"not while choosing an exclusion reason ({cancel} cancels it)"
        return ""

    def commit(self, label: str, reason: str = "") -> None:
        """Write the decision ``label`` (with ``reason``) for the record shown."""
        raise NotImplementedError

    def show_picker(self) -> None:
        """Redraw what shows the reason picker (after :attr:`excluding` changed)."""
        raise NotImplementedError

    def action_reason(self, n: int) -> None:
        if not self.excluding:
            self.say(f"press {self.exclude_key} first, then the reason's number")
            return
        pressed = screen_key(self.app, f"{self.ACTIONS_ID}.reason{n}") if n else ""
        code, problem = reason_for_key(self.rule, n, self.reason_keys(), pressed)
        if code is None:
            self.say(problem)
            return
        self.commit("exclude", code)  # leaves exclude mode once saved (or refused)

    def action_cancel(self) -> None:
        if self.excluding:
            self.excluding = False
            self.show_picker()
            if self.CANCELLED:
                self.say(self.CANCELLED)


def vote_line(rule: Stage, label: str, reason: str) -> Text:
    """'My decision: exclude (wrong population)', coloured by the decision."""
    colour = {"include": "green", "exclude": "red"}.get(label, "yellow")
    return Text.assemble(("My decision: ", "bold"), (decision_words(rule, label, reason), colour))


class FoldingReasons:
    """The numbered reasons under the record; on a short terminal, until e is pressed, one
    line that says how to see them (:func:`reasons_fit`, laid out once per screen size, not on
    every key: about 1 ms)."""

    rule: Stage
    excluding: bool
    size: Size
    app: App
    _reasons_mode: tuple[bool, bool] | None = None  # (excluding, the list whole)
    _reasons_fit_at: tuple[Size, bool] | None = None

    def render_reasons(self) -> None:
        """Draw the reasons whole or as their one line, as the size and e decide."""
        whole = self.excluding or self._reasons_fit()
        if self._reasons_mode == (self.excluding, whole):
            return
        self._reasons_mode = (self.excluding, whole)
        key = self.exclude_key  # type: ignore[attr-defined]  # a DecisionScreen's
        shown = (
            self.picker(self.excluding)  # type: ignore[attr-defined]  # a DecisionScreen's
            if whole
            else reasons_hint(self.rule, key, self.reason_keys())  # type: ignore[attr-defined]
        )
        self.query_one("#reasons", Static).update(shown)

    def _reasons_fit(self) -> bool:
        """:func:`reasons_fit` at the screen's size (kept per size)."""
        size = self.size
        if self._reasons_fit_at is None or self._reasons_fit_at[0] != size:
            self._reasons_fit_at = (size, reasons_fit(self.rule, self.app.console, size))
        return self._reasons_fit_at[1]

    def on_resize(self) -> None:
        self.render_reasons()  # whole or one line: the terminal's height decides

    show_picker = render_reasons
