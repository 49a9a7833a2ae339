"""What the logs use of the protocol: exclusion reason codes per stage and confirmed labels per
scheme, counted, so that a protocol edited after screening began can be checked against them."""

from __future__ import annotations

from reviewkit.store.db import Store
from reviewkit.store.duplicates import person_of


def reasons_in_use(db: Store) -> dict[tuple[str, str], int]:
    """(stage, reason code) -> number of live decisions in the log that give it. An undone
    entry decides nothing (no report, count or agreement reads it), so a reason given once by
    mistake and undone may leave the protocol; ``decisions import`` accepts such an entry with
    its undo (:mod:`reviewkit.decisions.exchange`). An undo entry is never undone itself."""
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


# A live entry: not an undo, and not undone by one (what the derived states, reports and
# PRISMA counts read); notes are left out, they decide nothing.
_LIVE_DECISION = (
    "label NOT IN ('undo', 'note')"
    " AND id NOT IN (SELECT undoes FROM decisions WHERE undoes IS NOT NULL)"
)


def decisions_per_stage(db: Store) -> dict[str, tuple[int, int]]:
    """stage -> (live votes and final decisions at it, how many people gave them)."""
    rows = db.query(
        "SELECT stage, COUNT(*) AS n, COUNT(DISTINCT reviewer) AS people FROM decisions"
        f" WHERE {_LIVE_DECISION} GROUP BY stage"
    )
    return {r["stage"]: (r["n"], r["people"]) for r in rows}


def votes_per_reviewer(db: Store) -> dict[str, dict[str, int]]:
    """reviewer -> {stage: live votes (include, exclude, uncertain)}: final decisions are a
    resolver's, who need not be a reviewer."""
    rows = db.query(
        "SELECT reviewer, stage, COUNT(*) AS n FROM decisions"
        f" WHERE {_LIVE_DECISION} AND label IN ('include', 'exclude', 'uncertain')"
        " GROUP BY reviewer, stage ORDER BY reviewer, stage"
    )
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        out.setdefault(r["reviewer"], {})[r["stage"]] = r["n"]
    return out


def confirmed_schemes_in_use(db: Store) -> dict[str, int]:
    """scheme -> number of records whose current confirmation by a person holds any label
    (the scheme's 'none of these' answer too)."""
    counts: dict[str, int] = {}
    for (scheme, _label), n in confirmed_labels_in_use(db).items():
        counts[scheme] = counts.get(scheme, 0) + n
    return counts


def typed_fields_in_use(db: Store) -> dict[str, int]:
    """extraction field -> number of records whose newest value was typed by a person (on the
    screen, by 'extract set' or from an edited CSV), not blank. Prefilled values are left out:
    the prefill makes them again."""
    rows = db.query(
        "SELECT e.field, COUNT(DISTINCT e.record_id) AS n FROM extraction e"
        " WHERE e.method != 'prefill' AND TRIM(e.value) != '' AND e.id = ("
        "  SELECT MAX(id) FROM extraction m WHERE m.record_id = e.record_id"
        "  AND m.field = e.field AND m.method != 'prefill')"
        " GROUP BY e.field"
    )
    return {r["field"]: r["n"] for r in rows}


def names_in_logs(db: Store) -> set[str]:
    """Every person's name the logs record: reviewers and resolvers of decisions, who
    confirmed labels, typed extraction values, settled duplicates and said whether two
    reports are one study (made_by ``person:NAME``, read by the links' one parsing)."""
    rows = db.query(
        "SELECT reviewer AS name FROM decisions"
        " UNION SELECT reviewer FROM labels WHERE method = 'person' AND reviewer != ''"
        " UNION SELECT reviewer FROM extraction WHERE method != 'prefill' AND reviewer != ''"
    )
    links = db.query(  # only people's links: a project's rule links run to thousands
        "SELECT made_by FROM duplicate_links WHERE made_by LIKE 'person:%'"
        " UNION SELECT made_by FROM study_links WHERE made_by LIKE 'person:%'"
    )
    people = {person_of(r["made_by"]) for r in links} - {""}
    return {r["name"] for r in rows} | people
