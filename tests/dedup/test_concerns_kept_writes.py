"""Keeping the notices writes in short transactions (reviewkit.store.concerns.keep_concerns):
the keys of 50,000 records in one write held the lock ~0.46 s, and the first screen after an
upgrade that changed the rules found the notices in a thread while its keys waited. The kept
state is written last, so that a kill midway leaves a store that finds them again."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest
from conftest import add_records

from reviewkit.dedup import concerns_added, concerns_kept
from reviewkit.dedup.concerns import concerns_among
from reviewkit.dedup.concerns_kept import (
    keep_project_concerns,
    keep_project_concerns_at,
    kept_project_concerns,
    project_concerns,
)
from reviewkit.errors import DatabaseBusy
from reviewkit.records import Record
from reviewkit.store import concerns as store_concerns
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store
from reviewkit.store.records import iter_records

TITLE = "Graded activity for workers on sick leave with low back pain, trial {}"


def _records() -> list[Record]:
    articles = [Record(title=TITLE.format(k), year=2019) for k in range(10)]
    return [*articles, Record(title="Erratum to: " + TITLE.format(3), year=2020)]


def _every_write(monkeypatch, after) -> None:
    """Call ``after()`` once each outermost write of any store has committed."""
    plain = Store.transaction

    @contextmanager
    def watched(self, *args, **kwargs):
        outermost = not self.conn.in_transaction
        with plain(self, *args, **kwargs) as conn:
            yield conn
        if outermost:
            after()

    monkeypatch.setattr(Store, "transaction", watched)


def _keys_kept(db: Store) -> int:
    return db.conn.execute("SELECT COUNT(*) FROM record_concern_keys").fetchone()[0]


def _all_found(db: Store) -> dict:
    return concerns_among(dict(iter_records(db)))


def test_the_keys_are_kept_a_few_at_a_time_and_the_state_last(project_b, monkeypatch) -> None:
    add_records(project_b, _records())
    monkeypatch.setattr(store_concerns, "KEYS_A_WRITE", 3)
    other = Store.open(project_b.database_path)  # what another process reads meanwhile
    seen: list[tuple[int, bool]] = []

    def look() -> None:
        seen.append((_keys_kept(other), kept_project_concerns(other) is not None))

    _every_write(monkeypatch, look)
    keep_project_concerns(project_b.db)
    # then an upgrade that changes the rules: every key replaced, as few at a time
    monkeypatch.setattr(concerns_kept, "rules_fingerprint", lambda: "upgraded")
    first = len(seen)
    keep_project_concerns(project_b.db)
    other.close()
    for before, writes in ((0, seen[:first]), (10, seen[first:])):
        counts = [before, *(n for n, _ in writes)]
        # no write adds more than three keys
        assert max(b - a for a, b in zip(counts, counts[1:], strict=False)) <= 3
        assert counts[-1] == 10  # the ten articles' keys, not the notice's
        # nothing reads as kept until the last write
        assert [kept for _, kept in writes] == [False] * (len(writes) - 1) + [True]
    assert kept_project_concerns(project_b.db) == _all_found(project_b.db)


def _keep_killed(path, writes: int, within: bool) -> bool:
    """Keep the notices in a forked process, SIGKILLed once ``writes`` of its writes have
    committed, or (``within``) inside the next before it commits; whether it was (False: it
    made fewer writes)."""
    pid = os.fork()
    if pid == 0:  # the child: only the kill or os._exit leaves it
        try:
            plain, done = Store.transaction, [0]

            @contextmanager
            def killing(self, *args, **kwargs):
                outermost = not self.conn.in_transaction
                with plain(self, *args, **kwargs) as conn:
                    yield conn
                    if outermost and within and done[0] == writes:
                        os.kill(os.getpid(), signal.SIGKILL)  # its statements run, no COMMIT
                if outermost:
                    done[0] += 1
                    if done[0] == writes and not within:
                        os.kill(os.getpid(), signal.SIGKILL)

            Store.transaction = killing  # type: ignore[method-assign]
            keep_project_concerns(Store.open(path))
        finally:
            os._exit(3)
    for _ in range(1200):  # a child hung (a lock another thread held at the fork) fails
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("the keeping child hung")


@pytest.mark.parametrize("within", [False, True], ids=["between-writes", "within-a-write"])
def test_a_kill_at_any_write_leaves_a_store_that_finds_them_again(
    project_b, monkeypatch, within
) -> None:
    """A process keeping the notices after an upgrade is killed (SIGKILL: nothing of it runs
    after) after each of its writes in turn, or inside the next one: the next process finds
    what is found over every record, keeps it, and its keys are whole again."""
    add_records(project_b, _records())
    keep_project_concerns(project_b.db)
    monkeypatch.setattr(store_concerns, "KEYS_A_WRITE", 3)
    path = project_b.database_path
    writes = 0
    while True:
        writes += 1
        rules = f"upgrade {writes}"  # every key replaced, from a store kept whole
        monkeypatch.setattr(concerns_kept, "rules_fingerprint", lambda rules=rules: rules)
        if not _keep_killed(path, writes, within):
            break
        after = Store.open(path)  # the next process
        kept = kept_project_concerns(after)
        assert kept is None or kept == _all_found(after)  # neither the old nor half the new
        assert project_concerns(after) == _all_found(after)
        assert keep_project_concerns(after) == _all_found(after)
        assert _keys_kept(after) == 10
        after.close()
    assert writes > 10  # the mark, the deletes, the keys three at a time, the state
    # the keys are whole: a notice added later finds its article by them
    (notice,) = add_records(project_b, [Record(title="Retraction: " + TITLE.format(7), year=2021)])
    found = _all_found(project_b.db)
    assert keep_project_concerns(project_b.db) == found
    assert any(c.notice == notice for cs in found.values() for c in cs)


def test_a_finding_brought_up_to_date_from_a_state_kept_over_meanwhile_is_not_kept(
    project_b,
) -> None:
    """Another process keeps its notices while this one brings the kept ones up to date (the
    keys it read may have been half rewritten): this one's are not kept over them."""
    add_records(project_b, _records())
    keep_project_concerns(project_b.db)
    add_records(project_b, [Record(title="Retraction: " + TITLE.format(7), year=2021)])
    rules = concerns_kept.rules_fingerprint()
    made = concerns_added.concerns_with_added(project_b.db, rules)
    assert made is not None and not made.every_key
    other = Store.open(project_b.database_path)
    keep_project_concerns(other)  # the other process's, kept first
    kept = kept_project_concerns(other)
    other.close()
    rows = [(r, c.kind, c.pmid, c.notice, c.how) for r, cs in made.found.items() for c in cs]
    state = store_concerns.records_state(project_b.db)
    target_rows = made.target_rows()
    assert not store_concerns.keep_concerns(
        project_b.db, rules, state, rows, made.notices, target_rows, made.keys, False, made.based_on
    )
    assert kept is not None and kept_project_concerns(project_b.db) == kept == _all_found(
        project_b.db
    )


def _import_on(db: Store, records: list[Record]) -> list[int]:
    """Another process's import: ``records`` added on its own connection ``db``."""
    with db.transaction():
        made = record_rows.add_import(
            db, source="other", path="<other>", fmt="test", sha256=f"o{id(records)}"
        )
        ids = record_rows.add_records(db, records, import_id=made)
        record_rows.finish_import(db, made, len(ids))
    return ids


@pytest.mark.parametrize("and_keeps", [False, True])
def test_records_imported_while_a_finding_is_kept_leave_a_base_to_bring_up_to_date(
    project_b, monkeypatch, and_keeps
) -> None:
    """Another process imports (and keeps its notices, refused while these are written) between
    the writes keeping a finding: what is kept is a base the import's records bring up to date
    (not all found again, ~7 CPU-s on 50,000 records), and what it gives is as found over all."""
    add_records(project_b, _records())
    keep_project_concerns(project_b.db)
    monkeypatch.setattr(store_concerns, "KEYS_A_WRITE", 3)
    monkeypatch.setattr(concerns_kept, "rules_fingerprint", lambda: "upgraded")
    other = Store.open(project_b.database_path)
    writes: list[int] = []

    def import_midway() -> None:
        writes.append(1)
        if len(writes) == 3:  # the kept state marked, some of the keys deleted
            _import_on(other, [Record(title="Retraction: " + TITLE.format(7), year=2021)])
            if and_keeps:
                keep_project_concerns(other)

    with monkeypatch.context() as m:
        _every_write(m, import_midway)
        keep_project_concerns(project_b.db)
    other.close()
    assert len(writes) > 5  # the import came between two of this keep's writes
    assert concerns_added.concerns_with_added(project_b.db, "upgraded") is not None
    found = _all_found(project_b.db)
    assert keep_project_concerns(project_b.db) == found
    assert kept_project_concerns(project_b.db) == found and any(
        c.kind == "retraction" for cs in found.values() for c in cs
    )


def test_a_reader_while_another_process_rewrites_the_keys_finds_every_notice(
    project_b, monkeypatch
) -> None:
    """A command reads the kept notices and brings them up to date for records added since,
    looking records up by the kept keys, while another process begins keeping its own (and is
    killed after deleting some of the keys): what it finds is what is found over every record."""
    add_records(project_b, _records())
    keep_project_concerns(project_b.db)
    add_records(project_b, [Record(title="Retraction: " + TITLE.format(7), year=2021)])
    monkeypatch.setattr(store_concerns, "KEYS_A_WRITE", 3)
    other = Store.open(project_b.database_path)
    plain_base = concerns_added.kept_base

    def base_then_another_keeps(db: Store, rules: str):
        base = plain_base(db, rules)
        writes = []

        def killed() -> None:
            writes.append(1)
            if len(writes) == 3:  # marked, and the keys of some records deleted
                raise KeyboardInterrupt

        with monkeypatch.context() as m:
            _every_write(m, killed)
            state = store_concerns.records_state(other)
            with pytest.raises(KeyboardInterrupt):
                store_concerns.keep_concerns(other, rules, state, [], [], [], [], True)
        return base

    monkeypatch.setattr(concerns_added, "kept_base", base_then_another_keeps)
    found = project_concerns(project_b.db)
    other.close()
    assert found == _all_found(project_b.db)
    assert any(c.kind == "retraction" for cs in found.values() for c in cs)


def test_a_reader_while_another_process_finishes_keeping_takes_only_what_it_added(
    project_b, monkeypatch
) -> None:
    """A command brings the kept notices up to date for a record added since, and during its
    lookups another process (an import, with its own keeping) adds a retraction, keeps what it
    finds and finishes, and then imports a correction. The reader takes what that keep kept as
    its base and reads only the record added after it: the notices are those found over every
    record, none found all again. Was: every record read again (~7 CPU-s on 50,000 records)."""
    add_records(project_b, _records())
    keep_project_concerns(project_b.db)
    add_records(project_b, [Record(title="Retraction: " + TITLE.format(7), year=2021)])
    other = Store.open(project_b.database_path)
    plain_lookups = concerns_added.stored_lookups
    read: list[int] = []  # the records each lookup is for

    def lookups_while_another_keeps(db, upto, records):
        read.append(len(records))
        if len(read) == 1:  # the reader's first lookups: the other process runs meanwhile
            _import_on(other, [Record(title="Retraction: " + TITLE.format(2), year=2021)])
            assert keep_project_concerns(other)  # its keeping finishes (its own lookups)
            _import_on(other, [Record(title="Correction to: " + TITLE.format(5), year=2022)])
        return plain_lookups(db, upto, records)

    def refound(db):
        raise AssertionError("every record read again")

    monkeypatch.setattr(concerns_added, "stored_lookups", lookups_while_another_keeps)
    monkeypatch.setattr(concerns_kept, "_find", refound)
    found = keep_project_concerns(project_b.db)
    other.close()
    assert len(read) == 3  # the reader's, the other's, the reader's again from what it kept
    # records came after the reader began: it keeps none, and the next reader brings the
    # other's up to date as well, none found all again
    assert keep_project_concerns(project_b.db) == found
    monkeypatch.undo()
    assert found == _all_found(project_b.db) == kept_project_concerns(project_b.db)
    kinds = sorted(c.kind for cs in found.values() for c in cs)
    assert kinds.count("retraction") == 2 and "erratum" in kinds


def test_a_write_of_this_process_waiting_for_a_keeping_write_comes_before_the_next(
    project_b, monkeypatch
) -> None:
    """A screen's key (a write waiting 200 ms for the lock) pressed while the screen's thread
    keeps the notices waits for that one write, not for all of them: the thread begins its next
    write at once, and SQLite's busy handler, polling every few ms, would miss the instant."""
    add_records(project_b, _records())
    monkeypatch.setattr(store_concerns, "KEYS_A_WRITE", 2)
    monkeypatch.setattr(concerns_kept, "rules_fingerprint", lambda: "upgraded")
    plain = Store.transaction
    holding = threading.Event()
    kept_after: list[bool] = []

    @contextmanager
    def slow(self, *args, **kwargs):  # each of the thread's writes holds the lock 60 ms
        with plain(self, *args, **kwargs) as conn:
            if threading.current_thread() is not threading.main_thread():
                holding.set()
                time.sleep(0.06)
            yield conn

    monkeypatch.setattr(Store, "transaction", slow)
    thread = threading.Thread(target=keep_project_concerns_at, args=(project_b.database_path,))
    thread.start()
    key = Store.open(project_b.database_path)
    key.set_busy_timeout(200)
    assert holding.wait(timeout=10)
    with key.transaction() as conn:  # DatabaseBusy before: the thread's writes follow at once
        conn.execute("INSERT INTO record_notices VALUES (-1)")
        kept_after.append(kept_project_concerns(key) is not None)
    thread.join(timeout=30)
    key.close()
    assert kept_after == [False]  # written between two of the thread's writes
    assert kept_project_concerns(project_b.db) == _all_found(project_b.db)


def test_a_finding_over_fewer_records_does_not_replace_what_was_kept_for_more(project_b) -> None:
    """A slow process found the notices before an import that kept its own: what it found over
    fewer records is not kept over the import's (a reader validating the kept state, then
    reading its rows, would read rows for fewer records than it counted)."""
    add_records(project_b, _records())
    keep_project_concerns(project_b.db)
    rules = concerns_kept.rules_fingerprint()
    state = store_concerns.records_state(project_b.db)
    slow = store_concerns.kept_base(project_b.db, rules)  # what the slow process found
    assert slow is not None
    add_records(project_b, [Record(title="Retraction: " + TITLE.format(7), year=2021)])
    keep_project_concerns(project_b.db)  # the import's
    assert not store_concerns.keep_concerns(
        project_b.db, rules, state, slow.rows, slow.notices, slow.targets, [], False
    )
    assert kept_project_concerns(project_b.db) == _all_found(project_b.db)


def test_a_busy_write_names_this_process_s_own_only_while_it_holds_the_lock(project_b) -> None:
    """A write kept waiting is told 'this reviewkit is keeping …' only while the screen's own
    thread holds the lock; while that thread waits too, for another process's, it is told
    another command writes."""
    path = project_b.database_path
    another = sqlite3.connect(path, isolation_level=None)  # another process's write
    another.execute("BEGIN IMMEDIATE")
    holding, release = threading.Event(), threading.Event()

    def keep() -> None:  # the screen's thread, as keep_project_concerns_at names its writes
        db = Store.open(path)
        db.writer = concerns_kept.KEEPING_NOTICES
        with db.transaction():
            holding.set()
            release.wait(timeout=10)
        db.close()

    thread = threading.Thread(target=keep)
    thread.start()
    key = Store.open(path)
    key.set_busy_timeout(100)
    told = []
    for step in ("another holds it", "the thread holds it"):
        if step == "the thread holds it":
            another.execute("COMMIT")
            assert holding.wait(timeout=10)
        with pytest.raises(DatabaseBusy) as busy, key.transaction():
            pass
        told.append((busy.value.held_here, str(busy.value)))
    release.set()
    thread.join(timeout=10)
    key.close()
    another.close()
    (first, said_first), (then, said_then) = told
    assert first == "" and "this reviewkit" not in said_first
    assert then == concerns_kept.KEEPING_NOTICES and "this reviewkit is keeping" in said_then
