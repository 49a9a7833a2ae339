"""Searches above PubMed's 9,999-id cap, split into Entry-date slices whose ids add up.

PubMed's publication date ([dp], or ``mindate``/``maxdate`` with ``datetype=pdat``) matches
the print *and* the electronic date, so one record can fall into two publication-date slices
and slice counts need not add up. Every record has exactly one Entry date ([edat]), so the
slices are made with ``datetype=edat`` (esearch's own date limit: the query is sent unchanged)
and checked by the union of their ids, not by the sum of their counts.

Each range is first asked for its count only (a reply of a few hundred bytes), and only the
newer half of a split is asked: the older half holds the rest. Only ranges under the cap are
asked for their ids, so no 9,999-id reply is thrown away. The first request
of the search asks for the ids too (most searches fit), unless the previous run of the search
was above the cap (``expect_large``); its ids are then checked to be in the slices.

A count that changes during the run (records added or removed between requests) is handled:
the union is compared with a count taken at the end; ranges whose count changed are read
again, and each change is kept as a ``drift`` message for the run's log. The result is the
search as it was at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from reviewkit.pubmed.client import EntrezError, Message, SearchResult, Slice
from reviewkit.wording import quantity

if TYPE_CHECKING:
    from reviewkit.pubmed.client import PubMedClient

DATETYPE = "edat"
EARLIEST = date(1781, 1, 1)  # older than any PubMed Entry date (which follows the 1781 imprints)
MAX_ROUNDS = 3  # re-reads of changed ranges before the run gives up


def search(
    client: PubMedClient,
    term: str,
    *,
    expect_large: bool = False,
    progress: Callable[[str], None] | None = None,
) -> SearchResult:
    """All PMIDs of ``term``; above the client's cap, in Entry-date slices."""
    first = client.esearch(term, retmax=0 if expect_large else None)
    messages = list(first.messages)
    if first.count <= client.cap:
        if expect_large:  # it was large last time, it is not now: ask for the ids
            first = client.esearch(term)
            messages += [m for m in first.messages if m not in messages]
        return SearchResult(
            first.count,
            first.translation,
            [client.complete(term, first)],
            messages,
            client.snapshot,
        )
    reader = _Reader(client, term, progress)
    hi = date(date.today().year + 1, 12, 31)
    slices = reader.split(EARLIEST, hi, known=first.count)
    for _round in range(MAX_ROUNDS + 1):
        union = {p for _lo, _hi, s in slices for p in s.ids}
        final = client.esearch(term, retmax=0, usehistory=False)
        if len(union) == final.count:
            break
        if _round == MAX_ROUNDS:
            raise EntrezError(
                f"the Entry-date slices hold {len(union)} different records but the search "
                f"now finds {final.count}",
                hint="PubMed's count kept changing while the slices were read; run the search again",
            )
        slices = reader.reread(slices)
    if final.count != first.count:
        reader.drift.insert(
            0,
            Message(
                "drift",
                f"the search found {quantity(first.count, 'record')} at the start of the run and "
                f"{final.count} at its end; the run keeps the {final.count} of the end",
            ),
        )
    missing = [p for p in first.ids if p not in union]
    if missing:
        reader.drift.append(
            Message(
                "drift",
                f"{quantity(len(missing), 'record')} listed by the first request in no slice at the "
                f"end (removed from PubMed during the run?): {' '.join(missing[:20])}",
            )
        )
    for m in reader.messages + reader.drift:
        if m not in messages:
            messages.append(m)
    return SearchResult(
        final.count, first.translation, [s for _lo, _hi, s in slices], messages, client.snapshot
    )


class _Reader:
    """Reads the slices of one search: probes counts, splits ranges, fetches ids."""

    def __init__(
        self, client: PubMedClient, term: str, progress: Callable[[str], None] | None
    ) -> None:
        self.client = client
        self.term = term
        self.progress = progress
        self.messages: list[Message] = []
        self.drift: list[Message] = []

    def count(self, lo: date, hi: date) -> int:
        result = self.client.esearch(self.term, retmax=0, usehistory=False, dates=_dates(lo, hi))
        # A slice's OutputMessages speak of the slice request, not of the search: 'No items
        # found.' for an empty range, the local server's end of its snapshot for the ranges up
        # to next year. The search's own are in its first reply; its terms' are kept here.
        self.messages += [
            m for m in result.messages if m not in self.messages and m.kind != "OutputMessage"
        ]
        if self.progress:
            self.progress(f"Entry dates {lo:%Y/%m/%d}-{hi:%Y/%m/%d}: {result.count}")
        return result.count

    def split(self, lo: date, hi: date, known: int | None = None) -> list[tuple[date, date, Slice]]:
        """The slices of lo..hi, newest first; ``known``: its count, when already asked."""
        count = self.count(lo, hi) if known is None else known
        if count == 0:
            return []
        if count <= self.client.cap:
            result = self.client.esearch(self.term, dates=_dates(lo, hi))
            if result.count <= self.client.cap:
                return [(lo, hi, self.client.complete(self.term, result, _dates(lo, hi)))]
            count = result.count  # grew past the cap since it was counted: split it
        if lo >= hi:
            raise EntrezError(
                f"{count} records have the Entry date {lo:%Y/%m/%d}, more than the "
                f"{self.client.cap} PubMed returns for one query; date slices cannot split them "
                "further",
                hint="narrow the query",
            )
        mid = lo + timedelta(days=(hi - lo).days // 2)
        newer = self.split(mid + timedelta(days=1), hi)
        # Each record has one Entry date, so the older half holds the rest: no request to
        # count it (a count that drifts meanwhile is caught by the union check at the end).
        rest = count - sum(s.count for _lo, _hi, s in newer)
        return newer + (self.split(lo, mid, known=rest) if rest > 0 else [])

    def reread(self, slices: list[tuple[date, date, Slice]]) -> list[tuple[date, date, Slice]]:
        """Ask every slice's count again; read again those that changed (a count of 0 in a
        gap between slices cannot happen: the slices cover EARLIEST..next year)."""
        out: list[tuple[date, date, Slice]] = []
        covered = [(lo, hi) for lo, hi, _s in slices]
        for lo, hi, s in slices:
            now = self.count(lo, hi)
            if now == s.count and now == len(s.ids):
                out.append((lo, hi, s))
                continue
            self.drift.append(
                Message(
                    "drift",
                    f"Entry dates {lo:%Y/%m/%d}-{hi:%Y/%m/%d}: {s.count} records, then {now}; "
                    "that slice was read again",
                )
            )
            out += self.split(lo, hi, known=now)
        out += self._gaps(covered)
        return sorted(out, key=lambda t: t[0], reverse=True)

    def _gaps(self, covered: list[tuple[date, date]]) -> list[tuple[date, date, Slice]]:
        """Ranges that had no records at first (so no slice) and may have some now."""
        out = []
        edges = sorted(covered)
        cursor = EARLIEST
        ends = [(lo, hi) for lo, hi in edges] + [
            (date(date.today().year + 2, 1, 1), date(date.today().year + 2, 1, 1))
        ]
        for lo, hi in ends:
            if lo > cursor:
                gap_hi = lo - timedelta(days=1)
                found = self.split(cursor, gap_hi)
                if found:
                    self.drift.append(
                        Message(
                            "drift",
                            f"Entry dates {cursor:%Y/%m/%d}-{gap_hi:%Y/%m/%d}: records appeared "
                            "during the run; read",
                        )
                    )
                out += found
            cursor = max(cursor, hi + timedelta(days=1))
        return out


def _dates(lo: date, hi: date) -> tuple[str, str, str]:
    return (DATETYPE, f"{lo:%Y/%m/%d}", f"{hi:%Y/%m/%d}")
