"""The conflicts screen: both reviewers' labels, reasons and notes side by side, and the final call.

For the person who resolves disagreements. :func:`reviewkit.screening.conflicts` refuses a
protocol reviewer while the stage is open, so opening this screen never unblinds a reviewer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reviewkit import screening
from reviewkit.errors import DatabaseBusy, UserError, command_line
from reviewkit.project import Project
from reviewkit.protocol.people import typed_name
from reviewkit.screening import ConflictView, decision_words, replaced_final_words
from reviewkit.screening.work_left import work_left
from reviewkit.tui.actions import (
    Action,
    bindings,
    exclusion_actions,
    page_actions,
    screen_key,
)
from reviewkit.tui.app import stopped_line
from reviewkit.tui.conflicts_live import NO_NEW, FindsNewConflicts
from reviewkit.tui.decision import DecisionScreen
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.tui.help import with_stage_reasons
from reviewkit.tui.message_line import MessageLine, error_words
from reviewkit.tui.messages import Resolved, Undone
from reviewkit.tui.record_view import RecordView
from reviewkit.tui.screening_fulltext import attachment_line, open_attachment
from reviewkit.tui.status_line import STATUS_CSS, Part, StatusLine
from reviewkit.tui.widgets import (
    TextPrompt,
    footer_order,
    keeps_keys,
    record_renderable,
)
from reviewkit.wording import quantity

ACTIONS: tuple[Action, ...] = (
    # "…" as beside exclude: the key asks (why include; Enter alone saves), so the keys typed
    # next are the note
    Action("conflicts.include", "i", "final('include')", "Final: include…", group="Decide"),
    Action("conflicts.exclude", "e", "start_exclude", "Final: exclude…", group="Decide"),
    # footer: with "Undo my final decision" the footer ran to 95 columns and 80 cut j Next
    # and k Prev; the help keeps the full words
    Action("conflicts.undo", "z", "undo", "Undo my final decision", group="Decide", footer="Undo"),
    *exclusion_actions("conflicts"),
    Action("conflicts.next", "j,down", "move(1)", "Next", group="Move"),
    Action("conflicts.previous", "k,up", "move(-1)", "Prev", group="Move"),
    # the record pane says "… more lines (PgDn / Space)": a long abstract is cut at 80x24 and
    # the lead must read it all before the final call
    *page_actions("conflicts"),
    # full-text stage only (off elsewhere): the lead reads the attached full text too; named
    # on the "Full text:" line ("… (o to open)"), not in the footer, as on the screening
    # screen: there it cut k Prev at 80 columns
    Action(
        "conflicts.open", "o", "open_fulltext", "Open the full text", show=False, group="Full text"
    ),
    Action("conflicts.help", "question_mark", "help", "Help", group="Other"),
    Action("conflicts.quit", "q", "quit", "Quit", group="Other"),
)

_NEEDS_A_CONFLICT = {"final", "start_exclude", "reason", "cancel", "page", "open_fulltext"}
_STYLE = {"include": "bold green", "exclude": "bold red", "uncertain": "bold yellow"}


@keeps_keys
class ConflictsScreen(FindsNewConflicts, DecisionScreen):
    """``reviewkit conflicts``: resolve disagreements at one stage (``views``: the conflicts,
    read with :func:`reviewkit.screening.conflicts` when not given)."""

    DEFAULT_CSS = (
        STATUS_CSS
        + """
    #record { height: 1fr; }
    #votes { height: auto; max-height: 12; }
    .vote { width: 1fr; height: auto; border: round $primary; padding: 0 1; }
    #final { height: auto; padding: 0 1; border-top: solid $primary; }
    #message { padding: 0 1; color: $warning; }
    """
    )
    # ? and q before moving, and short footer words: every shown key fits 80 columns
    BINDINGS = bindings(footer_order(ACTIONS))
    TITLE = "reviewkit conflicts"

    @property
    def without_terminal(self) -> str:
        """How to resolve the conflicts without a terminal, the lines naming this resolver
        (resolve and import take $REVIEWKIT_REVIEWER or the login name by default)."""
        me = f"--resolver {typed_name(self.resolver)}"
        # the name before the choice: 'include|exclude', left as it is, is a pipe to the shell
        resolve = command_line(f"conflicts resolve RECORD {me} --decision include|exclude")
        return (
            f"or print the conflicts with --list and resolve each with '{resolve}', or write"
            " them to a sheet with --csv FILE, fill its decision column and read it back with"
            f" '{command_line(f'conflicts import FILE {me}')}'"
        )

    ACTIONS_ID = "conflicts"
    # Esc on the reason picker, as Esc on the 'Why include?' prompt says (the message line had
    # kept "exclude: which reason?", the picker gone)
    CANCELLED = "exclude cancelled: no final decision saved"

    def __init__(
        self,
        project: Project,
        stage: str,
        resolver: str,
        views: list[ConflictView] | None = None,
        opener: Callable[[str], bool | None] | None = None,
    ) -> None:
        super().__init__()
        self.opener = opener  # opens a full text (the system's viewer or browser by default)
        self.project = project
        self.protocol = project.protocol
        self.rule = project.protocol.stage(stage)
        self.stage = stage
        self.resolver = resolver
        # read first: a conflict made while the views are read is found at the first look
        self.mark = screening.ConflictsMark(project, stage)
        if views is None:
            views = screening.conflicts(project, stage, resolver)
        self.views = list(views)
        # Open on the first conflict still waiting for a final decision: the resolved ones are
        # listed too (to review or undo), but the lead comes to settle the open ones.
        first_open = next((i for i, v in enumerate(self.views) if v.open), 0)
        self.pos = first_open if self.views else None
        self.no_conflict = False  # as last shown: no conflict at the stage
        self.excluding = False
        self.message = ""

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield RecordView("conflicts.page_down", id="record")
        yield Horizontal(id="votes")
        yield Static(id="final")
        yield MessageLine(id="message")  # grows for a long message
        yield KeysFreeingFooter()

    def on_mount(self) -> None:
        self.wait_briefly(self.project.db.set_busy_timeout)
        self.render_current()
        self.set_interval(self.CHANGES_S, self.look_for_changes)  # conflicts_live
        if not any(v.open for v in self.views):
            # opened with nothing to settle ("No conflicts at the full-text stage." alone, and
            # every key doing nothing): where work waits, as after the stage's last conflict
            self.say(self._none_open())

    def _none_open(self) -> str:
        """'no conflict open here (j looks for new ones) · next: …' (:meth:`_with_next_steps`)."""
        nxt = screen_key(self.app, "conflicts.next").split(" / ")[0]
        return self._with_next_steps(f"no conflict open here ({nxt} looks for new ones)")

    def why_off(self, action: str) -> str:
        """Why ``action`` does nothing: o before full text (:meth:`DecisionScreen.why_off`),
        else a key that needs a conflict with none open (:meth:`_none_open`)."""
        if before := super().why_off(action):
            return before
        return self._none_open() if self.pos is None else ""

    def render_current(self) -> None:
        if (self.pos is None) != self.no_conflict:  # the footer follows (check_action)
            self.no_conflict = self.pos is None
            self.refresh_bindings()
        self.render_status()
        self.render_conflict()

    def render_status(self) -> None:
        """The header: conflicts open and resolved, where the lead is, the stage, the lead."""
        open_count = sum(1 for v in self.views if v.open)
        # its record id too, as `conflicts --list`, the messages and the screening screen's
        # header name it: a lead told "record 13" by a reviewer could not tell which it was
        # narrow, the place reads whole or not at all (status_line): 'conflict 17 of …' had
        # been cut inside at 60 columns
        where: Part = "conflict none"
        if self.pos is not None:
            at, record = f"conflict {self.pos + 1}", f"(record {self.views[self.pos].study_id})"
            where = (f"{at} of {len(self.views)} {record}", f"{at} {record}", at)
        # the conflicts still open first: they must stay in view at 80 columns; the resolver
        # named bare, as the screening header names its reviewer ('resolver lead' was cut at 80
        # columns once the record id came, so a lead could not see whose decisions these were)
        self.query_one("#status", StatusLine).show(
            f"open {open_count}",
            f"resolved {len(self.views) - open_count}",
            where,
            self.stage,
            self.resolver,
        )

    def render_conflict(self) -> None:
        """The record, both reviewers' votes and the final decision (or how to give one)."""
        votes = self.query_one("#votes", Horizontal)
        votes.remove_children()
        final = Text()
        if self.pos is None:
            self.query_one(RecordView).show(
                Text(f"No conflicts at the {self.stage} stage.", style="bold")
            )
        else:
            view = self.views[self.pos]
            record = screening.read_record(self.project.db, view.study_id)
            self.query_one(RecordView).show(
                record_renderable(
                    record,
                    include=self.protocol.highlight_include,
                    exclude=self.protocol.highlight_exclude,
                    extra=[Text(f"Record {view.study_id}", style="dim")],
                )
            )
            panels = []
            for name, label, reason, notes in view.votes:
                text = Text(name + "\n", style="bold")
                text.append(label, style=_STYLE.get(label, ""))
                if reason:
                    text.append(f"\nReason: {self.rule.reason_label(reason)}")
                for note in notes:
                    text.append(f"\nNote: {note}", style="italic")
                panels.append(Static(text, classes="vote"))
            votes.mount_all(panels)
            if view.final is not None:
                f = view.final
                final.append("Final decision: ", style="bold")
                final.append(
                    f.label.removeprefix("final-"),
                    style=_STYLE.get(f.label.removeprefix("final-"), ""),
                )
                if f.reason:
                    final.append(f" ({self.rule.reason_label(f.reason)})")
                final.append(f" by {f.reviewer}")
                if f.note:
                    final.append(f" — {f.note}", style="italic")
                if view.disagree:  # the header counts it open: say why a settled one asks again
                    why = view.reopened.words if view.reopened else "votes came after it"
                    final.append(f"\nOpen again: {why}", style="bold yellow")
            else:
                include = screen_key(self.app, "conflicts.include")
                final.append(
                    f"Not resolved: {include} to include, {self.exclude_key} then a reason number"
                    " to exclude",
                    style="dim",
                )
        if self.pos is not None and self.stage == "full-text":
            final = Group(final, self.full_text_line(self.views[self.pos].study_id))
        if self.excluding:
            final = Group(final, self.picker())
        self.query_one("#final", Static).update(final)

    def full_text_line(self, study: int) -> Text:
        """The "Full text:" line of a study at the full-text stage: what is attached (the
        reviewers read it there), with the key that opens it; nothing is attached from here,
        so with none the line names the command that attaches one (it said only 'none
        attached', with no way on)."""
        att = screening.study_attachment(self.project.db, study)
        return attachment_line(
            att,
            open_key=screen_key(self.app, "conflicts.open"),
            attach_command=command_line(f"attach {study} FILE-OR-URL"),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.full_text_off(action):  # nothing is attached to open before full text
            return None  # pressed, it says what it is for (why_off)
        # no conflict shown: the keys that decide, page or go back are off, greyed in the
        # footer, and say why when pressed (why_off; j looks for new conflicts, z undoes, ?
        # and q work); hidden (False), they had been dropped without a word
        needs_one = action in _NEEDS_A_CONFLICT or (action == "move" and parameters[:1] == (-1,))
        return None if self.pos is None and needs_one else True

    def action_open_fulltext(self) -> None:
        if self.pos is None:
            return
        att = screening.study_attachment(self.project.db, self.views[self.pos].study_id)
        self.say(open_attachment(att, self.opener, attach_key=""))

    def show_picker(self) -> None:
        self.render_current()

    # deciding ----------------------------------------------------------------------------
    def commit(self, label: str, reason: str = "", note: str = "") -> None:
        if self.pos is None:
            return
        view = self.views[self.pos]
        try:
            d = screening.resolve(
                self.project,
                view.study_id,
                self.stage,
                self.resolver,
                label,
                reason,
                note,
                seen=view.final,
                shown=view.votes,
            )
        except DatabaseBusy:
            raise  # kept and tried again (WaitsForDatabase); nothing on screen changed
        except UserError as exc:
            meanwhile = True  # what changed since the screen showed it: shown now
            if isinstance(exc, screening.ResolvedMeanwhile):  # the next key replaces it
                self.views[self.pos] = replace(view, final=exc.final)
            elif isinstance(exc, screening.VotesChangedMeanwhile):  # the next key decides
                self.views[self.pos] = exc.view
            else:
                meanwhile = False
            if self.excluding or meanwhile:
                self.excluding = False
                self.render_current()
            self.say(f"not saved: {error_words(exc)}")
            return
        self.excluding = False
        if view.final is None or d.id != view.final.id:  # the same final given again: not written
            self.mark.wrote()  # shown as saved: no change for the next look
        self.views[self.pos] = replace(view, final=d, disagree=False, reopened=None)
        self.post_message(Resolved(view.study_id, label, reason, self.resolver))
        saved = f"saved: final {decision_words(self.rule, label, reason)} on record {view.study_id}"
        saved += f" by {self.resolver}{replaced_final_words(self.rule, view.final, label, reason)}"
        # the screen goes on to the next conflict, whose line shows no note: the one typed at
        # 'Why include?' is named kept (Enter alone saves none, and says nothing of one)
        saved += ", with your note" if note else ""
        saved += self.not_retrieved_word(self.project, view.study_id, reason)
        nxt = next((i for i in range(self.pos + 1, len(self.views)) if self.views[i].open), None)
        if nxt is None:  # round to one passed with j: the lead had stayed here, "open 1" unsaid
            back = next((i for i in range(self.pos) if self.views[i].open), None)
            if back is not None:
                nxt = back
                saved += f" · back to record {self.views[back].study_id}, still open"
        if nxt is None and not any(v.open for v in self.views):
            nxt, saved = self._take_new(saved)
            if nxt is None:  # the stage's last conflict: where work waits now, as screening says
                saved = self._with_next_steps(saved)
        if nxt is not None:
            self.pos = nxt
        self.render_current()
        self.say(saved)

    def quit_line(self) -> str:
        """Where the resolver stopped, for the terminal after the screen closes (it leaves
        nothing there, as ``screen`` says): 'lead at full-text: 1 conflict resolved, 0 open;
        every final decision is saved; next: …'."""
        from reviewkit import status  # the whole project's reader: not loaded with the screen

        open_count = sum(1 for v in self.views if v.open)
        resolved = quantity(len(self.views) - open_count, "conflict")
        return stopped_line(
            self.resolver,
            self.stage,
            f"{resolved} resolved, {open_count} open",
            "every final decision is saved",
            status.then_line(self.project, self.resolver, self.stage),
            kept=self.waiting,
            typed=self.left_in_prompt,
        )

    def _with_next_steps(self, said: str) -> str:
        """``said`` and where work waits now that no conflict is open here
        (:func:`reviewkit.screening.work_left.next_steps`: records for the reviewers, conflicts of
        another stage), as the screening screen says when a reviewer has none left."""
        from reviewkit import status  # the whole project's reader: not loaded with the screen

        try:
            work = work_left(self.project, self.resolver)
            steps = status.steps_from(self.project, work, self.resolver, self.stage)
        except DatabaseBusy:  # the decision is saved: the words can wait
            return said
        return f"{said} · next: {steps}" if steps else f"{said} · nothing waits at any stage"

    def _take_new(self, said: str) -> tuple[int | None, str]:
        """Conflicts that arose since the screen opened (reviewers still screening), added to
        the list, and the listed ones as they are now (:meth:`take_listed`: open again, or
        resolved by another lead): the place of the first new one, else of the first listed
        one open again (None when there is neither), and ``said`` with what changed."""
        known = {v.study_id for v in self.views}
        self.mark.take()  # before the read: a change made meanwhile is seen at the next look
        try:
            fresh = screening.conflicts(self.project, self.stage, self.resolver)
        except DatabaseBusy:  # a long write elsewhere: the next look reads them
            self.mark.forget()
            return None, said
        except UserError:
            return None, said
        again, told = self.take_listed(fresh)
        said = "; ".join(p for p in (said, *told) if p)
        new = [v for v in fresh if v.study_id not in known]
        if not new:
            return again, said if told else said + ("; " if said else "") + NO_NEW
        self.views += new
        if self.pos is None:
            self.pos = 0
        # not "since the screen opened": the timer's looks take them as they come, and the
        # second look's "1 new conflict since the screen opened" read as the whole of them
        count = f"{quantity(len(new), 'new conflict')} at the end of the list"
        return len(self.views) - len(new), (said + "; " if said else "") + count

    def action_final(self, label: str) -> None:
        if self.pos is None:
            return
        self.excluding = False

        def done(text: str | None) -> None:
            if text is None:  # Esc: as the screening screen's "exclusion cancelled"
                self.say(f"{label} cancelled: no final decision saved")
                return
            self.kept(lambda: self.commit(label, note=text.strip()))

        # Enter alone saves without a note: the prompt says so (a lead waited for a required field)
        why = "Why include? (optional: Enter alone saves; recorded with your name)"
        self.app.push_screen(TextPrompt(why), done)

    def action_start_exclude(self) -> None:
        if self.pos is None:
            return
        self.excluding = True
        self.render_current()
        # as on the screening screen: the line held the last conflict's "saved: …" beside this
        # one's reasons
        self.say("exclude: which reason?")

    def action_undo(self) -> None:
        try:
            target = screening.undo(self.project.db, self.stage, self.resolver)
        except DatabaseBusy:
            raise  # kept and tried again (WaitsForDatabase)
        except UserError as exc:  # a later stage has votes on the study: nothing undone
            self.say(f"not undone: {error_words(exc)}")
            return
        if target is None:
            self.say("nothing to undo")
            return
        # the undo entry is left for the next look to read (not mark.wrote()): the final it
        # took back may have replaced an earlier one, which stands again (open again, or
        # another lead's), and the view below, with no final, is then not what stands
        for i, v in enumerate(self.views):
            if v.final is not None and v.final.id == target.id:
                self.views[i] = replace(v, final=None)
                self.pos = i
        self.render_current()
        self.post_message(Undone(target.record_id, target.label))
        self.say(f"undone: {target.label.replace('-', ' ')} on record {target.record_id}")

    def action_page(self, step: int) -> None:
        self.query_one(RecordView).page(step)

    def action_move(self, step: int) -> None:
        said = ""
        if step > 0 and (self.pos is None or self.pos == len(self.views) - 1):
            first_new, said = self._take_new("")  # at the end: any new ones?
            if first_new is not None:
                self.pos = first_new - step
        if self.pos is None:
            self.render_current()  # the last one may have left the list (take_listed)
            self.say(said)
            return
        if step < 0 and self.pos == 0:  # as the screening screen says of its first record
            said = "this is the first conflict"
        self.pos = min(max(self.pos + step, 0), len(self.views) - 1)
        self.excluding = False
        self.render_current()
        self.say(said)

    def help_content(self) -> tuple[str, list[Action] | tuple[Action, ...]]:
        shown = [a for a in ACTIONS if self.stage == "full-text" or a.id != "conflicts.open"]
        return f"Conflicts · {self.stage}", with_stage_reasons(shown, self.rule, self.exclude_key)
