-- Search runs: the query as sent (with limits), and per-PMID progress so that an interrupted
-- run resumes without fetching a finished batch again and never stores a record twice.

ALTER TABLE search_runs ADD COLUMN full_query TEXT NOT NULL DEFAULT '';
ALTER TABLE search_runs ADD COLUMN slices INTEGER NOT NULL DEFAULT 0;

CREATE INDEX search_runs_name ON search_runs(search_name, id);

-- One row per PMID a run has fetched (or found unavailable). 'new' = first seen by this search
-- and stored by this run; 'seen' = stored by an earlier run of the search, unchanged; 'changed'
-- = stored earlier, metadata differs now (data holds the record as fetched now).
CREATE TABLE search_run_records (
    run_id          INTEGER NOT NULL REFERENCES search_runs(id),
    pmid            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('new', 'seen', 'changed', 'unavailable')),
    record_id       INTEGER REFERENCES records(id),
    fingerprint     TEXT NOT NULL DEFAULT '',
    changed_fields  TEXT NOT NULL DEFAULT '[]',
    data            TEXT,
    fetched_at      TEXT NOT NULL,
    PRIMARY KEY (run_id, pmid)
);
CREATE INDEX search_run_records_pmid ON search_run_records(pmid);

CREATE TRIGGER search_run_records_immutable BEFORE UPDATE ON search_run_records
BEGIN SELECT RAISE(ABORT, 'search run records are append-only'); END;
CREATE TRIGGER search_run_pmids_immutable BEFORE UPDATE ON search_run_pmids
BEGIN SELECT RAISE(ABORT, 'the PMIDs of a search run are append-only'); END;
