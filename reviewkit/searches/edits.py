"""What a librarian edited in a stored search between two of its runs, in words.

A rerun compared with the run before reads as what PubMed added and removed since; when the
protocol's search was edited between the two runs, new and gone are (also) the edit's. Saying
only "the query was edited" misled a team that had widened the date limits a year later and
left the query as it was: PRISMA-S (items 8 and 9) reports the search strategy and its limits
apart, so we name which of the two changed, and each limit's value before and after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from reviewkit.protocol import Search
from reviewkit.store.searches import SearchRun

# the words a reader of the log sees for the limits stored with a run (protocol.Limits.describe)
_LIMIT_NAMES = {
    "date_from": "publication date from",
    "date_to": "publication date to",
    "languages": "languages",
    "publication_types": "publication types",
    "systematic_subset": "PubMed's systematic subset (systematic[sb])",
}


@dataclass(frozen=True)
class SearchEdit:
    """How run B's search differs from run A's: the query as written, its limits (one phrase
    per limit changed), or only the query as sent (runs stored before the limits were kept
    apart, or a change in how limits are sent)."""

    query: bool = False
    limits: list[str] = field(default_factory=list)
    sent_only: bool = False

    def __bool__(self) -> bool:
        return self.query or bool(self.limits) or self.sent_only

    def changed(self) -> str:
        """'the query', 'the limits (publication date from 2011/01/01 → 1975/01/01, …)', or
        both: what was edited, for a list of searches."""
        said = f" ({', '.join(self.limits)})" if self.limits else ""
        if self.query:
            return f"the query and its limits{said}" if self.limits else "the query"
        return f"the limits{said}" if self.limits else "the query or limits sent"

    def summary(self, between: str) -> str:
        """'the query was edited between run 1 and run 2', 'the limits were edited between …:
        publication date from 2011/01/01 → 1975/01/01, …', or both, for one line."""
        if self.query and self.limits:
            what = "the query and its limits were"
        elif self.limits:
            what = "the limits were"
        else:
            what = "the query was" if self.query else "the query or limits sent were"
        return f"{what} edited {between}" + (f": {', '.join(self.limits)}" if self.limits else "")


def search_edit(a: SearchRun, b: SearchRun) -> SearchEdit:
    """What changed in the search from run ``a`` to run ``b`` (an empty edit when nothing)."""
    return _edit((a.query, a.limits, a.full_query), (b.query, b.limits, b.full_query))


def edited_since(run: SearchRun, search: Search) -> SearchEdit:
    """What changed in the protocol's ``search`` since ``run`` ran it: what its next run sends
    differently (an empty edit when nothing)."""
    now = (search.query, json.dumps(search.limits.describe()), search.full_query())
    return _edit((run.query, run.limits, run.full_query), now)


def _edit(a: tuple[str, str, str], b: tuple[str, str, str]) -> SearchEdit:
    """Two searches as (query as written, limits as stored, query as sent) compared. The same
    query sent is no edit, whatever the stored limits' text: the database searched the same,
    and new and gone are its doing (an older store kept the limits as text, not JSON, and the
    one search's two forms of them read as an edit of the limits, that nothing sent showed)."""
    if a[2] == b[2]:
        return SearchEdit()
    limits = _limit_changes(a[1], b[1])
    query = a[0] != b[0]
    return SearchEdit(query, limits, sent_only=not query and not limits)  # the sent differ


def _parsed(stored: str) -> dict | None:
    try:
        limits = json.loads(stored or "{}")
    except ValueError:  # not JSON: an older store's text
        return None
    return limits if isinstance(limits, dict) else None


def _shown(key: str, value: object) -> str:
    if value in ("", [], None, False):
        return "none" if key != "systematic_subset" else "off"
    if value is True:
        return "on"
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _limit_changes(stored_a: str, stored_b: str) -> list[str]:
    """Each limit whose value differs between two runs' stored limits, as 'publication date
    from 2011/01/01 → 1975/01/01'; a limit set in neither is not named. Limits that cannot be
    read apart (not JSON) are one phrase when their text differs."""
    a, b = _parsed(stored_a), _parsed(stored_b)
    if a is None or b is None:  # each in words where it can be read (limits_text)
        return (
            [] if stored_a == stored_b else [f"{limits_text(stored_a)} → {limits_text(stored_b)}"]
        )
    changes = []
    for key in [*a, *(k for k in b if k not in a)]:
        old, new = _shown(key, a.get(key)), _shown(key, b.get(key))
        if old != new:
            changes.append(f"{_LIMIT_NAMES.get(key, key)} {old} → {new}")
    return changes


def limits_text(stored: str) -> str:
    """The limits a run stored (JSON, as ``Limits.describe`` gives them) in words, the ones
    set only (``none`` when none is): the log is read by people, who saw ``{"date_from": "",
    …}`` before. A key this version does not know is written as stored."""
    limits = _parsed(stored)
    if limits is None:  # not JSON: shown as it was stored
        return stored
    parts = []
    for key, value in limits.items():
        if value in ("", [], False, None):
            continue
        name = _LIMIT_NAMES.get(key, key)
        if value is True:
            parts.append(name)
        else:
            shown = _shown(key, value)
            parts.append(f"{name} {shown}" if key.startswith("date_") else f"{name}: {shown}")
    return "; ".join(parts) or "none"
