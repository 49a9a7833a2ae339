"""The articles of `make demo`'s project, cut from the offline snapshot: the demo built on them
numbers its records as `make demo` does (record ids follow the order the searches and the
second source bring them in, and those depend on the articles alone), so a help example's record
id (`conflicts resolve 300`, `dedup split 64`) names the same record in both.

The list is checked (tests/core/test_demo_pmids.py: the demo's searches run on the snapshot's
index, one esearch each, no demo built) and rewritten by running this file as a script:
`python tests/core/demo_pmids.py` (after a change to the demo's protocol, searches or second
source)."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from reviewkit.demo.run import PROTOCOL_DEMO
from reviewkit.demo.source import demo_pmids
from reviewkit.offline_data import pubmed_snapshot_files
from reviewkit.protocol import load
from reviewkit.pubmed.client import PubMedClient
from reviewkit.pubmed.server import serve_in_thread

LIST = Path(__file__).parent / "fixtures" / "demo-pmids.txt"
HEAD = b'<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n'
_PMID = re.compile(rb"<PMID[^>]*>(\d+)</PMID>")  # an article's own PMID is its first
REFRESH = "python tests/core/demo_pmids.py"  # with PYTHONPATH=. and REVIEWKIT_DATA as for tests


def listed() -> set[int]:
    """The PMIDs of fixtures/demo-pmids.txt."""
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return {int(line) for line in lines if line.strip() and not line.startswith("#")}


def searched() -> set[int]:
    """The PMIDs the demo's searches and second source give on the offline snapshot now (its
    index, as `make demo`'s local server reads it; no record fetched, no demo built)."""
    base_url, stop = serve_in_thread(pubmed_snapshot_files(), rate_limits=None)
    try:
        client = PubMedClient(base_url, email="demo@reviewkit.invalid", rate=1000.0)
        return {int(p) for p in demo_pmids(client, load(PROTOCOL_DEMO).searches)}
    finally:
        stop()


def write_demo_articles(path: Path) -> Path:
    """The listed articles of the offline snapshot, in PMID order, as one PubMed XML file;
    fails naming the PMIDs the snapshot no longer has (the list or the snapshot changed)."""
    wanted, found = listed(), {}
    for snapshot_file in pubmed_snapshot_files():
        with gzip.open(snapshot_file) as stream:
            data = stream.read()
        start = data.find(b"<PubmedArticle>")
        while start >= 0:
            end = data.index(b"</PubmedArticle>", start) + len(b"</PubmedArticle>")
            pmid = _PMID.search(data, start, end)
            if pmid and int(pmid.group(1)) in wanted:
                found[int(pmid.group(1))] = data[start:end]
            start = data.find(b"<PubmedArticle>", end)
    missing = sorted(wanted - set(found))
    assert not missing, f"not in the offline snapshot: {missing[:10]} (rewrite: {REFRESH})"
    path.write_bytes(
        HEAD + b"\n".join(found[p] for p in sorted(found)) + b"\n</PubmedArticleSet>\n"
    )
    return path


def main() -> None:
    """Rewrite the list from what the demo's searches give on the snapshot now."""
    pmids = sorted(searched())
    head = [line for line in LIST.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    LIST.write_text("\n".join([*head, *map(str, pmids)]) + "\n", encoding="utf-8")
    print(f"wrote {len(pmids)} PMIDs to {LIST}", file=sys.stderr)


if __name__ == "__main__":
    main()
