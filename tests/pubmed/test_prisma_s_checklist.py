"""The search log opens with the PRISMA-S checklist, item by item (Rethlefsen et al. 2021): what
the project records for each of the 16 items, through the CLI, after two searches, a rerun, an
imported file and a dedup run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history, run_pmids
from reviewkit.searches.published_filters import COCHRANE_HSSS

# Two searches, one inside the other: every PMID of pain-english (pain in the title) is also
# pain-any's (in the title or abstract), so dedup links each pair by its PMID and the studies
# are pain-any's records.
SEARCHES = """
[[searches]]
name = "pain-english"
query = "pain[ti]"
limits_reason = "the team reads English only"
peer_review = "PRESS 2015, by a second librarian, 2024/03/01"
adapted_from = "Smith A et al. Pain at work: a systematic review. 2019"
[searches.limits]
languages = ["english"]

[[searches]]
name = "pain-any"
query = "pain[tiab]"
"""
# A stored search holding a published filter verbatim (not run): item 10 cites it; it is not
# prior work (item 11), which only the protocol's adapted_from records.
FILTERED = f"""
[[searches]]
name = "pain-trials"
query = '''pain[ti] AND {COCHRANE_HSSS.text}'''
"""
RIS = "TY  - JOUR\nTI  - Sick leave in a made-up cohort\nPY  - 2019\nER  - \n"


def cli(*args: object) -> int:
    return main([str(a) for a in args])


def item(text: str, number: int) -> str:
    """One item's bullet and its sub-bullets."""
    start = text.index(f"- **{number} ")
    end = text.find("\n- **", start + 1)
    return text[start : end if end > 0 else text.index("\n\n", start)]


@pytest.fixture
def log_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: EutilsServer) -> str:
    project = review_a_project(tmp_path, monkeypatch, SEARCHES + FILTERED)
    url = server.base_url
    for name in ("pain-english", "pain-any", "pain-english"):  # pain-english rerun
        assert cli("search", "run", name, "--base-url", url, "--project", project) == 0
    ris = tmp_path / "embase.ris"
    ris.write_text(RIS)
    assert cli("import", ris, "--source", "Embase", "--project", project) == 0
    assert cli("dedup", "--project", project) == 0
    log = tmp_path / "search-log.md"
    assert cli("search", "log", "--out", log, "--project", project) == 0
    return log.read_text()


def test_every_item_is_answered_once_in_order(log_text: str) -> None:
    head = log_text.split("\n## ", 2)[1]  # the first section, before the searches' own
    assert head.startswith("PRISMA-S checklist")
    numbers = [int(n) for n in re.findall(r"^- \*\*(\d+) ", head, re.M)]
    assert numbers == list(range(1, 17))
    assert log_text.index("## PRISMA-S") < log_text.index("## a1-")


def test_database_platform_imports_and_what_reviewkit_cannot_know(
    log_text: str, server: EutilsServer
) -> None:
    one = item(log_text, 1)
    # the local server's URL without its port (a free port each session; each run names its own)
    url = "http://127.0.0.1/entrez/eutils/"
    assert server.base_url.startswith("http://127.0.0.1:")
    assert f"PubMed, searched through reviewkit's local server: E-utilities {url} (each" in one
    assert "(not PubMed itself)" in one
    assert "Embase, imported from a file: its platform is not recorded" in one
    for number in (3, 4, 5, 6):
        assert "not known to reviewkit" in item(log_text, number)
    # a database's file is item 1's; 7 lists other methods' files (the PRISMA diagram's column)
    assert "Embase" not in item(log_text, 7)
    assert "no file of other methods imported" in item(log_text, 7)
    assert f"used: {COCHRANE_HSSS.name}. {COCHRANE_HSSS.citation}" in item(log_text, 10)


def test_prior_work_is_what_the_protocol_cites_not_the_filters(log_text: str) -> None:
    """Item 11 (a strategy adapted from another review) says what adapted_from cites, and not
    recorded for the searches without it; a published filter is item 10's, not prior work."""
    eleven = item(log_text, 11)
    assert "pain-english: adapted from Smith A et al. Pain at work: a systematic review. 2019" in (
        eleven
    )
    assert "pain-any, pain-trials: not recorded (adapted_from" in eleven
    assert COCHRANE_HSSS.name not in eleven
    trials = log_text[log_text.index("## pain-trials") :]
    assert f"Search filter used: {COCHRANE_HSSS.name}" in trials
    assert "Adapted from: not recorded (adapted_from in the search's protocol table)" in trials
    english = log_text[log_text.index("## pain-english") :]
    assert "Adapted from: Smith A et al. Pain at work: a systematic review. 2019" in english


def test_limits_reason_peer_review_updates_and_dates(log_text: str, tmp_path: Path) -> None:
    with open_project(tmp_path / "p") as project:
        english = history(project.db, "pain-english")
    assert len(english) == 2
    nine = item(log_text, 9)
    assert "pain-english: languages: english; why: the team reads English only" in nine
    assert "pain-any, pain-trials: none" in nine  # the same limits on one line
    # Review A's eight searches, not run, share their limits and (no) reason: one line, not 8
    assert "a1-mental-health, a2-musculoskeletal, a3-chronic-pain, a4-cancer" in nine
    assert nine.count("publication date from 2011/01/01") == 1
    assert "pain-english: PRESS 2015, by a second librarian, 2024/03/01" in item(log_text, 14)
    assert "Reruns: pain-english 1" in item(log_text, 12)
    last = english[-1]
    assert f"pain-english: {last.started_at[:10]} (run {last.id})" in item(log_text, 13)
    assert "a1-mental-health: not run yet" in item(log_text, 13)


def test_totals_and_deduplication_counts(log_text: str, tmp_path: Path) -> None:
    with open_project(tmp_path / "p") as project:
        english = set(run_pmids(project.db, history(project.db, "pain-english")[0].id))
        every = set(run_pmids(project.db, history(project.db, "pain-any")[0].id))
    assert english and english < every  # the fixture's premise: some records found twice
    stored = len(english) + len(every)  # a PMID two searches found is stored by each
    fifteen = item(log_text, 15)
    assert f"PubMed: {stored} records" in fifteen and "Embase: 1 record" in fifteen
    assert f"pain-english: {len(english)} found by its last run" in fifteen
    sixteen = item(log_text, 16)
    studies = len(every) + 1  # the Embase record is a study of its own
    removed = f"{len(english)} duplicate" + ("s" if len(english) > 1 else "")
    assert f"{stored + 1} records, {studies} studies: {removed} removed" in sixteen
    assert f"duplicate links by rule: {len(english)} (" in sixteen


def test_imports_only_and_a_search_removed_after_it_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: EutilsServer
) -> None:
    """PRISMA-S asks for every search as run: one removed from the protocol after it ran keeps
    its limits (item 9) and its day (13), named as removed; an imported database's strategy,
    day and platform sharing are not recorded, and items 2, 8 and 13 say so for it, not only
    for PubMed (rd36a: they spoke of the stored searches alone)."""
    project = review_a_project(tmp_path, monkeypatch, SEARCHES)
    ris = tmp_path / "embase.ris"
    ris.write_text(RIS)
    assert cli("import", ris, "--source", "Embase", "--project", project) == 0
    log = tmp_path / "search-log.md"
    assert cli("search", "log", "--out", log, "--project", project) == 0
    first = log.read_text()
    assert item(first, 2) == (
        "- **2 Multi-database searching**: Embase, imported from a file: whether it was "
        "searched together with other databases is not recorded"
    )
    assert "Embase, imported from a file: its strategy is not recorded" in item(first, 8)
    assert "Embase, imported from a file: the day it was searched is not recorded" in item(
        first, 13
    )
    run = ("search", "run", "pain-english", "--base-url", server.base_url)
    assert cli(*run, "--project", project) == 0
    protocol = project / "protocol.toml"
    protocol.write_text(protocol.read_text().split('[[searches]]\nname = "pain-english"')[0])
    assert cli("search", "log", "--out", log, "--project", project) == 0
    text = log.read_text()
    assert "pain-english (no longer in the protocol): languages: english" in item(text, 9)
    assert "; no longer in the protocol)" in item(text, 13)
    assert "none: each search run here ran on one database" in item(text, 2)
    assert "pain-english (no longer in the protocol): not recorded" in item(text, 11)
    removed = text[text.index("### pain-english") :]
    assert "Adapted from: not recorded (the search is no longer in the protocol)" in removed
