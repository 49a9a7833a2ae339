"""Short claims on the record a screen shows, in a stage with one reviewer per record.

Two reviewers screening such a stage at once follow the same order (the protocol's, then each
their own model's, which start alike), so without a claim they open the same record and the
slower one loses it when the faster votes. A screen therefore holds a claim on the record it
shows while that record waits for this reviewer's vote; the other reviewers' queues go past
claimed records. A claim is a convenience, not a lock:

* it never blocks a vote: the record is decided by whoever votes first, as before, and when
  the only records left are claimed by others they are shown anyway;
* it lasts :data:`CLAIM_TTL_S` after it was taken or last renewed (an open screen renews it
  every :data:`RENEW_S`), so a killed session's claim frees its record within minutes;
* in a stage with two independent reviewers per record nothing is claimed: every record waits
  for both, and a claim there would tell one reviewer what the other is reading (blinding).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from reviewkit.errors import UserError
from reviewkit.store import claims as claim_rows

if TYPE_CHECKING:
    from reviewkit.protocol import Stage
    from reviewkit.store import Store

# A record takes seconds to a couple of minutes to read; a claim older than this is a screen
# that stopped renewing (killed, or the machine asleep), and its record is free again.
CLAIM_TTL_S = 300.0
# An open screen renews its claim this often: well inside the TTL (five chances before it
# lapses), and one small write a minute costs nothing next to a vote's.
RENEW_S = 60.0


def fresh_after(now: datetime | None = None) -> str:
    """The store's time stamp before which a claim has lapsed (claims made after it hold)."""
    moment = (now or datetime.now(UTC)) - timedelta(seconds=CLAIM_TTL_S)
    return moment.isoformat(timespec="microseconds")


class HoldsClaims:
    """The claims of one reviewer's queue at one stage (a base of
    :class:`reviewkit.screening.ReviewerQueue`, which supplies the attributes below)."""

    db: Store
    stage: str
    reviewer: str
    rule: Stage
    votes: dict
    held: int | None = None  # the study this queue's screen holds a claim on
    _held_at = 0.0  # monotonic() when that claim was taken or last renewed

    if TYPE_CHECKING:  # the queue's: a record's study

        def study_of(self, record_id: int) -> int: ...

    @property
    def shares_records(self) -> bool:
        """Does a study here wait for whichever reviewer comes first (one reviewer per
        record)? Only then are records claimed: with two per record each waits for both."""
        return self.rule.reviewers_per_record == 1

    def held_by_others(self) -> set[int]:
        """The studies of mine another reviewer's open screen holds now (fresh from the
        database; always empty where records are not shared)."""
        if not self.shares_records:
            return set()
        held = claim_rows.held_by_others(
            self.db, self.stage, self.reviewer, fresh_after=fresh_after()
        )
        return {self.study_of(r) for r in held}

    def hold(self, study: int | None) -> bool:
        """Claim ``study`` for this reviewer's screen (their earlier claim here lapses), or
        drop the claim when the study no longer waits for my vote (None, or decided by me).
        False when another reviewer's screen holds it: nothing changed then. A claim is an
        aid only: a busy or read-only database leaves it as it was and returns True."""
        if not self.shares_records:
            return True
        if study is None or study in self.votes:
            self.let_go()
            return True
        if study == self.held:
            return True
        try:
            taken = claim_rows.take(
                self.db, self.stage, self.reviewer, study, fresh_after=fresh_after()
            )
        except UserError:
            return True
        if taken:
            self.held, self._held_at = study, time.monotonic()
        return taken

    def keep_holding(self) -> None:
        """Renew the claim on the study shown when :data:`~reviewkit.screening.claims.RENEW_S`
        has passed since it was taken or last renewed (an open screen calls this often)."""
        if self.held is None or time.monotonic() - self._held_at < RENEW_S:
            return
        try:
            claim_rows.renew(self.db, self.stage, self.reviewer, self.held)
        except UserError:
            return  # tried again at the next call
        self._held_at = time.monotonic()

    def let_go(self) -> None:
        """Drop this reviewer's claim at this stage (on leaving the screen)."""
        if self.held is None:
            return
        try:
            claim_rows.release(self.db, self.stage, self.reviewer)
        except UserError:
            return  # it lapses by itself
        self.held = None
