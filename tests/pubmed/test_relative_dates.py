"""Relative dates, '"last 7 days"[crdt]' (rd36a): a window from today back, open-ended, as
NCBI answered it in a live reply (pubmedly's cassettes, sent on 2023/05/06: ``long covid "last
7 days" [crdt]`` → ``… AND "2023/04/29 00:00":"3000/01/01 05:00"[Date - Create]``), asked of the
local server over HTTP on the small snapshot; and a stored search holding one, rerun on a later
day, is a rerun, not a changed search."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from pubmed.conftest import review_a_project
from pubmed.eutils_get import esearch, get, ids

from reviewkit.cli import main
from reviewkit.pubmed import relative_dates
from reviewkit.pubmed.relative_dates import window_start
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.translation import same_translation

RECORDED_DAY = datetime.date(2023, 5, 6)


def on_day(monkeypatch: pytest.MonkeyPatch, day: datetime.date) -> None:
    monkeypatch.setattr(relative_dates, "today", lambda: day)


def test_the_recorded_reply_is_translated_as_ncbi_printed_it(
    server: EutilsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_day(monkeypatch, RECORDED_DAY)
    reply = esearch(server, term='cancer "last 7 days" [crdt]')
    assert reply["QueryTranslation"] == (
        '"cancer"[All Fields] AND "2023/04/29 00:00":"3000/01/01 05:00"[Date - Create]'
    )


def test_a_relative_date_finds_what_its_window_as_a_range_finds(
    server: EutilsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 2021/03/20 the small snapshot's 2021 articles are partly within the last 30 days; the
    1976-80 ones within the last 50 years, not the last 10."""
    on_day(monkeypatch, datetime.date(2021, 3, 20))
    every = ids(server, "1900:3000[dp]")
    for tag in ("dp", "edat", "crdt"):
        for window, since in (("30 days", "2021/02/18"), ("10 years", "2011/03/20")):
            found = ids(server, f'"last {window}"[{tag}]')
            assert found == ids(server, f"{since}:3000[{tag}]")
            assert found and found < every
    assert ids(server, '"last 50 years"[dp]') == every
    assert ids(server, '"last 12 months"[edat]') == ids(server, '"last 1 year"[edat]')


def test_months_and_years_back_keep_the_day_or_the_months_last() -> None:
    assert window_start("last 1 month", datetime.date(2024, 3, 31)) == datetime.date(2024, 2, 29)
    assert window_start("Last 2 Years", datetime.date(2024, 2, 29)) == datetime.date(2022, 2, 28)
    assert window_start("last 14 months", datetime.date(2024, 1, 15)) == datetime.date(2022, 11, 15)
    assert window_start("last 9999 years", datetime.date(2024, 1, 15)) == datetime.date.min


def test_another_text_on_a_date_field_is_refused_saying_the_relative_form(
    server: EutilsServer,
) -> None:
    said = get(server, "esearch", db="pubmed", term='"next 7 days"[dp]').decode()
    assert "cannot read 'next 7 days' as a date" in said and '"last N days"[dp]' in said


def test_two_days_translations_of_one_relative_date_are_the_same_search() -> None:
    a = '"cancer"[All Fields] AND "2023/04/29 00:00":"3000/01/01 05:00"[Date - Create]'
    assert same_translation(a, a.replace("2023/04/29", "2023/05/13"))
    assert not same_translation(a, a.replace("Create", "Publication"))
    assert not same_translation(a, a.replace("cancer", "pain").replace("2023/04/29", "2023/05/13"))


def test_a_stored_search_rerun_on_a_later_day_is_no_changed_search(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    server: EutilsServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stored = '\n[[searches]]\nname = "recent"\nquery = \'pain[tiab] AND "last 10 years"[dp]\'\n'
    project = review_a_project(tmp_path, monkeypatch, stored)
    run = ["search", "run", "recent", "--base-url", server.base_url, "--project", str(project)]
    for day in (datetime.date(2021, 3, 20), datetime.date(2021, 3, 27)):
        on_day(monkeypatch, day)
        assert main(run) == 0
    out = capsys.readouterr().out
    assert "since run 1" in out and "translated" not in out
    log = tmp_path / "log.md"
    assert main(["search", "log", "--out", str(log), "--project", str(project)]) == 0
    text = log.read_text()
    assert '"2011/03/20 00:00":"3000/01/01 05:00"[Date - Publication]' in text
    assert '"2011/03/27 00:00":"3000/01/01 05:00"[Date - Publication]' in text
    assert "translation changed" not in text


def test_a_relative_date_on_a_field_the_guide_does_not_name_says_so(
    server: EutilsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PubMed's User Guide (2024): relative dates on "[dp], [edat] or [crdt]"; the local
    server answers [mhda], [dcom] and [lr] alike and says that PubMed may not."""
    on_day(monkeypatch, datetime.date(2021, 3, 20))
    for tag in ("mhda", "dcom", "lr"):
        said = get(server, "esearch", db="pubmed", term=f'"last 30 days"[{tag}]').decode()
        assert "documents relative dates on [dp], [edat] and [crdt] only" in said
        assert f"answered it on [{tag}]" in said
    for tag in ("dp", "edat", "crdt"):
        said = get(server, "esearch", db="pubmed", term=f'"last 30 days"[{tag}]').decode()
        assert "documents relative dates" not in said
