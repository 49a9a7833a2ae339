"""An apostrophe in a searched word, over real HTTP. NCBI's word index splits a word there and a
translation writes the index's term: Biopython's recorded esearch2 (2025) lists "cancer
s"[All Fields], and PubMed's Search Details for alzheimer's disease quoted in public projects
hold "alzheimer s"[All Fields]. The local index splits there too; its translation wrote the
word as typed ("alzheimer's"[All Fields])."""

from __future__ import annotations

from pubmed.eutils_get import esearch

from reviewkit.pubmed.server import EutilsServer


def test_a_possessive_is_written_as_the_index_s_two_words(server: EutilsServer) -> None:
    typed = esearch(server, term="cocaine's[tiab]")
    assert typed["QueryTranslation"] == '"cocaine s"[Title/Abstract]'
    assert int(typed["Count"]) > 0
    assert typed["Count"] == esearch(server, term='"cocaine s"[tiab]')["Count"]
    curly = esearch(server, term="earth\u2019s")
    assert curly["QueryTranslation"] == '"earth s"[All Fields]'


def test_a_plural_possessive_drops_its_apostrophe(server: EutilsServer) -> None:
    reply = esearch(server, term='"workers\' compensation"[tiab] OR work[ti]')
    assert reply["QueryTranslation"].startswith('"workers compensation"[Title/Abstract] OR ')


def test_a_name_keeps_its_apostrophe(server: EutilsServer) -> None:
    assert esearch(server, term="o'connor[au]")["QueryTranslation"] == "o'connor[Author]"
