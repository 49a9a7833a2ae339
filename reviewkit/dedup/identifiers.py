"""DOIs as dedup compares them: figure and table DOIs give their article's, and a Cochrane
review's versions share one work."""

from __future__ import annotations

import re

# component DOIs: a figure, table or supplement of an article ('.g001', '.t002', '.s001', '.001')
_DOI_COMPONENT = re.compile(
    r"^(10\.1371/journal\.\w+\.\d{7}|10\.7554/elife\.\d+)\.[a-z]{0,2}\d{3}$"
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_COCHRANE_VERSION = re.compile(r"^(10\.1002/14651858cd\d+)pub\d+$")


def doi_key(doi: str) -> str:
    """A normalised DOI as dedup compares it: the DOI of a figure or table gives its article's
    (PLoS '….0094853.g001', eLife '….06487.001'), and the suffix loses its punctuation, which
    exports drop or change ('10.3402/fnr.v57i0.21245' ~ '10.3402/fnrv57i0.21245')."""
    doi = _DOI_COMPONENT.sub(r"\1", doi.lower())
    prefix, slash, suffix = doi.partition("/")
    return prefix + slash + _NOT_ALNUM.sub("", suffix) if slash else doi


def doi_work(doi: str) -> str:
    """The DOI of the work a :func:`doi_key` belongs to: a Cochrane review's versions share
    one ('10.1002/14651858cd009622pub2' -> '10.1002/14651858cd009622'); other DOIs are their own."""
    return _COCHRANE_VERSION.sub(r"\1", doi)
