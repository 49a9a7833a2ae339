"""NCBI's own printed date window pasted back as a search (q46c): ``"2023/04/29
00:00":"3000/01/01 05:00"[Date - Create]``, the form of a relative window in a recorded
QueryTranslation, read over HTTP as the days it names (the snapshot holds days, not times:
reviewkit.query_dates); a malformed time refused, saying what is wrong."""

from __future__ import annotations

import datetime

import pytest
from pubmed.eutils_get import esearch, ids, warnings_of

from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.search_checks import search_warnings
from reviewkit.pubmed.server import EutilsServer

DATE_TAGS = ("dp", "edat", "crdt", "mhda", "dcom", "lr")


@pytest.mark.parametrize("tag", DATE_TAGS)
def test_a_printed_window_finds_the_days_it_names(server: EutilsServer, tag: str) -> None:
    days = esearch(server, term=f"2019/01/01:2019/06/30[{tag}]", retmax="9999")
    assert days["IdList"]  # the small snapshot holds records in it on every date field
    for term in (
        f'"2019/01/01 00:00":"2019/06/30 05:00"[{tag}]',
        f'"2019/01/01 00:00"[{tag}] : "2019/06/30 05:00"[{tag}]',
        f'"2019/01/01 13:00" : "2019/06/30 05:00"[{tag}]',  # a start late in its day: that day
    ):
        reply = esearch(server, term=term, retmax="9999")
        assert set(reply["IdList"]) == set(days["IdList"]), term
        assert reply["QueryTranslation"] == days["QueryTranslation"]


def test_the_window_as_ncbi_prints_it_reads_its_field_name(server: EutilsServer) -> None:
    """The translation's own field name, as pasted: [Date - Create], open-ended at 3000."""
    term = '"2019/01/01 00:00":"3000/01/01 05:00"[Date - Create]'
    reply = esearch(server, term=term, retmax="9999")
    days = esearch(server, term="2019/01/01:3000/01/01[crdt]", retmax="9999")
    assert reply["IdList"] and set(reply["IdList"]) == set(days["IdList"])
    assert reply["QueryTranslation"] == "2019/01/01:3000/01/01[Date - Create]"


def test_a_day_with_a_time_is_that_day(server: EutilsServer) -> None:
    day = ids(server, "2019/01/16[crdt]")
    assert day and ids(server, '"2019/01/16 00:00"[crdt]') == day
    assert ids(server, '"2019/01/16 23:59"[Date - Create]') == day


@pytest.mark.parametrize(
    ("term", "said"),
    [
        ('"2019/01/01 25:00":"2019/06/30 05:00"[crdt]', "'25:00' is no time of day"),
        ('"2019/01/01 00:00":"2019/06/30 5:61"[edat]', "'5:61' is no time of day"),
        ('"2019/01/01 00:00:00":"2019/06/30 05:00"[crdt]', "'00:00:00' is no time of day"),
        ('"2019/01 00:00":"2019/06/30 05:00"[crdt]', "a time needs a whole day before it"),
    ],
)
def test_a_malformed_time_is_refused_saying_what_is_wrong(
    server: EutilsServer, term: str, said: str
) -> None:
    text = warnings_of(server, term)
    assert "<ERROR>" in text and said in text and "HH:MM" in text


def test_a_single_malformed_time_is_refused(server: EutilsServer) -> None:
    text = warnings_of(server, '"2019/01/16 7pm"[crdt]')
    assert "<ERROR>" in text and "cannot read '2019/01/16 7pm' as a date" in text


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ('"2019/01/16 00:00"[dp]', "write 2019/01/16:2019/01/16[dp]"),
        ('"2030/01/16 00:00"[edat]', "'2030/01/16 00:00'[edat] lies after today"),
        ('"2030/01/01 00:00":"3000/01/01 05:00"[crdt]', "2030/01/01:3000/01/01[crdt] starts after"),
    ],
)
def test_a_stored_search_with_times_is_checked_as_its_days(query: str, said: str) -> None:
    """`protocol check`'s date warnings read the days a pasted window names, as the server."""
    search = Search("pasted", "PubMed", f"pain[tiab] AND {query}", Limits())
    assert said in " | ".join(search_warnings(search, datetime.date(2026, 12, 5)))


def test_the_window_unquoted_as_medline_text_prints_its_ends_is_read_as_its_days(
    server: EutilsServer,
) -> None:
    """MEDLINE text prints its dates with times unquoted (``EDAT- 2012/10/09 06:00``, Biopython's
    recorded pubmed_result3.txt), as esummary's History does: a window pasted so, its colons the
    times' and the range's, finds what the quoted window finds; a bad time in it is named."""
    days = ids(server, "2019/01/01:2019/06/30[crdt]")
    assert days
    assert ids(server, "2019/01/01 00:00:2019/06/30 05:00[crdt]") == days
    assert ids(server, "2019/01/01 13:00 : 2019/06/30[Date - Create]") == days
    reply = esearch(server, term="pain[tiab] AND 2019/01/01 00:00:3000/01/01 05:00[crdt]")
    assert reply["QueryTranslation"].endswith("2019/01/01:3000/01/01[Date - Create]")
    text = warnings_of(server, "2019/01/01 25:00:2019/06/30 05:00[crdt]")
    assert "<ERROR>" in text and "'25:00' is no time of day" in text


def test_an_untagged_range_is_refused_with_the_tagged_form_to_write(
    server: EutilsServer,
) -> None:
    """PubMed Help: dates and ranges "must be searched using the format YYYY/MM/DD [dp]"; an
    untagged one is refused (PubMed's own reply to one is not recorded), saying what to write."""
    text = warnings_of(server, "pain[tiab] AND 2020:2021")
    assert "<ERROR>" in text and "needs a field tag such as [dp] (e.g. 2020:2021[dp])" in text
