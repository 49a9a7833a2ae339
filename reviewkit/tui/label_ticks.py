"""The confirm screen's ticks: the labels a reviewer ticks on a study before Enter (or leaving
it) confirms them, in a multi-label scheme and in a single-label scheme whose topic labels
coexist (``topic_rule = "coexist"``: one label and the topics beside it)."""

from __future__ import annotations

from reviewkit import classify
from reviewkit.tui.actions import screen_key


class LabelTicks:
    """A mixin of :class:`~reviewkit.tui.classify.ConfirmScreen`: its ticked labels."""

    @property
    def ticking(self) -> bool:
        """Whether the number keys tick (Enter confirms) rather than confirm at once: in a
        multi-label scheme, and in a single-label one with coexisting topic labels, where a
        key that confirmed one label at once left no way to give a topic beside a diagnosis
        (README: 'a study may be confirmed with both'), but the rules' Enter."""
        return self.scheme.multi_label or bool(self._topics)

    @property
    def _topics(self) -> set[str]:
        """The scheme's topic labels that stand beside another (coexist), else none."""
        if self.scheme.multi_label or self.scheme.topic_rule != "coexist":
            return set()
        return {lab.id for lab in self.scheme.labels if lab.topic}

    def _ticked(self) -> list[str]:
        """The ticked labels in the rows' order (the none answer last), as they are stored and
        exported: they were stored in the order of their ids ('digital', 'in-person' of rows
        1 In person, 3 Digital), unlike the rows and the message naming them."""
        return self.in_row_order(self.selection)

    def _ticked_from(self) -> list[str]:
        """The study's confirmed labels the ticks started from, in the rows' order."""
        return self.in_row_order(self._ticks_from)

    def _start_ticks(self, rid: int, confirmed: list[str]) -> None:
        """Tick the labels confirmed for study ``rid`` as the screen comes to it: the reviewer
        changes what they see, and leaving unchanged keeps them (nothing ticked here had
        ticking a label then leaving replace the confirmed ones unseen)."""
        self._ticks_of = rid
        self._ticks_from = set(confirmed)
        self.selection = set(confirmed)

    def _ticks_changed(self) -> bool:
        """Whether the ticks differ from the study's confirmed labels, and can be saved: with
        every label unticked the confirmed ones stay (a confirmation has a label; 0 is none)."""
        return bool(self.selection) and self.selection != self._ticks_from

    def _keep_ticked(self) -> str:
        """Save the labels ticked on this study as the reviewer leaves it (j, k, Tab, q) and
        say so ('' when they are the confirmed ones, or none is ticked): a reviewer keeps what
        they see ticked, as every key of the other screens is saved when pressed; ticks
        dropped on the way out were lost without a word."""
        if not self.selection and self._ticks_from:  # every label unticked: nothing to store
            kept = self.label_names(self._ticked_from())
            none = screen_key(self.app, "classify.none")
            return f"study {self.pos + 1} (id {self.current}): nothing ticked, {kept} kept ({none} is none)"
        if not self._ticks_changed():
            return ""
        labels = self._ticked()
        said = self._saved_words(labels)
        self._save(labels)
        return said

    def _tick(self, label: str) -> None:
        """Tick or untick ``label``. The none answer and a label exclude each other (a study
        with a label is not "none of these"): ticking one unticks the other, rather than
        storing both. With coexisting topics a label that is no topic unticks the other such
        label (one of them a study, the topics beside it: :func:`classify.allowed_together`)."""
        if label in self.selection:
            self.selection.discard(label)
            return
        none = classify.none_id(self.scheme)
        if label == none:
            self.selection = {label}
            return
        kept = self.selection - {none}
        if not self.scheme.multi_label and label not in self._topics:
            kept = {lab for lab in kept if lab in self._topics}
        self.selection = kept | {label}
