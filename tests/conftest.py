"""Fixtures shared by every test folder: the shipped protocols and review projects made from
them."""

from __future__ import annotations

import gc
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import pytest

from reviewkit import errors, settings
from reviewkit import protocol as protocol_mod
from reviewkit.project import Project, init_project
from reviewkit.records import Record
from reviewkit.store import records as record_rows

ROOT = Path(__file__).resolve().parents[1]
# the shared helpers (this file's Caught, add_records) importable from every test file, as
# tests/screening/conftest.py does for its folder (pytest runs with --import-mode=importlib).
# `from conftest import …` loads this file a second time, as 'conftest' beside the plugin pytest
# loaded (0.5 ms; its fixtures and hooks are not registered, the helpers work alike). A hook that
# set sys.modules['conftest'] to the plugin after each folder's conftest was tried and dropped:
# pytest removes the name before loading each one, so a folder's conftest importing from this
# file (tests/tui's) loaded the second copy all the same.
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))


# What a person's own shell may set for reviewkit (a reviewer's name, a project, a keymap, an
# E-utilities address, an API key): every test starts without it, so the suite gives the same
# results on a developer's machine as in CI. REVIEWKIT_DATA stays: it says where the data is.
_PERSONAL_SETTINGS = tuple(v.name for v in settings.VARIABLES if v.name != "REVIEWKIT_DATA")


@pytest.fixture(autouse=True)
def _no_personal_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset the variables a developer's shell may hold for reviewkit (tests set what they need)."""
    for name in _PERSONAL_SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _no_project_opened_before() -> None:
    """The command lines hints name carry the --project of the project last opened in the
    process (errors.command_line): a test's own, not one an earlier test opened."""
    errors.project_opened("")


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Collect garbage now, then freeze what is left, so that ending a worker is quick.

    After the last test an xdist worker reports 'workerfinished' (at the end of this hook);
    the controller then gives it 5 s to end, or execnet sends it a SIGINT. pytest's cleanup
    runs gc.collect() five times (to catch unraisable exceptions), 2.5-3 s for the ~100,000
    objects a worker holds, longer on a loaded machine; the SIGINT then lands in the only
    Python code gc runs, hypothesis's gc callback, and 'make test' printed its KeyboardInterrupt
    traceback above the summary. Collecting here (before the report) and freezing the
    survivors (gc.freeze: later collections skip them) makes those five collections instant.
    """
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _protocol_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """--reviewer and --resolver default to the login name, which the shipped protocols do
    not list (reviewkit.protocol.people): tests run as the protocols' reviewer1 and lead."""
    monkeypatch.setenv("REVIEWKIT_REVIEWER", "reviewer1")
    monkeypatch.setenv("REVIEWKIT_RESOLVER", "lead")


PROTOCOLS = ROOT / "protocols"
PROTOCOL_A = PROTOCOLS / "rtw-systematic-reviews.toml"
PROTOCOL_B = PROTOCOLS / "work-health-collaboration.toml"


def add_records(project: Project, records: Iterable[Record], source: str = "test") -> list[int]:
    """Store records as one import batch (what `reviewkit import` does) and return their ids."""
    db = project.db
    with db.transaction():
        import_id = record_rows.add_import(
            db, source=source, path=f"<{source}>", fmt="test", sha256=f"test-{id(records)}"
        )
        recs = list(records)
        for i, rec in enumerate(recs, start=1):
            rec.source = rec.source or source
            rec.origin = rec.origin or f"<{source}>"
            rec.position = rec.position or i
        ids = record_rows.add_records(db, recs, import_id=import_id)
        record_rows.finish_import(db, import_id, len(ids))
    return ids


@pytest.fixture
def project_a(tmp_path: Path) -> Iterable[Project]:
    """A new project on Review A's protocol (rapid review of systematic reviews)."""
    project = init_project(tmp_path / "review-a", PROTOCOL_A)
    yield project
    project.close()


@pytest.fixture
def project_b(tmp_path: Path) -> Iterable[Project]:
    """A new project on Review B's protocol (collaboration models)."""
    project = init_project(tmp_path / "review-b", PROTOCOL_B)
    yield project
    project.close()


# the shipped protocols, loaded once a module, for the classification, extraction and report
# tests of tests/classify and tests/reports (one place: both folders read the same reviews)
@pytest.fixture(scope="module")
def review_a() -> protocol_mod.Protocol:
    """Review A's shipped protocol (rtw-systematic-reviews.toml)."""
    return protocol_mod.load(PROTOCOL_A)


@pytest.fixture(scope="module")
def review_b() -> protocol_mod.Protocol:
    """Review B's shipped protocol (work-health-collaboration.toml)."""
    return protocol_mod.load(PROTOCOL_B)


@pytest.fixture(scope="module")
def demo() -> protocol_mod.Protocol:
    """The demo's shipped protocol (demo-work-health.toml)."""
    return protocol_mod.load(PROTOCOLS / "demo-work-health.toml")


@pytest.fixture(scope="module")
def domains() -> protocol_mod.Protocol:
    """The intervention-domain review's shipped protocol (rtw-intervention-domains.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-intervention-domains.toml")


@pytest.fixture(scope="module")
def depression() -> protocol_mod.Protocol:
    """The depression review's shipped protocol (rtw-depression-interventions.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-depression-interventions.toml")


@pytest.fixture(scope="module")
def workplace() -> protocol_mod.Protocol:
    """The workplace-intervention review's shipped protocol (rtw-workplace-sick-leave.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-workplace-sick-leave.toml")


@pytest.fixture(scope="module")
def cmd() -> protocol_mod.Protocol:
    """The common-mental-disorders review's shipped protocol (rtw-cmd-psychological.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-cmd-psychological.toml")


@pytest.fixture(scope="module")
def coordination() -> protocol_mod.Protocol:
    """The return-to-work coordination review's shipped protocol (rtw-coordination.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-coordination.toml")


@pytest.fixture(scope="module")
def conditioning() -> protocol_mod.Protocol:
    """The physical conditioning review's shipped protocol (rtw-physical-conditioning.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-physical-conditioning.toml")


class Caught(list):
    """The typed messages of ``types`` a terminal app posted, each once (a message bubbles from
    its screen to the app, and Textual's hook sees it at both): pass as
    ``app.run_test(message_hook=caught)``."""

    def __init__(self, *types: type) -> None:
        super().__init__()
        self.types = types

    def __call__(self, message: object) -> None:
        if isinstance(message, self.types) and not any(m is message for m in self):
            self.append(message)


def dump_database(db: Path) -> list[str]:
    """Every row of every table as SQL, after moving the WAL into the database file: two dumps
    are equal when nothing was written between them."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return list(conn.iterdump())
    finally:
        conn.close()


@contextmanager
def write_lock(project: Project) -> Iterator[sqlite3.Connection]:
    """A second connection holding the project's write lock (as an import does) until the end."""
    conn = sqlite3.connect(project.database_path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()


async def drained(pilot, screen) -> None:
    """Let a busy-waiting screen's retry timer run until no key waits (at most 10 s of pauses)."""
    for _ in range(100):
        if not screen.waiting:
            return
        await pilot.pause(0.1)


def all_commands(
    command: click.Command | None = None, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, click.Command]]:
    """('search run', command) for every command and group under ``reviewkit``, through
    list_commands/get_command: the top group loads a command's module only when asked
    (cli/lazy_group.py), so ``group.commands`` may still be empty when a test walks it."""
    if command is None:
        from reviewkit.cli import cli

        command = cli
    if path:
        yield " ".join(path), command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, f"{name} is listed but cannot be loaded"
            yield from all_commands(sub, (*path, name))


@pytest.fixture(scope="module")
def work_outcomes() -> protocol_mod.Protocol:
    """The work participation outcomes review's shipped protocol (rtw-work-outcomes.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-work-outcomes.toml")


@pytest.fixture(scope="module")
def study_designs() -> protocol_mod.Protocol:
    """The study designs review's shipped protocol (rtw-study-designs.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-study-designs.toml")


@pytest.fixture(scope="module")
def providers() -> protocol_mod.Protocol:
    """The providers and occupations review's shipped protocol (rtw-providers-occupations.toml)."""
    return protocol_mod.load(PROTOCOLS / "rtw-providers-occupations.toml")


def into_closed_pipe(
    *args: str, stderr_too: bool = False, module: str = "reviewkit"
) -> tuple[int, str]:
    """Run ``reviewkit ARGS`` (``python -m MODULE ARGS``) in a new process, its standard output
    a real pipe whose reader has already closed it (what `| head` leaves once head has its
    lines): its exit code and standard error ('' when that is the pipe too, ``stderr_too``)."""
    import os
    import subprocess

    read_end, write_end = os.pipe()
    os.close(read_end)  # closed before the command starts: its first write meets it
    try:
        done = subprocess.run(
            [sys.executable, "-m", module, *args],
            stdout=write_end,
            stderr=write_end if stderr_too else subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            text=True,
            timeout=300,
        )
    finally:
        os.close(write_end)
    return done.returncode, done.stderr or ""


@contextmanager
def umask(mask: int) -> Iterator[None]:
    """The process's umask set to ``mask`` for the block (a user's who shares a folder: 002)."""
    import os

    before = os.umask(mask)
    try:
        yield
    finally:
        os.umask(before)
