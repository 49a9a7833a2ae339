-- Every message NCBI sent during a search run (ErrorList, WarningList, <ERROR> replies) and our
-- own notes on it (a count that changed during the run), kept whole and in order; and the
-- snapshot files a local E-utilities server said it served (PRISMA-S: what was searched).

CREATE TABLE search_run_messages (
    run_id    INTEGER NOT NULL REFERENCES search_runs(id),
    seq       INTEGER NOT NULL,
    kind      TEXT NOT NULL,   -- PhraseNotFound | FieldNotFound | QuotedPhraseNotFound |
                               -- PhraseIgnored | OutputMessage | ERROR | drift
    text      TEXT NOT NULL,
    added_at  TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TRIGGER search_run_messages_immutable BEFORE UPDATE ON search_run_messages
BEGIN SELECT RAISE(ABORT, 'search run messages are append-only'); END;

ALTER TABLE search_runs ADD COLUMN snapshot TEXT NOT NULL DEFAULT '';
