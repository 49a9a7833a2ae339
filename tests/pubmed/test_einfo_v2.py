"""einfo ``version=2.0`` (NBK25499, EInfo: each field's IsTruncatable and IsRangable) on the
local server, through HTTP: each flag says what its esearch does with that field."""

from __future__ import annotations

import io

from Bio import Entrez
from pubmed.eutils_get import get

from reviewkit.pubmed.replies import EINFO_TAGS
from reviewkit.pubmed.server import EutilsServer


def _fields(server: EutilsServer, **params: str) -> dict[str, dict]:
    info = Entrez.read(io.BytesIO(get(server, "einfo", db="pubmed", **params)))
    return {field["Name"]: field for field in info["DbInfo"][0]["FieldList"]}


def _refused(server: EutilsServer, term: str) -> bool:
    return b"<ERROR>" in get(server, "esearch", db="pubmed", term=term)


def test_version_2_flags_say_what_esearch_does_with_each_field(server: EutilsServer) -> None:
    fields = _fields(server, version="2.0")
    assert fields["ALL"]["IsTruncatable"] == "Y" and fields["ALL"]["IsRangable"] == "N"  # NCBI's
    for name, field in fields.items():
        tag = EINFO_TAGS[name.lower()]
        truncated = _refused(server, f"abcd*[{tag}]")
        ranged = _refused(server, f"2000:2001[{tag}]")
        assert (field["IsTruncatable"], field["IsRangable"]) == (
            "N" if truncated else "Y",
            "N" if ranged else "Y",
        ), name


def test_version_1_is_unchanged_and_other_versions_are_refused(server: EutilsServer) -> None:
    assert "IsTruncatable" not in _fields(server)["ALL"]
    assert b"<ERROR>version '3.0': einfo's one version is 2.0" in get(
        server, "einfo", db="pubmed", version="3.0"
    )


def test_a_truncated_pmid_is_refused_not_read_as_the_whole_pmid(server: EutilsServer) -> None:
    pmid = Entrez.read(io.BytesIO(get(server, "esearch", db="pubmed", term="english[la]")))
    stem = str(pmid["IdList"][0])[:-1]
    assert b"truncation is not supported on [pmid]" in get(
        server, "esearch", db="pubmed", term=f"{stem}*[pmid]"
    )
