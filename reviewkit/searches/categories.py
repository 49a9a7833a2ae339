"""NLM's categories of a stored record's abstract sections, brought by a rerun of its search.

From schema 101 on a PubMed record keeps each abstract section's NlmCategory (OBJECTIVE for a
"BACKGROUND AND AIMS" label), which extraction's prefill reads a section by. A record a search
stored before has its sections without it. A rerun fetches the same record with them: that is no
change of the record (the same labels and texts; the category is NLM's reading of the label,
:meth:`~reviewkit.records.Record.bibliographic_fields` leaves it out), so the run counts it
seen, as before, and keeps the categories beside the stored record (records are immutable:
:func:`reviewkit.store.records.add_section_categories`), which is read with them from then on,
as a fresh import would have them. The run says how many records it so completed (a run message of kind
:data:`CATEGORIES` per PMID, as the search log and ``search run`` count them), since the
extraction prefills of those records may move at their next prefill.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.pubmed.messages import CATEGORIES
from reviewkit.records import Record
from reviewkit.wording import quantity


def completed(stored: Record, fetched: Record) -> list[str] | None:
    """NLM's categories of ``fetched``'s abstract sections (one per section, '' for one it
    gives none), where ``stored`` (the record as stored) has the same sections (labels and
    texts, in order) and none of them has a category; None where there is nothing to add (no
    category fetched, one stored already, or sections that differ: a changed abstract is the
    rerun's change to report, not to fill in)."""
    old, new = stored.abstract_sections, fetched.abstract_sections
    if not any(s.category for s in new) or any(s.category for s in old):
        return None
    if [(s.label, s.text) for s in old] != [(s.label, s.text) for s in new]:
        return None
    return [s.category for s in new]


def completed_records(
    stored: dict[int, Record], fetched: Iterable[tuple[int, Record]]
) -> dict[int, list[str]]:
    """Record id -> NLM's categories of its sections (:func:`completed`), for the (record id,
    fetched record) pairs whose stored record (``stored``) lacks them."""
    out = {}
    for rid, rec in fetched:
        if rid in stored and (categories := completed(stored[rid], rec)) is not None:
            out[rid] = categories
    return out


def completed_text(messages: Iterable[tuple[str, str]]) -> str:
    """What a run's :data:`CATEGORIES` messages say, in one line ('' for none), as ``search
    run`` prints it and the search log writes it."""
    n = sum(1 for kind, _ in messages if kind == CATEGORIES)
    if not n:
        return ""
    return (
        f"{quantity(n, 'stored record')} given NLM's categories of their abstract sections"
        " (stored before reviewkit kept them; the same records, not changed: their extraction"
        " prefill may move at the next one)"
    )
