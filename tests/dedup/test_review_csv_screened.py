"""``dedup review --read-csv``: a sheet whose 'same' rows merge screened records shows what
changes in screening first and asks, as ``dedup split`` and the review screen do (issue 14,
item 4: merges never rewrite screening silently)."""

from __future__ import annotations

import io

from dedup.review_setup import fill_verdicts, six_records

from reviewkit.cli import main
from reviewkit.dedup.effects import open_conflicts
from reviewkit.store import duplicates as links


def _filled(project, tmp_path, said: dict[tuple[int, int], str]):
    sheet = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--project", str(project.folder), "--csv", str(sheet)]) == 0
    return fill_verdicts(sheet, said)


def test_a_sheet_merging_screened_records_shows_the_change_and_asks(
    project_b, tmp_path, capsys, monkeypatch
):
    r1, _r2, r3, r4, r5, *_rest = six_records(project_b)  # r1 included, r3 excluded
    sheet = _filled(project_b, tmp_path, {(r1, r3): "same"})
    args = ["dedup", "review", "--project", str(project_b.folder), "--reviewer", "lead"]
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main([*args, "--read-csv", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert f"the 'same' rows of {sheet} change screening:" in out
    assert "title-abstract: decisions disagree" in out and "nothing written" in out
    assert links.links_by(project_b.db, "person:lead") == []
    assert main([*args, "--read-csv", str(sheet), "--yes"]) == 0
    assert "1 verdict written" in capsys.readouterr().out
    assert [c.stage for c in open_conflicts(project_b)] == ["title-abstract"]


def test_a_sheet_merging_unscreened_records_is_read_at_once(project_b, tmp_path, capsys):
    _r1, _r2, _r3, r4, r5, *_rest = six_records(project_b)
    sheet = _filled(project_b, tmp_path, {(r4, r5): "same"})
    capsys.readouterr()
    args = ["dedup", "review", "--project", str(project_b.folder), "--reviewer", "lead"]
    assert main([*args, "--read-csv", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "change screening" not in out and "1 verdict written" in out
