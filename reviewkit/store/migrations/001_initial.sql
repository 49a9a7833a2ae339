-- reviewkit schema 1. Records and decisions are append-only: triggers refuse UPDATE and DELETE.

CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,
    path          TEXT NOT NULL,
    format        TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    record_count  INTEGER NOT NULL,
    imported_at   TEXT NOT NULL
);

CREATE TABLE search_runs (
    id                 INTEGER PRIMARY KEY,
    search_name        TEXT NOT NULL,
    database           TEXT NOT NULL,
    interface          TEXT NOT NULL,
    query              TEXT NOT NULL,
    query_translation  TEXT,
    limits             TEXT NOT NULL,            -- JSON
    started_at         TEXT NOT NULL,
    ended_at           TEXT,
    count              INTEGER,
    status             TEXT NOT NULL,            -- running | complete | failed
    message            TEXT
);

CREATE TABLE search_run_pmids (
    run_id  INTEGER NOT NULL REFERENCES search_runs(id),
    rank    INTEGER NOT NULL,
    pmid    TEXT NOT NULL,
    PRIMARY KEY (run_id, rank)
);

CREATE TABLE records (
    id             INTEGER PRIMARY KEY,
    import_id      INTEGER REFERENCES imports(id),
    search_run_id  INTEGER REFERENCES search_runs(id),
    source         TEXT NOT NULL,
    origin         TEXT NOT NULL,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    year           INTEGER,
    doi            TEXT NOT NULL DEFAULT '',
    pmid           TEXT NOT NULL DEFAULT '',
    pmcid          TEXT NOT NULL DEFAULT '',
    data           TEXT NOT NULL,                -- JSON of the Record (without raw)
    raw            TEXT NOT NULL,                -- the original text
    added_at       TEXT NOT NULL,
    CHECK ((import_id IS NULL) <> (search_run_id IS NULL))
);
CREATE INDEX records_doi ON records(doi) WHERE doi <> '';
CREATE INDEX records_pmid ON records(pmid) WHERE pmid <> '';
CREATE INDEX records_import ON records(import_id);
CREATE INDEX records_run ON records(search_run_id);

CREATE TRIGGER records_immutable BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'records are immutable'); END;
CREATE TRIGGER records_undeletable BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Duplicate links: append-only; the newest row for a pair is its current verdict.
CREATE TABLE duplicate_links (
    id          INTEGER PRIMARY KEY,
    record_a    INTEGER NOT NULL REFERENCES records(id),
    record_b    INTEGER NOT NULL REFERENCES records(id),
    verdict     TEXT NOT NULL CHECK (verdict IN ('duplicate', 'not_duplicate', 'uncertain')),
    score       REAL,
    made_by     TEXT NOT NULL,                   -- 'rule:<name>' or 'person:<name>'
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    CHECK (record_a < record_b)
);
CREATE INDEX duplicate_links_pair ON duplicate_links(record_a, record_b);
CREATE INDEX duplicate_links_b ON duplicate_links(record_b);
CREATE TRIGGER duplicate_links_append_only BEFORE UPDATE ON duplicate_links
BEGIN SELECT RAISE(ABORT, 'duplicate links are append-only'); END;

-- Screening decisions: append-only log; an undo is a new row that names the row it undoes.
CREATE TABLE decisions (
    id          TEXT PRIMARY KEY,                -- uuid, stable across machines
    record_id   INTEGER NOT NULL REFERENCES records(id),
    stage       TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    label       TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    undoes      TEXT REFERENCES decisions(id),
    created_at  TEXT NOT NULL
);
CREATE INDEX decisions_record ON decisions(record_id, stage);
CREATE INDEX decisions_reviewer ON decisions(reviewer, stage);
CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_undeletable BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;

-- Classification labels: suggestions (rules, model) and confirmations (person); append-only.
CREATE TABLE labels (
    id          INTEGER PRIMARY KEY,
    record_id   INTEGER NOT NULL REFERENCES records(id),
    scheme      TEXT NOT NULL,
    label       TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected')),
    method      TEXT NOT NULL,                   -- rules | model | person
    score       REAL,
    evidence    TEXT NOT NULL DEFAULT '[]',      -- JSON
    reviewer    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX labels_record ON labels(record_id, scheme);

-- Extraction values for report tables; append-only, newest wins.
CREATE TABLE extraction (
    id          INTEGER PRIMARY KEY,
    record_id   INTEGER NOT NULL REFERENCES records(id),
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    method      TEXT NOT NULL,                   -- prefill | person | csv
    reviewer    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX extraction_record ON extraction(record_id, field);
