"""Checking a protocol's classification schemes: labels, terms and the scheme options.

:class:`SchemeChecks` is mixed into the protocol validator, which gives it ``fail``,
``fail_at_value``, ``string``,
``strings``, ``boolean``, ``ident`` and ``known_keys``.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from itertools import pairwise
from typing import Any

from reviewkit.errors import ProtocolError
from reviewkit.protocol.keys import LABEL_KEYS, SCHEME_KEYS
from reviewkit.protocol.model import NONE_ID, SIGN_JOIN, Label, Scheme, SignalTerm
from reviewkit.protocol.names import did_you_mean, id_key, nearest
from reviewkit.protocol.term_words import term_problem

# Term lists of a label and the language whose stemmer reads them.
TERM_LISTS = (("terms", "en"), ("terms_no", "no"), ("terms_sv", "sv"), ("terms_da", "da"))
TOPIC_RULES = ("compete", "coexist", "precedence", "fallback")
# Which duration a scheme's labels of weeks are of (Scheme.duration_kind), the default first
DURATION_KINDS = ("population", "follow-up")
# The keys of a term's table: {term = "…", weight = …} or {all = ["…", "…"], weight = …}
SIGN_KEYS = frozenset({"term", "all", "weight"})
_SIGN_FORMS = (
    'a term is {term = "…", weight = …}, a sign of several terms {all = ["…", "…"], weight = …}'
)


def _toml(value: Any) -> str:
    """A term's value as the protocol writes it: '"depress*"', '["case manager*", "insurer*"]'."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string's escapes
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def _named(value: Any) -> str:
    """A term or a sign as an error names it: 'term "depress*"', 'sign "case manager* +
    insurer*"' (as its evidence is named, :attr:`SignalTerm.shown`)."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return f"sign {json.dumps(SIGN_JOIN.join(value), ensure_ascii=False)}"
    return f"term {_toml(value)}"


def _entry(table: dict, misspelt: str, right: str) -> str:
    """A term's table written again with its misspelt key put right."""
    parts = [f"{right if k == misspelt else k} = {_toml(v)}" for k, v in table.items()]
    return "{ " + ", ".join(parts) + " }"


class SchemeChecks:
    """The scheme part of the protocol validator."""

    def terms(self, item: dict, key: str, w: str, language: str) -> list[SignalTerm]:
        value = item.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{w}{key}", "must be a list")
        out = []
        for t in value:
            together: list[str] = []
            if isinstance(t, str):
                text, weight = t, 1.0
            elif isinstance(t, dict) and ("term" in t or "all" in t):
                text, together = self.sign(t, f"{w}{key}")
                weight = t.get("weight", 1.0)
                bad = not isinstance(weight, int | float) or isinstance(weight, bool)
                # a weight is how much a found term counts; a term that should count against a
                # label goes in negative_terms (which subtract). Zero, negative, NaN or infinite
                # weights would silently disable a term, invert it, or make every score NaN.
                if bad or not math.isfinite(weight) or weight <= 0:
                    raise self.fail_at_value(  # the line of the term, not of 'terms = ['
                        f"{w}{key}",
                        text,
                        1,
                        f"weight of {text!r} must be a positive number",
                        hint="use negative_terms for words that count against the label",
                    )
            else:
                raise self.fail(
                    f"{w}{key}",
                    "each term is a string, {term = …, weight = …} or {all = […], weight = …}",
                )
            for word in (text, *together):
                if not word.strip().strip('"*'):
                    raise self.fail(
                        f"{w}{key}", "empty term", hint="delete the empty entry, or write the term"
                    )
                problem = term_problem(word)
                if problem:  # it would silently find nothing (term_words says why)
                    raise self.fail_at_value(f"{w}{key}", word, 1, problem[0], hint=problem[1])
            out.append(
                SignalTerm(
                    text.strip(), float(weight), language, tuple(x.strip() for x in together)
                )
            )
        return out

    def sign(self, t: dict, key: str) -> tuple[str, list[str]]:
        """A term table's term and, for a sign of several terms (``all``), the others that must
        stand in its sentence: ``{term = "…"}`` or ``{all = ["…", "…"]}``, with ``weight``.
        Refused on the line of its (first) term."""
        shown = t.get("term", t.get("all"))
        first = shown[0] if isinstance(shown, list) and shown else shown

        def refuse(message: str, hint: str) -> ProtocolError:
            return self.fail_at_value(key, str(first), 1, message, hint=hint)

        extra = sorted(set(t) - SIGN_KEYS)
        if extra:  # a misspelt 'weight' would silently count the term in full
            right = nearest(extra[0], SIGN_KEYS)
            raise refuse(
                f"{_named(shown)}: unknown key {extra[0]!r}{did_you_mean(extra[0], SIGN_KEYS)}",
                f"write {_entry(t, extra[0], right)}" if right else _SIGN_FORMS,
            )
        if "term" in t and "all" in t:
            raise refuse(
                f"{_named(shown)}: give either 'term' or 'all'",
                "{all = […]} lists every term of a sign, the first where it counts",
            )
        if "term" in t:
            if not isinstance(shown, str):
                raise refuse("each term is a string or {term = …, weight = …}", "")
            return shown, []
        if not (
            isinstance(shown, list) and len(shown) > 1 and all(isinstance(x, str) for x in shown)
        ):
            raise refuse(
                f"all = {_toml(shown)}: a sign needs at least two terms, each a string",
                'write {all = ["case manager*", "insurer*"]}: found where every term stands in '
                "one sentence; a single term is {term = …}",
            )
        # a term listed twice is found wherever its first listing is: the sign were its head
        self.unique([x.strip() for x in shown], key, "term")
        return shown[0], shown[1:]

    def schemes(self, data: dict) -> dict[str, Scheme]:
        out = {}
        for sid, item in data.items():
            w = f"schemes.{sid}."
            self.ident(sid, f"schemes.{sid}")
            if not isinstance(item, dict):
                raise self.fail(f"schemes.{sid}", "must be a table")
            self.known_keys(item, SCHEME_KEYS, w)
            raw = item.get("labels")
            if not isinstance(raw, list) or not raw:
                raise self.fail(
                    f"{w}labels",
                    "needs at least one [[schemes.ID.labels]] entry",
                    hint=f'add one: [[{w}labels]] with id = "…" and terms = ["…"]',
                )
            labels = [self.scheme_label(lab, f"{w}labels[{j}]") for j, lab in enumerate(raw)]
            ids = [lab.id for lab in labels]
            if len(set(ids)) != len(ids):
                twice = next(i for i in ids if ids.count(i) > 1)
                raise self.fail_at_value(  # the second label's id line (was the scheme's)
                    f"{w}labels",
                    twice,
                    2,
                    f"two labels share the id {twice!r}",
                    hint="give each label an id of its own (labels are stored and reported by it)",
                )
            seen: dict[str, str] = {}
            for j, lab in enumerate(labels):
                self.distinct_new_id(lab.id, seen, f"{w}labels[{j}].id", "label id")  # type: ignore[attr-defined]
            self.distinct_id(sid, out, f"schemes.{sid}", "scheme id")  # type: ignore[attr-defined]
            self.distinct_names(labels, w)
            self.none_label(item, ids, w)
            kind = self.string(item, "kind", w, required=False, default="scheme")
            if kind not in ("scheme", "flag"):
                raise self.fail(f"{w}kind", "must be 'scheme' or 'flag'")
            topic_rule = self.string(item, "topic_rule", w, required=False, default="compete")
            if topic_rule not in TOPIC_RULES:
                raise self.fail(f"{w}topic_rule", f"must be one of {', '.join(TOPIC_RULES)}")
            none_label = self.string(item, "none_label", w, required=False)
            fallback = self.string(item, "fallback_label", w, required=False)
            if fallback and fallback not in ids:
                raise self.no_label(f"{w}fallback_label", fallback, ids)
            self.combinations(labels, ids, w)
            duration_of = [
                t
                for key, lang in TERM_LISTS
                for t in self.terms(item, f"duration_of{key[5:]}", w, lang)
            ]
            self.durations(labels, duration_of, w)
            out[sid] = Scheme(
                id=sid,
                name=self.string(item, "name", w),
                labels=tuple(labels),
                multi_label=self.boolean(item, "multi_label", w, False),
                none_label=none_label,
                none_name=self.none_name(item, labels, w),
                kind=kind,
                threshold=self.number(item, "threshold", w, 1.0, positive=True),
                min_evidence=self.number(item, "min_evidence", w, 0.0),
                topic_rule=topic_rule,
                fallback_label=fallback,
                duration_of=tuple(duration_of),
                **self.reading(item, w),
            )
        return self.shared_terms(out)

    def reading(self, item: dict, w: str) -> dict[str, Any]:
        """How a scheme's terms are read: which duration its weeks are of (``duration_kind``),
        and whether its labels are what a study measured (``measures``), what kind of study a
        record is (``study_kind``) or what the study itself did (``study_did``), one at most;
        whether they are whom the study included (``population``), or what its intervention was
        (``tested``: with ``study_did`` at most), and then whether a study that tests none takes
        the none label (``none_if_untested``)."""
        duration_kind = self.string(
            item, "duration_kind", w, required=False, default=DURATION_KINDS[0]
        )
        if duration_kind not in DURATION_KINDS:
            raise self.fail(
                f"{w}duration_kind",
                f"must be one of {', '.join(DURATION_KINDS)}",
                hint='"population": how long the population had been ill or off work at '
                'inclusion; "follow-up": how long the study followed it',
            )
        ways = {k: self.boolean(item, k, w, False) for k in ("measures", "study_kind", "study_did")}
        if sum(ways.values()) > 1:
            last = [k for k, on in ways.items() if on][-1]
            raise self.fail(
                f"{w}{last}",
                "a scheme is read one way: what a study measured, what kind it is, or what it did",
                hint="keep one of measures, study_kind and study_did = true, or make two schemes",
            )
        population = self.boolean(item, "population", w, False)
        tested = self.boolean(item, "tested", w, False)
        if tested and (population or ways["measures"] or ways["study_kind"]):
            raise self.fail(
                f"{w}tested",
                "a scheme of what the intervention was reads no sentence of what was measured, "
                "which a scheme of outcomes, of whom a study included or of its kind reads",
                hint="keep tested = true with study_did at most, or make two schemes",
            )
        none_if_untested = self.boolean(item, "none_if_untested", w, False)
        if none_if_untested and not tested:
            raise self.fail(
                f"{w}none_if_untested",
                "only a scheme of what the intervention was (tested = true) reads whether a "
                "study tested one",
                hint="set tested = true in this scheme, or remove none_if_untested",
            )
        return {
            "duration_kind": duration_kind,
            **ways,
            "population": population,
            "tested": tested,
            "none_if_untested": none_if_untested,
        }

    def shared_terms(self, schemes: dict[str, Scheme]) -> dict[str, Scheme]:
        """Each label's ``terms_of`` resolved: the named labels' terms (all their languages)
        after its own. A name is another scheme ("clinical-type": all its labels) or one of its
        labels ("clinical-type.exercise"), whose terms are written out (no terms_of itself)."""
        out = {}
        for sid, scheme in schemes.items():
            labels = list(scheme.labels)
            for j, lab in enumerate(labels):
                key = f"schemes.{sid}.labels[{j}].terms_of"
                shared = [
                    t for ref in lab.terms_of for t in self.terms_named(ref, sid, schemes, key)
                ]
                labels[j] = replace(lab, terms=lab.terms + tuple(shared))
            out[sid] = replace(scheme, labels=tuple(labels))
        return out

    def terms_named(self, ref: str, sid: str, schemes: dict[str, Scheme], key: str) -> list:
        """The terms of the labels one ``terms_of`` entry names, refused with a hint when it
        names nothing, its own scheme, or labels that take their terms from elsewhere."""
        other_sid, _, other_id = ref.partition(".")
        other = schemes.get(other_sid)
        named = [lab for lab in other.labels if other_id in ("", lab.id)] if other else []
        if other_sid == sid:
            problem = f"{ref!r} is this label's own scheme"
            hint = "a label made of its own scheme's labels is a combination (combines)"
        elif other is None:
            problem = f"no scheme {other_sid!r}"
            hint = f"name a scheme of this protocol ({', '.join(schemes)}), or scheme.label"
        elif not named:
            problem = f"no label {other_id!r} in scheme {other_sid!r}"
            hint = f"its labels are {', '.join(lab.id for lab in other.labels)}"
        elif any(lab.terms_of for lab in named):
            problem = f"{ref!r} takes terms from another scheme itself"
            hint = "name the labels whose terms are written out"
        else:
            return [t for lab in named for t in lab.terms]
        raise self.fail_at_value(key, ref, 1, problem, hint=hint)

    def none_label(self, item: dict, ids: list[str], w: str) -> None:
        """The "none of these" answer is stored as a label id ('none' when the protocol names
        none): it must be an id, and not one of the scheme's labels, or the two are one."""
        given = self.string(item, "none_label", w, required=False)
        if given:
            self.ident(given, f"{w}none_label")
        none_id = given or NONE_ID
        for j, lab_id in enumerate(ids):
            if id_key(lab_id) == id_key(none_id):
                raise self.fail(
                    f"{w}none_label" if given else f"{w}labels[{j}].id",
                    f'{lab_id!r} is the id of a label and of the scheme\'s "none of these" answer'
                    + ("" if given else " (none_label; 'none' when not given)"),
                    hint='give the "none of these" answer an id of its own, e.g.'
                    ' none_label = "none-of-these"',
                )

    def none_name(self, item: dict, labels: list[Label], w: str) -> str:
        """The none answer's name: not a label's name (as people read it), or the two could
        not be told apart on the confirm screen, in the tables and the map."""
        name = self.string(item, "none_name", w, required=False).strip()
        for j, lab in enumerate(labels):
            if name and " ".join(lab.name.casefold().split()) == " ".join(name.casefold().split()):
                raise self.fail(
                    f"{w}none_name",
                    f"{name!r} is the name of label {j + 1} ({lab.id!r}) too",
                    hint='give the "none of these" answer a name of its own',
                )
        return name

    def distinct_names(self, labels: list[Label], w: str) -> None:
        """Refuse two labels of a scheme with one name (as people read it): the confirm screen,
        the report tables and the evidence map show names, so the two could not be told apart."""
        seen: dict[str, int] = {}
        for j, lab in enumerate(labels):
            key = " ".join(lab.name.casefold().split())
            if key in seen:
                raise self.fail(
                    f"{w}labels[{j}].name",
                    f"labels {labels[seen[key]].id!r} and {lab.id!r} are both named {lab.name!r}",
                    hint="give each label a name of its own",
                )
            seen[key] = j

    def number(self, item: dict, key: str, w: str, default: float, positive: bool = False) -> float:
        value = item.get(key, default)
        bad = not isinstance(value, int | float) or isinstance(value, bool)
        # NaN compares false with every score, so a NaN threshold would never suggest a label
        if bad or not math.isfinite(value) or value < 0 or (positive and value == 0):
            raise self.fail(
                f"{w}{key}",
                f"must be a {'positive' if positive else 'non-negative'} number",
                hint=f"write a number without quotes, e.g. {key} = {default:g}",
            )
        return float(value)

    def scheme_label(self, lab: Any, where: str) -> Label:
        lw = f"{where}."
        if not isinstance(lab, dict):
            raise self.fail(where, "must be a table")
        self.known_keys(lab, LABEL_KEYS, lw)
        terms = [t for key, lang in TERM_LISTS for t in self.terms(lab, key, lw, lang)]
        # the label's named instruments: terms, each read as an instrument's name
        terms += [replace(t, instrument=True) for t in self.terms(lab, "instruments", lw, "en")]
        min_combined = lab.get("min_combined", 0)
        if not isinstance(min_combined, int) or isinstance(min_combined, bool) or min_combined < 0:
            raise self.fail(f"{lw}min_combined", "must be a whole number, 0 or more")
        return Label(
            id=self.ident(self.string(lab, "id", lw), f"{lw}id"),
            name=self.string(lab, "name", lw),
            description=self.string(lab, "description", lw, required=False),
            terms=tuple(terms),
            negative_terms=tuple(self.terms(lab, "negative_terms", lw, "en")),
            mesh=self.strings(lab, "mesh", lw),
            publication_types=self.strings(lab, "publication_types", lw),
            topic=self.boolean(lab, "topic", lw, False),
            combines=self.strings(lab, "combines", lw),
            min_combined=min_combined,
            count_as_one=self.label_groups(lab, "count_as_one", lw),
            complementary=self.boolean(lab, "complementary", lw, False),
            terms_of=self.strings(lab, "terms_of", lw),
            duration_weeks=self.weeks(lab, lw),
        )

    def weeks(self, lab: dict, lw: str) -> tuple[float, float]:
        """A label's ``duration_weeks``: two numbers of weeks, lowest first (``inf`` for no
        upper end), or none."""
        value = lab.get("duration_weeks")
        if value is None:
            return ()
        nums = isinstance(value, list) and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value
        )
        if not nums or len(value) != 2 or not (0 <= value[0] < value[1]) or math.isnan(value[1]):
            raise self.fail(
                f"{lw}duration_weeks",
                "must be two numbers of weeks, the lower first",
                hint="e.g. duration_weeks = [6, 12], or [12, inf] for no upper end",
            )
        return float(value[0]), float(value[1])

    def durations(self, labels: list[Label], duration_of: list[SignalTerm], w: str) -> None:
        """Labels decided by a duration need the scheme to say what lasts (``duration_of``),
        and a combination's duration is its labels'."""
        for j, lab in enumerate(labels):
            if lab.duration_weeks and lab.combines:
                raise self.fail(
                    f"{w}labels[{j}].duration_weeks",
                    "a combination label has the durations of the labels it combines",
                    hint="give duration_weeks to the labels it combines, not to it",
                )
            if lab.duration_weeks and not duration_of:
                raise self.fail(
                    f"{w}labels[{j}].duration_weeks",
                    "the scheme does not say what the duration is of",
                    hint='add duration_of = ["pain", "sick leave", …] to the scheme',
                )
        self.weeks_meet(labels, w)

    def weeks_meet(self, labels: list[Label], w: str) -> None:
        """The labels' ranges of weeks, lowest first, each beginning where the one before ends:
        an overlap would give one duration to two labels, a gap ([6, 12] then [13, inf]) a
        duration between them ("90 days": 12.9 weeks) to none."""
        ranged = sorted(
            (lab.duration_weeks, j, lab.id) for j, lab in enumerate(labels) if lab.duration_weeks
        )
        for (before, _, first), (weeks, j, second) in pairwise(ranged):
            if weeks[0] == before[1]:
                continue
            lo, hi = sorted((weeks[0], before[1]))
            overlap = weeks[0] < before[1]
            raise self.fail(
                f"{w}labels[{j}].duration_weeks",
                f"label {second!r} {_weeks(weeks)} "
                + ("overlaps" if overlap else "leaves a gap after")
                + f" label {first!r} {_weeks(before)}: a duration of {lo:g} to {hi:g} weeks "
                + ("would be both labels'" if overlap else "would be neither label's"),
                hint=f"begin {second!r} where {first!r} ends, {_weeks((before[1], weeks[1]))}: "
                f"a duration of exactly {before[1]:g} weeks is then half a sign for each",
            )

    def label_groups(self, lab: dict, key: str, lw: str) -> tuple[tuple[str, ...], ...]:
        """A list of lists of label ids (``count_as_one``); the ids are checked with the scheme."""
        value = lab.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(g, list) and all(isinstance(v, str) for v in g) for g in value
        ):
            raise self.fail(f"{lw}{key}", 'must be a list of lists of label ids: [["a", "b"]]')
        return tuple(tuple(v.strip() for v in g if v.strip()) for g in value)

    def no_label(self, key: str, given: str, ids: list[str]) -> ProtocolError:
        """The error of a ``key`` naming a label its scheme lacks, its hint the scheme's label
        ``ids`` (those it may name): a typo is seen at once."""
        return self.fail(
            key, f"no label {given!r} in this scheme", hint=f"the scheme's labels: {', '.join(ids)}"
        )

    def combinations(self, labels: list[Label], ids: list[str], w: str) -> None:
        """A combination label names other, plain labels of its scheme, at least two of them."""
        for j, lab in enumerate(labels):
            if not lab.combines:
                for key in ("count_as_one", "complementary"):
                    if getattr(lab, key):
                        raise self.fail(
                            f"{w}labels[{j}].{key}", "only a combination label (combines) has it"
                        )
                continue
            key = f"{w}labels[{j}].combines"
            for other in lab.combines:
                if other not in ids:
                    raise self.no_label(key, other, [x.id for x in labels if not x.combines])
                if other == lab.id or labels[ids.index(other)].combines:
                    raise self.fail(key, f"{other!r} is itself a combination label")
            if len(set(lab.combines)) < 2:
                raise self.fail(key, "a combination needs at least two labels")
            for group in lab.count_as_one:
                if len(set(group)) < 2 or not set(group) <= set(lab.combines):
                    raise self.fail(
                        f"{w}labels[{j}].count_as_one",
                        f"{list(group)} must name two or more of the labels in combines",
                    )
            if lab.min_combined > len(set(lab.combines)):
                raise self.fail(
                    f"{w}labels[{j}].min_combined",
                    f"more than the {len(lab.combines)} labels named",
                )


def _weeks(weeks: tuple[float, float]) -> str:
    """A range of weeks as the protocol writes it: [6, 12], [12, inf]."""
    return f"[{weeks[0]:g}, {weeks[1]:g}]"
