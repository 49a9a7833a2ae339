-- What the notices' rules look a record up by (reviewkit.dedup.concerns_stored): its title as
-- dedup folds it, the first and last three words of it, its DOI folded, its year and volume;
-- and what each notice was found to concern. With these a batch of added records holding a
-- notice, or a record a kept notice names, is brought up to date by looking up what those
-- notices name, not by reading every record's title again (reviewkit.dedup.concerns_added).
-- Kept notices made before these tables are dropped, so that they are found again once.
CREATE TABLE record_concern_keys (
    record_id  INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    head       TEXT NOT NULL,
    tail       TEXT NOT NULL,
    doi        TEXT NOT NULL,
    year       INTEGER,
    volume     TEXT NOT NULL
);
-- each key of a record by its column and a 32-bit hash of its value (one small B-tree: five
-- indexes on the text cost a full find 1.8 CPU-s to write on 50,000 records)
CREATE TABLE record_concern_lookup (
    key        INTEGER NOT NULL,
    record_id  INTEGER NOT NULL,
    PRIMARY KEY (key, record_id)
) WITHOUT ROWID;

CREATE TABLE record_notice_targets (
    notice     INTEGER NOT NULL,
    record_id  INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    pmid       TEXT NOT NULL DEFAULT '',
    how        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (notice, record_id)
);

DELETE FROM record_concerns;
DELETE FROM record_concerns_made;
