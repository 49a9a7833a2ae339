"""Fixtures for the classification, extraction and report tests: hand-made protocols and studies."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify, screening
from reviewkit import protocol as protocol_mod
from reviewkit.project import Project, init_project
from reviewkit.records import AbstractSection, Record
from reviewkit.reports import prisma
from reviewkit.store import records as record_rows

TEST_PROTOCOL = """
[review]
id = "test-review"
title = "Test review"
question = "Does it work?"
reviewers = ["ann", "bob"]

[stages.title-abstract]
reviewers_per_record = 1
exclusion_reasons = [{ code = "wrong-population", label = "Wrong population" }]

[schemes.topic]
name = "Topic"
none_label = "other"
threshold = 1.0

[[schemes.topic.labels]]
id = "mental"
name = "Mental"
terms = ["depress*", "common mental disorder*"]
terms_no = ["psykiske lidelser", "sykefravær"]
negative_terms = [{ term = "schizophreni*", weight = 3.0 }]

[[schemes.topic.labels]]
id = "msk"
name = "Musculoskeletal"
terms = ["back pain", { term = "musculoskeletal", weight = 2.0 }]
terms_no = ["muskel- og skjelettlidelser"]

[schemes.setting]
name = "Setting"
multi_label = true
threshold = 1.0

[[schemes.setting.labels]]
id = "workplace"
name = "Workplace"
terms = ["employer*", "workplace"]

[[schemes.setting.labels]]
id = "primary-care"
name = "Primary care"
terms = ["general practition*", "primary care"]
terms_no = ["fastlege"]
"""


@pytest.fixture
def test_protocol(tmp_path: Path) -> protocol_mod.Protocol:
    path = tmp_path / "test-protocol.toml"
    path.write_text(TEST_PROTOCOL, encoding="utf-8")
    return protocol_mod.load(path)


def _rec(title: str = "", abstract: str = "", label: str = "", **kw) -> Record:
    sections = [AbstractSection(label, abstract)] if abstract else []
    return Record(title=title, abstract_sections=sections, **kw)


@pytest.fixture
def make_record():
    """make_record(title, abstract, label, **fields) -> Record with one abstract section."""
    return _rec


def _b_records() -> list[Record]:
    return [
        Record(
            title="Individual placement and support for sick-listed people with depression",
            abstract_sections=[
                AbstractSection("OBJECTIVE", "To test IPS for common mental disorders."),
                AbstractSection(
                    "METHODS",
                    "A randomised trial in Copenhagen."
                    " An employment specialist joined the mental health team.",
                ),
                AbstractSection("RESULTS", "More participants returned to work."),
                AbstractSection("CONCLUSIONS", "IPS helps people with depression."),
            ],
            authors=["Hellström, Lone", "Madsen, Trine", "Nordentoft, Merete"],
            year=2017,
            journal="Occup Environ Med",
            volume="74",
            issue="10",
            pages="717-25",
            doi="10.1136/oemed-2016-104248",
            pmid="28546320",
            affiliations=["Mental Health Centre Copenhagen, Denmark."],
            publication_types=["Journal Article", "Randomized Controlled Trial"],
        ),
        Record(
            title="Convergence dialogue meetings with the employer for workers with back pain",
            abstract_sections=[
                AbstractSection(
                    "",
                    "Dialogue meetings at the workplace for musculoskeletal pain. "
                    "We conclude that the meetings shortened sick leave.",
                )
            ],
            authors=["Aas, Randi W", "Ellingsen, Kjersti"],
            year=2020,
            journal="J Occup Rehabil",
            doi="10.1007/s10926-020-09999-1",
            affiliations=["Oslo Metropolitan University, Oslo, Norway"],
        ),
        Record(
            title="A return-to-work coordinator for sick-listed workers with anxiety",
            abstract_sections=[
                AbstractSection("", "A coordinator supported stress and anxiety patients.")
            ],
            authors=["Doe, Jane"],
            year=2015,
            journal="BMC Public Health",
            affiliations=["Karolinska Institutet, Stockholm, Sweden", "University of Leeds, UK"],
        ),
    ]


def _include_all(project: Project, ids: list[int]) -> None:
    for stage in screening.stage_names(project.protocol):
        for rid in ids:
            for reviewer in project.protocol.reviewers:
                screening.decide(
                    project.db, rid, stage, reviewer, "include", protocol=project.protocol
                )


@pytest.fixture
def include_all():
    """include_all(project, ids): every reviewer includes every study at every stage."""
    return _include_all


@pytest.fixture
def b_included(project_b: Project) -> tuple[Project, list[int]]:
    """Review B's project with three hand-made studies, all included after both stages."""
    ids = store_records(project_b, _b_records(), "snowballing")
    _include_all(project_b, ids)
    return project_b, ids


IPS_TITLE = "Individual placement and support for sick-listed people with depression"


def trial_reports(other_title: str) -> list[Record]:
    """A trial's main paper (names its model), its follow-up (names nothing), and another
    study titled ``other_title``."""
    return [
        Record(
            title=IPS_TITLE,
            abstract_sections=[AbstractSection("", "An employment specialist joined treatment.")],
            year=2017,
        ),
        Record(
            title="Two-year follow-up of a randomised trial for sick-listed people",
            abstract_sections=[AbstractSection("", "Effects on work remained after two years.")],
            year=2019,
        ),
        Record(title=other_title, year=2020),
    ]


def store_records(project: Project, records: list[Record], source: str) -> list[int]:
    """Store records as one import batch; returns their ids."""
    db = project.db
    with db.transaction():
        import_id = record_rows.add_import(
            db,
            source=source,
            path=f"<{source}>",
            fmt="test",
            sha256=f"{source}-{len(records)}-{id(records)}",
        )
        for i, r in enumerate(records, start=1):
            r.source, r.origin, r.position = source, f"<{source}>", i
        ids = record_rows.add_records(db, records, import_id=import_id)
        record_rows.finish_import(db, import_id, len(ids))
    return ids


@pytest.fixture
def store():
    """store(project, records, source) -> ids."""
    return store_records


# the tests' protocol with a report: one table per topic (a one-label scheme), and the evidence
# map topic x setting (a multi-label scheme: a study may be in two of its columns)
REPORT_PROTOCOL = TEST_PROTOCOL.replace(
    "[stages.title-abstract]",
    '[report]\nscheme = "topic"\ncolumns = ["study"]\n\n[stages.title-abstract]',
)


@pytest.fixture
def tied(tmp_path: Path) -> tuple[Project, list[int]]:
    """Three included studies: a tie between Mental and Musculoskeletal (one term each, in the
    title), one mental, one musculoskeletal in two settings."""
    path = tmp_path / "protocol.toml"
    path.write_text(REPORT_PROTOCOL, encoding="utf-8")
    project = init_project(tmp_path / "project", path)
    records = [
        Record(title="Depression and back pain at work", year=2021, authors=["Petit, A"]),
        Record(title="Depression after a workplace injury", year=2020, authors=["Doe, J"]),
        Record(
            title="Back pain: the employer and primary care together",
            year=2019,
            authors=["Roe, R"],
        ),
    ]
    ids = store_records(project, records, "PubMed")
    for rid in ids:
        screening.decide(
            project.db, rid, "title-abstract", "ann", "include", protocol=project.protocol
        )
    classify.classify_project(project, ids)
    yield project, ids
    project.close()


NCT = "Trial registration: ClinicalTrials.gov NCT01234567."


def ips_report(title: str, year: int, journal: str, text: str) -> Record:
    """A report of the IPS trial, its NCT number in the abstract."""
    return Record(
        title=title,
        abstract_sections=[AbstractSection("", text), AbstractSection("TRIAL REGISTRATION", NCT)],
        authors=["Hellström, Lone", "Madsen, Trine"],
        year=year,
        journal=journal,
        affiliations=["Mental Health Centre Copenhagen, Denmark."],
    )


def ips_trial_reports() -> list[Record]:
    """A trial's protocol paper, main paper and follow-up (one NCT number), and another study."""
    return [
        ips_report(
            "Individual placement and support for people with depression: a trial protocol",
            2013,
            "BMC Psychiatry",
            "We describe the protocol of a randomised trial of IPS for depression.",
        ),
        ips_report(
            "Individual placement and support for sick-listed people with depression",
            2017,
            "Occup Environ Med",
            "IPS for common mental disorders: more participants returned to work.",
        ),
        ips_report(
            "Two-year follow-up of individual placement and support for depression",
            2019,
            "Scand J Work Environ Health",
            "At two years the effect of IPS for depression on work remained.",
        ),
        Record(
            title="Convergence dialogue meetings with the employer for workers with back pain",
            abstract_sections=[AbstractSection("", "Meetings at the workplace for back pain.")],
            authors=["Aas, Randi W", "Ellingsen, Kjersti"],
            year=2020,
            journal="J Occup Rehabil",
        ),
    ]


def screen_four(project, ids, labels: dict[str, str]) -> None:
    """Each reviewer's title-abstract votes on ``ids``: 'i' include, 'e' exclude."""
    for reviewer, marks in labels.items():
        for rid, mark in zip(ids, marks, strict=True):
            label, reason = ("include", "") if mark == "i" else ("exclude", "no-collaboration")
            screening.decide(
                project.db,
                rid,
                "title-abstract",
                reviewer,
                label,
                reason,
                protocol=project.protocol,
            )


def review_a_counts(**changes) -> prisma.PrismaCounts:
    """Review A's flow as reported (194 → 19 + 8 duplicates → 175 screened → 67 included)."""
    c = prisma.PrismaCounts(
        databases={"PubMed": 194},
        searches={f"a{i}": n for i, n in enumerate([40, 30, 25, 30, 20, 25, 12, 12], 1)},
        duplicates_automatic=19,
        flow=prisma.Flow(
            duplicates=27,
            screened=167,
            excluded_screening={"wrong-outcome": 30, "wrong-question": 25},
            awaiting_screening=0,
            sought=112,
            not_retrieved=2,
            assessed=110,
            excluded_full_text={"wrong-population": 43},
            included=67,
        ),
    )
    for k, v in changes.items():
        setattr(c.flow if hasattr(c.flow, k) else c, k, v)
    return c
