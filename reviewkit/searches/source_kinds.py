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
    r"|other (?:source|method)"
    # the same kinds as Norwegian users name them (Review B's sources, DOMAIN.md; Swedish and
    # Danish spellings where they differ): a website, grey literature, reference lists and
    # snowballing, citation and hand searching, contacts and experts, a search engine; and
    # the public bodies whose reports are searched on their sites: a directorate
    # (Helsedirektoratet), a ministry (-departementet), an authority (myndighet, styrelse),
    # NAV itself (the labour and welfare administration, 'nav.no'); never a database's name
    r"|nettside|nettsted|hjemmeside|webside|webbplats|gr[åa] ?litteratur"
    r"|referanseliste|litteraturliste|referenslist|referenceliste|sn[øö]ball|snebold"
    r"|sitering|citering|h[åa]nds[øöo][kg]|kontakt|ekspert|s[øö]kemotor|s[öo]kmotor"
    r"|direktorat|departement|myndighet|styrelse|\bnav\b",
    re.IGNORECASE,
)


def is_other_method(source: str) -> bool:
    """Is an import's source one of PRISMA 2020's "other methods" rather than a database?

    'snowballing', 'citation searching', 'Google Scholar' (a web search engine, PRISMA-S
    item 4), 'NAV website', 'expert contact', 'NAV', 'Helsedirektoratet', 'grå litteratur'
    are; 'Embase', 'PubMed', 'RIS import', 'ClinicalTrials.gov' (a register) are not.
    """
    return bool(_OTHER_METHOD.search(source))
