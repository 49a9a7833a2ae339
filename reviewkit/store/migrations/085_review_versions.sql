-- Versions of the review, recorded when the team says so ('reviewkit report --new-version'):
-- what a later update's PRISMA 2020 diagram calls "studies included in previous version of
-- review". A row keeps the counts as they were then (studies and their reports), the records
-- stored by then (ids up to last_record_id; records are never deleted, ids only grow) and the
-- records of the included studies (JSON list), so a later update can tell new studies from
-- those of this version. Append-only.

CREATE TABLE review_versions (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    recorded_at       TEXT NOT NULL,
    last_record_id    INTEGER NOT NULL,
    included_studies  INTEGER NOT NULL,
    included_reports  INTEGER NOT NULL,
    included_records  TEXT NOT NULL
);

CREATE TRIGGER review_versions_unchangeable BEFORE UPDATE ON review_versions
BEGIN SELECT RAISE(ABORT, 'a recorded review version is never changed'); END;
CREATE TRIGGER review_versions_undeletable BEFORE DELETE ON review_versions
BEGIN SELECT RAISE(ABORT, 'a recorded review version is never deleted'); END;
