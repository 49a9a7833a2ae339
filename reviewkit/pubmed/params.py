"""The request parameters the local E-utilities server reads, and its checks of them.

A parameter the server does not know is refused rather than ignored (NCBI ignores it), so that
a parameter it does not imitate never changes a result unnoticed.
"""

from __future__ import annotations

from reviewkit.pubmed.choice_values import Choice, typed
from reviewkit.pubmed.replies import ReplyError
from reviewkit.pubmed.uids import is_number

KNOWN_PARAMS = {
    "db",
    "term",
    "retstart",
    "retmax",
    "usehistory",
    "WebEnv",
    "query_key",
    "retmode",
    "rettype",
    "tool",
    "email",
    "api_key",
    "id",
    "sort",
    "idtype",
    "datetype",
    "mindate",
    "maxdate",
    "reldate",
    "field",
}
# The parameters whose value names one of the utility's choices, read without case
# (``retmode=JSON`` = ``retmode=json``). NBK25499 writes every such value in lower case (sort's
# in its own spelling, einfo's field names in capitals) and says nothing of case; NCBI's older
# EFetch help says only that "Utility parameters may be case sensitive. Use lower case
# characters in all parameters except for WebEnv". The local server read sort, field and
# usehistory without case and refused retmode=JSON: one rule now, our decision (the audit says
# so). The other values are data and stay as written: term (its translation echoes it), id,
# query_key, the dates, tool, email, api_key, and WebEnv, NCBI's token as it gave it.
CHOICES = frozenset(
    {"db", "retmode", "rettype", "usehistory", "sort", "datetype", "idtype", "field", "version"}
)


def read_values(params: dict[str, str]) -> dict[str, str]:
    """The request's parameters with each choice's value a :class:`Choice` (:data:`CHOICES`)."""
    return {k: Choice(v) if k in CHOICES else v for k, v in params.items()}


def check_common(
    params: dict[str, str],
    formats: tuple[str, ...] = ("xml",),
    extra: frozenset[str] = frozenset(),
) -> None:
    """db=pubmed, a retmode the utility writes, no parameter the server does not read."""
    if params.get("db", "") != "pubmed":
        raise ReplyError(f"Invalid db name specified: {typed(params.get('db', '')) or '(none)'}")
    check_format_and_params(params, formats, extra)


def check_format_and_params(
    params: dict[str, str],
    formats: tuple[str, ...] = ("xml",),
    extra: frozenset[str] = frozenset(),
) -> None:
    """A retmode the server writes, and no parameter it does not read (``extra``: this
    utility's own)."""
    if (params.get("retmode", "") or "xml") not in formats:
        raise ReplyError(
            f"retmode {params['retmode']!r} is not supported by the local server; use "
            + " or ".join(formats)
        )
    unknown = sorted(set(params) - KNOWN_PARAMS - extra)
    if unknown:
        raise ReplyError(f"parameter(s) {', '.join(unknown)} not supported by the local server")


def integer(params: dict[str, str], name: str, default: int) -> int:
    """A non-negative integer parameter (retstart, retmax), ``default`` when absent."""
    value = params.get(name, "")
    if value == "":
        return default
    if not is_number(value):
        raise ReplyError(f"{name} must be a non-negative integer, got {value!r}")
    return int(value)
