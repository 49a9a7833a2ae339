"""Classify studies with the protocol's schemes: transparent rules, then a learnt model.

Rules come only from the protocol: each label's signal terms (English ``terms`` and Norwegian
``terms_no``), their weights, and ``negative_terms``. A term is a word or a phrase; ``*``
truncates (``depress*``); spaces and hyphens in a term match spaces, hyphens or nothing
between words (``burn-out`` finds "burnout"), and Scandinavian letters also match their ASCII
spellings (``sykefravær`` finds "sykefravaer"). Matching ignores case.

Scoring, per label: every distinct term found adds its weight once, twice when it is found in
the title; every negative term found subtracts its weight the same way. A label is suggested
when its score reaches the scheme's threshold. Multi-label schemes get every such label;
single-label schemes get the best one; a tie on score is broken by the number of places the
label's terms were found, and a tie on both gives every tied label, each flagged ``tie``. When
no label reaches the threshold the answer is the scheme's "none of these" label.

Suggestions are stored as labels with status 'suggested' (method 'rules' or 'model') and stay
suggestions until a person confirms them (status 'confirmed', method 'person'). Once people
have confirmed at least ``MODEL_MIN_PER_LABEL`` studies for at least ``MODEL_MIN_LABELS``
labels, a TF-IDF + logistic-regression model adds its own suggestion, explained by the terms
that weighed most for it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from reviewkit import outputs
from reviewkit.errors import UserError
from reviewkit.formats import csv_format
from reviewkit.formats.text import read_text
from reviewkit.project import Project
from reviewkit.protocol import Protocol, Scheme, SignalTerm
from reviewkit.records import Record, plain_abstract
from reviewkit.store import labels as label_rows
from reviewkit.store import records as record_rows

MODEL_MIN_PER_LABEL = 2
MODEL_MIN_LABELS = 2
TITLE_FACTOR = 2.0

# --- term matching ---------------------------------------------------------------------------

_LETTER_VARIANTS = {
    "æ": "(?:æ|ae|ä)",
    "ø": "(?:ø|oe|o|ö)",
    "å": "(?:å|aa|a)",
    "ä": "(?:ä|ae|æ|a)",
    "ö": "(?:ö|oe|o|ø)",
    "é": "[ée]",
    "ü": "(?:ü|ue|u)",
}
_SPACE = r"[\s\-‐–/]+"
_HYPHEN = r"[\s\-‐–]*"


@lru_cache(maxsize=4096)
def compile_term(text: str) -> re.Pattern[str]:
    """Regular expression for one signal term (see the module docstring for the syntax)."""
    term = text.strip().strip('"').strip()
    parts: list[str] = []
    i = 0
    while i < len(term):
        ch = term[i]
        if ch.isspace():
            while i + 1 < len(term) and term[i + 1].isspace():
                i += 1
            parts.append(_SPACE)
        elif ch in "-‐–":
            # 'muskel- og' : a hyphen next to a space is part of the space
            next_is_space = i + 1 < len(term) and term[i + 1].isspace()
            if not (parts and parts[-1] == _SPACE) and not next_is_space:
                parts.append(_HYPHEN)
        elif ch == "*":
            parts.append(r"\w*")
        elif ch.lower() in _LETTER_VARIANTS:
            parts.append(_LETTER_VARIANTS[ch.lower()])
        else:
            parts.append(re.escape(ch))
        i += 1
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """One place a term was found: the term, where ('title', 'abstract:METHODS', 'keywords',
    'mesh'), the text it matched, the label it speaks for and whether it speaks against it."""

    label: str
    term: str
    where: str
    text: str
    weight: float
    negative: bool = False


def record_fields(record: Record) -> list[tuple[str, str]]:
    """(where, text) for every searchable part of a record."""
    out = [("title", record.title)]
    for s in record.abstract_sections:
        out.append((f"abstract:{s.label}" if s.label else "abstract", s.text))
    out += [("keywords", k) for k in record.keywords]
    out += [("mesh", m) for m in record.mesh_terms]
    return [(w, t) for w, t in out if t]


def find_term(
    term: SignalTerm, fields: list[tuple[str, str]], label: str, negative: bool = False
) -> list[Evidence]:
    pattern = compile_term(term.text)
    return [
        Evidence(label, term.text, where, m.group(0), term.weight, negative)
        for where, text in fields
        for m in pattern.finditer(text)
    ]


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class LabelScore:
    label: str
    score: float
    evidence: list[Evidence]


@dataclass
class Suggestion:
    """A suggested label for one scheme, with its score and why."""

    scheme: str
    label: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    method: str = "rules"
    tie: bool = False

    def evidence_json(self) -> list[dict]:
        items = [asdict(e) for e in self.evidence]
        if self.tie:
            items.append({"tie": True})
        return items


def none_id(scheme: Scheme) -> str:
    """The id of the scheme's "none of these" answer ('none' when the protocol names none)."""
    return scheme.none_label or "none"


def score_labels(record: Record, scheme: Scheme) -> list[LabelScore]:
    """Every label of the scheme with its rule score and evidence, in protocol order."""
    fields = record_fields(record)
    out = []
    for lab in scheme.labels:
        score, evidence = 0.0, []
        for terms, sign, negative in ((lab.terms, 1.0, False), (lab.negative_terms, -1.0, True)):
            for term in terms:
                hits = find_term(term, fields, lab.id, negative)
                if hits:
                    factor = TITLE_FACTOR if any(h.where == "title" for h in hits) else 1.0
                    score += sign * term.weight * factor
                    evidence += hits
        out.append(LabelScore(lab.id, round(score, 6), evidence))
    return out


def suggest(record: Record, scheme: Scheme) -> list[Suggestion]:
    """The rules' suggestion(s) for one record and scheme; never empty ("none of these")."""
    scores = score_labels(record, scheme)
    passing = [s for s in scores if s.score >= scheme.threshold]
    if not passing:
        return [Suggestion(scheme.id, none_id(scheme), 0.0)]
    if scheme.multi_label:
        passing.sort(key=lambda s: (-s.score, -len(s.evidence)))
        return [Suggestion(scheme.id, s.label, s.score, s.evidence) for s in passing]
    best = max((s.score, len(s.evidence)) for s in passing)
    top = [s for s in passing if (s.score, len(s.evidence)) == best]
    return [Suggestion(scheme.id, s.label, s.score, s.evidence, tie=len(top) > 1) for s in top]


# --- the learnt model ------------------------------------------------------------------------


def record_text(record: Record) -> str:
    return " ".join(
        [record.title, record.abstract, " ".join(record.keywords), " ".join(record.mesh_terms)]
    )


@dataclass
class Model:
    """One-vs-rest logistic regressions on TF-IDF features, one per label with enough examples."""

    scheme: Scheme
    vectorizer: object
    classifiers: dict[str, object]
    trained_on: int

    def suggest(self, record: Record, top_terms: int = 6) -> list[Suggestion]:
        x = self.vectorizer.transform([record_text(record)])
        names = self.vectorizer.get_feature_names_out()
        probs = {lab: float(clf.predict_proba(x)[0][1]) for lab, clf in self.classifiers.items()}
        if self.scheme.multi_label:
            chosen = [lab for lab, p in probs.items() if p >= 0.5] or [none_id(self.scheme)]
        else:
            chosen = [max(probs, key=lambda lab: (probs[lab], lab))]
        out = []
        for lab in chosen:
            evidence = []
            clf = self.classifiers.get(lab)
            if clf is not None:
                row = x.tocoo()
                contrib = sorted(
                    (
                        (float(clf.coef_[0][j] * v), names[j])
                        for j, v in zip(row.col, row.data, strict=True)
                    ),
                    reverse=True,
                )
                evidence = [
                    Evidence(lab, term, "model", term, round(w, 4))
                    for w, term in contrib[:top_terms]
                    if w > 0
                ]
            out.append(
                Suggestion(
                    self.scheme.id, lab, round(probs.get(lab, 0.0), 4), evidence, method="model"
                )
            )
        return out


def confirmed_labels(project: Project, scheme_id: str) -> dict[int, list[str]]:
    """record id -> the labels a person confirmed last, for one scheme."""
    rows = label_rows.current(project.db, scheme_id, "person")
    return {rid: [r.label for r in batch if r.status == "confirmed"] for rid, batch in rows.items()}


def train_model(project: Project, scheme: Scheme) -> Model | None:
    """A model from the confirmed labels, or None while there are too few of them."""
    confirmed = {rid: labs for rid, labs in confirmed_labels(project, scheme.id).items() if labs}
    counts: dict[str, int] = {}
    for labs in confirmed.values():
        for lab in labs:
            counts[lab] = counts.get(lab, 0) + 1
    eligible = sorted(lab for lab, n in counts.items() if n >= MODEL_MIN_PER_LABEL)
    if len(eligible) < MODEL_MIN_LABELS:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    records = record_rows.get_records(project.db, confirmed)
    ids = sorted(records)
    vectorizer = TfidfVectorizer(
        sublinear_tf=True, ngram_range=(1, 2), min_df=1, stop_words="english"
    )
    x = vectorizer.fit_transform([record_text(records[rid]) for rid in ids])
    classifiers = {}
    for lab in eligible:
        y = [1 if lab in confirmed[rid] else 0 for rid in ids]
        if 0 < sum(y) < len(y):
            classifiers[lab] = LogisticRegression(C=10.0, max_iter=1000).fit(x, y)
    if len(classifiers) < MODEL_MIN_LABELS and not scheme.multi_label:
        return None
    return Model(scheme, vectorizer, classifiers, len(ids)) if classifiers else None


# --- running over a project ------------------------------------------------------------------


@dataclass
class ClassifyResult:
    """What one classify run suggested: (record id, scheme id) -> rule and model suggestions."""

    rules: dict[tuple[int, str], list[Suggestion]] = field(default_factory=dict)
    model: dict[tuple[int, str], list[Suggestion]] = field(default_factory=dict)
    models_trained: dict[str, int] = field(default_factory=dict)  # scheme -> confirmed studies used
    written: int = 0

    def rows(self) -> list[dict]:
        """One row per record and scheme, for printing or CSV."""
        out = []
        for (rid, sid), sugg in sorted(self.rules.items()):
            model = self.model.get((rid, sid), [])
            out.append(
                {
                    "record_id": rid,
                    "scheme": sid,
                    "rules": "; ".join(s.label for s in sugg),
                    "score": "; ".join(f"{s.score:g}" for s in sugg),
                    "tie": "yes" if any(s.tie for s in sugg) else "",
                    "evidence": "; ".join(
                        sorted({f"{e.term}@{e.where}" for s in sugg for e in s.evidence})
                    ),
                    "model": "; ".join(f"{s.label} ({s.score:.2f})" for s in model),
                }
            )
        return out


def _same(batch: list[label_rows.LabelRow], sugg: list[Suggestion]) -> bool:
    old = sorted((r.label, round(r.score or 0.0, 4), len(r.evidence)) for r in batch)
    new = sorted((s.label, round(s.score, 4), len(s.evidence_json())) for s in sugg)
    return old == new


def _store(project: Project, rid: int, sugg: list[Suggestion], method: str, current: dict) -> int:
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


def classify_project(
    project: Project,
    record_ids: Iterable[int],
    scheme_ids: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ClassifyResult:
    """Suggest labels for the given studies (canonical ids) and store them.

    A study whose suggestion has not changed since the last run gets no new row.
    """
    protocol = project.protocol
    schemes = [protocol.scheme(s) for s in (scheme_ids or protocol.schemes)]
    ids = list(record_ids)
    records = record_rows.get_records(project.db, ids)
    result = ClassifyResult()
    for scheme in schemes:
        model = train_model(project, scheme)
        if model is not None:
            result.models_trained[scheme.id] = model.trained_on
        cur_rules = label_rows.current(project.db, scheme.id, "rules", ids)
        cur_model = label_rows.current(project.db, scheme.id, "model", ids)
        for n, rid in enumerate(ids, start=1):
            rec = records[rid]
            sugg = suggest(rec, scheme)
            result.rules[(rid, scheme.id)] = sugg
            result.written += _store(project, rid, sugg, "rules", cur_rules)
            if model is not None:
                msugg = model.suggest(rec)
                result.model[(rid, scheme.id)] = msugg
                result.written += _store(project, rid, msugg, "model", cur_model)
            if progress:
                progress(n, len(ids))
    return result


@dataclass(frozen=True)
class Assigned:
    """The labels a study carries in reports: confirmed by a person, or else the rules' suggestion."""

    labels: tuple[str, ...]
    confirmed: bool
    reviewer: str = ""


def assigned_labels(
    project: Project, scheme_id: str, record_ids: Iterable[int]
) -> dict[int, Assigned]:
    """record id -> its labels for a scheme (studies never classified get the "none" label)."""
    scheme = project.protocol.scheme(scheme_id)
    ids = list(record_ids)
    person = label_rows.current(project.db, scheme_id, "person", ids)
    rules = label_rows.current(project.db, scheme_id, "rules", ids)
    out = {}
    for rid in ids:
        confirmed = [r for r in person.get(rid, []) if r.status == "confirmed"]
        if confirmed:
            out[rid] = Assigned(tuple(r.label for r in confirmed), True, confirmed[0].reviewer)
        elif rid in rules:
            out[rid] = Assigned(tuple(r.label for r in rules[rid]), False)
        else:
            out[rid] = Assigned((none_id(scheme),), False)
    return out


def confirm(
    project: Project, record_id: int, scheme_id: str, labels: Iterable[str], reviewer: str
) -> None:
    """Record a person's labels for a study and scheme (replaces their earlier answer)."""
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
    if not chosen:
        raise UserError("no label given")
    if len(chosen) > 1 and not scheme.multi_label:
        raise UserError(f"scheme {scheme_id!r} takes one label per study, not {len(chosen)}")
    if not reviewer.strip():
        raise UserError("a confirmation needs a reviewer name", hint="pass --reviewer NAME")
    try:
        record_rows.get_record(project.db, record_id)
    except KeyError:
        raise UserError(f"no record with id {record_id}") from None
    label_rows.add_batch(
        project.db,
        record_id,
        scheme_id,
        "person",
        "confirmed",
        [(lab, None, []) for lab in chosen],
        reviewer=reviewer,
    )


# --- evaluation against a labelled CSV -------------------------------------------------------


@dataclass
class EvaluationResult:
    """Accuracy, per-label precision/recall/F1 and the confusion matrix (gold rows × predicted columns)."""

    scheme: str
    labels: list[str]
    n: int
    accuracy: float
    per_label: dict[str, dict[str, float]]  # label -> precision, recall, f1, support
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    predictions: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted) per row

    def confusion_csv(self) -> str:
        buf = io.StringIO()
        w = outputs.csv_writer(buf, lineterminator="\n")
        w.writerow(["gold \\ predicted", *self.labels])
        for g in self.labels:
            w.writerow([g, *(self.confusion[g][p] for p in self.labels)])
        return buf.getvalue()

    def format(self) -> str:
        lines = [
            f"scheme {self.scheme}: {self.n} rows, accuracy {self.accuracy:.3f}",
            "",
            f"{'label':<28}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}",
        ]
        for lab in self.labels:
            m = self.per_label[lab]
            lines.append(
                f"{lab:<28}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}{int(m['support']):>9}"
            )
        lines += [
            "",
            "confusion matrix (rows: gold, columns: predicted)",
            self.confusion_csv().rstrip(),
        ]
        return "\n".join(lines)


def _gold_column(header: list[str], scheme: Scheme, where: str = "") -> str:
    for name in ("gold", "label", scheme.id):
        if name in header:
            return name
    raise UserError(
        "the CSV has no gold label column",
        where=where,
        hint=f"name it 'gold', 'label' or {scheme.id!r}; columns: {', '.join(header)}",
    )


def evaluate(protocol: Protocol, scheme_id: str, csv_path: str | Path) -> EvaluationResult:
    """Classify every row of a labelled CSV (title, abstract, gold label) and score the rules.

    Gold values are label ids or names (any case); an empty gold value or 'none' means "none of
    these". For a tie the first tied label in protocol order is the prediction. Multi-label
    schemes take gold values separated by ';' and count a row correct when the sets are equal;
    their confusion matrix uses the first label of each side.
    """
    scheme = protocol.scheme(scheme_id)
    path = Path(csv_path)
    header, rows = csv_format.dict_rows(read_text(path), str(path))
    if "title" not in header:
        raise UserError(
            "the CSV needs a 'title' column", where=str(path), hint=f"columns: {', '.join(header)}"
        )
    gold_col = _gold_column(header, scheme, f"{path}:1")
    labels = list(scheme.label_ids)
    if none_id(scheme) not in labels:
        labels.append(none_id(scheme))
    names = {lab.name.casefold(): lab.id for lab in scheme.labels} | {
        lab.casefold(): lab for lab in labels
    }
    order = {lab: i for i, lab in enumerate(labels)}
    pairs: list[tuple[set[str], list[str]]] = []
    for line, row in rows:
        raw = (row.get(gold_col) or "").strip()
        gold = set()
        for part in raw.split(";") if raw else [none_id(scheme)]:
            key = part.strip().casefold()
            if key not in names:
                raise UserError(
                    f"unknown label {part.strip()!r} for scheme {scheme.id!r}",
                    where=f"{path}:{line}",
                    hint=f"known: {', '.join(labels)}",
                )
            gold.add(names[key])
        rec = Record(
            title=row.get("title") or "",
            abstract_sections=plain_abstract(row.get("abstract") or ""),
        )
        predicted = sorted((s.label for s in suggest(rec, scheme)), key=order.__getitem__)
        pairs.append((gold, predicted))
    if not pairs:
        raise UserError("the CSV has no rows", where=str(path))
    return _score(scheme.id, labels, pairs, order, scheme.multi_label)


def _score(
    scheme_id: str,
    labels: list[str],
    pairs: list[tuple[set[str], list[str]]],
    order: dict[str, int],
    multi: bool,
) -> EvaluationResult:
    confusion = {g: {p: 0 for p in labels} for g in labels}
    tp = dict.fromkeys(labels, 0)
    fp = dict.fromkeys(labels, 0)
    fn = dict.fromkeys(labels, 0)
    correct = 0
    flat = []
    for gold, predicted in pairs:
        pred = set(predicted) if multi else {predicted[0]}
        correct += gold == pred
        for lab in labels:
            tp[lab] += lab in gold and lab in pred
            fp[lab] += lab not in gold and lab in pred
            fn[lab] += lab in gold and lab not in pred
        g0 = sorted(gold, key=order.__getitem__)[0]
        confusion[g0][predicted[0]] += 1
        flat.append((g0, predicted[0]))
    per = {}
    for lab in labels:
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[lab] = {"precision": p, "recall": r, "f1": f, "support": float(tp[lab] + fn[lab])}
    return EvaluationResult(
        scheme_id, labels, len(pairs), correct / len(pairs), per, confusion, flat
    )
