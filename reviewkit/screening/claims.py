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

from datetime import UTC, datetime, timedelta

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
