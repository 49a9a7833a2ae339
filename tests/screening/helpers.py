"""Helpers of the screening tests: small record sets (plain, or include- and exclude-like by
topic), the ranking engine held before it reads (hold_engine), the screening app driven through
Textual's pilot (votes, its screen as text, the ranker started), conflicts (two studies disputed
at full text, one with a PDF), and decisions moved between projects through the CLI."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from conftest import add_records
from textual.pilot import Pilot
from textual.widgets import Input

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import Project
from reviewkit.ranking.engine import Engine
from reviewkit.ranking.queue import QueueRanker
from reviewkit.records import AbstractSection, Record
from reviewkit.store.decisions import list_decisions
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.widgets import TextPrompt


def hold_engine(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Holds the ranking engine (in threads of this process) before it reads the texts, until
    the returned event is set."""
    opened = threading.Event()
    read = Engine._read_texts

    def held(self, ids=None):
        assert opened.wait(60), "the test never opened the gate"
        return read(self, ids)

    monkeypatch.setattr(Engine, "_read_texts", held)
    return opened


def make_records(n: int, *, prefix: str = "Study") -> list[Record]:
    """n distinct records with PMIDs, DOIs, structured abstracts, keywords and MeSH terms."""
    return [
        Record(
            title=f"{prefix} {i}: return to work after sick leave for back pain",
            abstract_sections=[
                AbstractSection("OBJECTIVE", f"To review employment outcomes in trial {i}."),
                AbstractSection(
                    "RESULTS", "Children and adolescents were excluded; sickness absence fell."
                ),
            ],
            authors=[f"Author{i}, A", "Second, B"],
            year=2010 + i % 12,
            journal="Journal of Occupational Rehabilitation",
            doi=f"10.1000/test.{i}",
            pmid=str(1000 + i),
            keywords=["return to work", "sick leave"],
            mesh_terms=["Sick Leave", "Return to Work"],
        )
        for i in range(1, n + 1)
    ]


def screening_app(
    project: Project, stage: str = "title-abstract", reviewer: str = "reviewer1"
) -> ReviewkitApp:
    """The screening screen of ``reviewer`` at ``stage``, with the default keys."""
    return ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, stage, reviewer)), keymap={})


async def prompt(pilot: Pilot, app: ReviewkitApp, key: str, text: str) -> None:
    """Press ``key``, fill the prompt it opens with ``text`` and press Enter."""
    await pilot.press(key)
    assert isinstance(app.screen, TextPrompt)
    app.screen.query_one(Input).value = text
    await pilot.press("enter")


def conflict_on(
    project: Project,
    ids: list[int],
    stage: str = "title-abstract",
    reason: str = "health-only",
    *,
    checked: bool = False,
) -> None:
    """reviewer1 includes and reviewer2 excludes (for ``reason``) each of ``ids`` at ``stage``:
    a conflict each, for a lead; ``checked``: the votes checked against the project's protocol,
    as the CLI and the screens cast them."""
    protocol = project.protocol if checked else None
    for study in ids:
        scr.decide(project.db, study, stage, "reviewer1", "include", protocol=protocol)
        scr.decide(project.db, study, stage, "reviewer2", "exclude", reason, protocol=protocol)


INCLUDE_WORDS = "workplace collaboration coordinator supervisor occupational physician"


def make_topic_records(n_include: int, n_exclude: int) -> tuple[list[Record], list[bool]]:
    """Records whose includes share distinctive words (and excludes others), interleaved.

    Returns the records and, for each, whether it is an include-like record.
    """
    records, like = [], []
    for i in range(max(n_include, n_exclude)):
        if i < n_include:
            records.append(
                Record(
                    title=f"Trial {i} of {INCLUDE_WORDS} for return to work",
                    abstract_sections=[AbstractSection("", f"A {INCLUDE_WORDS} model, site {i}.")],
                    keywords=["workplace collaboration"],
                    mesh_terms=["Occupational Health"],
                    pmid=str(50_000 + i),
                )
            )
            like.append(True)
        if i < n_exclude:
            records.append(
                Record(
                    title=f"Cohort {i} of paediatric asthma inhaled steroid dosing",
                    abstract_sections=[
                        AbstractSection("", f"Children with asthma in school {i} took steroids.")
                    ],
                    keywords=["asthma"],
                    mesh_terms=["Asthma", "Child"],
                    pmid=str(60_000 + i),
                )
            )
            like.append(False)
    return records, like


def keys_only(screen):
    """The screening screen with its timed look for changes put off: a test of what a key
    takes must not have the timer take it first when the machine is slow (the timer's look
    is tested in test_live_changes)."""
    screen.CHANGES_S = 1e9
    return screen


async def until(pilot, holds: Callable[[], bool], what: str, step: float = 0.02) -> None:
    """Let the app run (no key pressed) until ``holds()``; fails after ~500 looks."""
    for _ in range(500):
        if holds():
            return
        await pilot.pause(step)
    raise AssertionError(f"never happened: {what}")


def finals_in_log(project: Project) -> list[tuple[int, str, str]]:
    """The lead's final decisions in the log: (record, label, reason)."""
    return [
        (d.record_id, d.label, d.reason)
        for d in list_decisions(project.db)
        if d.label.startswith("final-")
    ]


def import_conflicts(project: Project, sheet, resolver: str = "lead") -> int:  # noqa: ANN001
    """``reviewkit conflicts import SHEET`` as the lead types it; its exit code."""
    return main(
        [
            "conflicts",
            "--project",
            str(project.folder),
            "import",
            str(sheet),
            "--resolver",
            resolver,
        ]
    )


async def until_started(pilot, ranking: QueueRanker) -> None:
    """The screen starts the ranker once the first record is drawn."""
    for _ in range(100):
        if ranking.started:
            return
        await pilot.pause()
    raise AssertionError(f"the screen never started the ranker: {ranking.status()}")


def screen_text(app) -> str:
    """The app's screen as SVG text, its no-break spaces as spaces."""
    return app.export_screenshot().replace("&#160;", " ")


async def vote(pilot, screen, like: dict[int, bool]) -> bool:
    """Press the key a reviewer would press on the current record; returns include-like."""
    is_include = like[screen.current]
    await pilot.press(*(["i"] if is_include else ["e", "0"]))
    return is_include


async def vote_until_ready(pilot, screen, like: dict[int, bool]) -> None:
    """Vote in the order shown until 5 include-like and 5 exclude-like (the ready rule)."""
    counts = {True: 0, False: 0}
    while counts[True] < 5 or counts[False] < 5:
        counts[await vote(pilot, screen, like)] += 1


def at_full_text(project):
    """A new record both reviewers included at title-abstract; it and the first full-text
    exclusion reason."""
    (rec,) = add_records(project, make_records(1))
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, rec, "title-abstract", who, "include")
    return rec, project.protocol.stages["full-text"].exclusion_reasons[0].code


def bring_decisions(copy, reviewer, log, folder, importer: str | None = None) -> None:
    """Export ``reviewer``'s decisions from the project ``copy`` to ``log``; import it into
    ``folder``, by ``importer`` (``--reviewer``; left out, $REVIEWKIT_REVIEWER: reviewer1)."""
    export = ["decisions", "export", "--reviewer", reviewer, str(log), "--project", str(copy)]
    assert main(export) == 0
    by = ["--reviewer", importer] if importer else []
    assert main(["decisions", "import", str(log), "--project", str(folder), *by]) == 0


TA, FT = "title-abstract", "full-text"
SIZE = (100, 34)  # the conflicts screen at full text, as its tests size it


def full_text_conflicts(project, tmp_path):
    """Two studies included at title/abstract and disputed at full text; a PDF attached to
    the first one."""
    ids = add_records(project, make_records(2))
    for study in ids:
        for reviewer in ("reviewer1", "reviewer2"):
            scr.decide(project.db, study, TA, reviewer, "include")
        scr.decide(project.db, study, FT, "reviewer1", "include")
        scr.decide(project.db, study, FT, "reviewer2", "exclude", "health-only")
    pdf = tmp_path / "paper one.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    scr.attach(project.db, ids[0], str(pdf), added_by="reviewer1")
    return ids, pdf


def rank_rows(screen) -> list[str]:  # noqa: ANN001
    """The screening screen's order line (#rank) as the rows it is drawn on."""
    rank = screen.query_one("#rank")
    return [rank.render_line(y).text.strip() for y in range(rank.size.height)]


async def votes_to_a_large_estimate(pilot: Pilot, screen, ranking: QueueRanker) -> None:  # noqa: ANN001
    """An include, an uncertain and an exclude voted once the first order is in, on a project
    of make_topic_records(150, 150), so that the estimate of includes left is over 100; the
    order line is then drawn again."""
    await until_started(pilot, ranking)
    await until(pilot, lambda: not screen.ordering, "the first order")
    for key in ("i", "u", "e", "1"):
        await pilot.press(key)
    assert ranking.wait_idle()
    estimate = ranking.status().estimate
    assert estimate is not None and estimate.estimate >= 100, estimate
    screen.render_rank()
