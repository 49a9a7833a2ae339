"""The footer every screen shows: Textual's, letting go of the keys it replaced.

Textual's ``Footer`` builds its keys anew whenever the screen's bindings change
(``refresh_bindings``: a key greyed or back), and each key binds its ``compact`` to the footer's
(``data_bind``), which leaves a watcher on the footer holding the key. Textual drops the
watchers of removed keys only when ``compact`` changes, which it never does here, so every
rebuild kept its keys: the screening screen rebuilds its footer twice per exclusion (the keys
greyed while the reasons are open), 2,988 keys after 250 decisions, and the TUI benchmark's
500 decisions peaked at 148 MB (Textual 8.2.8). Textual's issue #6666 (open) reports it: a
watcher is pruned only when the watched reactive is set again; once Textual prunes watchers
when their owner is removed, this class can go.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeysFreeingFooter(Footer):
    """``Footer`` that lets the keys of its last rebuild go (see the module docstring)."""

    async def recompose(self) -> None:
        await super().recompose()
        # the documented way to say a reactive changed: Textual then drops the watchers of
        # keys that were removed, and tells the others the same value
        self.mutate_reactive(Footer.compact)
