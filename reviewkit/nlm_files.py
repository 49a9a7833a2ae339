"""NLM's PubMed XML files in the order NLM applies them (one place: the snapshot's index build,
the offline data's list of the snapshot's files, and every benchmark, test and demo that reads
them through it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

# NLM's names of its XML files: pubmed25n0001.xml.gz, the year's two digits and the file's number
# (medline17n0001 before 2018), .xml.gz on NLM's FTP site, .xml once unpacked.
NLM_NAME = re.compile(r"(?:pubmed|medline)(\d{2})n(\d{4,})\.xml(?:\.gz)?", re.I)
_File = TypeVar("_File", str, Path)


def nlm_order(files: Iterable[_File]) -> list[_File]:
    """The files in the order NLM applies them: a year's baseline first, its update files
    "applied to the baseline files" after it (NLM's licensee instructions), each later record of
    a PMID replacing the earlier and a DeleteCitation removing it (sources: pubmed-fidelity.md,
    q40a). NLM numbers a year's update files on from its baseline's last file (the offline
    snapshot's pubmed21n1298 is a 2021 update file, pubmed20n0014 a 2020 baseline file), so the
    files NLM names ``pubmedYYnNNNN`` (:data:`NLM_NAME`) are read by year, then number,
    whatever the order given: an update file given before its baseline neither loses its
    revisions to the baseline's older records nor has its deletions undone. The other files,
    which nothing dates, keep their places in the order given; NLM's files fill the places NLM's
    files were given in."""
    given = list(files)
    keys = [_nlm_key(Path(f).name) for f in given]
    named = iter(sorted((k, i) for i, k in enumerate(keys) if k))  # i: the same name given twice
    return [given[next(named)[1]] if k else f for f, k in zip(given, keys, strict=True)]


def _nlm_key(name: str) -> tuple[int, int] | None:
    """An NLM file's (year, number); None for a file not named as NLM names its files."""
    m = NLM_NAME.fullmatch(name)
    return (int(m[1]), int(m[2])) if m else None
