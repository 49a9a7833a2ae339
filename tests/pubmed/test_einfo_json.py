"""einfo with ``retmode=json`` over real HTTP (NBK25499, EInfo ``retmode``: xml by default, json
also served). The local server refused it. The JSON's shape, from live replies quoted in public
projects: ``{"header":{"type":"einfo","version":"0.3"},"einforesult":{"dbinfo":[{…}]}}``, dbinfo a
one-element list (2025 and 2026 replies; a 2018 one had the object alone), each key the XML
element's name in lower case (dbname, menuname, description, dbbuild, count, lastupdate,
fieldlist, linklist), every value a string; the database list ``{"einforesult":{"dblist":[…]}}``.
The JSON must hold what the XML holds, field by field and link by link."""

from __future__ import annotations

import json

from lxml import etree as ET
from pubmed.eutils_get import get, reply

from reviewkit.pubmed.server import EutilsServer


def _json(server: EutilsServer, **params: str) -> dict:
    status, body = reply(server, "einfo", retmode="json", **params)
    assert status == 200
    return json.loads(body)


def _xml_dbinfo(server: EutilsServer, **params: str) -> ET._Element:
    return ET.fromstring(get(server, "einfo", db="pubmed", **params)).find("DbInfo")


def test_pubmed_s_dbinfo_in_json_holds_what_the_xml_holds(server: EutilsServer) -> None:
    body = _json(server, db="pubmed")
    assert body["header"] == {"type": "einfo", "version": "0.3"}
    (info,) = body["einforesult"]["dbinfo"]
    xml = _xml_dbinfo(server)
    assert list(info) == [
        "dbname", "menuname", "description", "dbbuild", "count", "lastupdate", "fieldlist",
        "linklist",
    ]  # fmt: skip
    for key in ("DbName", "MenuName", "Description", "DbBuild", "Count", "LastUpdate"):
        assert info[key.lower()] == xml.findtext(key), key
    fields = [{e.tag.lower(): e.text or "" for e in f} for f in xml.iterfind("FieldList/Field")]
    assert info["fieldlist"] == fields and len(fields) > 30
    assert info["linklist"] == [
        {e.tag.lower(): e.text or "" for e in link} for link in xml.iterfind("LinkList/Link")
    ]
    assert json.dumps(body, separators=(",", ":")).encode() == get(
        server, "einfo", db="pubmed", retmode="json"
    )  # NCBI's compact form, as the esearch JSON


def test_version_2_adds_its_two_flags_to_each_json_field(server: EutilsServer) -> None:
    (info,) = _json(server, db="pubmed", version="2.0")["einforesult"]["dbinfo"]
    xml = _xml_dbinfo(server, version="2.0")
    by_name = {f["name"]: f for f in info["fieldlist"]}
    for field in xml.iterfind("FieldList/Field"):
        got = by_name[field.findtext("Name")]
        assert (got["istruncatable"], got["israngable"]) == (
            field.findtext("IsTruncatable"),
            field.findtext("IsRangable"),
        )


def test_the_database_list_and_errors_in_json(server: EutilsServer) -> None:
    assert _json(server) == {
        "header": {"type": "einfo", "version": "0.3"},
        "einforesult": {"dblist": ["pubmed"]},
    }
    bad = _json(server, db="nothing")
    assert bad["einforesult"] == {"ERROR": "Invalid db name specified: nothing"}
    refused = _json(server, db="pubmed", version="3.0")["einforesult"]["ERROR"]
    assert refused.startswith("version '3.0'")
