"""PRISMA 2020's update diagram ("studies included in previous version of review") comes only
after the team recorded a version (`reviewkit report --new-version NAME`), with the counts
recorded then. It was chosen by a guess (some inclusion at the last stage before a rerun), which
drew it for a search rerun partway through full-text screening."""

from __future__ import annotations

from reports.update_versions import box_texts, decide_by_all, run_report, search_run

from reviewkit.cli import main
from reviewkit.reports import prisma


def test_update_diagram_only_after_a_recorded_version(project_b, tmp_path, capsys):
    search_run(project_b, 4)
    decide_by_all(project_b, "500", "title-abstract")
    decide_by_all(project_b, "500", "full-text")  # one study included...
    decide_by_all(project_b, "501", "title-abstract")  # ...another still in full-text screening
    search_run(project_b, 3, first=4)  # a rerun partway through full text: the same review
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == [] and c.update is False
    assert "previous version" not in box_texts(c)

    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2021 review") == 0
    out, err = capsys.readouterr()
    assert "recorded version '2021 review': 1 study included (1 report)" in out
    # recorded with screening open: the lead is told what the update diagram will leave out
    assert (
        "warning: screening was not finished when '2021 review' was recorded (5 awaiting a"
        " title-abstract decision; 1 awaiting a full-text decision)"
    ) in err
    c = prisma.collect_counts(project_b)  # the version itself: nothing new since
    assert c.update is False

    decide_by_all(project_b, "501", "full-text")  # screening goes on after the version...
    search_run(project_b, 2, first=7)  # ...and a rerun finds two records
    decide_by_all(project_b, "507", "title-abstract")
    decide_by_all(project_b, "507", "full-text")
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == [] and c.update is True and c.version == "2021 review"
    # previous: as recorded (1); new: the update's records included (507); 501, a record of
    # the version screened since, is in the total only
    got = (c.new_records, c.previous_included, c.still_included, c.since_included, c.flow.included)
    assert got == (2, 1, 1, 1, 1) and c.included == 3
    texts = box_texts(c)
    assert "Studies included in previous version of review (n = 1)" in texts
    assert "Records identified since version 2021 review from:" in texts
    assert "still included" not in texts
    assert ("included", "studies included in previous version", 1) in c.rows()


def test_previous_counts_stay_those_recorded(project_b, tmp_path, capsys):
    search_run(project_b, 3)
    for pmid in ("500", "501"):
        decide_by_all(project_b, pmid, "title-abstract")
        decide_by_all(project_b, pmid, "full-text")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    search_run(project_b, 1, first=3)
    decide_by_all(project_b, "501", "full-text", "exclude")  # a study of v1 excluded since
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == []
    assert (c.previous_included, c.still_included, c.flow.included, c.included) == (2, 1, 0, 1)
    assert "of these studies still included (n = 1)" in box_texts(c)


def test_a_version_name_in_use_is_refused_before_any_file(project_b, tmp_path, capsys):
    search_run(project_b, 2)
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    capsys.readouterr()
    again = tmp_path / "again"
    code = main(
        ["report", "--project", str(project_b.folder), "--out", str(again)]
        + ["--format", "csv", "--new-version", " V1 "]
    )
    err = capsys.readouterr().err
    assert code == 2 and "a version named 'v1' was recorded already" in err
    assert "Traceback" not in err and not again.exists()


def test_status_lists_the_recorded_versions(project_b, tmp_path, capsys):
    """A version turns on the update diagram of every later report: `status` says which were
    recorded (they were listed nowhere)."""
    search_run(project_b, 3)
    decide_by_all(project_b, "500", "title-abstract")
    decide_by_all(project_b, "500", "full-text")
    folder = str(project_b.folder)
    assert main(["status", "--project", folder]) == 0
    assert "review version" not in capsys.readouterr().out
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2021 review") == 0
    capsys.readouterr()
    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "review version '2021 review' recorded 20" in out and "1 study included" in out


def test_report_new_version_checks_its_name_once(project_b, tmp_path, monkeypatch):
    """`report --new-version` checked the name before writing any file and again when it
    recorded the version: the second check read the versions again for nothing."""
    from reviewkit.reports import versions

    calls: list[str] = []
    check = versions.check_name

    def counted(project, name):
        calls.append(name)
        return check(project, name)

    monkeypatch.setattr(versions, "check_name", counted)
    search_run(project_b, 1)
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", " v1 ") == 0
    assert calls == [" v1 "]
    assert versions.latest(project_b).name == "v1"  # stripped by that one check


def test_a_version_of_a_finished_screening_gives_no_warning(project_b, tmp_path, capsys):
    search_run(project_b, 2)
    decide_by_all(project_b, "500", "title-abstract")
    decide_by_all(project_b, "500", "full-text")
    decide_by_all(project_b, "501", "title-abstract", "exclude")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    out, err = capsys.readouterr()
    assert "recorded version 'v1'" in out and "warning" not in err


def test_the_second_versions_own_update_diagram_is_drawn_again_after_it(
    project_b, tmp_path, capsys
):
    """A team published its update (`report --new-version '2022 update'`, the update diagram
    against '2021 review') and drew the figure again for the journal: `prisma` drew the whole
    review's ordinary diagram, as if never updated, since nothing was stored after the newest
    version. Until records come after it, the diagram is that version's own update diagram."""
    search_run(project_b, 2)
    decide_by_all(project_b, "500", "title-abstract")
    decide_by_all(project_b, "500", "full-text")
    decide_by_all(project_b, "501", "title-abstract", "exclude")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2021 review") == 0
    search_run(project_b, 2, first=2)
    decide_by_all(project_b, "502", "title-abstract")
    decide_by_all(project_b, "502", "full-text")
    decide_by_all(project_b, "503", "title-abstract", "exclude")
    published = prisma.collect_counts(project_b)
    assert published.update and published.version == "2021 review"
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2022 update") == 0
    capsys.readouterr()
    again = prisma.collect_counts(project_b)
    assert again.update and again.version == "2021 review"
    assert again.rows() == published.rows()
    out = tmp_path / "again"
    assert main(["prisma", "--project", str(project_b.folder), "--out", str(out)]) == 0
    assert "included,studies included in previous version,1" in (out / "prisma.csv").read_text()

    search_run(project_b, 1, first=4)  # a year later: the next update counts from 2022's
    c = prisma.collect_counts(project_b)
    assert c.version == "2022 update" and c.new_records == 1 and c.previous_included == 2


def test_the_search_log_marks_the_runs_of_an_update(project_b, tmp_path, capsys):
    """PRISMA-S asks for each search as run, with its date: in the log of an updated review the
    update's runs stood among last year's with nothing to tell them apart but a timestamp."""
    search_run(project_b, 2)
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2021 review") == 0
    search_run(project_b, 1, first=2)
    log = tmp_path / "log.md"
    assert main(["search", "log", "--project", str(project_b.folder), "--out", str(log)]) == 0
    first, second = log.read_text(encoding="utf-8").split("    run ")[1:]
    assert "in the update after" not in first
    assert "      in the update after: version '2021 review' (recorded 20" in second


def test_a_version_recorded_again_with_no_record_since_keeps_the_update_diagram(
    project_b, tmp_path, capsys
):
    """'2022 update' is recorded against '2021 review', then recorded once more as '2022
    final' once its full text is screened, with no record stored between: the figure drawn
    after it is still the update's against '2021 review' (it fell back to the whole review's
    ordinary diagram, as if never updated, for it looked two versions back only)."""
    search_run(project_b, 2)
    decide_by_all(project_b, "500", "title-abstract")
    decide_by_all(project_b, "500", "full-text")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2021 review") == 0
    search_run(project_b, 2, first=2)
    decide_by_all(project_b, "502", "title-abstract")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2022 update") == 0
    decide_by_all(project_b, "502", "full-text")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "2022 final") == 0
    capsys.readouterr()
    c = prisma.collect_counts(project_b)
    assert c.update and c.version == "2021 review" and c.new_records == 2
    assert prisma.check(c) == [] and c.flow.included == 1
