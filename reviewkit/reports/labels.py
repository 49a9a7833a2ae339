"""The short label a report gives each study ("Andersen et al. (2019)"), told apart when two
studies would share one.

Journals' author-date styles (APA 7 §8.19, Harvard, Vancouver's author-date variant) add a
lower-case letter after the year when the same author label has two works in one year, the
works ordered by title: "Andersen et al. (2019a)", "Andersen et al. (2019b)"; a work without a
year gets "(n.d.)", two of them "n.d.-a", "n.d.-b". Where we differ: APA orders by title
leaving out a leading "A", "An" or "The" (so do we) and, for "et al." labels with different
co-authors, would spell out more names instead; we keep the letter, which tells them apart the
same way in every format.

Every place a study's label appears (the report tables, the table of studies excluded at full
text, the evidence map and its graph, the Word, Markdown and spreadsheet reports, the extraction
sheet, the `evidence-map` command) takes it from one place,
:attr:`~reviewkit.reports.snapshot.ProjectSnapshot.labels`, which letters every study of the
report at once (:func:`citation_labels`: the included studies and those excluded at full
text), so "2019a" is the same study everywhere. The letters tell *studies* apart, not reports:
reports that a person linked as one study (``dedup studies``) are one entry of the reference
list, and a list of reports (the extraction sheet, a row per report) names each by its study's
label (:meth:`~reviewkit.reports.snapshot.ProjectSnapshot.sheet_labels`), so two reports of one
study do not become 2019a and 2019b there while the map has one 2019. A study the report does
not name (the sheet's ``--all``) is lettered after the report's (:func:`labels_after`).

The letters belong to one report, as they belong to one reference list: a study included or
excluded later (or a report of an update) can take a letter from another, or leave it alone
in its year without one. Across reports a study is its reference (PMID, DOI), not its label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from string import ascii_lowercase

from reviewkit.records import Record

_LEADING_ARTICLE = re.compile(r"^(?:the|an|a)\s+", re.IGNORECASE)


def _title_key(record: Record) -> str:
    """The title as APA sorts it: without case, leading article or punctuation."""
    title = re.sub(r"[^\w\s]", "", record.title or "").strip()
    return _LEADING_ARTICLE.sub("", title).casefold()


def _letter(n: int) -> str:
    """a … z, then aa, ab … (a 27th study of one author-year is unlikely, but not an error)."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = ascii_lowercase[rest] + text
    return text


def _with_letter(record: Record, letter: str) -> str:
    """The record's citation with ``letter`` after its year (or after 'n.d.-' without one)."""
    label = record.citation()
    if record.year:
        return label[: -len(f"({record.year})")] + f"({record.year}{letter})"
    return f"{label} (n.d.-{letter})"


def citation_labels(records: Mapping[int, Record], studies: Iterable[int]) -> dict[int, str]:
    """Study id -> its label ("Surname et al. (Year)", :meth:`Record.citation`) for ``studies``
    (each study's record in ``records``); studies that share a label get a letter after the
    year, a, b, … in order of title (then id, for two equal titles). A study without a year is
    "Surname (n.d.)", two that share a label "(n.d.-a)", "(n.d.-b)"."""
    ids = sorted(set(studies))
    by_label: dict[str, list[int]] = {}
    for sid in ids:
        by_label.setdefault(records[sid].citation(), []).append(sid)
    labels: dict[int, str] = {}
    for label, same in by_label.items():
        if len(same) == 1:
            # APA 7 (§8.10) writes "(n.d.)" where the year goes: the label says the year is
            # missing, not left out (a lone "Aas" read as a label cut short)
            labels[same[0]] = label if records[same[0]].year else f"{label} (n.d.)"
            continue
        same.sort(key=lambda s: (_title_key(records[s]), s))
        for n, sid in enumerate(same):
            labels[sid] = _with_letter(records[sid], _letter(n))
    return labels


def labels_after(
    records: Mapping[int, Record], studies: Iterable[int], named: Mapping[int, Record]
) -> dict[int, str]:
    """Study id -> label for ``studies`` (each one's record in ``records``) listed beside a
    report whose studies ``named`` (id -> record) are lettered by :func:`citation_labels`: those
    keep the report's letters, and a study here that shares its label with k of them takes the
    letters after theirs ('2019c' after the report's a and b, '2019b' beside its lone '2019'),
    so that no label names two studies; a label the report does not use is lettered as
    :func:`citation_labels` letters it."""
    taken = Counter(record.citation() for record in named.values())
    by_label: dict[str, list[int]] = {}
    for sid in sorted(set(studies)):
        by_label.setdefault(records[sid].citation(), []).append(sid)
    labels: dict[int, str] = {}
    for label, same in by_label.items():
        if not taken[label]:
            labels |= citation_labels(records, same)
            continue
        same.sort(key=lambda s: (_title_key(records[s]), s))
        for n, sid in enumerate(same):
            labels[sid] = _with_letter(records[sid], _letter(taken[label] + n))
    return labels
