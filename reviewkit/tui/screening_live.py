"""How the screening screen keeps up with the world: the first record is the ranked order's
first pick, and others' changes show on an idle screen.

* **The first record.** With a ranker whose first order is not the seeded one (the protocol's
  cold-start order, or the model's when earlier votes meet the ready rule) the screen shows no
  record until that order arrives: the texts are read after the first screen is drawn, in the
  ranker's process, and on 50,000 records that takes seconds. Meanwhile the screen says it is
  ordering, the deciding keys are off, and j or Tab starts at once in the seeded order.
* **Others' changes.** A timer looks every :attr:`KeepsUp.CHANGES_S` seconds for a search rerun
  or import, a dedup merge, another reviewer's entry at this stage and any entry at a stage
  before (:meth:`reviewkit.screening.ReviewerQueue.refresh`), so `remaining` and the queue are
  right without a key. A key looks at records and links only. Once none is left for me, any
  entry at a stage after this one counts too: no queue here changes, but the done line names
  those stages' work (:meth:`KeepsUp.later_came`).
* **Others' work.** A record another reviewer's screen holds is said on arriving at it, and
  where work waits once none is left here (:mod:`reviewkit.screening.work_left`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

from reviewkit.errors import DatabaseBusy
from reviewkit.screening.log_marks import EntriesAt
from reviewkit.screening.rules import stage_names
from reviewkit.screening.work_left import work_left
from reviewkit.tui.short_paths import fit_folder

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.timer import Timer

    from reviewkit.ranking.queue import QueueRanker
    from reviewkit.screening import ReviewerQueue

ORDER_POLL_S = 0.1  # while the first order is on its way: how often the screen looks for it
NOTHING_HERE = "nothing to screen at this stage for you"  # no record in my queue (pos None)
ALL_MINE = "every record here has your decision"
NEXT_AT_TOP = "next: see 'Queue done' at the top"  # the done line (:meth:`said_done`)
DONE_ROWS = 5  # the rows the done line may take ('Queue done · next: …' with its commands)


def none_left_words(pos: int | None) -> str:
    """What to say when none waits for me: no record at all, or all decided."""
    return NOTHING_HERE if pos is None else ALL_MINE


def ordering_text(n: int) -> Text:
    """What the record pane says while the first order is on its way."""
    return Text.assemble(
        (f"Ordering your {n:,} record{'s' if n != 1 else ''}…", "bold"),
        " the first record is the ranked order's first pick and comes as soon as that order"
        " is ready.\n\nj or Tab: start now in the seeded random order (the ranked order then"
        " applies from the next record).",
    )


class KeepsUp:
    """Mixin of :class:`reviewkit.tui.screening.ScreeningScreen` (before its
    :class:`~reviewkit.tui.widgets.WaitsForDatabase` base: :meth:`kept` notes each key)."""

    queue: ReviewerQueue
    ranking: QueueRanker | None
    pos: int | None
    last_committed: str | None
    _done_line: tuple[tuple[int, int, str | None] | None, str] = (None, "")  # its key, the line
    _done_fitted: tuple[tuple[str, int] | None, str] = (None, "")  # its line and width, fitted
    _later: EntriesAt | None = None  # the entries at the stages after this one (later_came)
    _later_seen = -1  # their count at the last look or done line read (-1: not yet, or busy)
    excluding: bool
    ordering: bool  # no record yet: the ranker's first order is on its way
    last_key: float  # monotonic() of the newest key
    changed: bool = False  # the last look found a change (take_changes)
    shown_attachment: str | None = None  # the full text the screen shows (render_mine)
    render_mine: Callable[[], None]
    message: str
    _order_wait: Timer | None
    current: int | None  # the study shown (a property of the screen)
    size: Size  # the screen's (a Textual Screen's)
    say: Callable[[str], None]
    # the order line's (:class:`reviewkit.tui.screening_order_line.OrderLine`, a mixin beside
    # this one): the line shown (a look says where work waits when it changes), drawing it,
    # and taking in a newer order
    rank_text: str
    render_rank: Callable[[], None]
    apply_ranking: Callable[[], None]
    # the screen's: the record at a position shown, the record shown drawn again (keep_place),
    # and the keys kept while the database is busy (WaitsForDatabase)
    go: Callable[[int | None], None]
    render_current: Callable[..., None]
    waiting: int

    # how often an open screen looks for others' changes (a search rerun or import, a dedup
    # merge, another reviewer's vote, an include at the stage before) without a key: when
    # nothing changed the look is three lookups (records, newest link, newest log entry:
    # 14 µs on 50,000 records), and after an entry of my own the entries are counted again
    # (1.5 ms with 20,000 partner votes in the log; benchmarks/results/tui.md), so it is free
    # at this rate; 3 s is the time a glance at "remaining" may lag a partner's vote, well
    # below the seconds a record takes to read
    CHANGES_S = 3.0

    def first_open(self) -> int | None:
        """The first record that waits for me, else the first record (None: no records)."""
        pos = self.queue.next_for_me(0)  # passing the records other reviewers' screens hold
        return 0 if pos is None and self.queue.studies else pos

    def take_first_order(self) -> None:
        """While ordering (polled): once the ranker's first order (or its failure) is in, put
        the queue in that order and show its first pick."""
        if self.ordering and self.ranking is not None and self.ranking.first_order_in:
            self.start_screening()

    def start_screening(self) -> None:
        """End the ordering state: the queue in the order that has arrived (else the seeded
        one), its first record that waits for me on screen."""
        self._end_ordering()
        self.apply_ranking()  # no record shown yet: every undecided place may move
        self.go(self.first_open())
        self.render_rank()
        self.refresh_bindings()

    def start_now(self) -> None:
        """j or Tab while ordering: the seeded order's first record now; the ranked order
        applies from the next move (as before the first order was waited for)."""
        self._end_ordering()
        self.go(self.first_open())
        self.refresh_bindings()
        self.say(
            "started in the seeded random order; the ranked order applies from the next record"
        )

    def why_off(self, action: str) -> str:
        """Why ``action``'s key does nothing now (the screen's ``on_key`` says it after the
        key's name): a and o before full text (:meth:`DecisionScreen.why_off`), else the
        first record is on its way, or none waits for me."""
        if before := super().why_off(action):  # type: ignore[misc]  # the DecisionScreen's
            return before
        if self.ordering:
            return (
                "no record yet (the first is on its way); j or Tab starts now in the seeded"
                " random order"
            )
        if self.pos is None:
            return self.nothing_left(NOTHING_HERE)
        return ""

    def _end_ordering(self) -> None:
        """No longer waiting for the first order: the flag down, the poll stopped."""
        self.ordering = False
        if self._order_wait is not None:
            self._order_wait.stop()

    def take_changes(self, *, decisions: bool = False) -> str:
        """Studies added (a search rerun or an import, then dedup) or merged since the screen
        opened join the queue (one cheap look when nothing changed) and the ranker; the record
        on screen stays or becomes its study. With ``decisions`` (the timer's look) other
        reviewers' entries and those at the stage before count too: a key only looks at
        records and links, so a partner screening at the same time does not make every key
        of mine rebuild the queue. Returns what to tell the reviewer, or ""."""
        study, change = self.current, self.queue.refresh(decisions=decisions)
        self.changed = change is not None
        if change is None:
            return ""
        # others' entries can change where work waits (a partner's last vote makes a conflict
        # for the lead) with my counts as they were: the done line is read again
        self._done_line = (None, self._done_line[1])
        self.pos = self.queue.place(study, change, self.pos)
        if self.ranking is not None and (change.added or change.merged):
            # new texts to read, or a vote that moved to the study it joined
            self.ranking.studies_changed()
        elif self.ranking is not None and change.dropped:
            # studies that only left (decided by another reviewer or the lead): the ranker
            # keeps its features, and its includes-left estimate stops counting them
            self.ranking.studies_left()
        same = study is not None and self.current == study
        self.render_current(keep_place=same)  # the same record: its sources may have grown
        return change.describe(study)

    def look_for_changes(self) -> None:
        """The timer's look (:attr:`CHANGES_S`): others' changes show on an idle screen.
        Not while a prompt or the reasons are open or keys wait for the database: the record
        they are about must not change under them (the next key looks anyway)."""
        if not self.waiting:
            self.queue.keep_holding()  # the claim on the record shown (at most once a minute)
        if self.app.screen is not self or self.excluding or self.waiting or self.ordering:
            return
        # others' decisions only once no key came for a whole interval: on a 50,000-record
        # project rebuilding the queue after a partner's vote takes about a second (0.95 s
        # with 20,000 partner votes, benchmarks/results/tui.md), which a reviewer pressing
        # keys should not wait for
        idle = time.monotonic() - self.last_key >= self.CHANGES_S
        try:
            self._take_look(idle)
        except DatabaseBusy:
            # a read refused while another process holds the file: the queue takes a change
            # only once all of it was read (ReviewerQueue.refresh), so the next look reads it
            # again, as the conflicts screen's look does; raised out of the timer, it had
            # ended the screen
            return

    def _take_look(self, idle: bool) -> None:
        """One look (:meth:`look_for_changes`); ``idle``: no key for a whole interval."""
        was = self.rank_text  # the done line before others' entries: said when they change it
        if said := self.take_changes(decisions=idle):
            self.say(said)
        elif self.attachment_came():
            self.render_mine()
            self.say(f"a full text was attached to record {self.current} meanwhile")
        elif idle and self.queue.remaining == 0 and (self.later_came() or self.changed):
            # none left for me, others' entries came: where work waits now (the partner's
            # last vote made a conflict; "1 record for another reviewer" had stayed)
            came = "others' votes came" if self.changed else "votes at a later stage came"
            self._done_line = (None, self._done_line[1])  # the done line, read again
            self.render_rank()
            if self.shows_done():  # the pointer only to a done line there is
                if self.rank_text != was:
                    self.say(f"{none_left_words(self.pos)}; {came}: {NEXT_AT_TOP}")
            else:  # no done line (no record here at all): the message says it
                steps = self._steps()
                if steps and f"next: {steps}" not in self.message:
                    self.say(f"{none_left_words(self.pos)} · next: {steps}")

    def later_came(self) -> bool:
        """Whether anyone made an entry at a stage after this one since the done line was
        last read or the last look (one lookup when none came). It changes no queue here, but
        the done line names those stages' work ('full-text: 2 records wait for you'): at
        title-abstract it kept the full-text counts of my last vote after full-text votes
        came. Looked at only once none is left for me and no key came for an interval: the
        line read again takes half a second on 50,000 records (``status.where_next``)."""
        seen, self._later_seen = self._later_seen, self._later_count()
        return seen != self._later_seen

    def _later_count(self) -> int:
        """The entries anyone made at the stages after this one (none after the last)."""
        if self._later is None:
            names = stage_names(self.queue.protocol)
            later = names[names.index(self.queue.stage) + 1 :]
            self._later = EntriesAt(self.queue.db, later)
        return self._later.count()

    def attached(self, study: int) -> str | None:
        """The full text attached to ``study`` (its path or URL), None: none."""
        att = self.queue.attachment(study)
        return att.target if att else None

    def attachment_came(self) -> bool:
        """At full text: whether the record shown has another full text than the screen
        shows (the partner on the same record attached one: the line said "none attached (a
        to attach)" meanwhile). One lookup."""
        study = self.current
        if self.queue.stage != "full-text" or study is None:
            return False
        return self.attached(study) != self.shown_attachment

    def kept(self, run: Callable[[], None]) -> None:
        """Every key's action comes through here (:func:`keeps_keys`): note when it came."""
        self.last_key = time.monotonic()
        super().kept(run)

    def shared_note(self) -> str:
        """What to say when the record shown waits for me but another reviewer's screen holds
        it (reached with j, g or /, or the only records left): both may vote, the first
        decides it. "" otherwise."""
        q, study = self.queue, self.current
        if study is None or not q.shares_records or study in q.votes or q.held == study:
            return ""
        return f"record {study} is open on another reviewer's screen too: the first vote decides it"

    def nothing_left(self, said: str, steps: str | None = None) -> str:
        """``said`` and where work waits now that none is left here (:mod:`work_left`; or
        ``steps``, those words read already)."""
        steps = self._steps() if steps is None else steps
        return " · ".join(p for p in (said, steps and f"next: {steps}") if p)

    def said_done(self, said: str) -> str:
        """For the message line once nothing waits for me here: ``said`` and where work waits
        (:meth:`nothing_left`), or, while the order line shows the done line with it, a
        pointer there: after the last vote both lines said the same steps, up to six rows."""
        if self.shows_done():
            return f"{said}; {NEXT_AT_TOP}"
        return self.nothing_left(said)

    def shows_done(self) -> bool:
        """Whether the order line shows the done line now (what :data:`NEXT_AT_TOP` points
        at): it is hidden with no record here at all."""
        rank = self.query_one("#rank")
        return bool(rank.display and rank.has_class("done"))

    def done_line(self) -> str:
        """The order line once nothing waits for me here: 'Queue done: every record here has
        your decision · next: …' (the work-left words the command prints on closing), read
        again after each of my entries and change of the queue, and after an entry at a later
        stage (:meth:`later_came`, at the timer's look): the line is polled twice a second,
        ranking on or off, so a line read while the database was busy is read again.
        (A vote can make a conflict: the same count of decisions after an undo and a vote
        kept the line before them.)"""
        key = (self.queue.done, len(self.queue.studies), self.last_committed)
        if self._done_line[0] != key:
            from reviewkit import status  # the whole project's reader: not loaded with the screen

            q = self.queue
            try:  # before the steps: an entry at a later stage meanwhile is seen again
                self._later_seen = self._later_count()
            except DatabaseBusy:
                self._later_seen = -1  # the next look reads the line again
            steps = status.where_next(q.project, q.reviewer, q.stage)  # "" when busy
            line = self.nothing_left(f"Queue done: {ALL_MINE}", steps)
            self._done_line = (key if steps else None, line)  # busy: read again at the next look
        # a long project folder, named in each command, took the line past its rows (the
        # second command cut): shortened there as far as the line needs, at this width; the
        # line printed when the screen closes names it whole
        # (each fitting wraps the line a few times, some ms: kept for the line and width)
        width, line = self.size.width - 2, self._done_line[1]  # inside the padding
        if self._done_fitted[0] != (line, width):
            fitted = fit_folder(line, self.queue.project.folder, width, DONE_ROWS)
            self._done_fitted = ((line, width), fitted if width > 0 else line)
        return self._done_fitted[1]

    def _steps(self) -> str:
        """Where work waits now, as 'next: …' words (:mod:`work_left`), or ""."""
        from reviewkit import status  # the whole project's reader: not loaded with the screen

        q = self.queue
        return status.steps_from(q.project, work_left(q.project, q.reviewer), q.reviewer, q.stage)

    def steps_next(self, partway: bool = False) -> str:
        """'; next: …' or "" (:func:`then_line`) for the line printed once the screen closes,
        which takes the message line's words off the terminal (a reviewer done with
        title-abstract was not told the next stage's command). ``partway``: records wait for
        the reviewer here, so this stage is named too, first, with its command (quit partway,
        the line had no 'next' at all; then it came after an earlier stage's)."""
        from reviewkit import status  # the whole project's reader: not loaded with the screen

        q = self.queue
        if partway:
            return status.then_line(q.project, q.reviewer, "", first=q.stage)
        return status.then_line(q.project, q.reviewer, q.stage)

    def say_arrived(self, said: str) -> None:
        """Say ``said`` on arriving at a record (j, k, Tab, /, g), with :meth:`shared_note`."""
        self.say(" · ".join(p for p in (said, self.shared_note()) if p))
