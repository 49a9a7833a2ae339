"""Store reads given more record ids than SQLite takes '?' in one statement (its variable
limit): they are asked in chunks (store.db.rows_in), not refused with 'too many SQL
variables'."""

from __future__ import annotations

import sqlite3

from conftest import add_records

from reviewkit.records import Record
from reviewkit.store import attachments as attachment_rows
from reviewkit.store import decisions as decision_rows
from reviewkit.store import records as record_rows
from reviewkit.store.decisions import Decision


def _past_the_limit(project, ids: list[int]) -> list[int]:
    """``ids`` among more ids (of no record) than the connection's variable limit."""
    limit = project.db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    others = list(range(10**9, 10**9 + limit))  # far past every record id stored here
    return [ids[0], *others, *ids[1:]]  # the wanted ids at both ends: first and last chunk


def test_decisions_of_more_records_than_sqlite_takes_at_once(project_b) -> None:
    ids = add_records(project_b, [Record(title=f"Study {n}") for n in range(3)])
    log = [
        Decision(ids[2], "title-abstract", "reviewer1", "include"),
        Decision(ids[0], "title-abstract", "reviewer2", "exclude", reason="1"),
        Decision(ids[0], "full-text", "reviewer1", "include"),
        Decision(ids[1], "title-abstract", "reviewer1", "include"),
    ]
    decision_rows.add_decisions(project_b.db, log)
    wanted = _past_the_limit(project_b, [ids[0], ids[2]])
    got = decision_rows.list_decisions(project_b.db, record_ids=wanted)
    assert [d.id for d in got] == [log[0].id, log[1].id, log[2].id]  # in log order
    got = decision_rows.list_decisions(
        project_b.db, stage="title-abstract", reviewer="reviewer1", record_ids=wanted
    )
    assert [d.id for d in got] == [log[0].id]


def test_the_newest_attachment_of_more_records_than_sqlite_takes_at_once(project_b) -> None:
    ids = add_records(project_b, [Record(title=f"Study {n}") for n in range(2)])
    attachment_rows.add_attachment(project_b.db, ids[1], "https://example.org/a.pdf", "url")
    newest = attachment_rows.add_attachment(
        project_b.db, ids[0], "https://example.org/b.pdf", "url"
    )
    found = attachment_rows.current_attachment(project_b.db, _past_the_limit(project_b, ids))
    assert found is not None and found.id == newest


def test_a_pmid_repeated_in_two_chunks_gives_its_records_once(project_b) -> None:
    """One 'IN (…)' gives a record once however often its PMID is listed; asked in chunks
    (store.db.rows_in), a PMID in two of them gave its record twice."""
    (only,) = add_records(project_b, [Record(title="Study", pmid="31000001")])
    limit = project_b.db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    wanted = ["31000001", *(str(10**7 + n) for n in range(limit)), "31000001"]
    assert record_rows.ids_by_pmid(project_b.db, wanted) == {"31000001": [only]}
