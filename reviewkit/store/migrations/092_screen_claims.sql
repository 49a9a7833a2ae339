-- Short claims of the screening screens (reviewkit.screening.claims): in a stage with one
-- reviewer per record, the record a screen shows is held for that reviewer, so a second
-- reviewer's queue goes past it instead of opening the same record. One row per reviewer and
-- stage (a screen shows one record at a time): moving on replaces it, leaving deletes it, and
-- a row whose claimed_at is older than a few minutes counts for nothing (a killed session's).
-- Not part of the review's record: nothing reads it but the queues, and a claim never
-- blocks a vote (the decisions log stays the only truth).

CREATE TABLE screen_claims (
    stage       TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    claimed_at  TEXT NOT NULL,
    PRIMARY KEY (stage, reviewer)
);

CREATE INDEX screen_claims_record ON screen_claims (stage, record_id);
