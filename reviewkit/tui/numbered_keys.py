"""The nine number keys of a screen's work (the confirm screen's labels, the extraction
screen's fields) shown once in its footer, first, as "1–9 Choose a label": nine entries would
not fit 80 columns, and with none a person saw no sign of the keys the screen is for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual.binding import ActiveBinding, Binding

from reviewkit.tui.actions import Action, bindings


def numbered_bindings(actions: Sequence[Action], prefix: str, words: str) -> list[Binding]:
    """The actions' bindings (in the order given), the keys of ``prefix``1 … ``prefix``9
    shown once, first, as "1–9 ``words``"."""
    out = bindings(list(actions))
    first = next(b for b in out if b.id == f"{prefix}1")
    shown = replace(first, show=True, key_display="1–9", description=words)
    return [shown, *(b for b in out if b is not first)]


class NumberedFooter:
    """A screen mixin: its footer's "1–9" names the default keys, as many as act ("1–3" for
    three fields, :meth:`numbered_count`); when a keymap moves any of them, the footer shows
    the first one's key in force instead. A screen sets ``NUMBERED``,
    the action ids' prefix ('classify.label'), whose default keys are their numbers."""

    NUMBERED = ""

    def numbered_count(self) -> int:
        """How many of the number keys act here (the screen's fields or labels)."""
        return 9

    def numbered_words(self) -> str:
        """The footer's words for the number keys when this screen's differ from its
        bindings' ('' keeps those)."""
        return ""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active = super().active_bindings  # type: ignore[misc]
        keymap = self.app.keymap_in_use  # type: ignore[attr-defined]
        changes: dict[str, str | None] = {}
        count = min(self.numbered_count(), 9)
        if not all(keymap.get(f"{self.NUMBERED}{n}", str(n)) == str(n) for n in range(1, 10)):
            changes["key_display"] = None
        elif count < 9:  # "1–9" named keys that only said "no field 5" (three fields): 1–3
            changes["key_display"] = "1" if count <= 1 else f"1–{count}"
        if words := self.numbered_words():
            changes["description"] = words
        if not changes:
            return active
        first = f"{self.NUMBERED}1"
        return {
            k: a._replace(binding=replace(a.binding, **changes)) if a.binding.id == first else a
            for k, a in active.items()
        }
