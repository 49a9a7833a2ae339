"""A record's detail shows the journal's abbreviation after its name, when it is not the name."""

from __future__ import annotations

import io

from rich.console import Console

from reviewkit.records import Record
from reviewkit.tui.widgets import record_renderable


def _shown(record: Record) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(record_renderable(record))
    return console.export_text()


def test_the_abbreviation_follows_the_journal() -> None:
    record = Record(
        title="Graded sick leave",
        year=2019,
        journal="Journal of Occupational Rehabilitation",
        journal_abbreviation="J Occup Rehabil",
        volume="29",
        pages="100-110",
    )
    assert "2019 · Journal of Occupational Rehabilitation (J Occup Rehabil) 29:100-110" in (
        _shown(record)
    )


def test_an_abbreviation_that_is_the_name_is_not_repeated() -> None:
    record = Record(title="Graded sick leave", journal="BMJ Open", journal_abbreviation="BMJ open")
    assert "BMJ Open" in _shown(record)
    assert "(BMJ open)" not in _shown(record)
