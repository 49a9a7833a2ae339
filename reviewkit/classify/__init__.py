"""Classify studies with the protocol's schemes: transparent rules, then a learnt model.

* :mod:`.terms` — signal terms and where they are found (word forms by Snowball stemmers for
  English, Norwegian, Swedish and Danish; Scandinavian spellings; places weighted).
* :mod:`.rules` — label scores, minimum evidence, combination and topic labels, ties.
* :mod:`.model` — the learnt model on words and rule evidence, its cross-validated accuracy.
* :mod:`.background` — retraining it in a worker thread while a reviewer confirms.
* :mod:`.studies` — reports linked into one study share their evidence and confirmed labels.
* :mod:`.stage` — suggestions stored in a project, confirmations, the labels reports use.
* :mod:`.evaluate` — the rules and the model measured on a CSV sorted by hand.
"""

from reviewkit.classify.background import ModelTrainer
from reviewkit.classify.evaluate import Disagreement, EvaluationResult, evaluate, read_gold, score
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import record_fields
from reviewkit.classify.model import (
    MODEL_MIN_LABELS,
    MODEL_MIN_PER_LABEL,
    Model,
    cross_validate,
    fit,
    record_text,
    train,
)
from reviewkit.classify.places import TITLE_FACTOR, place_factor
from reviewkit.classify.rules import (
    LabelScore,
    Suggestion,
    allowed_together,
    choose,
    none_id,
    score_labels,
    strongest_terms,
    suggest,
)
from reviewkit.classify.stage import (
    Assigned,
    ClassifyResult,
    ModelStatus,
    StudyRules,
    assigned_labels,
    classify_project,
    confirm,
    confirmed_labels,
    status_of,
    study_map,
    study_records,
    train_model,
)
from reviewkit.classify.studies import confirmed_by, offer_from_siblings, sibling_reports
from reviewkit.classify.term_syntax import compile_term
from reviewkit.classify.terms import find_term

__all__ = [
    "MODEL_MIN_LABELS",
    "MODEL_MIN_PER_LABEL",
    "TITLE_FACTOR",
    "Assigned",
    "ClassifyResult",
    "Disagreement",
    "EvaluationResult",
    "Evidence",
    "LabelScore",
    "Model",
    "ModelStatus",
    "ModelTrainer",
    "StudyRules",
    "Suggestion",
    "allowed_together",
    "assigned_labels",
    "choose",
    "classify_project",
    "compile_term",
    "confirm",
    "confirmed_by",
    "confirmed_labels",
    "cross_validate",
    "evaluate",
    "find_term",
    "fit",
    "none_id",
    "offer_from_siblings",
    "place_factor",
    "read_gold",
    "record_fields",
    "record_text",
    "score",
    "score_labels",
    "sibling_reports",
    "status_of",
    "strongest_terms",
    "study_map",
    "study_records",
    "suggest",
    "train",
    "train_model",
]
