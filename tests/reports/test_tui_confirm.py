"""The confirm screen with Pilot: number keys confirm, Enter accepts the rules, evidence is shown."""

from __future__ import annotations

import asyncio
import inspect

from conftest import Caught
from textual.widgets import Static
from tui.helpers import settled_footer

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ACTIONS, ConfirmScreen
from reviewkit.tui.extract import ExtractScreen
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.messages import Confirmed


def confirm_app(project, ids) -> ReviewkitApp:
    """The confirm screen for Review B's model type, as reviewer ann."""
    return ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})


def test_confirm_keys(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])

    confirmed = Caught(Confirmed)

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(120, 40), message_hook=confirmed) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ConfirmScreen) and screen.current == ids[0]
            labels = str(screen.query_one("#labels", Static).render())
            assert "Job specialist in mental health treatment" in labels and "why:" in labels
            assert "individual placement and support@title" in labels
            await pilot.press("enter")  # accept the rules: job-specialist
            await pilot.pause()
            assert screen.current == ids[1]
            await pilot.press("1")  # multidisciplinary team, against the rules' suggestion
            await pilot.pause()
            await pilot.press("0")  # none of these
            await pilot.pause()
            await pilot.press("k")
            await pilot.press("m")  # no model yet (or training on 3): a message, nothing written
            await pilot.pause()
            said = str(screen.query_one("#message", Static).render())
            assert said.startswith("Accept model: ") and (
                "no model yet" in said or "training" in said
            )
            assert [(m.study, m.labels) for m in confirmed] == [
                (ids[0], ["job-specialist"]),
                (ids[1], ["multidisciplinary-team"]),
                (ids[2], ["none"]),
            ]
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.press("q")

    asyncio.run(scenario())
    confirmed = classify.confirmed_labels(project, "model-type")
    assert confirmed == {
        ids[0]: ["job-specialist"],
        ids[1]: ["multidisciplinary-team"],
        ids[2]: ["none"],
    }


def test_multi_label_toggle_then_enter(b_included):
    project, ids = b_included

    async def scenario() -> None:
        app = ReviewkitApp(
            ConfirmScreen(project, "severe-mental-illness", ids[:1], "ann"), keymap={}
        )
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("1", "enter")
            await pilot.pause()

    asyncio.run(scenario())
    assert classify.confirmed_labels(project, "severe-mental-illness") == {ids[0]: ["smi"]}


def test_every_label_key_has_an_action():
    keys = {a.key for a in ACTIONS}
    assert {str(n) for n in range(10)} <= keys
    assert len({a.id for a in ACTIONS}) == len(ACTIONS)


def test_tab_wraps_to_an_unconfirmed_study_and_says_when_there_is_none(b_included):
    project, ids = b_included
    classify.confirm(project, ids[1], "model-type", ["workplace"], "ann")
    classify.confirm(project, ids[2], "model-type", ["coordinator"], "ann")

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.current == ids[0]  # the one study without a confirmed label
            await pilot.press("j", "j", "tab")
            await pilot.pause()
            assert screen.current == ids[0]  # wrapped round
            await pilot.press("2")  # confirm it: nothing is left
            await pilot.pause()
            await pilot.press("tab")
            await pilot.pause()
            assert "every study here has a confirmed label" in str(
                screen.query_one("#message", Static).render()
            )

    asyncio.run(scenario())


def test_model_retrains_in_the_background_and_shows_its_accuracy(project_b, store, include_all):
    from reviewkit.records import Record

    # names the protocol's terms do not know: the rules say "none", the confirmations teach
    recs = [
        Record(title=f"The {name} programme, site {i}")
        for i in range(4)
        for name in ("Sunflower", "Harbour")
    ]
    ids = store(project_b, recs, "test")
    include_all(project_b, ids)
    for rid, lab in zip(ids[:5], ["job-specialist", "workplace"] * 3, strict=False):
        classify.confirm(project_b, rid, "model-type", [lab], "ann")

    async def scenario() -> None:
        app = ReviewkitApp(ConfirmScreen(project_b, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.current == ids[5]
            await pilot.press("5")  # workplace: the sixth confirmation, a retrain is queued
            await pilot.pause()
            assert screen.trainer.wait(timeout=60)
            await pilot.press("j", "k")  # redraw now rather than at the next poll
            await pilot.pause()
            status = str(screen.query_one("#model", Static).render())
            assert "model 100% cross-validated on 6 (rules 0%)" in status
            labels = str(screen.query_one("#labels", Static).render())
            assert "model:" in labels  # its suggestion and why, beside the rules'
            await pilot.press("m")  # accept the model's suggestion for the seventh study
            await pilot.pause()
            await pilot.press("q")

    asyncio.run(scenario())
    assert classify.confirmed_labels(project_b, "model-type")[ids[6]] == ["job-specialist"]


def test_help_names_the_schemes_labels(b_included):
    """The help lists each number key with its label's name, and no key the scheme leaves unused."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(120, 50)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = app.export_screenshot().replace("&#160;", " ")
            assert "Job specialist in mental health treatment" in shown
            assert "Label 1" not in shown and "Label 7" not in shown
            await pilot.press("escape", "q")

    asyncio.run(scenario())


def test_footer_keeps_quit_at_80_columns(b_included):
    """? and q come right after the label keys, before the moving keys: at 80 columns the
    footer was cut after "? Help", hiding the key that quits."""
    project, ids = b_included

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(80, 24)) as pilot:
            # settled as the test below settles: the model trained (its thread's end redraws
            # the screen), then a key press redraws it now; under load one pause was not enough
            assert app.screen.trainer.wait(timeout=60)
            await pilot.press("j", "k")
            await pilot.pause()
            shown = app.export_screenshot().replace("&#160;", " ")
            assert "Accept model" in shown and "Quit" in shown
            await pilot.press("q")

    asyncio.run(scenario())


def test_status_and_model_lines_stay_in_view_at_80_columns(b_included):
    """The confirmed count leads the status line and the model has a line of its own: the
    model's words, last on the status line, were cut off at 80 columns."""
    project, ids = b_included

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.screen.trainer.wait(timeout=60)
            await pilot.press("j", "k")  # redraw now rather than at the next poll
            await pilot.pause()
            shown = [app.screen.query_one(f"#{w}").render_line(0).text for w in ("status", "model")]
            assert (
                f"confirmed 0 of 3 · study 1 (id {ids[0]}) · Model of collaboration · ann"
                in shown[0]
            )
            assert "model: needs more confirmed studies" in shown[1]
            await pilot.press("q")

    asyncio.run(scenario())


def test_confirming_moves_to_the_next_unconfirmed_study_and_says_when_none_is_left(b_included):
    """After a confirmation the screen skips studies confirmed already (it went to the next
    study whatever its state), and says so when no study is left to confirm."""
    project, ids = b_included
    classify.confirm(project, ids[1], "model-type", ["workplace"], "ann")

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.current == ids[0]
            await pilot.press("1")
            await pilot.pause()
            assert screen.current == ids[2]  # ids[1] was confirmed before
            await pilot.press("2")
            await pilot.pause()
            assert screen.current == ids[2]  # nothing left: it stays
            message = str(screen.query_one("#message", Static).render())
            # named as the status line names it (its place, then its id), not by id alone
            assert (
                f"study 3 (id {ids[2]}): Job specialist in mental health treatment confirmed"
                in message
            )
            assert "every study here has a confirmed label" in message
            await pilot.press("q")

    asyncio.run(scenario())
    assert set(classify.confirmed_labels(project, "model-type")) == set(ids)


def test_each_study_is_scored_by_the_rules_once_however_often_it_is_drawn(b_included, monkeypatch):
    """Moving back and forth and confirming redraws a study many times; its rules are scored
    once (they were scored twice per redraw, ~21 ms each on a real abstract)."""
    import threading

    from reviewkit.classify import rules

    project, ids = b_included
    scored: list[str] = []
    fields = rules.record_fields

    def counting(record):  # called once per report each time the rules score a record
        if threading.current_thread() is threading.main_thread():  # not the model's trainer
            scored.append(record.title)
        return fields(record)

    monkeypatch.setattr(rules, "record_fields", counting)

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("j", "k", "j", "j", "k", "k")
            await pilot.press("1")  # confirm the first study: the screen moves to the second
            await pilot.pause()
            app.screen.trainer.wait(timeout=60)
            await pilot.press("q")

    asyncio.run(scenario())
    titles = [r.title for r in classify.study_records(project, ids).values()]
    assert sorted(scored) == sorted(titles)  # each study once


def test_one_confirming_key_reads_the_confirmed_labels_once(b_included, monkeypatch):
    """The trainer, the move to the next unconfirmed study and the redraw share one read (it was
    three reads of the scheme's confirmed labels per key press)."""
    project, ids = b_included
    reads: list[str] = []
    real = classify.confirmed_labels

    def counting(project, scheme_id):
        # a redraw for a newly trained model (the screen's half-second poll) reads them too;
        # under load it can fall inside the key press's window, so only the key's reads count
        if not any(frame.function == "_poll" for frame in inspect.stack(0)):
            reads.append(scheme_id)
        return real(project, scheme_id)

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            monkeypatch.setattr(classify, "confirmed_labels", counting)
            await pilot.press("1")  # confirm the first study: the screen moves to the second
            await pilot.pause()
            assert app.screen.current == ids[1]
            monkeypatch.setattr(classify, "confirmed_labels", real)
            app.screen.trainer.wait(timeout=60)
            await pilot.press("q")

    asyncio.run(scenario())
    assert reads == ["model-type"]


def test_done_with_one_scheme_names_the_schemes_still_waiting(b_included):
    """The screen confirms one scheme; when its last study was confirmed it said only 'every
    study here has a confirmed label', and the evidence map's other scheme stayed unconfirmed."""
    project, ids = b_included
    classify.classify_project(project, ids)
    others = [s for s in project.protocol.schemes if s != "model-type"]
    for scheme in others[1:]:  # every other scheme but one is confirmed already
        for rid in ids:
            classify.confirm(
                project, rid, scheme, [classify.none_id(project.protocol.scheme(scheme))], "ann"
            )

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in ids:
                await pilot.press("0")
                await pilot.pause()
            said = str(app.screen.query_one("#message", Static).render())
            line = f"reviewkit confirm --reviewer ann --scheme {others[0]}"
            name = project.protocol.scheme(others[0]).name  # as its screen shows it (q43l)
            assert said.endswith(
                f"every study here has a confirmed label; next: {name}: 3 studies"
                f" unconfirmed ({line})"
            )

    asyncio.run(scenario())


def test_confirm_pages_a_long_abstract(b_included):
    """The record pane says "… more lines (Space / PgDn)"; in confirm those keys did nothing,
    so on a short terminal the evidence further down an abstract could not be read. A redraw
    when the model retrains in the background must not take the reader back to the top."""
    from reviewkit.tui.record_view import RecordView

    project, ids = b_included

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one("#record", RecordView)
            rows = [view.render_line(y).text for y in range(view.size.height)]
            assert "more lines (PgDn / Space)" in " ".join(rows), rows
            await pilot.press("space")
            await pilot.pause()
            assert view.line_offset > 0
            paged = view.line_offset
            # a retrained model redraws the study (every confirmation): the reader's page stays
            app.screen.render_current()
            assert view.line_offset == paged
            await pilot.press("pageup")
            await pilot.pause()
            assert view.line_offset == 0
            await pilot.press("q")

    asyncio.run(scenario())


def test_a_label_row_reads_as_one_unit_at_80_columns(b_included):
    """At 80 columns the row wrapped after "5  why:", the evidence at the left edge of the next
    line: the evidence now starts with its 'why:', on lines indented under the label's name."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            labels = app.screen.query_one("#labels")
            lines = [labels.render_line(y).text for y in range(labels.size.height)]
            (row,) = [y for y, line in enumerate(lines) if "Job specialist" in line]
            name_at = lines[row].index("Job specialist")
            below = []  # the row's other lines, up to the next label's key
            for line in lines[row + 1 :]:
                if line[:name_at].strip():
                    break
                below.append(line)
            assert "why:" not in lines[row] or "IPS@" in lines[row]  # never 'why:' alone
            # each term once, the strongest first (the model's name in the title)
            assert below and below[0][name_at:].startswith("why: individual placement")
            shown = " ".join(line.strip() for line in below)
            assert "individual placement and support@title" in shown  # all of it, in the row
            await pilot.press("q")

    asyncio.run(scenario())


def test_screen_works_on_the_rules_and_says_what_it_waits_for_while_the_model_trains(
    b_included, monkeypatch
):
    """A training of tens of confirmed studies takes seconds: meanwhile the rules' suggestion
    is confirmed with Enter, and the model line names what the model trains on."""
    import threading

    from reviewkit.classify import background

    project, ids = b_included
    classify.confirm(project, ids[0], "model-type", ["job-specialist"], "ann")
    classify.confirm(project, ids[1], "model-type", ["workplace"], "ann")
    release = threading.Event()
    train = background.train

    def slow_train(*args, **kwargs):
        release.wait(timeout=60)
        return train(*args, **kwargs)

    monkeypatch.setattr(background, "train", slow_train)

    async def scenario() -> None:
        app = confirm_app(project, ids)
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            status = str(screen.query_one("#model", Static).render())
            assert "training on 2 confirmed studies" in status and "R = the rules" in status
            first = screen.current
            await pilot.press("enter")  # the rules' suggestion, while the model still trains
            await pilot.pause()
            assert classify.confirmed_labels(project, "model-type").get(first)
            assert screen.trainer.busy
            release.set()
            assert screen.trainer.wait(timeout=60)
            await pilot.press("q")

    try:
        asyncio.run(scenario())
    finally:
        release.set()


def test_the_labels_heading_is_one_line_at_80_and_says_it_all_at_120(b_included):
    """The heading over the labels took 113 columns: at 80 it wrapped onto a second line and
    a label row fewer was in view. It now fits the width, in whole words where there is room;
    a multi-label scheme's (toggle, then Enter) as well. (Whole words where there is room:
    they give way to the words for the rule score, q44f.)"""
    project, ids = b_included

    async def heading(scheme: str, size: tuple[int, int]) -> list[str]:
        app = ReviewkitApp(ConfirmScreen(project, scheme, ids, "ann"), keymap={})
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            labels = app.screen.query_one("#labels")
            rows = [labels.render_line(y).text.strip() for y in range(2)]
            await pilot.press("q")
        return rows

    for scheme in ("model-type", "severe-mental-illness"):
        for size in ((80, 24), (120, 40)):
            rows = asyncio.run(heading(scheme, size))
            assert rows[0].startswith("Marks: ") and rows[0].endswith("rule score"), rows
            assert rows[1].startswith("1 ")  # the first label's row, right under it
        # at 120 columns the heading names the rule score in its longer words (q44f), the
        # marks short: the whole ones take 132 columns (what the keys do is the border's
        # title since s45, the same for both schemes)
        assert "confirmed; the figure after a label is its rule score" in rows[0], rows[0]
        assert "S another report" in rows[0], rows[0]


def test_no_empty_row_under_the_labels_or_the_fields_at_80x24(b_included):
    """The labels (and the extraction fields) ended with a line break: an empty row under the
    last one, a row of the abstract fewer at 80x24."""
    project, ids = b_included

    async def last_rows(screen, selector: str) -> list[str]:
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            widget = app.screen.query_one(selector)
            rows = [widget.render_line(y).text.strip() for y in range(widget.size.height)]
            await pilot.press("q")
        return rows

    labels = asyncio.run(last_rows(ConfirmScreen(project, "model-type", ids, "ann"), "#labels"))
    assert labels[-1].startswith("0 ") and "None of these" in labels[-1]
    fields = asyncio.run(last_rows(ExtractScreen(project, ids, "ann"), "#fields"))
    assert fields[-1].startswith(f"{len(project.protocol.extraction)} ")  # the last field


def test_a_tie_is_said_once_with_its_keys_and_answered_once_confirmed(tmp_path):
    """A tie was said twice ('The rules tie: choose one.' under the labels and, after ⏎, 'the
    rules tie: press the key of the label you choose' beneath it), and 'choose one' stayed
    after a label was confirmed. Now the labels' line says it once, with the tied labels'
    keys; ⏎ points at that line; once confirmed, it says ✓ is the answer."""
    from conftest import PROTOCOLS, add_records

    from reviewkit import screening
    from reviewkit.project import init_project
    from reviewkit.records import AbstractSection, Record

    project = init_project(tmp_path / "demo", PROTOCOLS / "demo-work-health.toml")
    tied = Record(  # sick leave and occupational health score 3 each in the work scheme
        title="Work disability among workers: a survey",
        abstract_sections=[
            AbstractSection("OBJECTIVE", "To study sick leave."),
            AbstractSection("METHODS", "Occupational health services took part."),
        ],
        year=2020,
    )
    ids = add_records(project, [tied])
    for stage in screening.stage_names(project.protocol):
        for reviewer in ("demo-reviewer-1", "demo-reviewer-2"):
            screening.decide(
                project.db, ids[0], stage, reviewer, "include", protocol=project.protocol
            )
    classify.classify_project(project, ids, ["work"])

    async def scenario() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "work", ids, "lead"), keymap={})
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            screen = app.screen

            def shown(selector: str) -> str:
                return str(screen.query_one(selector, Static).render())

            assert "The rules tie: press 1 or 5 (or another label's key)" in shown("#labels")
            await pilot.press("enter")
            await pilot.pause()
            assert "tie" not in shown("#message")  # said once, under the labels
            assert shown("#labels").count("tie") == 1
            assert classify.confirmed_labels(project, "work") == {}  # ⏎ stored nothing
            await pilot.press("5")
            await pilot.pause()
            assert classify.confirmed_labels(project, "work") == {ids[0]: ["occupational-health"]}
            labels = shown("#labels")
            assert "The rules tie; ✓ marks the label confirmed" in labels
            assert "press 1 or 5" not in labels
            await pilot.press("q")

    asyncio.run(scenario())
    project.close()


def test_footer_shows_the_label_keys_at_80x24(b_included):
    """The label keys 1–9 are the screen's work but the footer named none of them (Enter, m,
    j, k, ? and q only); they are shown once, first, with ? and q still in 80 columns. A
    keymap that moves a label key gets label 1's key in force, not a "1–9" no longer true."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])

    async def scenario(keymap: dict[str, str]) -> list[tuple[str, str]]:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap=keymap)
        async with app.run_test(size=(80, 24)) as pilot:
            keys = await settled_footer(pilot)
            shown = [(k.key_display, k.description) for k in keys if k.region.right <= 80]
            await pilot.press("q")
        return shown

    shown = asyncio.run(scenario({}))
    labels = len(project.protocol.scheme("model-type").labels)
    assert shown[0] == (f"1–{labels}", "Choose a label"), shown
    assert {"Help", "Quit"} <= {d for _, d in shown}, shown
    remapped = asyncio.run(scenario({"classify.label1": "x"}))
    assert remapped[0] == ("x", "Choose a label"), remapped
