"""Loading a protocol file: TOML parsed, every key checked, errors naming file, line and key."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from reviewkit.errors import ProtocolError
from reviewkit.protocol.hints import other_language, query_fix, toml_fix, toml_where
from reviewkit.protocol.keys import (
    EXTRACTION_KEYS,
    LIMIT_KEYS,
    REPORT_KEYS,
    REVIEW_KEYS,
    SEARCH_KEYS,
    TERMS_KEYS,
    TOP_KEYS,
)
from reviewkit.protocol.model import (
    BUILTIN_COLUMNS,
    DATABASES,
    PREFILL_ALONE,
    PREFILL_HINT,
    PREFILL_WITH_ARGUMENT,
    ExtractionField,
    Limits,
    Protocol,
    Report,
    Scheme,
    Search,
)
from reviewkit.protocol.names import ID_RE, did_you_mean
from reviewkit.protocol.prefill_words import quoted, straight
from reviewkit.protocol.reading import read_text
from reviewkit.protocol.schemes import SchemeChecks
from reviewkit.protocol.stage_checks import StageChecks
from reviewkit.protocol.term_words import highlight_term_problem
from reviewkit.query import QuerySyntaxError, parse
from reviewkit.sheet_columns import EXTRACTION_MARK_COLUMN, EXTRACTION_SHEET_COLUMNS


def _star_ends_a_word(word: str) -> bool:
    """Whether a prefill word's '*', if it has one, ends the start of a word ('purpos*', also
    inside quotes), as :mod:`reviewkit.prefill_sentences` reads it; an empty word
    (``aim||purpose``) is skipped there, and passes."""
    word = quoted(word) or word
    start = word.strip().rstrip("*")
    return "*" not in start and (bool(start) or "*" not in word)


def _quotes_enclose_a_word(word: str) -> bool:
    """Whether a prefill word's double quotes, if it has any, enclose it whole ('"found"'): a
    quote at one end only ('"found') or around nothing was a word no abstract holds."""
    inside = quoted(word)
    return '"' not in (straight(word) if inside is None else inside) and inside != ""


# the extraction sheet's own columns, which no field id may be (a field would make two)
_SHEET_OWN = (*EXTRACTION_SHEET_COLUMNS, EXTRACTION_MARK_COLUMN)
# a single quote, straight or as a word processor types it
_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"


def _single_quoted(word: str) -> bool:
    """Whether a prefill word is in single quotes ('found', ‘found’ as a word processor types
    them): a word as written is in double quotes, as in PubMed; read, it was the word with its
    quotes, which no sentence holds. A possessive's apostrophe at one end (workers') is none."""
    word = word.strip()
    return len(word) > 2 and word[0] in _SINGLE_QUOTES and word[-1] in _SINGLE_QUOTES


def load(path: str | Path) -> Protocol:
    """Read and validate a protocol file; raises ProtocolError naming file, line and key."""
    path = Path(path)
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = toml_where(str(exc), path, text)
        hint = toml_fix(str(exc), text)
        if language := other_language(text):
            raise ProtocolError(
                f"not valid TOML: this is {language} ({exc})",
                where=where,
                hint='a protocol is a TOML file ([review], key = "value"): start from a file'
                f" in protocols/ and copy the values of the {language} file into it",
            ) from None
        raise ProtocolError(f"not valid TOML: {exc}", where=where, hint=hint) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ProtocolError(
            "not valid as a protocol: arrays or tables nested thousands deep",
            where=str(path),
            hint="a protocol nests three or four levels; start from a file in protocols/",
        ) from None
    return _Validator(path, text).protocol(data)


class _Validator(StageChecks, SchemeChecks):
    """A protocol's sections read and checked (its getters: protocol.getters; its stages:
    protocol.stage_checks; its schemes: protocol.schemes)."""

    # sections ------------------------------------------------------------------------------
    def protocol(self, data: dict) -> Protocol:
        self.known_keys(data, TOP_KEYS, "")
        review = self.table(data, "review", "")
        self.known_keys(review, REVIEW_KEYS, "review.")
        self.string(review, "description", "review.", required=False)  # free text, but text
        rid = self.ident(self.string(review, "id", "review."), "review.id")
        raw_reviewers = review.get("reviewers")
        reviewers = self.strings(review, "reviewers", "review.", required=True)
        if len(reviewers) != len(raw_reviewers):  # strings() leaves out blank entries
            raise self.fail(
                "review.reviewers", "a reviewer's name is empty", hint="give every reviewer a name"
            )
        if not reviewers:
            raise self.fail(
                "review.reviewers",
                "needs at least one reviewer",
                hint='name the people who screen, e.g. reviewers = ["anna", "ben"]',
            )
        self.unique(reviewers, "review.reviewers", "reviewer")
        self.check_reviewer_names(reviewers)
        leads = self.leads(review, reviewers)

        searches = self.searches(data.get("searches", []))
        elig = self.table(data, "eligibility", "", required=False)
        self.known_keys(elig, TERMS_KEYS, "eligibility.")
        stages = self.stages(self.table(data, "stages", ""))
        for stage in stages.values():  # two votes per record need two people to give them
            if stage.reviewers_per_record > len(reviewers):
                raise self.fail(
                    f"stages.{stage.name}.reviewers_per_record",
                    f"{stage.reviewers_per_record} reviewers per record (the default is 2),"
                    f" but review.reviewers names {len(reviewers)}",
                    hint="name a second reviewer, or set reviewers_per_record = 1",
                )
        hl = self.table(data, "highlight", "", required=False)
        self.known_keys(hl, TERMS_KEYS, "highlight.")
        schemes = self.schemes(self.table(data, "schemes", "", required=False))
        extraction = with_tested_schemes(self.extraction(data.get("extraction", [])), schemes)
        report = self.report(data.get("report"), schemes, extraction)
        return Protocol(
            path=self.path,
            id=rid,
            title=self.string(review, "title", "review."),
            question=self.string(review, "question", "review."),
            reviewers=reviewers,
            searches=searches,
            inclusion=self.strings(elig, "include", "eligibility."),
            exclusion=self.strings(elig, "exclude", "eligibility."),
            stages=stages,
            highlight_include=self.highlight_terms(hl, "include"),
            highlight_exclude=self.highlight_terms(hl, "exclude"),
            schemes=schemes,
            extraction=extraction,
            report=report,
            leads=leads,
        )

    def highlight_terms(self, hl: dict, key: str) -> tuple[str, ...]:
        """[highlight]'s include or exclude terms, each refused, on its own line, when it can
        never be found (term_words.highlight_term_problem says which)."""
        terms = self.strings(hl, key, "highlight.")
        for text in terms:
            problem = highlight_term_problem(text)
            if problem:
                raise self.fail_at_value(f"highlight.{key}", text, 1, *problem)
        return terms

    def searches(self, items: Any) -> tuple[Search, ...]:
        if not isinstance(items, list):
            raise self.fail("searches", "must be an array of tables ([[searches]])")
        out, names, seen = [], set(), {}
        for i, item in enumerate(items):
            w = f"searches[{i}]."
            if not isinstance(item, dict):
                raise self.fail(f"searches[{i}]", "must be a table")
            self.known_keys(item, SEARCH_KEYS, w)
            name = self.ident(self.string(item, "name", w), f"{w}name")
            if name in names:
                raise self.fail_at_value(
                    f"{w}name",
                    name,
                    1,
                    f"two searches are named {name!r}",
                    hint="give each search a name of its own (runs and reports are filed by it)",
                )
            self.distinct_new_id(name, seen, f"{w}name", "search name")
            names.add(name)
            db = self.string(item, "database", w, required=False, default="PubMed")
            if db not in DATABASES:
                raise self.fail(
                    f"{w}database", f"unsupported database {db!r}", hint=f"one of {DATABASES}"
                )
            query = " ".join(self.string(item, "query", w).split())
            try:
                parse(query)
            except QuerySyntaxError as exc:
                raise self.fail(
                    f"{w}query", f"bad query: {exc}", hint=query_fix(exc) + "\n" + exc.hint()
                ) from None
            limits = self.limits(self.table(item, "limits", w, required=False), f"{w}limits.")
            said = {
                key: self.string(item, key, w, required=False)
                for key in ("description", "limits_reason", "peer_review")
            }
            said["adapted_from"] = self.adapted_from(item, w)
            out.append(Search(name, db, query, limits, **said))
        return tuple(out)

    def adapted_from(self, item: dict, w: str) -> str:
        """The citation of the review(s) whose strategy a search adapts or reuses (PRISMA-S
        item 11 asks that they be cited): optional, but written, it must cite something."""
        if isinstance(item.get("adapted_from"), list):  # several reviews, each in quotes
            raise self.fail(
                f"{w}adapted_from",
                "must be one string, not a list",
                hint='cite the reviews in one string, separated by "; ": '
                'adapted_from = "Smith 2019 ...; Jones 2020 ..."',
            )
        cited = self.string(item, "adapted_from", w, required=False)
        if "adapted_from" in item and not cited:
            raise self.fail(
                f"{w}adapted_from",
                "is empty: it should cite the review whose search strategy this one adapts",
                hint='cite it (several separated by "; "): adapted_from = "Author A et al. '
                'Title. Journal. 2020;1:1." or remove the key if no earlier strategy was reused',
            )
        return cited

    def limits(self, data: dict, w: str) -> Limits:
        self.known_keys(data, LIMIT_KEYS, w)
        dates, parsed = {}, {}
        for key in ("date_from", "date_to"):
            value = self.string(data, key, w, required=False)
            if value:
                parsed[key] = self.date(value, f"{w}{key}")
            dates[key] = value
        if len(parsed) == 2:
            # compare as PubMed does: 2021 ends on 2021/12/31, so 2021 to 2021/06 is fine
            start = parsed["date_from"]
            end = tuple(v if v else 99 for v in parsed["date_to"])
            if end < start:
                raise self.fail(
                    f"{w}date_to",
                    f"the range ends ({dates['date_to']}) before it starts ({dates['date_from']})",
                    hint="swap date_from and date_to",
                )
        return Limits(
            date_from=dates["date_from"],
            date_to=dates["date_to"],
            languages=self.strings(data, "languages", w),
            publication_types=self.strings(data, "publication_types", w),
            systematic_subset=self.boolean(data, "systematic_subset", w, False),
        )

    def extraction(self, items: Any) -> tuple[ExtractionField, ...]:
        if not isinstance(items, list):
            raise self.fail("extraction", "must be an array of tables ([[extraction]])")
        out: list[ExtractionField] = []
        ids: set[str] = set()
        seen: dict[str, str] = {}  # id_key -> the first field id of that key
        for i, item in enumerate(items):
            w = f"extraction[{i}]."
            if not isinstance(item, dict):
                raise self.fail(f"extraction[{i}]", "must be a table")
            self.known_keys(item, EXTRACTION_KEYS, w)
            fid = item.get("id")
            if isinstance(fid, str) and fid.strip() in ids:
                raise self.fail(
                    f"{w}id",
                    f"two extraction fields have the id {fid.strip()!r}",
                    hint="each field needs its own id (it names the CSV column)",
                )
            if isinstance(fid, str):
                self.distinct_new_id(fid.strip(), seen, f"{w}id", "extraction field id")
                ids.add(fid.strip())
                self.not_a_sheet_column(fid.strip(), item.get("name"), w)
            out.append(
                ExtractionField(
                    id=self.ident(self.string(item, "id", w), f"{w}id"),
                    name=self.string(item, "name", w),
                    description=self.string(item, "description", w, required=False),
                    prefill=self.prefill_rules(self.strings(item, "prefill", w), f"{w}prefill"),
                    none_if_untested=self.boolean(item, "none_if_untested", w, False),
                )
            )
        return tuple(out)

    def prefill_rules(self, rules: tuple[str, ...], key: str) -> tuple[str, ...]:
        """``rules`` when each is a prefill rule extract knows; a misspelt one was accepted
        here, and refused only when a report or an export prefilled, with no file or line
        ('affiliation-countries' for 'affiliation-country')."""
        for rule in rules:
            kind, colon, arg = rule.partition(":")
            label, second, words = arg.partition(":")  # section:METHODS:team|coordinat
            if kind == "section" and second and not (label.strip() and words.strip("| ")):
                what = "needs a label and words: section:LABEL:word|word"
            elif kind in ("section", "sentence") and ":" in (words if kind == "section" else arg):
                # 'team:coordinat' for 'team|coordinat' is one word no text holds: the field
                # would stay empty for every record, unexplained
                what = "has ':' among its words: words are separated by '|' (word|word)"
            elif kind == "section" and ('"' in straight(label) or _single_quoted(label)):
                # a label is matched to the abstract's headings: quoted, it matched none
                what = "has a section label in quotes: write it bare, section:OUTCOME MEASURES"
            elif kind == "sentence" and not arg.strip():
                what = "needs words after ':': sentence:word|word"
            elif kind in ("section", "sentence") and not all(
                _quotes_enclose_a_word(w) for w in (words if kind == "section" else arg).split("|")
            ):
                what = "has a '\"' that does not enclose a word: '\"found\"' is the word as written"
            elif kind in ("section", "sentence") and any(
                _single_quoted(w) for w in (words if kind == "section" else arg).split("|")
            ):
                what = "has a word in single quotes: a word as written is in double quotes, '\"found\"'"
            elif kind in ("section", "sentence") and not all(
                _star_ends_a_word(w) for w in (words if kind == "section" else arg).split("|")
            ):
                # '*' alone matched every word (the first sentence of any abstract); '*aim' or
                # 'aim*s' is no wildcard but a word no abstract holds: the field stayed empty
                what = (
                    "has a '*' that follows no start of a word: 'purpos*' is any word starting"
                    " with 'purpos'"
                )
            elif (
                kind in PREFILL_WITH_ARGUMENT and arg.strip() or kind in PREFILL_ALONE and not colon
            ):
                continue
            elif kind in PREFILL_WITH_ARGUMENT:
                what = "needs a label after ':'"
            else:
                what = "is unknown" + did_you_mean(kind, PREFILL_WITH_ARGUMENT + PREFILL_ALONE)
            raise self.fail_at_value(
                key, rule, 1, f"the prefill rule {rule!r} {what}", hint=PREFILL_HINT
            )
        return rules

    def not_a_sheet_column(self, fid: str, name: Any, w: str) -> None:
        """Refuse a field id the extraction sheet already uses for a column of its own."""
        if fid not in _SHEET_OWN:
            return
        slug = (
            re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") if isinstance(name, str) else ""
        )
        better = slug if ID_RE.match(slug) and slug not in _SHEET_OWN else f"{fid}-notes"
        raise self.fail(
            f"{w}id",
            f"the extraction sheet has a {fid!r} column of its own (the sheet's own columns:"
            f" {', '.join(_SHEET_OWN)}); a field of that id would make two",
            hint=f'rename the field, e.g. id = "{better}"',
        )

    def report(
        self, item: Any, schemes: dict[str, Scheme], fields: tuple[ExtractionField, ...]
    ) -> Report | None:
        if item is None:
            return None
        if not isinstance(item, dict):
            raise self.fail("report", "must be a table")
        self.known_keys(item, REPORT_KEYS, "report.")
        scheme = self.string(item, "scheme", "report.")
        if scheme not in schemes:
            raise self.fail(
                "report.scheme", f"no scheme {scheme!r}", hint=f"known: {', '.join(schemes)}"
            )
        columns = self.strings(item, "columns", "report.", required=True)
        self.unique(columns, "report.columns", "column")
        known = set(BUILTIN_COLUMNS) | {f.id for f in fields}
        for col in columns:
            if col not in known:
                raise self.fail(
                    "report.columns",
                    f"unknown column {col!r}",
                    hint=f"known: {', '.join(sorted(known))}",
                )
        sort = self.string(item, "sort", "report.", required=False, default="year-desc")
        if sort not in ("year-desc", "year-asc", "author"):
            raise self.fail("report.sort", "must be year-desc, year-asc or author")
        names = item.get("column_names", {})
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            raise self.fail("report.column_names", "must be a table of strings")
        for col in names:  # a misspelt column would silently keep its default heading
            if col not in columns:
                raise self.fail(
                    f"report.column_names.{col}",
                    f"{col!r} is not one of report.columns",
                    hint=f"columns: {', '.join(columns)}",
                )
        return Report(scheme, columns, sort, dict(names))


def with_tested_schemes(
    fields: tuple[ExtractionField, ...], schemes: dict[str, Scheme]
) -> tuple[ExtractionField, ...]:
    """The fields, each ``none_if_untested`` one given the protocol's schemes that read a study
    testing no intervention (their own ``none_if_untested``: what was tested, not a setting or
    a provider, which such a study still has); reviewkit.extract asks them."""
    tested = tuple(s for s in schemes.values() if s.none_if_untested)
    return tuple(replace(f, tested_schemes=tested) if f.none_if_untested else f for f in fields)
