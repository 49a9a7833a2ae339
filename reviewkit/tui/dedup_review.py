"""``reviewkit dedup review``: two possibly duplicate records side by side, differences marked.

Each verdict key commits a link at once (``judge_pair``) before the next pair shows; undo
appends the previous verdict back (``take_back``). A merge or an undo that changes screening
shows the change on the message line and is made on a second press (as ``dedup merge`` and
``dedup undo`` ask first). The screen keeps the clusters and brings
them up to date from the links written since (its own and another reviewer's,
``clusters_now``), so a key does not rebuild the clusters of the whole project; a pair another
reviewer settled since it was shown is not settled again (``SettledMeanwhile``: the screen
says who settled it and moves on). Keys come from :data:`ACTIONS`.
While another process writes to the database, a verdict or undo and the keys after it are kept
and run, in order, as soon as it is free (:class:`~reviewkit.tui.widgets.WaitsForDatabase`), as
in screening.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import VerticalScroll
from textual.widgets import Static

from reviewkit.dedup.effects import merge_effect, undo_effect
from reviewkit.dedup.engine import QueuePair, pair_records, questions, review_queue
from reviewkit.dedup.follow_ups import FOLLOWS
from reviewkit.dedup.live_clusters import Clusters, clusters_now
from reviewkit.dedup.review import judge_pair
from reviewkit.dedup.review_counts import decided_pairs
from reviewkit.dedup.undo import take_back
from reviewkit.dedup.verdict_refusals import SettledMeanwhile
from reviewkit.errors import DatabaseBusy, UserError, command_line
from reviewkit.project import Project
from reviewkit.protocol.people import typed_name
from reviewkit.tui.actions import Action, bindings, page_actions, screen_key
from reviewkit.tui.app import ReviewkitScreen, stopped_line
from reviewkit.tui.dedup_pair import pair_table, rule_titles
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.tui.message_line import MessageLine, error_words
from reviewkit.tui.messages import PairJudged
from reviewkit.tui.status_line import STATUS_CSS, StatusLine
from reviewkit.tui.widgets import (
    WaitsForDatabase,
    footer_order,
    keeps_keys,
    more_to_page,
    scroll_page,
)
from reviewkit.wording import listed, quantity

ACTIONS: tuple[Action, ...] = (
    Action("dedup.same", "s", "decide('duplicate')", "Same record", group="Decide"),
    Action("dedup.different", "d", "decide('not_duplicate')", "Different", group="Decide"),
    # one set of keys on every screen: j goes on (Next there, Skip here: the pair is left
    # unjudged), k goes back (Prev there; here to the pair skipped last, for a judged pair has
    # left the queue and comes back with undo: k did nothing and said nothing), Space and
    # PgDn page down
    Action("dedup.skip", "j", "skip", "Skip", group="Decide"),
    Action("dedup.undo", "z", "undo", "Undo", group="Decide"),
    Action(
        "dedup.previous", "k", "back", "Back to the pair skipped last", show=False, group="Move"
    ),
    # at 80x24 the pair's lower rows (PMID, source, file, abstract) are below the pane's edge:
    # the footer names paging down
    *page_actions("dedup", "pair", footer="More"),
    Action("dedup.help", "question_mark", "help", "Help", group="Other"),
    Action("dedup.quit", "q", "quit", "Quit", group="Other"),
)
SKIPPED_AGAIN = "See skipped"  # j's footer word while only skipped pairs are left
PLACE = "dedup review"  # where the status line and the quit line say the person is


@keeps_keys
class DedupReviewScreen(WaitsForDatabase, ReviewkitScreen):
    """The pair, its score and rule, a status line; verdict keys commit at once (kept and
    run in order while another process holds the database's write lock)."""

    DEFAULT_CSS = (
        STATUS_CSS
        + """
    #pair {
        height: 1fr; border: round $primary; padding: 0 1;
        border-title-align: left; border-subtitle-align: right;
    }
    #message { padding: 0 1; color: $warning; }
    """
    )
    # PgDn after ? and q, as the other screens' moves: at 60 columns (compact) 'q Quit' was cut
    BINDINGS = bindings(footer_order(ACTIONS))
    TITLE = "reviewkit dedup review"
    ACTIONS_ID = "dedup"
    # with no pair left: how often the screen looks for pairs queued since (a dedup run after
    # an import, another reviewer's undo), as the screening screen looks for records; the look
    # is one lookup of the newest link while none was written (clusters_now)
    LOOK_S = 3.0

    @property
    def without_terminal(self) -> str:
        """How to decide the pairs without a terminal (options of the command typed)."""
        return "or decide the pairs in a spreadsheet: --csv FILE, then --read-csv FILE"

    def __init__(self, project: Project, reviewer: str) -> None:
        super().__init__()
        self.project = project  # every action is a stage function called on it
        self.reviewer = reviewer
        self.confirming: tuple[int, int] | None = None
        # what z showed the undo changes in screening (a second z undoes only that change)
        self.confirming_undo: tuple[str, ...] | None = None
        self.skipped: set[tuple[int, int]] = set()
        self.skip_order: list[tuple[int, int]] = []  # the skips in order, for k (back)
        self.more_below = False  # rows of the pair below the pane's edge, as the footer shows
        # pairs a person decided, every session's and everyone's, as the conflicts screen's
        # "resolved" counts every final decision (dedup.review_counts)
        self.decided = 0
        self.pair: QueuePair | None = None
        self.pairs: list[QueuePair] = []  # the open pairs when the current one was shown
        self.queue: list[QueuePair] = []  # and their questions, one pair each (shown, counted)
        self.queue_size = 0
        self.clusters: Clusters | None = None  # kept up to date by clusters_now
        self.told: set[int] = set()  # links an undo named as settled by another since

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        # one table: the two records' fields row by row; not focused, so that PgDn / PgUp are
        # the screen's keys, named in the footer and the help (and remappable)
        with VerticalScroll(id="pair", can_focus=False):
            yield Static(id="records")
        yield MessageLine(id="message")  # grows for a long message
        yield KeysFreeingFooter()

    def on_mount(self) -> None:
        self.wait_briefly(self.project.db.set_busy_timeout)
        # "PgDn More" while rows of the pair are below the pane's edge, as the help's footer
        # (at 200x50 the pair fits and the footer offered a key that did nothing)
        pane = self.query_one("#pair", VerticalScroll)
        self.watch(pane, "scroll_y", lambda _: self.follow_more(), init=False)
        # and when the pair's rows are laid out: a pair shown after none (z on an empty queue,
        # pairs queued meanwhile) was measured before, and "More" was left out
        self.watch(pane, "virtual_size", lambda _: self.follow_more(), init=False)
        self.show_next()
        self.set_interval(self.LOOK_S, self.look_for_pairs)

    def on_resize(self) -> None:
        self.call_after_refresh(self.follow_more)

    def look_for_pairs(self) -> None:
        """The timer's look (:attr:`LOOK_S`) while the queue read empty: pairs queued since
        show without a key (the footer kept z, ? and q, and no key read the queue again)."""
        if self.queue or self.waiting or self.app.screen is not self:
            return
        try:
            clusters = clusters_now(self.project.db, self.clusters)
            if clusters is self.clusters:
                return  # no link written since
            self.show_next(clusters=clusters)
        except DatabaseBusy:
            # a read refused while another process holds the file: show_next takes nothing
            # until all is read, so the next look reads the change again (as the screening
            # and conflicts screens' looks do); raised out of the timer, it ended the screen
            return
        if self.pair is not None:
            came = quantity(len(self.queue), "pair")
            self.say(f"{came} to review came since (a dedup run, or an undo)")

    def follow_more(self) -> None:
        """The footer again when "More" comes or goes, not on every change of the pane (a
        footer redrawn that often doubled the CPU of a key)."""
        more = self.pair is not None and more_to_page(self.query_one("#pair", VerticalScroll), 1)
        if more != self.more_below:
            self.more_below = more
            self.refresh_bindings()

    def show_next(
        self,
        prefer: tuple[int, int] | None = None,
        clusters: Clusters | None = None,
        reread: bool = True,
    ) -> None:
        """Show ``prefer`` if it is still queued, else the first queued pair not skipped.

        The queue is read again (with ``clusters`` when a verdict or an undo handed them back)
        unless ``reread`` is false: a skip writes nothing, so the queue it moves along is the same.
        """
        if reread:  # every read before any is taken: a busy one leaves the screen as it was
            clusters = clusters_now(self.project.db, clusters or self.clusters)
            pairs = review_queue(self.project.db, clusters.map)
            decided = decided_pairs(self.project.db)
            self.clusters, self.pairs, self.decided = clusters, pairs, decided
            self.queue = questions(self.pairs)  # one pair per question is shown and counted
        queue = self.queue
        self.queue_size = len(queue)
        open_pairs = [p for p in queue if (p.a, p.b) not in self.skipped]
        # an undone verdict's own pair, though another pair of its question is the strongest
        chosen = next((p for p in self.pairs if (p.a, p.b) == prefer), None) if prefer else None
        before, self.pair = self.pair, chosen or (open_pairs[0] if open_pairs else None)
        if (before is None) != (self.pair is None) or not open_pairs:
            self.refresh_bindings()  # the footer follows: none judges when no pair shows
        # "More" once the pair is laid out (the pane's size mid-update would flip it twice)
        self.call_after_refresh(self.follow_more)
        if (
            self.pair is None
            or before is None
            or (before.a, before.b) != (self.pair.a, self.pair.b)
        ):
            # another pair opens at its top (ids and titles), not where PgDn left the last one
            self.query_one("#pair", VerticalScroll).scroll_home(animate=False)
        shown = self.query_one("#records", Static)
        if self.pair is None:
            pane = self.query_one("#pair")
            pane.border_title = pane.border_subtitle = ""
            # with none left, where work waits next, as screen and conflicts say (work_left)
            steps = self.where_next() if not queue else ""
            # the skip key brings the skipped pairs round again (it said "quit and come back
            # to them", and every key of the footer did nothing meanwhile)
            skip = screen_key(self.app, "dedup.skip")
            shown.update(
                Text(
                    f"No pairs left to review{steps and f'. Next: {steps}'}."
                    if not queue
                    else f"Only skipped pairs are left ({len(queue)}):"
                    f" press {skip} to see them again.",
                    style="bold",
                )
            )
            self.query_one("#status", StatusLine).show(
                f"{len(queue)} in queue",
                f"{self.decided} decided",
                PLACE,
                self.reviewer,
            )
            return
        recs = pair_records(self.project.db, self.pair.a, self.pair.b)
        a, b = recs[self.pair.a], recs[self.pair.b]
        shown.update(pair_table(a, b, self.pair.a, self.pair.b))
        # the rule on the pane's borders, in words: in the status line its name was cut at 80
        # columns ("rule meeting_abstract_and_ar…") and said little to a person anyway
        pane = self.query_one("#pair")
        pane.border_title, pane.border_subtitle = rule_titles(self.pair.rule, self.pair.guard)
        score = f"{self.pair.score:.2f}" if self.pair.score is not None else "—"
        # the pairs left first: they must stay in view at 80 columns
        self.query_one("#status", StatusLine).show(
            f"{len(queue)} in queue",
            f"{self.decided} decided",
            f"pair {self.pair.a}–{self.pair.b}",
            f"score {score}",
            PLACE,
            self.reviewer,
        )

    def say(self, message: str) -> None:
        self.query_one("#message", Static).update(message)

    def where_next(self) -> str:
        """Where work waits once no pair is left (:func:`reviewkit.status.where_next`)."""
        from reviewkit import status  # the whole project's reader: not loaded with the screen

        return status.where_next(self.project, self.reviewer, PLACE)

    def quit_line(self) -> str:
        """Where the person stopped, for the terminal after the screen closes (it leaves
        nothing there, as ``screen`` says): 'lead at dedup review: 1 pair decided, 0 in queue;
        every verdict is saved' (the project's pairs decided and questions open, as the status
        line counts them when the screen last read the queue), then what comes next: quit
        partway, the pairs left and the command that goes on with them, with their name ('; next:
        dedup review: 3 pairs left (reviewkit dedup review --reviewer ann)'; the line had no
        'next' at all), with none open where work waits ('; next: title-abstract: …',
        :func:`then_line`)."""
        from reviewkit import status  # the whole project's reader: not loaded with the screen

        left = f"{self.queue_size} in queue" + (
            f" ({len(self.skipped)} skipped)" if self.skipped else ""
        )
        # their name: the command's default is the login, under which the copied line would
        # record verdicts (or be refused as a name the protocol does not list)
        mine = command_line(f"dedup review --reviewer {typed_name(self.reviewer)}")
        go_on = f"{quantity(self.queue_size, 'pair')} left ({mine})"
        return stopped_line(
            self.reviewer,
            PLACE,
            f"{quantity(self.decided, 'pair')} decided, {left}",
            "every verdict is saved",
            f"; next: {PLACE}: {go_on}"
            if self.queue_size
            else status.then_line(self.project, self.reviewer, PLACE),
            kept=self.waiting,
        )

    def action_decide(self, verdict: str) -> None:
        self.confirming_undo = None  # an undo's confirmation is for the press right after it
        if self.pair is None:
            self.say("nothing to decide")
            return
        pair = (self.pair.a, self.pair.b)
        if verdict == "duplicate" and self.confirming != pair:
            effect = merge_effect(self.project, *pair)
            if effect:  # screened already: show the change, merge on a second press
                self.confirming = pair
                self.say(
                    "merging changes screening: "
                    + "; ".join(effect.lines(self.reviewer))
                    # the key in force, as the other screens' words name theirs (screen_key)
                    + f" — press {screen_key(self.app, 'dedup.same')} again to merge"
                )
                return
        try:
            judged = judge_pair(
                self.project.db, *pair, verdict, self.reviewer, self.clusters, shown=self.pair
            )
        except DatabaseBusy:
            # kept and tried again (WaitsForDatabase); nothing here changed, so a kept second
            # press of a merge that changes screening still finds its confirmation
            raise
        except SettledMeanwhile as exc:  # another reviewer was first: say so, move on
            self.confirming = None
            self.show_next()
            self.say(f"not saved: {error_words(exc)}")
            return
        except UserError as exc:  # a merge a person's 'different' forbids: say why, stay here
            self.confirming = None
            self.say(f"refused: {error_words(exc)}")
            return
        self.confirming = None
        self.post_message(PairJudged(self.pair.a, self.pair.b, verdict))
        word = "same record" if verdict == "duplicate" else "different records"
        decided, size = self.pair, self.queue_size
        self.show_next(clusters=judged.clusters)
        # a merge joins a third cluster's two questions (with each of the two clusters) into
        # one: say how many left the queue with this one
        more = size - 1 - self.queue_size
        also = f"; {quantity(more, 'more pair')} settled with it" if more > 0 else ""
        self.say(f"{decided.a}–{decided.b}: {word} (saved{also})")

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer's keys; with only skipped pairs left (none shown), j named for what it
        does then: the footer said 'j Skip' with no pair to skip, under the pane's 'press j
        to see them again'."""
        active = super().active_bindings
        if self.pair is not None or not self.queue:
            return active
        for key, b in active.items():
            if b.binding.action == "skip":  # a keymap may have moved it off j
                active[key] = b._replace(binding=replace(b.binding, description=SKIPPED_AGAIN))
        return active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # with no pair shown the keys that judge or page one are off, greyed in the footer,
        # and say why when pressed (why_off); j too once no skipped pair waits to come round
        # again (z, ? and q always work). Hidden (False) they had needed a key handler of
        # their own to say anything
        if self.pair is None:
            off = action in ("decide", "page") or (action == "skip" and not self.queue)
            return None if off else True
        if action == "page":  # "PgDn More" while rows are below the pane's edge
            return more_to_page(self.query_one("#pair", VerticalScroll), int(str(parameters[0])))
        return True

    def action_page(self, step: int) -> None:
        scroll_page(self.query_one("#pair", VerticalScroll), step)

    def why_off(self, action: str) -> str:
        """Why a key that needs a pair does nothing (the shared ``on_key`` says it after the
        key's words): none is shown, and how to go on."""
        if self.pair is not None:
            return ""  # no key is off while a pair shows
        if self.queue:  # only skipped pairs are left
            skip = screen_key(self.app, "dedup.skip")
            return f"no pair shown; press {skip} to see the skipped pairs again"
        if not self.decided:  # no verdict in the project (dedup linked every pair): z has
            return "no pair left to review"  # nothing to undo, and would say so
        undo = screen_key(self.app, "dedup.undo")
        return f"no pair left to review; {undo} undoes your last verdict"

    def action_back(self) -> None:
        """Back to the pair skipped last that is still open (k); a judged pair has left the
        queue (undo brings it back), so with none skipped it says so."""
        self.confirming = None
        self.confirming_undo = None
        open_pairs = {(p.a, p.b) for p in self.queue}
        # a skip k went back over, or undo took back, is no skip any more; a skipped pair
        # settled by another reviewer since stays in line: their undo may open it again
        self.skip_order = [p for p in self.skip_order if p in self.skipped]
        pair = next((p for p in reversed(self.skip_order) if p in open_pairs), None)
        if pair is not None:
            self.skip_order.remove(pair)
            self.skipped.discard(pair)
            self.show_next(prefer=pair, reread=False)
            self.say(f"back to {pair[0]}–{pair[1]} (skipped)")
            return
        back, undo = screen_key(self.app, "dedup.previous"), screen_key(self.app, "dedup.undo")
        self.say(
            f"no pair to go back to: {back} returns to a pair you skipped;"
            f" {undo} undoes your last verdict"
        )

    def action_skip(self) -> None:
        if self.pair is None:
            if self.queue:  # only skipped pairs are left: round again, from the first
                self.skipped.clear()
                self.skip_order.clear()
                # read again: a colleague may have settled them while they waited (the queue
                # as last read offered a pair nobody needs to judge)
                self.show_next()
                if self.pair is not None:
                    self.say(f"the skipped pairs again: {quantity(len(self.queue), 'pair')}")
            return
        self.confirming = None  # a merge's confirmation is for the press right after it
        self.confirming_undo = None
        self.skipped.add((self.pair.a, self.pair.b))
        self.skip_order.append((self.pair.a, self.pair.b))
        self.say(f"skipped {self.pair.a}–{self.pair.b}")
        self.show_next(reread=False)  # nothing was written: the queue is as it was

    def action_undo(self) -> None:
        self.confirming = None
        # as 'dedup undo' does: an undo that changes screening (undoing a merge splits a
        # screened study; undoing a split or a 'different' joins two) shows the change first
        # and waits for a second press; one that changes nothing undoes at once. Looked at on
        # the second press too: my other process (dedup merge, split) may have acted since
        effect = undo_effect(self.project, self.reviewer)
        if effect and tuple(effect.lines(self.reviewer)) != self.confirming_undo:
            self.confirming_undo = tuple(effect.lines(self.reviewer))
            self.say(
                "undoing your last action changes screening: "
                + "; ".join(self.confirming_undo)
                + f" — press {screen_key(self.app, 'dedup.undo')} again to undo"
            )
            return
        # busy: raised before this line, kept and run again, the confirmation still stands
        undone = take_back(self.project.db, self.reviewer, self.clusters)
        self.confirming_undo = None
        # a pair settled by another since is named once, not again on every later z
        fresh = [lk for lk in undone.kept if lk.id not in self.told]
        self.told.update(lk.id for lk in fresh)
        if not (undone.links or fresh):
            self.say("nothing to undo")
            return
        kept = ", ".join(f"{lk.record_a}–{lk.record_b}" for lk in fresh)
        if not undone.links:  # all of it settled again by others: theirs stands
            self.say(f"nothing undone: {kept} settled by another reviewer since (theirs stands)")
            return
        # the person's own verdicts (one, or a read sheet's), not the pairs that followed
        verdicts = [lk for lk in undone.links if not lk.reason.startswith(FOLLOWS)]
        pairs = [(lk.record_a, lk.record_b) for lk in verdicts or undone.links[:1]]
        self.skipped.difference_update(pairs)
        self.show_next(prefer=pairs[0], clusters=undone.clusters)
        also = f"; {kept} left as another reviewer settled it since" if kept else ""
        if len(pairs) == 1:
            self.say(f"undone: {pairs[0][0]}–{pairs[0][1]} is back in the queue{also}")
            return
        named = listed(f"{a}–{b}" for a, b in pairs)
        self.say(f"undone together (one sheet): {len(pairs)} verdicts, {named}{also}")

    def help_content(self) -> tuple[str, list[Action] | tuple[Action, ...]]:
        return "Dedup review", ACTIONS
