"""The local E-utilities server's HTTP side: one request's path checked, logged, rate-limited
or given an injected fault, else answered by the :class:`EutilsServer`'s endpoint method."""

from __future__ import annotations

import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from reviewkit.pubmed.efetch import EFETCH_ERROR_STATUS, TEXT
from reviewkit.pubmed.faults import short_reply
from reviewkit.pubmed.params import read_values
from reviewkit.pubmed.replies import (
    JSON,
    XML,
    ReplyError,
    error_reply,
    fault_status,
    rate_key,
    rate_limited,
)

if TYPE_CHECKING:
    from reviewkit.pubmed.server import EutilsServer

PATH_PREFIX = "/entrez/eutils/"
SNAPSHOT_HEADER = "X-Reviewkit-Snapshot"
BACKEND_FAILED = "Search Backend failed: read error: Connection reset by peer"


@dataclass
class RequestLog:
    endpoint: str
    params: dict[str, str]
    status: int
    fault: str = ""
    method: str = "GET"  # GET or POST (Biopython posts a request longer than 1,000 characters)


# --- HTTP --------------------------------------------------------------------------------


# EutilsServer's endpoint methods
# the utilities that answer in JSON with retmode=json, their errors too (replies.error_reply)
JSON_UTILITIES = ("einfo", "esearch", "esummary")
SERVED_UTILITIES = ("einfo", "esearch", "efetch", "esummary", "epost")
SERVED = ", ".join(SERVED_UTILITIES[:-1]) + " and " + SERVED_UTILITIES[-1]  # the 501's words
# The real E-utilities not served, each with why: what it answers from is not in NLM's files
UNSERVED = {
    # related articles (cmd=neighbor, neighbor_score) are NCBI's computed similarities, links
    # to other databases NCBI's own tables (NBK25499, ELink); NLM's XML holds neither
    "elink": "its related-article scores and links are computed by NCBI, not held in NLM's files",
    # spelling suggestions come from NCBI's dictionaries of its databases' terms (NBK25499)
    "espell": "PubMed's spelling suggestions come from NCBI's own dictionary, not NLM's files",
    "egquery": "it counts a term in every Entrez database; the local server holds PubMed alone",
    "ecitmatch": "citation matching is not imitated",
}


def _endpoint(path: str) -> str:
    """'esearch' from '/entrez/eutils/esearch.fcgi'; '' for a path outside E-utilities.
    ECitMatch alone is a .cgi: NBK25499 gives its URL as ecitmatch.cgi (it answered a bare 404
    there, and its 501 only at a .fcgi URL NCBI does not document)."""
    if not path.startswith(PATH_PREFIX):
        return ""
    name = path[len(PATH_PREFIX) :]
    return "ecitmatch" if name == "ecitmatch.cgi" else name.removesuffix(".fcgi")


def handler_class(server: EutilsServer) -> type[BaseHTTPRequestHandler]:
    """The request handler class bound to ``server`` (http.server makes one per request)."""
    return type("Handler", (_Handler,), {"eutils": server})


def _path_refusal(endpoint: str) -> tuple[int, bytes, str] | None:
    """The reply to a path that is no served E-utility (501 for a real one, else 404)."""
    if endpoint in UNSERVED:  # a real E-utility: say so, rather than a bare 404
        why = UNSERVED[endpoint]
        text = f"{endpoint} is not served by the local server: {why} (it serves {SERVED})\n"
        return 501, text.encode(), "text/plain"
    if endpoint not in SERVED_UTILITIES:
        return 404, b"Not Found\n", "text/plain"
    return None


class _Handler(BaseHTTPRequestHandler):
    """One request: the path checked, logged, then a rate-limit or injected fault, else the
    answer from the snapshot."""

    server_version = "reviewkit-eutils/1"
    eutils: EutilsServer  # set by handler_class
    _rate: tuple[int, int] | None = None  # (requests in the last second, limit), for headers

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._serve(urlsplit(self.path).query, "GET")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve(self.rfile.read(length).decode("utf-8", "replace"), "POST")

    def _serve(self, query: str, method: str) -> None:
        server = self.eutils
        endpoint = _endpoint(urlsplit(self.path).path)
        refusal = _path_refusal(endpoint)
        if refusal:
            self._reply(*refusal)
            return
        params = read_values({k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()})
        self._rate = server.rate_count(params, self.client_address[0])
        limited = self._rate is not None and self._rate[0] > self._rate[1]
        fault = None if limited else server.faults.next(endpoint)
        if fault and fault.kind == "ok":
            fault = None
        record = RequestLog(endpoint, params, 200, fault.kind if fault else "", method)
        with server._lock:
            server.log.append(record)
        status: tuple[int, bytes, str] | None = None
        if limited and self._rate:
            key = rate_key(params, self.client_address[0])
            status = 429, rate_limited(key, *self._rate), JSON
        elif fault:
            status = fault_status(fault.kind, self.client_address[0], params)
        if status:
            record.status = status[0]
            self._reply(*status)
            return
        if fault and fault.kind == "drop":
            self.close_connection = True
            return
        if fault and fault.kind == "slow":
            time.sleep(fault.seconds)
        self._answer(endpoint, params, record, fault.kind if fault else "")

    def _answer(
        self, endpoint: str, params: dict[str, str], record: RequestLog, fault: str
    ) -> None:
        """The snapshot's reply (or an E-utilities error reply); ``fault`` 'backend' fails it,
        'cut' sends half of it, 'short' leaves an efetch reply's last record (article or book)
        out."""
        # NCBI answers an efetch <ERROR> with HTTP 400, the others with 200 (efetch.py)
        failed = EFETCH_ERROR_STATUS if endpoint == "efetch" else 200
        as_json = endpoint in JSON_UTILITIES and params.get("retmode") == "json"
        if fault == "backend":  # in JSON to a JSON request, as NCBI's (a live esearch reply)
            record.status = failed
            body = error_reply(endpoint, BACKEND_FAILED, as_json=as_json)
            self._reply(failed, body, JSON if as_json else XML)
            return
        status = 200
        try:
            body = getattr(self.eutils, endpoint)(params)
        except ReplyError as exc:
            body, status = error_reply(endpoint, str(exc), as_json=as_json), failed
        record.status = status
        kind = JSON if as_json else XML
        if endpoint == "efetch" and status == 200 and params.get("retmode") == "text":
            kind = TEXT  # MEDLINE text or a PMID list
        elif endpoint == "efetch" and status == 200 and fault == "short":
            body = short_reply(body)
        self._reply(status, body, kind, cut=fault == "cut")

    def _reply(self, status: int, body: bytes, content_type: str, cut: bool = False) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if self._rate:  # NCBI's headers on every reply (replies.rate_limited)
                count, limit = self._rate
                self.send_header("X-RateLimit-Limit", str(limit))
                self.send_header("X-RateLimit-Remaining", str(max(0, limit - count)))
            # Not an NCBI header: names the snapshot so a run can log what it searched.
            self.send_header(SNAPSHOT_HEADER, "; ".join(self.eutils.snapshot.files))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if cut else body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. its timeout fired during a slow reply)
        if cut:
            self.close_connection = True
