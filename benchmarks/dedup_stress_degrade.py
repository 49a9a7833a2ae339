"""The degradations of ``python -m benchmarks dedup-stress`` (:mod:`benchmarks.dedup_stress`):
each removes or reshapes one field of a labelled set's records, as a thinner export would
(every record, or a seeded random half where a mix of exports is the risk)."""

from __future__ import annotations

import html
import random
import re
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

Records = list  # list[reviewkit.records.Record]
Degrade = Callable[[str, list[str], Records, list[list[str]], random.Random], Records]

_TAG = re.compile(r"<[^>]+>")
_PUNCT = str.maketrans(string.punctuation, " " * len(string.punctuation))
_SMALL_WORDS = frozenset({"of", "the", "and", "&", "for", "in", "on", "de", "la", "und", "der"})


# --- degradations ----------------------------------------------------------------------------


def _half(rng: random.Random, n: int) -> set[int]:
    """A seeded random half of the indices 0..n-1."""
    return set(rng.sample(range(n), n // 2))


def _initials(author: str) -> str:
    """'Adeli, Khosrow A.' -> 'Adeli, K. A.'; 'Adeli K' stays; a name without a comma keeps
    its first word as the surname (as MEDLINE writes 'Adeli K')."""
    author = author.strip()
    if "," in author:
        family, given = (x.strip() for x in author.split(",", 1))
    else:
        parts = author.split()
        family, given = parts[0] if parts else "", " ".join(parts[1:])
    letters = [w[0].upper() for w in re.split(r"[\s.\-]+", given) if w and w[0].isalpha()]
    return f"{family}, {' '.join(c + '.' for c in letters)}".strip().rstrip(",")


def no_doi(_n, _ids, recs, _truth, _rng):
    return [replace(r, doi="") for r in recs]


def no_abstract(_n, _ids, recs, _truth, _rng):
    return [replace(r, abstract_sections=[]) for r in recs]


def author_initials(_n, _ids, recs, _truth, _rng):
    return [replace(r, authors=[_initials(a) for a in r.authors]) for r in recs]


def first_author_et_al(_n, _ids, recs, _truth, _rng):
    """The first author with initials and 'et al.' (an export that cuts the list), on every
    record: two papers of one first author then carry one author list."""
    return [
        replace(r, authors=[_initials(r.authors[0]), "et al."] if r.authors else []) for r in recs
    ]


def _crude_iso(journal: str) -> str:
    """An ISO-like abbreviation: small words dropped, longer words cut to four letters and a
    period ('Journal of Clinical Epidemiology' -> 'Jour. Clin. Epid.')."""
    words = [w for w in journal.replace(".", " ").split() if w.lower() not in _SMALL_WORDS]
    return " ".join(w if len(w) <= 4 else w[:4] + "." for w in words)


def _abbreviations(ids: list[str], recs: Records, truth: list[list[str]]) -> dict[str, str]:
    """Full journal name -> the abbreviation the set itself uses for it, learnt from records of
    one true cluster that write the journal two ways (the shorter, usually with periods)."""
    at = {i: k for k, i in enumerate(ids)}
    seen: dict[str, Counter] = {}
    for cluster in truth:
        names = {recs[at[i]].journal for i in cluster if i in at and recs[at[i]].journal}
        if len(names) < 2:
            continue
        short = min(names, key=len)
        for name in names - {short}:
            if len(name) > len(short) + 3:
                seen.setdefault(name, Counter())[short] += 1
    return {name: c.most_common(1)[0][0] for name, c in seen.items()}


def journal_abbreviated(_n, ids, recs, truth, rng):
    """A random half of the records write the journal abbreviated: the set's own abbreviation
    of that name where it has both forms, else an ISO-like one."""
    table = _abbreviations(ids, recs, truth)
    pick = _half(rng, len(recs))
    return [
        replace(r, journal=table.get(r.journal) or _crude_iso(r.journal)) if i in pick else r
        for i, r in enumerate(recs)
    ]


def journal_lower(_n, _ids, recs, _truth, rng):
    """A random half of the journal names lower-cased, punctuation stripped. A journal field
    holding digits is left alone: that is an Ovid/Embase field with the volume, issue and pages
    after the name ('Neuroscience.210 ()(pp 152-167) 2012'), which no exporter writes without
    its punctuation (stripped, the place in it is lost: 619 of depression's pairs)."""
    pick = _half(rng, len(recs))
    return [
        replace(r, journal=" ".join(r.journal.lower().translate(_PUNCT).split()))
        if i in pick and not any(c.isdigit() for c in r.journal)
        else r
        for i, r in enumerate(recs)
    ]


def no_pages(_n, _ids, recs, _truth, _rng):
    return [replace(r, pages="") for r in recs]


def no_issue(_n, _ids, recs, _truth, _rng):
    return [replace(r, issue="") for r in recs]


def _plain_upper(title: str) -> str:
    return _TAG.sub("", html.unescape(title)).strip().rstrip(".").upper()


def title_upper(_n, _ids, recs, _truth, rng):
    """A random half of the records: title upper-cased, markup removed, final period dropped."""
    pick = _half(rng, len(recs))
    return [replace(r, title=_plain_upper(r.title)) if i in pick else r for i, r in enumerate(recs)]


def year_shift(_n, ids, recs, truth, rng):
    """Online first vs print: on a seeded random half of the true clusters, a random half of
    the records (at least one) get the next year."""
    at = {i: k for k, i in enumerate(ids)}
    shifted: set[int] = set()
    for cluster in truth:
        members = sorted({at[i] for i in cluster if i in at})
        if len(members) < 2 or rng.random() >= 0.5:
            continue
        shifted.update(rng.sample(members, max(1, len(members) // 2)))
    return [
        replace(r, year=r.year + 1) if i in shifted and r.year else r for i, r in enumerate(recs)
    ]


def pages_one_side(_n, ids, recs, truth, rng):
    """One export keeps the pages, the other drops them (a database that indexes no pagination
    for early-online or supplement records beside one that does): in every true cluster a seeded
    half of its records (at least one, never all) lose their pages, and so does a seeded half of
    the records no cluster holds, so a record without pages meets others with pages whether or
    not the labels pair them. e_no_pages and i_minimal drop every page, so the rules for a page
    missing on one side only (unplaced.py) were met on full records alone."""
    at = {i: k for k, i in enumerate(ids)}
    dropped: set[int] = set()
    clustered: set[int] = set()
    for cluster in truth:
        members = sorted({at[i] for i in cluster if i in at})
        clustered.update(members)
        if len(members) >= 2:
            dropped.update(rng.sample(members, max(1, len(members) // 2)))
    dropped.update(k for k in range(len(recs)) if k not in clustered and rng.random() < 0.5)
    return [replace(r, pages="") if i in dropped else r for i, r in enumerate(recs)]


def minimal(n, ids, recs, truth, rng):
    """(a) + (b) + (e): no DOI, no abstract, no pages."""
    return [replace(r, doi="", abstract_sections=[], pages="") for r in recs]


DEGRADATIONS: dict[str, tuple[str, Degrade | None]] = {
    "full": ("the records as exported (no change)", None),
    "a_no_doi": ("(a) every DOI removed", no_doi),
    "b_no_abstract": ("(b) every abstract removed", no_abstract),
    "c1_initials": ("(c) authors as surname + initials", author_initials),
    "c2_et_al": ("(c) first author + 'et al.' only", first_author_et_al),
    "d1_journal_abbrev": (
        "(d) half the journals abbreviated (the set's ISO form)",
        journal_abbreviated,
    ),
    "d2_journal_lower": ("(d) half the journals lower-cased, no punctuation", journal_lower),
    "e_no_pages": ("(e) pages removed", no_pages),
    "f_no_issue": ("(f) issue removed", no_issue),
    "g_title_upper": ("(g) half the titles upper-cased, no markup, no final period", title_upper),
    "h_year_shift": ("(h) year +1 on half the records of half the true clusters", year_shift),
    "i_minimal": ("(i) (a)+(b)+(e): no DOI, abstract or pages", minimal),
    "j_pages_one_side": (
        "(j) pages removed from a seeded half of each true cluster (at least one record, never"
        " all) and from a seeded half of the records no cluster holds",
        pages_one_side,
    ),
}


def degrade(name: str, ids: list[str], recs: Records, truth: list[list[str]], variant: str):
    """One set's records after one degradation (seeded by set and degradation name)."""
    fn = DEGRADATIONS[variant][1]
    return fn(name, ids, recs, truth, random.Random(f"{name}:{variant}")) if fn else recs
