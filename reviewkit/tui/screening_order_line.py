"""The screening screen's order line (``#rank``, under the status line): where the queue's
order comes from and the includes left, polled from the ranker twice a second; a failed
ranker's error in the error's colour on one row, each new error said once on the message
line; with nothing left for me here, that the queue is done and where work waits (the done
line: :meth:`reviewkit.tui.screening_live.KeepsUp.done_line`). And the one place a newer order
is taken in (:meth:`OrderLine.apply_ranking`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widgets import Static

from reviewkit.ranking.queue import ORDER_ROWS
from reviewkit.tui.screening_live import DONE_ROWS

if TYPE_CHECKING:
    from textual.geometry import Size

    from reviewkit.ranking.queue import QueueRanker, RankStatus
    from reviewkit.screening import ReviewerQueue

ORDER_LINE_CSS = f"""
#rank {{ height: auto; max-height: {ORDER_ROWS}; padding: 0 1; color: $text-muted; }}
#rank.done {{ max-height: {DONE_ROWS}; }}  /* 'Queue done · next: …' with its commands */
#rank.failed {{ max-height: 1; color: $error; }}  /* one row, cut: the message says it */
"""


class OrderLine:
    """Mixin of :class:`reviewkit.tui.screening.ScreeningScreen`: the order line."""

    queue: ReviewerQueue
    ranking: QueueRanker | None
    pos: int | None
    shown: set[int]  # studies shown this session: a new order never moves them
    ordering: bool  # no record yet: the ranker's first order is on its way
    size: Size  # the screen's (a Textual Screen's)
    say: Callable[[str], None]
    done_line: Callable[[], str]
    query_one: Callable[..., Any]

    RANK_POLL_S = 0.5
    rank_text = ""  # the order line shown
    _failure_said = ""  # the ranker's error said last, its numbers masked: each new one once

    def render_rank(self) -> None:
        """The order line: where the queue order comes from and the includes left (polled);
        with nothing left for me here, that the queue is done and where work waits."""
        q = self.queue
        done = bool(q.studies) and not q.remaining and not self.ordering  # reopened or just done
        failed = False  # the ranker's failure: one row in the error's colour
        if done:
            text = self.done_line()  # not an order of nothing (it read 'being worked out…')
        elif self.ranking:
            # packed into rows at its ' · ' when it does not fit (inside the padding; one line
            # before the screen is laid out: the poll reads it again)
            width = self.size.width - 2 if self.size.width else None
            status = self.ranking.status()
            text = status.describe(width=width)
            failed = status.source == "failed"
            self._say_failure(status if failed else None)
        else:
            text = "Order: seeded random (ranking off)"
        # 'Queue done · next: …' after a failure had kept its one row (its commands cut)
        self.query_one("#rank").set_class(done, "done").set_class(failed, "failed")
        if text != self.rank_text:
            self.rank_text = text
            # a layout: the line takes a second row when it needs one (a three-digit
            # estimate at 80 columns; 'Queue done · next: …' up to five), and back to one
            self.query_one("#rank", Static).update(text)

    def _say_failure(self, status: RankStatus | None) -> None:
        """A failed ranker's error, said once as an error (the order line, in the error's
        colour, keeps one row of it) with the order the queue keeps and until when
        (:meth:`RankStatus.failure_message`); None: the ranker works. Each new error is said
        (a later fit's, the ranking process's end), and one again after the ranker recovered
        ("" while it works): a second failure had gone unsaid. Errors
        told apart by their words, not their numbers: a model library's error often carries
        the data's shape or counts ('inconsistent numbers of samples: [12, 13]'), which grow
        with each vote, and one failure would have been said again at every vote."""
        kind = re.sub(r"\d+", "#", status.error if status else "")
        if kind == self._failure_said:
            return
        self._failure_said = kind
        if status is not None:
            self.say(status.failure_message())

    def apply_ranking(self) -> None:
        """Before moving on: take a newer order for the undecided records after this one."""
        if self.ranking is not None:
            self.ranking.apply(self.pos, self.shown)
