"""Reports of one study from their registration numbers: the pairs of studies that share a
number, or whose numbers in two registers one record names together (one trial registered
twice). The one grouping for ``dedup studies`` (:mod:`reviewkit.dedup.studies`) and its
benchmark (benchmarks/study_links.py).

A trial registered in two registers (ClinicalTrials.gov and ISRCTN, EudraCT and DRKS, ANZCTR
and ChiCTR …) is cited by one number in one report and by the other in the next; a report that
writes both (a protocol's registration line: 'NCT01234567; ISRCTN12345678') says they are one
trial, and is the **bridge** between the others. Only a record with one number per series
bridges (:func:`reviewkit.dedup.registers.number_series`): two numbers of one register on one
record are two trials (a protocol naming its pilot, a review citing two trials), and which of
them a third number is one with, the record does not say. Nor do bridges that, chained, would
make one trial of two numbers of one register (ISRCTN1 beside NCT1 on one record, ISRCTN2
beside NCT1 on another: a mistyped number or a review): that trial's numbers are left apart.
Nor does a record of several trials (``joint``: a joint report of two trials, a meeting's
session citing its talks' trials; :func:`reviewkit.dedup.study_names.names_several_trials`),
whose numbers of two registers may be one number of each trial: which they are, it does not
say. A notice about a paper (an erratum, a comment, a reply: ``notices``,
:func:`reviewkit.dedup.follow_on.notice_about_a_paper`) cites its trial's number as the paper
does, or another trial's, and is no report of either: its numbers join nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Generic, TypeVar

import networkx as nx

from reviewkit.dedup.registers import number_series

MAX_REPORTS = 50  # a number on more studies than this is no one trial's (a cohort, a register)

K = TypeVar("K", int, str)  # a study's id: a canonical record id, or a benchmark's key


@dataclass(frozen=True)
class NumberLink:
    """Why two studies are one trial by their numbers: the numbers both carry, or else the two
    numbers of one trial's two registrations and the study that writes both."""

    shared: tuple[str, ...] = ()
    bridged: tuple[str, str] = ("", "")  # a's number, b's number
    bridges: tuple[int | str, ...] = ()  # the studies that write them together, in a chain

    def evidence(self) -> str:
        """'NCT01234567', or 'NCT01234567 = ISRCTN12345678 (one trial in two registers:
        record 7 carries both)'."""
        if self.shared:
            return " ".join(self.shared)
        a, b = self.bridged
        if len(self.bridges) == 1:
            return f"{a} = {b} (one trial in two registers: record {self.bridges[0]} carries both)"
        chain = ", ".join(map(str, self.bridges))
        return f"{a} = {b} (one trial in several registers: records {chain} carry them in pairs)"


def _bridges(
    numbers: Mapping[K, Collection[str]], usable: set[str], joint: Collection[K]
) -> nx.Graph:
    """Numbers joined by the studies that write numbers of two series or more, one of each,
    and are not of several trials (``joint``); an edge's 'by' is the lowest such study."""
    graph = nx.Graph()
    for sid in sorted(set(numbers) - set(joint)):
        found = [n for n in numbers[sid] if n in usable]
        series = [number_series(n) for n in found]
        if len(set(series)) < 2 or len(set(series)) < len(series):
            continue  # one register's numbers only, or two of one register: no bridge
        for x, y in combinations(sorted(found), 2):
            if not graph.has_edge(x, y):
                graph.add_edge(x, y, by=sid)
    return graph


def _trials(
    numbers: Mapping[K, Collection[str]], usable: set[str], joint: Collection[K]
) -> tuple[dict[str, str], nx.Graph]:
    """number -> the trial it names (the lowest number of its bridged group; itself when it has
    no bridge), and the bridges. A group holding two numbers of one series is no one trial."""
    graph = _bridges(numbers, usable, joint)
    trial = {n: n for n in usable}
    for group in nx.connected_components(graph):
        series = [number_series(n) for n in group]
        if len(set(series)) == len(series):
            first = min(group)
            trial.update(dict.fromkeys(group, first))
    return trial, graph


def _by_number(
    numbers: Mapping[K, Collection[str]], notices: Collection[K]
) -> tuple[dict[str, set[K]], set[str]]:
    """number -> the studies that carry it, but notices, and the numbers on MAX_REPORTS
    studies or fewer (the ones that may join studies)."""
    by_number: dict[str, set[K]] = defaultdict(set)
    skip = set(notices)
    for sid, found in numbers.items():
        if sid in skip:
            continue
        for n in found:
            by_number[n].add(sid)
    return by_number, {n for n, ids in by_number.items() if len(ids) <= MAX_REPORTS}


@dataclass(frozen=True)
class Registrations(Generic[K]):
    """What the numbers say of a project's studies, from one index of its numbers."""

    # each study's numbers with the other registrations of its trials that bridges name (a
    # report citing NCT1, whose trial another report names as NCT1 and ISRCTN2, has both): what
    # the cues compare, so a report citing ISRCTN9 is another trial's, as one citing NCT9
    trial_numbers: dict[K, set[str]]
    # pairs of studies (lower id first) that report one trial by their numbers
    links: dict[tuple[K, K], NumberLink]


def registrations(
    numbers: Mapping[K, Collection[str]], joint: Collection[K] = (), notices: Collection[K] = ()
) -> Registrations[K]:
    """Each study's trials' registrations and the pairs of studies of one trial (study -> its
    canonical numbers): a number in common, or two registrations of one trial joined by a
    study carrying both, unless it is of several trials (``joint``) or a notice about a paper
    (``notices``, which joins nothing: the module's docstring). A number on more than
    MAX_REPORTS studies joins none."""
    by_number, usable = _by_number(numbers, notices)
    trial, bridges = _trials(numbers, usable, {*joint, *notices})
    registered: dict[str, set[str]] = defaultdict(set)
    by_trial: dict[str, set[K]] = defaultdict(set)
    for n, t in trial.items():
        registered[t].add(n)
        by_trial[t] |= by_number[n]
    out: dict[tuple[K, K], NumberLink] = {}
    for ids in by_trial.values():
        if len(ids) > MAX_REPORTS:
            continue
        for a, b in combinations(sorted(ids), 2):
            out[(a, b)] = _link(numbers[a], numbers[b], usable, trial, bridges)
    studies = {
        sid: {r for n in found for r in registered.get(trial.get(n, ""), {n})}
        for sid, found in numbers.items()
    }
    return Registrations(studies, out)


def number_links(
    numbers: Mapping[K, Collection[str]], joint: Collection[K] = (), notices: Collection[K] = ()
) -> dict[tuple[K, K], NumberLink]:
    """The pairs of studies of one trial by their numbers (:func:`registrations`)."""
    return registrations(numbers, joint, notices).links


def _link(
    a: Collection[str],
    b: Collection[str],
    usable: set[str],
    trial: dict[str, str],
    bridges: nx.Graph,
) -> NumberLink:
    """The evidence for two studies of one trial: their shared numbers, or a bridge."""
    shared = tuple(sorted(set(a) & set(b) & usable))
    if shared:
        return NumberLink(shared)
    for x in sorted(n for n in a if n in usable):
        for y in sorted(n for n in b if n in usable and trial[n] == trial[x]):
            path = nx.shortest_path(bridges, x, y)
            by = tuple(bridges.edges[u, v]["by"] for u, v in zip(path, path[1:], strict=False))
            return NumberLink(bridged=(x, y), bridges=tuple(dict.fromkeys(by)))
    raise AssertionError("two studies of one trial share a number or a bridge")
