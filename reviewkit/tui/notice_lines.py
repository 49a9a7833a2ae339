"""The notices about a record on the screening screen: 'Retracted (PMID 123 — Retraction of
Publication)' above its record number, so that a reviewer deciding on a retracted, corrected
or questioned report is told so beside it (:mod:`reviewkit.dedup.concerns`)."""

from __future__ import annotations

from rich.text import Text

from reviewkit.dedup.concerns import (
    CONCERN,
    ERRATUM,
    PARTIAL_RETRACTION,
    RETRACTION,
    Concern,
    concerns_of,
    project_concerns,
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
    """The notices of a queue's studies, read over the project when first asked (once a
    session: a notice imported meanwhile shows on the next session)."""

    def __init__(self, queue: ReviewerQueue) -> None:
        self.queue = queue
        self._found: dict[int, list[Concern]] | None = None

    def lines(self, study: int) -> list[Text]:
        """One line per notice about any record of the study's cluster, the serious first."""
        if self._found is None:
            self._found = project_concerns(self.queue.db)
        return [
            Text(c.line(), style=STYLES.get(c.kind, "dim"))
            for c in concerns_of(self._found, self.queue.members[study])
        ]
