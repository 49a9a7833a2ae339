"""The notices about a record on the screening screen: 'Retracted (PMID 123 — Retraction of
Publication)' above its record number, so that a reviewer deciding on a retracted, corrected
or questioned report is told so beside it (:mod:`reviewkit.dedup.concerns`)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.screen import Screen

from reviewkit.dedup.concerns import (
    CONCERN,
    ERRATUM,
    PARTIAL_RETRACTION,
    RETRACTION,
    Concern,
    concerns_of,
    keep_project_concerns_at,
    kept_project_concerns,
)
from reviewkit.screening import ReviewerQueue

# how each kind stands out (comments dim: most are letters)
STYLES = {
    RETRACTION: "bold red",
    PARTIAL_RETRACTION: "bold red",
    CONCERN: "bold red",
    ERRATUM: "bold yellow",
}


class NoticeLines:
    """The notices of a queue's studies: those kept for the project's records as they are
    (:func:`~reviewkit.dedup.concerns.kept_project_concerns`, a few rows), else none until
    :meth:`find_unless_kept` has found and kept them in a thread: the first record is not
    held back the seconds that reading every title takes on a large project (a notice imported
    meanwhile shows on the next session)."""

    def __init__(self, queue: ReviewerQueue) -> None:
        self.queue = queue
        self.found: dict[int, list[Concern]] | None = kept_project_concerns(queue.db)

    def find_unless_kept(self, screen: Screen, redraw: Callable[[], object]) -> None:
        """Unless kept: find and keep the notices in a thread of ``screen``'s, on a connection
        of its own, then ``redraw`` the record shown."""
        if self.found is not None:
            return
        path = self.queue.db.path

        def found(concerns: dict[int, list[Concern]]) -> None:
            self.found = concerns
            redraw()

        def work() -> None:
            screen.app.call_from_thread(found, keep_project_concerns_at(path))

        screen.run_worker(work, thread=True, exit_on_error=False)

    def lines(self, study: int) -> list[Text]:
        """One line per notice about any record of the study's cluster, the serious first;
        none while they are being found."""
        return [
            Text(c.line(), style=STYLES.get(c.kind, "dim"))
            for c in concerns_of(self.found or {}, self.queue.members[study])
        ]
