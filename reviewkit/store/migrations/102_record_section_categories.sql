-- NLM's categories of the abstract sections of a PubMed record stored before schema 101 kept
-- them (records.data holds its sections without "category"), brought by a later run of its
-- search, which fetched the same record (the same labels and texts) with them: one JSON list
-- per record, a category (or '') for each of its sections in order. Records are immutable; a
-- record is read with these laid over its sections (store.records), as a fresh import would
-- have them. Append-only, one row per record: the run that brought them is its provenance.
CREATE TABLE record_section_categories (
    record_id      INTEGER PRIMARY KEY REFERENCES records(id),
    categories     TEXT NOT NULL,
    search_run_id  INTEGER NOT NULL REFERENCES search_runs(id),
    added_at       TEXT NOT NULL
);

CREATE TRIGGER record_section_categories_immutable BEFORE UPDATE ON record_section_categories
BEGIN SELECT RAISE(ABORT, 'record section categories are append-only'); END;
CREATE TRIGGER record_section_categories_undeletable BEFORE DELETE ON record_section_categories
BEGIN SELECT RAISE(ABORT, 'record section categories are append-only'); END;
