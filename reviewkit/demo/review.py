"""The demo review, built stage by stage through the same functions the commands call.

searches (local E-utilities server) -> a second source imported from RIS -> dedup -> two
simulated reviewers at title/abstract -> the simulated lead resolves conflicts -> full text,
the same again -> classification suggestions, a share confirmed -> extraction prefilled.
Every vote goes through :class:`reviewkit.screening.ReviewerQueue`, as a key in
``reviewkit screen`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewkit import extract, screening
from reviewkit.classify import classify_project, confirm, none_id
from reviewkit.dedup.engine import DedupResult, run_dedup
from reviewkit.demo.reviewers import LEAD, REVIEWERS, DemoRule, Vote, reviewer_vote, unit
from reviewkit.demo.source import SOURCE_NAME, write_source
from reviewkit.importer import import_files
from reviewkit.project import Project
from reviewkit.pubmed.client import PubMedClient
from reviewkit.records import Record
from reviewkit.searches import RunReport, run_searches

HELD_FOR_YOU = 10  # title/abstract studies left for the person trying the demo (reviewer `you`)
OPEN_FOR_YOU = 3  # full-text conflicts the simulated lead leaves for `reviewkit conflicts`
CONFIRM_SHARE = 0.6  # share of the clear suggestions the simulated lead confirms


@dataclass
class StageResult:
    stage: str
    votes: int
    conflicts: int
    resolved: int


@dataclass
class BuildResult:
    """What the build did, for the summary."""

    searches: list[RunReport] = field(default_factory=list)
    source_file: Path | None = None
    source_overlap: int = 0
    source_new: int = 0
    imported: int = 0
    dedup: DedupResult | None = None
    stages: list[StageResult] = field(default_factory=list)
    included: list[int] = field(default_factory=list)
    suggestions: int = 0
    confirmed: int = 0
    prefilled: int = 0


def add_sources(project: Project, client: PubMedClient, seed: int, result: BuildResult) -> None:
    """Run the stored searches, write and import the second source, deduplicate."""
    result.searches = run_searches(project, None, client)
    found = {p for r in result.searches for p in r.new}
    path, overlap, new = write_source(client, found, project.folder / "sources", seed)
    result.source_file, result.source_overlap, result.source_new = path, overlap, new
    summaries = import_files(project.db, [path], source=SOURCE_NAME)
    result.imported = sum(s.records for s in summaries)
    result.dedup = run_dedup(project.db)


def screen_stage(
    project: Project,
    stage: str,
    seed: int,
    rule: DemoRule,
    records: dict[int, Record],
    held: set[int],
) -> int:
    """Both simulated reviewers vote on every study of the stage they still owe; returns votes.

    Each vote is a :meth:`ReviewerQueue.decide`, the call a key press makes in the screen.
    """
    votes = 0
    rules: dict[int, tuple[Vote, bool]] = {}
    for reviewer in REVIEWERS:
        queue = screening.ReviewerQueue(project, stage, reviewer, seed=seed)
        for study in queue.studies:
            if study in queue.votes or (reviewer == REVIEWERS[0] and study in held):
                continue
            if study not in records:
                records[study] = queue.record(study)
            if study not in rules:
                rules[study] = rule.vote(study, records[study], stage)
            vote = reviewer_vote(rules[study], stage, reviewer, study, seed)
            queue.decide(study, vote.label, vote.reason)
            votes += 1
    return votes


def resolve_stage(
    project: Project, stage: str, rule: DemoRule, records: dict[int, Record], leave_open: int
) -> tuple[int, int]:
    """The simulated lead settles the open conflicts with the rule's vote; returns (open, resolved)."""
    views = screening.conflicts(project, stage, LEAD, include_resolved=False)
    todo = views[: max(len(views) - leave_open, 0)]
    for view in todo:
        vote, _ = rule.vote(view.study_id, records[view.study_id], stage)
        screening.resolve(
            project,
            view.study_id,
            stage,
            LEAD,
            vote.label,
            vote.reason,
            note="simulated lead: the demo rule's vote",
        )
    return len(views), len(todo)


def held_for_you(project: Project, seed: int) -> set[int]:
    """Title/abstract studies demo-reviewer-1 leaves to the reviewer `you` (seeded choice)."""
    studies = screening.stage_outcomes(project, "title-abstract")
    return set(sorted(studies, key=lambda s: unit(seed, "you", s))[:HELD_FOR_YOU])


def screen_all(project: Project, seed: int, result: BuildResult) -> None:
    """Both stages: vote, then resolve (leaving a few full-text conflicts open)."""
    rule = DemoRule(project.protocol)  # one per run: each study is scored once
    records: dict[int, Record] = {}
    held = held_for_you(project, seed)
    for stage in screening.stage_names(project.protocol):
        votes = screen_stage(
            project, stage, seed, rule, records, held if stage == "title-abstract" else set()
        )
        leave = OPEN_FOR_YOU if stage == "full-text" else 0
        conflicts, resolved = resolve_stage(project, stage, rule, records, leave)
        result.stages.append(StageResult(stage, votes, conflicts, resolved))
    result.included = screening.included(project)


def classify_and_extract(project: Project, seed: int, result: BuildResult) -> None:
    """Suggestions for every scheme; the lead confirms a seeded share of the clear ones."""
    ids = result.included
    suggested = classify_project(project, ids)
    result.suggestions = len(suggested.rules)
    for (rid, scheme_id), suggestions in sorted(suggested.rules.items()):
        scheme = project.protocol.scheme(scheme_id)
        clear = len(suggestions) == 1 and suggestions[0].label != none_id(scheme)
        if clear and unit(seed, "confirm", scheme_id, rid) < CONFIRM_SHARE:
            confirm(project, rid, scheme_id, [suggestions[0].label], LEAD)
            result.confirmed += 1
    result.prefilled = extract.prefill(project, ids).written  # a new project: none withdrawn


def build(
    project: Project, client: PubMedClient, seed: int, step: Callable[[str], None]
) -> BuildResult:
    """Every stage of the demo review; ``step`` is told the name of each before it starts."""
    result = BuildResult()
    step("searches, second source, dedup")
    add_sources(project, client, seed, result)
    step("screening by simulated reviewers")
    screen_all(project, seed, result)
    step("classification and extraction")
    classify_and_extract(project, seed, result)
    return result
