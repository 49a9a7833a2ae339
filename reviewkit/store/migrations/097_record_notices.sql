-- The records found to be notices (reviewkit.dedup.concerns) when the notices about the
-- project's records were last kept (record_concerns, migration 096): records only added since,
-- the kept notices are brought up to date by reading the new records and these notices alone
-- (reviewkit.dedup.concerns_added), not every title. Kept ones made before this table existed
-- are dropped, so that they are found again once, with their notices.
CREATE TABLE record_notices (
    record_id  INTEGER PRIMARY KEY
);

DELETE FROM record_concerns;
DELETE FROM record_concerns_made;
