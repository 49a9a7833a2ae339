"""PubMed E-utilities client: Bio.Entrez requests with our own timeout, retries and rate limit.

Biopython (1.88) hard-codes NCBI's URL in each Entrez function and its ``_open`` has no timeout
and retries HTTP 429 at once. We therefore build each request with Bio.Entrez's own builder
against a configurable base URL, open it ourselves (timeout; exponential backoff with jitter on
429, 5xx, timeouts and cut reads; a rate limiter of 3 requests/s, 10 with ``NCBI_API_KEY``),
read esearch replies with ``Bio.Entrez.read`` and efetch replies with the streaming
:mod:`reviewkit.formats.pubmed_xml` reader. ``email`` and ``tool`` are sent with every request.

PubMed returns at most 9,999 ids of one query: :meth:`PubMedClient.search` splits larger
result sets into Entry-date slices (:mod:`reviewkit.pubmed.slicing`). Every message NCBI sends
(``ErrorList``, ``WarningList``, ``<ERROR>``) is kept as a :class:`Message`; a transient
``<ERROR>`` (``Search Backend failed…``, efetch's ``External viewer error…``) is retried like an
HTTP 5xx.
"""

from __future__ import annotations

import http.client
import io
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

from Bio import Entrez

from reviewkit import settings
from reviewkit.errors import FormatError, UserError
from reviewkit.formats import pubmed_xml
from reviewkit.pubmed import transport
from reviewkit.pubmed.messages import MESSAGE_GROUPS, Message, left_out
from reviewkit.pubmed.transport import NCBI_BASE, RateLimiter
from reviewkit.records import Record

PUBMED_CAP = 9_999
TOOL = "reviewkit"
LOCAL_EMAIL = "reviewkit@localhost.invalid"  # sent to local servers when no email is configured
RETRY_STATUS = {429, 500, 502, 503, 504}
SNAPSHOT_HEADER = "X-Reviewkit-Snapshot"  # sent by the local server only


class EntrezError(UserError):
    """PubMed answered with an error, or could not be reached after every retry."""


class EntrezRefused(EntrezError):
    """PubMed answered with an <ERROR> reply (bad query, unknown history set …): not retried.
    ``text`` is NCBI's message, whole."""

    def __init__(self, message: str, *, text: str = "", where: str = "", hint: str = "") -> None:
        super().__init__(message, where=where, hint=hint)
        self.text = text or message


class Cancelled(Exception):
    """The caller's stop event was set: no further request (or retry) was made."""


def resolve_email(email: str | None, base_url: str) -> str:
    """The email to send: the option, else $NCBI_EMAIL, else $REVIEWKIT_EMAIL.

    The real PubMed requires one; a local server gets a placeholder when none is set.
    """
    found = email or settings.ncbi_email()
    if found:
        return found
    if is_ncbi(base_url):
        raise UserError(
            "NCBI asks every E-utilities user for an email address, and none is configured",
            hint="pass --email you@example.org or set NCBI_EMAIL (or REVIEWKIT_EMAIL)",
        )
    return LOCAL_EMAIL


def is_ncbi(base_url: str) -> bool:
    return (urlsplit(base_url).hostname or "").endswith("ncbi.nlm.nih.gov")


@dataclass
class ESearchResult:
    count: int
    ids: list[str]
    translation: str
    webenv: str = ""
    query_key: str = ""
    messages: list[Message] = field(default_factory=list)

    @property
    def not_found(self) -> list[str]:
        return [m.text for m in self.messages if m.kind == "PhraseNotFound"]


@dataclass
class Slice:
    """One date slice of a search (or the whole search when it fits under the cap)."""

    term: str
    count: int
    ids: list[str]
    webenv: str = ""
    query_key: str = ""


@dataclass
class SearchResult:
    count: int
    translation: str
    slices: list[Slice]
    messages: list[Message] = field(default_factory=list)
    snapshot: str = ""  # the local server's snapshot files, when it names them

    @property
    def pmids(self) -> list[str]:
        """Every PMID once, slice by slice (newest Entry dates first)."""
        return list(dict.fromkeys(p for s in self.slices for p in s.ids))

    @property
    def not_found(self) -> list[str]:
        return [m.text for m in self.messages if m.kind == "PhraseNotFound"]


class PubMedClient:
    """E-utilities over HTTP. ``api_key`` defaults to $NCBI_API_KEY and is never logged."""

    def __init__(
        self,
        base_url: str = NCBI_BASE,
        *,
        email: str | None = None,
        tool: str = TOOL,
        api_key: str | None = None,
        rate: float | None = None,
        timeout: float = 60.0,
        max_attempts: int = 6,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        cap: int = PUBMED_CAP,
        id_page: int = PUBMED_CAP,
        batch_size: int = 500,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        transport.check_base_url(self.base_url, base_url)
        self.email = resolve_email(email, self.base_url)
        self.tool = tool
        self._api_key = api_key if api_key is not None else settings.ncbi_api_key()
        self.limiter = RateLimiter(rate or (10 if self._api_key else 3), sleep=sleep)
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.cap = cap
        self.id_page = min(id_page, cap)
        self.batch_size = batch_size
        self.requests = 0  # HTTP requests made, retries included (from any thread)
        self.snapshot = ""  # what a local server says it serves (its snapshot header)
        self._count_lock = threading.Lock()
        self._sleep = sleep
        self._random = random.Random()

    @property
    def interface(self) -> str:
        """The interface as PRISMA-S logs it: the E-utilities base URL (never the API key)."""
        return f"E-utilities {self.base_url}"

    # --- HTTP ---------------------------------------------------------------------------

    def _call(
        self,
        utility: str,
        params: dict[str, str],
        check: Callable[[bytes], object],
        stop: threading.Event | None = None,
    ) -> object:
        """One E-utility call with retries; ``check`` parses the body and raises on a bad one.

        When ``stop`` is set, no new attempt is started and backoff sleeps end at once
        (:class:`Cancelled`): a fetch running ahead in a thread dies with its run.
        """
        params = {**params, "tool": self.tool, "email": self.email}
        if self._api_key:
            params["api_key"] = self._api_key
        last, elsewhere = "", False
        for attempt in range(1, self.max_attempts + 1):
            self.limiter.wait()
            if stop is not None and stop.is_set():
                raise Cancelled(utility)
            with self._count_lock:
                self.requests += 1
            retry_after = 0.0
            # a request per attempt: urllib counts the redirects it followed on the request,
            # so one reused across attempts called the fifth redirect 'an infinite loop'
            request = Entrez._build_request(f"{self.base_url}{utility}.fcgi", params)
            try:
                with urlopen(request, timeout=self.timeout) as reply:
                    body = reply.read()
                    self.snapshot = reply.headers.get(SNAPSHOT_HEADER, "") or self.snapshot
                return check(body)
            except HTTPError as exc:
                body = transport.error_body(exc)
                said = transport.envelope_text(body)  # efetch's <ERROR> replies come with HTTP 400
                # the status decides a retry (a 429 or 5xx is passing whatever its body says);
                # an envelope's words only name what a 4xx refuses
                if exc.code in RETRY_STATUS or (said is not None and passing_fault(said)):
                    elsewhere = False
                    last = f"HTTP {exc.code}" + (
                        " (API rate limit exceeded)" if exc.code == 429 else ""
                    )
                    last += f": NCBI: {said}" if said is not None else ""
                elif said is not None:
                    what = utility.removeprefix("e")  # 'fetch', as whole_efetch words it
                    raise EntrezRefused(f"PubMed refused the {what}: {said}", text=said) from None
                else:
                    raise self._refused(utility, exc, body) from None
                retry_after = transport.retry_after(
                    exc.headers.get("Retry-After") if exc.headers else None
                )
            except NotEutilsReply as exc:  # retried: PubMed sends an empty body now and then
                last, elsewhere = exc.message, True
            except (
                URLError,
                TimeoutError,
                ConnectionError,
                http.client.HTTPException,
                UnreadableReply,
            ) as exc:
                last, elsewhere = self._describe(exc), False
            except BackendFailed as exc:
                last, elsewhere = f"NCBI: {exc.text}", False
            if attempt < self.max_attempts:
                delay = max(retry_after, self._delay(attempt))
                if stop is None:
                    self._sleep(delay)
                elif stop.wait(delay):
                    raise Cancelled(utility)
        hint = (
            "PubMed may be busy or down; run the same command again later"
            " (search run resumes where it stopped)"
        )
        if elsewhere:  # every attempt answered, but not as E-utilities: not a busy PubMed
            hint = f"{transport.NOT_EUTILS_HINT}; if it is PubMed, run the same command again later"
        raise EntrezError(
            f"{utility} failed after {self.max_attempts} attempts (last: {last})",
            where=self.base_url,
            hint=hint,
        )

    def _refused(self, utility: str, exc: HTTPError, body: bytes) -> EntrezError:
        """An HTTP error that no retry can mend (400, 403, 404 …), with NCBI's own words: the
        reply body's JSON ``error`` or its text (an API key it does not know is refused so)."""
        said = transport.reply_text(body)
        reason = " ".join(str(exc.reason).split())  # urllib's redirect-loop reason has lines
        message = f"{utility} failed: HTTP {exc.code} {self._redact(reason)}"
        if said:
            message += f": {self._redact(said)}"
        hint = transport.refusal_hint(utility, exc)
        if self._api_key and "key" in said.lower():
            hint = (
                "check NCBI_API_KEY (your keys: https://www.ncbi.nlm.nih.gov/account/settings/),"
                " or unset it to search without a key at 3 requests/s"
            )
        return EntrezError(message, where=self.base_url, hint=hint)

    def _delay(self, attempt: int) -> float:
        """Exponential backoff with jitter: 0.5-1.0 x min(max, backoff x 2^(attempt-1))."""
        return min(self.max_backoff, self.backoff * 2 ** (attempt - 1)) * (
            0.5 + self._random.random() / 2
        )

    def _describe(self, exc: BaseException) -> str:
        if isinstance(exc, http.client.IncompleteRead):
            return f"reply cut after {len(exc.partial)} bytes"
        reason = getattr(exc, "reason", None) or exc
        text = str(reason) or type(reason).__name__
        return self._redact(f"{type(exc).__name__}: {text}")

    def _redact(self, text: object) -> str:
        text = str(text)
        return text.replace(self._api_key, "***") if self._api_key else text

    # --- esearch ------------------------------------------------------------------------

    def esearch(
        self,
        term: str,
        *,
        retstart: int = 0,
        retmax: int | None = None,
        usehistory: bool = True,
        dates: tuple[str, str, str] | None = None,
    ) -> ESearchResult:
        """One esearch request; ``dates`` = (datetype, mindate, maxdate), e.g. ('edat', …)."""
        params = {
            "db": "pubmed",
            "term": term,
            "retstart": str(retstart),
            "retmax": str(self.id_page if retmax is None else retmax),
        }
        if usehistory:
            params["usehistory"] = "y"
        if dates is not None:
            params["datetype"], params["mindate"], params["maxdate"] = dates
        return self._call("esearch", params, _parse_esearch)  # type: ignore[return-value]

    def count(self, term: str) -> ESearchResult:
        """Count and translation only (no ids, no history)."""
        return self.esearch(term, retmax=0, usehistory=False)

    def search(
        self,
        term: str,
        *,
        expect_large: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> SearchResult:
        """All PMIDs of a query; above the cap, in Entry-date slices (see
        :func:`reviewkit.pubmed.slicing.search`). ``expect_large``: the previous run found more
        than the cap, so the first request asks for the count only."""
        from reviewkit.pubmed.slicing import search

        return search(self, term, expect_large=expect_large, progress=progress)

    def complete(
        self, term: str, first: ESearchResult, dates: tuple[str, str, str] | None = None
    ) -> Slice:
        """Page through esearch until every id of this (capped) result is in hand (``dates``:
        the slice's datetype, mindate and maxdate)."""
        ids = list(first.ids)
        while len(ids) < first.count:
            page = self.esearch(term, retstart=len(ids), usehistory=False, dates=dates)
            if not page.ids:
                raise EntrezError(f"esearch stopped returning ids at {len(ids)} of {first.count}")
            ids += page.ids
        label = term if dates is None else f"{term} [{dates[0]} {dates[1]}-{dates[2]}]"
        return Slice(label, first.count, ids, first.webenv, first.query_key)

    # --- efetch -------------------------------------------------------------------------

    def efetch_history(
        self,
        webenv: str,
        query_key: str,
        retstart: int,
        retmax: int,
        *,
        stop: threading.Event | None = None,
    ) -> list[Record]:
        """Records ``retstart``..``retstart+retmax`` of a history set."""
        return self._call(
            "efetch", _history_params(webenv, query_key, retstart, retmax), parse_efetch, stop
        )  # type: ignore[return-value]

    def efetch_ids(self, pmids: list[str], *, stop: threading.Event | None = None) -> list[Record]:
        """Records of these PMIDs (Bio.Entrez posts long id lists)."""
        return self._call("efetch", _id_params(pmids), parse_efetch, stop)  # type: ignore[return-value]

    def efetch_history_xml(
        self,
        webenv: str,
        query_key: str,
        retstart: int,
        retmax: int,
        *,
        stop: threading.Event | None = None,
    ) -> bytes:
        """As :meth:`efetch_history`, but the reply itself, checked to be whole, for
        :func:`parse_efetch` to read elsewhere (e.g. in a worker process)."""
        return self._call(
            "efetch", _history_params(webenv, query_key, retstart, retmax), whole_efetch, stop
        )  # type: ignore[return-value]

    def efetch_ids_xml(self, pmids: list[str], *, stop: threading.Event | None = None) -> bytes:
        """As :meth:`efetch_ids`, but the reply itself (see :meth:`efetch_history_xml`)."""
        return self._call("efetch", _id_params(pmids), whole_efetch, stop)  # type: ignore[return-value]


def _history_params(webenv: str, query_key: str, retstart: int, retmax: int) -> dict[str, str]:
    return {
        "db": "pubmed",
        "retmode": "xml",
        "WebEnv": webenv,
        "query_key": query_key,
        "retstart": str(retstart),
        "retmax": str(retmax),
    }


def _id_params(pmids: list[str]) -> dict[str, str]:
    return {"db": "pubmed", "retmode": "xml", "id": ",".join(pmids)}


class UnreadableReply(EntrezError):
    """A reply that arrived but cannot be read (truncated XML): retried like a cut read."""


class NotEutilsReply(UnreadableReply):
    """A reply that is no E-utilities document at all (a web page, an empty body): retried, and
    when every attempt got one, the user is told to check --base-url, not to wait for PubMed."""


def _check_eutils(utility: str, body: bytes) -> None:
    """Raise :class:`NotEutilsReply` for a reply that is no E-utilities document at all."""
    what = transport.not_eutils(body)
    if what is not None:
        raise NotEutilsReply(f"the {utility} reply is {what}, not E-utilities XML")


class BackendFailed(Exception):
    """NCBI's transient ``<ERROR>`` (:func:`passing_fault`): retried like a 5xx."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


# The <ERROR> texts in which NCBI reports its own servers failing, not the request: esearch's
# 'Search Backend failed: …' (read error, connection reset) and efetch's record server timing out,
# 'Error: External viewer error: Empty Response. Bytes read: 0 Status: Timeout' (a recorded
# reply, manubot/manubot#374: the same efetch answered whole on the next try; sent with HTTP 200
# or 400). NBK25499 documents neither; both are passing, as the replies recorded after them show.
_PASSING_FAULTS = ("Search Backend failed", "Error: External viewer error")


def passing_fault(text: str) -> bool:
    """Whether an ``<ERROR>`` text is NCBI's passing fault (:data:`_PASSING_FAULTS`), retried
    like a 5xx, but for NCBI's retstart limit, which starts as 'Search Backend failed' too and
    no retry mends."""
    return text.startswith(_PASSING_FAULTS) and "retstart" not in text


def _parse_esearch(body: bytes) -> ESearchResult:
    _check_eutils("esearch", body)
    text = transport.error_text(body)
    if text is not None and b"<Count>" not in body:
        if passing_fault(text):
            raise BackendFailed(text)
        raise EntrezRefused(f"PubMed refused the search: {text}", text=text)
    try:
        data = Entrez.read(io.BytesIO(body))
    except RuntimeError as exc:  # Bio.Entrez raises this for an <ERROR> element
        raise EntrezRefused(f"PubMed refused the search: {exc}", text=str(exc)) from None
    except Exception as exc:  # expat and Biopython's own corrupted-XML errors
        raise UnreadableReply(f"unreadable esearch reply ({type(exc).__name__})") from None
    messages = []
    for group, kinds in MESSAGE_GROUPS:
        found = data.get(group) or {}
        messages += [Message(k, str(t)) for k in kinds for t in found.get(k, [])]
    translation = str(data.get("QueryTranslation", ""))
    return ESearchResult(
        count=int(data["Count"]),
        ids=[str(i) for i in data.get("IdList", [])],
        translation=translation,
        webenv=str(data.get("WebEnv", "")),
        query_key=str(data.get("QueryKey", "")),
        messages=messages + left_out(messages, translation),  # the word after NCBI's
    )


def whole_efetch(body: bytes) -> bytes:
    """The reply, if it is not an error reply and ends with its root's closing tag."""
    _check_eutils("efetch", body)
    if b"<eFetchResult" in body[:2000]:
        text = transport.error_text(body)
        if text is not None and passing_fault(text):
            raise BackendFailed(text)  # transient: retried like a 5xx
        raise EntrezRefused(
            f"PubMed refused the fetch: {text if text is not None else body[:200].decode('utf-8', 'replace')}"
        )
    if not transport.ends_whole(body):
        raise UnreadableReply(f"efetch reply cut short after {len(body)} bytes")
    return body


def parse_efetch(body: bytes) -> list[Record]:
    """The records of an efetch reply; :class:`UnreadableReply` for a broken one."""
    whole_efetch(body)
    try:
        return list(pubmed_xml.read(io.BytesIO(body), "efetch", source="PubMed"))
    except FormatError as exc:
        raise UnreadableReply(f"unreadable efetch reply: {exc.message}") from None
