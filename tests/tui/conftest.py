"""The team of tests/tui: another review than NAV's (burnout and long COVID, return to work),
two reviewers and a lead, three records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit.project import Project, init_project

PROTOCOL = """\
[review]
id = "burnout-rtw"
title = "Workplace interventions for employees with burnout or long COVID: return to work"
question = "Which workplace or health-care interventions help employees return to work?"
reviewers = ["maria", "tom"]
leads = ["sara"]

[stages.title-abstract]
advance_on = ["include", "uncertain"]
exclusion_reasons = [
  { code = "not-employees", label = "Not employees of working age" },
  { code = "not-burnout-covid", label = "Not burnout, work stress or long COVID" },
]

[stages.full-text]
advance_on = ["include"]
reason_required = true
exclusion_reasons = [
  { code = "not-employees", label = "Not employees of working age" },
  { code = "not-burnout-covid", label = "Not burnout, work stress or long COVID" },
  { code = "no-intervention", label = "No intervention studied" },
  { code = "no-work-outcome", label = "No work outcome" },
  { code = "wrong-design", label = "Not an empirical study" },
  { code = "no-access", label = "Could not get the full text", not_retrieved = true },
]
"""


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[Project, list[int]]]:
    (tmp_path / "burnout-rtw.toml").write_text(PROTOCOL, encoding="utf-8")
    project = init_project(tmp_path / "rtw", tmp_path / "burnout-rtw.toml")
    ids = add_records(project, make_records(3))
    yield project, ids
    project.close()
