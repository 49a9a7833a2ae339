"""The README's command examples, run as written, in README order, on a fresh project.

test_docs.py checks that every example *parses*; this runs each one a new user can type
without a terminal screen or NCBI: `reviewkit init` as section 1 shows, `cd` into it, the
files the examples name made from the vendor fixtures, and searches sent to a local
E-utilities server on a small PubMed XML file (what the README says to do offline), in a new
user's shell (no reviewer or resolver name set), with the conflicts section 5 resolves made by
the two reviewers' votes and the lead's sheet filled in as the README asks. Each
example must end with exit code 0, or, where the README itself says it needs another project
(Review B's schemes, a record id of your own), with exit code 2 and the message listed in
EXPECTED_ERRORS; never a traceback. So a renamed option, a changed default or a broken
example shows up here, not at a librarian's desk.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FIXTURES = Path(__file__).parent / "fixtures"

# A person's name from their shell: a new user has neither (tests/conftest.py sets both).
PEOPLE = ("REVIEWKIT_REVIEWER", "REVIEWKIT_RESOLVER")

# Examples that open a terminal screen or serve until Ctrl-C: a Pilot test covers each screen.
NEEDS_A_TERMINAL = (
    "screen",
    "confirm",
    "extract edit",
    "pubmed serve",
)
# Examples whose input lives outside the repository (the labelled screening sets).
OUTSIDE_THE_REPOSITORY = ("simulate ../shared/", "simulate Cohen_2006_Triptans.csv")

# Examples that cannot succeed on the README's fresh Review A project, and why; each must fail
# cleanly, with exit code 2 and this part of its message.
EXPECTED_ERRORS = {
    # section 6 says its examples use Review B's schemes and fields
    "reviewkit classify --scheme model-type": "no classification scheme 'model-type'",
    "reviewkit confirm --reviewer reviewer1 --scheme model-type": "no classification scheme",
    "reviewkit label pmid:28546320": "no record matches 'pmid:28546320' in this project",
    "reviewkit extract set 12 country=Norway": "no record matches '12'",
    "reviewkit evidence-map --rows model-type": "no classification scheme 'model-type'",
    "reviewkit classify --scheme diagnosis-group --evaluate gold.csv": "gold.csv: no such file",
    # record ids and PMIDs of the reader's own project
    "reviewkit dedup split 1234": "no record with id 1234",
    "reviewkit dedup merge 1234 pmid:34000123": "no record matches '1234'",
    "reviewkit dedup study-link 12 57": "no record with id",
    "reviewkit attach pmid:34567890": "hint: record ids are the record_id column",
}


# What the README says an example prints: a part of its standard output.
SAYS = {
    "reviewkit protocol check": "valid",
    "reviewkit init my-review": "created my-review/",
    "reviewkit search test": "translation:",
    "reviewkit search run --all": "a8-implementation: ",
    "reviewkit search run a1-mental-health": "since run 1: 0 new, 0 gone, 0 changed",
    "reviewkit search history a1-mental-health": "query as translated:",
    "reviewkit search diff a1-mental-health 1 9": "run 1 -> run 9",
    "reviewkit search diff": "a1-mental-health: run ",  # with a name or without (every search)
    "reviewkit import embase.ris --source Embase --again": "(ris, source 'Embase'",
    "reviewkit import savedrecs.txt": "(wos, source 'Web of Science'",
    "reviewkit status": "studies after dedup: dedup has not run yet",
    "reviewkit dedup report --rules": "same_doi_titles_differ",
    "reviewkit dedup undo": "nothing to undo",
    "reviewkit agreement": "voted here: reviewer1 (",  # one reviewer per study: no pairs
    "reviewkit decisions import r2.jsonl": "added 0 entries",
    "reviewkit report --new-version": "recorded version '2021 review'",
    # the conflicts the test makes at full text (disagree_at_full_text), as a lead sees them
    "reviewkit conflicts --list": "full-text: the first stage with open conflicts",
    "reviewkit conflicts resolve": ": final exclude (Wrong outcome) at full-text by lead",
    "reviewkit conflicts --csv conflicts.csv": "wrote 1 open conflict at full-text",
    "reviewkit conflicts import conflicts.csv": "1 final decision from conflicts.csv; 0 conflicts open",
}


def code_block_lines(readme: str) -> Iterator[str]:
    """Every command line of the README's ``sh`` blocks, in order, comments cut off."""
    for block in re.findall(r"^```sh\n(.*?)^```", readme, flags=re.DOTALL | re.MULTILINE):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.split(r"\s+#", line.strip(), maxsplit=1)[0].strip()
            if line:
                yield line


def runnable(line: str) -> bool:
    """A ``reviewkit`` line that needs no terminal screen and no file from outside the repo."""
    if not line.startswith("reviewkit "):
        return False
    rest = line.removeprefix("reviewkit ")
    if any(rest == c or rest.startswith(c + " ") for c in NEEDS_A_TERMINAL):
        return False
    if rest.startswith("conflicts resolve ") or rest.startswith("conflicts import "):
        return True  # no screen: a final decision given, a filled sheet read back
    if rest.startswith(("conflicts", "dedup review")) and not re.search(
        r"--list|--csv|--read-csv", rest
    ):
        return False  # the screen; its --list / --csv forms print or write instead
    return not rest.startswith(OUTSIDE_THE_REPOSITORY)


def screen_by_keys(line: str) -> None:
    """In place of a `reviewkit screen --reviewer NAME [--stage S]` example: the reviewer
    includes every record of their queue, through ReviewerQueue.decide (what the `i` key
    calls), so that the examples after it (conflicts, agreement, decisions, report) have votes."""
    from reviewkit import screening
    from reviewkit.project import open_project

    args = shlex.split(line)
    reviewer = args[args.index("--reviewer") + 1]
    stage = args[args.index("--stage") + 1] if "--stage" in args else "title-abstract"
    project = open_project(Path.cwd())
    try:
        queue = screening.ReviewerQueue(project, stage, reviewer)
        for study in list(queue.studies):
            if study not in queue.votes:
                queue.decide(study, "include")
    finally:
        project.close()


def disagree_at_full_text() -> list[int]:
    """reviewer1 screens full text after reviewer2 included every study there (section 5's
    screens, :func:`screen_by_keys`): excludes the first two studies of the queue and includes
    the rest, through ReviewerQueue.decide (what the `e` and `i` keys call). Two real
    conflicts for the lead's `conflicts --list`, `resolve` and the sheet's `--csv` / `import`."""
    from reviewkit import screening
    from reviewkit.project import open_project

    project = open_project(Path.cwd())
    try:
        queue = screening.ReviewerQueue(project, "full-text", "reviewer1")
        disputed = list(queue.studies[:2])
        for study in list(queue.studies):
            if study in disputed:
                queue.decide(study, "exclude", "wrong-outcome")
            else:
                queue.decide(study, "include")
        return disputed
    finally:
        project.close()


def fill_the_sheet(path: Path, decision: str) -> None:
    """What section 5 asks of the lead between `conflicts --csv` and `conflicts import`: the
    sheet's decision column filled, in a spreadsheet, for every row."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows({**row, "decision": decision} for row in rows)


def expected_error(line: str) -> str | None:
    return next((m for start, m in EXPECTED_ERRORS.items() if line.startswith(start)), None)


def write_inputs(project: Path) -> None:
    """The files section 3 to 7 name, from the vendors' exports in tests/core/fixtures."""
    shutil.copy(FIXTURES / "embase_export.ris", project / "embase.ris")
    shutil.copy(FIXTURES / "sample.ris", project / "embase-2022.ris")  # section 7, a year later
    shutil.copy(FIXTURES / "scopus.csv", project / "scholar.csv")
    shutil.copy(FIXTURES / "google_scholar.bib", project / "jstor.bib")
    shutil.copy(FIXTURES / "wos.txt", project / "wos-tab.txt")
    shutil.copy(FIXTURES / "wos_plain.txt", project / "savedrecs.txt")
    (project / "refs.csv").write_bytes(
        'Title,Authors,Year\r\nSykefravær i Tromsø,"Hansen, K",2019\r\n'.encode("cp1252")
    )
    (project / "papers").mkdir()
    (project / "papers" / "smith2020.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (project / "sorted.csv").write_text(
        "title,abstract,model_type\n"
        "An employment specialist in mental health care,IPS for people on sick leave,"
        "job-specialist\n",
        encoding="utf-8",
    )


@pytest.fixture
def offline_pubmed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local E-utilities server on the PubMed XML fixture, as `reviewkit pubmed serve`."""
    from reviewkit.pubmed.server import EutilsServer
    from reviewkit.pubmed.snapshot import Snapshot

    folder = tmp_path_factory.mktemp("snapshot")
    shutil.copy(FIXTURES / "sample.xml", folder / "sample.xml")
    snapshot = Snapshot.open([folder / "sample.xml"])
    server = EutilsServer(snapshot, rate_limits=None).start()
    yield server.base_url
    server.stop()
    snapshot.close()


def test_readme_lists_the_examples_this_test_runs() -> None:
    lines = [line for line in code_block_lines(README) if runnable(line)]
    assert len(lines) > 40
    # every example the table expects to fail is still in the README
    for start in (*EXPECTED_ERRORS, *SAYS):
        assert any(line.startswith(start) for line in code_block_lines(README)), start


def test_every_readme_example_runs_as_written(
    tmp_path: Path,
    offline_pubmed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "protocols").symlink_to(ROOT / "protocols")  # a checkout's protocols/
    monkeypatch.chdir(tmp_path)
    # a new user's shell: no reviewer or resolver name set (the suite's conftest sets both),
    # so every example names its person as the README writes it, or fails here
    for name in ("REVIEWKIT_PROJECT", "NCBI_API_KEY", "REVIEWKIT_KEYS") + PEOPLE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LOGNAME", "anna")  # a login name the protocol does not list
    monkeypatch.setenv("REVIEWKIT_EUTILS_URL", offline_pubmed)
    failures, ran, disputed, listed = [], [], [], ""
    for line in code_block_lines(README):
        if line.startswith("cd "):
            monkeypatch.chdir(line.split()[1])
            write_inputs(Path.cwd())
            continue
        if m := re.match(r"export (\w+)=(\S+)$", line):
            if m.group(2) != "...":  # the API key placeholder: no key is sent to a local server
                monkeypatch.setenv(m.group(1), m.group(2))
            continue
        if (
            line.startswith("reviewkit screen ")
            and "--seed" not in line
            and "--no-rank" not in line
        ):
            screen_by_keys(line)
        if line.startswith("reviewkit conflicts") and not disputed:
            disputed = disagree_at_full_text()
        if line.startswith("reviewkit conflicts import "):
            fill_the_sheet(Path(shlex.split(line)[3]), "include")
        if not runnable(line):
            continue
        ran.append(line)
        argv = shlex.split(line)[1:]
        if line.startswith("reviewkit conflicts resolve 13 "):
            argv[2] = listed  # the README's 13 is the reader's: the id `conflicts --list` gave
        code = main(argv)
        out, err = capsys.readouterr()
        if line.startswith("reviewkit conflicts --list"):
            listed = next(x.split("\t")[0] for x in out.splitlines() if "\topen\t" in x)
        wanted = expected_error(line)
        if "Traceback" in out + err:
            failures.append(f"{line}: traceback\n{err}")
        elif wanted is None and code != 0:
            failures.append(f"{line}: exit {code}\n{err}")
        elif wanted is not None and (code != 2 or wanted not in err):
            failures.append(f"{line}: expected exit 2 and {wanted!r}, got {code}\n{err}")
        elif any(line.startswith(k) and v not in out for k, v in SAYS.items()):
            failures.append(f"{line}: does not say what the README says\n{out}")
    assert failures == [], "\n".join(failures)
    assert 'reviewkit report --new-version "2021 review"' in ran
    # the two conflicts made at full text: one resolved by `resolve`, one by the filled sheet
    assert any(line.startswith("reviewkit conflicts resolve 13 ") for line in ran)
    assert any(line.startswith("reviewkit conflicts import ") for line in ran)
    assert int(listed) in disputed
    project = tmp_path / "my-review"
    # what the README says these examples leave behind
    assert (project / "exports" / "search-log.md").is_file()
    assert (project / "queue.csv").read_text().startswith("record_a,record_b,score,rule,verdict")
    assert (project / "included.ris").exists() and (project / "r2.jsonl").exists()
    assert (
        (project / "records.csv")
        .read_text(encoding="utf-8")
        .startswith(
            "record_id,duplicate of,study,other reports of the study,found in,title-abstract,"
            "title-abstract reason,full-text,"
        )
    )
    assert (project / "exports" / "evidence-map").is_dir() is False  # Review A: no model-type
    # a year later: the update diagram counts last year's included studies and the new ones
    update = (project / "exports" / "2022" / "prisma.csv").read_text(encoding="utf-8")
    assert "included,new records since version 2021 review,2\n" in update  # embase-2022.ris
    assert "included,studies included in previous version," in update


def ten_commands(readme: str) -> list[str]:
    """The lines of the README's "A review in ten commands" block, prompts and comments cut."""
    section = readme.split("### A review in ten commands", 1)[1]
    block = re.search(r"^```console\n(.*?)^```", section, flags=re.DOTALL | re.MULTILINE)
    assert block is not None
    lines = [line.removeprefix("$ ") for line in block.group(1).splitlines()]
    return [re.split(r"\s+#", line, maxsplit=1)[0].strip() for line in lines]


def test_the_ten_commands_are_a_whole_review(
    tmp_path: Path,
    offline_pubmed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The block near the README's top, typed in order on section 1's protocol saved as
    ips.toml, with every reviewer screening where its comments say "ola too" (through what the
    screen's keys call), takes a new project from `init` to a report with included studies."""
    import tomllib

    lines = ten_commands(README)
    commands = [line for line in lines if line.startswith("reviewkit ")]
    assert len(commands) == 10
    assert commands[0].startswith("reviewkit init ") and commands[-1] == "reviewkit report"
    (block,) = [
        b
        for b in re.findall(r"^```toml\n(.*?)^```", README, flags=re.DOTALL | re.MULTILINE)
        if "[review]" in b and "[[searches]]" in b
    ]
    (tmp_path / "ips.toml").write_text(block, encoding="utf-8")
    shutil.copy(FIXTURES / "embase_export.ris", tmp_path / "embase.ris")
    reviewers = tomllib.loads(block)["review"]["reviewers"]
    monkeypatch.chdir(tmp_path)
    for name in ("REVIEWKIT_PROJECT", "NCBI_EMAIL", *PEOPLE):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REVIEWKIT_EUTILS_URL", offline_pubmed)  # as section 2 does offline
    failures = []
    for line in lines:
        if line.startswith("cd "):
            monkeypatch.chdir(line.split()[1])
        elif m := re.match(r"export (\w+)=(\S+)$", line):
            monkeypatch.setenv(m.group(1), m.group(2))
        elif line.startswith("reviewkit screen "):
            said = shlex.split(line)[shlex.split(line).index("--reviewer") + 1]
            for reviewer in reviewers:
                screen_by_keys(line.replace(f"--reviewer {said}", f"--reviewer {reviewer}"))
        elif runnable(line) and (code := main(shlex.split(line)[1:])) != 0:
            failures.append(f"{line}: exit {code}\n{capsys.readouterr().err}")
    assert failures == []
    prisma = Path("exports/prisma.csv").read_text(encoding="utf-8")
    assert "included,studies included,0\n" not in prisma
    assert re.search(r"^included,studies included,\d+$", prisma, flags=re.MULTILINE)


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
