"""The notices about a record on the screening screen: 'Retracted (PMID 123 — Retraction of
Publication)' above its record number, so that a reviewer deciding on a retracted, corrected
or questioned report is told so beside it (:mod:`reviewkit.dedup.concerns`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

from reviewkit.dedup.concerns import (
    CONCERN,
    ERRATUM,
    PARTIAL_RETRACTION,
    RETRACTION,
    Concern,
    concerns_of,
)
from reviewkit.dedup.concerns_kept import keep_project_concerns_at, kept_project_concerns
from reviewkit.errors import UserError
from reviewkit.screening import ReviewerQueue
from reviewkit.tui.message_line import error_words

if TYPE_CHECKING:
    from reviewkit.tui.decision import DecisionScreen

# how each kind stands out (comments dim: most are letters)
STYLES = {
    RETRACTION: "bold red",
    PARTIAL_RETRACTION: "bold red",
    CONCERN: "bold red",
    ERRATUM: "bold yellow",
}


class NoticeLines:
    """The notices of a queue's studies: those kept for the project's records as they are
    (:func:`~reviewkit.dedup.concerns_kept.kept_project_concerns`, a few rows), else none until
    :meth:`find_unless_kept` has found and kept them in a thread: the first record is not
    held back the seconds that reading every title takes on a large project (a notice imported
    meanwhile shows on the next session)."""

    def __init__(self, queue: ReviewerQueue) -> None:
        self.queue = queue
        self.found: dict[int, list[Concern]] | None = kept_project_concerns(queue.db)

    def find_unless_kept(self, screen: DecisionScreen, redraw: Callable[[], object]) -> None:
        """Unless kept: find and keep the notices in a thread of ``screen``'s, on a connection
        of its own, then ``redraw`` the record shown; if that fails, say so on the screen's
        message line (the worker's error is not raised: the screening goes on, and a session
        shown no notices is told it was not shown them, not left to read none as none)."""
        if self.found is not None:
            return
        path = self.queue.db.path

        def found(concerns: dict[int, list[Concern]]) -> None:
            self.found = concerns
            redraw()

        def failed(exc: Exception) -> None:
            why = error_words(exc) if isinstance(exc, UserError) else str(exc) or type(exc).__name__
            screen.say(
                f"retractions, errata and comments not shown: {why} (looked for again next session)"
            )

        def work() -> None:
            try:
                concerns = keep_project_concerns_at(path)
            except Exception as exc:  # any failure: said on the screen, not swallowed
                screen.app.call_from_thread(failed, exc)
                return
            screen.app.call_from_thread(found, concerns)

        screen.run_worker(work, thread=True, exit_on_error=False)

    def lines(self, study: int) -> list[Text]:
        """One line per notice about any record of the study's cluster, the serious first;
        none while they are being found."""
        return [
            Text(c.line(), style=STYLES.get(c.kind, "dim"))
            for c in concerns_of(self.found or {}, self.queue.members[study])
        ]
