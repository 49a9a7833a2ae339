"""Fixtures for the classification tests of other reviews' shapes and schemes: the shipped
protocols."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import protocol as protocol_mod

SHIPPED = Path(__file__).resolve().parents[2] / "protocols"


@pytest.fixture(scope="module")
def review_b() -> protocol_mod.Protocol:
    """Review B's shipped protocol (work-health-collaboration.toml)."""
    return protocol_mod.load(SHIPPED / "work-health-collaboration.toml")


@pytest.fixture(scope="module")
def domains() -> protocol_mod.Protocol:
    """The intervention-domain review's shipped protocol (rtw-intervention-domains.toml)."""
    return protocol_mod.load(SHIPPED / "rtw-intervention-domains.toml")


@pytest.fixture(scope="module")
def depression() -> protocol_mod.Protocol:
    """The depression review's shipped protocol (rtw-depression-interventions.toml)."""
    return protocol_mod.load(SHIPPED / "rtw-depression-interventions.toml")


@pytest.fixture(scope="module")
def workplace() -> protocol_mod.Protocol:
    """The workplace-intervention review's shipped protocol (rtw-workplace-sick-leave.toml)."""
    return protocol_mod.load(SHIPPED / "rtw-workplace-sick-leave.toml")
