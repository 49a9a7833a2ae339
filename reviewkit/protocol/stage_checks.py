"""A protocol's screening stages and reviewer names: read, and checked for what keys and types
alone miss, settings that would let a stage run but silently do the wrong thing.

:class:`StageChecks` is mixed into the protocol validator (with the schemes' checks).
"""

from __future__ import annotations

from reviewkit.protocol.getters import Getters
from reviewkit.protocol.keys import REASON_KEYS, STAGE_KEYS
from reviewkit.protocol.model import SCREEN_LABELS, STAGES, ExclusionReason, Stage
from reviewkit.protocol.names import ValueChecks, character_problem, did_you_mean, name_problem

# An exclusion reason's label is shown where room is short: in the screen's reasons list, one
# item a reason after its number key ('3 Wrong population'), which should stay one row of an
# 80-column terminal; and in the PRISMA 2020 diagram's box of reports excluded, one line a
# reason with its count ('Wrong population (n = 12)'), wrapped at 52 characters (24 in the
# four-column layout with other methods). 70 characters keep a label on one row of the screen
# and two lines of the diagram's box (four in the four-column layout; a 500-character label
# filled a box and pushed the others off the page). The label is wording only (the logs store the code), so it can be shortened at
# any time; a longer text is a description, for the protocol's comments or [eligibility].
MAX_REASON_LABEL = 70


class StageChecks(Getters, ValueChecks):
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
                raise self.fail_at_value(
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
        leads = self.strings(review, "leads", "review.")
        if len(leads) != len(raw):  # strings() leaves out blank entries
            raise self.fail("review.leads", "a lead's name is empty", hint="give every lead a name")
        self.unique(leads, "review.leads", "lead")
        self.check_reviewer_names(leads, key="review.leads")
        for name in leads:
            same = [r for r in reviewers if r.casefold() == name.casefold()]
            if same:
                raise self.fail_at_value(
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
            raise self.fail(
                f"{w}advance_on", wrong, hint='use ["include"] or ["include", "uncertain"]'
            )
        if reason_required and not reasons:
            raise self.fail(
                f"{w}exclusion_reasons",
                "reason_required = true, but the stage has no exclusion reasons: no record"
                " could be excluded",
                hint="list the reasons ({code = …, label = …}) or set reason_required = false",
            )
        seen: set[str] = set()
        for i, reason in enumerate(reasons):
            label = " ".join(reason.label.casefold().split())  # as people read it
            if label in seen:
                raise self.fail_at_value(
                    f"{w}exclusion_reasons",
                    reason.label,
                    1 + sum(r.label == reason.label for r in reasons[:i]),  # this one's line
                    f"two exclusion reasons have the label {reason.label!r}",
                    hint="give each reason its own label",
                )
            seen.add(label)

    def stages(self, data: dict) -> dict[str, Stage]:
        out = {}
        for name, item in data.items():
            w = f"stages.{name}."
            if name not in STAGES:
                raise self.fail(
                    f"stages.{name}",
                    f"unknown stage{did_you_mean(name, STAGES)}",
                    hint=f"stages are {', '.join(STAGES)}",
                )
            if not isinstance(item, dict):
                raise self.fail(f"stages.{name}", "must be a table")
            self.known_keys(item, STAGE_KEYS, w)
            per = item.get("reviewers_per_record", 2)
            if not isinstance(per, int) or isinstance(per, bool) or per not in (1, 2):
                raise self.fail(
                    f"{w}reviewers_per_record",
                    "must be 1 or 2",
                    hint="1: one reviewer decides each record; 2: two decide it independently",
                )
            advance = (
                ("include", "uncertain")
                if "advance_on" not in item
                else self.strings(item, "advance_on", w)
            )
            self.unique(advance, f"{w}advance_on", "label")
            for label in advance:
                if label not in SCREEN_LABELS:
                    raise self.fail(
                        f"{w}advance_on",
                        f"{label!r} is not a screening label",
                        hint=f"use {SCREEN_LABELS}",
                    )
            reasons = self.exclusion_reasons(item, w)
            required = self.boolean(item, "reason_required", w, name == "full-text")
            self.check_stage(w, advance, reasons, required)
            out[name] = Stage(
                name=name,
                reviewers_per_record=per,
                advance_on=advance,
                reason_required=required,
                exclusion_reasons=tuple(reasons),
            )
        if "title-abstract" not in out:
            raise self.fail(
                "stages", "the title-abstract stage is missing", hint="add [stages.title-abstract]"
            )
        return out

    def exclusion_reasons(self, item: dict, w: str) -> list[ExclusionReason]:
        """A stage's exclusion reasons: a code each of its own, a label each fit to be shown
        (:meth:`check_reason_label`), at most nine (the number keys)."""
        reasons: list[ExclusionReason] = []
        raw_reasons = item.get("exclusion_reasons", [])
        if not isinstance(raw_reasons, list):
            raise self.fail(f"{w}exclusion_reasons", "must be a list of {code, label} tables")
        if len(raw_reasons) > 9:  # before each is read: 20,000 of them took 47 CPU-s to refuse
            raise self.fail(f"{w}exclusion_reasons", "at most 9 reasons (one number key each)")
        seen: dict[str, str] = {}  # id_key -> the first code of that key
        for j, r in enumerate(raw_reasons):
            rw = f"{w}exclusion_reasons[{j}]."
            if not isinstance(r, dict):
                raise self.fail(
                    f"{w}exclusion_reasons", "each reason must be {code = …, label = …}"
                )
            self.known_keys(r, REASON_KEYS, rw)
            code = self.ident(self.string(r, "code", rw), f"{w}exclusion_reasons")
            if code in seen.values():  # at most nine
                raise self.fail_at_value(
                    f"{w}exclusion_reasons",
                    code,
                    2,
                    f"two exclusion reasons have the code {code!r}",
                    hint="each reason needs its own code (it is what the log stores)",
                )
            self.distinct_new_id(code, seen, f"{w}exclusion_reasons", "exclusion reason code")
            label = self.string(r, "label", rw)
            self.check_reason_label(label, code, f"{w}exclusion_reasons")
            unseen = self.boolean(r, "not_retrieved", rw, False)
            reasons.append(ExclusionReason(code, label, unseen))
        return reasons

    def check_reason_label(self, label: str, code: str, key: str) -> None:
        """Refuse a label too long to show (:data:`MAX_REASON_LABEL`), or holding a line break,
        tab or invisible character (the rows it is shown in would break), naming its reason."""
        problem = character_problem(label, "exclusion reason label")
        if len(label) > MAX_REASON_LABEL:
            problem = (
                f"the label of reason {code!r} is {len(label):,} characters long (at most"
                f" {MAX_REASON_LABEL}: it is shown on one row of the screen's reasons list and"
                " in the PRISMA diagram's box of exclusions)"
            )
        if problem:
            raise self.fail_at_value(
                key,
                code,
                1,
                problem,
                hint="write a short label, e.g. 'Wrong population'; the label is wording only"
                " (the decisions store the code), so it can be changed at any time",
            )
