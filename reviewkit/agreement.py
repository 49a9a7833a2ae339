"""Agreement between two reviewers at a stage: counts table, percent agreement, kappa, PABAK.

Only studies that both reviewers voted on (their current, live votes) count. Labels are
include / exclude / uncertain; when neither reviewer used 'uncertain' the table is 2x2.

* Percent agreement p_o = agreeing pairs / n.
* Cohen's kappa  = (p_o - p_e) / (1 - p_e), computed by scikit-learn's ``cohen_kappa_score``.
* Its 95% confidence interval is kappa ± 1.96·SE with Cohen's (1960) large-sample standard
  error  SE = sqrt( p_o (1 - p_o) / ( n (1 - p_e)^2 ) ),  where p_e = Σ_k (row_k/n)(col_k/n).
  The interval is clipped to [-1, 1], the range kappa can take; a clipped limit means the
  interval reached past it, which happens on few studies (7, say), where this large-sample
  interval says little: :attr:`Agreement.note` says both. Where agreement is 0 % or 100 %
  this standard error is 0 and the interval would have no width (e.g. "0.000 to 0.000" on two
  studies): it is not reported then (n/a), since an interval that claims certainty is wrong
  at any n.
* PABAK (prevalence- and bias-adjusted kappa, Byrt, Bishop & Carlin 1993) = (k·p_o - 1)/(k - 1)
  for k categories (2·p_o - 1 for a 2x2 table).
* When one reviewer gave the same answer to every study, p_e = p_o whatever the other did, so
  kappa is 0 (undefined when both did): it says nothing about agreement then, and
  :attr:`Agreement.note` says so and points to the percent agreement (Feinstein & Cicchetti
  1990, "High agreement but low kappa").
* Kappa for include versus exclude alone (:attr:`Agreement.binary`, the figure reviews and
  journals usually report) is computed the same way over a 2x2 table, with 'uncertain' read as
  the stage's own rule reads it (``advance_on``, :func:`reviewkit.screening.rules.outcome_of`):
  where 'uncertain' sends a record on (title/abstract, as a rule), it counts as include, as
  Covidence's inter-rater reliability export counts a 'maybe' vote as 'yes' at title and
  abstract; where it does not (full text with ``advance_on = ["include"]``), an 'uncertain' vote
  is neither side, so the pairs with one are left out and counted
  (:attr:`Agreement.uncertain_pairs`).
* A report not retrieved is left out: a vote 'exclude' for no full text (the reason codes of
  :meth:`reviewkit.protocol.Stage.not_retrieved_codes`: ``no-full-text``, ``not-retrieved``
  and the protocol's reasons marked ``not_retrieved = true``) is no judgement of the report,
  which its reviewer never saw, and PRISMA 2020 counts such reports as "not retrieved", apart
  from the reports assessed for eligibility. A pair of votes where either is one is not
  compared; :attr:`Agreement.note` says how many were left out, so the full-text n can be set
  beside PRISMA's "assessed".

The results written out (the printed table, its CSV and note, the report's cells) are
:mod:`reviewkit.agreement_tables`.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

from sklearn.metrics import cohen_kappa_score

from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.screening import VOTES, DerivedStages, stage_names
from reviewkit.store.decisions import Decision
from reviewkit.wording import quantity, verb

Z95 = 1.959963984540054
# what the include-versus-exclude kappa is, for the notes of the tables
INCLUDE_EXCLUDE_RULE = (
    "Cohen's kappa for include versus exclude alone: 'uncertain' counts as include where the"
    " stage sends it on (advance_on), as Covidence counts a 'maybe' vote as 'yes'; elsewhere"
    " the studies with an 'uncertain' vote are left out"
)


@dataclass(frozen=True)
class Agreement:
    stage: str
    reviewer_a: str
    reviewer_b: str
    categories: tuple[str, ...]
    table: tuple[tuple[int, ...], ...]  # rows: reviewer_a's label, columns: reviewer_b's
    n: int
    percent: float | None  # 0..100
    kappa: float | None
    ci_low: float | None
    ci_high: float | None
    pabak: float | None
    # a stage where no two reviewers overlap: who voted there and on how many studies (the
    # reviewer names above are then empty: nobody was compared)
    voters: tuple[tuple[str, int], ...] = ()
    # a stage where one reviewer screens each record and 'uncertain' sends it to a second: the
    # studies with two votes are the ones sent on, a selection, not a sample of the stage
    single_screening: bool = False
    # studies both reviewers voted on that are left out because a vote said the report was
    # not retrieved (see the module's docstring)
    not_retrieved: int = 0
    # of those, the ones only one reviewer could not retrieve (the other judged the report)
    not_retrieved_by_one: int = 0
    # include versus exclude alone (see the module's docstring); None before it is computed
    binary: Agreement | None = None
    # the compared studies with an 'uncertain' vote, and how the binary figure took them:
    # 'include' (the stage sends 'uncertain' on) or 'left out'
    uncertain_pairs: int = 0
    uncertain_as: str = ""
    # studies of the stage that only one of the two has screened, a rating missing: left out
    # (listwise deletion), so "Studies both screened" is fewer than PRISMA's records screened
    # by them (said in the note)
    one_only: int = 0

    @property
    def compared(self) -> bool:
        """Were two reviewers compared (False: nobody voted, or no study has two votes)?"""
        return bool(self.reviewer_a and self.reviewer_b)

    @property
    def note(self) -> str:
        """Why the figures need care: at a single-screening stage the compared studies are the
        ones sent on as uncertain; kappa is not informative when one reviewer gave one answer
        to every study (read the percent agreement); kappa's 95% CI was clipped to [-1, 1] (on
        few studies it says little); at a stage where no study was screened by two reviewers,
        who voted there. '' when kappa can be read as it is."""
        if not self.compared:
            return no_overlap_note(self.stage, self.voters)
        left_out = "; ".join(p for p in (self._not_retrieved_note(), self._one_only_note()) if p)
        if not self.n or self.percent is None:
            return left_out
        # one study: 'this study is the one … on it', not 'these 1 studies are the ones'
        sent, on = (
            ("this study is the one", "it")
            if self.n == 1
            else (f"these {self.n} studies are the ones", "them")
        )
        selection = (
            f"{self.stage}: one reviewer screens each record and 'uncertain' sends it to a "
            f"second, so {sent} sent on; agreement on {on} is not the stage's agreement"
            if self.single_screening
            else ""
        )
        # kappa not informative (one answer throughout): nothing more to say of its interval
        kappa_note = self._single_answer_note() or self._clipped_note()
        # include vs exclude: the same figure as kappa's unless an 'uncertain' vote was read
        binary = self.binary
        binary_note = (
            binary._clipped_note("the include-vs-exclude kappa's")
            if binary is not None and self.uncertain_pairs
            else ""
        )
        parts = (selection, kappa_note, binary_note, left_out)
        return "; ".join(part for part in parts if part)

    @property
    def named_note(self) -> str:
        """:attr:`note` as a sentence for a list of notes read apart from the table's rows (the
        report's table note, `agreement --csv`'s notes file): the compared pair named after it,
        "… (reviewer1 vs reviewer2).", as a stage may have several pairs. '' without a note."""
        if not self.note:
            return ""
        pair = f" ({self.reviewer_a} vs {self.reviewer_b})" if self.compared else ""
        return f"{self.note.rstrip('.')}{pair}."

    def _not_retrieved_note(self) -> str:
        if not self.not_retrieved:
            return ""
        n, one = self.not_retrieved, self.not_retrieved_by_one
        # kappa is over the reports both reviewers could assess: one that only one of them got
        # has no pair of judgements either, but says the team's copies differ
        by_one = (
            f"; {one} of them by one reviewer only, the other judging it: kappa is over the"
            " reports both reviewers could assess, so check that both have those full texts"
            if one
            else ""
        )
        return (
            f"{self.stage}: {quantity(n, 'report')} not retrieved (excluded for no full text)"
            f" {verb(n, 'is', 'are')} left out, as PRISMA 2020 does not count such reports among"
            f" those assessed for eligibility: a reviewer cannot judge a report never seen{by_one}"
        )

    def _one_only_note(self) -> str:
        """The studies one of the two has screened and the other not (yet). The agreement
        literature calls such a study's absent vote a missing rating, and Cohen's kappa as
        usually computed leaves those studies out ("listwise deletion"; de Raadt et al. 2019,
        Educ Psychol Meas 79:558, who find it unbiased when ratings are missing completely at
        random), as this table does: the note says so in those words. At a single-screening
        stage that is most of them, which its selection note says already."""
        if not self.one_only or self.single_screening:
            return ""
        n = self.one_only
        # the pair is named after the note where notes are read apart from their rows
        # (:attr:`named_note`): 'of the two reviewers' here, not their names twice
        return (
            f"{self.stage}: {quantity(n, 'study', 'studies')} screened by only one of the two"
            f" reviewers (a missing rating) {verb(n, 'is', 'are')} left out, as kappa is"
            " computed by listwise deletion over the studies both rated"
        )

    def _clipped_note(self, which: str = "kappa's") -> str:
        """A limit at -1 or 1 was clipped there (no computed limit lands on it exactly: at
        kappa = 1 there is no interval): the large-sample interval reached past the range
        kappa can take, as it does on few studies, so it says little. ``which``: the kappa
        named."""
        if self.ci_low is None or self.ci_high is None:
            return ""
        if self.ci_low > -1.0 and self.ci_high < 1.0:
            return ""
        return (
            f"{self.stage}: {which} 95% CI is clipped to [-1, 1]; on {quantity(self.n, 'study')}"
            " the interval reached past those limits and says little"
        )

    def _single_answer_note(self) -> str:
        rows = [sum(row) for row in self.table]
        cols = [sum(row[i] for row in self.table) for i in range(len(self.categories))]
        single = [
            (name, self.categories[counts.index(self.n)])
            for name, counts in ((self.reviewer_a, rows), (self.reviewer_b, cols))
            if self.n in counts
        ]
        if not single:
            return ""
        gave = " and ".join(f"{name} answered '{label}'" for name, label in single)
        kappa = "undefined" if self.kappa is None else "0 whatever the agreement"
        return (
            f"{self.stage}: {gave} for {'the one study' if self.n == 1 else f'all {self.n} studies'},"
            f" so kappa is {kappa} and not "
            f"informative; read the percent agreement ({self.percent:.1f}%)"
        )


def compute(stage: str, a: str, b: str, pairs: list[tuple[str, str]]) -> Agreement:
    """Statistics for (label of a, label of b) pairs."""
    used = {x for pair in pairs for x in pair}
    categories = tuple(c for c in VOTES if c in used or c != "uncertain")
    table = tuple(
        tuple(sum(1 for x, y in pairs if x == r and y == c) for c in categories) for r in categories
    )
    n = len(pairs)
    if n == 0:
        return Agreement(stage, a, b, categories, table, 0, None, None, None, None, None)
    p_o = sum(table[i][i] for i in range(len(categories))) / n
    p_e = sum(
        (sum(table[i]) / n) * (sum(row[i] for row in table) / n) for i in range(len(categories))
    )
    k = len(categories)
    pabak = (k * p_o - 1) / (k - 1)
    if p_e >= 1.0:  # both reviewers used one single label: kappa is undefined
        return Agreement(stage, a, b, categories, table, n, 100 * p_o, None, None, None, pabak)
    kappa = float(
        cohen_kappa_score([x for x, _ in pairs], [y for _, y in pairs], labels=list(categories))
    )
    se = math.sqrt(p_o * (1 - p_o) / (n * (1 - p_e) ** 2))
    if se == 0:  # p_o is 0 or 1: the large-sample interval degenerates to a point
        return Agreement(stage, a, b, categories, table, n, 100 * p_o, kappa, None, None, pabak)
    low, high = max(-1.0, kappa - Z95 * se), min(1.0, kappa + Z95 * se)
    return Agreement(stage, a, b, categories, table, n, 100 * p_o, kappa, low, high, pabak)


def agreement(
    project: Project, stage: str | None = None, *, derived: DerivedStages | None = None
) -> list[Agreement]:
    """One Agreement per stage (all stages by default) and pair of reviewers who overlap.

    ``derived``: the project's stages when the caller has derived them already (a report)."""
    derived = derived or DerivedStages(project)
    stages = [stage] if stage else stage_names(project.protocol)
    out = []
    for name in stages:
        if name not in project.protocol.stages:
            raise UserError(
                f"no screening stage {name!r}",
                hint=f"stages: {', '.join(stage_names(project.protocol))}",
            )
        states = derived.states(name)
        codes = project.protocol.stages[name].not_retrieved_codes()
        advance = project.protocol.stages[name].advance_on
        reviewers = sorted({r for s in states.values() for r in s.votes})
        pairs_found = False
        for a, b in itertools.combinations(reviewers, 2):
            both = [s for s in states.values() if a in s.votes and b in s.votes]
            judged = [
                s for s in both if not (_unseen(s.votes[a], codes) or _unseen(s.votes[b], codes))
            ]
            if both:
                pairs_found = True
                single = project.protocol.stages[name].reviewers_per_record == 1
                pairs = [(s.votes[a].label, s.votes[b].label) for s in judged]
                result = _include_exclude(compute(name, a, b, pairs), pairs, advance)
                left_out = len(both) - len(judged)
                by_one = sum(
                    1 for s in both if _unseen(s.votes[a], codes) != _unseen(s.votes[b], codes)
                )
                out.append(
                    replace(
                        result,
                        single_screening=single,
                        not_retrieved=left_out,
                        not_retrieved_by_one=by_one,
                        one_only=sum(
                            1 for s in states.values() if (a in s.votes) != (b in s.votes)
                        ),
                    )
                )
        if not pairs_found:  # nobody to compare: name who voted, not two protocol reviewers
            voted = {r: sum(1 for s in states.values() if r in s.votes) for r in reviewers}
            out.append(replace(compute(name, "", "", []), voters=tuple(voted.items())))
    return out


def _include_exclude(
    result: Agreement, pairs: list[tuple[str, str]], advance_on: tuple[str, ...]
) -> Agreement:
    """``result`` with its include-versus-exclude figure: 'uncertain' counted as include where
    the stage sends it on (``advance_on``), else the pairs with an 'uncertain' vote left out
    (see the module's docstring)."""
    sent_on = "uncertain" in advance_on
    unsure = sum(1 for pair in pairs if "uncertain" in pair)
    side = {"uncertain": "include"} if sent_on else {}
    two = [
        (side.get(x, x), side.get(y, y)) for x, y in pairs if sent_on or "uncertain" not in (x, y)
    ]
    binary = compute(result.stage, result.reviewer_a, result.reviewer_b, two)
    return replace(
        result,
        binary=binary,
        uncertain_pairs=unsure,
        uncertain_as="include" if sent_on else "left out",
    )


def _unseen(vote: Decision, codes: frozenset[str]) -> bool:
    """A vote that the report was not retrieved (its reason is one of ``codes``): no
    judgement of it."""
    return vote.label == "exclude" and vote.reason in codes


def no_overlap_note(stage: str, voters: tuple[tuple[str, int], ...]) -> str:
    """What a stage without two overlapping reviewers has: who voted there, or nobody."""
    if not voters:
        return f"{stage}: nobody has voted at this stage yet, so there is no agreement to report"
    who = ", ".join(f"{name} ({quantity(n, 'study', 'studies')})" for name, n in voters)
    return (
        f"{stage}: no study was screened by two reviewers, so there is no agreement to report;"
        f" voted here: {who}"
    )
