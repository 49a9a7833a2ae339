"""Fixtures shared by the classification tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import protocol as protocol_mod

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def comparators():
    """The shipped protocol whose scheme reads the comparator (``rtw-comparators.toml``)."""
    return protocol_mod.load(ROOT / "protocols" / "rtw-comparators.toml")
