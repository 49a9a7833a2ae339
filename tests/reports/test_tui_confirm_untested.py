"""The confirm screen of a scheme with ``none_if_untested`` (Review B's model type): a study
that tests no intervention and names the employer once shows the workplace row at the
threshold's score with its evidence, and the R on the none label. Nothing said why: the help
read "the rules suggest the highest-scoring label when its score reaches the scheme's threshold
(1)" beside a score of 1. A line under the rows says it, and the help names the rule."""

from __future__ import annotations

import asyncio

from reports.conftest import store_records
from textual.widgets import Static

from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen

SCHEME = "model-type"
SAID = "the study tests no intervention"


def _study(title: str, text: str) -> Record:
    return Record(title=title, abstract_sections=[AbstractSection("", text)])


SURVEY = _study(
    "Sickness certificates issued in Danish general practice: a cross-sectional analysis",
    "We analysed 48,000 electronic sickness certificates issued by 210 practices in 2021. Most "
    "gave no advice on work, and few were ever seen by the employer.",
)
TRIAL = _study(
    "Return to work after sick leave for back pain",
    "A randomised trial in a cohort of 300 sick-listed workers: the intervention group's "
    "adjusted duties were agreed with the employer.",
)


def _rows(project, record: Record) -> tuple[str, str]:
    """The label rows shown for ``record`` and the help's note on them."""
    ids = store_records(project, [record], "snowballing")
    screen = ConfirmScreen(project, SCHEME, ids, "ann")
    seen: list[str] = []

    async def go() -> None:
        async with ReviewkitApp(screen, keymap={}).run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            seen.append(str(screen.query_one("#labels", Static).render()))
            await pilot.press("q")

    asyncio.run(go())
    return seen[0], screen.help_notes()[1]


def test_the_confirm_screen_says_why_a_study_of_no_intervention_has_no_label(project_b):
    rows, help_said = _rows(project_b, SURVEY)
    assert "employer" in rows  # the evidence is still shown, beside the workplace row
    assert SAID in rows and "a score above 1" in rows
    assert "above it in a study that tests no intervention" in help_said


def test_a_trial_s_rows_say_nothing_of_it(project_b):
    rows, _ = _rows(project_b, TRIAL)
    assert SAID not in rows
