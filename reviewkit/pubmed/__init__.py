"""PubMed: the E-utilities client (``client``), and a local E-utilities server (``server``)
over a snapshot of real NLM records (``snapshot``, ``evaluate``) for tests, demos and offline work."""
