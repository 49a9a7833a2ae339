"""The notices about a project's records are found once and kept (migration 096): finding them
reads every title (about 5 CPU seconds on 50,000 records), and `status` and the screening
screen's first record asked for them on every call. Kept after an import and a dedup run; found
again once records are added by any other way, or the rules change."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.dedup import concerns_kept as concerns_mod
from reviewkit.dedup.concerns import concerns_of
from reviewkit.dedup.concerns_kept import project_concerns
from reviewkit.dedup.engine import run_dedup
from reviewkit.records import Record
from reviewkit.store.records import add_import, add_records, iter_records

ARTICLE = "Graded activity and sick leave in workers with low back pain: a randomised trial"
LATER = "Case management for workers on sick leave with depression: a cluster trial"


def _ris(path: Path, *titles: str) -> Path:
    path.write_text(
        "".join(f"TY  - JOUR\nTI  - {t}\nPY  - 2020\nER  - \n\n" for t in titles),
        encoding="utf-8",
    )
    return path


def _ids(project) -> dict[str, int]:
    return {r.title: i for i, r in iter_records(project.db)}


def _rules_not_run(monkeypatch) -> None:
    def refused(*_args):
        raise AssertionError("the notices were found again, not read as kept")

    monkeypatch.setattr(concerns_mod, "concerns_and_targets", refused)


def test_kept_after_import_and_read_without_the_rules(project_b, tmp_path, monkeypatch) -> None:
    ris = _ris(tmp_path / "a.ris", ARTICLE, f"Retraction: {ARTICLE}", LATER)
    assert main(["import", str(ris), "--project", str(project_b.folder)]) == 0
    ids = _ids(project_b)
    _rules_not_run(monkeypatch)
    found = project_concerns(project_b.db)
    assert [c.line() for c in concerns_of(found, [ids[ARTICLE]])] == [
        f"Retracted (record {ids[f'Retraction: {ARTICLE}']}, by its title)"
    ]
    assert ids[LATER] not in found


def test_found_again_when_records_are_added(project_b, tmp_path) -> None:
    """A notice added after the notices were kept (here by a search run's writer, which keeps
    nothing itself) is found: what was kept is for the records as they were."""
    ris = _ris(tmp_path / "a.ris", ARTICLE)
    assert main(["import", str(ris), "--project", str(project_b.folder)]) == 0
    article = _ids(project_b)[ARTICLE]
    assert project_concerns(project_b.db) == {}
    with project_b.db.transaction():
        made = add_import(project_b.db, source="x", path="x.ris", fmt="ris", sha256="x")
        add_records(project_b.db, [Record(title=f"Erratum to: {ARTICLE}")], import_id=made)
    notice = _ids(project_b)[f"Erratum to: {ARTICLE}"]
    assert [c.notice for c in project_concerns(project_b.db)[article]] == [notice]
    # a dedup run keeps them again, with the new notice
    run_dedup(project_b.db)
    assert [c.notice for c in project_concerns(project_b.db)[article]] == [notice]


def test_found_again_when_the_rules_change(project_b, tmp_path, monkeypatch) -> None:
    ris = _ris(tmp_path / "a.ris", ARTICLE, f"Retraction: {ARTICLE}")
    assert main(["import", str(ris), "--project", str(project_b.folder)]) == 0
    monkeypatch.setattr(concerns_mod, "rules_fingerprint", lambda: "other rules")
    _rules_not_run(monkeypatch)
    with pytest.raises(AssertionError, match="found again"):
        project_concerns(project_b.db)
