-- For a final decision brought in by `decisions import`, the records its study held in the copy
-- it was given in, as the exported line names them ('study_records', found here by their
-- portable keys; the final's own record among them). A reviewer's copy taken after the lead
-- merged two records held the merge: without this, what the final settled was told by its time
-- (that machine's clock) against the links here, and the import said a final was "taken to
-- settle" a record its copy already held. A final with no rows here (made in this file, or
-- from an export from before this migration) is judged by the links here and its time
-- (store.duplicates.cluster_when_logged). Local bookkeeping, as decision_link_marks.
CREATE TABLE decision_study_records (
    entry_row  INTEGER NOT NULL,  -- decisions.rowid
    record_id  INTEGER NOT NULL,
    PRIMARY KEY (entry_row, record_id)
) WITHOUT ROWID;
