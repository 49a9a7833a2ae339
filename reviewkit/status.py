"""A project's state at a glance: records per source, imports, search runs, studies, decisions.

Decisions are counted as the log stands *now*: each reviewer's vote in force per study and the
resolvers' final decisions, per stage. Notes, undo entries and the entries they undid are
part of the log but not decisions, so they are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reviewkit.classify import assigned_labels
from reviewkit.dedup.concerns import serious_concerns
from reviewkit.dedup.concerns_kept import project_concerns
from reviewkit.dedup.studies import linked_reports
from reviewkit.errors import DatabaseBusy, command_line
from reviewkit.project import Project
from reviewkit.protocol import Protocol
from reviewkit.protocol.people import typed_name
from reviewkit.screening import DerivedStages, stage_names
from reviewkit.screening.work_left import StageWork, next_steps, nothing_waits, screens, work_left
from reviewkit.searches.edits import edited_since
from reviewkit.searches.run import resume_words
from reviewkit.store import Store
from reviewkit.store import duplicates as duplicate_rows
from reviewkit.store import records as record_rows
from reviewkit.store import searches as search_rows
from reviewkit.store import versions as version_rows
from reviewkit.store.searches import SearchRun
from reviewkit.wording import plural, quantity


@dataclass(frozen=True)
class StageStatus:
    """One screening stage: live decisions and where its studies stand."""

    stage: str
    votes: int  # reviewers' votes in force (the newest live vote per reviewer and study)
    finals: int  # resolvers' final decisions in force
    studies: int  # studies that entered the stage
    included: int
    excluded: int
    pending: int
    conflicts: int  # studies whose reviewers disagree (their outcome: conflict)
    # studies counted above by their furthest record's outcome whose merged records disagree:
    # open for the lead too (reviewkit conflicts counts both)
    disagree: int = 0
    # studies counted above by the lead's final whose votes came after it (changed, or
    # imported late from a reviewer's copy) giving another outcome (screening.rules.reopened_after_final): open for the lead too
    reopened: int = 0

    @property
    def decisions(self) -> int:
        return self.votes + self.finals


@dataclass(frozen=True)
class SchemeStatus:
    """Where classification of the included reports stands in one scheme: labels a person
    confirmed, labels the tool suggested (the rules', or one confirmed on another report of the
    study), and reports never classified (``classify`` has not run since they were included)."""

    scheme: str
    name: str
    confirmed: int
    suggested: int
    unclassified: int


@dataclass(frozen=True)
class SearchesStatus:
    """The librarian's part: runs logged, when the last ended, and the protocol's searches
    whose latest run did not finish (resumable) or that never ran (added since)."""

    runs: int
    last_ended: str  # '2026-12-06 03:13 UTC', or '' before any run ended
    unfinished: tuple[tuple[str, int, str], ...]  # (search, run id, status)
    never_run: tuple[str, ...]
    # searches edited in protocol.toml since their latest run, grouped by what was edited
    # (the phrase of SearchEdit.changed): the next run sends them as edited
    edited: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the server the unfinished runs ran on, when it is neither NCBI nor REVIEWKIT_EUTILS_URL's:
    # a run resumes only there, so the line to resume them names it (--base-url)
    resume_url: str | None = None


@dataclass(frozen=True)
class Status:
    protocol_id: str
    title: str
    records: int
    studies: int  # after dedup (canonical records); the record count before dedup has run
    by_source: list[tuple[str, int]]
    imports: int
    searches: int  # stored searches in the protocol
    stages: tuple[StageStatus, ...] = ()
    # studies the included records make up, when a person linked several reports of one study
    # (``dedup studies``); None when every included record is a study of its own
    included_studies: int | None = None
    dedup_runs: int = 0  # finished dedup runs; 0: no record has been compared yet
    undeduplicated: int = 0  # records no dedup run has compared yet (imported since the last)
    # review versions recorded by `report --new-version` (name, when, studies included then),
    # oldest first: a later report's PRISMA draws the update diagram against the last one
    versions: tuple[tuple[str, str, int], ...] = ()
    # per scheme, of the reports included at the last stage (none before any is included)
    classification: tuple[SchemeStatus, ...] = ()
    searches_run: SearchesStatus | None = None  # None: the protocol stores no search
    # included reports (canonical ids) with a retraction, erratum or expression of concern
    # and what each is (reviewkit.dedup.concerns), in id order
    notices: tuple[tuple[int, str], ...] = ()

    @property
    def decisions(self) -> int:
        """Live decisions over every stage (votes and final decisions in force)."""
        return sum(s.decisions for s in self.stages)

    @property
    def included(self) -> int:
        """Studies included at the protocol's last stage."""
        return self.stages[-1].included if self.stages else 0

    @property
    def merged_by_hand(self) -> int:
        """Duplicates a person's merges removed (`dedup merge`, `s` in `dedup review`) when no
        dedup run has finished: a run writes its links in the transaction that ends it, so until
        one has, every record that is not a study of its own was joined by a person."""
        return 0 if self.dedup_runs else self.records - self.studies

    @property
    def deduplicated(self) -> bool:
        """Whether any dedup work stands: a finished run, or a person's merge (without a run)."""
        return bool(self.dedup_runs or self.merged_by_hand)


def dedup_line(s: Status) -> str:
    """How many studies dedup left, or that it has not run (and what to type)."""
    if s.records == 0:
        return "studies after dedup: no records yet"
    dedup = command_line("dedup")
    if not s.deduplicated:
        return f"studies after dedup: dedup has not run yet (type `{dedup}`)"
    if s.dedup_runs == 0:  # a person's merges are dedup work, but no rule compared the records
        return (
            f"studies after dedup: {s.studies} ({quantity(s.merged_by_hand, 'duplicate')} merged"
            f" by hand; no dedup run has compared the records yet: type `{dedup}`)"
        )
    if s.undeduplicated:
        verb = "is" if s.undeduplicated == 1 else "are"
        return (
            f"studies after dedup: {s.studies} ({quantity(s.undeduplicated, 'record')} imported"
            f" since the last dedup run {verb} not compared yet: type `{dedup}`)"
        )
    return f"studies after dedup: {s.studies}"


def counted_as(s: Status) -> str:
    """What the stage counts count: studies once dedup has run or a person merged records
    (duplicates are one study: the counts are of clusters, so 'records' would undercount them),
    records before any (two of them may be one study that no run has compared yet)."""
    return "study" if s.deduplicated else "record"


def _stage_status(derived: DerivedStages, stage: str) -> StageStatus:
    states = derived.states(stage)
    outcomes = derived.outcomes(stage)
    statuses = [o.status for o in outcomes.values()]
    merged = derived.disagreeing(stage)
    return StageStatus(
        stage=stage,
        votes=sum(len(s.votes) for s in states.values()),
        finals=sum(1 for s in states.values() if s.final is not None),
        studies=len(outcomes),
        included=statuses.count("include"),
        excluded=statuses.count("exclude"),
        pending=statuses.count("pending"),
        conflicts=statuses.count("conflict"),
        disagree=sum(1 for s in merged if s in outcomes and outcomes[s].status != "conflict"),
        reopened=sum(
            1
            for s in derived.reopened(stage) - merged
            if s in outcomes and outcomes[s].status != "conflict"
        ),
    )


def project_status(project: Project) -> Status:
    db = project.db
    p = project.protocol
    cmap = duplicate_rows.canonical_map(db)
    derived = DerivedStages(project, cmap)
    names = stage_names(p)
    records = record_rows.record_count(db)
    included = (
        sorted(r for r, o in derived.outcomes(names[-1]).items() if o.status == "include")
        if names
        else []
    )
    return Status(
        protocol_id=p.id,
        title=p.title,
        records=records,
        studies=len(set(cmap.values())),  # the canonical records (study_ids built cmap again)
        by_source=record_rows.source_counts(db),
        imports=len(record_rows.list_imports(db)),
        searches=len(p.searches),
        stages=tuple(_stage_status(derived, stage) for stage in names),
        included_studies=included_study_count(db, cmap, included) if names else None,
        dedup_runs=duplicate_rows.dedup_run_count(db),
        # records are never deleted, so those not compared are all minus the compared ones
        undeduplicated=records - len(duplicate_rows.processed_ids(db)),
        versions=tuple(
            (v.name, v.recorded_at[:10], v.included_studies) for v in version_rows.list_versions(db)
        ),
        classification=_classification(project, included),
        searches_run=_searches(project) if p.searches else None,
        notices=_included_notices(db, cmap, included),
    )


def _included_notices(
    db: Store, cmap: Mapping[int, int], included: Iterable[int]
) -> tuple[tuple[int, str], ...]:
    """The included reports with a retraction, erratum or expression of concern found on any
    of their records, and what it is (:mod:`reviewkit.dedup.concerns`)."""
    reports = {r: [r] for r in included}
    if not reports:
        return ()
    found = serious_concerns(project_concerns(db), cmap, reports)
    return tuple((r, "; ".join(c.line() for c in cs)) for r, cs in sorted(found.items()))


def _searches(project: Project) -> SearchesStatus:
    """Where the protocol's stored searches stand, from the search log (runs of searches no
    longer in the protocol count among the runs, as the log keeps them)."""
    runs = search_rows.list_runs(project.db)
    latest = {r.search_name: r for r in runs}  # oldest first: the last one stays
    ended = max((r.ended_at for r in runs if r.ended_at), default="")
    names = [s.name for s in project.protocol.searches]
    edited = _edited(project, latest)
    # a run resumes only the query it sent: one edited since runs anew, said once, as edited
    anew = {n for _, group in edited for n in group}
    unfinished = [
        latest[n] for n in names if n in latest and latest[n].status != "complete" and n not in anew
    ]
    return SearchesStatus(
        runs=len(runs),
        last_ended=f"{ended[:10]} {ended[11:16]} UTC" if ended else "",
        unfinished=tuple((r.search_name, r.id, r.status) for r in unfinished),
        never_run=tuple(n for n in names if n not in latest),
        edited=edited,
        resume_url=_resume_url(unfinished),
    )


def _resume_url(unfinished: Iterable[SearchRun]) -> str | None:
    """The E-utilities server the unfinished runs ran on, when 'search run --all' as typed here
    would send them elsewhere (to NCBI, or to REVIEWKIT_EUTILS_URL's server) and begin new runs
    there instead of resuming them; None when they ran on that server, or on several."""
    from reviewkit import settings
    from reviewkit.pubmed.transport import NCBI_BASE

    urls = {r.interface.removeprefix("E-utilities ") for r in unfinished}
    if len(urls) != 1:
        return None
    url = urls.pop()
    here = settings.read(settings.EUTILS_URL) or NCBI_BASE
    return None if url.rstrip("/") == here.rstrip("/") else url


def _edited(
    project: Project, latest: Mapping[str, SearchRun]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The protocol's searches edited since their latest run, grouped by what was edited (an
    update widening the dates edits every search alike: one line names them all)."""
    groups: dict[str, list[str]] = {}
    for search in project.protocol.searches:
        run = latest.get(search.name)
        edit = edited_since(run, search) if run is not None else None
        if edit:
            groups.setdefault(edit.changed(), []).append(search.name)
    return tuple((what, tuple(names)) for what, names in groups.items())


def searches_lines(s: SearchesStatus) -> list[str]:
    """'search runs: 19 (the last ended 2026-12-06 03:13 UTC)', then the searches to run."""
    last = f" (the last ended {s.last_ended})" if s.last_ended else ""
    lines = [f"search runs: {s.runs}{last}"]
    if s.unfinished:
        runs = ", ".join(f"{n} (run {rid}, {status})" for n, rid, status in s.unfinished)
        lines.append(
            f"  not finished: {runs}; '{command_line(resume_words((), s.resume_url))}' resumes"
            f" {'it' if len(s.unfinished) == 1 else 'them'}"
        )
    for what, names in s.edited:
        them = "it" if len(names) == 1 else "them"
        lines.append(
            f"  edited since the last run: {', '.join(names)}: {what}; the next"
            f" '{command_line('search run')}' runs {them} as edited (the search log keeps each"
            " run's query and limits)"
        )
    if s.never_run:  # none run yet: the first command is --all; else the ones added since
        names = "--all" if s.runs == 0 else " ".join(s.never_run)
        lines.append(
            f"  never run: {', '.join(s.never_run)}; type '{command_line(f'search run {names}')}'"
        )
    return lines


def _classification(project: Project, included: list[int]) -> tuple[SchemeStatus, ...]:
    """Each scheme's confirmed, suggested and never classified labels of the included reports,
    counted as the report tables mark them (their `Label status` column): a report is what
    `confirm` walks and a label is confirmed for."""
    if not included:
        return ()
    out = []
    for scheme in project.protocol.schemes.values():
        assigned = assigned_labels(project, scheme.id, included).values()
        confirmed = sum(1 for a in assigned if a.confirmed)
        unclassified = sum(1 for a in assigned if not a.confirmed and not a.method)
        out.append(
            SchemeStatus(
                scheme.id,
                scheme.name,
                confirmed,
                len(included) - confirmed - unclassified,
                unclassified,
            )
        )
    return tuple(out)


def classification_line(c: SchemeStatus, unit: str) -> str:
    """'classification health (Health problem): 47 confirmed, 30 suggested of 77 included
    studies', with what to type next when some are not classified yet."""
    total = c.confirmed + c.suggested + c.unclassified
    line = (
        f"classification {c.scheme} ({c.name}): {c.confirmed} confirmed, {c.suggested} suggested"
        f" of {quantity(total, 'included ' + unit, 'included ' + plural(unit))}"
    )
    if c.unclassified:
        line += f", {c.unclassified} not classified yet (type `{command_line('classify')}`)"
    return line


def included_study_count(db: Store, cmap: Mapping[int, int], included: Iterable[int]) -> int | None:
    """How many studies the included reports (record ids; ``cmap``: the canonical map) are by
    the confirmed study links, or None when that is one study per report."""
    reports = {cmap.get(r, r) for r in included}
    study_of = linked_reports(db, cmap)
    studies = len({study_of.get(r, r) for r in reports})
    return studies if studies != len(reports) else None


def included_words(s: Status) -> str:
    """The studies included at the last stage as ``status`` counts them: '16 studies', '2
    records' before any dedup work, '1 study (2 reports)' when a person linked reports of one."""
    if s.included_studies is None:
        return quantity(s.included, counted_as(s))
    return f"{quantity(s.included_studies, 'study')} ({quantity(s.included, 'report')})"


def after_screening(s: Status, protocol: Protocol, person: str) -> str:
    """The command that follows screening (``s``: the project's status), its words after
    'reviewkit': ``classify`` while an included report has no label in a scheme, ``confirm``
    while suggestions wait for a person (as ``person`` when the protocol lists them, the
    scheme named when it has several: confirm opens the report's), else the report: every
    label confirmed, no scheme to classify by, or none included (its PRISMA says 0)."""
    if not s.included or not protocol.schemes:
        return "report"
    if any(c.unclassified for c in s.classification):
        return "classify"
    waiting = next((c.scheme for c in s.classification if c.suggested), None)
    if waiting is None:
        return "report"
    listed = person in (*protocol.reviewers, *protocol.leads)  # confirm refuses anyone else
    name = typed_name(person if listed else "")
    scheme = f" --scheme {waiting}" if len(protocol.schemes) > 1 else ""
    return f"confirm --reviewer {name}{scheme}"


def screening_done(project: Project, person: str) -> str:
    """'screening is done, 16 studies included (reviewkit classify)', counted as ``status`` and
    the report count them, with what ``person`` types next (:func:`after_screening`: a new user
    resolving the last conflict was told nothing more); "" before any record entered screening."""
    s = project_status(project)
    if not s.stages or not s.stages[0].studies:
        return ""
    following = command_line(after_screening(s, project.protocol, person))
    return f"screening is done, {included_words(s)} included ({following})"


def steps_from(project: Project, work: list[StageWork], person: str, here: str) -> str:
    """:func:`~reviewkit.screening.work_left.next_steps` of ``work`` (``work_left``) told to
    ``person`` in ``project``; when nothing waits anywhere, :func:`screening_done`."""
    done = screening_done(project, person) if nothing_waits(work) else ""
    return next_steps(work, here, screens(project, person), done, person)


def where_next(project: Project, person: str, here: str, first: str = "") -> str:
    """:func:`steps_from` for ``person`` leaving ``here`` (a stage, or 'dedup review': then every
    stage counts), read now; "" when no record has entered screening, or when the
    database is busy: what was done is saved, and ``reviewkit status`` tells where work waits.
    ``first``: a stage named before the others, which keep the protocol's order (the stage a
    screen was quit at partway, whose command goes on where the person stopped)."""
    try:
        work = sorted(work_left(project, person), key=lambda w: w.stage != first)
        return steps_from(project, work, person, here)
    except DatabaseBusy:
        return ""


def then_line(project: Project, person: str, here: str, first: str = "") -> str:
    """'; next: full-text: 15 records wait for you (reviewkit screen --reviewer anna --stage
    full-text)', or "" (:func:`where_next`, ``first`` named first): the end of the line a
    screen's command prints once it closes, which takes the message line's words off the
    terminal."""
    steps = where_next(project, person, here, first)
    return f"; next: {steps}" if steps else ""
