"""Checks of a protocol's screening stages and reviewer names that keys and types alone miss:
settings that would let a stage run but silently do the wrong thing.

:class:`StageChecks` is mixed into the protocol validator, which gives it ``fail`` and
``fail_at_value``.
"""

from __future__ import annotations

from reviewkit.protocol.model import ExclusionReason
from reviewkit.protocol.names import name_problem


class StageChecks:
    """The stage and reviewer part of the protocol validator."""

    def check_reviewer_names(
        self, reviewers: tuple[str, ...], key: str = "review.reviewers"
    ) -> None:
        """A name is compared exactly with --reviewer and written into logs and tables: a
        control or invisible character (a line break, a tab, a direction mark; spaces at the
        ends are stripped on reading) makes a name nobody can type as written, and a name of
        thousands of characters is pasted text that breaks every table it is printed in (the
        same rule as for --reviewer, :func:`reviewkit.protocol.names.name_problem`)."""
        for name in reviewers:
            problem = name_problem(name, "reviewer name")
            if problem:
                raise self.fail_at_value(  # type: ignore[attr-defined]
                    key,
                    name,
                    1,
                    problem,
                    hint="write the name as reviewers will type it after --reviewer",
                )

    def leads(self, review: dict, reviewers: tuple[str, ...]) -> tuple[str, ...]:
        """``[review] leads``, optional: people who resolve conflicts, confirm labels and
        extract but do not screen (:mod:`reviewkit.protocol.people`). Their names follow the
        reviewers' rule; a name in both lists (in any case) is refused, since a lead would
        then also vote, and the blinding rule for resolvers tells reviewers apart by name."""
        raw = review.get("leads", [])
        leads = self.strings(review, "leads", "review.")  # type: ignore[attr-defined]
        if len(leads) != len(raw):  # strings() leaves out blank entries
            raise self.fail(  # type: ignore[attr-defined]
                "review.leads", "a lead's name is empty", hint="give every lead a name"
            )
        self.unique(leads, "review.leads", "lead")  # type: ignore[attr-defined]
        self.check_reviewer_names(leads, key="review.leads")
        for name in leads:
            same = [r for r in reviewers if r.casefold() == name.casefold()]
            if same:
                raise self.fail_at_value(  # type: ignore[attr-defined]
                    "review.leads",
                    name,
                    1,
                    f"{name!r} is also a reviewer ({same[0]!r})",
                    hint="list each person once: a reviewer may also resolve conflicts once"
                    " the stage is closed, and confirm labels and extract",
                )
        return leads

    def check_stage(
        self,
        w: str,
        advance: tuple[str, ...],
        reasons: list[ExclusionReason],
        reason_required: bool,
    ) -> None:
        """``advance_on`` says which labels send a record on (at the last stage: which count
        as included), so it must hold 'include' and never 'exclude'; a stage that requires a
        reason to exclude needs reasons to choose from; two reasons with one label cannot be
        told apart on the screen or in the report."""
        if "include" not in advance or "exclude" in advance:
            wrong = (
                "names 'exclude': excluded records would go on (at the last stage: count as"
                " included)"
                if "exclude" in advance
                else "does not name 'include': no included record would go on"
            )
            raise self.fail(  # type: ignore[attr-defined]
                f"{w}advance_on", wrong, hint='use ["include"] or ["include", "uncertain"]'
            )
        if reason_required and not reasons:
            raise self.fail(  # type: ignore[attr-defined]
                f"{w}exclusion_reasons",
                "reason_required = true, but the stage has no exclusion reasons: no record"
                " could be excluded",
                hint="list the reasons ({code = …, label = …}) or set reason_required = false",
            )
        seen: set[str] = set()
        for i, reason in enumerate(reasons):
            label = " ".join(reason.label.casefold().split())  # as people read it
            if label in seen:
                raise self.fail_at_value(  # type: ignore[attr-defined]
                    f"{w}exclusion_reasons",
                    reason.label,
                    1 + sum(r.label == reason.label for r in reasons[:i]),  # this one's line
                    f"two exclusion reasons have the label {reason.label!r}",
                    hint="give each reason its own label",
                )
            seen.add(label)
