"""The screening screen: one record at a time, one key per decision, committed at once.

All state comes from :class:`reviewkit.screening.ReviewerQueue`, which only knows this
reviewer's own votes and notes (blinding). A decision is written to the database (and
committed) before the next record is shown; moving fetches one record, never the queue.

With a :class:`reviewkit.ranking.queue.QueueRanker` the screen only tells it about each vote
(``update``), applies a newer order when moving to the next record (``apply``: only undecided
studies after the current one that were not shown yet move) and polls its ``status`` twice a
second for the order line (random / model, trained when, includes left:
:mod:`reviewkit.tui.screening_order_line`). Training never runs
in this thread. The first record waits for the ranker's first order, and others' changes show
on an idle screen: :mod:`reviewkit.tui.screening_live`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Static

from reviewkit.errors import DatabaseBusy, UserError, command_line
from reviewkit.ranking.queue import QueueRanker
from reviewkit.screening import AlreadyDecided, ReviewerQueue, decision_words
from reviewkit.tui.actions import Action, bindings
from reviewkit.tui.app import stopped_line
from reviewkit.tui.decision import DecisionScreen, FoldingReasons, vote_line
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.tui.message_line import GrowingText, MessageLine, append_notes, error_words
from reviewkit.tui.messages import Decided, Undone
from reviewkit.tui.notice_lines import NoticeLines
from reviewkit.tui.record_view import RecordView
from reviewkit.tui.screening_find import FindsRecords
from reviewkit.tui.screening_fulltext import FullTextKeys, full_text_line
from reviewkit.tui.screening_keys import ACTIONS, NEEDS_A_RECORD, stage_actions
from reviewkit.tui.screening_live import (
    NOTHING_HERE,
    ORDER_POLL_S,
    KeepsUp,
    none_left_words,
    ordering_text,
)
from reviewkit.tui.screening_order_line import ORDER_LINE_CSS, OrderLine
from reviewkit.tui.status_line import STATUS_CSS, Part, StatusLine
from reviewkit.tui.widgets import (
    TextPrompt,
    footer_order,
    keeps_keys,
    record_renderable,
)
from reviewkit.wording import quantity

RANKING_SWITCH_INTERVAL_S = 0.001
MINE_ROWS = 6  # the box under the record (decision, full text, notes): #mine's max-height


@keeps_keys
class ScreeningScreen(
    OrderLine, KeepsUp, FindsRecords, FullTextKeys, FoldingReasons, DecisionScreen
):
    """One record, the reasons with their number keys, progress and a message line.

    While another process holds the database's write lock, keys are kept and replayed in
    order (:class:`~reviewkit.tui.widgets.WaitsForDatabase`): nothing is lost, nothing crashes.
    """

    DEFAULT_CSS = (
        STATUS_CSS
        + ORDER_LINE_CSS
        + """
    #mine { max-height: 6; padding: 0 1; }
    #reasons { height: auto; border-top: solid $primary; padding: 0 1; }
    #message { padding: 0 1; color: $warning; }
    """
    )
    BINDINGS = bindings(footer_order(ACTIONS))
    TITLE = "reviewkit screen"

    @property
    def without_terminal(self) -> str:
        """How to screen without a terminal here (the import names this project)."""
        return (
            "or screen in a terminal on another computer and bring the votes here with"
            f" 'reviewkit decisions export' there and '{command_line('decisions import')}' here"
        )

    CANCELLED = "exclusion cancelled"

    def __init__(
        self,
        queue: ReviewerQueue,
        opener: Callable[[str], bool | None] | None = None,
        ranking: QueueRanker | None = None,
    ) -> None:
        super().__init__()
        self.queue = queue
        self.ranking = ranking
        self.shown: set[int] = set()  # studies shown this session: a new order never moves them
        self.protocol = queue.protocol
        self.rule = queue.rule
        self.pos: int | None = None
        self.no_record = False  # as last shown: no record at this stage for me
        self.excluding = False
        self.last_committed: str | None = None  # id of the newest entry this screen committed
        self.opener = opener
        self.message = ""
        self.shown_at = 0.0  # perf_counter() when the current record was last painted
        self.last_key = 0.0  # monotonic() of the newest key (see look_for_changes)
        self.ordering = False  # no record yet: the ranker's first order is on its way
        self._order_wait: Timer | None = None
        self.notices = NoticeLines(queue)  # retractions, errata … shown with a record

    def quit_line(self) -> str:
        """'anna at title-abstract: 42 records decided, 48 remaining; every decision is saved',
        then where work waits ('; next: …', :meth:`KeepsUp.steps_next`): quit partway, this
        stage first, with the command that goes on with it."""
        q = self.queue
        decided = f"{quantity(q.done, 'record')} decided, {q.remaining} remaining"
        then = self.steps_next(partway=bool(q.remaining))
        return stopped_line(
            q.reviewer,
            q.stage,
            decided,
            "every decision is saved",
            then,
            kept=self.waiting,
            typed=self.left_in_prompt,
        )

    # layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield Static(id="rank")
        yield RecordView("screening.page_down", id="record")
        yield GrowingText(id="mine")  # as tall as a long URL or the notes need (up to 6)
        yield Static(id="reasons")
        yield MessageLine(id="message")  # grows for a long message ('o': the whole path)
        yield KeysFreeingFooter(compact=True)  # compact: every key of a stage fits in 80 columns

    def on_mount(self) -> None:
        self.wait_briefly(self.queue.db.set_busy_timeout)
        # the first record is the ranker's first pick (the protocol's cold-start order, or the
        # model's when earlier votes meet the ready rule), not the seeded order's: the texts
        # are read after the first screen is drawn (on 50,000 records that takes seconds), so
        # the screen says it is ordering until the order arrives (j starts at once instead);
        # one record left has one order: it shows at once (a reviewer with one record left
        # waited seconds on "Ordering your 1 record…" while every text of the stage was read)
        self.ordering = (
            self.ranking is not None and self.ranking.orders_first and self.queue.remaining > 1
        )
        if not self.ordering:
            self.pos = self.first_open()
        self.render_current()
        self.notices.find_unless_kept(self, partial(self.render_current, keep_place=True))
        if not self.ordering and not self.queue.studies:  # none here at all: where work waits
            self.say(self.nothing_left(""))  # (reopened done, the order line says it: done_line)
        self.set_interval(self.CHANGES_S, self.look_for_changes)
        # the order line, polled with ranking on or off: the ranker's status, and a done line
        # read while the database was busy (no next steps) is read again at the next poll;
        # with ranking off it had stayed so until the queue changed
        self.set_interval(self.RANK_POLL_S, self.render_rank)
        if self.ranking is not None:
            # the ranker's threads run Python code too: hand the interpreter lock back to this
            # (the screen's) thread within 1 ms instead of the default 5 ms
            sys.setswitchinterval(min(sys.getswitchinterval(), RANKING_SWITCH_INTERVAL_S))
            self.call_after_refresh(
                self.ranking.start
            )  # texts and features load after the first screen
            if self.ordering:
                self._order_wait = self.set_interval(ORDER_POLL_S, self.take_first_order)

    def on_unmount(self) -> None:
        self.queue.let_go()  # the record shown is free for the other reviewers at once
        if self.ranking is not None:
            self.ranking.close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.full_text_off(action) or self.picking_off(action):
            return None  # pressed, they say what they are for, or how to close the reasons
        if self.ordering:  # no record yet: only help, quit and j or Tab (start now) work
            return True if action in ("help", "quit", "next_open", "move") else None
        # no record at this stage for me: off, greyed in the footer; pressed, they say why
        # (why_off): hidden (False), they had been dropped without a word
        return None if self.pos is None and action in NEEDS_A_RECORD else True

    @property
    def current(self) -> int | None:
        return None if self.pos is None else self.queue.studies[self.pos]

    def render_status(self) -> None:
        q = self.queue
        # the record's id (as in the body, the messages and 'g'), then its place among mine
        # (decided first: queue.py); narrow, the id alone, never cut inside (status_line)
        where: Part = "ordering…" if self.ordering else "no records"
        if self.pos is not None:
            record = f"record {self.current}"
            where = (f"{record} ({self.pos + 1} of {len(q.studies)})", record)
        # what is left to do first: it must stay in view at 80 columns; the stage and the
        # reviewer last, kept whole however narrow (blinding: whose votes these are)
        self.query_one("#status", StatusLine).show(
            f"remaining {q.remaining}",
            f"decided {q.done}",
            where,
            q.stage,
            q.reviewer,
            layout=False,
        )

    def render_mine(self) -> None:
        study = self.current
        text = Text()
        if study is not None:
            vote = self.queue.votes.get(study)
            if vote is not None:
                text.append_text(vote_line(self.rule, vote.label, vote.reason))
            else:
                text.append("Not decided yet", style="dim")
            if self.queue.stage == "full-text":  # before the notes: kept in view by them
                self.shown_attachment = self.attached(study)  # KeepsUp looks for a new one
                text.append("\n")
                attach = not self.picking_off("attach")  # off while the reasons are open
                text.append_text(full_text_line(self.queue, study, self.app, attach=attach))
            notes = self.queue.notes.get(study, [])
            width = max(self.size.width - 2, 20)
            append_notes(self.app.console, width, text, notes, MINE_ROWS)
        self.query_one("#mine", GrowingText).update(text)

    def render_current(self, *, keep_place: bool = False) -> None:
        view = self.query_one(RecordView)
        study = self.current
        if (study is None) != self.no_record:  # the footer follows (check_action)
            self.no_record = study is None
            self.refresh_bindings()
        # no record at this stage for me: the order line ("Includes left: after your first
        # decision · Order: …") and the reasons spoke of a queue there is not, e off
        empty = study is None and not self.ordering
        self.query_one("#rank").display = self.query_one("#reasons").display = not empty
        if self.ordering:
            view.show(ordering_text(len(self.queue.studies)))
        elif study is None:
            self.queue.hold(None)
            view.show(Text("Nothing to screen at this stage for you.", style="bold"))
        else:
            self.shown.add(study)
            # one reviewer per record: the others' queues go past it; when another screen
            # holds it (j, g or / went there), the record left is not shown: free it
            if not self.queue.hold(study):
                self.queue.let_go()
            sources = self.queue.sources(study)  # canonical record first
            record = sources[0] if sources else self.queue.record(study)
            view.show(
                record_renderable(
                    record,
                    sources=sources,
                    include=self.protocol.highlight_include,
                    exclude=self.protocol.highlight_exclude,
                    extra=[*self.notices.lines(study), Text(f"Record {study}", style="dim")],
                ),
                keep_place=keep_place,
            )
        self.render_status()
        self.render_rank()  # at once when a vote or an undo leaves none here, or one again
        self.render_mine()
        self.render_reasons()
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.shown_at = time.perf_counter()

    def go(self, pos: int | None) -> None:
        self.pos = pos
        self.excluding = False
        self.render_current()

    def advance(self, skip: int = 0) -> None:
        """After a decision: the next record that still waits for me (wrapping), or stay.
        ``skip``: how many places the decided study moved back (to the end of my decisions,
        over records passed with ``j``): the search starts after its old place, as before."""
        if said := self.take_changes():
            self.say(f"{self.message} · {said}")
        self.apply_ranking()
        start = (self.pos or 0) + 1 + skip
        nxt = self.queue.next_for_me(start)
        if nxt is None:
            # nothing waits (read from the database): take the others' votes the queue left for
            # the idle look, so the header's 'remaining' says 0 as the message says all done
            self.take_changes(decisions=True)
            self.go(self.pos)
            self.say(self.said_done(f"{self.message} · all done at this stage"))
            return
        self.go(nxt)
        if shared := self.shared_note():
            self.say(f"{self.message} · {shared}")

    # deciding ----------------------------------------------------------------------------
    def commit(self, label: str, reason: str = "") -> None:
        shown, said = self.current, self.take_changes()
        # merged meanwhile: the vote goes to its study (refused if that no longer waits for me)
        study = None if shown is None else self.queue.study_of(shown)
        if study is None or (study == shown and shown != self.current):  # nothing, or it left
            self.say(
                f"not saved: record {shown} left this stage meanwhile · {said}" if shown else said
            )
            return
        with self.app.batch_update():
            self._commit(study, label, reason, said)

    def _commit(self, study: int, label: str, reason: str, said: str = "") -> None:
        was = self.pos
        try:
            d = self.queue.decide(study, label, reason)
        except DatabaseBusy:
            raise  # kept and tried again (WaitsForDatabase); nothing on screen changed
        except AlreadyDecided as exc:  # another reviewer took it meanwhile: it left my queue
            self.say(f"not saved: {exc.message}; moved on" + (f" · {said}" if said else ""))
            self.advance()
            return
        except UserError as exc:  # VotedMeanwhile too: my vote from another terminal, shown
            self.excluding = False
            self.render_reasons()
            self.render_mine()
            self.say(f"not saved: {error_words(exc)}")
            return
        self.last_committed = d.id
        # the queue puts a decided study last among my decisions: follow it there
        self.pos = self.queue.index.get(study, self.pos)
        skip = 0 if was is None or self.pos is None else was - self.pos
        self.post_message(Decided(study, label, reason, d.id))
        if self.ranking is not None:
            self.ranking.update()
        warned = self.not_retrieved_word(self.queue.project, study, reason)
        self.say(
            f"saved: {decision_words(self.rule, label, reason)} on record {study}{warned}"
            + (f" · {said}" if said else "")
        )
        self.advance(skip)

    def action_decide(self, label: str) -> None:
        self.excluding = False
        self.commit(label)

    def action_start_exclude(self) -> None:
        if self.current is None:
            return
        if not self.rule.exclusion_reasons:
            self.commit("exclude")
            return
        self.excluding = True
        self.render_reasons()
        self.say("exclude: which reason?")

    def action_note(self) -> None:
        study = self.current
        if study is None:
            return

        def done(text: str | None) -> None:
            if not text or not text.strip():
                self.say("no note added")
                return
            self.kept(lambda: save(text))

        def save(text: str) -> None:
            d = self.queue.note(study, text)
            self.last_committed = d.id
            self.render_mine()
            self.say(f"saved: note on record {study}")

        self.say("")  # the message line belongs to the record on screen, not an earlier one's
        self.app.push_screen(TextPrompt(f"Note on record {study}"), done)

    def action_undo(self) -> None:
        shown = self.current
        try:
            target = self.queue.undo()
        except DatabaseBusy:
            raise  # kept and tried again (WaitsForDatabase)
        except UserError as exc:  # a later stage has votes on the study: nothing undone
            self.say(f"not undone: {error_words(exc)}")
            return
        if target is None:
            self.say("nothing to undo")
            return
        self.last_committed = None
        study = self.queue.study_of(target.record_id)
        pos = self.queue.position_of(target.record_id)
        if self.ranking is not None and pos is None:
            self.ranking.studies_left()  # it left my queue: no later refresh sees it leave
        elif self.ranking is not None:
            self.ranking.update()
        left = "" if pos is not None else f" · record {study} no longer waits for you at this stage"
        if pos is None:  # it left my queue (decided by another reviewer meanwhile): stay
            pos = self.queue.index.get(shown) if shown is not None else None
            pos = self.queue.next_for_me(0) if pos is None else pos
        self.go(pos)
        self.post_message(Undone(study, target.label))
        self.say(f"undone: {target.label} on record {study}{left}")

    # moving ------------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.ordering:
            if step > 0:
                self.start_now()
            return
        was = self.pos
        said = self.take_changes() if step > 0 else ""
        if was is None or self.pos is None:  # nothing was on screen: the first new one is now
            self.say(said or self.nothing_left(NOTHING_HERE))  # else none came: it said nothing
            return
        if step > 0:
            self.apply_ranking()
        target = min(max(self.pos + step, 0), len(self.queue.studies) - 1)
        if target == self.pos:  # k on the first record, j on the last: say so (it said nothing)
            edge = "the first of your records" if step < 0 else "the last record of your queue"
            self.say(" · ".join(p for p in (said, f"this is {edge}") if p))
            return
        self.go(target)
        self.say_arrived(said)

    def action_next_open(self) -> None:
        if self.ordering:
            self.start_now()
            return
        said = self.take_changes()
        self.apply_ranking()
        nxt = self.queue.next_for_me((self.pos or 0) + 1)
        if nxt is None:
            self.say(said or self.said_done(none_left_words(self.pos)))
        else:
            self.go(nxt)
            # as j and k: the old message was about the record left behind
            self.say_arrived(said)

    def action_page(self, step: int) -> None:
        self.query_one(RecordView).page(step)

    # other -------------------------------------------------------------------------------
    def help_content(self) -> tuple[str, list[Action] | tuple[Action, ...]]:
        return f"Screening · {self.rule.name}", stage_actions(self.rule, self.exclude_key)
