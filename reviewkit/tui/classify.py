"""``reviewkit confirm``: confirm or change suggested labels quickly, a number key per label.

The screen shows the study with the terms that fired highlighted, every label with its rule
score, the rules' suggestion (R) or the label a person confirmed on another report of the same
study (S), the model's (M) with why, and the confirmed answer (✓); Enter accepts R or S.
The model retrains in a worker thread after every confirmation (:class:`classify.ModelTrainer`);
the line under the status line shows its cross-validated accuracy beside the rules' on the
confirmed studies, and its suggestion (M) appears only while it beats the rules
(:mod:`.confirm_model`).
Single-label schemes: a number key confirms that label and moves on to the next study without a
confirmed label (the message line says when none is left). Multi-label schemes, and single-label
ones with coexisting topics (:mod:`.label_ticks`): number keys tick labels (0, the none answer,
unticks them; a label unticks it) and Enter confirms the ticked ones, as leaving the study does
(j, k, Tab, q). On a study confirmed already Enter keeps that confirmation, storing nothing.
Every confirmation is committed at once; while another process writes to the database, the
key and the keys after it are kept and run as soon as it is free
(:class:`~reviewkit.tui.widgets.WaitsForDatabase`), as in screening.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from reviewkit import classify
from reviewkit.errors import command_line
from reviewkit.project import Project
from reviewkit.protocol.people import confirm_line, typed_name
from reviewkit.tui.actions import Action, page_actions, screen_key
from reviewkit.tui.app import ReviewkitScreen, stopped_line
from reviewkit.tui.confirm_model import ModelSuggestions
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.tui.help import with_numbered_names
from reviewkit.tui.label_rows import LabelRows
from reviewkit.tui.label_ticks import LabelTicks
from reviewkit.tui.message_line import MessageLine
from reviewkit.tui.messages import Confirmed
from reviewkit.tui.numbered_keys import NumberedFooter, numbered_bindings
from reviewkit.tui.record_view import RecordView
from reviewkit.tui.sized_view import SizedView
from reviewkit.tui.status_line import STATUS_CSS, StatusLine
from reviewkit.tui.widgets import (
    WaitsForDatabase,
    footer_order,
    keeps_keys,
    next_position,
    record_renderable,
)
from reviewkit.wording import quantity

# the screening screen's marks (widgets.INCLUDE_STYLE, EXCLUDE_STYLE): the words that fired a
# label in reverse video (black on yellow as before), those that count against one underlined,
# so that without colour they are told from each other and from the bold title round them
EVIDENCE_STYLE = "bold reverse #ffd966 on black"
NEGATIVE_STYLE = "bold underline white on #c0392b"
# Between the names of a list of labels in the message line: shipped names hold ", ", " and "
# and " or " ("Hospital or specialist care", "Digital (internet, app, video)"), so names joined
# with ", " could not be told apart; no shipped label's name holds " | " (a test reads them all)
LABELS_APART = " | "

ACTIONS: tuple[Action, ...] = (
    *(
        Action(
            f"classify.label{n}", str(n), f"choose({n})", f"Label {n}", show=False, group="Label"
        )
        for n in range(1, 10)
    ),
    Action("classify.none", "0", "choose(0)", "None of these", show=False, group="Label"),
    Action(  # the footer's word is short: "1–9 Choose a label" and "? Help q Quit" fit 80 columns
        "classify.accept",
        "enter,a",
        "accept",
        "Accept suggestion (R/S) / selection",
        group="Label",
        footer="Accept",
    ),
    Action("classify.accept_model", "m", "accept_model", "Accept model", group="Label"),
    Action("classify.next", "j,down", "move(1)", "Next", group="Move"),
    Action("classify.previous", "k,up", "move(-1)", "Prev", group="Move"),
    Action("classify.next_open", "tab", "next_open", "Next unconfirmed", show=False, group="Move"),
    # the record pane says "… more lines (PgDn / Space)": the evidence may sit further down
    *page_actions("classify"),
    Action("classify.help", "question_mark", "help", "Help", group="Other"),
    Action("classify.quit", "q", "quit", "Quit", group="Other"),
)


@keeps_keys
class ConfirmScreen(
    LabelRows, LabelTicks, ModelSuggestions, NumberedFooter, WaitsForDatabase, ReviewkitScreen
):
    """One study, the scheme's labels with their keys, scores and suggestions."""

    DEFAULT_CSS = (
        STATUS_CSS
        + """
    #model { height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    #labels { height: auto; border-top: solid $primary; padding: 0 1; border-title-align: left; }
    #message { padding: 0 1; color: $warning; }
    """
    )
    NUMBERED = "classify.label"
    # ? and q before moving: 80 columns cut the rest; the label keys first, as "1–9"
    BINDINGS = numbered_bindings(footer_order(ACTIONS), NUMBERED, "Choose a label")
    TITLE = "reviewkit confirm"
    ACTIONS_ID = "classify"

    @property
    def without_terminal(self) -> str:
        """How to confirm the labels without a terminal, the label line naming this reviewer
        (label takes $REVIEWKIT_REVIEWER or the login name by default)."""
        label = command_line(f"label RECORD SCHEME=LABEL --reviewer {typed_name(self.reviewer)}")
        return (
            f"or see the suggestions with '{command_line('classify --csv FILE')}' and confirm"
            f" each with '{label}'"
        )

    def __init__(
        self,
        project: Project,
        scheme_id: str,
        study_ids: list[int],
        reviewer: str,
        *,
        every: bool = False,
    ) -> None:
        """``every``: opened with --all (the next scheme's line keeps it, as its count does)."""
        super().__init__()
        self.every = every
        self.project = project
        self.scheme = project.protocol.scheme(scheme_id)
        self.studies = list(study_ids)
        self.reviewer = reviewer
        self.records = classify.study_records(project, self.studies)
        # record id -> its study: the status line and the model count studies, not reports
        self.study_of = classify.study_map(project)
        self.study_rules = classify.StudyRules(project, self.scheme)  # scores each study once
        self._model_said: dict[int, tuple[classify.Model, list[classify.Suggestion]]] = {}
        self.trainer: classify.ModelTrainer | None = None
        self.pos = 0
        self.selection: set[str] = set()
        # multi-label: the study whose confirmed labels the ticks started from, and those labels
        # (a change from them is what leaving the study saves)
        self._ticks_of: int | None = None
        self._ticks_from: set[str] = set()
        self.keys = [lab.id for lab in self.scheme.labels][:9]
        self._shown_study: int | None = None  # the study the record pane shows
        self._labels_width = 0  # the width the label rows were laid out for
        self._done_shown: dict[int, list[str]] = {}  # the confirmed labels, as last read
        self._tie_pointed = False  # ⏎ pressed on a tie: its line is shown in reverse
        self._model_key_on: bool | None = None  # m in the footer: on, or greyed (off)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield Static(id="model")  # the model's line, as the screening screen's order line
        yield RecordView("classify.page_down", id="record")
        yield SizedView(id="labels")
        yield MessageLine(id="message")  # grows for a long message
        yield KeysFreeingFooter()

    def numbered_count(self) -> int:
        return len(self.keys)

    def numbered_words(self) -> str:
        """Where the number keys tick (:attr:`ticking`: a multi-label scheme, or coexisting
        topics), 0 (the none answer, which unticks the labels) is named beside them: "1–9
        Tick, 0 none"."""
        if not self.ticking:
            return ""
        return f"Tick, {screen_key(self.app, 'classify.none')} none"

    def on_mount(self) -> None:
        self.wait_briefly(self.project.db.set_busy_timeout)
        done = classify.confirmed_labels(self.project, self.scheme.id)  # read once, as _commit
        self.pos = self._next_unconfirmed(0, done) or 0
        self.trainer = classify.ModelTrainer(self.scheme, self.records, study_of=self.study_of)
        self.trainer.submit(done)
        self._shown_version = 0
        self.set_interval(0.5, self._poll)
        self.render_current(done)

    def on_unmount(self) -> None:
        if self.trainer is not None:
            self.trainer.close()

    def _poll(self) -> None:
        """Redraw when the trainer has published a model since the last look (the trainer's
        thread never waits for the screen, so neither can block the other)."""
        if self.trainer is not None and self.trainer.version != self._shown_version:
            self._shown_version = self.trainer.version
            self.render_current()

    # data ------------------------------------------------------------------------------------
    @property
    def current(self) -> int:
        return self.studies[self.pos]

    def rules(self, rid: int) -> list[classify.Suggestion]:
        """The rules' suggestion on the evidence of the whole study, or the label a person
        confirmed on another report of it (read anew: the reviewer may just have confirmed one)."""
        return self.study_rules.of(rid)[1]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # m with no M on the study: greyed in the footer, and says why when pressed (why_off)
        return None if action == "accept_model" and self.why_no_model() else True

    def why_off(self, action: str) -> str:
        return self.why_no_model() if action == "accept_model" else ""

    @property
    def _unit(self) -> str:
        """What the screen walks: 'study', or 'report' when some are reports of one study."""
        studies = {self.study_of.get(r, r) for r in self.studies}
        return "report" if len(studies) < len(self.studies) else "study"

    def _confirmed_count(self, done: dict[int, list[str]]) -> str:
        """'confirmed 3 of 6', or 'confirmed 1 of 5 studies (6 reports)' when some are reports
        of one study: a study counts once each of its reports here has a confirmed label (the
        walk stops at each report; an S offer makes the others one key)."""
        studies: dict[int, bool] = {}
        for rid in self.studies:
            sid = self.study_of.get(rid, rid)
            studies[sid] = studies.get(sid, True) and bool(done.get(rid))
        n_done = sum(studies.values())
        if len(studies) == len(self.studies):
            return f"confirmed {n_done} of {len(studies)}"
        return f"confirmed {n_done} of {len(studies)} studies ({len(self.studies)} reports)"

    def quit_line(self) -> str:
        """Where the reviewer stopped, for the terminal after the screen closes (it leaves
        nothing there, as ``screen`` says): 'lead at Model of collaboration: confirmed 15 of 15
        studies (16 reports); every label is saved; next: Diagnosis group: 15 studies unconfirmed
        (LINE)'. Each scheme by its name, as the screen's title shows it (the id under a name
        read as another thing); its id only in the command that needs it."""
        done = classify.confirmed_labels(self.project, self.scheme.id)
        # ticks left only by ctrl+q, which the app keeps to quit without the screen's keys
        unsaved = (
            f"the labels ticked on study {self.pos + 1} (id {self.current}) were not saved"
            if self._ticks_changed()
            else ""
        )
        return stopped_line(
            self.reviewer,
            self.scheme.name,
            self._confirmed_count(done),
            "every label is saved",
            self._other_schemes_left(),
            unsaved=unsaved,
            kept=self.waiting,
            typed=self.left_in_prompt,
        )

    def label_name(self, label: str) -> str:
        """A label's name in the protocol (the none answer's: none_name, "None of these" when
        the protocol gives none)."""
        return self.scheme.name_of(label)

    def label_names(self, labels: list[str]) -> str:
        """Labels' names as one list the reader can split: joined with :data:`LABELS_APART`, in
        the order of the label rows (the protocol's; the none answer last), not of their ids."""
        return LABELS_APART.join(self.label_name(lab) for lab in self.in_row_order(labels))

    def in_row_order(self, labels: Iterable[str]) -> list[str]:
        """``labels`` in the order of the label rows (the protocol's; the none answer last):
        the order the messages name them in and a confirmation stores them in."""
        row = {lab.id: n for n, lab in enumerate(self.scheme.labels)}
        return sorted(labels, key=lambda lab: row.get(lab, len(row)))

    def _next_unconfirmed(self, start: int, done: dict[int, list[str]] | None = None) -> int | None:
        """Position of the next study from ``start`` on (wrapping) without a confirmed label
        (``done``: the confirmed labels, when the caller has just read them)."""
        if done is None:
            done = classify.confirmed_labels(self.project, self.scheme.id)
        return next_position(len(self.studies), start, lambda i: not done.get(self.studies[i]))

    def _other_schemes_left(self) -> str:
        """'; next: Work setting: 60 studies unconfirmed (reviewkit confirm --reviewer ann --scheme
        work)' (the scheme's name, its id in the command) for each of the protocol's other
        schemes with studies still unconfirmed here: the screen confirms one scheme, and a
        reviewer done with it was not told that the report's second scheme (the evidence map's
        columns) still waited, nor the line to type."""
        left = []
        for scheme in self.project.protocol.schemes.values():
            if scheme.id != self.scheme.id:
                done = classify.confirmed_labels(self.project, scheme.id)
                # studies counted once, as the status line counts them
                if waiting := {self.study_of.get(r, r) for r in self.studies if not done.get(r)}:
                    line = confirm_line(self.reviewer, scheme.id, every=self.every)
                    left.append(
                        f"{scheme.name}: {quantity(len(waiting), 'study')} unconfirmed ({line})"
                    )
        return f"; next: {'; '.join(left)}" if left else ""

    # rendering ------------------------------------------------------------------------------
    def say(self, message: str) -> None:
        self.query_one("#message", Static).update(message)

    def render_current(self, done: dict[int, list[str]] | None = None) -> None:
        """Show the current study with its evidence highlighted, the status line and labels
        (``done``: the confirmed labels, when the caller has just read them)."""
        rid = self.current
        if done is None:
            done = classify.confirmed_labels(self.project, self.scheme.id)
        # how many are confirmed first: it must stay in view at 80 columns; the model has a line
        self.query_one("#status", StatusLine).show(
            self._confirmed_count(done),
            (f"{self._unit} {self.pos + 1} (id {rid})", f"{self._unit} {self.pos + 1}"),
            self.scheme.name,
            self.reviewer,
        )
        self.query_one("#model", Static).update(self.model_status())
        scores, rules = self.study_rules.of(rid)  # scored once per study, not per redraw
        body = record_renderable(self.records[rid])
        for part in body.renderables:
            if isinstance(part, Text):
                for s in scores:
                    for e in s.evidence:
                        if not e.report:  # this record's words (not another report's)
                            part.highlight_words(
                                [e.text], style=NEGATIVE_STYLE if e.negative else EVIDENCE_STYLE
                            )
        # the model's redraws (every retraining) keep the page the reader is on
        self.query_one("#record", RecordView).show(body, keep_place=rid == self._shown_study)
        self._shown_study = rid
        if self.ticking and self._ticks_of != rid:
            self._start_ticks(rid, done.get(rid, []))
        self._done_shown = done
        self.render_labels()
        model_on = not self.why_no_model()
        if model_on != self._model_key_on:  # the footer is rebuilt only when m turns on or off
            self._model_key_on = model_on
            self.refresh_bindings()

    def render_labels(self) -> None:
        """The label rows and their title, alone: laid out again for a new width (the
        screen's scrollbar come or gone) without the study's record, status and model lines,
        drawn once per move (the whole screen had been drawn twice where a move toggled it)."""
        rid = self.current
        scores, rules = self.study_rules.of(rid)
        labels = self.query_one("#labels", Static)
        rows = self.label_rows(rid, scores, rules, self._done_shown.get(rid, []))
        labels.border_title = self.labels_title()  # for the width the rows are laid out for
        labels.update(rows)

    # actions --------------------------------------------------------------------------------
    def _save(self, labels: list[str]) -> dict[int, list[str]]:
        """Confirm ``labels`` for the current study; returns the confirmed labels read anew."""
        # writes first: a busy database raises before anything here changed (the key is kept)
        classify.confirm(self.project, self.current, self.scheme.id, labels, self.reviewer)
        self.post_message(Confirmed(self.current, self.scheme.id, list(labels)))
        done = classify.confirmed_labels(self.project, self.scheme.id)  # read once per key
        if self.trainer is not None:
            self.trainer.submit(done)
        self.selection.clear()
        self._ticks_of = None  # the next redraw ticks what is confirmed now
        return done

    def _saved_words(self, labels: list[str]) -> str:
        """'study 3 (id 12): Mental disorders confirmed': named as the status line names it
        (place, then id: the id alone read as a place) and the labels by their names in the
        protocol, as the rows show them (not their ids)."""
        named = self.label_names(labels)
        return f"study {self.pos + 1} (id {self.current}): {named} confirmed"

    def _commit(self, labels: list[str]) -> None:
        said = self._saved_words(labels)
        self._go_on(said, self._save(labels))

    def _go_on(self, said: str, done: dict[int, list[str]]) -> None:
        """Say ``said`` and move to the next study without a confirmed label (``done``)."""
        nxt = self._next_unconfirmed(self.pos + 1, done)  # skips the studies confirmed already
        if nxt is None:
            said += "; every study here has a confirmed label" + self._other_schemes_left()
        else:
            self.pos = nxt
        self.say(said)
        self.render_current(done)

    def action_choose(self, n: int) -> None:
        """Number key: confirm label ``n`` (tick it where the keys tick: :attr:`ticking`);
        0 = none."""
        if n == 0:
            label = classify.none_id(self.scheme)
        elif n <= len(self.keys):
            label = self.keys[n - 1]
        else:
            self.say(f"no label {n}")
            return
        if self.ticking:
            self._tick(label)
            self.render_current()
        else:
            self._commit([label])

    def _keep_confirmed(self) -> bool:
        """Enter on a study confirmed already, its ticks unchanged (or none ticked): keep the
        confirmation, storing nothing, and go on, as leaving it does. Enter stored the ticked
        labels again under this reviewer's name without their having changed anything, and
        in a single-label scheme put the rules' suggestion in place of the ✓ (False: not
        such a study)."""
        done = classify.confirmed_labels(self.project, self.scheme.id)
        confirmed = done.get(self.current)
        if not confirmed or (self.ticking and self._ticks_changed()):
            return False
        who = classify.confirmed_by(self.project.db, self.scheme.id, self.current)
        named = self.label_names(confirmed)
        if self.ticking:  # every label unticked: the ✓ stays ticked (else nothing is ticked)
            self.selection = set(confirmed)
        self._go_on(
            f"study {self.pos + 1} (id {self.current}): {named} kept, confirmed by {who}", done
        )
        return True

    def action_accept(self) -> None:
        """Enter: confirm the selection, or the suggestion (R or S) unless it is a tie; on a
        study confirmed already, unchanged, keep its confirmation."""
        if self._keep_confirmed():
            return
        if self.ticking and self.selection:
            self._commit(self._ticked())
            return
        suggestions = self.rules(self.current)
        if any(s.tie for s in suggestions):  # the labels' tie line says what to press
            self._tie_pointed = True
            self.say("")
            self.render_current()
            self._tie_pointed = False  # until the next redraw (a key, a move)
            return
        self._commit([s.label for s in suggestions])

    def action_accept_model(self) -> None:
        """m: confirm the model's suggestion (the key is off while there is none)."""
        if rows := self.model(self.current):
            self._commit([r.label for r in rows])

    def action_page(self, step: int) -> None:
        self.query_one("#record", RecordView).page(step)

    def action_move(self, step: int) -> None:
        """j/k: the next or previous study (the labels ticked here saved first)."""
        if said := self._keep_ticked():
            self.say(said)
        self.pos = max(0, min(len(self.studies) - 1, self.pos + step))
        self.render_current()

    def action_next_open(self) -> None:
        """Tab: the next study without a confirmed label (the labels ticked here saved first)."""
        said = self._keep_ticked()
        nxt = self._next_unconfirmed(self.pos + 1)
        if nxt is None:
            self.say("; ".join(filter(None, (said, "every study here has a confirmed label"))))
        else:
            self.pos = nxt
            if said:
                self.say(said)
        self.render_current()

    def action_quit(self) -> None:
        """q: quit, the labels ticked here saved first (a busy database keeps the key)."""
        self._keep_ticked()
        super().action_quit()

    def help_content(self) -> tuple[str, list[Action] | tuple[Action, ...]]:
        names = [lab.name for lab in self.scheme.labels][:9]
        actions = with_numbered_names(ACTIONS, "classify.label", names)
        none = self.scheme.none_label_name  # the protocol's none_name, if it gives one
        actions = tuple(
            replace(a, description=none) if a.id == "classify.none" else a for a in actions
        )
        return f"Confirm labels · {self.scheme.name}", actions
