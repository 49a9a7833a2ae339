"""The local E-utilities server's replies, in NCBI's shapes, and the esearch options it reads.

esearch in XML (the esearch DTD's order) or JSON (``retmode=json``: ``header`` and
``esearchresult``, every number a string, as NCBI sends it), ``rettype=count``, einfo,
``<ERROR>`` replies, esearch's ``sort`` (PubMed's values: pub_date, Author, JournalName,
relevance) and ``field`` (the whole term limited to one field). Sources: NCBI, "The
E-utilities In-Depth: Parameters, Syntax and More" (NBK25499), and Biopython's recorded replies.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reviewkit.pubmed.choice_values import typed
from reviewkit.pubmed.epost import epost_error
from reviewkit.query_nodes import BoolOp, Node, Term, fold
from reviewkit.query_tags import DATE_FIELDS, FIELD_ALIASES

ESEARCH_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch '
    '20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
EINFO_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eInfoResult PUBLIC "-//NLM//DTD einfo '
    '20190110//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20190110/einfo.dtd">\n'
)
EFETCH_ERROR_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch '
    '20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n'
)
ESUMMARY_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSummaryResult PUBLIC "-//NLM//DTD '
    'esummary v1 20041029//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20041029/esummary-v1.dtd">\n'
)
JSON_HEADER = {"type": "esearch", "version": "0.3"}
WARNING_ORDER = ("PhraseIgnored", "QuotedPhraseNotFound", "OutputMessage")  # the DTD's order
JSON_WARNINGS = {
    "PhraseIgnored": "phrasesignored",
    "QuotedPhraseNotFound": "quotedphrasesnotfound",
    "OutputMessage": "outputmessages",
}


class ReplyError(Exception):
    """A request NCBI would answer with an <ERROR> element."""


@dataclass
class ESearchReply:
    """What one esearch found, before it is written as XML or JSON."""

    count: int
    retstart: int
    ids: list[int]
    translation: str
    not_found: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    webenv: str = ""
    query_key: int = 0
    count_only: bool = False  # rettype=count: NCBI sends the count alone

    def sorted_warnings(self) -> list[tuple[str, str]]:
        return sorted(self.warnings, key=lambda w: WARNING_ORDER.index(w[0]))


def esearch_xml(r: ESearchReply) -> bytes:
    if r.count_only:
        return f"{ESEARCH_HEAD}<eSearchResult><Count>{r.count}</Count></eSearchResult>\n".encode()
    history = f"<QueryKey>{r.query_key}</QueryKey><WebEnv>{r.webenv}</WebEnv>" if r.webenv else ""
    parts = [
        ESEARCH_HEAD,
        f"<eSearchResult><Count>{r.count}</Count><RetMax>{len(r.ids)}</RetMax>"
        f"<RetStart>{r.retstart}</RetStart>{history}",
        "<IdList>\n" + "".join(f"<Id>{p}</Id>\n" for p in r.ids) + "</IdList>"
        if r.ids
        else "<IdList/>",
        f"<TranslationSet/><QueryTranslation>{escape(r.translation)}</QueryTranslation>",
    ]
    if r.not_found:
        parts.append(
            "<ErrorList>"
            + "".join(f"<PhraseNotFound>{escape(t)}</PhraseNotFound>" for t in r.not_found)
            + "</ErrorList>"
        )
    if r.warnings:
        parts.append(
            "<WarningList>"
            + "".join(f"<{k}>{escape(t)}</{k}>" for k, t in r.sorted_warnings())
            + "</WarningList>"
        )
    parts.append("</eSearchResult>\n")
    return "".join(parts).encode("utf-8")


def esearch_json(r: ESearchReply) -> bytes:
    """esearch with ``retmode=json``: NCBI writes every number as a string."""
    result: dict[str, object] = {"count": str(r.count)}
    if not r.count_only:
        result |= {"retmax": str(len(r.ids)), "retstart": str(r.retstart)}
        if r.webenv:
            result |= {"querykey": str(r.query_key), "webenv": r.webenv}
        result |= {
            "idlist": [str(p) for p in r.ids],
            "translationset": [],
            "querytranslation": r.translation,
        }
        if r.not_found:
            result["errorlist"] = {"phrasesnotfound": list(r.not_found), "fieldsnotfound": []}
        if r.warnings:
            lists: dict[str, list[str]] = {name: [] for name in JSON_WARNINGS.values()}
            for kind, text in r.sorted_warnings():
                lists[JSON_WARNINGS[kind]].append(text)
            result["warninglist"] = lists
    return compact_json({"header": JSON_HEADER, "esearchresult": result})


def compact_json(value: object) -> bytes:
    """JSON as NCBI writes it: no spaces after ',' and ':' (a real reply quoted byte for byte:
    ``{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"ERROR":…}}``)."""
    return json.dumps(value, separators=(",", ":")).encode()


def error_reply(endpoint: str, text: str, *, as_json: bool = False) -> bytes:
    """An <ERROR> reply, as NCBI sends it (HTTP 200) for each utility."""
    if as_json:
        header = {"type": endpoint, "version": "0.3"}
        if endpoint == "esummary":  # beside the header, as a live reply has it (esummary_json)
            return compact_json({"header": header, "error": text})
        return compact_json({"header": header, f"{endpoint}result": {"ERROR": text}})
    if endpoint == "esearch":
        return (
            f"{ESEARCH_HEAD}<eSearchResult><ERROR>{escape(text)}</ERROR></eSearchResult>\n".encode()
        )
    if endpoint == "esummary":  # Biopython's esummary8.xml
        return f"{ESUMMARY_HEAD}<eSummaryResult>\n\t<ERROR>{escape(text)}</ERROR>\n</eSummaryResult>\n".encode()
    if endpoint == "epost":
        return epost_error(text)
    if endpoint == "einfo":
        return f"{EINFO_HEAD}<eInfoResult><ERROR>{escape(text)}</ERROR></eInfoResult>\n".encode()
    return efetch_error(text)


def efetch_error(text: str) -> bytes:
    """NCBI's efetch error envelope around ``text`` (sources: :mod:`reviewkit.pubmed.efetch`)."""
    return f"{EFETCH_ERROR_HEAD}<eFetchResult>\n\t<ERROR>{escape(text)}</ERROR>\n</eFetchResult>\n".encode()


# --- einfo -------------------------------------------------------------------------------

# The fields the local server searches, as NCBI's einfo for pubmed names and describes them:
# Name, FullName, Description, IsDate, IsNumerical, SingleToken, Hierarchy, IsHidden, each
# as the recorded real reply has it (Biopython's einfo2.xml, 2025), so a client can ask what it
# may use. Then version 2.0's IsTruncatable and IsRangable (NBK25499, EInfo "version": a '*'
# may end a term of a truncatable field; a rangeable one takes 'A:B'), as the local server
# answers (tests/pubmed/test_einfo_v2.py asks it field by field): NCBI's own values are
# recorded for ALL only (Y, N: EDirect's einfo help, a JSON reply quoted in a public project),
# which agree.
EINFO_FIELDS = (
    ("ALL", "All Fields", "All terms from all searchable fields", "NNNNNYN"),
    ("UID", "UID", "Unique number assigned to publication", "NYYNYNN"),
    ("FILT", "Filter", "Limits the records", "NNYNNNN"),
    ("TITL", "Title", "Words in title of publication", "NNNNNYN"),
    ("MESH", "MeSH Terms", "Medical Subject Headings assigned to publication", "NNYYNYN"),
    ("MAJR", "MeSH Major Topic", "MeSH terms of major importance to publication", "NNYYNYN"),
    ("SUBS", "Supplementary Concept", "CAS chemical name or MEDLINE Substance Name", "NNYNNYN"),
    ("PDAT", "Date - Publication", "Date of publication", "YNYNNNY"),
    ("EDAT", "Date - Entry", "Date publication first accessible through Entrez", "YNYNNNY"),
    ("PTYP", "Publication Type", "Type of publication (e.g., review)", "NNYYNYN"),
    ("LANG", "Language", "Language of publication", "NNYNNNN"),
    ("SUBH", "MeSH Subheading", "Additional specificity for MeSH term", "NNYYNYN"),
    ("TIAB", "Title/Abstract", "Free text associated with Abstract/Title", "NNNNNYN"),
    ("FULL", "Author", "Full Author Name(s) of publication", "NNYNNNN"),
    ("CRDT", "Date - Create", "Date publication first accessible through Entrez", "YNYNNNY"),
    ("WORD", "Text Word", "Free text associated with publication", "NNNNNYN"),
    ("JOUR", "Journal", "Journal abbreviation of publication", "NNYNNYN"),
    ("FAUT", "Author - First", "First Author of publication", "NNYNNNN"),
    ("OTRM", "Other Term", "Other terms associated with publication", "NNNNNYN"),
    # pubfid3: served since, each as einfo2.xml has it
    ("AFFL", "Affiliation", "Author's institutional affiliation and address", "NNNNNYN"),
    ("ECNO", "EC/RN Number", "EC number for enzyme or CAS registry number", "NNYNNYN"),
    ("VOL", "Volume", "Volume number of publication", "NNYNNYN"),
    ("PAGE", "Pagination", "Page number(s) of publication", "NNYNNYN"),
    ("ISS", "Issue", "Issue number of publication", "NNYNNYN"),
    ("SI", "Secondary Source ID", "Cross-reference from publication to other databases", "NNYNNYN"),
    ("MHDA", "Date - MeSH", "Date publication was indexed with MeSH terms", "YNYNNNY"),
    ("CNTY", "Place of Publication", "Country of publication", "NNNNYYN"),
    ("GRNT", "Grants and Funding", "NIH Grant Numbers", "NNYNNYN"),
    ("MDAT", "Date - Modification", "Date of last modification", "YNYNNNY"),
    ("CDAT", "Date - Completion", "Date of completion", "YNYNNNY"),
    ("LAUT", "Author - Last", "Last Author of publication", "NNYNNNN"),
    ("LID", "Location ID", "ELocation ID", "NNYNNYN"),
    ("COIS", "Conflict of Interest Statements", "Conflict of Interest Statements", "NNNNNYN"),
    # pubfid4
    ("COLN", "Author - Corporate", "Corporate Author of publication", "NNNNNYN"),
    ("FINV", "Investigator", "Full name of investigator", "NNYNNNN"),
    ("TT", "Transliterated Title", "Words in transliterated title of publication", "NNNNNYN"),
    ("PS", "Subject - Personal Name", "Personal Name as Subject", "NNYNNNN"),
    # pubfid8
    ("PPDT", "Print Publication Date", "Date of print publication", "YNYNYNY"),
    ("EPDT", "Electronic Publication Date", "Date of Electronic publication", "YNYNYNY"),
)
EINFO_FLAGS = ("IsDate", "IsNumerical", "SingleToken", "Hierarchy", "IsHidden")
# In the order NCBI's replies have them (the two sources above), not the einfo DTD's, which
# lists IsRangable first.
EINFO_V2_FLAGS = ("IsTruncatable", "IsRangable")
# einfo's field names for esearch's ``field`` parameter (NCBI accepts them as tags too).
EINFO_TAGS = {
    "titl": "ti",
    "mesh": "mh",
    "majr": "majr",
    "subs": "nm",
    "ptyp": "pt",
    "lang": "la",
    "subh": "sh",
    "tiab": "tiab",
    "full": "au",
    "word": "tw",
    "filt": "sb",
    "uid": "pmid",
    "all": "all",
    "jour": "ta",
    "faut": "1au",
    "otrm": "ot",
    "affl": "ad",
    "ecno": "rn",
    "vol": "vi",
    "page": "pg",
    "iss": "ip",
    "si": "si",
    "cnty": "pl",
    "grnt": "gr",
    "laut": "lastau",
    "lid": "lid",
    "cois": "cois",
    "coln": "cn",
    "finv": "ir",
    "tt": "tt",
    "ps": "ps",
} | {date.einfo: short for short, date in DATE_FIELDS.items()}  # the dates: query_tags' list


# einfo2.xml writes an apostrophe in a field's description as an entity ("Author&apos;s …")
_APOS = {"'": "&apos;"}


def check_einfo(db: str, version: str) -> None:
    """einfo's ``db`` ('' for the database list, else pubmed) and ``version`` ('' or 2.0)."""
    if version not in ("", "2.0"):
        raise ReplyError(f"version {version!r}: einfo's one version is 2.0 (NBK25499)")
    if db not in ("", "pubmed"):
        raise ReplyError(f"Invalid db name specified: {typed(db)}")


def db_build(built: datetime.datetime) -> str:
    """einfo's DbBuild (and esummary 2.0's) for a snapshot index built then."""
    return f"{built:Build-%Y.%m.%d.%H.%M}"


def db_info(count: int, built: datetime.datetime) -> dict[str, str]:
    """pubmed's DbInfo before its FieldList, by element name (this snapshot's count and build)."""
    return {
        "DbName": "pubmed",
        "MenuName": "PubMed",
        "Description": "PubMed bibliographic record",
        "DbBuild": db_build(built),
        "Count": str(count),
        "LastUpdate": f"{built:%Y/%m/%d %H:%M}",
    }


def field_list(version: str) -> list[dict[str, str]]:
    """Each field served, its elements by name in einfo's order (TermCount empty: the local
    server counts no terms); version 2.0 adds IsTruncatable and IsRangable."""
    names = EINFO_FLAGS + (EINFO_V2_FLAGS if version else ())
    return [
        {"Name": n, "FullName": f, "Description": d, "TermCount": ""}
        | dict(zip(names, flags[: len(names)], strict=True))
        for n, f, d, flags in EINFO_FIELDS
    ]


def einfo_xml(db: str, count: int, built: datetime.datetime, version: str = "") -> bytes:
    """einfo: the database list without ``db``, else pubmed's DbInfo (this snapshot's count);
    ``version`` "2.0" adds each field's IsTruncatable and IsRangable (NBK25499). Laid out as
    NCBI's recorded replies are, line for line (Biopython's einfo1.xml, the list: a blank line
    after ``<DbList>`` and before ``</eInfoResult>``; einfo2.xml, pubmed's DbInfo: one element
    a line, indented by tabs). The LinkList is empty (the snapshot holds no links; elink is not
    served): its two lines indented as einfo2's are, our reading."""
    check_einfo(db, version)
    if not db:
        listed = "<DbList>\n\n\t<DbName>pubmed</DbName>\n</DbList>\n"
        return f"{EINFO_HEAD}<eInfoResult>\n{listed}\n</eInfoResult>\n".encode()
    fields = "".join(
        "\t\t\t<Field>\n"
        + "".join(
            f"\t\t\t\t<{name}/>\n"
            if not value
            else f"\t\t\t\t<{name}>{escape(value, _APOS)}</{name}>\n"
            for name, value in field.items()
        )
        + "\t\t\t</Field>\n"
        for field in field_list(version)
    )
    info = "".join(
        f"\t\t<{name}>{value}</{name}>\n" for name, value in db_info(count, built).items()
    )
    body = (
        f"<eInfoResult>\n\t<DbInfo>\n{info}"
        f"\t\t<FieldList>\n{fields}\t\t</FieldList>\n\t\t\t<LinkList>\n\t\t</LinkList>\n"
        "\t</DbInfo>\n\n</eInfoResult>\n"
    )
    return (EINFO_HEAD + body).encode()


# --- esearch options ---------------------------------------------------------------------

# sort= values (NBK25499, ESearch "sort": "pub_date – descending sort by publication date;
# Author – ascending sort by first author; JournalName – ascending sort by journal name;
# relevance – default sort order ("Best Match") on web PubMed"), matched without case, with
# the web menu's names as aliases. '' keeps the server's default order (newest PMID first).
SORTS = {
    "pub_date": "pub_date",
    "pub date": "pub_date",
    "author": "author",
    "first author": "author",
    "first_author": "author",
    "journalname": "journal",
    "journal": "journal",
    "relevance": "relevance",
    "most recent": "",
    "most_recent": "",
}
RELEVANCE_NOT_IMITATED = (
    "sort=relevance (Best Match) is not imitated by the local server: ids come in its "
    "default order (newest PMID first)"
)


def sort_kind(value: str) -> str:
    """The sort asked for ('' = default; ``value`` as params.read_values read it, trimmed and
    in lower case); a value the server does not know is refused."""
    key = value.replace("+", " ")
    if not key:
        return ""
    if key not in SORTS:
        known = "pub_date, Author, JournalName, relevance"
        raise ReplyError(f"sort {value!r} is not supported by the local server (use {known})")
    return SORTS[key]


def limit_to_field(node: Node, name: str) -> Node:
    """esearch's ``field``: every term without a tag gets this one (``term=asthma&field=title``
    is ``asthma[title]``, NBK25499); tagged terms keep their own tag. The tree is rebuilt with
    :func:`~reviewkit.query_nodes.fold` (no recursion: a chain of thousands of terms is that deep)."""
    tag = EINFO_TAGS.get(name) or FIELD_ALIASES.get(name)  # read trimmed, in lower case
    if not tag:
        raise ReplyError(f"field {name!r} is not a PubMed search field")

    def leaf(n: Node) -> Node:
        return dataclasses.replace(n, field=tag) if isinstance(n, Term) and not n.field else n

    def combine(op: BoolOp, left: Node, right: Node) -> Node:
        return dataclasses.replace(op, left=left, right=right)

    return fold(node, leaf, combine)


# --- HTTP error replies ------------------------------------------------------------------

JSON = "application/json"
XML = "text/xml; charset=UTF-8"


def rate_key(params: dict[str, str], client: str) -> str:
    """Whose requests the rate limit counts: the request's API key, else the client's address
    (as :func:`rate_limited` names it)."""
    return params.get("api_key") or client


def rate_limited(key: str, count: int, limit: int) -> bytes:
    """NCBI's reply to a client over its request rate (HTTP 429), as E-utilities writes it:
    compact JSON, ``{"error":"API rate limit exceeded","api-key":"157.131.198.215","count":"5",
    "limit":"3"}`` (biocommons/bioutils #16, primerTree #33, rentrez #132: live replies, the
    address in ``api-key`` for a request without a key). ``key``: the request's API key, else
    its address (that NCBI names the key there is read from the field's name; no recorded reply
    has one). NCBI sends no ``Retry-After`` (advaitpaliwal/feynman #237, 2026), but
    ``X-RateLimit-Limit`` and ``X-RateLimit-Remaining`` on its replies (a 2021 reply's headers in
    mtisza1/Cenote-Taker2 #18; pytaxize #69 reads Remaining): the server sends both."""
    reply = {"error": "API rate limit exceeded", "api-key": key}
    return compact_json(reply | {"count": str(count), "limit": str(limit)})


def bad_key(key: str) -> bytes:
    """NCBI's reply to an API key it does not know (HTTP 400), in the JSON shape users of
    E-utilities report; NBK25497 documents the key but not this reply, so the shape is ours."""
    return compact_json(
        {"error": "API key invalid", "api-key": key, "type": "invalid", "status": "unknown"}
    )


def fault_status(kind: str, client: str, params: dict[str, str]) -> tuple[int, bytes, str] | None:
    """(status, body, content type) of a fault answered with an HTTP error; None for the
    faults that are not one (slow, cut, drop, backend)."""
    if kind == "429":
        return 429, rate_limited(client, 4, 3), JSON
    if kind in ("500", "502", "503"):
        return int(kind), b"<html><body>Server Error</body></html>\n", "text/html"
    if kind == "badkey":
        return 400, bad_key(params.get("api_key", "")), JSON
    return None
