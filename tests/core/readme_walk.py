"""The README walked as a new user types it: its command lines in order, which of them run
without a terminal screen, and what a person does between them (screens by the keys' calls,
the lead's sheet filled in, the files the examples name). Used by test_readme_runs.py and
test_help_examples_run.py."""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

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
# (the README says to download them: ASReview's Cohen_2006 sets, saved under their own names)
OUTSIDE_THE_REPOSITORY = ("simulate ../shared/", "simulate Cohen_2006_")


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


def ten_commands(readme: str) -> list[str]:
    """The lines of the README's "A review in ten commands" block, prompts and comments cut."""
    section = readme.split("### A review in ten commands", 1)[1]
    block = re.search(r"^```console\n(.*?)^```", section, flags=re.DOTALL | re.MULTILINE)
    assert block is not None
    lines = [line.removeprefix("$ ") for line in block.group(1).splitlines()]
    return [re.split(r"\s+#", line, maxsplit=1)[0].strip() for line in lines]
