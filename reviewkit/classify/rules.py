"""The protocol's rules: score each label from its evidence, then choose as the scheme says.

Scoring, per label: one stretch of words is evidence once, for the longest term that matches
it (of any label); every distinct term found adds its weight once, multiplied by the weight of
the best place it was found (the title counts double, the population and intervention sections
of a structured abstract 1.5, its background 0.5; see :mod:`reviewkit.classify.terms`); every
negative term subtracts its weight the same way. MeSH headings and publication types the label
names count like terms found in those places.

A label *has evidence* when its score reaches the scheme's ``threshold`` and the plain weights of
its distinct terms add up to ``min_evidence``: one weak word (weight 0.5) does not suggest a label
alone, however often or prominently it is found.

Choosing, per scheme:

* A **combination label** (``combines = [...]``) has evidence when at least ``min_combined`` of
  the labels it names have evidence (all of them when 0), or when its own terms do (they name
  the combination: "mental or musculoskeletal disorders"). It then takes the place of those
  labels, with their scores added to its own: a review of mental and
  musculoskeletal disorders is "mixed", a team with a coordinator is "team-coordinator".
* **Topic labels** (``topic = true``) stand beside the others as ``topic_rule`` says: they compete
  like any label, coexist (suggested beside the best other label), take precedence (suggested
  instead of the others when they have evidence), or serve as a fallback.
* Single-label schemes suggest the best label; a tie on score is broken by the number of places
  the evidence was found; a tie on both gives every tied label, each flagged ``tie``.
  Multi-label schemes suggest every label with evidence.
* With no evidence for any label the answer is ``fallback_label`` (flagged ``fallback``) or the
  scheme's "none of these" label.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

from reviewkit.classify.actors import contacted_parties
from reviewkit.classify.alternatives import one_of_alternatives, one_role
from reviewkit.classify.bearers import cost_bearers
from reviewkit.classify.durations import duration_evidence
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field, record_fields
from reviewkit.classify.followups import follow_up_evidence
from reviewkit.classify.headings import find_headings
from reviewkit.classify.places import place_factor
from reviewkit.classify.recipients import received_by_others
from reviewkit.classify.reported import reported_arms
from reviewkit.classify.shares import share_evidence
from reviewkit.classify.term_syntax import distinct_terms, drop_recounted_words
from reviewkit.classify.terms import find_term
from reviewkit.classify.untested import tests_no_intervention
from reviewkit.protocol import Label, Scheme
from reviewkit.records import Record


@dataclass
class LabelScore:
    """One label's rule score, evidence and whether it has enough evidence to be suggested."""

    label: str
    score: float
    evidence: list[Evidence]
    base: float = 0.0  # the plain weights of its distinct terms, before place factors
    passes: bool = False
    combined: tuple[str, ...] = ()  # for a combination label: the labels whose evidence it joins
    # enough for the threshold, held back: one plain mention in a study that tests no
    # intervention (``none_if_untested``), said so on the confirm screen
    untested: bool = False


@dataclass
class Suggestion:
    """A suggested label for one scheme, with its score and why."""

    scheme: str
    label: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    method: str = "rules"
    tie: bool = False
    fallback: bool = False

    def evidence_json(self) -> list[dict]:
        """The evidence as stored with a label row, with a tie or fallback flag appended."""
        items = [asdict(e) for e in self.evidence]
        for item in items:  # evidence from the record itself names no report (as stored before)
            del item["span"], item["language"]
            if not item["report"]:
                del item["report"]
        if self.tie:
            items.append({"tie": True})
        if self.fallback:
            items.append({"fallback": True})
        return items


def none_id(scheme: Scheme) -> str:
    """The id of the scheme's "none of these" answer ('none' when the protocol names none)."""
    return scheme.none_id


def reading(scheme: Scheme) -> bool | str:
    """How the scheme reads its terms' matches (:func:`~reviewkit.classify.readings.kept`): a
    scheme of what was measured, or of what kind of study a record is, reads both arms; one of
    what the study did reads its own study's sentences, the tested arm."""
    if scheme.measures:
        return "measures"
    return "study" if scheme.study_kind else "did" if scheme.study_did else False


def _label_evidence(
    lab: Label, fields: list[Field], record: Record, report: str, scheme: Scheme
) -> list[Evidence]:
    evidence = []
    terms = distinct_terms(lab.terms)
    arm = reading(scheme)
    tested = scheme.tested  # of what the intervention was: not what a sentence says was measured
    own = scheme.instruments  # the protocol's instruments: beside them, health words are measured
    for term in terms:
        found = find_term(term, fields, lab.id, arm=arm, tested=tested, instruments=own)
        evidence += drop_recounted_words(term, found, terms)
    for term in distinct_terms(lab.negative_terms):
        evidence += find_term(
            term, fields, lab.id, negative=True, arm=arm, tested=tested, instruments=own
        )
    if lab.mesh:
        evidence += find_headings(lab.mesh, record.mesh_terms, "mesh", lab.id)
    if lab.publication_types:
        evidence += find_headings(
            lab.publication_types, record.publication_types, "publication-type", lab.id
        )
    return [replace(e, report=report) for e in evidence] if report else evidence


def longest_spans(
    evidence: list[Evidence], order: dict[str, int], multi_label: bool = False
) -> list[Evidence]:
    """The evidence with each stretch of words counted once: where the words two terms found
    overlap, the longer match wins ("neck pain" over "neck"; "back pain" over chronic pain's
    "pain"; "low back" and "back pain" on "low back pain" are one sign), so one phrase is one
    sign, not two or three.

    Two matches of the same words (synonyms of one label, "sick* certification" and "sickness
    certificat*" on "sickness certification") are one sign too: the heavier term keeps it, and
    of equal weights the one listed first. The same words found for two labels both stay: the
    protocol gave them to both. In a ``multi_label`` scheme two labels' matches that only
    share some words, neither inside the other, both stay too: each label is its own question
    there, and "a stepwise return-to-work plan" is a plan and a return in steps, where a
    single-label scheme needs one sign. Negative terms, MeSH headings and publication types
    are left as they are (``order``: label id -> its place in the protocol).
    """
    words = [e for e in evidence if e.span is not None and not e.negative]
    ranked = sorted(
        range(len(words)),
        key=lambda k: (
            -(words[k].span[2] - words[k].span[1]),  # type: ignore[index]
            -words[k].weight,
            order.get(words[k].label, 0),
            k,
        ),
    )
    kept: dict[tuple[str, int], list[Evidence]] = {}
    dropped: set[int] = set()
    for k in ranked:
        e = words[k]
        n, start, end = e.span  # type: ignore[misc]
        for other in kept.get((e.report, n), ()):
            _, o_start, o_end = other.span  # type: ignore[misc]
            if start >= o_end or end <= o_start:
                continue
            same_words = (start, end) == (o_start, o_end)
            inside = o_start <= start and end <= o_end
            if multi_label and other.label != e.label and not inside:
                continue  # a chain of two labels' phrases: each is its own label's sign
            if not same_words or other.label == e.label:
                dropped.add(id(e))
                break
        else:
            kept.setdefault((e.report, n), []).append(e)
    return [e for e in evidence if id(e) not in dropped]


def _score(lab: Label, evidence: list[Evidence], scheme: Scheme) -> LabelScore:
    """A label's score and plain weight from its evidence: each distinct term once, at its best
    place; negative terms subtract.

    One stretch of words is evidence once (:func:`longest_spans`,
    applied first): where two terms' matches overlap, the longer wins ("neck pain" over "neck"),
    and two synonyms on the same words ("sick* certification" and "sickness certificat*" on
    "sickness certification") are one sign. A compound pattern and a plain word of the label
    ("*team" and "team") are one sign at the plain word's weight:
    :func:`~reviewkit.classify.term_syntax.drop_recounted_words`. (Spellings of one word, "policy"
    and "policies", are one term: :func:`~reviewkit.classify.term_syntax.distinct_terms`.)
    """
    best: dict[tuple[str, bool], tuple[float, float]] = {}  # (term, negative) -> (weight, factor)
    for e in evidence:
        key = (e.term, e.negative)
        factor = place_factor(e.where, scheme.measures, e.aim)
        factor = max(factor, best.get(key, (0.0, 0.0))[1])
        best[key] = (e.weight, factor)
    score = sum((-w if neg else w) * f for (_, neg), (w, f) in best.items())
    base = sum(w for (_, neg), (w, _) in best.items() if not neg)
    score, base = round(score, 6), round(base, 6)
    passes = score >= scheme.threshold and base >= scheme.min_evidence and score > 0
    return LabelScore(lab.id, score, evidence, base, passes)


def strongest_terms(evidence: list[Evidence]) -> list[Evidence]:
    """One piece of evidence per term, at its strongest place (weight times the place's
    factor, as the score counts it: :func:`_score`), strongest first; terms that speak
    against the label after those for it. A term found in the title and four sections is one
    sign, so a list that shows a few terms shows different ones (`confirm`'s "why")."""
    best: dict[tuple[str, bool], tuple[float, int, Evidence]] = {}
    for n, e in enumerate(evidence):
        key = (e.term, e.negative)
        strength = e.weight * place_factor(e.where, aim=e.aim)
        if key not in best or strength > best[key][0]:
            best[key] = (strength, n, e)
    ranked = sorted(best.items(), key=lambda kv: (kv[0][1], -kv[1][0], kv[1][1]))
    return [e for _, (_, _, e) in ranked]


def _kinds(lab: Label, parts: list[str]) -> int:
    """How many of a combination's labels with evidence count towards ``min_combined``: the
    labels of one ``count_as_one`` group count once (Review A's musculoskeletal and chronic pain
    are one kind of condition, pain, so together they are not "several conditions")."""
    kinds = set()
    for part in parts:
        group = next((g for g in lab.count_as_one if part in g), (part,))
        kinds.add(group)
    return len(kinds)


def score_labels(
    record: Record, scheme: Scheme, siblings: Mapping[str, Record] | None = None
) -> list[LabelScore]:
    """Every label of the scheme with its rule score and evidence, in protocol order.

    ``siblings`` are the other reports of the record's study (name -> record), from confirmed
    study links: their evidence counts as the record's own, each distinct term once at its best
    place, so a follow-up that says only "two-year follow-up" is scored as its trial is.
    A combination label that has evidence through the labels it names carries their scores and
    evidence added to its own, and names them in ``combined``. Another label's contact ("the
    coordinator contacted the employer") is no evidence (:mod:`reviewkit.classify.actors`),
    except in a scheme of whom the study included (``population``).
    """
    reports = [("", record, record_fields(record))]
    reports += [(name, r, record_fields(r)) for name, r in (siblings or {}).items()]
    found = [
        e
        for lab in scheme.labels
        for name, r, f in reports
        for e in _label_evidence(lab, f, r, name, scheme)
    ]
    # a duration written in the text, for labels of a range of weeks: the population's, or
    # the study's follow-up where the scheme asks for that
    durations = follow_up_evidence if scheme.duration_kind == "follow-up" else duration_evidence
    found += [replace(e, report=name) for name, _, f in reports for e in durations(scheme, f)]
    # a share of one kind of participant ("59% were male"): the combination's evidence
    found += [
        replace(e, report=name)
        for name, _, f in reports
        for e in share_evidence(scheme, f, reading(scheme))
    ]
    order = {lab.id: i for i, lab in enumerate(scheme.labels)}
    found = longest_spans(found, order, scheme.multi_label)
    texts = {(name, n): fl.text for name, _, f in reports for n, fl in enumerate(f)}
    found = one_of_alternatives(found, texts)
    found = one_role(found, texts)
    # the party a person contacts is not an actor; in a scheme of whom, it is the population
    if not scheme.population:
        found = contacted_parties(found, texts)
    found = received_by_others(found, texts)  # a weak word another label's person receives
    found = cost_bearers(found, texts)  # "costly for employers": who pays is not an actor
    # a comparator named again; a scheme of what was measured or of the study's kind reads both
    if not (scheme.measures or scheme.study_kind):
        found = reported_arms(scheme.labels, found, [f for _, _, f in reports])
    scores = {
        lab.id: _score(lab, [e for e in found if e.label == lab.id], scheme)
        for lab in scheme.labels
    }
    if scheme.none_if_untested and tests_no_intervention([fl for _, _, f in reports for fl in f]):
        scores = {k: _beyond_a_mention(s, scheme) for k, s in scores.items()}
    for lab in scheme.labels:
        if not lab.combines:
            continue
        parts = [scores[c] for c in dict.fromkeys(lab.combines) if scores[c].passes]
        need = lab.min_combined or len(set(lab.combines))
        if _kinds(lab, [p.label for p in parts]) >= need:
            own = scores[lab.id]
            scores[lab.id] = LabelScore(
                lab.id,
                round(max(own.score, 0.0) + sum(p.score for p in parts), 6),
                own.evidence + [e for p in parts for e in p.evidence],
                round(own.base + sum(p.base for p in parts), 6),
                True,
                tuple(p.label for p in parts),
            )
    return [scores[lab.id] for lab in scheme.labels]


def _beyond_a_mention(score: LabelScore, scheme: Scheme) -> LabelScore:
    """A label, in a study that tests no intervention (:mod:`~reviewkit.classify.untested`),
    of a scheme that reads it (``none_if_untested``): evidence only above the threshold, not
    one plain mention in the abstract's body ("the note seldom reaches the employer"); a term
    in the title or the methods, or a second sign, is above it."""
    held = score.passes and score.score <= scheme.threshold
    return replace(score, passes=score.passes and not held, untested=held)


def _best(scheme: Scheme, pool: list[LabelScore]) -> list[Suggestion]:
    if scheme.multi_label:
        pool = sorted(pool, key=lambda s: (-s.score, -len(s.evidence)))
        return [Suggestion(scheme.id, s.label, s.score, s.evidence) for s in pool]
    best = max((s.score, len(s.evidence)) for s in pool)
    top = _one_kind(scheme, [s for s in pool if (s.score, len(s.evidence)) == best])
    return [Suggestion(scheme.id, s.label, s.score, s.evidence, tie=len(top) > 1) for s in top]


def _one_kind(scheme: Scheme, top: list[LabelScore]) -> list[LabelScore]:
    """A tie between labels of one ``count_as_one`` group goes to the one listed first: they
    name one kind of condition, and the protocol lists first the label that names it when both
    do (Review A: low back pain in a pain programme is musculoskeletal, not a tie with chronic
    pain)."""
    tied = {s.label for s in top}
    if len(tied) < 2:
        return top
    for group in (g for lab in scheme.labels for g in lab.count_as_one):
        if tied <= set(group):
            first = next(g for g in group if g in tied)
            return [s for s in top if s.label == first]
    return top


def choose(scheme: Scheme, scores: list[LabelScore]) -> list[Suggestion]:
    """The suggestion(s) the scheme's rules make from the labels' scores; never empty."""
    passing = [s for s in scores if s.passes]
    parts = {lab.id: lab.combines for lab in scheme.labels}
    joined = {c for s in passing for c in parts[s.label]}
    passing = [s for s in passing if s.label not in joined]  # a combination replaces its parts
    topics = {lab.id for lab in scheme.labels if lab.topic}
    rule = scheme.topic_rule if topics else "compete"
    main = [s for s in passing if rule == "compete" or s.label not in topics]
    side = [s for s in passing if rule != "compete" and s.label in topics]
    if rule == "precedence" and side:
        main, side = side, []
    elif rule == "fallback":
        main, side = main or side, []
    if not main and not side:
        if scheme.fallback_label:
            return [Suggestion(scheme.id, scheme.fallback_label, 0.0, fallback=True)]
        return [Suggestion(scheme.id, none_id(scheme), 0.0)]
    out = _best(scheme, main) if main else []
    if side:  # coexist: every topic with evidence beside the main answer
        out += _best(replace(scheme, multi_label=True), side)
    return out


def suggest(
    record: Record, scheme: Scheme, siblings: Mapping[str, Record] | None = None
) -> list[Suggestion]:
    """The rules' suggestion(s) for one record (with the other reports of its study, if any)
    and scheme; never empty ("none of these")."""
    return choose(scheme, score_labels(record, scheme, siblings))


def allowed_together(scheme: Scheme, labels: list[str]) -> bool:
    """Whether one study may carry these labels at once in the scheme."""
    if len(labels) <= 1 or scheme.multi_label:
        return True
    if scheme.topic_rule != "coexist":
        return False
    topics = {lab.id for lab in scheme.labels if lab.topic}
    return sum(1 for lab in labels if lab not in topics) <= 1
