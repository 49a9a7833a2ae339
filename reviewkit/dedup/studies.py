"""Reports of one study: links between different publications of one trial.

A trial often has a protocol paper, a main paper, a follow-up and an economic evaluation:
not duplicates (each is screened as a record of its own) but one study. Registration
numbers in the records (PubMed's DataBankList, 'NCT…', 'ISRCTN…', 'ChiCTR-…' in abstracts:
every register of :mod:`reviewkit.dedup.registers`) suggest links between them
(:func:`suggest_study_links`), and so do a trial's name, its team and its titles' words where
no number joins them (:mod:`reviewkit.dedup.study_cues`); a person confirms or rejects each
(:func:`decide_study_link`); :func:`study_groups` gives the studies with their reports.
Links join duplicate clusters (their canonical records), never single copies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import combinations

import networkx as nx

from reviewkit.dedup.pair_queue import review_queue
from reviewkit.dedup.registers import numbers_in_text
from reviewkit.dedup.review import person_id
from reviewkit.dedup.study_cues import CueLink, StudyCues, cue_links, study_cues
from reviewkit.dedup.study_numbers import Registrations, registrations
from reviewkit.dedup.verdict_refusals import split_line
from reviewkit.errors import UserError, no_record
from reviewkit.records import Record
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store import study_links as rows
from reviewkit.store.db import Store


def _studies(db: Store, cmap: Mapping[int, int]) -> tuple[dict[int, StudyCues], Registrations[int]]:
    """canonical record id -> the cues of its records (:mod:`reviewkit.dedup.study_cues`) with
    its trials' registrations, and what the registration numbers found in any of its records
    say (:mod:`reviewkit.dedup.study_numbers`; a study of several trials bridges none)."""
    numbers: dict[int, set[str]] = defaultdict(set)
    records: dict[int, list[Record]] = defaultdict(list)
    for rid, data, raw in rows.record_texts(db):
        rec = Record.from_json(data)
        study = cmap.get(rid, rid)
        records[study].append(rec)
        # the record's fields and its original text (PubMed's DataBankList, MEDLINE's SI
        # field, an export's accession or notes field)
        numbers[study] |= {*numbers_in_text(_written_in(rec)), *numbers_in_text(raw)}
    cues = {study: study_cues(recs) for study, recs in records.items()}
    joint = {study for study, c in cues.items() if c.several_trials}
    notices = {study for study, c in cues.items() if c.notice}
    # the cues compare each study's trials' registrations, its own and those a bridge names
    registered = registrations({k: v for k, v in numbers.items() if v}, joint, notices)
    return {
        study: replace(c, numbers=frozenset(registered.trial_numbers.get(study, ())))
        for study, c in cues.items()
    }, registered


def _written_in(rec: Record) -> str:
    """The fields of a record (its JSON) a registration number is written in: the title, the
    abstract, the source (a register's record), the address, the DOI (ISRCTN's) and keywords.
    Not its provenance: a file named for a trial ('NCT04280705-citing.ris') gave every record
    of it that number; and the text, not its JSON, where a line break before a number is '\\n'."""
    return "\n".join((rec.title, rec.abstract, rec.journal, rec.url, rec.doi, *rec.keywords))


@dataclass(frozen=True)
class Suggested:
    """What :func:`suggest_study_links` did: the new suggestions it stored, and the pairs it
    would suggest that wait in the dedup queue as possible duplicates (canonical ids, lower
    first): a duplicate question first, suggested once a person says they are two records."""

    new: int
    in_dedup_queue: tuple[tuple[int, int], ...] = ()


def suggest_study_links(db: Store) -> Suggested:
    """Suggest a link for every two studies that share a registration number (or whose numbers
    in two registers a third writes together: :mod:`reviewkit.dedup.study_numbers`), or whose
    name, team and titles suggest one trial (:func:`reviewkit.dedup.study_cues.cue_links`),
    and have no verdict yet, unless the dedup queue asks whether the two are one record."""
    cmap = links.canonical_map(db)
    cues, registered = _studies(db, cmap)
    current = rows.current_study_links(db)
    decided = _decided(db, cmap, current)
    suggested = {_pair(cmap, lk) for lk in current} - decided
    queued = _in_dedup_queue(db, cmap)
    by_number = registered.links
    new = [
        (a, b, "suggested", link.evidence(), "rule:registration")
        for (a, b), link in by_number.items()
    ]
    # the other cues where no number joins the pair (a shared number says more than they do)
    new += [
        (a, b, "suggested", link.evidence(), _made_by(link))
        for (a, b), link in cue_links(cues).items()
        if (a, b) not in by_number
    ]
    new = [r for r in new if (r[0], r[1]) not in decided]
    held = tuple(sorted((a, b) for a, b, *_ in new if (a, b) in queued))
    with db.transaction():
        stored = rows.add_study_links(
            db, [r for r in new if (r[0], r[1]) not in queued and (r[0], r[1]) not in suggested]
        )
    return Suggested(stored, held)


def _in_dedup_queue(db: Store, cmap: Mapping[int, int]) -> set[tuple[int, int]]:
    """Pairs of studies (canonical ids, lower first) the dedup queue asks about: an uncertain
    duplicate is a question of one record or two, answered before one study or two."""
    out = set()
    for q in review_queue(db, dict(cmap)):
        ends = sorted(c for c in q.clusters if c is not None)
        if len(ends) == 2:
            out.add((ends[0], ends[1]))
    return out


def _decided(
    db: Store, cmap: Mapping[int, int], current: list[rows.StudyLink]
) -> set[tuple[int, int]]:
    """Pairs of studies (canonical ids, lower first) that need no suggestion: each pair with a
    person's verdict, read through the current duplicate clusters (a merge after the verdict
    may have given a study another canonical record: the verdict is on the study, not on a
    record id), and every two reports of one confirmed study."""
    out = {_pair(cmap, lk) for lk in current if lk.verdict != "suggested"}
    for group in _confirmed_groups(db, cmap):
        out.update(combinations(group, 2))
    return out


def _made_by(link: CueLink) -> str:
    """'rule:name+authors': the rule and the cues a suggestion rests on."""
    return "rule:" + "+".join(link.cues)


@dataclass(frozen=True)
class StudyLinkView:
    a: int
    b: int
    verdict: str
    evidence: str
    made_by: str
    stored: bool = True  # False: this person's verdict on the pair was already this one

    @property
    def cues(self) -> str:
        """What a suggestion rests on: 'registration', or the cues ('name, authors, words')."""
        return self.made_by.removeprefix("rule:").replace("+", ", ")


def _canonical(db: Store, cmap: dict[int, int], record_id: int) -> int:
    if record_id not in cmap:
        raise no_record(record_id)
    return cmap[record_id]


def decide_study_link(db: Store, a: int, b: int, same: bool, person: str) -> StudyLinkView:
    """A person's verdict: records ``a`` and ``b`` (their clusters) report one study, or not."""
    made_by = person_id(person)
    cmap = links.canonical_map(db)
    ca, cb = _canonical(db, cmap, a), _canonical(db, cmap, b)
    if ca == cb:
        raise UserError(
            f"records {a} and {b} are one record (duplicates), not two reports",
            hint=f"to undo that merge: {split_line(b, person)}",
        )
    verdict = "same_study" if same else "different_study"
    previous = {(lk.record_a, lk.record_b): lk for lk in rows.current_study_links(db)}
    lo, hi = min(ca, cb), max(ca, cb)
    last = previous.get((lo, hi))
    evidence = last.evidence if last else ""
    if last and (last.verdict, last.made_by) == (verdict, made_by):
        # the same command run twice: the log gains no second, equal row
        return StudyLinkView(lo, hi, verdict, evidence, made_by, stored=False)
    with db.transaction():
        rows.add_study_links(db, [(lo, hi, verdict, evidence, made_by)])
    return StudyLinkView(lo, hi, verdict, evidence, made_by)


def open_suggestions(db: Store) -> list[StudyLinkView]:
    """Suggested links no person has settled yet, by current canonical record ids: a merge
    after the suggestion moves it to the study's new canonical record, where a verdict on the
    two studies settles it (and a pair now one record or one confirmed study needs none). A
    pair the dedup queue asks about since waits for that answer (:class:`Suggested`)."""
    cmap = links.canonical_map(db)
    current = rows.current_study_links(db)
    settled = _decided(db, cmap, current) | _in_dedup_queue(db, cmap)
    out: dict[tuple[int, int], StudyLinkView] = {}
    for lk in current:
        lo, hi = _pair(cmap, lk)
        if lk.verdict == "suggested" and lo != hi and (lo, hi) not in settled:
            out.setdefault((lo, hi), StudyLinkView(lo, hi, lk.verdict, lk.evidence, lk.made_by))
    return list(out.values())


def _pair(cmap: Mapping[int, int], lk: rows.StudyLink) -> tuple[int, int]:
    """A link's two studies by their current canonical records, lower first."""
    a, b = cmap.get(lk.record_a, lk.record_a), cmap.get(lk.record_b, lk.record_b)
    return (min(a, b), max(a, b))


@dataclass(frozen=True)
class StudyGroup:
    study: int  # the lowest canonical record id of the group names the study
    reports: tuple[int, ...]  # canonical record ids of its reports (duplicate clusters)
    titles: tuple[str, ...]


def study_groups(db: Store) -> list[StudyGroup]:
    """Studies with two or more reports, from the confirmed links (through the current
    duplicate clusters: a link made before a merge still holds)."""
    groups = _confirmed_groups(db, links.canonical_map(db))
    recs = record_rows.get_records(db, [r for g in groups for r in g])
    return sorted(
        (StudyGroup(g[0], tuple(g), tuple(recs[r].title for r in g)) for g in groups),
        key=lambda s: s.study,
    )


def _confirmed_groups(db: Store, cmap: Mapping[int, int]) -> list[list[int]]:
    """Canonical record ids joined by confirmed links, each group sorted (groups of 2 or more)."""
    graph = nx.Graph()
    for lk in rows.current_study_links(db, "same_study"):
        a, b = cmap.get(lk.record_a, lk.record_a), cmap.get(lk.record_b, lk.record_b)
        if a != b:
            graph.add_edge(a, b)
    return [sorted(c) for c in nx.connected_components(graph)]


def linked_reports(db: Store, cmap: Mapping[int, int]) -> dict[int, int]:
    """canonical record id -> its study's id (the group's lowest canonical id), for the reports
    with a confirmed link only; ``cmap`` is the caller's canonical map (the report's snapshot
    has read it already). Suggested and rejected links count for nothing."""
    return {r: g[0] for g in _confirmed_groups(db, cmap) for r in g}


def reports_by_study(
    db: Store, cmap: Mapping[int, int], ids: list[int]
) -> dict[int, tuple[int, ...]]:
    """Study -> its reports among ``ids`` (canonical ids), from the confirmed study links: each
    study named by its lowest report among ``ids``, its reports ascending; a report without
    links is a study of its own. One grouping for the report tables, the evidence map and the
    extraction sheet."""
    study_of = linked_reports(db, cmap)
    groups: dict[int, list[int]] = {}
    for rid in sorted(ids):  # ascending, so each group's first id names its study
        groups.setdefault(study_of.get(rid, rid), []).append(rid)
    return {g[0]: tuple(g) for g in groups.values()}
