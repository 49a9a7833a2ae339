-- The review this database belongs to: the [review] id of the protocol it was made with. A
-- protocol.toml copied over from another review (another id) is then refused when the project
-- is opened, instead of running its searches, stages and schemes against this review's
-- decisions. One row, written once (by 'reviewkit init', or at the first write to a database
-- made before this migration); never changed or deleted.

CREATE TABLE review_identity (
    one          INTEGER PRIMARY KEY CHECK (one = 1),
    review_id    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);

CREATE TRIGGER review_identity_unchangeable BEFORE UPDATE ON review_identity
BEGIN SELECT RAISE(ABORT, 'the review id of a project is never changed'); END;
CREATE TRIGGER review_identity_undeletable BEFORE DELETE ON review_identity
BEGIN SELECT RAISE(ABORT, 'the review id of a project is never deleted'); END;
