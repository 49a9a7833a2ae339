"""A review's versions in the update tests: the RIS of a trial, of another study and of the
trial's follow-up report, imported through the CLI; stored search runs, every reviewer's
decisions, a version reported (``versioned_update``); the PRISMA CSV's counts and boxes."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit import screening
from reviewkit.cli import main
from reviewkit.dedup.engine import run_dedup
from reviewkit.records import Record
from reviewkit.reports import prisma
from reviewkit.store import records as record_rows
from reviewkit.store import searches as search_rows

TRIAL_RIS = (
    "TY  - JOUR\nTI  - Individual placement and support for depression\n"
    "AU  - Hellström, Lone\nPY  - 2017\nJO  - Occup Environ Med\nER  - \n"
)
OTHER_RIS = (
    "TY  - JOUR\nTI  - Dialogue meetings with the employer for back pain\n"
    "AU  - Aas, Randi\nPY  - 2020\nJO  - J Occup Rehabil\nER  - \n"
)
FOLLOW_UP_RIS = (
    "TY  - JOUR\nTI  - Two-year follow-up of individual placement and support\n"
    "AU  - Hellström, Lone\nPY  - 2019\nJO  - Occup Environ Med\nER  - \n"
)


def import_ris(project, tmp_path: Path, name: str, text: str, source: str) -> list[int]:
    """Import ``text`` (RIS) from ``source`` through the CLI; the ids it stored."""
    from reviewkit.store import records as record_rows

    before = set(record_rows.ids_after(project.db, 0))
    path = tmp_path / f"{name}.ris"
    path.write_text(text, encoding="utf-8")
    argv = ["import", str(path), "--source", source, "--project", str(project.folder)]
    assert main(argv) == 0
    return sorted(set(record_rows.ids_after(project.db, 0)) - before)


def prisma_counts(project, out: Path) -> dict[tuple[str, str], int]:
    """(section, item) -> count of the PRISMA CSV that `reviewkit prisma` writes into ``out``."""
    assert main(["prisma", "--project", str(project.folder), "--out", str(out)]) == 0
    with (out / "prisma.csv").open(encoding="utf-8") as f:
        return {(r["Section"], r["Item"]): int(r["Count"]) for r in csv.DictReader(f)}


def search_run(project, n: int, first: int = 0) -> None:
    """A complete PubMed run of search a1 that stored ``n`` records, PMIDs 500+first on."""
    db = project.db
    run = search_rows.start_run(
        db,
        search_name="a1",
        database="PubMed",
        interface="E-utilities",
        query="q",
        full_query="q",
        limits={},
    )
    recs = [
        Record(title=f"Searched study {i}", pmid=str(500 + i), year=2020)
        for i in range(first, first + n)
    ]
    with db.transaction():
        record_rows.add_records(db, recs, search_run_id=run)
    search_rows.set_result(
        db, run, count=n, translation="q", pmids=[r.pmid for r in recs], slices=1
    )
    search_rows.finish_run(db, run, status="complete")


def decide_by_all(project, pmid: str, stage: str, label: str = "include") -> None:
    """Every reviewer's ``label`` at ``stage`` for the first record of ``pmid``."""
    proto, db = project.protocol, project.db
    (rid, *_) = sorted(record_rows.ids_by_pmid(db, [pmid])[pmid])
    for r in proto.reviewers:
        reason = "" if label == "include" else proto.stages[stage].exclusion_reasons[0].code
        screening.decide(db, rid, stage, r, label, reason, protocol=proto)


def run_report(project, tmp_path, *args) -> int:
    """`reviewkit report` into the folder exports of ``tmp_path`` with ``args``; its exit code."""
    out = tmp_path / "exports"
    return main(["report", "--project", str(project.folder), "--out", str(out), *args])


def box_texts(c) -> str:
    """The PRISMA diagram's box texts of counts ``c``, one per line, spaces folded."""
    boxes, _ = prisma.layout(c)
    return "\n".join(" ".join(b.text.split()) for b in boxes)


def versioned_update(project, tmp_path) -> None:
    """Version v1 (500 included, 501 still at full text, 502 excluded, 503 unscreened), then
    three new records and a rerun's record of 500 again; 504 included, 505 excluded at full
    text, 506 excluded at title/abstract; 501 included after the version."""
    search_run(project, 4)
    decide_by_all(project, "500", "title-abstract")
    decide_by_all(project, "500", "full-text")
    decide_by_all(project, "501", "title-abstract")
    decide_by_all(project, "502", "title-abstract", "exclude")
    assert run_report(project, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    decide_by_all(project, "501", "full-text")
    search_run(project, 3, first=4)
    search_run(project, 1)  # PMID 500 again: a duplicate of a record of the version
    run_dedup(project.db)
    for pmid in ("504", "505"):
        decide_by_all(project, pmid, "title-abstract")
    decide_by_all(project, "504", "full-text")
    decide_by_all(project, "505", "full-text", "exclude")
    decide_by_all(project, "506", "title-abstract", "exclude")
