"""--email (and NCBI_EMAIL) takes every working address and refuses what is none. NCBI asks
only for an address it can write to; the first check refused a quoted local part ('"j doe"@…',
legal since RFC 821, and one holding '@') and took a pasted '<me@x.org>' or 'me@x.'."""

from __future__ import annotations

import click
import pytest

from reviewkit.cli._eutils import EmailAddress

ADDRESS = EmailAddress("email address")


@pytest.mark.parametrize(
    "address",
    [
        "me+pubmed@example.org",  # a plus sign (sub-addressing)
        "a.b@mail.sub.example.co.uk",  # subdomains
        "josé@bücher.de",  # letters beyond ASCII (RFC 6531)
        "用户@例子.广告",
        '"john doe"@example.org',  # a quoted local part may hold a blank
        '"a@b"@example.org',  # and an '@'
        "me@example.org.",  # a whole domain name, ending in its root's '.'
    ],
)
def test_an_address_is_taken(address: str) -> None:
    assert ADDRESS.convert(address, None, None) == address


@pytest.mark.parametrize(
    "text",
    [
        "me",
        "@example.org",
        "me@localhost",  # reaches no one outside this machine
        "me@.org",
        "me@example.",
        "<me@example.org>",  # pasted from a mail program's header
        "Me <me@example.org>",
        "a@example.org, b@example.org",
        "a@b@example.org",
        " ",
    ],
)
def test_what_is_no_address_is_refused(text: str) -> None:
    with pytest.raises(click.BadParameter, match="you@example.org|empty"):
        ADDRESS.convert(text, None, None)
