"""einfo with ``retmode=json`` (NBK25499, EInfo ``retmode``: "xml" by default, "json" also
served): what :func:`reviewkit.pubmed.replies.einfo_xml` writes, as NCBI writes it in JSON.

Sources: live replies quoted in public projects, ``{"header":{"type":"einfo","version":"0.3"},
"einforesult":{"dbinfo":[{"dbname":…,"menuname":…,"description":…,"dbbuild":…,"count":…,
"lastupdate":…,"fieldlist":[{"name":…,"fullname":…,"description":…,"termcount":…,"isdate":…,
"isnumerical":…,"singletoken":…,"hierarchy":…,"ishidden":…}],"linklist":[{"name":…,"menu":…,
"description":…,"dbto":…}]}]}}`` (nuccore 2025, bioproject and biosample 2026: dbinfo a
one-element list; a 2018 protein reply had the object alone), every value a string, each key
its XML element's name in lower case; the database list ``{"einforesult":{"dblist":[…]}}``
(quoted in a public project's stub). NCBI makes its JSON from the XML by lower-casing the
element names (its converter, Klortho/Eutils-JSON, ``<config lcnames='true'/>``), so version
2.0's two flags are ``istruncatable`` and ``israngable`` (our reading: no recorded JSON reply
with them). An ``<ERROR>`` in JSON is ``{"einforesult":{"ERROR":…}}``, as esearch's recorded
one (our reading for einfo). Written compact, as the local esearch JSON.
"""

from __future__ import annotations

import datetime

from reviewkit.pubmed.replies import check_einfo, compact_json, db_info, field_list

HEADER = {"type": "einfo", "version": "0.3"}


def einfo_json(db: str, count: int, built: datetime.datetime, version: str = "") -> bytes:
    """einfo in JSON: the database list without ``db``, else pubmed's DbInfo (module doc)."""
    check_einfo(db, version)
    if not db:
        return compact_json({"header": HEADER, "einforesult": {"dblist": ["pubmed"]}})
    info: dict[str, object] = {k.lower(): v for k, v in db_info(count, built).items()}
    info["fieldlist"] = [{k.lower(): v for k, v in f.items()} for f in field_list(version)]
    info["linklist"] = []  # the snapshot holds no links (einfo_xml's empty LinkList)
    return compact_json({"header": HEADER, "einforesult": {"dbinfo": [info]}})
