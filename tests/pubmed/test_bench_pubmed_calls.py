"""The PubMed benchmark's own server-side functions, run on the small real snapshot.

benchmarks/bench_pubmed.py calls the server's endpoints directly (no HTTP), so a change to how
the HTTP handler prepares a request's parameters can break the benchmark while every test of
the server passes (sort=Author was refused once the endpoints stopped lower-casing choices
themselves, and nothing noticed until the benchmark ran). Each function here runs as the
benchmark runs it, and what it returns is checked against the same server answering over HTTP.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from pubmed.eutils_get import esearch

from benchmarks import bench_pubmed
from reviewkit.pubmed.server import EutilsServer


def test_sorts_count_what_the_server_counts_over_http(server: EutilsServer) -> None:
    rows = bench_pubmed.sorts(server)
    orders = [s or "(default)" for s in bench_pubmed.SORTS]
    assert [(r["term"], r["sort"]) for r in rows] == [
        (t, s) for t in ("english[la]", "cancer") for s in orders
    ]
    for row, sort in zip(rows, [*bench_pubmed.SORTS] * 2, strict=True):
        over_http = esearch(server, term=row["term"], retmax="5", sort=sort)
        assert row["count"] == int(over_http["Count"]) > 0, row
        assert row["first_s"] >= 0 and row["median_s"] >= 0


def test_long_or_lists_count_what_their_one_real_term_counts(server: EutilsServer) -> None:
    rows = bench_pubmed.long_or(server)
    alone = int(esearch(server, term="cancer[tiab]", rettype="count")["Count"])
    assert alone > 0
    assert [r["terms"] for r in rows] == [1000, 5000]
    for row in rows:
        assert row["count"] == row["expected"] == alone, row
        assert row["characters"] > 14 * row["terms"]  # 'zzdrugN[tiab] OR ' per name


def test_forms_count_what_the_server_counts_over_http(
    server: EutilsServer, small_files: list[Path], tmp_path: Path
) -> None:
    """The forms table's local counts (the server's evaluator, no HTTP) are esearch's, query
    for query; its independent XML counts read the gzipped NLM files as the snapshot's are."""
    gzipped = []
    for f in small_files:
        gzipped.append(tmp_path / f"{f.name}.gz")
        gzipped[-1].write_bytes(gzip.compress(f.read_bytes()))
    table = bench_pubmed.forms(server.evaluator, gzipped)
    assert [r["query"] for r in table["local_server"]] == bench_pubmed.FORMS
    answered = [r for r in table["local_server"] if r["count"] is not None]
    assert answered  # every form refused would leave nothing compared
    for row in answered:
        assert row["count"] == int(esearch(server, term=row["query"])["Count"]), row
    xml = table["from_xml"]
    assert xml["2020[dp]"] == int(esearch(server, term="2020[dp]")["Count"])
    assert xml["neoplasms[mh:noexp]"] == int(esearch(server, term="neoplasms[mh:noexp]")["Count"])


def test_the_fetch_stores_what_the_server_counts_and_reports_its_samplers_cpu(
    server: EutilsServer, tmp_path: Path
) -> None:
    """The fetch (over HTTP, NCBI's client at 3 requests/s) on the small snapshot: every record
    the server counts is stored, and the memory sampler's CPU is a part of the client's."""
    term = bench_pubmed.FETCH_SEARCH.full_query()
    done = bench_pubmed._fetch(server.base_url, str(tmp_path))
    assert done["count"] == done["stored"] == int(esearch(server, term=term)["Count"]) > 0
    assert 0 < done["sampler_cpu_s"] <= done["cpu_s"]
    assert done["tree_peak_pss_mb"] is not None and done["tree_peak_pss_mb"] > 0


def test_the_whole_benchmark_runs_on_the_small_snapshot_and_writes_its_results(
    small_files: list[Path], tmp_path: Path, monkeypatch
) -> None:
    """main() end to end on the small snapshot (gzipped as NLM's files are): its figures agree
    with one another and its results page is written with every table."""
    gzipped = []
    for f in small_files:
        gzipped.append(tmp_path / f"{f.name}.gz")
        gzipped[-1].write_bytes(gzip.compress(f.read_bytes()))
    monkeypatch.setattr(bench_pubmed, "pubmed_snapshot_files", lambda: gzipped)
    figures = bench_pubmed.main(tmp_path)
    fetch = figures["fetch"]
    assert fetch["records"] == fetch["stored"] > 0 and fetch["rejected_429"] == 0
    assert 0 < fetch["sampler_cpu_s"] <= fetch["client_cpu_s"]
    assert all(r["count"] == r["expected"] for r in figures["long_or"])
    page = (tmp_path / "pubmed.md").read_text()
    for heading in ("## Fetch through", "## esearch sort orders", "## Written-out OR lists"):
        assert heading in page
    assert f"{fetch['client_cpu_s']} ({fetch['sampler_cpu_s']})" in page
