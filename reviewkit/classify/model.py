"""The learnt model: logistic regression on the words of a study and on the rules' evidence.

Features: TF-IDF of the word stems (and stem pairs) of the title, abstract, keywords and MeSH
headings, and, beside them, the rules' view of the study: for every label its rule score
(squashed to 0..1) and whether it has enough evidence. The rules carry what the protocol knows
about each label; the words carry what the reviewer's own confirmations teach beyond it.

Single-label schemes learn one multinomial regression over the confirmed answers (an answer of
several labels, e.g. a diagnosis and a coexisting topic, is one class); multi-label schemes one
regression per label.

The model earns its place: :func:`cross_validate` estimates its accuracy on the confirmed
studies (leave-one-out up to ``LOO_MAX`` studies, else ``FOLDS``-fold; the reports of one study
held out together) beside the rules' accuracy on the same studies, and the model is suggested
only while its estimate is higher.

Cost: a training on n confirmed studies is n + 1 small fits (tens of studies, some ten
thousand stem features). They run with one BLAS thread (``one_blas_thread``): OpenBLAS
split each of L-BFGS's small vector operations over both cores and its threads spun between
them, so that ``reviewkit classify`` on the demo project (48 and 49 confirmed studies) took
91 s of CPU instead of 9 s, for the same model (benchmarks/results/classify.md). Each study's rules are scored once per
training (:data:`ScoreCache`), for its features in every fold and for the rules' accuracy,
and kept for the model's suggestions and the next training of the same records. The folds
share one count of the words (:class:`Corpus`): each fold's TF-IDF weighting is derived from
its training rows' counts, the same as fitting it on their texts, without the held-out study.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reviewkit.blas import one_blas_thread
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.headings import heading
from reviewkit.classify.rules import LabelScore, Suggestion, choose, none_id, score_labels
from reviewkit.classify.words import fold, forms, tokens
from reviewkit.protocol import Scheme
from reviewkit.records import Record

MODEL_MIN_PER_LABEL = 2  # confirmed studies an answer needs to count as learnable
MODEL_MIN_LABELS = 2  # learnable answers needed before a model is trained
LOO_MAX = 200  # leave-one-out up to this many confirmed studies, k-fold above
FOLDS = 10
C = 10.0  # weak regularisation: the confirmed sets are small and the features sparse
RULE_WEIGHT = 1.0  # the rule features' scale beside the unit-length TF-IDF row

# id(record) -> (the record, the rules' label scores of it), shared by a training's fit and its
# folds, by the trainings of one screen and by the model's suggestions. The record is kept
# beside its scores, so its id cannot be reused by another record while the entry lives; a
# record read again is another object and is scored again.
ScoreCache = dict[int, tuple[Record, list[LabelScore]]]


@lru_cache(maxsize=4096)
def analyse(text: str) -> tuple[str, ...]:
    """Word stems of a text, and pairs of neighbouring stems. Kept for the texts seen last:
    cross-validation fits one vectorizer per fold on the same texts (a third of the time of
    training on 47 studies went to reading them again)."""
    stems = []
    for t in tokens(text):
        keys = forms(t.word, "en")
        # the shorter key, and of two as long the first in order: Snowball's final y -> i
        # ("injury", "injuri") gives two keys of one length, and the set's order followed the
        # string hash seed, so the vocabulary changed from run to run; "injuri" joins "injuries"
        stems.append(min(keys, key=lambda k: (len(k), k)) if len(t.word) > 2 else fold(t.word))
    return (*stems, *(f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)))


def record_text(record: Record) -> str:
    """The text the model reads: title (twice: it names the study), abstract, keywords, MeSH."""
    return " ".join(
        [
            record.title,
            record.title,
            record.abstract,
            " ".join(record.keywords),
            " ".join(heading(m) for m in record.mesh_terms),
        ]
    )


def answer_key(labels: Sequence[str]) -> str:
    """One class for one answer: its labels, sorted, joined by ' + '."""
    return " + ".join(sorted(set(labels)))


@dataclass
class Model:
    """A fitted model for one scheme: the vectoriser, the regression(s) and the class names."""

    scheme: Scheme
    vectorizer: object
    classifiers: dict[str, object]  # single-label: {'': multinomial}; multi: label -> binary
    use_rules: bool
    trained_on: int
    cv_accuracy: float | None = None
    rules_accuracy: float | None = None
    cache: ScoreCache | None = None  # rule scores by id(record): its training's and suggestions'

    @property
    def beats_rules(self) -> bool:
        """Whether the cross-validated accuracy is above the rules' on the same studies."""
        return (
            self.cv_accuracy is not None
            and self.rules_accuracy is not None
            and self.cv_accuracy > self.rules_accuracy
        )

    def features(self, records: Sequence[Record]) -> Any:
        """The feature matrix of records: word stems, and rule scores when ``use_rules``."""
        return _features(self.scheme, self.vectorizer, records, self.use_rules, self.cache)

    def predict(self, records: Sequence[Record]) -> list[list[str]]:
        """The predicted labels of each record."""
        x = self.features(records)
        if "" in self.classifiers:
            clf = self.classifiers[""]
            return [str(c).split(" + ") for c in clf.predict(x)]
        out = []
        for i in range(x.shape[0]):
            row = x[i]
            chosen = [
                lab for lab, clf in self.classifiers.items() if clf.predict_proba(row)[0][1] >= 0.5
            ]
            out.append(chosen or [none_id(self.scheme)])
        return out

    def suggest(self, record: Record, top_terms: int = 6) -> list[Suggestion]:
        """The model's suggestion for one record, explained by the features that weighed most."""
        x = self.features([record])
        names = list(self.vectorizer.get_feature_names_out()) + _rule_names(
            self.scheme, self.use_rules
        )
        if "" in self.classifiers:
            clf = self.classifiers[""]
            probs = clf.predict_proba(x)[0]
            k = int(probs.argmax())
            cls = str(clf.classes_[k])
            coef = clf.coef_[k] if len(clf.classes_) > 2 else clf.coef_[0] * (1 if k == 1 else -1)
            chosen = [(lab, float(probs[k]), coef) for lab in cls.split(" + ")]
        else:
            chosen = []
            for lab, clf in self.classifiers.items():
                p = float(clf.predict_proba(x)[0][1])
                if p >= 0.5:
                    chosen.append((lab, p, clf.coef_[0]))
            if not chosen:
                return [Suggestion(self.scheme.id, none_id(self.scheme), 0.0, method="model")]
        row = x.tocoo()
        out = []
        for lab, p, coef in chosen:
            contrib = sorted(
                ((float(coef[j] * v), names[j]) for j, v in zip(row.col, row.data, strict=True)),
                reverse=True,
            )
            evidence = [
                Evidence(lab, term, "model", term, round(w, 4))
                for w, term in contrib[:top_terms]
                if w > 0
            ]
            out.append(Suggestion(self.scheme.id, lab, round(p, 4), evidence, method="model"))
        return out


def _rule_names(scheme: Scheme, use_rules: bool) -> list[str]:
    if not use_rules:
        return []
    return [f"rules:{lab.id} score" for lab in scheme.labels] + [
        f"rules:{lab.id}" for lab in scheme.labels
    ]


def rule_scores(
    scheme: Scheme, records: Sequence[Record], cache: ScoreCache | None = None
) -> list[list[LabelScore]]:
    """The rules' label scores of each record (read from and added to ``cache`` when given)."""
    if cache is None:
        return [score_labels(r, scheme) for r in records]
    out = []
    for r in records:
        hit = cache.get(id(r))
        if hit is None or hit[0] is not r:
            hit = cache[id(r)] = (r, score_labels(r, scheme))
        out.append(hit[1])
    return out


def rule_features(
    scheme: Scheme, records: Sequence[Record], cache: ScoreCache | None = None
) -> list[list[float]]:
    """Per record: each label's rule score squashed to 0..1, then 1 for each label the rules suggest."""
    rows = []
    for scores in rule_scores(scheme, records, cache):
        chosen = {s.label for s in choose(scheme, scores)}
        squashed = [max(s.score, 0.0) / (1.0 + max(s.score, 0.0)) for s in scores]
        rows.append(squashed + [1.0 if s.label in chosen else 0.0 for s in scores])
    return rows


def _features(
    scheme: Scheme,
    vectorizer: Any,
    records: Sequence[Record],
    use_rules: bool,
    cache: ScoreCache | None = None,
) -> Any:
    from scipy.sparse import csr_matrix, hstack

    x = vectorizer.transform([record_text(r) for r in records])
    if not use_rules:
        return x.tocsr()
    # with a cache, cross-validation scores each study's rules once, not once per fold
    extra = csr_matrix(rule_features(scheme, records, cache)) * RULE_WEIGHT
    return hstack([x, extra]).tocsr()


class Corpus:
    """The word counts of a cross-validation's texts, counted once for all its folds.

    Each fold needs the TF-IDF weighting of its training texts alone: the held-out study's
    words must not be in the vocabulary or the document frequencies (idf) the model learns
    from, or its own words would weigh in its prediction. Fitting one weighting on all texts
    would leak both; refitting per fold (as before) read every text again, n times. Here the
    texts are counted once; each fold's weighting is derived from the counts of its training
    rows (:class:`FoldWeighting`), which gives the same vocabulary, idf and rows as a
    ``TfidfVectorizer`` fitted on those texts, so the same model.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import CountVectorizer

        self._vectorizer = CountVectorizer(analyzer=analyse)
        self.counts = self._vectorizer.fit_transform(texts).tocsr() if texts else None
        self.row = {t: i for i, t in enumerate(texts)}

    def has_words(self, rows: Sequence[int]) -> bool:
        """Whether any of these texts has a word (a fold without words is not fitted)."""
        return self.counts is not None and bool(rows) and self.counts[list(rows)].nnz > 0

    def names(self) -> Any:
        """The vocabulary of all the texts, in the order of the counts' columns (sorted)."""
        return self._vectorizer.get_feature_names_out()


class FoldWeighting:
    """The word weighting ``TfidfVectorizer(analyzer=analyse, sublinear_tf=True)`` would fit on
    some rows of a :class:`Corpus`: the words those rows have (in sorted order, as the
    vectoriser orders them), their idf over those rows; it transforms the corpus's texts, a
    held-out one included, with that vocabulary (its other words are unknown to the fold)."""

    def __init__(self, corpus: Corpus, rows: Sequence[int]) -> None:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfTransformer

        counts = corpus.counts[list(rows)]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        self._corpus = corpus
        self._keep = np.flatnonzero(df)
        self._tfidf = TfidfTransformer(sublinear_tf=True).fit(counts[:, self._keep])

    def get_feature_names_out(self) -> Any:
        """The fold's vocabulary, as the vectoriser names it."""
        return self._corpus.names()[self._keep]

    def transform(self, texts: Sequence[str]) -> Any:
        """The TF-IDF rows of texts of the corpus (each one of the texts it counted)."""
        rows = [self._corpus.row[t] for t in texts]
        return self._tfidf.transform(self._corpus.counts[rows][:, self._keep])


def learnable(
    answers: Mapping[int, Sequence[str]], scheme: Scheme, study_of: Mapping[int, int] | None = None
) -> bool:
    """Whether the confirmed answers are enough to train on (two answers, two studies each;
    ``study_of``: record id -> its study, so that two reports of one study count once)."""
    study_of = study_of or {}
    studies: dict[str, set[int]] = {}
    for rid, labs in answers.items():
        keys = labs if scheme.multi_label else [answer_key(labs)]
        for k in keys:
            studies.setdefault(k, set()).add(study_of.get(rid, rid))
    return sum(1 for s in studies.values() if len(s) >= MODEL_MIN_PER_LABEL) >= MODEL_MIN_LABELS


def fit(
    scheme: Scheme,
    records: Sequence[Record],
    answers: Sequence[Sequence[str]],
    use_rules: bool = True,
    cache: ScoreCache | None = None,
    vectorizer: Any = None,
) -> Model | None:
    """A model fitted on these records and their confirmed labels, or None if it cannot be.

    ``vectorizer``: the word weighting already fitted on these records' texts (a fold's
    :class:`FoldWeighting`); else one is fitted here."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [record_text(r) for r in records]
    if not any(analyse(t) for t in texts):
        # No word to learn from: no training records at all (a leave-one-out fold of a
        # one-row --evaluate file) or only empty texts; TfidfVectorizer would raise.
        return None
    if vectorizer is None:
        vectorizer = TfidfVectorizer(analyzer=analyse, sublinear_tf=True)
        vectorizer.fit(texts)
    x = _features(scheme, vectorizer, records, use_rules, cache)
    classifiers: dict[str, object] = {}
    with one_blas_thread():  # the fit's vectors are too small to share (module docstring)
        if scheme.multi_label:
            for lab in scheme.label_ids:
                y = [1 if lab in a else 0 for a in answers]
                if 0 < sum(y) < len(y):
                    classifiers[lab] = LogisticRegression(C=C, max_iter=2000).fit(x, y)
        else:
            y = [answer_key(a) for a in answers]
            if len(set(y)) >= 2:
                classifiers[""] = LogisticRegression(C=C, max_iter=2000).fit(x, y)
    if not classifiers:
        return None
    return Model(scheme, vectorizer, classifiers, use_rules, len(records), cache=cache)


def _folds(groups: Sequence[int]) -> list[list[int]]:
    """The rows held out together in each round: one study's rows (leave-one-study-out) up to
    ``LOO_MAX`` studies, else every ``FOLDS``-th study's. A study's reports are held out
    together: a sibling report left in training shares its study's words and answer, so the
    held-out report would be "predicted" by its own study (leakage)."""
    order = list(dict.fromkeys(groups))
    if len(order) > LOO_MAX:
        fold_of = {g: k % FOLDS for k, g in enumerate(order)}
        return [[i for i, g in enumerate(groups) if fold_of[g] == k] for k in range(FOLDS)]
    rows: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        rows.setdefault(g, []).append(i)
    return list(rows.values())


def _study_accuracy(
    predicted: Sequence[Sequence[str]], answers: Sequence[Sequence[str]], groups: Sequence[int]
) -> float:
    """The share of studies right: a study is right when each of its reports is."""
    right: dict[int, bool] = {}
    for p, a, g in zip(predicted, answers, groups, strict=True):
        right[g] = right.get(g, True) and set(p) == set(a)
    return sum(right.values()) / len(right)


def cross_validate(
    scheme: Scheme,
    records: Sequence[Record],
    answers: Sequence[Sequence[str]],
    use_rules: bool = True,
    cache: ScoreCache | None = None,
    groups: Sequence[int] | None = None,
) -> tuple[float, float, list[list[str]]]:
    """(model accuracy, rules accuracy, model predictions) by leave-one-out or k-fold.

    ``groups``: the study of each row (reports of one study share one), held out together and
    counted as one study, right when each of its reports is (default: each row a study). A
    fold whose training part cannot be fitted predicts the rules' answer. ``cache`` holds the
    records' rule scores (by id) when the caller has scored them already.
    """
    n = len(records)
    groups = list(range(n)) if groups is None else list(groups)
    predicted: list[list[str]] = [[] for _ in range(n)]
    cache = {} if cache is None else cache
    rules = [[s.label for s in choose(scheme, sc)] for sc in rule_scores(scheme, records, cache)]
    corpus = Corpus([record_text(r) for r in records])
    for test in _folds(groups):
        held = set(test)
        train = [i for i in range(n) if i not in held]
        model = fit(
            scheme,
            [records[i] for i in train],
            [answers[i] for i in train],
            use_rules,
            cache,
            FoldWeighting(corpus, train) if corpus.has_words(train) else None,
        )
        got = model.predict([records[i] for i in test]) if model else [rules[i] for i in test]
        for i, labs in zip(test, got, strict=True):
            predicted[i] = labs
    model_acc = _study_accuracy(predicted, answers, groups)
    rules_acc = _study_accuracy(rules, answers, groups)
    return model_acc, rules_acc, predicted


def train(
    scheme: Scheme,
    records: Mapping[int, Record],
    answers: Mapping[int, Sequence[str]],
    cache: ScoreCache | None = None,
    study_of: Mapping[int, int] | None = None,
) -> Model | None:
    """A model on every confirmed study, with its cross-validated accuracy beside the rules'.

    ``cache``: the rules' scores of these records from earlier work (a screen's previous
    trainings, a classify run's suggestions); the model keeps it for its own suggestions.
    ``study_of``: record id -> its study (reports linked as one study share one; others are
    their own): the model learns from every confirmed report, but counts, and holds out in
    its cross-validation, studies."""
    ids = sorted(rid for rid in answers if answers[rid] and rid in records)
    confirmed = {rid: list(answers[rid]) for rid in ids}
    if not learnable(confirmed, scheme, study_of):
        return None
    recs = [records[rid] for rid in ids]
    labs = [confirmed[rid] for rid in ids]
    groups = [(study_of or {}).get(rid, rid) for rid in ids]
    cache = {} if cache is None else cache  # each study's rules scored once, for all folds
    model = fit(scheme, recs, labs, cache=cache)
    if model is None:
        return None
    model.trained_on = len(set(groups))
    model.cv_accuracy, model.rules_accuracy, _ = cross_validate(
        scheme, recs, labs, cache=cache, groups=groups
    )
    return model
