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
from pathlib import Path

import pytest
from core.readme_walk import (
    FIXTURES,
    PEOPLE,
    README,
    ROOT,
    code_block_lines,
    disagree_at_full_text,
    fill_the_sheet,
    runnable,
    screen_by_keys,
    ten_commands,
    write_inputs,
)

from reviewkit.cli import main

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


def expected_error(line: str) -> str | None:
    return next((m for start, m in EXPECTED_ERRORS.items() if line.startswith(start)), None)


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
