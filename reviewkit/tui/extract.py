"""``reviewkit extract edit``: fill in the report tables' extraction fields, study by study.

The screen shows the study (abstract sections and all) and below it every extraction field of
the protocol with its number key, its current value and where that value came from (prefilled
from the record, a person, a CSV import). A report linked with others as one study (``dedup
study-link``) is named so ("report 2 of 2 of study 41"); a field it lacks that another report of
its study has shows that value (the report tables take it), and Tab does not stop for it. A
number key opens the field in an editor holding its current value; Enter saves it at once (an
append to the extraction log), Esc leaves it as it was.
While another process writes to the database, a saved value and the keys after it are kept and
written as soon as it is free (:class:`~reviewkit.tui.widgets.WaitsForDatabase`), as in screening.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from reviewkit import extract
from reviewkit.errors import command_line
from reviewkit.project import Project
from reviewkit.protocol.people import typed_name
from reviewkit.tui.actions import Action, page_actions, screen_key
from reviewkit.tui.app import ReviewkitScreen, stopped_line
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.tui.help import with_numbered_names
from reviewkit.tui.message_line import MessageLine
from reviewkit.tui.messages import FieldSaved
from reviewkit.tui.numbered_keys import NumberedFooter, numbered_bindings
from reviewkit.tui.record_view import RecordView
from reviewkit.tui.sized_view import SizedView, content_width
from reviewkit.tui.status_line import STATUS_CSS, Part, StatusLine
from reviewkit.tui.widgets import (
    TextPrompt,
    WaitsForDatabase,
    keeps_keys,
    next_position,
    record_renderable,
)
from reviewkit.tui.word_breaks import wrap_text
from reviewkit.wording import quantity

SHORTEST_VALUE = 12  # a field's name and value, however narrow the box (as a label's name)
_HEADINGS = (  # over the field rows, longest first
    "Fields (press a field's key to edit; Enter saves, Esc cancels)",
    "Fields (a field's key edits; Enter saves, Esc cancels)",  # 54
    "Fields (a key edits it; Enter saves)",  # 36: a split terminal's
    "Fields (a key edits)",
)
SOURCE_NAMES = {"prefill": "prefilled", "person": "by {reviewer}", "csv": "CSV import"}

ACTIONS: tuple[Action, ...] = (
    *(
        Action(
            f"extract.field{n}", str(n), f"edit({n})", f"Edit field {n}", show=False, group="Edit"
        )
        for n in range(1, 10)
    ),
    Action("extract.next", "j,down", "move(1)", "Next", group="Move"),
    Action("extract.previous", "k,up", "move(-1)", "Prev", group="Move"),
    Action(
        "extract.next_open",
        "tab",
        "next_open",
        "Next study with an empty field",
        group="Move",
        footer="Next empty",  # the key to the work left: in the footer at 80 columns
    ),
    *page_actions("extract", "record"),
    Action("extract.help", "question_mark", "help", "Help", group="Other"),
    Action("extract.quit", "q", "quit", "Quit", group="Other"),
)


@keeps_keys
class ExtractScreen(NumberedFooter, WaitsForDatabase, ReviewkitScreen):
    """One study and its extraction fields, a number key per field."""

    DEFAULT_CSS = (
        STATUS_CSS
        + """
    #fields { height: auto; max-height: 50%; border-top: solid $primary; padding: 0 1; }
    #message { padding: 0 1; color: $warning; }
    """
    )
    NUMBERED = "extract.field"
    BINDINGS = numbered_bindings(ACTIONS, NUMBERED, "Edit a field")
    TITLE = "reviewkit extract edit"

    @property
    def without_terminal(self) -> str:
        """How to fill the extraction fields without a terminal, the lines naming this
        reviewer (import and set take $REVIEWKIT_REVIEWER or the login name by default)."""
        me = f"--reviewer {typed_name(self.reviewer)}"
        return (
            f"or fill in the sheet of '{command_line('extract export FILE')}' and read it back"
            f" with '{command_line(f'extract import FILE {me}')}', or set one value with"
            f" '{command_line(f'extract set RECORD FIELD=VALUE {me}')}'"
        )

    def __init__(self, project: Project, study_ids: list[int], reviewer: str) -> None:
        super().__init__()
        self.project = project
        self.studies = list(study_ids)
        self.reviewer = reviewer
        self.fields = list(project.protocol.extraction)  # at most 9 (the CLI checks): a key each
        self.records = extract.records(project, self.studies)
        self.reports = extract.study_reports(project, self.studies)  # report -> its study's
        self.pos = 0
        self._fields_size = (0, 0)  # the columns and rows the field rows were laid out for

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield RecordView("extract.page_down", id="record")
        yield SizedView(id="fields")
        yield MessageLine(id="message")  # grows for a long message
        yield KeysFreeingFooter()

    def on_mount(self) -> None:
        self.wait_briefly(self.project.db.set_busy_timeout)
        self.pos = self._next_open(0) or 0
        self.render_current()

    @property
    def current(self) -> int:
        return self.studies[self.pos]

    def _next_open(self, start: int) -> int | None:
        """Position of the next study from ``start`` on (wrapping) with an empty field: empty
        on every report of its study (the tables take a field from any of them)."""
        current = extract.values(self.project, self.studies)
        return next_position(
            len(self.studies), start, lambda i: self._has_empty(self.studies[i], current)
        )

    def _has_empty(self, rid: int, current: dict[int, dict[str, str]]) -> bool:
        """Whether a field is empty on every report of ``rid``'s study (``current``: the
        studies' values, read once)."""
        reps = self._reports(rid)
        return any(all(not current[r][f.id] for r in reps) for f in self.fields)

    def quit_line(self) -> str:
        """Where the reviewer stopped, for the terminal after the screen closes (as ``screen``
        and ``confirm`` say it): 'ann at extraction: 4 of 6 studies filled in; every value is
        saved'. A study counts once, filled in when no field is empty on all its reports."""
        filled, studies = self._filled()
        progress = f"{filled} of {quantity(studies, 'study')} filled in"
        return stopped_line(
            self.reviewer,
            "extraction",
            progress,
            "every value is saved",
            kept=self.waiting,
            typed=self.left_in_prompt,
        )

    def _filled(self) -> tuple[int, int]:
        """(studies filled in, studies): a study counts once, filled in when no field is empty
        on all its reports."""
        current = extract.values(self.project, self.studies)  # one read for every study
        studies = {self._reports(rid)[0]: rid for rid in self.studies}
        return sum(not self._has_empty(rid, current) for rid in studies.values()), len(studies)

    def _reports(self, rid: int) -> tuple[int, ...]:
        return self.reports.get(rid, (rid,))

    # rendering ------------------------------------------------------------------------------
    def say(self, message: str) -> None:
        self.query_one("#message", Static).update(message)

    def render_current(self) -> None:
        rid = self.current
        self.render_status()
        self.query_one("#record", RecordView).show(record_renderable(self.records[rid]))
        self.query_one("#fields", Static).update(self.fields_text(rid))

    def render_status(self) -> None:
        """The status line: how many are filled in first, as the confirm screen's "confirmed 3
        of 6" (the place alone, "study 1 of 77", did not say how much was left to do)."""
        filled, studies = self._filled()
        place = self._place(self.current)
        status = self.query_one("#status", StatusLine)
        status.show(f"filled in {filled} of {studies}", place, "extraction", self.reviewer)

    def _place(self, rid: int) -> Part:
        """The status line's: 'study 3 of 6 (id 44)'; a report of a study of several: 'report 2
        of 2 of study 41 (id 42), study 1 of 6' (studies counted once, however many reports);
        narrow, 'study 3 of 6' (shortened whole, never cut inside: status_line)."""
        place = f"study {self._study_number(rid)} of {len({r[0] for r in self.reports.values()})}"
        if len(self._reports(rid)) == 1:
            return (f"{place} (id {rid})", place)
        return (f"{self.study_name(rid)}, {place}", place)

    def _study_number(self, rid: int) -> int:
        firsts = sorted({reps[0] for reps in self.reports.values()})
        return firsts.index(self._reports(rid)[0]) + 1

    @staticmethod
    def _sibling_value(
        reps: tuple[int, ...], values: dict[int, dict[str, str]], field_id: str
    ) -> tuple[int, str] | None:
        """(report number, value) of the first report of the study ``reps`` with the field, from
        ``values`` (their values, read once per record shown)."""
        return next(
            ((i, values[r][field_id]) for i, r in enumerate(reps, 1) if values[r][field_id]),
            None,
        )

    def fields_text(self, rid: int) -> Text:
        current = extract.current(self.project, [rid]).get(rid, {})
        reps = self._reports(rid)  # a study of several: its reports' values, read once here
        siblings = extract.values(self.project, reps) if len(reps) > 1 else {}
        # each field's key as the keymap has it, as the confirm screen's label rows (a keymap
        # that moved field 1 to f left the row saying 1, a key that no longer edits it)
        keys = self._field_keys()
        key_width = max(map(len, keys), default=1)
        self._fields_size = self._field_room()
        width, room = self._fields_size
        # the heading is one row of the room: the longest words that fit (wrapped, it took a
        # second row below 64 columns, and the last field's row went under the box's edge)
        heading = next((h for h in _HEADINGS if len(h) <= width), _HEADINGS[-1])
        out = Text(heading + "\n", style="bold")
        blocks: list[tuple[str, Text, Text]] = []  # per field: its key, name and value, source
        for n, spec in enumerate(self.fields, start=1):
            value = current.get(spec.id)
            body, tag = Text(f"{spec.name}: ", style="bold"), Text()
            empty = not (value and value.value)
            sibling = self._sibling_value(reps, siblings, spec.id) if empty and siblings else None
            if sibling is not None:  # the tables show it for the study: say whose it is
                body.append(f"(empty here; report {sibling[0]} of the study has: ", style="dim")
                body.append(sibling[1])
                body.append(")", style="dim")
            elif value is None or not value.value:
                body.append("(empty)", style="dim")
            else:
                body.append(value.value)
                source = SOURCE_NAMES[value.method].format(reviewer=value.reviewer or "someone")
                tag.append(f"  [{source}]", style="dim italic")
            blocks.append((f" {keys[n - 1]:<{key_width}} ", body, tag))
        wrapped = [self._wrap(body + tag, width - len(key)) for key, body, tag in blocks]
        limits = _row_budget([len(rows) for rows in wrapped], room)
        for (key, body, tag), rows, limit in zip(blocks, wrapped, limits, strict=True):
            if len(rows) > limit:  # every field stays on screen; its key's prompt has it whole
                rows = self._cut(body, tag, width - len(key), limit)
            # a hanging indent: a long value's later rows start under the field's name, so
            # the number keys stand alone in their column and each field reads as one block
            for i, row in enumerate(rows):
                out.append(key if i == 0 else " " * len(key), style="bold cyan")
                out.append_text(row)
                out.append("\n")
        out.rstrip()  # no empty row under the last field: at 80x24 each row counts
        return out

    def _wrap(self, text: Text, width: int) -> list[Text]:
        return wrap_text(text, width)  # a long word broken at a hyphen or slash first

    def _cut(self, body: Text, tag: Text, width: int, limit: int) -> list[Text]:
        """``body``'s first ``limit`` rows at ``width``, the last ending in '…' and ``tag`` (the
        value's source, so a cut prefill still says it is one)."""
        rows = self._wrap(body, width)[:limit]
        end = Text("…").append_text(tag)
        last = rows[-1]
        last.rstrip()
        last.truncate(max(0, width - end.cell_len))
        last.append_text(end)
        return rows

    def _field_room(self) -> tuple[int, int]:
        """(columns, rows) the field rows may take: #fields' own content width (its padding
        and any scrollbar left out: laid out for the terminal's width less the padding, and
        never narrower than 40, a value's source went on a row of its own, below the box's
        edge, at 40 columns), never narrower than a key and SHORTEST_VALUE (narrower, the rows
        wrap); #fields' max-height, 50%, less its top border and the heading row, at least a
        row per field. Textual takes the 50% of the height the docked footer leaves, not of
        the screen's (measured with the Pilot: a box of 11 rows at 80x24, 19 at 120x40), so
        half is (height - 1) // 2: 9 field rows at 80x24, 17 at 120x40, the box filled."""
        key = max(map(len, self._field_keys()), default=1) + 2  # ' 1 ': a row's key column
        width = max(key + SHORTEST_VALUE, content_width(self.query_one("#fields")))
        return width, max(len(self.fields), (self.app.size.height - 1) // 2 - 2)

    def _field_keys(self) -> list[str]:
        """Each field's key as the keymap has it."""
        return [screen_key(self.app, f"extract.field{n}") for n in range(1, len(self.fields) + 1)]

    def on_sized_view_resized(self) -> None:
        """Lay the field rows out again for #fields' new width (only when the room changed):
        the terminal resized, or a scrollbar come or gone (the screen's Resize misses it)."""
        self.on_resize()

    def on_resize(self) -> None:
        """Lay the field rows out again for the new size (only when the room changed)."""
        if self._fields_size != self._field_room() and self.studies:
            self.query_one("#fields", Static).update(self.fields_text(self.current))

    def numbered_count(self) -> int:
        return len(self.fields)

    # actions --------------------------------------------------------------------------------
    def action_edit(self, n: int) -> None:
        if n > len(self.fields):
            self.say(f"no field {n}: the protocol has {len(self.fields)}")
            return
        spec, rid = self.fields[n - 1], self.current
        old = extract.values(self.project, [rid])[rid][spec.id]

        def done(text: str | None) -> None:
            if text is None:
                self.say(f"{spec.name}: unchanged")
                return
            if text.strip() == old:
                self.say(f"{spec.name}: unchanged")
                return
            self.kept(lambda: save(text))  # a prompt's answer is no action: keep it explicitly

        def save(text: str) -> None:
            extract.set_value(self.project, rid, spec.id, text, self.reviewer)
            self.post_message(FieldSaved(rid, spec.id, text))
            self.query_one("#fields", Static).update(self.fields_text(rid))
            self.render_status()  # a study's last empty field filled: one more filled in
            self.say(f"saved: {spec.name} of {self.study_name(rid)}")

        self.say("")  # an earlier message (another field's, another study's) is stale now
        self.app.push_screen(TextPrompt(f"{spec.name} · {self.study_name(rid)}", value=old), done)

    def study_name(self, rid: int) -> str:
        """A study as the status line names it, its place then its id: 'study 2 (id 17)'; a
        report of a study of several: 'report 2 of 2 of study 41 (id 42)'."""
        reps = self._reports(rid)
        if len(reps) == 1:
            return f"study {self._study_number(rid)} (id {rid})"
        return f"report {reps.index(rid) + 1} of {len(reps)} of study {reps[0]} (id {rid})"

    def action_move(self, step: int) -> None:
        self.pos = max(0, min(len(self.studies) - 1, self.pos + step))
        self.render_current()

    def action_next_open(self) -> None:
        nxt = self._next_open(self.pos + 1)
        if nxt is None:
            self.say("every study's fields are filled in")
            return
        self.pos = nxt
        self.render_current()

    def action_page(self, step: int) -> None:
        self.query_one(RecordView).page(step)

    def help_content(self) -> tuple[str, list[Action] | tuple[Action, ...]]:
        names = [f"Edit: {spec.name}" for spec in self.fields]
        return "Extraction fields", with_numbered_names(ACTIONS, "extract.field", names)


def _row_budget(sizes: list[int], room: int) -> list[int]:
    """Rows for each field, ``sizes`` the rows each needs, so that together they fit ``room``:
    the longest gives up a row until they fit, never below one row (a field too long for the
    screen is cut; the others are shown whole)."""
    out = list(sizes)
    while sum(out) > room and max(out) > 1:
        out[out.index(max(out))] -= 1
    return out
