"""The HTTP side of the E-utilities client: a base URL checked before any request, the words
of an error reply, NCBI's ``<ERROR>`` text and envelope, and the Retry-After header read as
seconds."""

from __future__ import annotations

import html
import http.client
import json
import re
from urllib.error import HTTPError
from urllib.parse import urlsplit

from reviewkit.errors import UserError


def check_base_url(url: str, given: str) -> None:
    """Refuse a base URL no request could reach before any request (and any retry) is made:
    not http(s), no host, a broken IPv6 address, a port outside 1-65535, or blanks inside."""
    why = ""
    try:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            why = "not an http(s) URL"
        elif not parts.hostname:
            why = "no host in the URL"
        elif parts.port == 0:  # .port raises ValueError past 65535
            why = "port 0 in the URL"
    except ValueError as exc:  # 'Invalid IPv6 URL', 'Port out of range 0-65535'
        why = f"not a usable URL ({exc})"
    if not why and any(c.isspace() or ord(c) < 32 for c in url):
        why = "a space or control character in the URL"
    if why:
        raise UserError(f"{why}: {given!r}", hint="e.g. http://127.0.0.1:8765/entrez/eutils/")


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


def retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (its seconds form; at most 120), else 0."""
    try:
        return min(float(value), 120.0) if value else 0.0
    except ValueError:
        return 0.0
