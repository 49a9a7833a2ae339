"""The E-utilities options of ``search run`` and ``search test`` (--base-url, --email) and the
client they make."""

from __future__ import annotations

import re

import click

from reviewkit import settings
from reviewkit.cli._common import Given

# what stands in neither half of an address outside quotes (RFC 5322's specials and blanks): a
# pasted 'Name <me@x.org>' or a list 'a@x.org, b@y.org'; a domain has no quotes at all
_NOT_IN_ADDRESS = re.compile(r'[\s<>()\[\],;:\\"@]')


class EmailAddress(Given):
    """An email address, as NCBI asks every E-utilities user to send with each request: a
    local part, '@', and a domain of two or more dot-separated labels. Anything else was sent
    as given ('--email me', a name, a pasted 'Name <me@x.org>'), and NCBI, which contacts
    users at that address when their requests cause trouble, could not. Only the form is
    checked, as RFC 5321 writes it: plus signs, subdomains, letters beyond ASCII (RFC 6531) and
    a quoted local part ('"j doe"@x.org', which may hold '@') are addresses; a dotless domain
    (me@localhost) reaches no one outside the machine. The variables the option reads pass
    here too."""

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        text = str(super().convert(value, param, ctx))
        local, at, domain = text.rpartition("@")  # a domain never holds '@'; a quoted local may
        quoted = len(local) > 2 and local[0] == local[-1] == '"'
        labels = domain.removesuffix(".").split(".")  # 'x.org.' is a whole name, ending in '.'
        if (
            not at
            or not (quoted or (local and not _NOT_IN_ADDRESS.search(local)))
            or len(labels) < 2
            or not all(labels)
            or _NOT_IN_ADDRESS.search(domain)
        ):
            self.fail(
                f"{text!r} is not an email address; give yours, e.g. you@example.org", param, ctx
            )
        return text


base_url_option = click.option(
    "--base-url",
    default=None,
    type=Given("URL"),
    envvar=settings.EUTILS_URL.name,
    show_envvar=True,
    metavar="URL",
    help="E-utilities base URL (default: NCBI), e.g. a local 'reviewkit pubmed serve'.",
)
email_option = click.option(
    "--email",
    envvar=[settings.NCBI_EMAIL.name, settings.REVIEWKIT_EMAIL.name],
    show_envvar=True,
    type=EmailAddress("email address"),
    help="Your email, sent to NCBI with every request.",
)


def eutils_client(base_url: str | None, email: str | None, **options: object):
    """The E-utilities client of search run and test: NCBI unless --base-url names another."""
    from reviewkit.pubmed.client import NCBI_BASE, PubMedClient

    return PubMedClient(base_url or NCBI_BASE, email=email, **options)  # type: ignore[arg-type]
