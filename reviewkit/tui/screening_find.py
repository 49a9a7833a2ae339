"""Finding a record on the screening screen: ``/`` (a title, from the record after this one
on) and ``g`` (a record id, pmid:N or doi:…), each from a prompt."""

from __future__ import annotations

from reviewkit.errors import UserError, record_ids_hint
from reviewkit.screening import ReviewerQueue, find_record
from reviewkit.screening.not_in_queue import why_not_in_queue
from reviewkit.tui.message_line import error_words
from reviewkit.tui.widgets import TextPrompt


def shown_ids_hint(shown: int | None) -> str:
    """Where a screener finds a record's id: under each record ('Record 12'), not in the
    exports the command line's hint names (:func:`reviewkit.errors.record_ids_hint`)."""
    where = f"'Record {shown}' under this one" if shown is not None else "'Record 12'"
    return f"a record's id is the number shown under each record, as {where}"


class FindsRecords:
    """Mixin of :class:`reviewkit.tui.screening.ScreeningScreen`: the search and go-to keys."""

    queue: ReviewerQueue
    pos: int | None
    current: int | None

    def action_search(self) -> None:
        def done(text: str | None) -> None:
            if not text:
                return
            pos = self.queue.search(text, self.pos if self.pos is not None else -1)
            if pos is None:
                self.say(f"no title in your queue contains {text!r}")
            else:
                self.go(pos)
                self.say_arrived(f"found {text!r}")

        # titles only, from the record after this one on: the prompt says so (it said "Search")
        self.app.push_screen(TextPrompt("Search titles (the next match after this record)"), done)

    def action_goto(self) -> None:
        def done(ref: str | None) -> None:
            if not ref:
                return
            try:
                record_id = find_record(self.queue.db, ref)
            except UserError as exc:
                if exc.hint == record_ids_hint():  # an unknown id: the exports named were
                    exc.hint = shown_ids_hint(self.current)  # no help here; the screen shows it
                self.say(error_words(exc))  # with its hint: what a reference looks like
                return
            pos = self.queue.position_of(record_id)
            if pos is None:
                said = f"record {record_id} is not in your queue at {self.queue.stage}"
                why = why_not_in_queue(self.queue, record_id)
                self.say(f"{said}: {why}" if why else said)
            else:
                self.go(pos)
                # not a search's stale 'found'; what was typed only when it was no record id
                typed = "" if ref.strip() == str(record_id) else f" ({ref})"
                self.say_arrived(f"went to record {record_id}{typed}")

        self.app.push_screen(TextPrompt("Go to record (id, pmid:N or doi:…)"), done)
