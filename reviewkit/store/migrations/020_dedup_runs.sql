-- Dedup runs and the records each run has processed, so later runs compare only new records.

CREATE TABLE dedup_runs (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    ended_at        TEXT,
    new_records     INTEGER NOT NULL DEFAULT 0,
    pairs_compared  INTEGER NOT NULL DEFAULT 0,
    duplicates      INTEGER NOT NULL DEFAULT 0,
    uncertain       INTEGER NOT NULL DEFAULT 0,
    refused         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE dedup_processed (
    record_id  INTEGER PRIMARY KEY REFERENCES records(id),
    run_id     INTEGER NOT NULL REFERENCES dedup_runs(id)
);

CREATE TRIGGER dedup_processed_undeletable BEFORE DELETE ON dedup_processed
BEGIN SELECT RAISE(ABORT, 'dedup history is never deleted'); END;
CREATE TRIGGER duplicate_links_undeletable BEFORE DELETE ON duplicate_links
BEGIN SELECT RAISE(ABORT, 'duplicate links are append-only'); END;
