"""The status line at the top of each screen: one row that never wraps, fitted to its width.

Each screen gives its parts most important first: the figure its user watches (so that it
stays in view at 80 columns), then the place, then where and who: the last two (the stage or
scheme, and the reviewer or resolver). Those two are kept however narrow the terminal: in
blinded screening a reviewer must see whose votes a key records and at which stage (Textual's
ellipsis cut the line's end: at 60 columns the screening line lost the reviewer's name and
half the stage, at 80 too once a project's counts and record ids had four or five digits).
What does not fit gives way from the middle: the parts before the kept two are shortened to
the shorter forms their screen gives ('record 4521 (17 of 120)', then 'record 4521') or dropped,
from the least important on; then the stage is cut beside the figure; then the figure goes;
then the stage is cut, then dropped, the reviewer last. Wherever parts are dropped one '…'
stands in their place, however many they are: a person must see that something is left out
(the figure's neighbours, or the figure, had gone bare at some widths: 'remaining 10 · decided
0 · title-abstract · you' read as the whole line). The mark takes its room: the figure goes
4 columns sooner. Narrower than the reviewer and its mark, the reviewer alone, cut last.
A part before the kept two is shown in one of its forms or not at all, never cut inside: cut,
the conflicts place read 'conflict 17 of …' at 60 columns, 'record 452…' named another
record, 'decided 56…' and 'remaining 1…' another count. The CSS ellipsis stays as a net.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.widgets import Static

from reviewkit.text_width import cut, width

STATUS_CSS = """
#status {
    height: 1; background: $primary; color: $text; padding: 0 1;
    text-wrap: nowrap; text-overflow: ellipsis;
}
"""
SEP = " · "
# a part, or its forms: whole first, then ever shorter, each read as a whole ('conflict 17')
Part = str | tuple[str, ...]
KEPT = 2  # the stage (or scheme, or the screen's name) and the reviewer: never dropped
# a part cut no shorter: 'title-a…' is still told from 'full-te…'
PART_COLUMNS = 8
# in place of the parts dropped for want of room, however many side by side: a person must see
# that something is left out (dropped bare, 'decided 0' then the stage read as the whole line)
GONE = "…"


def fitted(parts: tuple[Part, ...], columns: int, kept: int = KEPT) -> str:
    """``parts`` (most important first) in ``columns``: whole where they fit, else the last
    ``kept`` whole and the others shortened or dropped from the end, a '…' where dropped
    (module doc)."""
    parts = tuple(p for p in parts if p)
    if not parts:
        return ""
    head = [(p,) if isinstance(p, str) else p for p in parts[:-kept]]
    tail = [p if isinstance(p, str) else p[0] for p in parts[-kept:]]
    lines = (line for line in _narrower(head, tail, columns) if width(line) <= columns)
    return next(lines, cut(tail[-1], columns))  # the reviewer, as much as fits


def _narrower(head: list[tuple[str, ...]], tail: list[str], columns: int) -> Iterator[str]:
    """The line in ever fewer columns: whole; the last part of ``head`` in its shorter forms,
    then dropped, and so on to the first (whole, then shorter, then dropped); the stage cut
    (not below PART_COLUMNS) beside the first part whole; the kept ``tail`` alone, then its
    stage cut. The parts dropped are marked by one '…' where they were (:data:`GONE`)."""
    stage, reviewer = SEP.join(tail[:-1]), tail[-1]
    whole = [forms[0] for forms in head]
    yield SEP.join([*whole, *tail])
    for n in range(len(head), 1, -1):
        gone = [GONE] if n < len(head) else []  # the parts after this one
        for form in head[n - 1]:  # whole, then shorter
            yield SEP.join([*whole[: n - 1], form, *gone, *tail])
        yield SEP.join([*whole[: n - 1], GONE, *tail])
    if head:
        first = [whole[0], GONE] if len(head) > 1 else [whole[0]]  # the parts after it gone
        yield from _cut_at(first, stage, [reviewer], columns)
    # the first part (the figure) whole or not at all: 'remaining 1…' read as one remaining
    before = [GONE] if head else []
    yield SEP.join([*before, *tail])
    yield from _cut_at(before, stage, [reviewer], columns)
    if stage:  # the stage gone too
        yield SEP.join([GONE, reviewer])


def _cut_at(before: list[str], part: str, after: list[str], columns: int) -> Iterator[str]:
    """``part`` (the stage) cut to the room ``before`` and ``after`` leave it, if still
    PART_COLUMNS long (or whole) and more than its first word."""
    room = columns - width(SEP.join([*before, "", *after]))
    if not part or room < min(PART_COLUMNS, width(part)):
        return
    shown = cut(part, room)
    if shown == part or " " not in part or " " in shown.removesuffix("…").strip():
        yield SEP.join([*before, shown, *after])


class StatusLine(Static):
    """``#status``: :meth:`show` its parts; fitted again whenever its width changes."""

    _parts: tuple[Part, ...] = ()

    def show(self, *parts: Part, layout: bool = True) -> None:
        """Show ``parts`` (most important first, the stage and the reviewer last; a part
        before those two may be its forms, whole first: :data:`Part`)."""
        self._parts = parts
        self.update(self._fitted(), layout=layout)

    def on_resize(self) -> None:
        if self._parts:
            self.update(self._fitted(), layout=False)

    def _fitted(self) -> str:
        # before the first layout: the terminal's width less the padding
        columns = self.content_size.width or max(self.app.size.width - 2, 1)
        return fitted(self._parts, columns)
