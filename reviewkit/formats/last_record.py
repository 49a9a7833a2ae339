"""Whether the last record of a tagged export without an end-of-record line was cut short.

The Cochrane Library's plain text closes a record with nothing (RIS has its ER line, MEDLINE its
SO line): a file cut inside its last record reads as a shorter record. An export writes each
record's fields in one order, and some fields in every record whatever the reference (the
Cochrane Library the record's link, US). A last record that ends on a field after which every
other record of the file goes on to such a field, and lacks it, was cut there. Only such
always-written fields count: a field that every other record of one file happens to have (an
ISSN, a DOI) may be missing from a whole last record. What cannot be told: a file of one
record, and a cut after the last always-written field (inside or before the fields after it).
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.errors import FormatError


def missing_tail(records: list[list[tuple[str, str]]], always: Iterable[str]) -> tuple[str, str]:
    """(the tag the last record ends on, an ``always`` tag it lacks that every other record
    has after that tag), or ('', '') when nothing is missing or it cannot be told."""
    if len(records) < 2 or not records[-1]:
        return "", ""
    *earlier, last = records
    end = last[-1][0]
    candidates = set(always) - {tag for tag, _ in last}
    for fields in earlier:
        tags = [tag for tag, _ in fields]
        if end not in tags:
            return "", ""  # no record to compare the last one's end with
        candidates &= set(tags[len(tags) - tags[::-1].index(end) :])  # after its last `end`
    return (end, min(candidates)) if candidates else ("", "")


def check_last_record(
    records: list[list[tuple[str, str]]],
    always: Iterable[str],
    name: str,
    line: int,
    *,
    hint: str,
) -> None:
    """FormatError naming the file's last ``line`` when its last record looks cut short."""
    end, missing = missing_tail(records, always)
    if missing:
        raise FormatError(
            f"record {len(records)}, the last, ends at its {end} field without the {missing}"
            f" field that every other record has after {end}: the file looks cut inside its"
            " last record",
            where=f"{name}:{line}",
            hint=hint,
        )
