"""`make demo` end to end, in a temporary folder, on a slice of the real snapshot.

The slice is half the articles of the 2021 NLM update file that mention work or health at work
(some 1,200, cut verbatim), so the demo's searches find half of what they find in the whole
snapshot while the index builds in seconds. Checked: every table has rows, PRISMA's numbers add up with
both stages, the evidence map has filled cells, the simulated reviewers are named as such in
every output, the project is ready for the three commands the demo suggests, and a rerun keeps
the project.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import shlex
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from conftest import add_records
from docx import Document
from openpyxl import load_workbook
from rich.console import Console
from rich.text import Text

from reviewkit import screening
from reviewkit.classify import assigned_labels, suggest
from reviewkit.cli import main as cli
from reviewkit.demo import main as demo_main
from reviewkit.demo import reviewers as demo_reviewers
from reviewkit.demo import summary
from reviewkit.demo.review import BuildResult, StageResult
from reviewkit.demo.reviewers import LEAD, NOTE, REVIEWERS, DemoRule
from reviewkit.demo.run import DemoResult, run_demo
from reviewkit.evidence import map_files
from reviewkit.offline_data import PUBMED_UPDATE
from reviewkit.offline_data import path as data_path
from reviewkit.project import init_project, open_project
from reviewkit.protocol import load
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.records import Record
from reviewkit.reports import prisma

PROTOCOL = Path(__file__).resolve().parents[1] / "protocols" / "demo-work-health.toml"
TERMS = (b"return to work", b"sick leave", b"sickness absence", b"occupational", b"workplace",
         b"worker", b"employ", b"rehabilitation", b"burnout", b"musculoskeletal", b"unemploy",
         b"absenteeism", b"job")  # fmt: skip
HEAD = b'<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n'


def write_slice(path: Path) -> Path:
    """Half the articles of the 2021 update file with one of TERMS (case-folded byte search).

    Half (by a CRC of the article, so always the same half) keeps the run short; the demo's
    searches still find some 200 records in it, enough for every table to fill.
    """
    with gzip.open(data_path("pubmed-snapshot", PUBMED_UPDATE)) as stream:
        data = stream.read()
    low = data.lower()
    kept: dict[int, bytes] = {}
    for term in TERMS:
        i = low.find(term)
        while i >= 0:
            start = data.rfind(b"<PubmedArticle>", 0, i)
            end = data.find(b"</PubmedArticle>", i)
            if start < 0 or end < 0:
                break
            article = data[start : end + len(b"</PubmedArticle>")]
            if zlib.crc32(article) % 2 == 0:
                kept[start] = article
            i = low.find(term, end)
    path.write_bytes(HEAD + b"\n".join(kept[k] for k in sorted(kept)) + b"\n</PubmedArticleSet>\n")
    return path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def check_every_table_has_rows(result: DemoResult) -> None:
    out = result.out_dir / "work-health"
    labels = [lab.id for lab in load(PROTOCOL).scheme("health").labels]
    for label in labels:  # one table per label of the report scheme, none empty
        assert rows(out / "tables" / f"{label}.csv"), label
    for table in (out / "tables").glob("*.csv"):
        assert rows(table), table.name
    agreement = rows(out / "agreement.csv")
    assert {r["Stage"] for r in agreement} == {"title-abstract", "full-text"}
    assert all(r["Cohen's kappa"] for r in agreement)
    log = rows(result.search_log)
    assert len(log) == 16  # Review A: eight searches, run and rerun
    assert all(r["query as PubMed translated it"] and r["status"] == "complete" for r in log)
    assert len(rows(out / "search-log.csv")) == 5  # the demo review's five searches, run once
    assert rows(out / "evidence-map" / "evidence-map.csv")
    assert (out / "included.ris").read_text(encoding="utf-8").count("ER  -") >= 20


def check_printed_counts_are_the_diagrams(result: DemoResult, printed: str) -> None:
    """The full-text screening line and the closing PRISMA line give the diagram's numbers: the
    screening line counted a report not retrieved among the excluded (79) where the diagram
    says 78 excluded and 1 not retrieved."""
    items = {
        r["Item"]: int(r["Count"]) for r in rows(result.out_dir / "work-health" / "prisma.csv")
    }
    flat = " ".join(printed.split())
    included = items["reports of included studies"]
    excluded, unseen = items["reports excluded"], items["reports not retrieved"]
    # the diagram's 'Awaiting a decision' lines (a row of prisma.csv when there are any)
    ta_wait, ft_wait = (
        f", {n} awaiting a decision" if (n := items.get(f"awaiting {stage} decision")) else ""
        for stage in ("title-abstract", "full-text")
    )
    assert f"{included} included, {excluded} excluded, {unseen} not retrieved{ft_wait}" in flat
    assert (
        f"{items['reports sought for retrieval']} full texts sought, {unseen} not retrieved,"
        f" {items['reports assessed for eligibility']} assessed, {excluded} excluded{ft_wait},"
        f" {included} included"
    ) in flat
    sought, ta_excluded = items["reports sought for retrieval"], items["records excluded"]
    assert f"{sought} included, {ta_excluded} excluded{ta_wait}" in flat  # title-abstract's line
    # the files the closing line counts are the ones a reader finds in the folder (it said 31
    # where the folder holds 33: the search log and README written beside the report)
    folder = result.out_dir / "work-health"
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert f"work-health/ ({len(files)} files: " in flat


def check_prisma_adds_up_with_both_stages(result: DemoResult) -> None:
    items = {
        r["Item"]: int(r["Count"]) for r in rows(result.out_dir / "work-health" / "prisma.csv")
    }

    def total(prefix: str) -> int:
        return sum(v for k, v in items.items() if k.startswith(prefix))

    identified = total("database: ") + total("other method: ")
    assert identified == items["records identified"]
    assert items["database: Other database (demo RIS)"]  # a second database, its own line > 0
    duplicates = items["duplicates removed automatically"] + items["duplicates removed by hand"]
    assert duplicates > 0
    assert identified - duplicates == items["records screened"]
    assert items["records excluded"] == total("excluded: ") > 0
    assert items["records screened"] == (
        items["records excluded"]
        + items["awaiting title-abstract decision"]
        + items["reports sought for retrieval"]
    )
    assert items["reports sought for retrieval"] == (
        items["reports not retrieved"] + items["reports assessed for eligibility"]
    )
    assert items["reports excluded"] == total("full text excluded: ") > 0
    # PRISMA 16b's table of the reports excluded at full text: the same reports, reason by reason
    excluded = rows(result.out_dir / "work-health" / "tables" / "excluded-at-full-text.csv")
    by_reason: dict[str, int] = {}
    for r in excluded:
        by_reason[r["Reason for exclusion"]] = by_reason.get(r["Reason for exclusion"], 0) + 1
    lines = {k.removeprefix("full text excluded: "): v for k, v in items.items()}
    assert by_reason == {k: lines[k] for k in by_reason}
    assert len(excluded) == items["reports excluded"]
    assert items["reports assessed for eligibility"] == (
        items["reports excluded"] + items["awaiting full-text decision"] + items["studies included"]
    )
    assert items["studies included"] >= 20


def check_evidence_map_has_filled_cells(result: DemoResult) -> None:
    folder = result.out_dir / "work-health" / "evidence-map"
    cells = rows(folder / "evidence-map-cells.csv")
    filled = [c for c in cells if int(c["count"]) > 0]
    assert len(filled) >= 3
    assert {c["health"] for c in filled} >= {"mental", "musculoskeletal"}
    for picture in ("evidence-map.png", "evidence-map.svg"):
        assert (folder / picture).stat().st_size > 10_000


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def xlsx_text(path: Path) -> str:
    book = load_workbook(path, read_only=True)
    return "\n".join(
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    )


def check_simulated_reviewers_named_in_every_output(result: DemoResult, printed: str) -> None:
    out = result.out_dir / "work-health"
    texts = {
        "printed": printed,
        "report.md": (out / "report.md").read_text(encoding="utf-8"),
        "report.docx": docx_text(out / "report.docx"),
        "report.xlsx": xlsx_text(out / "report.xlsx"),
        "prisma.svg": (out / "prisma.svg").read_text(encoding="utf-8"),
        "included.bib": (out / "included.bib").read_text(encoding="utf-8"),
        "README.txt": (out / "README.txt").read_text(encoding="utf-8"),
    }
    for name, text in texts.items():  # wrapped lines joined again; an SVG keeps the first line
        flat = " ".join(text.split())
        assert "were done by simulated reviewers (demo-reviewer-1," in flat, name
    ris = (out / "included.ris").read_text(encoding="utf-8")
    assert ris.count(f"N1  - {NOTE}") == ris.count("ER  -")
    pairs = {(r["Reviewer A"], r["Reviewer B"]) for r in rows(out / "agreement.csv")}
    assert pairs == {REVIEWERS}
    with open_project(result.demo) as project:  # every decision and label is a simulated one's
        finals = screening.conflicts(project, "title-abstract", "someone-else")
        assert finals and {v.final.reviewer for v in finals if v.final} == {LEAD}
        assert {name for v in finals for name, *_ in v.votes} == set(REVIEWERS)
        labels = assigned_labels(project, "health", screening.included(project)).values()
        assert {a.reviewer for a in labels if a.confirmed} == {LEAD}


def check_ready_for_the_next_three_commands(result: DemoResult, printed: str, capsys) -> None:
    for command in ("reviewkit screen --project", "reviewkit conflicts --project",
                    "reviewkit confirm --project"):  # fmt: skip
        assert command in printed
    with open_project(result.demo) as project:
        assert screening.ReviewerQueue(project, "title-abstract", "you").remaining > 0
        labels = assigned_labels(project, "health", screening.included(project)).values()
        assert any(a.confirmed for a in labels) and any(not a.confirmed for a in labels)
    capsys.readouterr()
    folder = str(result.demo)
    args = [
        "conflicts",
        "--project",
        folder,
        "--stage",
        "full-text",
        "--resolver",
        "lead",
        "--list",
    ]
    assert cli(args) == 0
    assert "\topen\t" in capsys.readouterr().out


def check_rerun_keeps_the_project(result: DemoResult, snapshot: Path) -> None:
    with open_project(result.demo) as project:
        queue = screening.ReviewerQueue(project, "title-abstract", "you")
        queue.note(queue.studies[0], "a note by a person")
    console = Console(file=io.StringIO(), width=200)
    again = run_demo(
        result.review_a.parent, result.out_dir, snapshot_files=[snapshot], console=console
    )
    assert again.built is None and again.librarian is None
    kept = console.file.getvalue()
    assert "kept the demo projects" in kept
    # run with --work-dir and --out: `make demo FRESH=1` would rebuild build/demo, not these
    assert "FRESH=1" not in kept
    assert f"--fresh --work-dir {summary.rel(result.review_a.parent)} --out " in kept
    with open_project(result.demo) as project:
        queue = screening.ReviewerQueue(project, "title-abstract", "you")
        assert queue.notes[queue.studies[0]] == ["a note by a person"]
    check_prisma_adds_up_with_both_stages(again)


def check_snapshot_size_as_the_server_says(result: DemoResult, printed: str, snapshot: Path):
    """The demo said "50,788 articles" (the files' article records, a constant) while `pubmed
    serve` said "serving 50783 articles": it now reads the server's count from the index."""
    served = Snapshot.open([snapshot])
    count = served.article_count
    served.close()
    assert result.articles == count and 500 < count < 50_000  # the slice, not the whole
    readme = (result.out_dir / "work-health" / "README.txt").read_text(encoding="utf-8")
    for text in (printed, readme):
        flat = " ".join(text.split())
        assert f"the PubMed XML given with --snapshot ({count:,} articles)" in flat
        assert "50,788" not in flat and "1976-80" not in flat


def check_the_readme_names_every_file(result: DemoResult) -> None:
    """README.txt says what each file and folder of the export folder is (a reviewer opening it
    found two search logs and a report in three formats, and no word on which was which)."""
    folder = result.out_dir / "work-health"
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    listed = readme.split("In this folder:\n", 1)[1]
    for entry in folder.iterdir():
        name = entry.name + ("/" if entry.is_dir() else "")
        assert re.search(rf"(^|\s|\(){re.escape(name)}", listed, flags=re.M), name


def test_a_folder_s_line_in_the_readme_names_each_kind_of_file_in_it(tmp_path: Path) -> None:
    """README.txt said evidence-map/ held "figure, CSV, sheet" while it held Markdown, SVG and
    GraphML too: a folder's line now names the kinds of the files written there (the map's
    files as write_map names them, and one of a kind no line knows)."""
    folder = tmp_path / "work-health" / "evidence-map"
    folder.mkdir(parents=True)
    for name in [*map_files(), "later.json", ".written-by-reviewkit"]:
        (folder / name).write_text("", encoding="utf-8")
    readme = summary.mark_exports([], folder.parent, "snapshot").read_text(encoding="utf-8")
    line = " ".join(readme.split("evidence-map/", 1)[1].split("README.txt", 1)[0].split())
    for kind in ("(PNG)", "(SVG)", "CSV", ".notes.txt", "(XLSX)", "Markdown", "GraphML", "JSON"):
        assert kind in line, (kind, line)
    # the mark the writers leave in a folder they own is no file for the reader
    assert "no ending" not in line and "WRITTEN" not in line, line


def test_demo_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One run of the whole demo (on the slice), then every check of the issue on what it made."""
    snapshot = write_slice(tmp_path / "slice.xml")
    console = Console(file=io.StringIO(), width=200)
    result = run_demo(
        tmp_path / "build", tmp_path / "exports", snapshot_files=[snapshot], console=console
    )
    printed = console.file.getvalue()
    assert result.built is not None and result.librarian is not None
    again = shlex.split(printed.split("Start afresh: ", 1)[1].splitlines()[0])
    assert again[1:] == ["-m", "reviewkit.demo", "--fresh", "--work-dir",
                         summary.rel(tmp_path / "build"), "--out", summary.rel(tmp_path / "exports"),
                         "--snapshot", summary.rel(snapshot)]  # fmt: skip
    check_every_table_has_rows(result)
    check_prisma_adds_up_with_both_stages(result)
    check_printed_counts_are_the_diagrams(result, printed)
    check_evidence_map_has_filled_cells(result)
    check_simulated_reviewers_named_in_every_output(result, printed)
    check_snapshot_size_as_the_server_says(result, printed, snapshot)
    check_the_readme_names_every_file(result)
    check_ready_for_the_next_three_commands(result, printed, capsys)
    check_rerun_keeps_the_project(result, snapshot)


def test_a_report_not_retrieved_is_not_printed_as_excluded(project_b, tmp_path: Path) -> None:
    """The demo's full-text line gives the diagram's numbers: a report not retrieved apart
    from the reports excluded (the full run's slice has none; the whole snapshot's demo has
    one, which the line counted among 79 excluded where the diagram says 78 and 1)."""
    ids = add_records(project_b, [Record(title=f"Study {i}", pmid=str(i)) for i in (1, 2, 3)])
    fates = dict(zip(ids, [("include", ""), ("exclude", "wrong-population"),
                           ("exclude", "no-full-text")], strict=True))  # fmt: skip
    for rid, (label, reason) in fates.items():
        for reviewer in ("reviewer1", "reviewer2"):
            screening.decide(project_b.db, rid, "title-abstract", reviewer, "include")
            screening.decide(
                project_b.db, rid, "full-text", reviewer, label, reason, protocol=project_b.protocol
            )
    console = Console(file=io.StringIO(), width=200)
    built = BuildResult(
        source_file=tmp_path / "source.ris",
        stages=[StageResult(stage, 6, 0, 0) for stage in ("title-abstract", "full-text")],
    )
    summary.review_part(console, project_b, built)
    flat = " ".join(console.file.getvalue().split())
    assert "Screening title-abstract: 6 votes" in flat and "3 included, 0 excluded" in flat
    assert "1 included, 1 excluded, 1 not retrieved" in flat


def test_studies_awaiting_a_decision_are_printed_as_the_diagram_says(project_b, tmp_path):
    """The demo leaves 10 studies for a second reviewer and 3 full-text conflicts open; the
    diagram says 'Awaiting a decision (n = 10)' and '(n = 3)', the printed lines said nothing of
    them, so 158 sought = 76 included + 78 excluded + 1 not retrieved came 3 short (and 356
    screened = 158 + 188 came 10 short). Here: one study of each kind at each stage."""
    ids = add_records(project_b, [Record(title=f"Study {i}", pmid=str(i)) for i in range(1, 6)])
    ta = {ids[0]: "include", ids[1]: "include", ids[2]: "include", ids[3]: "exclude"}
    for rid, label in ta.items():
        for reviewer in ("reviewer1", "reviewer2"):
            reason = "wrong-population" if label == "exclude" else ""
            screening.decide(project_b.db, rid, "title-abstract", reviewer, label, reason)
    screening.decide(project_b.db, ids[4], "title-abstract", "reviewer1", "include")
    ft = {ids[0]: ("include", "include"), ids[1]: ("exclude", "exclude")}
    ft[ids[2]] = ("include", "exclude")  # a conflict, left open
    for rid, votes in ft.items():
        for reviewer, label in zip(("reviewer1", "reviewer2"), votes, strict=True):
            reason = "wrong-population" if label == "exclude" else ""
            screening.decide(project_b.db, rid, "full-text", reviewer, label, reason)
    console = Console(file=io.StringIO(), width=200)
    built = BuildResult(
        source_file=tmp_path / "source.ris",
        stages=[StageResult(stage, 6, 0, 0) for stage in ("title-abstract", "full-text")],
    )
    summary.review_part(console, project_b, built)
    flat = " ".join(console.file.getvalue().split())
    assert "3 included, 1 excluded, 1 awaiting a decision" in flat  # title-abstract
    assert "1 included, 1 excluded, 0 not retrieved, 1 awaiting a decision" in flat
    closing = Text.from_markup(summary.prisma_line(prisma.collect_counts(project_b))).plain
    assert "3 assessed, 1 excluded, 1 awaiting a decision, 1 included" in closing
    assert "5 screened, 1 excluded, 1 awaiting a decision, 3 full texts sought" in closing


def test_simulated_votes_follow_the_rule() -> None:
    protocol = load(PROTOCOL)
    on_topic = Record(
        title="Return to work after sick leave for depression among employees",
        abstract_sections=[{"label": "", "text": "Workers with anxiety and musculoskeletal pain."}],
    )
    children = Record(title="Depression among working mothers and their children")
    off_topic = Record(title="Crystal structure of a bacterial enzyme")
    rule = DemoRule(protocol)
    assert rule.vote(1, on_topic, "title-abstract")[0].label == "include"
    assert rule.vote(2, children, "title-abstract")[0].reason == "wrong-population"
    assert rule.vote(3, off_topic, "title-abstract")[0].reason == "off-topic"
    assert rule.vote(4, Record(title=on_topic.title), "full-text")[0].reason == "no-full-text"


def test_the_rule_scores_each_study_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both stages and the lead's resolution read one study's relevance: scored once."""
    protocol = load(PROTOCOL)
    study = Record(
        title="Return to work after sick leave for depression among employees",
        abstract_sections=[{"label": "", "text": "Workers with anxiety and musculoskeletal pain."}],
    )
    schemes: list[str] = []

    def counting_suggest(record: Record, scheme: Any) -> list[Any]:
        schemes.append(scheme.id)
        return suggest(record, scheme)

    monkeypatch.setattr(demo_reviewers, "suggest", counting_suggest)
    rule = DemoRule(protocol)
    votes = [rule.vote(7, study, stage) for stage in ("title-abstract", "full-text", "full-text")]
    assert [v.label for v, _ in votes] == ["include"] * 3
    assert sorted(schemes) == ["health", "work"]


def test_missing_snapshot_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = demo_main(
        ["--work-dir", str(tmp_path / "b"), "--out", str(tmp_path / "e"),
         "--snapshot", str(tmp_path / "missing.xml")]
    )  # fmt: skip
    assert code == 2
    assert "snapshot file not found" in capsys.readouterr().err
    assert not (tmp_path / "e").exists()


def test_outside_a_checkout_the_demo_says_it_needs_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`pip install .` installs the package without protocols/: the demo said 'protocol file
    not found, check the path and its spelling' (after downloading the snapshot)."""
    import reviewkit.demo.run as run

    gone = tmp_path / "site-packages" / "protocols"
    monkeypatch.setattr(run, "PROTOCOL_A", gone / run.PROTOCOL_A.name)
    monkeypatch.setattr(run, "PROTOCOL_DEMO", gone / run.PROTOCOL_DEMO.name)
    code = demo_main(
        ["--work-dir", str(tmp_path / "b"), "--out", str(tmp_path / "e"),
         "--snapshot", str(tmp_path / "missing.xml")]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "the demo runs in a checkout of reviewkit" in err, err
    assert "run 'make demo' in it" in err and "Traceback" not in err
    assert not (tmp_path / "b").exists() and not (tmp_path / "e").exists()


def test_never_replaces_a_project_it_did_not_make(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = PROTOCOL.parent / "work-health-collaboration.toml"
    init_project(tmp_path / "b" / "work-health", other).close()
    snapshot = tmp_path / "s.xml"
    snapshot.write_text("<PubmedArticleSet></PubmedArticleSet>\n", encoding="utf-8")
    args = ["--work-dir", str(tmp_path / "b"), "--out", str(tmp_path / "e"), "--fresh"]
    assert demo_main([*args, "--snapshot", str(snapshot)]) == 2
    assert "refusing to replace it" in capsys.readouterr().err
    assert (tmp_path / "b" / "work-health" / "review.sqlite").exists()
    assert not (tmp_path / "e").exists()


def test_next_commands_are_written_as_the_shell_finds_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`make demo` installs reviewkit into .venv/bin without activating it, and the demo's
    next commands said `reviewkit screen …`: 'command not found' for a new user who copied them
    (or another install's reviewkit, first on PATH)."""
    installed = Path(sys.executable).parent / "reviewkit"
    assert installed.exists()  # the test environment installs reviewkit beside its Python
    monkeypatch.chdir(installed.parent.parent)  # make demo runs in the checkout, beside .venv
    monkeypatch.setenv("PATH", str(tmp_path))  # not activated: no reviewkit on PATH
    written = summary.typed("reviewkit")
    assert written == str(Path(installed.parent.name) / "reviewkit")  # bin/reviewkit
    assert summary.typed("python") == str(Path(installed.parent.name) / "python")  # not /usr/bin
    assert f"{summary.typed('python')} -m reviewkit.demo --fresh" in summary.afresh()
    other = tmp_path / "reviewkit"  # another install's, first on PATH
    other.write_text("#!/bin/sh\n")
    other.chmod(0o755)
    monkeypatch.setenv("PATH", os.pathsep.join([str(tmp_path), str(installed.parent)]))
    assert summary.typed("reviewkit") == written
    monkeypatch.setenv("PATH", str(installed.parent))  # `source .venv/bin/activate`
    assert summary.typed("reviewkit") == "reviewkit"


def test_demo_lines_are_whole_in_a_log() -> None:
    """Into a pipe (`make demo | tee demo.log`) rich broke the demo's lines at 80 columns: the
    snapshot index's path was cut in two, with blanks left at the line ends."""
    line = "snapshot index built in 501 s: " + "/a/long/path" * 8 + "/index-45f1ac999a92194c.sqlite"
    console = summary.demo_console(file=io.StringIO())  # no terminal
    console.print(line)
    assert console.file.getvalue() == line + "\n"
    # the index build's plain lines are its log there: its bar wrote them again at its end
    with summary.bar(console) as progress:
        task = progress.add_task("indexing the snapshot (once)", total=None)
        progress.update(task, completed=50_788)
    assert console.file.getvalue() == line + "\n"
