"""What the README says its commands print and write, on small projects: the protocol check's
summary, reports kept apart by --project, PRISMA's columns, the conflicts list, export and
status counting alike, the README's own protocol starting a project. (test_readme_runs.py
runs every example as written; these check what the text around them promises.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from core.readme_walk import FIXTURES, README, ROOT, code_block_lines

from reviewkit.cli import main


def test_protocol_check_lists_the_extraction_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """Section 6 sends a Review A user to `protocol check` for the field ids (aim,
    conclusions) that `extract set` takes in place of Review B's `country`."""
    assert main(["protocol", "check", str(ROOT / "protocols/rtw-systematic-reviews.toml")]) == 0
    assert "  extraction fields: aim, conclusions\n" in capsys.readouterr().out


def test_protocol_check_shows_what_tells_review_a_searches_apart(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review A's lead checks the protocol (section 1): its eight searches share one long
    common block and differ in the topic ANDed at the end, so each summary line keeps the
    end of the query (it showed the common block eight times), with the limits beside it."""
    assert main(["protocol", "check", str(ROOT / "protocols/rtw-systematic-reviews.toml")]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x.startswith("  search ")]
    assert len(lines) == 8
    assert lines[0].endswith('AND "mental health"') and len(lines[0].split(": ", 1)[1]) <= 100
    assert lines[5].endswith('"family practice" OR "primary care")')
    assert len({line.split(": ", 1)[1] for line in lines}) == 8


def test_two_projects_side_by_side_keep_their_reports_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A librarian in one project's folder writes the other's report with --project: it lands
    in that project's exports/, not over the report of the folder they stand in."""
    protocol = ROOT / "protocols" / "work-health-collaboration.toml"
    for name in ("review-a", "review-b"):
        assert main(["init", str(tmp_path / name), "--protocol", str(protocol)]) == 0
        assert (
            main(["import", str(FIXTURES / "sample.ris"), "--project", str(tmp_path / name)]) == 0
        )
    monkeypatch.chdir(tmp_path / "review-a")
    monkeypatch.delenv("REVIEWKIT_PROJECT", raising=False)
    other = "../review-b"
    assert main(["report", "--format", "md", "--project", other]) == 0
    assert main(["prisma", "--project", other]) == 0
    argv = ["evidence-map", "--rows", "model-type", "--cols", "diagnosis", "--project", other]
    assert main(argv) == 0
    assert not (tmp_path / "review-a" / "exports").exists()
    written = tmp_path / "review-b" / "exports"
    assert (written / "report.md").is_file() and (written / "prisma.csv").is_file()
    assert (written / "evidence-map" / "evidence-map.csv").is_file()
    # in the project folder itself, as the README's walk-through does, nothing changes
    monkeypatch.chdir(tmp_path / "review-b")
    capsys.readouterr()
    assert main(["prisma"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "exports/prisma.csv",
        "exports/prisma.notes.txt",
    ]


def test_prisma_names_the_column_of_each_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With other methods, 'records screened' and 'studies included' come once per column
    and once in total: each block of numbers is printed under its section of prisma.csv."""
    protocol = ROOT / "protocols" / "rtw-systematic-reviews.toml"
    assert main(["init", str(tmp_path / "p"), "--protocol", str(protocol)]) == 0
    monkeypatch.chdir(tmp_path / "p")
    assert main(["import", str(FIXTURES / "sample.ris"), "--source", "Embase"]) == 0
    assert main(["import", str(FIXTURES / "google_scholar.bib"), "--source", "other sources"]) == 0
    capsys.readouterr()
    assert main(["prisma"]) == 0
    lines = capsys.readouterr().out.splitlines()
    headings = [line for line in lines if line.endswith(":")]
    assert headings == [
        "identification:",
        "screening:",
        "databases and registers:",
        "other methods:",
        "included:",
    ]
    screened = [i for i, line in enumerate(lines) if line.startswith("records screened")]
    column = lines.index("other methods:")
    assert any(i > column for i in screened) and any(i < column for i in screened)


def test_conflicts_list_marks_a_shortened_title(project_b, capsys) -> None:
    """`conflicts --list` prints a long title in 70 characters; its end is marked as cut, not
    left to look like the whole title ('… the return to work - A')."""
    from conftest import add_records

    from reviewkit import screening
    from reviewkit.records import Record

    title = (
        "Mental health: professional rehabilitation and the return to work - A systematic review"
    )
    (study,) = add_records(project_b, [Record(title=title, year=2021)])
    screening.decide(project_b.db, study, "title-abstract", "reviewer1", "include")
    screening.decide(project_b.db, study, "title-abstract", "reviewer2", "exclude", "long-term")
    assert main(["conflicts", "--list", "--project", str(project_b.folder)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("return to work - A…") and len(first.split("\t")[2]) == 70


def test_conflicts_opens_on_the_first_stage_with_open_conflicts(project_b, capsys) -> None:
    """The lead who resolved the title-abstract conflicts types `reviewkit conflicts --resolver
    lead` again (section 5) after full text: it opens on the full-text conflicts, not on the
    title-abstract stage with none left (which looked like nothing to do)."""
    from conftest import add_records

    from reviewkit import screening
    from reviewkit.records import Record

    done, open_ = add_records(
        project_b, [Record(title="IPS in Norway", year=2021), Record(title="IES", year=2020)]
    )
    for study in (done, open_):
        screening.decide(project_b.db, study, "title-abstract", "reviewer1", "include")
    screening.decide(project_b.db, done, "title-abstract", "reviewer2", "exclude", "long-term")
    screening.resolve(project_b, done, "title-abstract", "lead", "include", note="in scope")
    screening.decide(project_b.db, open_, "title-abstract", "reviewer2", "include")
    screening.decide(project_b.db, open_, "full-text", "reviewer1", "include")
    screening.decide(project_b.db, open_, "full-text", "reviewer2", "exclude", "long-term")
    argv = ["conflicts", "--list", "--resolver", "lead", "--project", str(project_b.folder)]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    # the heading on stdout, before the list (on stderr it came out of order when piped)
    assert out.splitlines()[:2] == [
        "full-text: the first stage with open conflicts (--stage names another)",
        f"{open_}\topen\tIES",
    ]
    assert err == ""
    # with nothing open anywhere, or a stage named, it is the stage asked for
    assert main([*argv, "--stage", "title-abstract"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"{done}\tresolved\tIPS in Norway"


def test_the_readme_protocol_is_valid_and_starts_a_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Section 1 shows a librarian the keys of a protocol of their own; written out as shown,
    it passes `protocol check` and `init` makes a project of it with its searches, stages and
    scheme (before it, `protocol check` said only 'add a [stages] table')."""
    (block,) = [
        b
        for b in re.findall(r"^```toml\n(.*?)^```", README, flags=re.DOTALL | re.MULTILINE)
        if "[review]" in b and "[[searches]]" in b  # the whole protocol, not a snippet
    ]
    protocol = tmp_path / "ips.toml"
    protocol.write_text(block, encoding="utf-8")
    assert main(["protocol", "check", str(protocol)]) == 0
    out, err = capsys.readouterr()
    assert "valid" in out and "warning" not in err
    assert "stage full-text: 2 reviewers per record, 3 exclusion reasons" in out
    assert main(["init", str(tmp_path / "ips"), "--protocol", str(protocol)]) == 0
    out = capsys.readouterr().out
    assert "2 stored searches, 1 classification scheme, stages: title-abstract, full-text" in out
    # and what to type next, in the new folder (it said nothing of it)
    assert f"next: cd {tmp_path / 'ips'}, then reviewkit search run --all (PubMed)" in out


def test_a_rerun_after_an_edited_query_says_so(
    tmp_path: Path,
    offline_pubmed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A librarian widens a search in protocol.toml (as section 1 allows) and runs it again:
    'since run 1: 14 new' would read as fourteen records PubMed added since; the line says the
    limits were edited, with their values before and after (the query as written is the same),
    and so do `search diff` and the search log."""
    (block,) = [
        b
        for b in re.findall(r"^```toml\n(.*?)^```", README, flags=re.DOTALL | re.MULTILINE)
        if "[review]" in b and "[[searches]]" in b  # the whole protocol, not a snippet
    ]
    protocol = tmp_path / "ips.toml"
    protocol.write_text(block, encoding="utf-8")
    assert main(["init", str(tmp_path / "ips"), "--protocol", str(protocol)]) == 0
    monkeypatch.chdir(tmp_path / "ips")
    monkeypatch.delenv("REVIEWKIT_PROJECT", raising=False)
    monkeypatch.setenv("REVIEWKIT_EUTILS_URL", offline_pubmed)
    run = ["search", "run", "s1-ips"]
    assert main(run) == 0 and main(run) == 0
    capsys.readouterr()
    copy = Path("protocol.toml")
    copy.write_text(copy.read_text().replace('"2010/01/01"', '"2015/01/01"'), encoding="utf-8")
    assert main(["status"]) == 0  # before the rerun: the search as stored is not as last run
    assert (
        "  edited since the last run: s1-ips: the limits (publication date from 2010/01/01 →"
        " 2015/01/01); the next 'reviewkit search run' runs it as edited"
    ) in capsys.readouterr().out
    assert main(run) == 0
    out = capsys.readouterr().out
    assert "since run 2: " in out
    edit = (
        "(the limits were edited between run 2 and run 3: publication date from 2010/01/01 →"
        " 2015/01/01; new and gone count the edit's too, not only what PubMed added or removed)"
    )
    assert edit in out  # the query as written is as it was: the limits are named, not the query
    assert main(["search", "diff", "s1-ips"]) == 0
    assert edit in capsys.readouterr().out
    assert main(["search", "log", "--out", "log.md"]) == 0
    log = Path("log.md").read_text(encoding="utf-8")
    assert "  limits edited:       publication date from 2010/01/01 → 2015/01/01\n" in log
    assert "query edited:" not in log
    assert main(["status"]) == 0
    assert "edited since the last run" not in capsys.readouterr().out  # run as edited now
    assert main(["search", "diff", "s1-ips", "1", "2"]) == 0  # the same query twice
    assert "edited" not in capsys.readouterr().out


def test_export_counts_reports_and_studies_as_status_does(project_b, capsys) -> None:
    """Two reports a person linked as one study are two references in the export (section 7:
    the exports stay per record), and the message says so beside the study count that
    `status` gives, not '2 included studies' for one study."""
    from conftest import add_records

    from reviewkit import screening
    from reviewkit.records import Record

    titles = ["Dialogue meetings at work: a trial protocol", "Dialogue meetings at work: a trial"]
    studies = add_records(project_b, [Record(title=t, year=2020) for t in titles])
    for study in studies:
        for stage in ("title-abstract", "full-text"):
            for reviewer in ("reviewer1", "reviewer2"):
                screening.decide(project_b.db, study, stage, reviewer, "include")
    folder = str(project_b.folder)
    out = str(project_b.folder / "included.ris")
    argv = ["export", "--included", "--format", "ris", "--out", out, "--project", folder]
    assert main(argv) == 0
    assert "2 included studies written to" in capsys.readouterr().err
    link = ["dedup", "study-link", *map(str, studies), "--same", "--reviewer", "reviewer1"]
    assert main([*link, "--project", folder]) == 0
    assert main(["status", "--project", folder]) == 0
    assert "included studies: 1 (2 reports)" in capsys.readouterr().out
    assert main(argv) == 0
    assert "2 reports of 1 included study written to" in capsys.readouterr().err


def test_a_refused_login_name_names_the_variable_to_set(project_b, capsys, monkeypatch) -> None:
    """A user whose login name is not in the protocol, typing `extract set` as section 6 shows,
    learns both ways to give their name: the option, or the variable the Settings table names
    (which then serves every later command that records a name)."""
    from reviewkit import settings

    monkeypatch.delenv("REVIEWKIT_REVIEWER", raising=False)
    monkeypatch.delenv("REVIEWKIT_RESOLVER", raising=False)
    monkeypatch.setattr(settings, "login_name", lambda: "root")
    folder = str(project_b.folder)
    assert main(["extract", "set", "1", "country=Norway", "--project", folder]) == 2
    err = capsys.readouterr().err
    assert "give --reviewer NAME (or set $REVIEWKIT_REVIEWER)" in err, err
    assert main(["conflicts", "--list", "--project", folder]) == 2
    err = capsys.readouterr().err
    assert "give --resolver NAME (or set $REVIEWKIT_RESOLVER)" in err, err


def test_classify_and_extract_export_count_reports_and_studies_as_status_does(
    project_b, capsys
) -> None:
    """classify and the extraction sheet take each report (section 6); once a person linked two
    reports as one study (Review B's trial protocol and its results paper) their messages count
    them as `status` does, not as two studies."""
    from conftest import add_records

    from reviewkit import screening
    from reviewkit.records import Record

    titles = ["Job specialists in mental health care: a trial protocol", "Job specialists: a trial"]
    studies = add_records(project_b, [Record(title=t, year=2020) for t in titles])
    for study in studies:
        for stage in ("title-abstract", "full-text"):
            for reviewer in ("reviewer1", "reviewer2"):
                screening.decide(project_b.db, study, stage, reviewer, "include")
    folder = str(project_b.folder)
    argv = ["extract", "export", str(project_b.folder / "x.csv"), "--project", folder]
    assert main(argv) == 0
    assert "2 studies written to" in capsys.readouterr().out
    link = ["dedup", "study-link", *map(str, studies), "--same", "--reviewer", "reviewer1"]
    assert main([*link, "--project", folder]) == 0
    capsys.readouterr()
    assert main(argv) == 0
    assert "2 reports of 1 study written to" in capsys.readouterr().out
    assert main(["classify", "--project", folder]) == 0
    assert "2 reports of 1 study classified" in capsys.readouterr().out


def test_two_full_text_exclusions_with_other_reasons_are_a_conflict(project_b, capsys) -> None:
    """Section 5: at Review B's full text (`reason_required`) two excludes for different reasons
    wait for the lead, as the Review B walk found; at title/abstract they are an exclusion under
    the earlier vote's reason."""
    from conftest import add_records

    from reviewkit import screening
    from reviewkit.records import Record

    said = " ".join(README.split())
    assert "two exclusions that give different reasons are a conflict for the lead" in said
    assert "the earlier vote's reason is counted" in said
    titles = ["Dialogue meetings at work: a trial", "Job specialists at the jobcentre: a trial"]
    first, second = add_records(project_b, [Record(title=t, year=2020) for t in titles])
    db = project_b.db
    screening.decide(db, second, "title-abstract", "reviewer1", "exclude", "wrong-outcome")
    screening.decide(db, second, "title-abstract", "reviewer2", "exclude", "no-collaboration")
    for reviewer in ("reviewer1", "reviewer2"):
        screening.decide(db, first, "title-abstract", reviewer, "include")
    screening.decide(db, first, "full-text", "reviewer1", "exclude", "wrong-outcome")
    screening.decide(db, first, "full-text", "reviewer2", "exclude", "no-collaboration")
    folder = str(project_b.folder)
    for stage, listed in (("title-abstract", False), ("full-text", True)):
        argv = ["conflicts", "--list", "--stage", stage, "--resolver", "lead", "--project", folder]
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert ("Dialogue meetings" in out) is listed and "Job specialists" not in out, out
        if listed:
            assert "No return-to-work outcome" in out and "No collaboration" in out, out


def test_the_readme_agreement_csv_outlives_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Section 5 writes the agreement's counts table (one row per cell) with `agreement --csv`;
    section 7's `report` writes its own agreement.csv (one row per stage) into exports/. A team
    following the README in its project folder must still have the counts after the report:
    the path the README gives is not one the report writes over."""
    line = next(x for x in code_block_lines(README) if x.startswith("reviewkit agreement --csv"))
    protocol = ROOT / "protocols" / "work-health-collaboration.toml"
    assert main(["init", str(tmp_path / "p"), "--protocol", str(protocol)]) == 0
    monkeypatch.chdir(tmp_path / "p")
    monkeypatch.delenv("REVIEWKIT_PROJECT", raising=False)
    assert main(["import", str(FIXTURES / "sample.ris")]) == 0
    assert main(shlex.split(line)[1:]) == 0
    written = Path(shlex.split(line)[shlex.split(line).index("--csv") + 1])
    assert written.read_text(encoding="utf-8").startswith("stage,reviewer_a,reviewer_b,label_a")
    assert main(["report", "--format", "md,csv"]) == 0
    assert written.read_text(encoding="utf-8").startswith("stage,reviewer_a,reviewer_b,label_a")


def test_a_label_without_its_scheme_is_shown_this_projects_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another team's review (intervention setting, study design): `reviewkit label 1 workplace`
    was told 'e.g. model-type=job-specialist', Review B's scheme, which its project does not
    have; the hint now writes the form with the project's own scheme and label."""
    (tmp_path / "own.toml").write_text(
        """[review]
id = "burnout-rtw"
title = "Workplace interventions for employees with burnout: return to work"
question = "Which interventions help employees with burnout return to work?"
reviewers = ["reviewer1", "reviewer2"]

[stages.title-abstract]
advance_on = ["include", "uncertain"]

[schemes.setting]
name = "Intervention setting"
[[schemes.setting.labels]]
id = "workplace"
name = "Workplace"
terms = ["workplace"]

[schemes.design]
name = "Study design"
[[schemes.design.labels]]
id = "rct"
name = "Randomised controlled trial"
terms = ["randomised"]
""",
        encoding="utf-8",
    )
    assert main(["init", str(tmp_path / "p"), "--protocol", str(tmp_path / "own.toml")]) == 0
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(tmp_path / "p")]) == 0
    capsys.readouterr()
    argv = ["label", "1", "workplace", "--reviewer", "reviewer1", "--project", str(tmp_path / "p")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "'workplace' is not SCHEME=LABEL" in err
    assert "model-type" not in err
    assert "e.g. setting=workplace (schemes: setting, design)" in err
