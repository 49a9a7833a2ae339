"""Fixtures for the core tests: a project made through the CLI, and a way to see its database."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PROTOCOL_A = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def dump_database(path: Path) -> list[str]:
    """Every row of every table, as SQL text: equal dumps mean an unchanged database."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def cli_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A Review A project created with `reviewkit init`, holding one imported RIS file."""
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL_A)]) == 0
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(folder)]) == 0
    capsys.readouterr()
    return folder


@pytest.fixture
def snapshot() -> Callable[[Path], list[str]]:
    """``snapshot(project_folder)`` -> the dump of its database."""
    return lambda folder: dump_database(folder / "review.sqlite")


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
