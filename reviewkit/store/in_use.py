"""What the logs use of the protocol: exclusion reason codes per stage and confirmed labels per
scheme, counted, so that a protocol edited after screening began can be checked against them."""

from __future__ import annotations

from reviewkit.store.db import Store


def reasons_in_use(db: Store) -> dict[tuple[str, str], int]:
    """(stage, reason code) -> number of live decisions in the log that give it. An undone
    entry decides nothing (no report, count or agreement reads it), so a reason given once by
    mistake and undone may leave the protocol; ``decisions import`` accepts such an entry with
    its undo (:mod:`reviewkit.decision_exchange`). An undo entry is never undone itself."""
    rows = db.query(
        "SELECT stage, reason, COUNT(*) AS n FROM decisions WHERE reason != ''"
        " AND id NOT IN (SELECT undoes FROM decisions WHERE undoes IS NOT NULL)"
        " GROUP BY stage, reason"
    )
    return {(r["stage"], r["reason"]): r["n"] for r in rows}


def confirmed_labels_in_use(db: Store) -> dict[tuple[str, str], int]:
    """(scheme, label) -> number of records whose current confirmation by a person (their
    newest 'person' batch in that scheme) holds the label."""
    rows = db.query(
        "SELECT l.scheme, l.label, COUNT(DISTINCT l.record_id) AS n FROM labels l"
        " WHERE l.method = 'person' AND l.status = 'confirmed' AND l.created_at = ("
        "  SELECT MAX(created_at) FROM labels m WHERE m.record_id = l.record_id"
        "  AND m.scheme = l.scheme AND m.method = 'person')"
        " GROUP BY l.scheme, l.label"
    )
    return {(r["scheme"], r["label"]): r["n"] for r in rows}
