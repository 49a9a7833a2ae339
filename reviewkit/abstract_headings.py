"""Structured-abstract headings in Norwegian, Swedish, Danish and Dutch, and the NLM category
each stands for ("Bakgrunn:" is BACKGROUND, "Resultater:" RESULTS, "Doel:" OBJECTIVE), so an
abstract written in those languages is split into sections as an English one is
(:func:`reviewkit.abstract_sections.plain_abstract`) and its sections weigh, report and prefill
as the English ones do (:func:`category`). The headings keep their own words as labels."""

from __future__ import annotations

# Heading word -> NLM category ("Structured Abstracts in MEDLINE": BACKGROUND, OBJECTIVE,
# METHODS, RESULTS, CONCLUSIONS); the words the four languages' journals use (Tidsskrift for
# Den norske legeforening, Läkartidningen, Ugeskrift for Læger, Nederlands Tijdschrift voor
# Geneeskunde), singular and plural
CATEGORIES = {
    **dict.fromkeys(
        ("bakgrunn", "bakgrund", "baggrund", "achtergrond", "innledning", "inledning",
         "indledning", "inleiding"),
        "BACKGROUND",
    ),
    **dict.fromkeys(
        ("formål", "hensikt", "mål", "målsetting", "målsättning", "syfte", "hensigt", "doel",
         "doelstelling", "doelstellingen"),
        "OBJECTIVE",
    ),
    **dict.fromkeys(
        ("metode", "metoder", "metod", "methode", "methoden", "opzet", "materiale", "material"),
        "METHODS",
    ),
    **dict.fromkeys(("resultater", "resultat", "resultaten", "resultaat", "funn"), "RESULTS"),
    **dict.fromkeys(
        ("konklusjon", "konklusjoner", "konklusion", "konklusioner", "slutsats", "slutsatser",
         "conclusie", "conclusies", "fortolkning", "tolkning", "diskusjon", "diskussion",
         "discussie"),
        "CONCLUSIONS",
    ),
}  # fmt: skip
# Words that join two heading words ("Materiale og metode", "Material och metod")
JOINS = ("og", "och", "en")


def category(label: str) -> str:
    """The NLM category of a section label, upper case: a Nordic or Dutch heading's ("Metode og
    materiale" -> METHODS, by its first word), any other label as written, upper case."""
    words = label.casefold().split()
    return CATEGORIES.get(words[0], label.upper()) if words else ""
