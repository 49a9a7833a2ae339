-- Which `search run` command a run belongs to (a random id shared by the runs of one command,
-- kept by the command that resumes it), so that resuming an interrupted `search run --all`
-- does not run again the searches that command had already finished.
ALTER TABLE search_runs ADD COLUMN batch TEXT;
