"""The screening screen's full-text part (full-text stage): attach a PDF path or URL to the
record on screen (``a``), open it (``o``), and the "Full text:" line under the decision.

A mixin of :class:`reviewkit.tui.screening.ScreeningScreen`: the attachment is written with
:func:`reviewkit.screening.attach` (through the screen's kept keys, so a busy database loses
nothing), and opened with the system's viewer or browser; when none can, the message line names
the file or URL to open by hand (it grows to show a long one whole).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from reviewkit.errors import DatabaseBusy, UserError, command_line
from reviewkit.screening import attach, attachment_url, replaced_words
from reviewkit.tui.actions import screen_key
from reviewkit.tui.message_line import error_words
from reviewkit.tui.widgets import TextPrompt, open_in_system

if TYPE_CHECKING:
    from textual.app import App

    from reviewkit.screening import ReviewerQueue
    from reviewkit.screening.lookup import Attachment


def full_text_line(
    queue: ReviewerQueue, study: int, app: object = None, *, attach: bool = True
) -> Text:
    """The "Full text:" line of ``study`` on the screening screen, naming the keys that attach
    and open as ``app``'s keymap has them (``a`` and ``o`` by default); ``attach`` False: the
    attach key is off now (the exclusion reasons are open) and is not offered."""
    return attachment_line(
        queue.attachment(study),
        open_key=screen_key(app, "screening.open"),
        attach_key=screen_key(app, "screening.attach") if attach else "",
    )


def attachment_line(
    att: Attachment | None, *, open_key: str = "", attach_key: str = "", attach_command: str = ""
) -> Text:
    """The "Full text:" line of a study, one wording for every screen that shows it (screening,
    conflicts): what is attached (a path or URL, whole) and the keys that open and replace it,
    else that none is and the key that attaches one, or on a screen without that key the
    ``attach_command`` that does; a key the screen does not have is left out (''). On the
    screening screen this line is where a and o are named (not its footer)."""
    if att:
        # the keys before the path or URL: after a long URL they took a row of their own, and
        # the box under the record (six rows) then had none left for the newest note
        keys = [f"{open_key} to open"] if open_key else []
        keys += [f"{attach_key} to replace"] if attach_key else []
        text = Text(f"Full text ({', '.join(keys)}): " if keys else "Full text: ", style="bold")
        text.append(att.target, style="")
        return text
    text = Text("Full text: ", style="bold")
    how = (
        f"{attach_key} to attach"
        if attach_key
        else attach_command and f"to attach one: {attach_command}"
    )
    text.append("none attached" + (f" ({how})" if how else ""), style="")
    return text


class FullTextKeys:
    """``a`` and ``o`` of :class:`reviewkit.tui.screening.ScreeningScreen`."""

    queue: ReviewerQueue
    opener: Callable[[str], bool | None] | None
    app: App

    if TYPE_CHECKING:  # the screen's (declared here only for the type checker: a method
        # here would come before the screen's own bases in its MRO)
        current: int | None

        def say(self, message: str) -> None: ...

        def kept(self, run: Callable[[], None]) -> None: ...

        def render_mine(self) -> None: ...

        def picking_off(self, action: str) -> bool: ...

    def picking_changed(self) -> None:
        """The "Full text:" line offers ``a`` only while it can act (not while the exclusion
        reasons are open: it said "a to attach" beside a greyed a)."""
        if self.queue.stage == "full-text":
            self.render_mine()

    def action_attach(self) -> None:
        study = self.current
        if study is None:
            return

        def done(target: str | None) -> None:
            if target:
                self.kept(lambda: save(target))

        def save(target: str) -> None:
            before = self.queue.attachment(study)
            try:
                att = attach(
                    self.queue.db,
                    study,
                    target,
                    added_by=self.queue.reviewer,
                    protocol=self.queue.protocol,
                )
            except DatabaseBusy:
                raise
            except UserError as exc:
                self.say(f"not attached: {error_words(exc)}")
                return
            self.render_mine()
            self.say(f"attached {att.kind}: {att.target}{replaced_words(before, att)}")

        self.say("")  # as for a note: no earlier record's message beside this record's prompt
        self.app.push_screen(TextPrompt(f"Full text for record {study}: PDF path or URL"), done)

    def action_open_fulltext(self) -> None:
        study = self.current
        if study is None:
            return
        attach_key = screen_key(self.app, "screening.attach")
        # a is off while the exclusion reasons are open: the words name the key closing them
        close_key = screen_key(self.app, "screening.cancel") if self.picking_off("attach") else ""
        att = self.queue.attachment(study)
        self.say(open_attachment(att, self.opener, attach_key=attach_key, close_key=close_key))


def open_attachment(
    att: Attachment | None,
    opener: Callable[[str], bool | None] | None,
    *,
    attach_key: str = "a",
    close_key: str = "",
) -> str:
    """Open an attached full text with the system's viewer or browser (or ``opener``); what
    to say on the message line: what was opened, or why not and what to do. ``close_key``:
    the exclusion reasons are open and ``attach_key`` acts only once this key closes them."""
    attach = f"{close_key} to close the reasons, then " if close_key else ""
    attach += f"{attach_key} to attach"
    again = f" ({attach} again)" if attach_key else ""
    if att is None:
        return (
            f"no full text attached: press {attach} one"
            if attach_key
            else (
                "no full text attached (a reviewer attaches it on the screening screen, or"
                f" '{command_line('attach')}')"
            )
        )
    url = attachment_url(att)
    if att.kind == "file" and not Path(att.target).is_file():
        return f"cannot open {att.target}: the file is no longer there{again}"
    if (opener or open_in_system)(url) is False:
        where = att.target if att.kind == "file" else url  # a path, not file:// and %20s
        return f"no browser or viewer here: open it yourself:\n{where}"
    return f"opened {url}"
