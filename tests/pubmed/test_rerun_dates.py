"""What a librarian's rerun meets in dates (pubfid6), asked of the real local server over HTTP
on the small snapshot of real NLM articles: dates and ranges translated as NCBI prints them
(each bound a day), esearch's date limit without a datetype read as the Entry date (as a live
reply has it), and a range reaching past the snapshot said to do so."""

from __future__ import annotations

import datetime

from pubmed.eutils_get import esearch, get, ids

from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.translation import same_translation

# The small snapshot's newest Entry date (PubMedPubDate PubStatus="pubmed", MEDLINE's EDAT, of
# its 2021 update file's articles), read from its XML by hand.
NEWEST_ENTRY = "2021/03/24"


def translation(server: EutilsServer, **params: str) -> str:
    return esearch(server, **params)["QueryTranslation"]


def test_a_date_and_a_range_are_translated_as_days_as_ncbi_prints_them(
    server: EutilsServer,
) -> None:
    """Live replies quoted in public projects: ``2024[PDAT]`` is translated
    ``2024/01/01:2024/12/31[Date - Publication]``; ``("1800/01/01"[edat] : "2018/12/23"[edat])``
    ``1800/01/01:2018/12/23[Date - Entry]``. Months and days keep their bounds."""
    assert translation(server, term="2020[dp]") == "2020/01/01:2020/12/31[Date - Publication]"
    assert translation(server, term="2020/03:2021/06/15[dp]") == (
        "2020/03/01:2021/06/15[Date - Publication]"
    )
    assert translation(server, term='("1800/01/01"[edat] : "2018/12/23"[edat])') == (
        "1800/01/01:2018/12/23[Date - Entry]"
    )
    assert translation(server, term="cancer AND 2020/02[crdt]") == (
        '"cancer"[All Fields] AND 2020/02/01:2020/02/29[Date - Create]'
    )


def test_recorded_date_limits_and_field_are_translated_as_ncbi_printed_them(
    server: EutilsServer,
) -> None:
    """Live esearch replies recorded in a public client's cassettes (pubmedly, May 2023):
    ``reldate=1`` on 2023/05/09 ``… AND 2023/05/08:2023/05/09[Date - Entry]`` (yesterday to
    today); ``mindate=2022-12-25&maxdate=2022-12-31``, dashes and all, ``… AND
    2022/12/25:2022/12/31[Date - Entry]``; ``covid neuropathy`` with ``field=title``
    ``"covid"[Title] AND "neuropathy"[Title]``."""
    today = datetime.date.today()
    yesterday = today - datetime.timedelta(days=1)
    assert translation(server, term="cancer", reldate="1") == (
        f'"cancer"[All Fields] AND {yesterday:%Y/%m/%d}:{today:%Y/%m/%d}[Date - Entry]'
    )
    assert translation(server, term="cancer", mindate="2022-12-25", maxdate="2022-12-31") == (
        '"cancer"[All Fields] AND 2022/12/25:2022/12/31[Date - Entry]'
    )
    # the recorded form, with words the small snapshot has in titles: "covid" and "neuropathy"
    # are in none of its titles, and a query whose every term is found nowhere is translated as
    # sent, as NCBI's recorded reply to such a query has it (q44g; tests/pubmed/test_tags_as_typed)
    assert translation(server, term="cancer patients", field="title") == (
        '"cancer"[Title] AND "patients"[Title]'
    )


def test_a_range_of_months_finds_what_its_months_find(server: EutilsServer) -> None:
    months = ids(server, "2020/06[dp]") | ids(server, "2020/07[dp]") | ids(server, "2020/08[dp]")
    assert months and ids(server, "2020/06:2020/08[dp]") == months
    assert ids(server, "2020/06/01:2020/08/31[dp]") == months


def test_mindate_and_maxdate_without_datetype_limit_the_entry_date(server: EutilsServer) -> None:
    """NBK25499 names no default datetype; NCBI's reply to ``mindate=1970&maxdate=2025``
    without one translated the limit ``1970/01/01:2025/12/31[Date - Entry]`` (a live reply
    quoted in a public project): the lone term unbracketed, an OR chain bracketed."""
    limited = esearch(server, term="cancer", mindate="2019/08", maxdate="2020", retmax="9999")
    assert set(limited["IdList"]) == ids(server, "cancer AND 2019/08:2020[edat]")
    assert set(limited["IdList"]) != ids(server, "cancer AND 2019/08:2020[dp]")
    assert limited["QueryTranslation"] == (
        '"cancer"[All Fields] AND 2019/08/01:2020/12/31[Date - Entry]'
    )
    assert translation(server, term="cancer OR pain", reldate="10", datetype="pdat").startswith(
        '("cancer"[All Fields] OR "pain"[All Fields]) AND '
    )


PAST = (
    f"The snapshot holds the records PubMed entered up to {NEWEST_ENTRY} (its newest Entry "
    "date): a date range reaching past that day finds none of those PubMed entered since"
)


def past_said(server: EutilsServer, **params: str) -> int:
    """How many times the reply says that a date reaches past the snapshot."""
    said = esearch(server, **params).get("WarningList", {}).get("OutputMessage", [])
    return sum(PAST in text for text in said)


def test_a_range_past_the_snapshot_says_the_snapshot_ends(server: EutilsServer) -> None:
    """A rerun's reldate finds nothing here: the reply says what the snapshot lacks, the
    records PubMed entered after its newest one, and names that day; a range within it does
    not say so. Said once a reply, however many dates reach past (rd35a: the text named each
    range, so a query's range and esearch's date limit said it twice)."""
    assert esearch(server, term="cancer", reldate="30")["Count"] == "0"
    assert past_said(server, term="cancer", reldate="30") == 1
    assert past_said(server, term="2011:3000[dp]") == 1
    assert past_said(server, term="2011:3000[dp] OR 2021/06[edat]", reldate="30") == 1
    assert past_said(server, term="cancer AND 2019[edat]") == 0
    assert past_said(server, term="cancer AND 2021/03/24[edat]") == 0
    assert past_said(server, term="cancer AND 2021/03/25:2021/03/25[edat]") == 1


def test_a_translation_written_before_pubfid6_searches_the_same() -> None:
    """A rerun compares its translation with the last run's: the old form of a date
    (``2020:2021``, ``"2020"``) and NCBI's days are the same search, not a translation change;
    another range is not."""
    old = '("cancer"[All Fields]) AND 2020:2021[Date - Publication]'
    assert same_translation(
        old, '"cancer"[All Fields] AND 2020/01/01:2021/12/31[Date - Publication]'
    )
    assert same_translation('"2020"[Date - Entry]', "2020/01/01:2020/12/31[Date - Entry]")
    assert not same_translation(
        old, '"cancer"[All Fields] AND 2020/01/01:2021/12/30[Date - Publication]'
    )
    assert not same_translation(old, '"cancer"[All Fields] AND 2020/01/01:2021/12/31[Date - Entry]')


def test_a_webenv_reused_combines_its_sets_and_their_dates(server: EutilsServer) -> None:
    """NBK25499: usehistory=y with a WebEnv appends each search as the next query_key, and
    '#N' in a term is that set. A rerun's history: two searches, their AND and NOT, one of
    them limited by Entry date, each equal to the query written out; efetch reads the key."""
    first = esearch(server, term="cancer", usehistory="y")
    env = {"usehistory": "y", "WebEnv": first["WebEnv"], "retmax": "9999"}
    second = esearch(server, term="english[la]", **env)
    both = esearch(server, term="#1 AND #2", **env)
    neither = esearch(server, term="#1 NOT #2", **env)
    dated = esearch(server, term="#1", mindate="2019", maxdate="2019", **env)
    keys = [r["QueryKey"] for r in (first, second, both, neither, dated)]
    assert keys == ["1", "2", "3", "4", "5"]
    assert {r["WebEnv"] for r in (second, both, neither, dated)} == {first["WebEnv"]}
    assert set(both["IdList"]) == ids(server, "cancer AND english[la]") != set()
    assert set(neither["IdList"]) == ids(server, "cancer NOT english[la]")
    assert set(dated["IdList"]) == ids(server, "cancer AND 2019[edat]") != set()
    assert dated["QueryTranslation"] == "#1 AND 2019/01/01:2019/12/31[Date - Entry]"
    body = get(server, "efetch", db="pubmed", WebEnv=first["WebEnv"], query_key="3", retmax="500")
    assert body.count(b"<PubmedArticle>") == len(both["IdList"])
