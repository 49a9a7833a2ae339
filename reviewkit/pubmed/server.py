"""A local E-utilities server: einfo, esearch, efetch, esummary and epost over a PubMed snapshot.

It listens on 127.0.0.1 and answers as NCBI does: XML replies (einfo, esearch and esummary also
JSON, ``retmode=json``; efetch also MEDLINE text and PMID lists, :mod:`reviewkit.pubmed.efetch`;
esummary's version 1.0 DocSums, :mod:`reviewkit.pubmed.esummary`, and version 2.0's,
:mod:`reviewkit.pubmed.esummary_v2`; a choice's value read without case,
:func:`reviewkit.pubmed.params.read_values`; epost,
:mod:`reviewkit.pubmed.epost`) with Count/RetMax/RetStart/IdList, the history server
(``usehistory``, WebEnv, query_key, ``#N`` in a term), ``retstart``/``retmax``, ``sort``, the
9,999-record cap of PubMed, ``QueryTranslation``, ``ErrorList``, ``WarningList`` and
``<ERROR>`` replies, and esearch's ``datetype``/``mindate``/``maxdate``/``reldate`` (checked in
:mod:`reviewkit.pubmed.dates`). The other E-utilities get HTTP 501. It enforces NCBI's rate
limit (3 requests/s, 10 with an API key; HTTP 429 with NCBI's JSON, X-RateLimit headers) and
injects faults on demand (:mod:`reviewkit.pubmed.faults`).
What it evaluates exactly, warns about or refuses: :mod:`reviewkit.pubmed.evaluate`; the
HTTP side (paths, request log, rate limit and faults applied): :mod:`reviewkit.pubmed.http_handler`.
"""

from __future__ import annotations

import datetime
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

from reviewkit.errors import UserError
from reviewkit.pubmed.dates import date_limit
from reviewkit.pubmed.efetch import (
    SEQUENCE_ONLY,
    article_set,
    efetch_format,
    efetch_text,
    history_window,
    parse_ids,
    uilist_xml,
)
from reviewkit.pubmed.einfo_json import einfo_json
from reviewkit.pubmed.epost import epost_reply
from reviewkit.pubmed.esummary import NO_IDS, check_version, esummary_xml
from reviewkit.pubmed.esummary_json import esummary_json
from reviewkit.pubmed.esummary_v2 import esummary_v2_xml
from reviewkit.pubmed.evaluate import Evaluation, Evaluator, parse_or_fail
from reviewkit.pubmed.faults import FAULT_KINDS, Fault, FaultPlan, parse_faults
from reviewkit.pubmed.fields import CURLY_READ, REVISED_AS_FILED
from reviewkit.pubmed.history_key import with_query_key
from reviewkit.pubmed.http_handler import PATH_PREFIX, RequestLog, handler_class
from reviewkit.pubmed.params import check_common, check_format_and_params, integer
from reviewkit.pubmed.replies import (
    RELEVANCE_NOT_IMITATED,
    ESearchReply,
    ReplyError,
    db_build,
    einfo_xml,
    esearch_json,
    esearch_xml,
    limit_to_field,
    rate_key,
    sort_kind,
)
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.translation import with_date_limit
from reviewkit.pubmed.uids import is_number
from reviewkit.query import has_curly_quotes
from reviewkit.query_nodes import Node

PUBMED_CAP = 9_999
NCBI_RATE = 3
NCBI_RATE_WITH_KEY = 10
__all__ = [  # the server, and the names it re-exports from pubmed.faults and pubmed.http_handler
    "FAULT_KINDS",
    "NCBI_RATE",
    "NCBI_RATE_WITH_KEY",
    "PUBMED_CAP",
    "EutilsServer",
    "Fault",
    "FaultPlan",
    "ReplyError",
    "RequestLog",
    "parse_faults",
    "serve_forever",
    "serve_in_thread",
]


# --- state -------------------------------------------------------------------------------


@dataclass
class _History:
    results: list[list[int]] = field(default_factory=list)  # query_key - 1 -> PMIDs


class EutilsServer:
    """The server and its state: snapshot, history (WebEnv), rate limits, faults, request log."""

    def __init__(
        self,
        snapshot: Snapshot,
        *,
        port: int = 0,
        cap: int = PUBMED_CAP,
        rate_limits: tuple[int, int] | None = (NCBI_RATE, NCBI_RATE_WITH_KEY),
        faults: FaultPlan | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.evaluator = Evaluator(snapshot)
        self.cap = cap
        self.rate_limits = rate_limits
        self.faults = faults or FaultPlan()
        self.log: list[RequestLog] = []
        self._history: dict[str, _History] = {}
        self._recent: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler_class(self))
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{PATH_PREFIX}"

    def start(self) -> EutilsServer:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="eutils", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def requests(self, endpoint: str = "") -> list[RequestLog]:
        with self._lock:
            return [r for r in self.log if not endpoint or r.endpoint == endpoint]

    # --- rate limit ---------------------------------------------------------------------

    def rate_count(self, params: dict[str, str], client: str) -> tuple[int, int] | None:
        """(requests over the last second, this one included; the limit) for the request's
        API key, else its address; None when no limit is enforced."""
        if self.rate_limits is None:
            return None
        key = rate_key(params, client)
        limit = self.rate_limits[1] if params.get("api_key") else self.rate_limits[0]
        now = time.monotonic()
        with self._lock:
            window = self._recent.setdefault(key, deque())
            while window and window[0] <= now - 1.0:
                window.popleft()
            window.append(now)
            return len(window), limit

    # --- endpoints ----------------------------------------------------------------------

    def esearch(self, params: dict[str, str]) -> bytes:
        """An esearch reply: XML, or JSON with ``retmode=json`` (NBK25499, ESearch)."""
        reply = self.esearch_reply(params)
        return esearch_json(reply) if params.get("retmode") == "json" else esearch_xml(reply)

    def esearch_reply(self, params: dict[str, str]) -> ESearchReply:
        check_common({"db": "pubmed"} | params, formats=("xml", "json"))  # db defaults to pubmed
        term = params.get("term", "").strip()
        if not term and not params.get("query_key", "").strip():
            raise ReplyError("Empty term and query_key - nothing todo")
        rettype = params.get("rettype", "")
        if rettype not in ("", "uilist", "count"):
            raise ReplyError(f"rettype {rettype!r} is not an esearch rettype (uilist or count)")
        retstart, retmax = integer(params, "retstart", 0), integer(params, "retmax", 20)
        sort = sort_kind(params.get("sort", ""))
        try:
            node = parse_or_fail(term) if term else None
            if node is not None and params.get("field"):
                node = limit_to_field(node, params["field"])
            history = self._searches(params)
            node = with_query_key(node, params, len(history))
            result = self.evaluate(node, history)
            if has_curly_quotes(term):  # read as straight quotes: say so
                result.warnings.append(("OutputMessage", CURLY_READ))
            limit = date_limit(params)
        except UserError as exc:
            raise ReplyError(
                f"Invalid query: {exc.message}" + (f" ({exc.hint.strip()})" if exc.hint else "")
            ) from None
        if limit is not None:
            self._limit_dates(result, *limit)
        count = result.count
        if retstart >= self.cap and count > retstart:  # NCBI's words, as a 2023 reply has them
            n = f"{self.cap:,}"
            raise ReplyError(
                f"Search Backend failed: Exception:\n'retstart' cannot be larger than {self.cap - 1}. "
                f"For PubMed, ESearch can only retrieve the first {n} records matching the query. "
                f"To obtain more than {n} PubMed records, consider using EDirect that contains "
                "additional logic to batch PubMed search results automatically so that an "
                "arbitrary number can be retrieved. For details see "
                "https://www.ncbi.nlm.nih.gov/books/NBK25499/"
            )
        if sort == "relevance":
            result.warnings.append(("OutputMessage", RELEVANCE_NOT_IMITATED))
        elif sort:  # the history set keeps the sort order too (NBK25499, "sort")
            result.pmids = self.snapshot.sorted_pmids(result.pmids, sort)
        end = min(retstart + retmax, self.cap)
        # NCBI's words (Biopython #4189); said whenever the request reaches past the cap, also
        # for a small result: 870 hits asked from retstart 9999 came back empty with it
        # (cyanheads/pubmed-mcp-server #95, a live reply, 2026)
        if retstart + retmax > self.cap:
            result.warnings.append(
                (
                    "OutputMessage",
                    f"Restrictions achieved. start and count adjusted to {retstart}, "
                    f"{max(0, end - retstart)}",
                )
            )
        reply = ESearchReply(
            count,
            retstart,
            result.pmids[retstart:end],
            result.translation,
            list(result.not_found),
            list(result.warnings) + ([] if count else [("OutputMessage", "No items found.")]),
            count_only=rettype == "count",
        )
        if params.get("usehistory", "") == "y":
            reply.webenv, reply.query_key = self._remember(params.get("WebEnv", ""), result.pmids)
        return reply

    def _limit_dates(self, result: Evaluation, kind: str, start: str, end: str) -> None:
        """esearch's date limit (datetype with mindate/maxdate, or reldate) applied to a
        result: its PMIDs within the range, the range ANDed to its translation."""
        within = self.evaluator.dates(start, end, kind)
        result.pmids = [p for p in result.pmids if p in within]
        result.translation = with_date_limit(result.translation, kind, start, end)
        self.evaluator.say_past_snapshot(end, result)
        if kind == "lr":  # datetype=mdat: the NLM files' DateRevised, as [lr]
            result.warnings.append(("OutputMessage", REVISED_AS_FILED))

    def evaluate(self, term: str | Node, history: Sequence[Sequence[int]] = ()) -> Evaluation:
        """The query over the snapshot (tests replace this to make a count drift)."""
        return self.evaluator.evaluate(term, history)

    def _searches(self, params: dict[str, str]) -> list[list[int]]:
        """The WebEnv's searches, which ``#N`` in a term refers to: only with usehistory=y
        (NBK25499: usehistory must be 'y' for ESearch to interpret query keys in term)."""
        if params.get("usehistory", "") != "y":
            return []
        with self._lock:
            history = self._history.get(params.get("WebEnv", ""))
            return list(history.results) if history else []

    @property
    def built(self) -> datetime.datetime:
        """When the snapshot's index was built: einfo's DbBuild and LastUpdate, esummary 2.0's
        DbBuild."""
        return datetime.datetime.fromtimestamp(self.snapshot.path.stat().st_mtime)

    def einfo(self, params: dict[str, str]) -> bytes:
        """einfo: the database list, or pubmed's record count and the fields searched here;
        XML, or JSON with ``retmode=json`` (NBK25499, EInfo)."""
        check_format_and_params(params, ("xml", "json"), frozenset({"version"}))  # db optional
        write = einfo_json if params.get("retmode") == "json" else einfo_xml
        db, version = params.get("db", ""), params.get("version", "")
        return write(db, self.snapshot.article_count, self.built, version)

    def efetch(self, params: dict[str, str]) -> bytes:
        """efetch by ``id`` or from a history set: XML, MEDLINE text or a PMID list
        (:mod:`reviewkit.pubmed.efetch`)."""
        check_common(params, formats=("xml", "text"), extra=SEQUENCE_ONLY)
        kind = efetch_format(params)
        pmids = self._requested(params)
        if kind == "xml":
            return article_set(self.snapshot.articles_xml(pmids))
        found = self.snapshot.articles_by_pmid(pmids)
        if kind == "uilist_xml":
            return uilist_xml(pmids, found)
        if kind == "docsum":  # NBK25499's document summary: ESummary's DocSums
            return esummary_xml(pmids, found)
        return efetch_text(kind, pmids, found)

    def esummary(self, params: dict[str, str]) -> bytes:
        """esummary's DocSums by ``id`` or from a history set: version 1.0 XML
        (:mod:`reviewkit.pubmed.esummary`), version 2.0 XML (:mod:`reviewkit.pubmed.esummary_v2`)
        or JSON (:mod:`reviewkit.pubmed.esummary_json`)."""
        check_version(params)  # before the retmode check: it names what esummary serves
        check_common(params, formats=("xml", "json"), extra=frozenset({"version"}))
        if not params.get("id") and not params.get("query_key"):
            raise ReplyError(NO_IDS)
        as_json = params.get("retmode") == "json"
        v2_xml = not as_json and params.get("version") == "2.0"
        # a window past a history set's end: an empty DocumentSummarySet in version 2.0 (a
        # recorded reply, gschofl/reutils issue #6), so in JSON too, NCBI's JSON being version
        # 2.0 converted (esummary_json; no JSON reply recorded): {"result":{"uids":[]}}, the
        # form a recorded JSON reply gives an empty result; EFetch's OUT OF RANGE in 1.0
        pmids = self._requested(params, empty_past_end=v2_xml or as_json)
        found = self.snapshot.articles_by_pmid(pmids)
        if as_json:
            return esummary_json(pmids, found)
        if v2_xml:
            return esummary_v2_xml(pmids, found, db_build(self.built))
        return esummary_xml(pmids, found)

    def epost(self, params: dict[str, str]) -> bytes:
        """EPost: the PMIDs of ``id`` stored as the next query_key of ``WebEnv`` (a new WebEnv
        when none is given), for efetch, esummary and esearch (:mod:`reviewkit.pubmed.epost`)."""
        check_common(params)
        webenv = params.get("WebEnv", "")
        return epost_reply(params.get("id", ""), lambda pmids: self._remember(webenv, pmids))

    def _requested(self, params: dict[str, str], empty_past_end: bool = False) -> list[int]:
        """The PMIDs of ``id`` (it wins, as before), else of the WebEnv's set query_key,
        retstart.. retstart + retmax; a window past the set's end is refused
        (:func:`history_window`), or none with ``empty_past_end``."""
        if params.get("id") or not params.get("WebEnv"):
            return parse_ids(params.get("id", ""))
        pmids = self._recall(params.get("WebEnv", ""), params.get("query_key", ""))
        retstart, retmax = integer(params, "retstart", 0), integer(params, "retmax", 20)
        if empty_past_end and retstart >= len(pmids):
            return []
        return history_window(pmids, retstart, retmax, self.cap)

    def _remember(self, webenv: str, pmids: list[int]) -> tuple[str, int]:
        with self._lock:
            if webenv not in self._history:
                webenv = "MCID_" + secrets.token_hex(12)
                self._history[webenv] = _History()
            history = self._history[webenv]
            history.results.append(pmids)
            return webenv, len(history.results)

    def _recall(self, webenv: str, query_key: str) -> list[int]:
        with self._lock:
            history = self._history.get(webenv)
            if (
                history is None
                or not is_number(query_key)
                or not 1 <= int(query_key) <= len(history.results)
            ):
                raise ReplyError(f"Unable to obtain query #{query_key or '?'}")
            return history.results[int(query_key) - 1]


# --- entry points ------------------------------------------------------------------------


def serve_in_thread(
    snapshot_files: Iterable[str | Path] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    **options: object,
) -> tuple[str, Callable[[], None]]:
    """Start a local server in this process (default: the real snapshot); returns (base URL, stop).

    ``options`` go to :class:`EutilsServer` (port, cap, rate_limits, faults).
    """
    if snapshot_files is None:
        from reviewkit.offline_data import pubmed_snapshot_files

        snapshot_files = pubmed_snapshot_files()
    snapshot = Snapshot.open(snapshot_files, progress=progress)
    server = EutilsServer(snapshot, **options).start()  # type: ignore[arg-type]

    def stop() -> None:
        server.stop()
        snapshot.close()

    return server.base_url, stop


def serve_forever(
    snapshot_files: Sequence[str | Path],
    *,
    port: int,
    faults: FaultPlan | None,
    rate_limits: tuple[int, int] | None,
    cap: int = PUBMED_CAP,
    progress: Callable[[int, int], None] | None = None,
    ready: Callable[[EutilsServer], None] | None = None,
) -> None:
    """Run a server in the foreground until interrupted (the ``pubmed serve`` command)."""
    snapshot = Snapshot.open(snapshot_files, progress=progress)
    try:
        server = EutilsServer(snapshot, port=port, cap=cap, rate_limits=rate_limits, faults=faults)
    except OSError as exc:
        raise UserError(
            f"cannot listen on 127.0.0.1:{port} ({exc.strerror})", hint="choose another --port"
        ) from None
    if ready:
        ready(server)
    try:
        server.httpd.serve_forever()
    finally:
        server.httpd.server_close()
        snapshot.close()
