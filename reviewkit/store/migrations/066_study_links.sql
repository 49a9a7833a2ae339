-- Links between reports of one study (a protocol paper, the main paper, a follow-up …):
-- different publications, not duplicates. Suggested from shared trial registration numbers,
-- confirmed or rejected by a person. Append-only; the newest row for a pair wins.

CREATE TABLE study_links (
    id          INTEGER PRIMARY KEY,
    record_a    INTEGER NOT NULL REFERENCES records(id),
    record_b    INTEGER NOT NULL REFERENCES records(id),
    verdict     TEXT NOT NULL CHECK (verdict IN ('suggested', 'same_study', 'different_study')),
    evidence    TEXT NOT NULL DEFAULT '',
    made_by     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (record_a < record_b)
);

CREATE INDEX study_links_pair ON study_links (record_a, record_b);

CREATE TRIGGER study_links_undeletable BEFORE DELETE ON study_links
BEGIN SELECT RAISE(ABORT, 'study links are append-only'); END;
CREATE TRIGGER study_links_unchangeable BEFORE UPDATE ON study_links
BEGIN SELECT RAISE(ABORT, 'study links are append-only'); END;
