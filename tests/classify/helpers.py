"""Helpers shared by the classification tests (here and in tests/reports): the labels a scheme
suggests for one abstract, and how many of a held-out set's rows the CLI's evaluation gets
right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.cli import main as cli_main
from reviewkit.records import AbstractSection, Record


def suggested(
    protocol: protocol_mod.Protocol, scheme: str, abstract: str, title: str = ""
) -> list[str]:
    """The labels ``scheme`` suggests for a record of ``abstract`` as its METHODS section,
    titled ``title`` ("A study" when none)."""
    rec = Record(title=title or "A study", abstract_sections=[AbstractSection("METHODS", abstract)])
    return [s.label for s in classify.suggest(rec, protocol.scheme(scheme))]


def correct_through_cli(
    capsys: pytest.CaptureFixture[str],
    protocol: Path,
    fixture: Path,
    scheme: str,
    gold: str,
    rows: int,
    *more: str,
) -> int:
    """How many of ``fixture``'s ``rows`` rows ``reviewkit classify --evaluate`` labels right
    by ``scheme`` of ``protocol`` against the ``gold`` column (its accuracy times the rows);
    ``more``: further options."""
    args = ["classify", "--evaluate", str(fixture), "--protocol", str(protocol)]
    assert cli_main([*args, "--scheme", scheme, "--gold", gold, *more]) == 0
    out = capsys.readouterr().out
    m = re.search(rf"scheme {scheme} \(rules\): {rows} rows, accuracy ([0-9.]+)", out)
    assert m is not None, out
    return round(float(m.group(1)) * rows)


def refused_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], protocol: Path, old: str, new: str
) -> str:
    """``protocol check``'s message for a copy of ``protocol`` with ``old`` replaced by ``new``
    once, which it must refuse (a non-zero exit)."""
    bad = tmp_path / "edited.toml"
    bad.write_text(protocol.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert cli_main(["protocol", "check", str(bad)]) != 0
    return capsys.readouterr().err
