"""How the conflicts screen keeps up while the reviewers still screen: conflicts that arise
join its list without a key.

A timer looks every :attr:`FindsNewConflicts.CHANGES_S` seconds (the screening screen's rate,
:class:`~reviewkit.tui.screening_live.KeepsUp`) with a
:class:`~reviewkit.screening.ConflictsMark`: two lookups when no one (the lead in another
terminal too) wrote at the stage and no dedup merge was made (11 µs of CPU a look on
benchmarks/.work/tui-dedup-project-2000: 50,000 records, 4,000 votes). Only then are the conflicts read again (0.3 CPU-s there), and
only once no key came for a whole interval, so a lead pressing keys does not wait for it; the
next look takes it. New conflicts go to the end of the list and
the header counts them; the lead stays on the conflict being read (one that arrives on a
screen with none shows at once). The listed ones are taken as they are now
(:meth:`FindsNewConflicts.take_listed`): one open again after its final, one another lead
resolved.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewkit.errors import DatabaseBusy
from reviewkit.tui.screening_live import KeepsUp
from reviewkit.wording import numbered

if TYPE_CHECKING:
    from reviewkit.screening import ConflictsMark, ConflictView


NO_NEW = "no new conflicts"  # what j on the last one, or the last one resolved, finds


class FindsNewConflicts:
    """Mixin of :class:`reviewkit.tui.conflicts.ConflictsScreen` (before its
    :class:`~reviewkit.tui.widgets.WaitsForDatabase` base: :meth:`kept` notes each key)."""

    CHANGES_S = KeepsUp.CHANGES_S  # as the screening screen: well below a conflict's reading

    mark: ConflictsMark
    resolver: str
    views: list[ConflictView]
    pos: int | None
    excluding: bool
    waiting: int
    last_key: float = 0.0  # monotonic() of the newest key
    say: Callable[[str], None]

    if TYPE_CHECKING:  # the screen's

        def _take_new(self, said: str) -> tuple[int | None, str]: ...

        def render_current(self) -> None: ...

        def render_status(self) -> None: ...

    def look_for_changes(self) -> None:
        """The timer's look. Not while a prompt or the reasons are open or keys wait for the
        database: the conflict they are about must not move under them."""
        if self.app.screen is not self or self.excluding or self.waiting:  # type: ignore[attr-defined]
            return
        try:
            if not self.mark.changed:
                return
        except DatabaseBusy:
            return  # the next look
        if time.monotonic() - self.last_key < self.CHANGES_S:
            return  # keys are coming: the next look reads them
        was = self.views[self.pos] if self.pos is not None else None
        before = list(self.views)
        _, said = self._take_new("")
        if self.views == before:  # a vote that made or changed no conflict listed here
            return
        if (self.views[self.pos] if self.pos is not None else None) != was:
            # the first conflict, on a screen that had none; or the one shown changed (open
            # again, resolved by another lead, taken back): shown as it is, the lead decides
            # on what is on screen (resolve's check of the votes shown takes them as seen)
            self.render_current()
        else:
            self.render_status()  # the header counts the new ones; the lead stays
        if said != NO_NEW:  # a listed one changed quietly (a vote's reason, an earlier final
            self.say(said)  # back after z): 'no new conflicts', asked by no one, hid z's words

    def take_listed(self, fresh: list[ConflictView]) -> tuple[int | None, list[str]]:
        """The listed conflicts as ``fresh`` (the stage's conflicts read again) has them: a
        reviewer's vote after the lead's final opens one again, another lead resolves one
        meanwhile, a reviewer takes back (undoes, changes) the vote that made one, which
        leaves the list (the lead stays on the conflict shown, or goes to the one after it).
        The looks took only studies not listed: the screen kept "open 0" for a conflict
        ``conflicts --list`` called open, and "open 1" for one ``i`` was refused on as not in
        conflict. Returns the place of the first listed one open again (None: none) and the
        words for each that opened, closed or left."""
        now = {v.study_id: v for v in fresh}
        listed: list[ConflictView] = []
        first, gone_before = None, 0  # those left before the one shown
        gone: list[int] = []
        again: list[ConflictView] = []
        resolved: dict[str, list[int]] = {}  # by whom (the lead's own: "sara elsewhere")
        for i, was in enumerate(self.views):
            view = now.get(was.study_id)
            if view is None:  # no final, and its votes no longer disagree
                gone.append(was.study_id)
                gone_before += self.pos is not None and i < self.pos
                continue
            if view.open and not was.open:
                first = len(listed) if first is None else first
                again.append(view)
            elif was.open and not view.open and view.final is not None:
                by = view.final.reviewer  # the lead's own: given in another terminal or a sheet
                by += " elsewhere" if by == self.resolver else ""
                resolved.setdefault(by, []).append(view.study_id)
            listed.append(view)
        self.views[:] = listed
        at = self.pos
        self.pos = None if not listed or at is None else min(at - gone_before, len(listed) - 1)
        return first, _told(again, resolved, gone)

    def kept(self, run: Callable[[], None]) -> None:
        """Every key's action comes through here (:func:`keeps_keys`): note when it came."""
        self.last_key = time.monotonic()
        super().kept(run)  # type: ignore[misc]


def _told(again: list[ConflictView], resolved: dict[str, list[int]], gone: list[int]) -> list[str]:
    """The words for the listed conflicts that opened again, were resolved meanwhile or left
    the list: each on its own when one, else one phrase naming the records (a sheet of
    fourteen finals imported while the screen was open told fourteen phrases, which the
    message line's eight rows cut without a sign)."""
    told = []
    if len(again) == 1:
        (view,) = again
        why = f": {view.reopened.words}" if view.reopened else ""
        told.append(f"record {view.study_id} is open again{why}")
    elif again:  # which opened each, and when: under its final
        ids = [v.study_id for v in again]
        told.append(f"{len(again)} conflicts are open again ({numbered('record', ids)})")
    for by, studies in resolved.items():
        if len(studies) == 1:
            told.append(f"record {studies[0]} was resolved by {by} meanwhile")
        else:
            which = numbered("record", studies)
            told.append(f"{len(studies)} conflicts were resolved by {by} meanwhile ({which})")
    if len(gone) == 1:
        told.append(f"record {gone[0]} is no longer in conflict")
    elif gone:
        told.append(f"{len(gone)} records are no longer in conflict ({numbered('record', gone)})")
    return told
