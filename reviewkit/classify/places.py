"""How much the place a term is found weighs: the title, a section of the abstract, MeSH."""

from __future__ import annotations

from reviewkit.abstract_headings import category

# Weight of each place a term is found, multiplied with the term's weight. The title names what
# a study is about; in a structured abstract the population and intervention sections say what a
# study did to whom, the background only what others did; MeSH headings are the indexers'
# summary of the whole paper, so they count a little more than one abstract sentence.
TITLE_FACTOR = 2.0
# The sections that give the study's context: what others did, not what the study did
_CONTEXT_SECTIONS = ("BACKGROUND", "INTRODUCTION", "CONTEXT", "RATIONALE", "IMPORTANCE")
_SECTION_FACTORS = {
    **dict.fromkeys(_CONTEXT_SECTIONS, 0.5),
    "RESULTS": 0.75,
    "FINDINGS": 0.75,
    "POPULATION": 1.5,
    "PARTICIPANTS": 1.5,
    "PATIENTS": 1.5,
    "SUBJECTS": 1.5,
    "SAMPLE": 1.5,
    "INTERVENTION": 1.5,
    "INTERVENTIONS": 1.5,
}
_PLACE_FACTORS = {"title": TITLE_FACTOR, "mesh": 1.5, "publication-type": 1.0, "keywords": 1.0}


def in_context(where: str) -> bool:
    """Whether a place is a section of the study's context (Background, Introduction ...)."""
    kind, _, section = where.partition(":")
    return kind == "abstract" and category(section) in _CONTEXT_SECTIONS


def place_factor(where: str, measures: bool = False, aim: bool = False) -> float:
    """The weight of a place ('title', 'abstract:METHODS', 'mesh', …) for the evidence found there
    (``measures``: for a scheme of what was measured, whose Results report it, as Methods do;
    ``aim``: found in a background's sentence that says what the study itself did or asked,
    which weighs as the Methods do: :mod:`~reviewkit.classify.own_study`)."""
    if where.startswith("abstract"):
        section = category(where.partition(":")[2])  # "Resultater" weighs as "Results"
        own_aim = aim and section in _CONTEXT_SECTIONS
        if own_aim or (measures and section in ("RESULTS", "FINDINGS")):
            return 1.0  # as the Methods
        return _SECTION_FACTORS.get(section, 1.0)
    return _PLACE_FACTORS.get(where, 1.0)
