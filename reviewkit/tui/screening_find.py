"""Finding a record on the screening screen: ``/`` (a title, from the record after this one
on) and ``g`` (a record id, pmid:N or doi:…), each from a prompt."""

from __future__ import annotations

from reviewkit.errors import UserError
from reviewkit.screening import ReviewerQueue, find_record
from reviewkit.screening.not_in_queue import why_not_in_queue
from reviewkit.tui.message_line import error_words
from reviewkit.tui.widgets import TextPrompt


class FindsRecords:
    """Mixin of :class:`reviewkit.tui.screening.ScreeningScreen`: the search and go-to keys."""

    queue: ReviewerQueue
    pos: int | None

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
