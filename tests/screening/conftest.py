"""Makes the shared test helpers importable (pytest runs with --import-mode=importlib); the
fixtures more than one screening test file uses."""

import sys
from pathlib import Path

import pytest

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from conftest import add_records  # noqa: E402 (importable once the path above is set)
from screening.helpers import hold_engine, make_topic_records  # noqa: E402


@pytest.fixture
def topics(project_b):
    """Review B's project with 12 include-like and 28 exclude-like records; id -> include-like."""
    records, like = make_topic_records(12, 28)
    ids = add_records(project_b, records)
    return project_b, dict(zip(ids, like, strict=True))


@pytest.fixture
def gate(monkeypatch):
    """Holds the ranking engine (in threads of this process) before it reads the texts."""
    opened = hold_engine(monkeypatch)
    yield opened
    opened.set()
