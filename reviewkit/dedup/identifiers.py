"""DOIs as dedup compares them: figure and table DOIs give their article's, a Cochrane
review's versions share one work, and so does one suffix under two publishers' prefixes."""

from __future__ import annotations

import re

# component DOIs: a figure, table or supplement of an article ('.g001', '.t002', '.s001', '.001')
_DOI_COMPONENT = re.compile(
    r"^(10\.1371/journal\.\w+\.\d{7}|10\.7554/elife\.\d+)\.[a-z]{0,2}\d{3}$"
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_COCHRANE_VERSION = re.compile(r"^(10\.1002/14651858cd\d+)(?:pub\d+)?$")  # the first: no .pub


def doi_key(doi: str) -> str:
    """A normalised DOI as dedup compares it: the DOI of a figure or table gives its article's
    (PLoS '….0094853.g001', eLife '….06487.001'), and the suffix loses its punctuation, which
    exports drop or change ('10.3402/fnr.v57i0.21245' ~ '10.3402/fnrv57i0.21245')."""
    doi = _DOI_COMPONENT.sub(r"\1", doi.lower())
    prefix, slash, suffix = doi.partition("/")
    return prefix + slash + _NOT_ALNUM.sub("", suffix) if slash else doi


# A suffix this long (punctuation dropped) is one article's, whatever the prefix before it:
# journals' suffixes carry the journal, year and article ('15622970903131597', 'ac6562059860').
MOVED_SUFFIX_MIN = 10


def cochrane_review(doi: str) -> str:
    """The DOI of the Cochrane review a version's :func:`doi_key` belongs to
    ('10.1002/14651858cd009622pub2' -> '10.1002/14651858cd009622'); '' for other DOIs."""
    m = _COCHRANE_VERSION.match(doi)
    return m.group(1) if m else ""


def moved_doi(a: str, b: str) -> bool:
    """Two :func:`doi_key` s with one long suffix under two registrant prefixes: a journal
    that changed publisher had its articles registered again under the new prefix, suffix
    kept ('10.3109/15622970903131597' / '10.1080/15622970903131597', Informa to Taylor &
    Francis; '10.2143/ac…' / '10.1080/ac…', Peeters to Taylor & Francis)."""
    suffix = _long_suffix(a)
    return bool(suffix) and suffix == _long_suffix(b) and a.partition("/")[0] != b.partition("/")[0]


def doi_work(doi: str) -> str:
    """The work a :func:`doi_key` belongs to: a Cochrane review's versions share one
    (:func:`cochrane_review`), and so do the DOIs of one article registered under two
    publishers' prefixes (:func:`moved_doi`: the long suffix alone); short suffixes, which
    two publishers could both use, keep their prefix."""
    return cochrane_review(doi) or _long_suffix(doi) or doi


def _long_suffix(doi: str) -> str:
    """'*/' and the DOI's suffix when it is long enough to be one article's under any prefix
    (:data:`MOVED_SUFFIX_MIN`); '' otherwise."""
    _prefix, slash, suffix = doi.partition("/")
    return "*/" + suffix if slash and len(suffix) >= MOVED_SUFFIX_MIN else ""
