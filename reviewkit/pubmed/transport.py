"""The HTTP side of the E-utilities client: a base URL checked before any request, the rate of
requests, the words of an error reply, what a reply that is no E-utilities document is, NCBI's
``<ERROR>`` text and envelope, whether an efetch reply ends whole, and the Retry-After header
read as RFC 9110 gives it (seconds or an HTTP-date)."""

from __future__ import annotations

import email.utils
import html
import http.client
import json
import re
import threading
import time
from collections.abc import Callable
from urllib.error import HTTPError
from urllib.parse import urlsplit

from reviewkit.errors import UserError
from reviewkit.formats.pubmed_head import ROOTS

NCBI_BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"


def check_base_url(url: str, given: str) -> None:
    """Refuse a base URL no request could reach before any request (and any retry) is made:
    not http(s), no host, a broken IPv6 address, a port outside 1-65535, or blanks inside."""
    why, hint = "", "e.g. http://127.0.0.1:8765/entrez/eutils/"
    try:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            why = "not an http(s) URL"
        elif not parts.hostname:
            why = "no host in the URL"
        elif parts.port == 0:  # .port raises ValueError past 65535
            why = "port 0 in the URL"
        elif parts.path.rstrip("/").endswith(".fcgi"):  # esearch.fcgi pasted from a request
            why = "the address of one utility, not of the E-utilities folder"
            folder = parts.path.rstrip("/").rpartition("/")[0]
            hint = f"give the folder: {parts.scheme}://{parts.netloc}{folder}/"
    except ValueError as exc:  # 'Invalid IPv6 URL', 'Port out of range 0-65535'
        why = f"not a usable URL ({exc})"
    if not why and any(c.isspace() or ord(c) < 32 for c in url):
        why = "a space or control character in the URL"
    if why:
        raise UserError(f"{why}: {given!r}", hint=hint)


NOT_EUTILS_HINT = (
    "check --base-url (or REVIEWKIT_EUTILS_URL): it is the E-utilities folder, NCBI's"
    f" {NCBI_BASE} or the address 'reviewkit pubmed serve' prints; on a network with a"
    " sign-in page or a proxy, sign in first"
)


def refusal_hint(utility: str, exc: HTTPError) -> str:
    """What to do about an HTTP refusal that says the address is wrong, else ''."""
    if exc.code == 404:  # E-utilities has every utility: the base URL is not its folder
        return f"no {utility}.fcgi at this address: {NOT_EUTILS_HINT}"
    if 300 <= exc.code < 400:  # sent on elsewhere (a sign-in page), past what urllib follows
        to = exc.headers.get("Location", "") if exc.headers else ""
        return f"the server sends the request on{f' to {to}' if to else ''}: {NOT_EUTILS_HINT}"
    return ""


# What answers an E-utilities request in place of the server when --base-url is wrong or the
# network sends the user elsewhere: a web page (a proxy's or a wifi's sign-in page, a site's
# 'not found' page served with 200) or an empty body. E-utilities' own replies are XML (or
# JSON when asked), so a body that starts as neither is no reply of theirs.
_HTML_START = re.compile(rb"(?is)(<\?xml[^>]*\?>\s*)?(<!doctype\s+html|<html)")
_TITLE = re.compile(rb"(?is)<title[^>]*>(.*?)</title>")


def not_eutils(body: bytes) -> str | None:
    """What a reply is when it is no E-utilities document at all: 'empty', "an HTML page
    ('its title')" or "text ('its words')"; None when it may be one (a cut or broken XML reply
    is described by the parser that reads it)."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return "empty"
    if _HTML_START.match(head):
        m = _TITLE.search(head)
        title = " ".join(html.unescape(m.group(1).decode("utf-8", "replace")).split()) if m else ""
        return f"an HTML page ({title[:80]!r})" if title else "an HTML page"
    if head[:1] not in (b"<", b"{"):
        return f"text ({reply_text(body)[:80]!r})"
    return None


class RateLimiter:
    """At most ``rate`` request starts per second (thread-safe), with a safety margin: a server
    that counts arrivals in a sliding second sees starts that are exactly 1/rate apart arrive
    a few tens of milliseconds closer now and then, and answers 429 (measured: 2 in 58
    requests at 2 %, none at 5 %)."""

    def __init__(
        self,
        rate: float,
        *,
        margin: float = 1.05,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = margin / rate
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)


REPLY_WORDS = 300  # characters of an error reply's words shown: a message, not a page


def reply_text(reply: bytes) -> str:
    """The words of an error reply's body: its JSON ``error`` if it is JSON, else its text
    without markup, on one line and cut to :data:`REPLY_WORDS` characters."""
    body = reply[:4096].decode("utf-8", "replace")
    try:
        said = json.loads(body).get("error", "")
    except (ValueError, AttributeError):
        said = html.unescape(re.sub(r"<[^>]*>", " ", body))
    said = " ".join(str(said).split())
    return said if len(said) <= REPLY_WORDS else said[: REPLY_WORDS - 1] + "…"


_ERROR_RE = re.compile(rb"<ERROR>(.*?)</ERROR>", re.S)


def error_text(body: bytes) -> str | None:
    """The whole text of an ``<ERROR>`` element (entities resolved), None when there is none."""
    m = _ERROR_RE.search(body)
    if m is None:
        return None
    return html.unescape(m.group(1).decode("utf-8", "replace")).strip()


def error_body(exc: HTTPError) -> bytes:
    """The start of an HTTP error reply's body (b'' when it cannot be read)."""
    try:
        return exc.read(1 << 16)
    except (OSError, http.client.HTTPException):
        return b""


def envelope_text(body: bytes) -> str | None:
    """The text of an E-utility's ``<ERROR>`` envelope (``<eFetchResult><ERROR>…``), which
    efetch sends with HTTP 400 (:mod:`reviewkit.pubmed.efetch`); None for any other body."""
    return error_text(body) if re.search(rb"<e\w+Result>", body[:4000]) else None


# the closing tag of an efetch reply's root: its articles' set, or its <ERROR> envelope
_ROOT_END = re.compile(rb"</(" + "|".join(ROOTS).encode() + rb")>")


def ends_whole(body: bytes) -> bool:
    """Whether an efetch reply's last 200 bytes hold its root's closing tag (a cheap check that
    a reply was not cut short, without parsing it)."""
    return _ROOT_END.search(body[-200:]) is not None


RETRY_AFTER_MAX = 120.0  # seconds: a longer wait is the user's to choose (run again later)


def retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for, at most :data:`RETRY_AFTER_MAX`; 0 without one.

    RFC 9110 (10.2.3) gives two forms: a whole number of seconds, or an HTTP-date to wait
    until (a proxy or CDN in front of a server sends those). Anything else ('nan', '-5', '1.5')
    is no valid header and asks for nothing."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit():
        return min(float(value), RETRY_AFTER_MAX)
    try:
        until = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0
    wait = until - time.time()
    return min(max(wait, 0.0), RETRY_AFTER_MAX)
