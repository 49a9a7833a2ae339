"""The footer every screen shows: Textual's, greying its keys in place and letting go of the
keys it replaced.

Textual's ``Footer`` builds its keys anew whenever the screen's bindings change
(``refresh_bindings``: a key greyed or back). The screening screen does that twice per
exclusion (the keys greyed while the reasons are open), and each rebuild's keys are Textual
widgets (a message queue, styles, caches, style nodes for their parts) that die in reference
cycles: some 25,000 objects of garbage every 20 exclusions, which only a full garbage
collection frees, and some of their caches stayed (42,000 objects more after 150 decisions). A
full collection walks every object of the process (125,000 once a 50,000-record project is
open, 198,000 after 500 decisions): on the TUI benchmark's ranked run 19 of them, 66-194 ms of
CPU each on a loaded machine, the screen's thread waiting meanwhile (spike44:
benchmarks/results/tui-gc.md). So when only which keys work changed (the same keys in the same
order, with the same tooltips) the keys shown are updated in place (:meth:`_regrey`): the
``-disabled`` class (dim, struck through: ``ReviewkitApp.CSS``) as ``FooterKey.__init__`` sets
it; any other change is built anew, as Textual does. The tests check the keys greyed in place
against Textual's own rebuild (tests/tui/test_footer_greys_in_place.py): this class
reads Textual's internals (``FooterKey._disabled``, ``Footer._bindings_ready``), and a Textual
release that builds its keys otherwise fails there.

Each key Textual builds binds its ``compact`` to the footer's (``data_bind``), which leaves a
watcher on the footer holding the key; Textual drops the watchers of removed keys only when
``compact`` changes, which it never does here, so every rebuild kept its keys (2,988 keys
after 250 decisions, the TUI benchmark's 500 decisions peaked at 148 MB, Textual 8.2.8).
Textual's issue #6666 (open) reports it: a watcher is pruned only when the watched reactive is
set again. :meth:`KeysFreeingFooter.recompose` says ``compact`` changed after each rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reviewkit.text_width import width

Shape = tuple[tuple[Any, ...], ...]  # each key shown: what a rebuild would change about it
KEPT_ACTIONS = ("help", "quit")  # shown however narrow the footer: they find every other key


def key_columns(key: FooterKey, compact: bool) -> int:
    """The columns a key takes in the footer, its margin with it, as Textual's CSS draws it
    (``FooterKey`` and ``Footer.DEFAULT_CSS``): at full width a space either side of the key
    and after the words; compact, one space between key and words and a margin of 1 after.
    Counted from the words, not measured: a hidden key has no size, and a key's size lags a
    change of style by a refresh (measured, the margin left out, the full keys had seemed to
    fit at 71-77 columns where they did not, the style changing at each resize).
    (Keys of a binding group, which have no words, are not used here.)"""
    return width(key.key_display) + width(key.description) + (2 if compact else 3)


class KeysFreeingFooter(Footer):
    """``Footer`` that greys its keys in place and lets the keys of its last rebuild go (see
    the module docstring)."""

    _shape: Shape | None = None  # the keys of the last build, as _keys_now gave them

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._compact_always = compact  # else compact only where the full keys do not fit

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Compact (a space less round each key) where the keys at full width are wider than
        the footer: at 60 columns the conflicts footer cut 'q Quit' to 'q Qui', the confirm
        footer lost '? Help' and 'q Quit' at 50, where compact they fit. Back to full width
        where they fit again. Where even compact they do not fit, the keys give way from the
        right, whole (:meth:`_keep_help`)."""
        if not self.is_attached or not self.size.width:
            return
        keys = list(self.query(FooterKey))
        if not self._compact_always:
            compact = sum(key_columns(k, compact=False) for k in keys) > self.size.width
            if compact != self.compact:
                self.compact = compact
        self._keep_help(keys)

    def _keep_help(self, keys: list[FooterKey]) -> None:
        """Hide the keys that do not fit, from the right, never '? Help' or 'q Quit': the keys
        a person needs to find the rest (the help lists every key). The screening footer's
        five decision keys came first, and at 50 columns Textual cut '? Help q Quit' off the
        right edge; the extraction footer lost them at 40 behind 'Tab Next empty'. A key is
        shown whole or not at all (a cut 'u Uncer' read as a key of its own)."""
        # the last key's margin may pass the edge (compact: the row one column wider)
        room = self.size.width + self.compact
        room -= sum(key_columns(k, self.compact) for k in keys if k.action in KEPT_ACTIONS)
        others = [k for k in keys if k.action not in KEPT_ACTIONS]
        for key in others:  # from the left: the screen's order is most needed first
            room -= key_columns(key, self.compact)
            if key.display != (room >= 0):
                key.display = room >= 0

    def compose(self) -> Iterator[Any]:
        self._shape = self._keys_now()[0] if self._bindings_ready else None
        yield from super().compose()

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:  # removed meanwhile: as Widget.recompose
            return
        shape, working = self._keys_now()
        keys = list(self.query(FooterKey))
        if self._bindings_ready and shape == self._shape and len(keys) == len(working):
            self._regrey(keys, working)
            return
        await super().recompose()
        self.call_after_refresh(self._fit)  # the keys built anew: their width with them
        # the documented way to say a reactive changed: Textual then drops the watchers of
        # keys that were removed, and tells the others the same value
        self.mutate_reactive(Footer.compact)

    def _keys_now(self) -> tuple[Shape, list[bool]]:
        """The keys ``Footer.compose`` would show now, in its order (the first binding shown of
        each action; a run of two or more actions of one binding group drawn as a group, its
        keys' tooltip then ``tooltip or description``), and whether each works: what
        :meth:`_regrey` sets, the rest the shape a rebuild changes. (A key's tooltip is its
        binding's, which does not change with the screen's state.)"""
        firsts: dict[str, tuple[Any, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                firsts.setdefault(binding.action, (binding, enabled, tooltip))
        shape, working = [], []
        for group, run in groupby(firsts.values(), lambda first: first[0].group):
            keys = list(run)
            grouped = group is not None and len(keys) > 1
            for binding, enabled, tooltip in keys:
                display = self.app.get_key_display(binding)
                label = group.description if grouped else None  # a group's FooterLabel
                tip = (tooltip or binding.description) if grouped else tooltip
                shape.append(
                    (binding.key, display, binding.description, binding.action, label, tip)
                )
                working.append(enabled)
        return tuple(shape), working

    @staticmethod
    def _regrey(keys: list[FooterKey], working: list[bool]) -> None:
        """Set whether each key works as ``FooterKey.__init__`` does."""
        for key, enabled in zip(keys, working, strict=True):
            if key._disabled == enabled:  # changed: restyled (only these keys)
                key._disabled = not enabled  # FooterKey's own flag: a click on it rings
                key.set_class(not enabled, "-disabled")
