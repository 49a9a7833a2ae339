-- Why the chaining guard (reviewkit.dedup.cluster) sent a rule's duplicate pair to review
-- instead of merging it: 'different PMIDs', 'different PMCIDs', 'different DOIs', 'very
-- different titles' or 'a person said these differ'. The link keeps its rule name
-- 'chain_guard:<rule>' (the rule tables count it so); this column holds the guard's own
-- reason, which the review screen and the queue sheet show. '' for every other link, and
-- for chain_guard links written before this migration (their reason was not kept).

ALTER TABLE duplicate_links ADD COLUMN guard_reason TEXT NOT NULL DEFAULT '';
