"""The protocol's data model: what a review decides before it starts, as dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from reviewkit.errors import ProtocolError
from reviewkit.exclusion_reasons import NOT_RETRIEVED_REASONS

DATABASES = ("PubMed",)
STAGES = ("title-abstract", "full-text")
SCREEN_LABELS = ("include", "exclude", "uncertain")
BUILTIN_COLUMNS = ("study", "reference", "year", "title", "journal", "doi", "pmid")


@dataclass(frozen=True)
class Limits:
    date_from: str = ""  # YYYY, YYYY/MM or YYYY/MM/DD (publication date)
    date_to: str = ""
    languages: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()
    systematic_subset: bool = False  # PubMed's systematic[sb] filter

    def as_query_terms(self) -> list[str]:
        """The limits as PubMed query clauses, to AND with the stored query."""
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '1800'}:{self.date_to or '3000'}[dp]")
        if self.languages:
            parts.append("(" + " OR ".join(f"{lang}[la]" for lang in self.languages) + ")")
        if self.publication_types:
            parts.append("(" + " OR ".join(f'"{pt}"[pt]' for pt in self.publication_types) + ")")
        if self.systematic_subset:
            parts.append("systematic[sb]")
        return parts

    def describe(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "languages": list(self.languages),
            "publication_types": list(self.publication_types),
            "systematic_subset": self.systematic_subset,
        }


@dataclass(frozen=True)
class Search:
    name: str
    database: str
    query: str
    limits: Limits = field(default_factory=Limits)
    description: str = ""
    limits_reason: str = ""  # why the limits (PRISMA-S item 9), as the protocol words it
    peer_review: str = ""  # who reviewed the strategy, how, when (PRISMA-S item 14)
    adapted_from: str = ""  # the review(s) whose strategy this adapts, cited (PRISMA-S item 11)

    def full_query(self) -> str:
        """The stored query with its limits ANDed on, as sent to PubMed."""
        extra = self.limits.as_query_terms()
        if not extra:
            return self.query
        return " AND ".join([f"({self.query})", *extra])


@dataclass(frozen=True)
class ExclusionReason:
    code: str
    label: str
    # the report was not retrieved (no full text to judge): PRISMA's "reports not retrieved",
    # left out of agreement (reviewkit.exclusion_reasons); 'no-full-text' and 'not-retrieved'
    # are read so whatever this says
    not_retrieved: bool = False


@dataclass(frozen=True)
class Stage:
    name: str
    reviewers_per_record: int = 2
    advance_on: tuple[str, ...] = ("include", "uncertain")
    reason_required: bool = False
    exclusion_reasons: tuple[ExclusionReason, ...] = ()

    def not_retrieved_codes(self) -> frozenset[str]:
        """The reason codes that say a report was not retrieved here: the built-in
        ``NOT_RETRIEVED_REASONS`` and the reasons marked ``not_retrieved = true``."""
        own = {r.code for r in self.exclusion_reasons if r.not_retrieved}
        return frozenset(NOT_RETRIEVED_REASONS) | own

    def reason_label(self, code: str) -> str:
        """The protocol's wording of an exclusion reason, as the screens and lists show it
        (the code itself when the stage no longer has that reason)."""
        return next((r.label for r in self.exclusion_reasons if r.code == code), code)


# What joins the terms of a sign of several terms where its evidence names it ("case manager*
# + insurer*"); the first is the sign's head, where it is found
SIGN_JOIN = " + "


@dataclass(frozen=True)
class SignalTerm:
    text: str
    weight: float = 1.0
    language: str = "en"
    # A sign of several terms (``{ all = [text, *together] }``): ``text`` counts only where each
    # of these terms stands in the same sentence ("case manager*" with "insurer*": a case
    # manager employed by the insurer), at ``text``'s place (:func:`reviewkit.classify.find_term`)
    together: tuple[str, ...] = ()
    # A named instrument (a label's ``instruments``): its name is an outcome measure, evidence
    # only beside a cut-off that makes it a case definition (:mod:`reviewkit.classify.outcomes`)
    instrument: bool = False

    @property
    def shown(self) -> str:
        """The term as its evidence names it: its text, or a sign's terms joined by ' + '."""
        return SIGN_JOIN.join((self.text, *self.together))


@dataclass(frozen=True)
class Label:
    id: str
    name: str
    description: str = ""
    terms: tuple[SignalTerm, ...] = ()
    negative_terms: tuple[SignalTerm, ...] = ()
    mesh: tuple[str, ...] = ()  # MeSH headings that speak for the label (exact, any case)
    publication_types: tuple[str, ...] = ()  # publication types that speak for it
    topic: bool = False  # a topic label cuts across the others (see Scheme.topic_rule)
    combines: tuple[str, ...] = ()  # a combination label: evidence for several of these labels
    min_combined: int = 0  # how many of ``combines`` must have evidence (0: all of them)
    # Groups of ``combines`` that count as one towards ``min_combined``: labels for one kind of
    # condition (Review A's musculoskeletal and chronic pain: both pain conditions)
    count_as_one: tuple[tuple[str, ...], ...] = ()
    # The labels ``combines`` joins make up everyone between them (women and men), so a share
    # below 100% of one says the rest are the other: the combination's evidence
    # (:mod:`reviewkit.classify.shares`). Not where others may be none of them (a share of
    # musculoskeletal disorders says nothing of mental ones)
    complementary: bool = False
    # Other schemes' labels whose terms this label shares ("clinical-type" for all its labels,
    # "clinical-type.exercise" for one): a label that stands for several labels of a scheme
    # within the scheme; ``terms`` holds them after its own
    terms_of: tuple[str, ...] = ()
    # The range of weeks (lowest, highest; highest may be infinite) a duration written in the
    # text must fall in for this label, of what the scheme's ``duration_of`` names
    # (:mod:`reviewkit.classify.durations`): the acute, subacute, chronic of a pain review
    duration_weeks: tuple[float, float] = ()


NONE_ID = "none"  # a scheme's "none of these" answer when its protocol gives no none_label
NONE_NAME = "None of these"  # that answer's name when the protocol gives no none_name


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    labels: tuple[Label, ...]
    multi_label: bool = False
    none_label: str = ""  # id of the "none of these" answer, if the scheme has one
    none_name: str = ""  # its name as people read it ("Other design"; else NONE_NAME)
    kind: str = "scheme"  # scheme | flag
    threshold: float = 1.0  # minimum rule score for a suggestion
    # Minimum evidence: the sum of the weights of a label's distinct terms, before the title or
    # section factors, that a label needs besides the threshold, so one weak word never
    # suggests a label alone (0: no minimum).
    min_evidence: float = 0.0
    # How topic labels (Label.topic) stand beside the others: 'compete' (highest score wins, as
    # any label), 'coexist' (suggested beside the best other label), 'precedence' (a topic label
    # with evidence is suggested instead of the others) or 'fallback' (only when no other has).
    topic_rule: str = "compete"
    fallback_label: str = ""  # suggested when no label has enough evidence (else none_label)
    # What a duration in the text must be of for its labels' ``duration_weeks`` (the pain, the
    # sick leave): terms, as a label's, near which a duration is read
    duration_of: tuple[SignalTerm, ...] = ()
    # Which duration the labels' ranges are of (DURATION_KINDS): the population's at inclusion
    # ("population": how long the pain or the sick leave had lasted) or the study's follow-up
    # ("follow-up": how long after inclusion the outcomes were last measured)
    duration_kind: str = "population"
    # Whether the labels sort studies by what they measured (their outcomes, the outcomes'
    # source), not whom they studied or what they tested: a term counts where the record says
    # what was measured, in either arm (reviewkit.classify.measurement)
    measures: bool = False
    # Whether the labels sort records by what kind of study or report they are (the design, a
    # protocol or a follow-up): a term counts where the record speaks of its own study, not of
    # others' nor of research to come, in either arm (reviewkit.classify.own_study)
    study_kind: bool = False
    # Whether the labels sort studies by what the study itself did (who delivered its
    # intervention, whom it included): a term counts only where the record speaks of its own
    # study, a background only in its sentence of the study's own aim, and the tested arm only
    # (reviewkit.classify.own_study)
    study_did: bool = False
    # Whether the labels sort studies by whom they included (a disorder, an employment status,
    # a sector): the people someone in the text meets or contacts are the population, so the
    # contacted-party rule (reviewkit.classify.actors), made for schemes of who acts, does not
    # take them away ("Occupational health nurses met each police officer")
    population: bool = False
    # Whether the labels sort studies by what their intervention was, who delivered it, how or
    # where: a term does not count where a sentence names it as what the study measured ("Return
    # to work was measured with ...", "outcomes were sick leave and workplace contact"), which
    # schemes of outcomes, of populations and of study kinds read as evidence
    # (reviewkit.classify.measured)
    tested: bool = False
    # In a scheme of what was tested, whether a study that tests no intervention (its design's
    # words, no programme named: reviewkit.classify.untested) takes a label only with more than
    # one plain mention, else the none label: Review B's model type, where a survey or a
    # prognostic cohort names the employer in passing; not a setting, which such a study has
    none_if_untested: bool = False

    def label(self, label_id: str) -> Label:
        for lab in self.labels:
            if lab.id == label_id:
                return lab
        raise KeyError(label_id)

    @cached_property  # read for every label of every record scored (frozen: kept in __dict__)
    def instruments(self) -> tuple[SignalTerm, ...]:
        """The instruments the scheme's labels name (a label's ``instruments``): with the built-in
        names (reviewkit.classify.outcomes.INSTRUMENTS), the health words beside them are an
        outcome's name ("PSS-10 stress scores", "stress measured with the PSS-10")."""
        return tuple(t for lab in self.labels for t in lab.terms if t.instrument)

    @property
    def none_id(self) -> str:
        """The id the "none of these" answer is stored under (:data:`NONE_ID` when the protocol
        names none)."""
        return self.none_label or NONE_ID

    @property
    def none_label_name(self) -> str:
        """The name screens, tables and ``classify`` give the "none of these" answer."""
        return self.none_name or NONE_NAME

    def name_of(self, label_id: str) -> str:
        """A label's name in the protocol, the none answer's name for its id, else the id
        itself (a label the protocol no longer has)."""
        for lab in self.labels:
            if lab.id == label_id:
                return lab.name
        return self.none_label_name if label_id == self.none_id else label_id

    @property
    def label_ids(self) -> tuple[str, ...]:
        ids = tuple(lab.id for lab in self.labels)
        return ids + ((self.none_label,) if self.none_label and self.none_label not in ids else ())


# the prefill rules of an extraction field (reviewkit.extract applies them): those that take
# an argument after ':' ('section:OBJECTIVE', 'section:METHODS:team|coordinat',
# 'sentence:aim|objective') and those that take none
PREFILL_WITH_ARGUMENT = ("section", "sentence")
PREFILL_ALONE = ("own-aim", "affiliation-country", "publication-type")
PREFILL_HINT = (
    "use section:LABEL, section:LABEL:word|word, sentence:word|word (a word in double quotes"
    ' as written: sentence:conclude|"showed"), own-aim, affiliation-country or publication-type'
)


@dataclass(frozen=True)
class ExtractionField:
    id: str
    name: str
    description: str = ""
    prefill: tuple[str, ...] = ()  # e.g. 'section:OBJECTIVE', 'affiliation-country'
    # no prefill for a study that tests no intervention (reviewkit.classify.untested): a
    # field of the intervention, which a register cohort or a survey has none of
    none_if_untested: bool = False
    # with it, the protocol's schemes of what was tested, read as none_if_untested reads them
    # (set when the protocol is loaded): a study that names no programme keeps its sentence
    # where one of them still finds what it tested (a register study of dialogue meetings)
    tested_schemes: tuple[Scheme, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Report:
    scheme: str
    columns: tuple[str, ...]
    sort: str = "year-desc"
    column_names: dict[str, str] = field(default_factory=dict)


# The hint of every extraction command when the protocol has no field: an [[extraction]] table
# as it is written in protocol.toml, a key to a line (TOML ends a key's value at the line's end,
# so the table on one line, as the hint once showed it, is no TOML a user can paste).
EXTRACTION_EXAMPLE_HINT = (
    "add a field to the protocol as an [[extraction]] table (see the README, section 6),"
    ' for example:\n\n    [[extraction]]\n    id = "country"\n    name = "Country"'
)


@dataclass(frozen=True)
class Protocol:
    path: Path
    id: str
    title: str
    question: str
    reviewers: tuple[str, ...]
    searches: tuple[Search, ...]
    inclusion: tuple[str, ...]
    exclusion: tuple[str, ...]
    stages: dict[str, Stage]
    highlight_include: tuple[str, ...]
    highlight_exclude: tuple[str, ...]
    schemes: dict[str, Scheme]
    extraction: tuple[ExtractionField, ...]
    report: Report | None
    leads: tuple[str, ...] = ()  # people who resolve, confirm and extract but do not screen

    def search(self, name: str) -> Search:
        for s in self.searches:
            if s.name == name:
                return s
        known = ", ".join(s.name for s in self.searches)
        raise ProtocolError(
            f"no stored search named {name!r}", where=str(self.path), hint=f"known: {known}"
        )

    def stage(self, name: str) -> Stage:
        if name not in self.stages:
            raise ProtocolError(
                f"no screening stage {name!r}",
                where=str(self.path),
                hint=f"known: {', '.join(self.stages)}",
            )
        return self.stages[name]

    def extraction_fields(self) -> tuple[ExtractionField, ...]:
        """The extraction fields; a ProtocolError saying how to add one when there are none
        (the extraction commands have nothing to show, fill or read back without one)."""
        if not self.extraction:
            raise ProtocolError(
                "the protocol has no extraction fields",
                where=str(self.path),
                hint=EXTRACTION_EXAMPLE_HINT,
            )
        return self.extraction

    def scheme(self, scheme_id: str) -> Scheme:
        if not self.schemes:
            raise ProtocolError(
                "the protocol has no classification schemes",
                where=str(self.path),
                hint="add a [schemes.ID] table with [[schemes.ID.labels]] (see the README)",
            )
        if scheme_id not in self.schemes:
            raise ProtocolError(
                f"no classification scheme {scheme_id!r}",
                where=str(self.path),
                hint=f"known: {', '.join(self.schemes)}",
            )
        return self.schemes[scheme_id]


# --- loading -----------------------------------------------------------------------------
