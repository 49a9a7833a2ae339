-- Full-text attachments: a PDF path or a URL per record; append-only, the newest row wins.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    record_id   INTEGER NOT NULL REFERENCES records(id),
    target      TEXT NOT NULL,                   -- file path or URL
    kind        TEXT NOT NULL CHECK (kind IN ('file', 'url')),
    added_by    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX attachments_record ON attachments(record_id);
CREATE TRIGGER attachments_immutable BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
CREATE TRIGGER attachments_undeletable BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;

-- Decisions by stage in log order (derivation reads a whole stage at once).
CREATE INDEX decisions_stage ON decisions(stage, created_at);
