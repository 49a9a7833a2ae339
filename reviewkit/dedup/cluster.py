"""Clustering of duplicate pairs, guarded against chaining.

Duplicate edges are added strongest first (union-find). An edge that would put two records
that contradict each other into one cluster — different PMIDs or PMCIDs, different DOIs, very
different titles (unless the two share a DOI: a translation), or a pair a person said are
different — is refused and goes to review, so
A≈B and B≈C never silently make A = C when A and C disagree. The final clusters are the
connected components (networkx) of the accepted edges.

A pair whose titles differ much but that a rule for translations (or a person) accepted as
one work holds one title in two languages: the two records form one *title class*, and a
record of another group is compared with the class, not with each title alone. Without
that, the original-language record and its English translation were refused as 'very
different titles' (the pair itself, or a third record whose title is the translation's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from reviewkit.dedup.identifiers import doi_work
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.score import PairVerdict, title_similarity

TITLE_CONFLICT = 60.0  # titles less similar than this never share a cluster by rule
_MAX_TITLE_CHECKS = 400
# Rules that accept two titles sharing nothing as one work (a translation), and a person's
# merge: the pair's titles count as one title for the guard (a title class).
# (registration_numbers: one registration under its brief and its official title)
ONE_WORK_RULES = frozenset({"same_doi", "same_place_and_authors", "person", "registration_numbers"})
# Rules that already accepted a DOI difference for the pair they judged.
_DOI_TOLERANT = frozenset(
    {
        "biblio_match_doi_differs",
        "two_dois_same_issue",
        "printed_again_next_volume",
    }
)


@dataclass
class _Group:
    members: list[int]
    pmids: set[str] = field(default_factory=set)
    pmcids: set[str] = field(default_factory=set)
    dois: set[str] = field(default_factory=set)


class GuardedClusters:
    """Union-find over record ids that refuses unions of contradicting groups."""

    def __init__(
        self,
        keys: dict[int, Keys],
        cannot_link: Iterable[tuple[int, int]] = (),
        shared_dois: frozenset[str] = frozenset(),
    ) -> None:
        self.keys = keys
        self.shared_dois = shared_dois
        self.parent: dict[int, int] = {}
        self.groups: dict[int, _Group] = {}
        self.cannot: dict[int, set[int]] = {}
        self.title_class: dict[int, list[int]] = {}  # record -> the records of its title class
        for a, b in cannot_link:
            self.cannot.setdefault(a, set()).add(b)
            self.cannot.setdefault(b, set()).add(a)

    def find(self, x: int) -> int:
        parent = self.parent
        if x not in parent:
            parent[x] = x
            return x
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def _group(self, root: int) -> _Group:
        g = self.groups.get(root)
        if g is None:
            k = self.keys.get(root)
            g = _Group([root])
            if k is not None:
                g.pmids = {k.pmid} if k.pmid else set()
                g.pmcids = {k.pmcid} if k.pmcid else set()
                # versions of one review are one work
                g.dois = {doi_work(k.doi)} if k.doi and k.doi not in self.shared_dois else set()
            self.groups[root] = g
        return g

    def conflict(self, a: int, b: int, rule: str = "") -> str:
        """Why the groups of a and b must not merge ('' when they may)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ""
        ga, gb = self._group(ra), self._group(rb)
        if ga.pmids and gb.pmids and not ga.pmids & gb.pmids:
            return "different PMIDs"
        if ga.pmcids and gb.pmcids and not ga.pmcids & gb.pmcids:
            return "different PMCIDs"
        if ga.dois and gb.dois and not ga.dois & gb.dois and not self._pair_dois(a, b, rule):
            return "different DOIs"
        small, big = (ga, gb) if len(ga.members) <= len(gb.members) else (gb, ga)
        big_set = set(big.members)
        for x in small.members:
            if self.cannot.get(x, set()) & big_set:
                return "a person said these differ"
        # the edge's own pair, accepted as one work, is one title class from here on
        joined = self._classes(a) + self._classes(b) if rule in ONE_WORK_RULES else []
        checks = 0
        for x in small.members:
            kx = self.keys.get(x)
            if kx is None or not kx.title:
                continue
            for y in big.members:
                ky = self.keys.get(y)
                if (
                    ky is not None
                    and ky.title
                    and not self._titles_agree(kx, ky)
                    and not self._one_title(x, y, joined)
                ):
                    return "very different titles"
                checks += 1
                if checks >= _MAX_TITLE_CHECKS:
                    return ""
        return ""

    def _pair_dois(self, a: int, b: int, rule: str) -> bool:
        """A rule that read two DOIs as one article vouches for the pair it judged: each group
        holds no DOI but its own end's. A third DOI was not judged: a record without a page
        read as one article with each of two paged records under two DOIs does not make
        those two, whose pages differ, one."""
        if rule not in _DOI_TOLERANT:
            return False
        ka, kb = self.keys.get(a), self.keys.get(b)
        ends = {doi_work(k.doi) for k in (ka, kb) if k is not None and k.doi}
        ra, rb = self.find(a), self.find(b)
        return self.groups[ra].dois | self.groups[rb].dois <= ends

    def _titles_agree(self, kx: Keys, ky: Keys) -> bool:
        """Titles alike, or a translated title under one DOI."""
        return title_similarity(kx.title, ky.title) >= TITLE_CONFLICT or self._same_doi(kx, ky)

    def _classes(self, x: int) -> list[int]:
        return self.title_class.get(x) or [x]

    def _one_title(self, x: int, y: int, joined: list[int]) -> bool:
        """x and y are in one title class, or a title of x's class agrees with one of y's."""
        cx = joined if x in joined else self._classes(x)
        cy = joined if y in joined else self._classes(y)
        if cx is cy or len(cx) == len(cy) == 1:
            return cx is cy
        for u in cx:
            ku = self.keys.get(u)
            for v in cy:
                kv = self.keys.get(v)
                if ku and kv and ku.title and kv.title and self._titles_agree(ku, kv):
                    return True
        return False

    def _join_titles(self, a: int, b: int) -> None:
        ca, cb = self._classes(a), self._classes(b)
        if ca is cb:
            return
        merged = ca + cb
        for x in merged:
            self.title_class[x] = merged

    def _same_doi(self, kx: Keys, ky: Keys) -> bool:
        return bool(kx.doi) and kx.doi == ky.doi and kx.doi not in self.shared_dois

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ga, gb = self._group(ra), self._group(rb)
        if len(ga.members) < len(gb.members):
            ra, rb, ga, gb = rb, ra, gb, ga
        self.parent[rb] = ra
        ga.members.extend(gb.members)
        ga.pmids |= gb.pmids
        ga.pmcids |= gb.pmcids
        ga.dois |= gb.dois
        del self.groups[rb]

    def join(self, a: int, b: int, rule: str = "") -> None:
        """Union without a check (a link already in force); ``rule`` made it ('person' for a
        person's merge): a rule of ONE_WORK_RULES puts the two titles in one class."""
        self.union(a, b)
        if rule in ONE_WORK_RULES:
            self._join_titles(a, b)

    def try_union(self, a: int, b: int, rule: str = "") -> str:
        """Union unless the groups conflict; returns the reason for refusing ('' when merged)."""
        why = self.conflict(a, b, rule)
        if not why:
            self.join(a, b, rule)
        return why


def guarded_merge(
    guard: GuardedClusters, edges: Iterable[PairVerdict]
) -> tuple[list[PairVerdict], list[tuple[PairVerdict, str]]]:
    """Add duplicate edges strongest first; returns (accepted, [(refused, reason)])."""
    accepted: list[PairVerdict] = []
    refused: list[tuple[PairVerdict, str]] = []
    for edge in sorted(edges, key=lambda e: (-e.score, e.a, e.b)):
        why = guard.try_union(edge.a, edge.b, edge.rule)
        if why:
            refused.append((edge, why))
        else:
            accepted.append(edge)
    return accepted, refused


def components(nodes: Iterable[int], edges: Iterable[tuple[int, int]]) -> list[set[int]]:
    """Connected components of the duplicate graph (singletons included)."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return [set(c) for c in nx.connected_components(graph)]
