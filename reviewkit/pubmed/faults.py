"""Faults the local E-utilities server injects on demand: HTTP 429/5xx, slow replies, cut
bodies, dropped connections and NCBI's transient "Search Backend failed" reply — scripted per
request (tests say exactly which request fails and how) or at random rates (``--faults``)."""

from __future__ import annotations

import random
import threading
from collections import deque
from dataclasses import dataclass

from reviewkit.errors import UserError
from reviewkit.formats.pubmed_xml import RECORD_START

FAULT_KINDS = (
    "ok",
    "429",
    "500",
    "502",
    "503",
    "slow",
    "cut",
    "drop",
    "backend",
    "badkey",
    "short",
)  # ok: no fault (for scripts); backend: NCBI's transient "Search Backend failed" <ERROR> reply;
# badkey: NCBI's refusal of an API key it does not know (HTTP 400 with a JSON error, not retried);
# short: an efetch reply, whole and well formed, with its last record (article or book) left out
# (fewer records than asked, as a reply of PubMed's may be: a record deleted since the search, or
# a batch PubMed answered only in part)

# --- faults ------------------------------------------------------------------------------


def short_reply(body: bytes) -> bytes:
    """An efetch XML reply without its last record, article or book, as a cut reply would
    lose it (the 'short' fault); as it is when it has none."""
    starts = list(RECORD_START.finditer(body))
    if not starts:
        return body
    start = starts[-1].start()
    close = b"</" + starts[-1].group(0)[1:-1] + b">"  # the tag without "<" and its last byte
    end = body.find(close, start)
    if end < 0:
        return body
    return body[:start] + body[end + len(close) :]


@dataclass(frozen=True)
class Fault:
    """One fault: ``kind`` in FAULT_KINDS; ``endpoint`` 'esearch', 'efetch' or '' for any."""

    kind: str
    endpoint: str = ""
    seconds: float = 2.0  # for 'slow'

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise UserError(f"unknown fault {self.kind!r}", hint=f"one of {', '.join(FAULT_KINDS)}")


class FaultPlan:
    """Faults for the coming requests: scripted ones first (in order), then random rates."""

    def __init__(
        self, rates: dict[str, float] | None = None, *, seed: int = 0, slow_seconds: float = 2.0
    ) -> None:
        self.rates = dict(rates or {})
        self.slow_seconds = slow_seconds
        self._scripted: deque[Fault] = deque()
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def script(self, *faults: Fault | str) -> None:
        """Queue faults: each applies to the next request of its endpoint."""
        with self._lock:
            self._scripted.extend(Fault(f) if isinstance(f, str) else f for f in faults)

    def pending(self) -> int:
        with self._lock:
            return len(self._scripted)

    def next(self, endpoint: str) -> Fault | None:
        with self._lock:
            for fault in self._scripted:
                if fault.endpoint in ("", endpoint):
                    self._scripted.remove(fault)
                    return fault
            # one draw per request against the shares laid end to end, so each kind is that
            # share of all requests (a draw per kind made a later kind rarer: cut@0.05 after
            # 500@0.1 hit 4.5 % of requests, not 5 %)
            draw, upto = self._random.random(), 0.0
            for kind, rate in self.rates.items():
                upto += rate
                if draw < upto:
                    return Fault(kind, seconds=self.slow_seconds)
        return None


def parse_faults(spec: str, *, seed: int = 0) -> FaultPlan:
    """'500@0.1,cut@0.05,slow@0.05:1.5' -> random faults at those rates (slow: seconds)."""
    rates: dict[str, float] = {}
    slow = 2.0
    for part in filter(None, (p.strip() for p in spec.split(","))):
        kind, _, rest = part.partition("@")
        rate_text, _, seconds = rest.partition(":")
        try:
            rate = float(rate_text)
            if seconds:
                slow = float(seconds)
        except ValueError:
            raise UserError(
                f"cannot read fault {part!r}", hint="write KIND@RATE, e.g. 500@0.1 or slow@0.05:1.5"
            ) from None
        if kind not in FAULT_KINDS or not 0 <= rate <= 1:
            raise UserError(
                f"cannot read fault {part!r}",
                hint=f"KIND is one of {', '.join(FAULT_KINDS)}, RATE in 0..1",
            )
        if not 0 <= slow <= 3600:  # time.sleep refuses nan and negatives in the request thread
            raise UserError(
                f"fault {part!r}: SECONDS must be from 0 to 3600",
                hint="give the delay of a slow reply in seconds, e.g. slow@0.05:1.5",
            )
        if kind in rates:  # the last one was used silently
            raise UserError(
                f"fault {kind!r} is given twice in {spec!r}", hint="give each KIND once"
            )
        rates[kind] = rate
    if sum(rates.values()) > 1:  # shares of the requests: together at most all of them
        raise UserError(
            f"the fault shares in {spec!r} add up to more than 1",
            hint="each is a share of all requests",
        )
    return FaultPlan(rates, seed=seed, slow_seconds=slow)
