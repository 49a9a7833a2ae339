"""What answers in place of E-utilities when --base-url is wrong or the network sends the
request elsewhere: a sign-in or 'not found' web page served with 200, an empty body, a 404 for
a base URL that is not the E-utilities folder, a 429 whose Retry-After is an HTTP-date. The
client says what came back and to check the address (it said 'unreadable esearch reply
(NotXMLError)' and 'PubMed may be busy or down', or 'efetch reply cut short')."""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pubmed.conftest import fast_client

from reviewkit.pubmed import transport
from reviewkit.pubmed.client import EntrezError, PubMedClient
from reviewkit.pubmed.server import EutilsServer

SIGN_IN = b"<!DOCTYPE html>\n<html><head><title>Sign in to the guest network</title></head></html>"


class Scripted:
    """A web server on 127.0.0.1 that answers every request with one (status, headers, body)."""

    def __init__(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        reply = (status, headers or {}, body)
        self.hits = 0

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(handler) -> None:  # noqa: N805 (the server's handler, not self)
                self.hits += 1
                handler.send_response(reply[0])
                for key, value in reply[1].items():
                    handler.send_header(key, value)
                handler.send_header("Content-Length", str(len(reply[2])))
                handler.end_headers()
                handler.wfile.write(reply[2])

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/entrez/eutils/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def client(self, **options: object) -> PubMedClient:
        defaults: dict[str, object] = {"rate": 500, "backoff": 0.001, "max_backoff": 0.01}
        return PubMedClient(self.url, email="x@example.org", **{**defaults, **options})  # type: ignore[arg-type]


@pytest.fixture
def scripted() -> Iterator[list[Scripted]]:
    made: list[Scripted] = []
    yield made
    for server in made:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (SIGN_IN, "an HTML page ('Sign in to the guest network')"),
        (b"", "empty"),
        (b"Service temporarily unavailable\n", "text ('Service temporarily unavailable')"),
    ],
    ids=["sign-in-page", "empty", "plain-text"],
)
def test_a_reply_that_is_no_eutilities_document_says_what_it_is(
    body: bytes, said: str, scripted: list[Scripted]
) -> None:
    server = Scripted(200, body)
    scripted.append(server)
    with pytest.raises(EntrezError) as info:
        server.client(max_attempts=2).count("work[tiab]")
    assert f"(last: the esearch reply is {said}, not E-utilities XML)" in info.value.message
    assert info.value.hint.startswith("check --base-url"), info.value.hint
    assert server.hits == 2  # retried: PubMed itself sends an empty body now and then
    with pytest.raises(EntrezError) as info:  # efetch said 'reply cut short after N bytes'
        server.client(max_attempts=1).efetch_ids(["1"])
    assert f"the efetch reply is {said}" in info.value.message


def test_a_base_url_that_is_not_the_eutilities_folder_says_so(server: EutilsServer) -> None:
    """The local server's address without /entrez/eutils/: a 404 with no hint."""
    root = server.base_url.split("/entrez/")[0] + "/"
    with pytest.raises(EntrezError, match="HTTP 404") as info:
        PubMedClient(root, email="x@example.org", rate=500).count("work[tiab]")
    assert info.value.hint.startswith("no esearch.fcgi at this address: check --base-url")
    assert fast_client(server).count("work[tiab]").count >= 0  # its folder answers


def test_retry_after_as_an_http_date_is_waited_for(scripted: list[Scripted]) -> None:
    """RFC 9110 allows a date; it was read as no header, and the retry came at once."""
    later = email.utils.formatdate(time.time() + 40, usegmt=True)
    server = Scripted(429, b'{"error":"API rate limit exceeded"}', {"Retry-After": later})
    scripted.append(server)
    waits: list[float] = []
    with pytest.raises(EntrezError, match="HTTP 429"):
        server.client(max_attempts=2, sleep=waits.append).count("work[tiab]")
    assert any(30 < wait <= 40 for wait in waits), waits  # the rate limiter sleeps too


@pytest.mark.parametrize("value", ["nan", "-5", "soon", "1e9999", ""])
def test_a_retry_after_that_is_no_number_or_date_asks_for_no_wait(value: str) -> None:
    """'nan' was read as NaN, and time.sleep(NaN) ended the search in a ValueError traceback."""
    assert transport.retry_after(value) == 0.0
    assert transport.retry_after("7") == 7.0
    assert transport.retry_after("86400") == transport.RETRY_AFTER_MAX
