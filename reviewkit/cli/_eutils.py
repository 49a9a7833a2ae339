"""The E-utilities options of ``search run`` and ``search test`` (--base-url, --email) and the
client they make."""

from __future__ import annotations

import click

from reviewkit import settings
from reviewkit.cli._common import Given


class EmailAddress(Given):
    """An email address, as NCBI asks every E-utilities user to send with each request: one
    '@' with text on both sides and no space. Anything else was sent as given ('--email me',
    a name, a pasted 'Name <me@x.org>'), and NCBI, which contacts users at that address when
    their requests cause trouble, could not. The variables the option reads pass here too."""

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        text = str(super().convert(value, param, ctx))
        local, at, domain = text.partition("@")
        if not at or not local or "." not in domain or "@" in domain or text.split() != [text]:
            self.fail(
                f"{text!r} is not an email address; give yours, e.g. you@example.org", param, ctx
            )
        return text


BASE_URL_ENV = settings.EUTILS_URL.name

base_url_option = click.option(
    "--base-url",
    default=None,
    type=Given("URL"),
    envvar=BASE_URL_ENV,
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
