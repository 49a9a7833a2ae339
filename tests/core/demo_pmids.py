"""The articles of `make demo`'s project, cut from the offline snapshot: the demo built on them
numbers its records as `make demo` does (record ids follow the order the searches and the
second source bring them in, and those depend on the articles alone), so a help example's record
id (`conflicts resolve 300`, `dedup split 64`) names the same record in both.

Run as a script after `make demo FRESH=1` to rewrite fixtures/demo-pmids.txt from the project
it built (after a change to the demo's protocol, searches or second source)."""

from __future__ import annotations

import gzip
import re
import sqlite3
import sys
from pathlib import Path

from reviewkit.offline_data import pubmed_snapshot_files

LIST = Path(__file__).parent / "fixtures" / "demo-pmids.txt"
DEMO = Path(__file__).resolve().parents[2] / "build" / "demo" / "work-health"
HEAD = b'<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n'
_PMID = re.compile(rb"<PMID[^>]*>(\d+)</PMID>")  # an article's own PMID is its first


def listed() -> set[int]:
    """The PMIDs of fixtures/demo-pmids.txt."""
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return {int(line) for line in lines if line.strip() and not line.startswith("#")}


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
    assert not missing, f"not in the offline snapshot: {missing[:10]} (rewrite {LIST.name})"
    path.write_bytes(
        HEAD + b"\n".join(found[p] for p in sorted(found)) + b"\n</PubmedArticleSet>\n"
    )
    return path


def main() -> None:
    """Rewrite the list from the project `make demo` built (its records' PMIDs)."""
    with sqlite3.connect(f"file:{DEMO / 'review.sqlite'}?mode=ro", uri=True) as db:
        pmids = sorted({int(p) for (p,) in db.execute("SELECT pmid FROM records") if p})
    head = [line for line in LIST.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    LIST.write_text("\n".join([*head, *map(str, pmids)]) + "\n", encoding="utf-8")
    print(f"wrote {len(pmids)} PMIDs to {LIST}", file=sys.stderr)


if __name__ == "__main__":
    main()
