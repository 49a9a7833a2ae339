"""The demo's simulated reviewers: votes from a documented, deterministic rule, never from people.

Two simulated reviewers, ``demo-reviewer-1`` and ``demo-reviewer-2``, screen every study at
both stages, and a simulated lead, ``demo-lead``, resolves their conflicts and confirms a share
of the classification suggestions. Their names say what they are wherever they appear (the
decisions log, the agreement table, the labels), and the report says so in words.

**The rule** (what a careful reviewer would decide from the protocol's own terms):

1. A study whose title or abstract has one of the protocol's ``[highlight] exclude`` terms
   (children, students, animals …) is excluded as ``wrong-population``; an editorial, letter,
   comment, news item or case report (PubMed publication type) as ``wrong-publication-type``.
2. Otherwise the study is scored with the protocol's two classification schemes (the rules'
   ``classify.suggest``): *health* (mental, musculoskeletal …) and *work* (sick leave,
   working conditions …). Its relevance is the smaller of the two best scores: a study must be
   about work **and** health.
3. Title/abstract: relevance >= 1 (both schemes fire) is an include, else ``off-topic``.
   Full text: relevance >= 2 (more than one term, or a term in the title) is an include; a
   study without an abstract is ``no-full-text`` (the simulated full text is the abstract);
   one that is about work and health but too thin on either is ``no-work-outcome``.

**Disagreement.** Each reviewer departs from the rule on a seeded share of studies: a blake2b
hash of (seed, stage, reviewer, study) gives a number in [0, 1), and the vote flips when it
falls under the reviewer's share: 12 % and 18 % of borderline studies (relevance at the
cut-off, where people disagree too), 2 % and 3 % of the others. A flipped include becomes an
exclusion for the most likely reason; a flipped exclusion becomes ``uncertain``
(title/abstract) or an include (full text). Same seed, same votes.

**The lead** resolves each conflict with the rule's own vote and confirms 60 % of the clear
classification suggestions (see :mod:`reviewkit.demo.review`). Left for a person, the
protocol's third reviewer ``you``: 10 title/abstract studies that only demo-reviewer-2 saw,
3 full-text conflicts, and the unconfirmed labels.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reviewkit.classify import compile_term, suggest
from reviewkit.protocol import Protocol
from reviewkit.records import Record

REVIEWERS = ("demo-reviewer-1", "demo-reviewer-2")
LEAD = "demo-lead"
HUMAN = "you"  # the protocol's third reviewer: the person trying the demo
NOTE = (
    "Screening, conflict resolution and label confirmation in this demo were done by simulated "
    "reviewers (demo-reviewer-1, demo-reviewer-2, demo-lead): their votes come from a "
    "deterministic rule over the protocol's terms (reviewkit/demo/reviewers.py), not from people."
)
# Share of votes that depart from the rule: borderline studies are where people disagree.
SHARE_BORDERLINE = {"demo-reviewer-1": 0.12, "demo-reviewer-2": 0.18}
SHARE_CLEAR = {"demo-reviewer-1": 0.02, "demo-reviewer-2": 0.03}
# PubMed publication types that are not studies (MEDLINE's list: Editorial, Letter, Comment,
# News, Case Reports); a review of work and health would exclude them at title/abstract.
NOT_STUDIES = {"editorial", "letter", "comment", "news", "case reports"}
CUTOFF = {"title-abstract": 1.0, "full-text": 2.0}


@dataclass(frozen=True)
class Vote:
    """One vote: label (include | exclude | uncertain) and, for exclusions, the reason code."""

    label: str
    reason: str = ""


def unit(seed: int, *parts: object) -> float:
    """A deterministic number in [0, 1) for the given parts (blake2b, so stable across runs)."""
    key = ":".join(str(p) for p in (seed, *parts)).encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") / 2**64


class DemoRule:
    """The rule above over one protocol for one run. Each study is scored once (its relevance
    serves both stages and the lead's resolutions: the scores depend on the record alone) and
    the exclusion terms are compiled once."""

    def __init__(self, protocol: Protocol) -> None:
        self.protocol = protocol
        self._exclude = [compile_term(t) for t in protocol.highlight_exclude]
        self._relevance: dict[int, float] = {}  # study id -> relevance

    def relevance(self, study: int, record: Record) -> float:
        """How much the study is about work AND health: the smaller of the two schemes' best
        scores."""
        if study not in self._relevance:
            self._relevance[study] = min(self._best(record, "health"), self._best(record, "work"))
        return self._relevance[study]

    def _best(self, record: Record, scheme_id: str) -> float:
        scores = (s.score for s in suggest(record, self.protocol.scheme(scheme_id)))
        return max(scores, default=0.0)

    def vote(self, study: int, record: Record, stage: str) -> tuple[Vote, bool]:
        """The rule's vote on one study (``record``: its record) at one stage, and whether the
        study is borderline."""
        text = f"{record.title}\n{record.abstract}"
        if any(term.search(text) for term in self._exclude):
            return Vote("exclude", "wrong-population"), False
        types = {t.casefold() for t in record.publication_types}
        if stage == "title-abstract" and types & NOT_STUDIES:
            return Vote("exclude", "wrong-publication-type"), False
        if stage == "full-text" and not record.abstract.strip():
            return Vote("exclude", "no-full-text"), False
        score, cutoff = self.relevance(study, record), CUTOFF[stage]
        borderline = cutoff - 0.5 <= score < cutoff + 1.0  # just at the cut-off
        if score >= cutoff:
            return Vote("include"), borderline
        reason = "no-work-outcome" if stage == "full-text" and score > 0 else "off-topic"
        return Vote("exclude", reason), borderline


def reviewer_vote(
    rule: tuple[Vote, bool], stage: str, reviewer: str, study: int, seed: int
) -> Vote:
    """A simulated reviewer's vote: the rule's (from :meth:`DemoRule.vote`), flipped on a seeded share."""
    vote, borderline = rule
    share = (SHARE_BORDERLINE if borderline else SHARE_CLEAR)[reviewer]
    if unit(seed, stage, reviewer, study) >= share:
        return vote
    if vote.label == "include":
        reason = "no-work-outcome" if stage == "full-text" else "off-topic"
        return Vote("exclude", reason)
    return Vote("uncertain") if stage == "title-abstract" else Vote("include")
