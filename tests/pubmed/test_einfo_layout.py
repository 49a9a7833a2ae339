"""einfo laid out as NCBI's recorded replies are, line for line (Biopython 1.88's einfo1.xml,
the database list; einfo2.xml, pubmed's DbInfo): the local server wrote each reply on one
line, which XML readers take alike but a client comparing or grepping lines does not."""

from __future__ import annotations

import re

from pubmed.eutils_get import get

from reviewkit import offline_data
from reviewkit.pubmed.server import EutilsServer

# the lines whose values are the snapshot's own (its build, its count)
_OWN = re.compile(r"\t\t<(DbBuild|Count|LastUpdate)>.*")


def _recorded(name: str) -> str:
    return offline_data.path("biopython-tests", f"Tests/Entrez/{name}").read_text()


def _fields(text: str) -> dict[str, str]:
    """Each field's lines, by its name."""
    blocks = re.findall(r"\t\t\t<Field>\n.*?\t\t\t</Field>\n", text, re.S)
    return {re.search(r"<Name>(.*?)</Name>", b)[1]: b for b in blocks}  # type: ignore[index]


def test_pubmed_s_dbinfo_is_laid_out_as_einfo2(server: EutilsServer) -> None:
    ours = get(server, "einfo", db="pubmed").decode()
    recorded = _recorded("einfo2.xml")
    head, _ = recorded.split("\t\t\t<Field>\n", 1)
    served = _fields(ours)
    expected = (
        _OWN.sub("", head)
        + "".join(_fields(recorded)[name] for name in served)  # the fields served, in our order
        + "\t\t</FieldList>\n\t\t\t<LinkList>\n\t\t</LinkList>\n\t</DbInfo>\n\n</eInfoResult>\n"
    )
    assert recorded.endswith("\t\t</LinkList>\n\t</DbInfo>\n\n</eInfoResult>\n")
    assert _OWN.sub("", ours) == expected


def test_the_database_list_is_laid_out_as_einfo1(server: EutilsServer) -> None:
    recorded = _recorded("einfo1.xml")
    expected = re.sub(r"(\t<DbName>\w+</DbName>\n)+", "\t<DbName>pubmed</DbName>\n", recorded)
    assert get(server, "einfo").decode() == expected
