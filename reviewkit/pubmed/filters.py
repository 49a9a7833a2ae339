"""PubMed's sidebar filters as its search details write them (``english[Filter]``,
``y_10[Filter]``, ``humans[Filter]``; ``[filter]`` is ``[sb]``), which a librarian pastes from
the Advanced Search "history and search details": the local server serves ``systematic[sb]``
and ``fha[sb]`` only, and its refusal says what to write instead, a field it does serve."""

from __future__ import annotations

import datetime
import re

from reviewkit.pubmed.vocabulary import is_language

# the "Publication date: 1, 5, 10 years" filters (y_10, folded 'y 10')
_YEARS = re.compile(r"y[_ ](\d+)")


def filter_hint(value: str, today: datetime.date | None = None) -> str:
    """What to write for the subset ``value`` (folded: ``y_10`` reads ``y 10``) the local server
    does not serve."""
    served = "only systematic[sb] and fha[sb] (has abstract) are served"
    if is_language(value):
        return f"{value}[la] searches that language; {served}"
    years = _YEARS.fullmatch(value)
    if years:
        since = (today or datetime.date.today()).year - int(years.group(1))
        return (
            f"y_{years.group(1)} is PubMed's 'last {years.group(1)} years' filter: write a publication date"
            f" range such as {since}:3000[dp], or date_from in [searches.limits]; {served}"
        )
    return (
        f"{served}; write another filter of PubMed's sidebar as the field it searches: an"
        " article type as [pt], a language as [la], a species (humans, animals) as [mh:noexp]"
    )
