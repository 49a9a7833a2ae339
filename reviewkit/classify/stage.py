"""Classification over a project: store suggestions, confirm labels, train the model.

Suggestions are stored as labels with status 'suggested' and stay suggestions until a person
confirms them (status 'confirmed', method 'person'). Each kind of suggestion has its own method:
'rules', 'model', and 'study' for a label a person confirmed on another report of the same study
(:mod:`.studies`), offered for this one; its evidence names the report and the reviewer. It
outranks the rules' suggestion (a person's word) and is withdrawn (a 'rejected' batch) when it no
longer stands: the link or the sibling's confirmation changed, or this report was confirmed. The
model's suggestion is stored only while its cross-validated accuracy on the confirmed studies
beats the rules' (see :mod:`reviewkit.classify.model`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reviewkit.classify.model import Model, ScoreCache, rule_scores, train
from reviewkit.classify.rules import (
    LabelScore,
    Suggestion,
    allowed_together,
    choose,
    none_id,
    score_labels,
)
from reviewkit.classify.studies import (
    confirmed_rows,
    offer_from_siblings,
    report_name,
    sibling_reports,
    study_of,
)
from reviewkit.dedup.merged_fields import filled_records
from reviewkit.errors import UserError, no_record
from reviewkit.project import Project
from reviewkit.protocol import Scheme
from reviewkit.records import Record
from reviewkit.store import labels as label_rows
from reviewkit.store import records as record_rows

# Whose word a study's labels are, first that stands: a person's, a person's on another report of
# the study, the rules'. (The model's suggestion is shown beside them, never assigned.)
METHOD_ORDER = ("person", "study", "rules")
# the columns of `classify --csv` (ClassifyResult.rows), its header when no study is classified
ROW_COLUMNS = ("record_id", "scheme", "rules", "suggested_by", "score", "tie", "evidence", "model")
# The one place a method becomes words in the reports (:attr:`Assigned.status`): an offer from a
# sibling report is still a suggestion for this report, but a person's word, so it says so.
STATUS_WORDS = {
    "person": "confirmed",
    "study": "suggested (confirmed on another report)",
    "rules": "suggested",
}


@dataclass(frozen=True)
class ModelStatus:
    """What the model of one scheme is worth: trained on how many studies, and how accurate."""

    scheme: str
    trained_on: int
    cv_accuracy: float
    rules_accuracy: float

    @property
    def suggested(self) -> bool:
        """Whether the model's suggestion is shown: it beats the rules on the confirmed studies."""
        return self.cv_accuracy > self.rules_accuracy

    def describe(self) -> str:
        """One line for ``classify``: accuracy, on how many studies, and whether it is suggested."""
        verdict = "suggested" if self.suggested else "not suggested until it beats the rules"
        return (
            f"model for {self.scheme}: {self.cv_accuracy:.0%} cross-validated on "
            f"{self.trained_on} confirmed studies (rules {self.rules_accuracy:.0%}); {verdict}"
        )


def status_of(model: Model) -> ModelStatus:
    """What a trained model is worth, for ``classify`` to print."""
    return ModelStatus(
        model.scheme.id, model.trained_on, model.cv_accuracy or 0.0, model.rules_accuracy or 0.0
    )


def study_records(project: Project, record_ids: Iterable[int]) -> dict[int, Record]:
    """record id -> Record, for the studies a screen, the rules or a model work on: each kept
    record filled from its duplicates (:func:`~reviewkit.dedup.merged_fields.filled_records`),
    as the reports read it, so that a study whose abstract only a duplicate has (PubMed's copy
    without it, Embase's with it) is not classified on its title alone."""
    return filled_records(project.db, list(record_ids))


def study_map(project: Project) -> dict[int, int]:
    """record id -> its study (the lowest id of the reports a person linked as one study), for
    the linked reports; any other record is a study of its own."""
    return study_of(sibling_reports(project.db))


def confirmed_labels(project: Project, scheme_id: str) -> dict[int, list[str]]:
    """record id -> the labels a person confirmed last, for one scheme."""
    rows = confirmed_rows(project.db, scheme_id)
    return {rid: [label for label, _ in batch] for rid, batch in rows.items()}


def train_model(
    project: Project,
    scheme: Scheme,
    records: Mapping[int, Record] | None = None,
    cache: ScoreCache | None = None,
) -> Model | None:
    """A model from the confirmed labels (with its cross-validated accuracy), or None while
    there are too few of them. ``records``: those already read (the others are read here);
    ``cache``: their rules' scores, shared with the caller (:func:`classify_project`)."""
    answers = {rid: labs for rid, labs in confirmed_labels(project, scheme.id).items() if labs}
    if not answers:
        return None
    known = records or {}
    recs = {rid: known[rid] for rid in answers if rid in known}
    recs.update(study_records(project, [rid for rid in answers if rid not in known]))
    return train(scheme, recs, answers, cache, study_map(project))


@dataclass
class ClassifyResult:
    """What one classify run suggested: (record id, scheme id) -> the rules' suggestions (or the
    label offered from another report of the study, method 'study') and the model's."""

    rules: dict[tuple[int, str], list[Suggestion]] = field(default_factory=dict)
    model: dict[tuple[int, str], list[Suggestion]] = field(default_factory=dict)
    models_trained: dict[str, int] = field(default_factory=dict)  # scheme -> confirmed studies used
    model_status: dict[str, ModelStatus] = field(default_factory=dict)
    written: int = 0  # suggestion batches stored (rules, model, study offers, withdrawals)
    # scheme id -> records (reports) that got a new or changed suggestion in this run
    renewed: dict[str, set[int]] = field(default_factory=dict)
    # record id -> its study, for reports a person linked as one study (others: their own)
    study: dict[int, int] = field(default_factory=dict)

    def counts(self) -> dict[tuple[str, str], int]:
        """(scheme, label) -> studies it is suggested for (by the rules, or offered from another
        report of the study); a tie counts once, as 'tie'. The reports of one study count once:
        under the labels offered from a confirmed report when there are any (as the reports
        take them), else under the labels the rules suggest for its reports."""
        out: dict[tuple[str, str], int] = {}
        for (sid, _), chosen in self._per_study().items():
            tied = any(s.tie for b in chosen for s in b)
            for lab in ["tie"] if tied else dict.fromkeys(s.label for b in chosen for s in b):
                out[(sid, lab)] = out.get((sid, lab), 0) + 1
        return out

    def tied_studies(self) -> dict[str, set[int]]:
        """scheme id -> the studies :meth:`counts` counts under 'tie' (the rules' ties, whether
        or not a person has confirmed a label since)."""
        out: dict[str, set[int]] = {}
        for (sid, study), chosen in self._per_study().items():
            if any(s.tie for b in chosen for s in b):
                out.setdefault(sid, set()).add(study)
        return out

    def _per_study(self) -> dict[tuple[str, int], list[list[Suggestion]]]:
        """(scheme, study) -> the suggestion batches that speak for the study: those offered
        from a confirmed report when there are any (as the reports take them), else the rules'
        for each of its reports."""
        per_study: dict[tuple[str, int], list[list[Suggestion]]] = {}
        for (rid, sid), sugg in self.rules.items():
            per_study.setdefault((sid, self.study.get(rid, rid)), []).append(sugg)
        return {
            key: [b for b in batches if b and b[0].method == "study"] or batches
            for key, batches in per_study.items()
        }

    def renewed_studies(self) -> dict[str, set[int]]:
        """scheme id -> the studies (not reports) that got a new or changed suggestion."""
        return {
            sid: {self.study.get(rid, rid) for rid in rids} for sid, rids in self.renewed.items()
        }

    def rows(self) -> list[dict]:
        """One row per record and scheme, for printing or CSV (its columns: ROW_COLUMNS)."""
        out = []
        for (rid, sid), sugg in sorted(self.rules.items()):
            model = self.model.get((rid, sid), [])
            out.append(
                {
                    "record_id": rid,
                    "scheme": sid,
                    "rules": "; ".join(s.label for s in sugg),
                    "suggested_by": sugg[0].method if sugg else "",
                    "score": "; ".join(f"{s.score:g}" for s in sugg),
                    "tie": "yes" if any(s.tie for s in sugg) else "",
                    "evidence": "; ".join(sorted({e.short() for s in sugg for e in s.evidence})),
                    "model": "; ".join(f"{s.label} ({s.score:.2f})" for s in model),
                }
            )
        return out


def _same(batch: list[label_rows.LabelRow], sugg: list[Suggestion]) -> bool:
    old = sorted((r.label, round(r.score or 0.0, 4), len(r.evidence)) for r in batch)
    new = sorted((s.label, round(s.score, 4), len(s.evidence_json())) for s in sugg)
    return old == new


def _store(project: Project, rid: int, sugg: list[Suggestion], method: str, current: dict) -> int:
    """Append a batch of suggestions under ``method`` unless it repeats the current one."""
    if rid in current and _same(current[rid], sugg):
        return 0
    label_rows.add_batch(
        project.db,
        rid,
        sugg[0].scheme,
        method,
        "suggested",
        [(s.label, s.score, s.evidence_json()) for s in sugg],
    )
    return 1


WITHDRAWN = {"withdrawn": "no other report of the study carries a confirmed label for it"}


def _withdraw(project: Project, rid: int, scheme_id: str, current: dict) -> int:
    """Withdraw a standing study offer (the log is append-only: a 'rejected' batch of its labels)."""
    batch = current.get(rid, [])
    if not batch or batch[0].status != "suggested":
        return 0
    label_rows.add_batch(
        project.db,
        rid,
        scheme_id,
        "study",
        "rejected",
        [(r.label, None, [WITHDRAWN]) for r in batch],
    )
    return 1


@dataclass(frozen=True)
class StudySuggestions:
    """For each record: the rules' suggestion on its whole study's evidence, and the labels
    persons confirmed on its sibling reports (method 'study'; empty when none)."""

    rules: dict[int, list[Suggestion]]
    offered: dict[int, list[Suggestion]]

    def best(self, rid: int) -> list[Suggestion]:
        """What the tool suggests in place of a person: the offer, else the rules."""
        return self.offered.get(rid) or self.rules[rid]


def _study_scores(
    records: Mapping[int, Record],
    rid: int,
    sibs: Sequence[int],
    scheme: Scheme,
    cache: ScoreCache | None = None,
) -> list[LabelScore]:
    """The rules' label scores of a record on the evidence of its whole study (a record
    without other reports: its own scores, from ``cache`` when the model scored it)."""
    if not sibs:
        return rule_scores(scheme, [records[rid]], cache)[0]
    return score_labels(records[rid], scheme, {report_name(s): records[s] for s in sibs})


def _offer(
    scheme: Scheme,
    rid: int,
    sibs: Sequence[int],
    confirmed: Mapping[int, Sequence[tuple[str, str]]],
) -> list[Suggestion]:
    """The labels offered from a record's sibling reports (none once a person confirmed it)."""
    return [] if confirmed.get(rid) else offer_from_siblings(scheme.id, sibs, confirmed)


def study_suggestions(
    project: Project,
    scheme: Scheme,
    record_ids: Iterable[int],
    known: Mapping[int, Record] | None = None,
    cache: ScoreCache | None = None,
) -> StudySuggestions:
    """The rules on the evidence of each record's whole study and the labels offered from its
    sibling reports (:mod:`.studies`); a record a person confirmed is offered nothing.
    ``known``: records already read; ``cache``: their rules' scores (:func:`classify_project`)."""
    ids = list(record_ids)
    siblings = sibling_reports(project.db)
    wanted = set(ids) | {s for rid in ids for s in siblings.get(rid, ())}
    known = known or {}
    records = {rid: known[rid] for rid in wanted if rid in known}
    records.update(study_records(project, sorted(wanted - set(records))))
    confirmed = confirmed_rows(project.db, scheme.id, wanted) if siblings else {}
    out = StudySuggestions({}, {})
    for rid in ids:
        sibs = siblings.get(rid, ())
        offer = _offer(scheme, rid, sibs, confirmed)
        if offer:
            out.offered[rid] = offer
        out.rules[rid] = choose(scheme, _study_scores(records, rid, sibs, scheme, cache))
    return out


class StudyRules:
    """The rules on one study at a time, for a screen that redraws it often (``confirm``).

    Each study's label scores, on the evidence of all its reports, are computed once (the
    costly part: every term of every label on every field), and again only when its study
    links change; the labels persons confirmed on its other reports are read anew each time,
    as the reviewer may just have confirmed one.
    """

    def __init__(self, project: Project, scheme: Scheme) -> None:
        self.project = project
        self.scheme = scheme
        self._scores: dict[tuple[int, tuple[int, ...]], list[LabelScore]] = {}

    def of(self, rid: int) -> tuple[list[LabelScore], list[Suggestion]]:
        """A record's label scores on its study's evidence, and what the tool suggests in
        place of a person (as :meth:`StudySuggestions.best`)."""
        db = self.project.db
        sibs = sibling_reports(db).get(rid, ())
        key = (rid, sibs)
        if key not in self._scores:
            records = study_records(self.project, [rid, *sibs])
            self._scores[key] = _study_scores(records, rid, sibs, self.scheme)
        scores = self._scores[key]
        confirmed = confirmed_rows(db, self.scheme.id, [rid, *sibs]) if sibs else {}
        return scores, _offer(self.scheme, rid, sibs, confirmed) or choose(self.scheme, scores)


def classify_project(
    project: Project,
    record_ids: Iterable[int],
    scheme_ids: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ClassifyResult:
    """Suggest labels for the given studies (canonical ids) and store them.

    Reports linked into one study are classified as the study (:func:`study_suggestions`). A
    study whose suggestion has not changed since the last run gets no new row. The model's
    suggestion is made only while it beats the rules on the confirmed studies.
    """
    protocol = project.protocol
    schemes = [protocol.scheme(s) for s in (scheme_ids or protocol.schemes)]
    ids = list(record_ids)
    records = study_records(project, ids)  # each filled from its duplicates, as reports read it
    result = ClassifyResult(study=study_map(project))
    for scheme in schemes:
        # each record's rules scored once per scheme: for the model's training, its
        # suggestions and the rules' own suggestion of a study of one report
        cache: ScoreCache = {}
        model = train_model(project, scheme, records, cache)
        if model is not None:
            result.models_trained[scheme.id] = model.trained_on
            result.model_status[scheme.id] = status_of(model)
            if not model.beats_rules:
                model = None
        cur = {
            m: label_rows.current(project.db, scheme.id, m, ids)
            for m in ("rules", "model", "study")
        }
        found = study_suggestions(project, scheme, ids, records, cache)
        for n, rid in enumerate(ids, start=1):
            result.rules[(rid, scheme.id)] = found.best(rid)
            written = _store(project, rid, found.rules[rid], "rules", cur["rules"])
            if rid in found.offered:
                written += _store(project, rid, found.offered[rid], "study", cur["study"])
            else:
                written += _withdraw(project, rid, scheme.id, cur["study"])
            if model is not None:
                msugg = model.suggest(records[rid])
                result.model[(rid, scheme.id)] = msugg
                written += _store(project, rid, msugg, "model", cur["model"])
            result.written += written
            if written:
                result.renewed.setdefault(scheme.id, set()).add(rid)
            if progress:
                progress(n, len(ids))
    return result


@dataclass(frozen=True)
class Assigned:
    """The labels a study carries in reports: confirmed by a person, or else the tool's
    suggestion; ``method`` says whose word they are ('person', 'study' for a label confirmed on
    another report of the study, 'rules', or '' for a study never classified)."""

    labels: tuple[str, ...]
    confirmed: bool
    reviewer: str = ""
    method: str = ""

    @property
    def status(self) -> str:
        """Whose word the labels are, in the words of the report tables and evidence map: a
        confirmation names its reviewer ('confirmed by ann'), as the confirm screen and
        ``label`` do, so a published table says who vouched for each label."""
        if self.confirmed:
            return f"confirmed by {self.reviewer}" if self.reviewer else "confirmed"
        return STATUS_WORDS.get(self.method, "suggested")


def assigned_labels(
    project: Project, scheme_id: str, record_ids: Iterable[int]
) -> dict[int, Assigned]:
    """record id -> its labels for a scheme: a person's confirmation, else a label offered from
    a sibling report, else the rules' suggestion (studies never classified get "none").

    A suggestion of a label the protocol no longer has (its id renamed or the label removed
    after classify ran) is stale, as if never made, until classify runs again: the report put
    the study in no table and the map in a row of the old id. Confirmations cannot be stale:
    a protocol that drops a confirmed label is refused (:mod:`reviewkit.protocol_in_use`)."""
    scheme = project.protocol.scheme(scheme_id)
    known = {*scheme.label_ids, none_id(scheme)}
    ids = list(record_ids)
    current = {m: label_rows.current(project.db, scheme_id, m, ids) for m in METHOD_ORDER}
    out = {}
    for rid in ids:
        out[rid] = Assigned((none_id(scheme),), False)
        for method in METHOD_ORDER:
            wanted = "confirmed" if method == "person" else "suggested"
            rows = [r for r in current[method].get(rid, []) if r.status == wanted]
            if method != "person" and any(r.label not in known for r in rows):
                continue
            if rows:
                reviewer = rows[0].reviewer if method == "person" else ""
                out[rid] = Assigned(
                    tuple(r.label for r in rows), method == "person", reviewer, method
                )
                break
    return out


def _none_alone(scheme: Scheme, record_id: int, chosen: list[str]) -> None:
    """Refuse the none answer beside a label: a study with a label is not "none of these"
    (the confirm screen never ticks both; the label command stored both). A coexisting topic
    (:func:`allowed_together`) stands beside a label, not beside none: the rules suggest a
    topic alone when no other label has evidence, and 'gp,none' counted the study twice."""
    none = none_id(scheme)
    others = [lab for lab in chosen if lab != none]
    if none in chosen and others:
        raise UserError(
            f"study {record_id}: {scheme.id}={','.join(chosen)} gives {none!r} (none of these)"
            f" beside {', '.join(repr(lab) for lab in others)}",
            hint=f"give the labels alone ({scheme.id}={','.join(others)}),"
            f" or {scheme.id}={none} for none of them",
        )


def confirm(
    project: Project, record_id: int, scheme_id: str, labels: Iterable[str], reviewer: str
) -> bool:
    """Record a person's labels for a study and scheme (replaces their earlier answer).

    False when nothing was stored: the newest confirmation is already these labels by this
    reviewer (the same command run twice; the log gains no second, equal batch)."""
    scheme = project.protocol.scheme(scheme_id)
    chosen = list(dict.fromkeys(labels))
    valid = scheme.label_ids + (
        (none_id(scheme),) if none_id(scheme) not in scheme.label_ids else ()
    )
    for lab in chosen:
        if lab not in valid:
            raise UserError(
                f"scheme {scheme_id!r} has no label {lab!r}", hint=f"known: {', '.join(valid)}"
            )
    if not chosen:  # 'label 7 model-type=': the label after '=' left out
        raise UserError("no label given", hint=f"scheme {scheme_id!r} has: {', '.join(valid)}")
    if not allowed_together(scheme, chosen):
        raise UserError(
            f"scheme {scheme_id!r} takes one label per study, not {len(chosen)}",
            hint="topic labels may stand beside one other label when the scheme's topic_rule is 'coexist'"
            if scheme.topic_rule == "coexist"
            else "",
        )
    _none_alone(scheme, record_id, chosen)
    if not reviewer.strip():
        raise UserError("a confirmation needs a reviewer name", hint="pass --reviewer NAME")
    try:
        record_rows.get_record(project.db, record_id)
    except KeyError:
        raise no_record(record_id) from None
    last = confirmed_rows(project.db, scheme_id, [record_id]).get(record_id)
    if last and {(lab, reviewer) for lab in chosen} == set(last) and len(last) == len(chosen):
        return False
    label_rows.add_batch(
        project.db,
        record_id,
        scheme_id,
        "person",
        "confirmed",
        [(lab, None, []) for lab in chosen],
        reviewer=reviewer,
    )
    return True
