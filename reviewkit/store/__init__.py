"""The project database. Only this package writes SQL (the one other SQLite file, the local
PubMed server's snapshot index in ``reviewkit/pubmed/snapshot.py``, is the named exception
checked by tests/core/test_contracts.py).

``db`` holds the connection, migrations and transactions; each other module holds the rows
of one concern (records, searches, duplicates, decisions, labels) and speaks in dataclasses.
"""

from reviewkit.store.db import SCHEMA_VERSION, Store, now

__all__ = ["SCHEMA_VERSION", "Store", "now"]
