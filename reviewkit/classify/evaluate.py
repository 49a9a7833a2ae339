"""Measure the rules (and the learnt model) on a CSV of studies sorted by hand.

The CSV needs a ``title`` column and a gold column (``--gold``, else ``gold``, ``label`` or the
scheme id, with ``-`` or ``_``). It may also have ``abstract`` (plain text, 'LABEL:' headings
become sections), columns named like structured-abstract sections (``background``,
``objective``, ``methods``, ``population``, ``participants``, ``intervention``, ``results``,
``conclusions`` …: each becomes that section; the gold column never does), and ``keywords``,
``mesh`` and ``publication_types`` (values separated by ``;``).

Gold values are label ids or names (any case), several separated by ``;``; an empty value or
'none' means "none of these". How a row is counted, the same way in accuracy, per-label figures
and the confusion matrix:

* **One label per study** (a single-label scheme): the row agrees when the suggestion is one of
  the gold labels (a study the authors put in two tables may go to either). It is counted under
  the suggested label when it agrees, else under the first gold label in protocol order. A tie
  is no answer: it never agrees and has its own column, ``tie``.
* **Several labels per study** (multi-label schemes, and topics that coexist): the row agrees
  when the suggested set equals the gold set. Each label in both is a hit on the diagonal; the
  gold labels missed and the labels suggested wrongly are paired in protocol order, and what is
  left over goes to the ``—`` row or column (a gold label nothing stood for, a suggestion no
  gold label asked for). So every cell off the diagonal is one miss of its row's label and one
  false alarm of its column's.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from reviewkit import safe_csv
from reviewkit.abstract_sections import plain_abstract
from reviewkit.classify.model import cross_validate
from reviewkit.classify.rules import choose, none_id, score_labels
from reviewkit.errors import UserError
from reviewkit.formats.filled_sheet import sheet_rows
from reviewkit.formats.read_warnings import ReadWarning, Warn
from reviewkit.protocol import Protocol, Scheme
from reviewkit.records import AbstractSection, Record
from reviewkit.wording import quantity

SECTION_COLUMNS = (
    "background", "introduction", "objective", "objectives", "aim", "aims", "purpose", "methods",
    "design", "setting", "population", "participants", "patients", "subjects", "intervention",
    "interventions", "results", "findings", "conclusion", "conclusions",
)  # fmt: skip
# the columns a labelled row's text is read from (row_record): a spreadsheet's error value is
# refused in these, not in a column no one reads (a helper column's failed lookup, '#N/A'); a
# gold column's is refused as an unknown label
TEXT_COLUMNS = ("title", "abstract", "keywords", "mesh", "publication_types", *SECTION_COLUMNS)
NOTHING = "—"
TIE = "tie"


@dataclass
class Disagreement:
    """A row the rules got wrong: its CSV line, title, gold and suggested labels, and why."""

    line: int
    title: str
    gold: list[str]
    predicted: list[str]
    tie: bool
    evidence: dict[str, list[str]]  # label -> 'term@where' that fired for it


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
    ties: int = 0
    method: str = "rules"
    disagreements: list[Disagreement] = field(default_factory=list)
    model: EvaluationResult | None = None  # the learnt model, leave-one-out on the same rows
    wrong_rows: list[int] = field(default_factory=list)  # indexes of the rows that disagree
    warnings: list[ReadWarning] = field(default_factory=list)  # of reading the gold sheet

    @property
    def columns(self) -> list[str]:
        """Predicted columns of the confusion matrix (tie and nothing only when they occur)."""
        extra = [x for x in (TIE, NOTHING) if any(r.get(x) for r in self.confusion.values())]
        return self.labels + extra

    @property
    def rows(self) -> list[str]:
        """Gold rows of the confusion matrix (nothing only when it occurs)."""
        return self.labels + ([NOTHING] if any(self.confusion.get(NOTHING, {}).values()) else [])

    def confusion_csv(self) -> str:
        """The confusion matrix as CSV text, gold rows by predicted columns."""
        buf = io.StringIO()
        w = safe_csv.csv_writer(buf, lineterminator="\n")
        w.writerow(["gold \\ predicted", *self.columns])
        for g in self.rows:
            w.writerow([g, *(self.confusion.get(g, {}).get(p, 0) for p in self.columns)])
        return buf.getvalue()

    def summary(self) -> str:
        """One line: scheme, method, rows, accuracy and ties."""
        tie = f", {quantity(self.ties, 'tie')}" if self.ties else ""
        return (
            f"scheme {self.scheme} ({self.method}): {quantity(self.n, 'row')}, "
            f"accuracy {self.accuracy:.3f}{tie}"
        )

    def format(self, disagreements: bool = True) -> str:
        """The report ``classify --evaluate`` prints: summary, per-label figures, confusion,
        the model's figures and (``disagreements``) each row that disagrees with its evidence."""
        lines = [
            self.summary(),
            "",
            f"{'label':<28}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}",
        ]
        for lab in self.labels:
            m = self.per_label[lab]
            lines.append(
                f"{lab:<28}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}{int(m['support']):>9}"
            )
        lines += ["", "confusion matrix (rows: gold, columns: predicted)"]
        lines.append(self.confusion_csv().rstrip())
        if self.model is not None:
            lines += ["", self.model.summary(), _recalls(self.model)]
        if disagreements and self.disagreements:
            lines += ["", f"disagreements ({len(self.disagreements)}):"]
            for d in self.disagreements:
                got = " | ".join(d.predicted) + (" (tie)" if d.tie else "")
                lines.append(f"  line {d.line}: gold {' + '.join(d.gold)}; rules {got} — {d.title}")
                for lab, ev in d.evidence.items():
                    lines.append(f"      {lab}: {', '.join(ev)}")
        return "\n".join(lines)


def _recalls(result: EvaluationResult) -> str:
    return "recall per label: " + ", ".join(
        f"{lab} {result.per_label[lab]['recall']:.2f}"
        for lab in result.labels
        if result.per_label[lab]["support"]
    )


def gold_column(header: list[str], scheme: Scheme, wanted: str | None = None) -> str:
    """The column of ``header`` (its names in lower case, as :func:`read_gold` reads them)
    that holds ``scheme``'s gold labels: ``wanted``, else ``gold``, ``label`` or the scheme id
    (with ``-`` or ``_``); '' when there is none."""
    names = [wanted] if wanted else ["gold", "label", scheme.id, scheme.id.replace("-", "_")]
    return next((name.lower() for name in names if name.lower() in header), "")


def text_record(row: dict[str, str], gold: str) -> Record:
    """The Record of a labelled row's text (:func:`row_record`) without its ``gold`` column:
    the gold labels are the answer, never the record's text, also when the column is named like
    a section ('design', 'setting', 'intervention': its labels would be their own evidence)."""
    return row_record({k: v for k, v in row.items() if k != gold})


def _gold_column(header: list[str], scheme: Scheme, wanted: str | None, where: str) -> str:
    if found := gold_column(header, scheme, wanted):
        return found
    raise UserError(
        f"the CSV has no gold label column {wanted!r}"
        if wanted
        else "the CSV has no gold label column",
        where=where,
        hint=f"name it 'gold', 'label' or {scheme.id!r}, or pass --gold COLUMN; columns: {', '.join(header)}",
    )


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def row_record(row: dict[str, str]) -> Record:
    """A Record from one CSV row (title, abstract, section columns, keywords, MeSH, types)."""
    sections = plain_abstract(row.get("abstract") or "")
    for col in SECTION_COLUMNS:
        if (row.get(col) or "").strip():
            sections.append(AbstractSection(col.upper(), row[col].strip()))
    return Record(
        title=(row.get("title") or "").strip(),
        abstract_sections=sections,
        keywords=_split(row.get("keywords")),
        mesh_terms=_split(row.get("mesh")),
        publication_types=_split(row.get("publication_types")),
    )


def read_gold(
    scheme: Scheme, csv_path: str | Path, gold_column: str | None = None, warn: Warn | None = None
) -> tuple[list[Record], list[list[str]], list[int]]:
    """(records, gold labels, line numbers) of a labelled CSV; bad rows name their line,
    and ``warn`` is told the warnings of reading it (a header below title rows) once it is
    read; a refusal carries them instead (formats.read_warnings.said_first)."""
    path = Path(csv_path)
    # errors have lines (an .xlsx's: its worksheet rows); names in any case: a gold sheet
    # headed 'Title', 'Abstract' (as a spreadsheet user heads it) was read without its
    # abstracts, unsaid
    found = sheet_rows(path, "the labelled studies", ("title",), filled=TEXT_COLUMNS.__contains__)
    header, rows = found.header, found.rows
    with found.refusing():  # a refusal carries them: the CLI says them first, once
        if "title" not in header:
            raise UserError(
                "the CSV needs a 'title' column",
                where=f"{path}:{found.header_line}",
                hint=found.hint("the labelled studies", f"columns: {', '.join(header)}"),
            )
        gold_col = _gold_column(header, scheme, gold_column, f"{path}:{found.header_line}")
        records, golds, lines = [], [], []
        for line, row in rows:
            gold, unknown = cell_labels(scheme, row.get(gold_col))
            if unknown:
                raise _unknown(unknown, scheme, gold_col, f"{path}:{line}", not gold_column)
            records.append(text_record(row, gold_col))
            golds.append(gold)
            lines.append(line)
        if not records:
            raise UserError(
                "the CSV has no rows",
                where=str(path),
                hint="give one labelled study a row under the header (title, abstract and the gold"
                " label)",
            )
    found.tell(warn)  # a sheet read: ``warn`` hears its warnings (a refusal carried them)
    return records, golds, lines


def cell_labels(scheme: Scheme, cell: str | None) -> tuple[list[str], str]:
    """The label ids a gold ``cell`` names (';' between labels, each by its id or name in any
    case; an empty cell: the scheme's none label), and the first part naming none of them (''
    when every part names one): what :func:`read_gold` refuses."""
    names = {_key(lab.name): lab.id for lab in scheme.labels} | {
        _key(lab): lab for lab in all_labels(scheme)
    }
    ids = []
    for part in _split(cell) or [none_id(scheme)]:
        if _key(part) not in names:
            return ids, part
        ids.append(names[_key(part)])
    return list(dict.fromkeys(ids)), ""


def _unknown(part: str, scheme: Scheme, column: str, where: str, by_name: bool) -> UserError:
    """The refusal of a gold cell that names no label of ``scheme``, naming its ``column``
    and, when the column was taken ``by_name`` (no --gold: 'gold', 'label' or the scheme's
    id), that it was, and --gold: a column named as the scheme may be the studies' own text
    (Review B's 'intervention' describes each arm), and the value alone did not say why it
    was read as labels."""
    taken = ", read as the gold labels by its name" if by_name else ""
    hint = f"known: {', '.join(all_labels(scheme))}"
    if by_name:
        hint += (
            f"; if {column!r} is the studies' own text and not their labels, name the gold"
            " labels' column with --gold COLUMN"
        )
    return UserError(
        f"unknown label {part!r} for scheme {scheme.id!r} in the column {column!r}{taken}",
        where=where,
        hint=hint,
    )


def _key(name: str) -> str:
    """A label id or name as gold files write it: any case, spaces or '_' for '-'."""
    return re.sub(r"[\s_]+", "-", name.strip().casefold())


def all_labels(scheme: Scheme) -> list[str]:
    """The scheme's label ids and its "none of these" id, as evaluation counts them."""
    labels = list(scheme.label_ids)
    return labels + ([none_id(scheme)] if none_id(scheme) not in labels else [])


def one_per_study(scheme: Scheme) -> bool:
    """Whether the scheme gives one label per study (single-label, topics not coexisting)."""
    topics = any(lab.topic for lab in scheme.labels)
    return not scheme.multi_label and not (topics and scheme.topic_rule == "coexist")


def evaluate(
    protocol: Protocol,
    scheme_id: str,
    csv_path: str | Path,
    gold_column: str | None = None,
    with_model: bool = False,
) -> EvaluationResult:
    """Score the rules on a labelled CSV (see the module docstring for how rows count); with
    ``with_model`` also the learnt model, leave-one-out on the same rows."""
    scheme = protocol.scheme(scheme_id)
    said: list[ReadWarning] = []
    records, golds, lines = read_gold(scheme, csv_path, gold_column, said.append)
    all_scores = [score_labels(r, scheme) for r in records]
    suggestions = [choose(scheme, s) for s in all_scores]
    preds = [[s.label for s in sugg] for sugg in suggestions]
    ties = [any(s.tie for s in sugg) for sugg in suggestions]
    result = score(scheme, golds, preds, ties)
    for i in result.wrong_rows:
        evidence = {
            s.label: sorted({e.short() for e in s.evidence}) for s in all_scores[i] if s.evidence
        }
        result.disagreements.append(
            Disagreement(lines[i], records[i].title[:90], golds[i], preds[i], ties[i], evidence)
        )
    if with_model:
        _, _, model_preds = cross_validate(scheme, records, golds)
        result.model = score(
            scheme, golds, model_preds, [False] * len(golds), method="model (leave-one-out)"
        )
    result.warnings = said
    return result


def score(
    scheme: Scheme,
    golds: list[list[str]],
    preds: list[list[str]],
    ties: list[bool],
    method: str = "rules",
) -> EvaluationResult:
    """Accuracy, per-label figures and confusion for predictions against gold labels."""
    labels = all_labels(scheme)
    order = {lab: i for i, lab in enumerate(labels)}
    single = one_per_study(scheme)
    conf: dict[str, dict[str, int]] = {g: {} for g in [*labels, NOTHING]}
    tp, fp, fn = (dict.fromkeys(labels, 0) for _ in range(3))
    correct, flat, wrong = 0, [], []
    for i, (gold, pred, tie) in enumerate(zip(golds, preds, ties, strict=True)):
        g_sorted = sorted(gold, key=order.__getitem__)
        if single:
            p = TIE if tie or len(pred) != 1 else pred[0]
            ok = p in gold
            g = p if ok else g_sorted[0]
            pairs = [(g, p)]
            gold_set, pred_set = {g}, ({p} if p != TIE else set())
        else:
            gold_set, pred_set = set(gold), set(pred)
            ok = gold_set == pred_set
            missed = sorted(gold_set - pred_set, key=order.__getitem__)
            extra = sorted(pred_set - gold_set, key=order.__getitem__)
            pairs = [(x, x) for x in sorted(gold_set & pred_set, key=order.__getitem__)]
            n = max(len(missed), len(extra))
            missed += [NOTHING] * (n - len(missed))
            extra += [NOTHING] * (n - len(extra))
            pairs += list(zip(missed, extra, strict=True))
        for g, p in pairs:
            conf[g][p] = conf[g].get(p, 0) + 1
        for lab in labels:
            tp[lab] += lab in gold_set and lab in pred_set
            fp[lab] += lab not in gold_set and lab in pred_set
            fn[lab] += lab in gold_set and lab not in pred_set
        correct += ok
        if not ok:
            wrong.append(i)
        flat.append((pairs[0][0], pairs[0][1]))
    per = {}
    for lab in labels:
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[lab] = {"precision": p, "recall": r, "f1": f, "support": float(tp[lab] + fn[lab])}
    confusion = {g: {p: conf[g].get(p, 0) for p in [*labels, TIE, NOTHING]} for g in conf}
    n = len(golds)
    return EvaluationResult(
        scheme.id, labels, n, correct / n, per, confusion, flat, sum(ties), method, wrong_rows=wrong
    )
