-- Labels and extraction values are append-only logs: the newest batch wins, nothing is changed in place.
CREATE TRIGGER labels_immutable BEFORE UPDATE ON labels
BEGIN SELECT RAISE(ABORT, 'labels are append-only'); END;
CREATE TRIGGER labels_undeletable BEFORE DELETE ON labels
BEGIN SELECT RAISE(ABORT, 'labels are append-only'); END;
CREATE TRIGGER extraction_immutable BEFORE UPDATE ON extraction
BEGIN SELECT RAISE(ABORT, 'extraction values are append-only'); END;
CREATE TRIGGER extraction_undeletable BEFORE DELETE ON extraction
BEGIN SELECT RAISE(ABORT, 'extraction values are append-only'); END;
CREATE INDEX labels_scheme_method ON labels(scheme, method, record_id);
