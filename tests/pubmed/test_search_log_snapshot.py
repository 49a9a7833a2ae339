"""The search log (PRISMA-S item 1) names the local server's snapshot once, with its files in
NLM's order, for a project searched both before stop 40 (the server named the files as given:
the update file first) and after (in NLM's order, reviewkit.nlm_files): the two runs' records
of the same files are one database."""

from __future__ import annotations

from pubmed.conftest import ServerFactory, fast_client

from reviewkit.project import Project
from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.searches import run_search, search_log

AS_GIVEN = "pubmed21n1298.xml.gz; pubmed20n0014.xml.gz"  # what a run before stop 40 recorded
NLM_ORDER = "pubmed20n0014.xml.gz; pubmed21n1298.xml.gz"


def test_a_snapshot_recorded_in_either_order_is_one_database_in_the_log(
    project_a: Project, server: EutilsServer
) -> None:
    search = Search("rtw", "PubMed", '"return to work"', Limits())
    for _ in range(2):
        run_search(project_a.db, search, fast_client(server))
    with project_a.db.transaction() as conn:  # the first run as an old project holds it
        first, second = [row[0] for row in conn.execute("SELECT id FROM search_runs ORDER BY id")]
        conn.execute("UPDATE search_runs SET snapshot = ? WHERE id = ?", (AS_GIVEN, first))
        conn.execute("UPDATE search_runs SET snapshot = ? WHERE id = ?", (NLM_ORDER, second))

    log = search_log(project_a.db, project_a.protocol)

    named = [line for line in log.splitlines() if "over the offline snapshot" in line]
    assert len(named) == 1 and NLM_ORDER in named[0], named
    assert f"local snapshot:      {AS_GIVEN}" in log  # each run's entry: what it recorded


def test_runs_on_two_ports_over_one_snapshot_are_one_database_in_the_log(
    project_a: Project, make_server: ServerFactory, small_snapshot: Snapshot
) -> None:
    """The local server binds any free port: two runs of one snapshot on two ports (two
    ``pubmed serve`` sessions, two offline runs) are one database, searched on one platform."""
    search = Search("rtw", "PubMed", '"return to work"', Limits())
    first, second = make_server(small_snapshot), make_server(small_snapshot)
    assert first.base_url != second.base_url
    for server in (first, second):
        run_search(project_a.db, search, fast_client(server))

    log = search_log(project_a.db, project_a.protocol)

    named = [line for line in log.splitlines() if "over the offline snapshot" in line]
    assert len(named) == 1, named
    assert (
        "local server: E-utilities http://127.0.0.1/entrez/eutils/ (each run's own URL" in named[0]
    )
    for server in (first, second):  # each run's entry keeps the URL it was run at
        assert f"via E-utilities {server.base_url}" in log


def test_runs_under_any_loopback_name_are_one_database_in_the_log(
    project_a: Project, server: EutilsServer
) -> None:
    """'localhost', '127.0.0.1' and '[::1]' all name this machine: runs of one snapshot whose
    base URLs name it differently (a URL typed by hand, a run of another session) are one
    local server, one database; each run's entry keeps the URL it was run at."""
    search = Search("rtw", "PubMed", '"return to work"', Limits())
    for _ in range(3):
        run_search(project_a.db, search, fast_client(server))
    urls = [
        server.base_url,
        server.base_url.replace("127.0.0.1", "localhost"),
        "http://[::1]:8765/entrez/eutils/",
    ]
    with project_a.db.transaction() as conn:  # as runs at those URLs recorded them
        ids = [row[0] for row in conn.execute("SELECT id FROM search_runs ORDER BY id")]
        for run_id, url in zip(ids, urls, strict=True):
            sql = "UPDATE search_runs SET interface = ? WHERE id = ?"
            conn.execute(sql, (f"E-utilities {url}", run_id))

    log = search_log(project_a.db, project_a.protocol)

    named = [line for line in log.splitlines() if "over the offline snapshot" in line]
    assert len(named) == 1, named
    assert "local server: E-utilities http://127.0.0.1/entrez/eutils/ (each run's" in named[0]
    for url in urls:
        assert f"via E-utilities {url}" in log
