"""`confirm` in a single-label scheme whose topic labels coexist (`topic_rule = "coexist"`:
a topic beside one other label). A number key confirmed its label alone at once, so a reviewer
could give a topic beside a diagnosis only by Enter on the rules' suggestion of both (README:
"a study may be confirmed with both"). The keys tick there, as in a multi-label scheme: one
label that is no topic (another such label replaces it), the topics beside it, and never the
none answer beside a label."""

from __future__ import annotations

import asyncio

from conftest import PROTOCOL_A
from reports.conftest import store_records
from textual.widgets import Static
from tui.helpers import settled_footer

from reviewkit import classify
from reviewkit.classify.studies import confirmed_rows
from reviewkit.project import init_project
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen

SCHEME = "diagnosis-group"  # Review A's: 1 mental, 2 musculoskeletal, …, 7 gp-employer


def _project(tmp_path, rule: str):
    text = PROTOCOL_A.read_text(encoding="utf-8").replace(
        'topic_rule = "precedence"', f'topic_rule = "{rule}"'
    )
    path = tmp_path / f"{rule}.toml"
    path.write_text(text, encoding="utf-8")
    project = init_project(tmp_path / rule, path)
    ids = store_records(project, [Record(title="Sick leave certification by GPs")], "snowballing")
    return project, ids


def _labels(project) -> int:
    """How many number keys choose a label (the footer names as many)."""
    return len(project.protocol.scheme(SCHEME).labels)


def _press(project, ids, *keys: str) -> tuple[str, str]:
    """Press ``keys``; (the label rows before the last key, the footer's first key)."""
    screen = ConfirmScreen(project, SCHEME, ids, "lead")
    seen = []

    async def go() -> None:
        async with ReviewkitApp(screen, keymap={}).run_test(size=(120, 40)) as pilot:
            keys_shown = await settled_footer(pilot)
            seen.append(f"{keys_shown[0].key_display} {keys_shown[0].description}")
            for key in keys:
                seen.append(str(screen.query_one("#labels", Static).render()))
                await pilot.press(key)
                await pilot.pause()

    asyncio.run(go())
    return seen[-1], seen[0]


def test_a_topic_is_ticked_beside_one_diagnosis_and_enter_confirms_both(tmp_path):
    project, ids = _project(tmp_path, "coexist")
    rows, footer = _press(project, ids, "1", "2", "7", "enter")
    assert footer == f"1–{_labels(project)} Tick, 0 none"
    assert "[x] Musculoskeletal" in rows and "[x] Mental" not in rows  # 2 replaced 1
    assert "[x] Role of the GP and the employer" in rows
    assert confirmed_rows(project.db, SCHEME, ids)[ids[0]] == [  # the rows' order (tui44)
        ("musculoskeletal", "lead"),
        ("gp-employer", "lead"),
    ]
    _press(project, ids, "0", "enter")  # none unticks both
    assert classify.confirmed_labels(project, SCHEME)[ids[0]] == ["none"]
    project.close()


def test_without_coexisting_topics_a_key_still_confirms_at_once(tmp_path):
    project, ids = _project(tmp_path, "precedence")
    _rows, footer = _press(project, ids, "7")
    assert footer == f"1–{_labels(project)} Choose a label"
    assert classify.confirmed_labels(project, SCHEME)[ids[0]] == ["gp-employer"]
    project.close()
