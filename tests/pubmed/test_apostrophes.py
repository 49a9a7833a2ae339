"""An apostrophe in a searched word, over real HTTP. NCBI's word index splits a word there and a
translation writes the index's term: Biopython's recorded esearch2 (2025) lists "cancer
s"[All Fields], and PubMed's Search Details for alzheimer's disease quoted in public projects
hold "alzheimer s"[All Fields]. The local index splits there too; its translation wrote the
word as typed ("alzheimer's"[All Fields])."""

from __future__ import annotations

from pubmed.eutils_get import esearch

from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.translation import same_translation


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


def test_a_truncated_word_keeps_its_apostrophe(server: EutilsServer) -> None:
    """A truncated word's stem is counted on the word as written (PubMed's four characters
    before '*'), so its translation keeps the apostrophe: ``"cell s*"`` is a stem of one letter,
    refused, and ``"patients *"`` a lone '*'. Run as a query, the translation is the same
    search, translated alike; a word before the truncated one is still split."""
    for term, written in (
        ("cell's*", '"cell\'s*"[All Fields]'),
        ("patients'*[tiab]", '"patients\'*"[Title/Abstract]'),
        ("study's*[tiab]", '"study\'s*"[Title/Abstract]'),
    ):
        reply = esearch(server, term=term)
        assert int(reply["Count"]) > 0
        assert reply["QueryTranslation"] == written
        again = esearch(server, term=written)
        assert (again["Count"], again["QueryTranslation"]) == (reply["Count"], written)
    assert esearch(server, term='"cocaine\'s effect*"[tiab]')["QueryTranslation"] == (
        '"cocaine s effect*"[Title/Abstract]'
    )


def test_a_word_with_or_without_its_apostrophe_is_the_same_translation() -> None:
    """Runs of one stored search translated before pubfid15 (the word as typed) and after (the
    index's words) searched the same: a rerun must not read as a changed translation (search
    diff, the search log). Another word, or a name, is not the same."""
    old = '"worker\'s compensation"[All Fields] AND "alzheimer\'s"[Title/Abstract]'
    new = '"alzheimer s"[Title/Abstract] AND "worker s compensation"[All Fields]'
    assert same_translation(old, new)
    assert same_translation('"workers\' compensation"[tw]', '"workers compensation"[tw]')
    assert same_translation('"cell\'s*"[All Fields]', '"cell s*"[All Fields]')
    assert not same_translation('"worker s compensation"[tw]', '"workers compensation"[tw]')
    assert not same_translation("o'connor[Author]", "o connor[Author]")


def test_a_prime_before_a_hyphen_leaves_no_lone_hyphen(server: EutilsServer) -> None:
    """A prime (3'-untranslated, chemistry's and genetics' 5'-, 2'-) is an apostrophe the
    index splits at as well; written as a space it left "3 -untranslated", a word that begins
    with a hyphen. Dropped there, the translation is the hyphenated word, the same search."""
    reply = esearch(server, term="3'-untranslated")
    assert int(reply["Count"]) > 0
    assert reply["QueryTranslation"] == '"3-untranslated"[All Fields]'
    assert esearch(server, term='"3-untranslated"')["Count"] == reply["Count"]
