"""A term found nowhere is named with its field tag as the user typed it, over HTTP (q44c).

NCBI's recorded replies echo a tag as sent, its case and long or short form kept: the query
``zzzznonesistequestotermine[MeSH Terms:noexp]`` comes back as that PhraseNotFound and the
QueryTranslation ``(zzzznonesistequestotermine[MeSH Terms:noexp])`` (a MeSH database reply kept
by a public project's tests); ``nonjournal[journal] AND nonyear[date]`` as the PhraseNotFounds
``nonjournal[journal]`` and ``nonyear[date]`` (biogo/ncbi's esearch test); a quoted
``"Nonexistent Termxyz Qwerty"[mh]`` as that QuotedPhraseNotFound (a JSON reply kept by a public
project). An untagged word is named bare: ``abcXYZ`` (Biopython's esearch8.xml).
"""

from __future__ import annotations

from pubmed.eutils_get import esearch

from reviewkit.pubmed.server import EutilsServer


def test_a_quoted_phrase_found_nowhere_is_echoed_with_its_tag_as_typed(
    server: EutilsServer,
) -> None:
    for tag in ("Title/Abstract", "TIAB", "tiab"):
        reply = esearch(server, term=f'"Qqzx Vvkw"[{tag}]')
        assert reply["Count"] == "0"
        assert reply["WarningList"]["QuotedPhraseNotFound"] == [f'"Qqzx Vvkw"[{tag}]']
        assert reply["QueryTranslation"] == f'("Qqzx Vvkw"[{tag}])'
    # spaces around the tag inside its brackets are no part of it (no recorded echo has one)
    spaced = esearch(server, term='"qqzx vvkw"[ Title/Abstract:~2 ]')
    assert spaced["WarningList"]["QuotedPhraseNotFound"] == ['"qqzx vvkw"[Title/Abstract:~2]']
    # the spelling changes nothing of a search that finds records: NCBI's long name in the
    # translation, whatever was typed
    found = [esearch(server, term=f"english[{t}]") for t in ("Language", "LA", "la")]
    assert {r["QueryTranslation"] for r in found} == {'"english"[Language]'}
    assert len({r["Count"] for r in found}) == 1 and found[0]["Count"] != "0"


def test_a_tagged_word_found_nowhere_is_named_with_its_tag_as_typed(
    server: EutilsServer,
) -> None:
    reply = esearch(server, term="zzqqxx9[MeSH Terms:noexp]")
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqxx9[MeSH Terms:noexp]"]
    assert reply["QueryTranslation"] == "(zzqqxx9[MeSH Terms:noexp])"
    both = esearch(server, term="nonjournal[journal] AND zzqqxx9[TIAB]")
    assert both["Count"] == "0"
    assert both["ErrorList"]["PhraseNotFound"] == ["nonjournal[journal]", "zzqqxx9[TIAB]"]
    bare = esearch(server, term="abcXYZ")  # untagged: bare, as esearch8
    assert bare["ErrorList"]["PhraseNotFound"] == ["abcXYZ"]
    assert bare["QueryTranslation"] == "(abcXYZ[All Fields])"


def test_a_date_found_nowhere_keeps_its_tag_as_typed(server: EutilsServer) -> None:
    """A year no record of the snapshot has: quoted, a QuotedPhraseNotFound, as every recorded
    quoted term found nowhere is ([mh], [All Fields]); unquoted, a PhraseNotFound, as every
    recorded unquoted one. No recorded reply holds a date found nowhere (q44c)."""
    quoted = esearch(server, term='"1850"[PDAT]')
    assert quoted["Count"] == "0"
    assert quoted["WarningList"]["QuotedPhraseNotFound"] == ['"1850"[PDAT]']
    assert "ErrorList" not in quoted or not quoted["ErrorList"]["PhraseNotFound"]
    plain = esearch(server, term="1850[Publication Date]")
    assert plain["ErrorList"]["PhraseNotFound"] == ["1850[Publication Date]"]


def test_a_query_whose_every_term_is_found_nowhere_is_translated_as_sent(
    server: EutilsServer,
) -> None:
    """biogo/ncbi's recorded reply to ``nonjournal[journal] AND nonyear[date]``: QueryTranslation
    ``(nonjournal[journal] AND nonyear[date])``, the query as sent in brackets, each term as
    typed, no term's own translation; both terms in ErrorList, ``No items found.`` (q44g)."""
    both = esearch(server, term="nonjournal[journal] AND zzqqxx9[TIAB]")
    assert both["QueryTranslation"] == "(nonjournal[journal] AND zzqqxx9[TIAB])"
    assert both["WarningList"]["OutputMessage"] == ["No items found."]
    # groups keep their brackets; a quoted phrase found nowhere is one such term too, and an
    # untagged word is in All Fields, as the lone one is (esearch8)
    nested = esearch(server, term='(qqzxa[ti] OR "qqzx vvkw"[tiab]) AND abcXYZ')
    assert nested["Count"] == "0"
    assert nested["QueryTranslation"] == '((qqzxa[ti] OR "qqzx vvkw"[tiab]) AND abcXYZ[All Fields])'
    # a term found somewhere keeps the query translated term by term
    some = esearch(server, term="english[la] AND zzqqxx9[ti]")
    assert some["QueryTranslation"].startswith('"english"[Language] AND ')
    assert some["ErrorList"]["PhraseNotFound"] == ["zzqqxx9[ti]"]
    # and the server's note says what the recorded replies show PubMed doing with such a word
    (note,) = [m for m in some["WarningList"]["OutputMessage"] if "zzqqxx9[ti]" in m]
    assert "leave an unquoted word they cannot find out" in note and "may find more" in note
