-- For each entry of the decisions log, the newest duplicate link in this project file when the
-- entry came into it (made here, or brought in by `decisions import`): max(duplicate_links.id)
-- then, 0 for none. What a study held when the lead's final decision came in is told by this
-- order of events in the file (store.duplicates.cluster_when_logged), not only by comparing
-- the final's time with the links' (a final made on another machine carries that machine's
-- clock, which `decisions import` lets run up to a day ahead). Filled by the trigger, whatever
-- writes the entry; an entry logged before this migration has none (its time alone tells).
-- Local bookkeeping, as screen_claims: never exported, never part of the review's record.
CREATE TABLE decision_link_marks (
    entry_row  INTEGER PRIMARY KEY,  -- decisions.rowid
    last_link  INTEGER NOT NULL
);

CREATE TRIGGER decision_link_mark AFTER INSERT ON decisions
BEGIN
    INSERT INTO decision_link_marks (entry_row, last_link)
    VALUES (NEW.rowid, (SELECT COALESCE(MAX(id), 0) FROM duplicate_links));
END;
