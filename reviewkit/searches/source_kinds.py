"""Which imported sources are PRISMA 2020's "other methods" rather than databases or registers:
one rule for the flow diagram's columns (:mod:`reviewkit.reports.prisma.collect`) and the
search log's PRISMA-S items (:mod:`.prisma_s_items`: a database's file is item 1's, an other
method's item 7's), so the two parts of one report sort a source alike."""

from __future__ import annotations

import re

__all__ = ["is_other_method"]

# PRISMA 2020's "identification of studies via other methods" names websites, organisations
# and citation searching (Page et al. 2021, fig. 1; PRISMA-S items 4-7 add web search engines
# and contacting experts). A source is one of those when its name says so; every other source
# is taken as a database or register export, the usual case for an imported file.
_OTHER_METHOD = re.compile(
    r"citation|snowball|reference list|hand[- ]?search|backward|forward|cited by"
    r"|website|web search|google|researchgate|grey lit|gray lit"
    r"|organi[sz]ation|agency|ministry|expert|contact|personal communication"
    r"|other (?:source|method)",
    re.IGNORECASE,
)


def is_other_method(source: str) -> bool:
    """Is an import's source one of PRISMA 2020's "other methods" rather than a database?

    'snowballing', 'citation searching', 'Google Scholar' (a web search engine, PRISMA-S
    item 4), 'NAV website', 'expert contact' are; 'Embase', 'PubMed', 'RIS import' are not.
    """
    return bool(_OTHER_METHOD.search(source))
