"""Blocking: records are compared only with records that share a key, never all pairs.

Each record gets a handful of keys (identifiers, title prefix and suffix, rare title words,
first author + year, volume + first page, year + first page; the whole title in a journal of
reviews kept up to date, whose versions are years apart). Keys shared by very many records
(a common surname and year, a DOI on a whole supplement) say nothing and are skipped, so the
number of pairs stays near linear in the number of records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from reviewkit.dedup.normalise import Keys

MAX_BLOCK = 64  # larger blocks carry no information and would make the cost quadratic
_PREFIX = 24


def blocking_keys(k: Keys) -> list[str]:
    """The blocking keys of one record."""
    out: list[str] = []
    if k.doi:
        out.append("d:" + k.doi)
    if k.pmid:
        out.append("p:" + k.pmid)
    if k.pmcid:
        out.append("c:" + k.pmcid)
    t = k.title_ns
    if len(t) >= 12:
        out.append("tp:" + t[:_PREFIX])
        out.append("ts:" + t[-_PREFIX:])
        words = sorted({w for w in k.title.split() if len(w) > 3})
        if len(words) >= 3:
            words.sort(key=len, reverse=True)  # stable: ties stay in alphabetical order
            out.append("tw:" + " ".join(sorted(words[:3])))
    if k.registration:
        out.append("r:" + k.registration)  # one registration under its brief and its official title
    if k.living and t:
        out.append("lr:" + t)  # versions of one review, years apart; short titles ('Head lice')
    if k.first_author and k.year:
        out.append(f"ay:{k.first_author[:6]}:{k.year}")
    if k.first_page and len(k.first_page) > 1:
        if k.volume:
            out.append(f"vp:{k.volume}:{k.first_page}")
        if k.year:
            out.append(f"yp:{k.year}:{k.first_page}")
    return out


def candidate_pairs(keys: Iterable[Keys], new: set[int] | None = None) -> Iterator[tuple[int, int]]:
    """Pairs (a, b), a < b, that share a blocking key; each pair once.

    With ``new``, only pairs with at least one record in ``new`` (an incremental run: pairs of
    two old records were compared before).
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for k in keys:
        for key in blocking_keys(k):
            blocks[key].append(k.id)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        n = len(members)
        if n < 2 or n > MAX_BLOCK:
            continue
        if new is not None and not any(m in new for m in members):
            continue
        for i in range(n):
            a = members[i]
            a_new = new is None or a in new
            for j in range(i + 1, n):
                b = members[j]
                if a == b or not (a_new or b in new):  # type: ignore[operator]
                    continue
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    yield pair
