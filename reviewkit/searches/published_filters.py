"""Published search filters a stored query may contain, recognised by their lines and cited
verbatim in the search log (PRISMA-S item 10, search filters; a filter is not item 11's prior
work, a strategy adapted from another review, which the protocol's adapted_from cites)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Filter:
    """A published search filter, recognised in a query by its lines, cited verbatim."""

    name: str
    citation: str
    text: str  # verbatim, as published


# Cochrane Handbook, Technical Supplement to Chapter 4, 3.6.1: the Cochrane Highly Sensitive
# Search Strategy for identifying randomized trials in MEDLINE, sensitivity-maximizing
# version (2008 revision), PubMed format.
COCHRANE_HSSS = Filter(
    "Cochrane Highly Sensitive Search Strategy, sensitivity-maximizing version (2008 revision), "
    "PubMed format",
    "Lefebvre C et al. Technical Supplement to Chapter 4: Searching for and selecting studies. "
    "Cochrane Handbook for Systematic Reviews of Interventions, section 3.6.1.",
    "(randomized controlled trial [pt] OR controlled clinical trial [pt] OR randomized [tiab] "
    "OR placebo [tiab] OR drug therapy [sh] OR randomly [tiab] OR trial [tiab] OR groups [tiab]) "
    "NOT (animals [mh] NOT humans [mh])",
)
FILTERS = (COCHRANE_HSSS,)


def _squash(text: str) -> str:
    return "".join(text.lower().split())


def filters_in(query: str) -> list[Filter]:
    """The published filters a query contains verbatim (spacing and case aside)."""
    q = _squash(query)
    return [f for f in FILTERS if _squash(f.text) in q]
