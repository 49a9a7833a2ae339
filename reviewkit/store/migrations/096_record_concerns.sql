-- The notices found about the project's records (reviewkit.dedup.concerns: a retraction,
-- erratum, expression of concern or comment attached to the record it concerns), kept so that
-- `status`, the report and the screening screen's first record do not read every title again
-- (about 5 CPU seconds on 50,000 records). Made from the records alone, so a cache: written
-- after an import, a search run or a dedup run; read only while `record_concerns_made` still
-- describes the records (their count and highest id: records are only ever added) and the
-- rules that found them (a hash of their source); otherwise the notices are found again.
CREATE TABLE record_concerns (
    record_id  INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    pmid       TEXT NOT NULL DEFAULT '',
    notice     INTEGER,
    how        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, position)
);

CREATE TABLE record_concerns_made (
    one          INTEGER PRIMARY KEY CHECK (one = 1),
    records      INTEGER NOT NULL,
    last_record  INTEGER NOT NULL,
    rules        TEXT NOT NULL,
    made_at      TEXT NOT NULL
);
