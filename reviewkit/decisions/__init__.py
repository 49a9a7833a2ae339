"""A reviewer's decision log exchanged between machines (``reviewkit decisions export|import``).

Imports nothing: its modules sit in different layers (see ``.importlinter``).

* :mod:`~reviewkit.decisions.exchange`: exporting and importing a log as JSON lines, all or
  nothing and idempotent;
* :mod:`~reviewkit.decisions.lines`: reading and checking a log's lines before anything is
  written;
* :mod:`~reviewkit.decisions.replay`: a log's entries replayed against the project's own log;
* :mod:`~reviewkit.decisions.studies`: what a final's study held in its copy
  (``study_records``), exported and kept;
* :mod:`~reviewkit.decisions.keys`: a log entry's portable record key (PMID, DOI, title + year)
  found in this project.
"""
