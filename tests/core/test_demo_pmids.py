"""fixtures/demo-pmids.txt is the demo's articles (tests/core/demo_pmids.py): a change to the
demo's searches, its second source or the snapshot left it stale, by hand, and the help
examples then ran on another numbering. Checked here on the snapshot's index (one esearch a
search, no demo built)."""

from __future__ import annotations

from core.demo_pmids import LIST, REFRESH, listed, searched


def test_the_demo_pmids_are_what_the_demo_s_searches_give():
    now, written = searched(), listed()
    assert now == written, (
        f"{LIST.name} is stale: {len(now - written)} PMIDs the demo's searches give are not"
        f" listed ({sorted(now - written)[:5]}), {len(written - now)} listed are not given"
        f" ({sorted(written - now)[:5]}); rewrite it: {REFRESH}"
    )
