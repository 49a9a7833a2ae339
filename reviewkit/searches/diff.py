"""Comparing runs of a stored search: what one run found against the one before it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from reviewkit.errors import UserError, command_line
from reviewkit.pubmed.translation import same_translation
from reviewkit.records import Record
from reviewkit.searches.deleted import deleted_between
from reviewkit.searches.edits import SearchEdit, search_edit
from reviewkit.store import Store
from reviewkit.store import records as record_rows
from reviewkit.store import searches as rows
from reviewkit.store.searches import SearchRun
from reviewkit.wording import quantity


@dataclass
class RunReport:
    """What one run found, against the previous complete run of the same search."""

    search: str
    run_id: int
    count: int
    translation: str
    resumed: bool
    stored: int  # records stored by this run (new to this search)
    new: list[str] = field(default_factory=list)  # PMIDs not in the previous run
    gone: list[str] = field(default_factory=list)  # PMIDs of the previous run missing now
    changed: dict[str, list[str]] = field(default_factory=dict)  # PMID -> changed fields
    unavailable: list[str] = field(
        default_factory=list
    )  # listed by esearch, not returned by efetch
    previous_run: int | None = None
    edit: SearchEdit = field(default_factory=SearchEdit)  # what was edited (RunDiff.edit)
    translation_changed: bool = False  # since the previous run (see RunDiff)
    translated_locally: bool = False  # by the local server (see RunDiff)
    deleted: list[str] = field(default_factory=list)  # of gone: no longer in PubMed
    messages: list[tuple[str, str]] = field(default_factory=list)  # (kind, text), all stored
    already_finished: bool = False  # finished by the interrupted command this one resumes

    @property
    def not_found(self) -> list[str]:
        return [t for k, t in self.messages if k == "PhraseNotFound"]

    @property
    def query_edited(self) -> bool:
        """The search sent differs from the previous run's (see :attr:`RunDiff.query_edited`)."""
        return bool(self.edit)


@dataclass
class RunDiff:
    """PMIDs new, gone and changed between two runs of one search."""

    search: str
    run_a: int
    run_b: int
    new: list[str]
    gone: list[str]
    changed: dict[str, list[str]]
    # what was edited between the runs (the query, the limits, or both; empty when the same
    # query was sent): new and gone are then the edit's doing too, not only PubMed's
    edit: SearchEdit = field(default_factory=SearchEdit)
    # the same query, translated differently by PubMed (its automatic term mapping follows
    # MeSH, which NLM updates every year): new and gone may be the translation's doing
    translation_changed: bool = False
    # a run was answered by the local server (it stored its snapshot's files), whose translation
    # is reviewkit's reading of the query, not PubMed's: a changed one comes from a newer
    # reviewkit (pubfid5 read 'stroke OR heart attack' anew) or another snapshot, not from MeSH
    translated_locally: bool = False
    deleted: list[str] = field(default_factory=list)  # of gone: PubMed deleted them (deleted.py)

    @property
    def query_edited(self) -> bool:
        """The query or its limits sent differ between the runs: the edit says so, one rule
        (:func:`~reviewkit.searches.edits.search_edit`)."""
        return bool(self.edit)


def counts_text(d: RunDiff | RunReport) -> str:
    """'N new, N gone (K deleted from PubMed), N changed', as the CLI and the log say it."""
    deleted = f" ({len(d.deleted)} deleted from PubMed)" if d.deleted else ""
    return f"{len(d.new)} new, {len(d.gone)} gone{deleted}, {len(d.changed)} changed"


def translator(d: RunDiff | RunReport) -> tuple[str, str, str]:
    """Who translated the runs' same query differently, whose doing new and gone may be, and
    why the translation moved: PubMed's automatic term mapping, which follows MeSH (updated
    yearly), or the local server's reading of the query, which is reviewkit's own and changes
    with a newer reviewkit or another snapshot, never with PubMed."""
    if d.translated_locally:
        return (
            "the local server",
            "the new reading's, not PubMed's",
            "a newer reviewkit or another snapshot reads the query otherwise",
        )
    return (
        "PubMed",
        "its automatic term mapping's",
        "automatic term mapping follows MeSH, updated yearly",
    )


def changed_fields(old_json: str, new: Record) -> list[str]:
    """Names of the bibliographic fields that differ between a stored record and a new one.

    A field the stored record predates (stored before the readers kept it, so its JSON lacks
    the key: the journal's abbreviation before this version) is not compared: PubMed gave it
    then too, and only our reader left it out, so a difference there is no change of PubMed's."""
    stored = json.loads(old_json)
    old = Record.from_json(old_json).bibliographic_fields()
    now = new.bibliographic_fields()
    return sorted(k for k in now if k in stored and old[k] != now[k])


def stored_titles(db: Store, pmids: list[str]) -> dict[str, str]:
    """PMID -> the title of the project's record of it (its first stored, when dedup kept two
    apart), for the PMIDs a record is stored for: a run stores only what is new to the project,
    and a PMID esearch listed but efetch did not return has none."""
    first = {pmid: ids[0] for pmid, ids in record_rows.ids_by_pmid(db, pmids).items()}
    recs = record_rows.get_records(db, first.values())
    return {pmid: recs[rid].title for pmid, rid in first.items() if rid in recs and recs[rid].title}


def complete_runs(db: Store, name: str) -> list[SearchRun]:
    """The search's complete runs, oldest first."""
    return rows.list_runs(db, name, status="complete")


def run_report(db: Store, name: str, run_id: int, resumed: bool) -> RunReport:
    """What run ``run_id`` found, against the previous complete run of the same search."""
    run = rows.get_run(db, run_id)
    assert run is not None
    previous = rows.previous_complete_run(db, name, run_id)
    fetched_now = rows.fetched(db, run_id)
    report = RunReport(
        search=name,
        run_id=run_id,
        count=run.count or 0,
        translation=run.query_translation or "",
        resumed=resumed,
        stored=sum(1 for r in fetched_now.values() if r.status == "new"),
        unavailable=[p for p, r in fetched_now.items() if r.status == "unavailable"],
        messages=rows.run_messages(db, run_id),
    )
    if previous is not None:
        d = diff_runs(db, name, previous.id, run_id)
        report.previous_run, report.new, report.gone, report.changed = (
            previous.id,
            d.new,
            d.gone,
            d.changed,
        )
        report.translation_changed = d.translation_changed
        report.edit = d.edit
        report.translated_locally = d.translated_locally
        report.deleted = d.deleted
    else:
        report.new = rows.run_pmids(db, run_id)
    return report


def history(db: Store, name: str | None = None) -> list[SearchRun]:
    """Every run (PRISMA-S log), oldest first, of one search or all."""
    return rows.list_runs(db, name)


def run_pmids(db: Store, run_id: int) -> list[str]:
    """The PMIDs of a run, in rank order."""
    return rows.run_pmids(db, run_id)


def diff_runs(db: Store, name: str, run_a: int | None = None, run_b: int | None = None) -> RunDiff:
    """New, gone and changed PMIDs from run A to run B (default: the last two complete runs)."""
    if (run_a is None) != (run_b is None):
        raise UserError("give both runs to compare, or neither")
    if run_a is None:
        complete = complete_runs(db, name)
        if len(complete) < 2:
            raise UserError(
                f"search {name!r} has {quantity(len(complete), 'complete run')}; a diff needs two",
                hint=f"run '{command_line(f'search run {name}')}' again later",
            )
        run_a, run_b = complete[-2].id, complete[-1].id
    assert run_b is not None
    sent, translated, runs, local = [], [], [], []
    for rid in (run_a, run_b):
        run = rows.get_run(db, rid)
        if run is None or run.search_name != name:
            raise UserError(
                f"run {rid} is not a run of search {name!r}",
                hint=f"see '{command_line(f'search history {name}')}'",
            )
        sent.append(run.full_query)
        runs.append(run)
        translated.append(run.query_translation or "")
        local.append(bool(run.snapshot))
    a_ids, b_ids = rows.run_pmids(db, run_a), rows.run_pmids(db, run_b)
    a_set, b_set = set(a_ids), set(b_ids)
    fa, fb = rows.fetched(db, run_a), rows.fetched(db, run_b)
    changed = {}
    for pmid in b_ids:
        ra, rb = fa.get(pmid), fb.get(pmid)
        if (
            pmid in a_set
            and ra
            and rb
            and ra.fingerprint
            and rb.fingerprint
            and ra.fingerprint != rb.fingerprint
        ):
            fields = changed_fields(
                rows.record_data(db, ra), Record.from_json(rows.record_data(db, rb))
            )
            if fields:  # none: only a field run A's record predates (changed_fields)
                changed[pmid] = fields
    gone = [p for p in a_ids if p not in b_set]
    return RunDiff(
        name,
        run_a,
        run_b,
        [p for p in b_ids if p not in a_set],
        gone,
        changed,
        edit=search_edit(*runs),
        translation_changed=sent[0] == sent[1]
        and all(translated)
        and not same_translation(*translated),
        translated_locally=any(local),
        deleted=deleted_between(db, name, run_a, run_b, gone),
    )
