"""Reports of one study without a shared registration number: links suggested from a trial's
name, its team, and the intervention and population its titles name.

Many trials' reports carry no registration number (older trials, a protocol in a journal that
prints none, a follow-up, an economic evaluation, a conference abstract). What the reports of
one trial do share, and what tells them from their neighbours:

- a trial's reports share its **team and its name**: 'the SPINE trial' in the protocol and the
  follow-up, written by many of the same people (:mod:`reviewkit.dedup.study_names`);
- a research group's **different trials share the team but not the name**, nor the population
  (the group's low-back-pain trial and its neck-pain trial): authors alone suggest nothing;
- a programme evaluated in **two trials shares a name**, often its population and title words
  too (IPS in two countries), but not the team or the period: a name alone, or a name and
  words on two teams' main papers with no author in common, suggests nothing either.

So a pair is suggested when it shares a trial name and one author or more, or a trial name and
its titles' words when one of the two lists no authors or is a follow-on report (two main papers
of two teams with no author in common are a programme's two trials); or a team (the same first
author, or two authors or more in common: first authors change between a trial's reports, senior
authors less) and its titles' words (the intervention and the population they name) when one of
the two titles says it is a follow-on report (a protocol, a follow-up, a secondary or economic
analysis: :func:`reviewkit.dedup.follow_on.follow_on_report`); always within one trial's
period.
Each suggestion names the cues it rests on (:attr:`CueLink.cues`); a person decides.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import combinations

from reviewkit.author_names import PARTICLES, split_name, split_run_together
from reviewkit.dedup.abbreviations import acronyms, initials, spelt_out
from reviewkit.dedup.follow_on import follow_on_report, notice_about_a_paper, review_title
from reviewkit.dedup.registers import number_series
from reviewkit.dedup.study_names import (
    name_key,
    name_words,
    names_several_trials,
    record_languages,
    trial_names,
)
from reviewkit.records import Record, fold_text

# A trial's reports appear from its protocol to its long-term follow-up: a protocol two or three
# years before the main paper, follow-ups at five and up to ten years after it. Two records
# further apart than this are two studies whatever else they share (a programme's name reused).
PERIOD = 12
# A name or an author on more studies than this in one project is no one trial's: a common
# acronym, a prolific author, a name two surnames share. Such a key finds no pairs (as a
# registration number on more studies than MAX_REPORTS in study_numbers.py).
MAX_SHARING = 25
# Share of the rarer title's weight (its words weighted by how rare they are in the project)
# that the other title holds too. At 0.5 two titles share most of what they name that is not
# common to the project: the intervention and the population, while the design and the kind of
# report (left out of the words) differ between a trial's protocol, results and follow-up.
WORDS_SHARED = 0.5

# Words that say what kind of report or design a title is: they differ between one trial's
# reports (protocol, results, follow-up, economic evaluation) and are shared by different
# trials, so they are no cue either way. With English function words, and the same words of
# the languages whose trial names study_names reads (German, Swedish, Norwegian, Danish,
# French, Spanish, Dutch, Italian, Portuguese; folded, three letters or more): in a project of
# English titles they are rare, and two titles of one language would share them as if they
# named one topic.
_NOT_TOPIC_WORDS = """a an and are as at be by for from in into is it of on or than that the their this to
    with without within versus vs after before during over under among between its our not
    randomised randomized randomly random controlled control trial trials study studies
    protocol design rationale method methods results result outcome outcomes effect effects
    effectiveness efficacy cost costs economic evaluation analysis analyses secondary
    follow up year years month months week weeks long term short pilot feasibility baseline
    compared comparison comparing cluster multicentre multicenter pragmatic clinical
    intervention interventions program programme programs programmes new two three one
    report findings preliminary final update
    und mit bei von fur zur zum ein eine einer eines nach auf aus uber der die das den dem des
    randomisierte randomisierten randomisiert kontrollierte kontrollierten klinische studie
    studien ergebnisse protokoll studienprotokoll nachuntersuchung wirksamkeit
    och hos till efter ett den det randomiserad randomiserade randomisert randomiserte
    randomiseret kontrollerad kontrollerade kontrollert kontrollerte kontrolleret resultat
    resultater studieprotokoll uppfoljning oppfolging opfolgning
    les des une pour dans sur chez par avec essai etude randomise randomisee controle controlee
    resultats protocole suivi
    los las del con por para una ensayo estudio aleatorizado aleatorizada controlado
    controlada resultados protocolo seguimiento
    het een van bij voor met naar gerandomiseerde gecontroleerde onderzoek resultaten
    dello nello della delle degli nel nella per uno gli studio studi randomizzato randomizzata
    controllato controllata risultati protocollo
    dos das com uma estudo ensaio randomizado randomizada"""
_NOT_TOPIC = frozenset(_NOT_TOPIC_WORDS.split())


@dataclass(frozen=True)
class StudyCues:
    """What one study's records (a duplicate cluster) say about the trial they report."""

    names: frozenset[str]  # trial names in its titles (study_names.name_key form)
    first_authors: frozenset[str]  # author keys ('smith j') of its records' first authors
    authors: frozenset[str]  # every author key
    years: frozenset[int]
    words: frozenset[str]  # its titles' content words
    follow_on: bool  # a title says it is a protocol, follow-up, secondary analysis …
    numbers: frozenset[str]  # registration numbers found in it (a guard, see cue_links)
    mentions: frozenset[str] = frozenset()  # name-like words anywhere in its titles
    # a title of two trials or more, or of a meeting's session: its numbers bridge no
    # registrations (study_names.names_several_trials, study_numbers)
    several_trials: bool = False
    # the acronyms its titles write ('IPS-MA'), and its titles, where another study's acronym
    # may be spelt out (:func:`_spelt_alike`; their initials read only there, for the few
    # pairs that need them, not kept for every study)
    acronyms: frozenset[str] = frozenset()
    titles: tuple[str, ...] = ()
    review: bool = False  # a title says it is a systematic review or a meta-analysis
    # every record of it is a notice about a paper (an erratum, a comment, a reply): no report
    # of a trial, so it joins no study (follow_on.notice_about_a_paper)
    notice: bool = False


# 'P Nazzaro', 'J-R Norrefalk', 'B R Davis': one or two initials glued, or initials apart
_INITIAL_FIRST = re.compile(r"([A-Z](?:-?[A-Z])?(?:\s[A-Z])*)\s+([A-Z][^\s,]+)")


def author_key(name: str) -> str:
    """'Smith, John' / 'Smith J' / 'J. Smith' -> 'smith j'; 'van der Berg J' / 'Berg, J. van
    der' -> 'van der berg j'; '' for a group's name (no initials: 'SPINE Study Group'), which
    would join every study the group signs."""
    parts = split_name(name)
    if _acronyms(name, parts.given):
        return ""
    # the surname with its particles wherever the name puts them and in any case: exports write
    # one person 'van der Berg J', 'Berg J van der', 'J van der Berg' (split_name puts those
    # before the surname), 'Berg, J. van der' (after the given names, moved here) and 'De
    # Vries' or 'de Vries'. Kept, not set aside: a capitalised particle is most often part of
    # the surname itself ('De Luca', 'Di Stefano', 'La Rosa', 'Le Roux', Flemish 'Van Damme'),
    # another family than 'Luca' or 'Roux'.
    given_words = fold_text(parts.given).split()
    n = len(given_words)
    while n > 1 and given_words[n - 1] in PARTICLES:
        n -= 1
    given = " ".join(given_words[:n])
    family = " ".join([*given_words[n:], *fold_text(parts.surname).split()])
    if not given or re.fullmatch(r"[A-Z]\.?", parts.surname):
        # 'P Nazzaro', 'J-R Norrefalk': initials before the surname without stops, as some
        # exports write them (ASReview's Cohen sets); split_name reads undotted capitals there
        # as an acronym, right for a group's name, so one or two capitals only are read here.
        # In capitals ('J LI') it reads the surname as initials and the initial as the
        # surname: a surname of one letter is read again here ('KH NG' stays ambiguous with
        # 'NG KH', a surname and initials, and is left as split_name reads it).
        m = _INITIAL_FIRST.fullmatch(name.strip())
        if m:
            given, family = m.group(1).lower(), fold_text(m.group(2))
    return f"{family} {given[0]}" if family and given else ""


def _acronyms(name: str, given: str) -> bool:
    """'UK BEAM', 'MRC CFAS': a group's name of two acronyms, which split_name reads as a
    surname and four initials. A person written in capitals has a comma before a given name in
    full ('GRAESSLEY, SCOTT') or three initials at most ('NG KH'); four or more, with no comma
    and no small letter, are an acronym (a rare person with four initials loses a cue, where a
    group's key would join every study it signs)."""
    letters = sum(c.isalpha() for c in given)
    return "," not in name and not any(c.islower() for c in name) and letters > 3


def _stem(word: str) -> str:
    """A plural's singular, so 'disorders' and 'disorder' agree: enough for title words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# British and American spellings are two words here ('haemoglobinuria', 'hemoglobinuria'):
# folded to one (ranking round 9's rule set, benchmarks/ranking_round9_model.us_spelling,
# extended), the 27 benchmark sets gained two suggestions, both one team's different studies
# (two rat-heart experiments on 'ischaemic'/'ischemic' preconditioning, two BVDV reviews on
# 'diarrhoea'/'diarrhea'), and lost two reports of one study (a PNH team's eculizumab trial
# and its extension, UKPDS 26 and 33 on 'sulphonylurea'), whose spelling, one team's, had
# weighed as a rare word beside the review's other spelling of its topic; no report of one
# study came in. A team writes its reports in one spelling more often than journals change it.
def _title_words(title: str) -> set[str]:
    """A title's content words: folded, stemmed, no design or report words, no numbers."""
    return {
        _stem(w)
        for w in fold_text(title).split()
        if len(w) > 2 and not w.isdigit() and w not in _NOT_TOPIC
    }


def study_cues(records: Iterable[Record], numbers: Iterable[str] = ()) -> StudyCues:
    """The cues of one study from its records (a duplicate cluster's copies)."""
    names: set[str] = set()
    firsts: set[str] = set()
    authors: set[str] = set()
    years: set[int] = set()
    words: set[str] = set()
    mentions: set[str] = set()
    written: set[str] = set()
    titles: list[str] = []
    follow_on = several = review = False
    notices = []
    for rec in records:
        notices.append(notice_about_a_paper(rec))
        languages = record_languages(rec.language)
        # the English title, and the original beside it (PubMed's VernacularTitle), where the
        # other languages' patterns read a trial's name and the kind of report; the words are
        # the English title's, which every record has
        for title in filter(None, (rec.title, rec.vernacular_title)):
            follow_on = follow_on or follow_on_report(title, languages)
            review = review or review_title(title)
            named = trial_names(title, languages)
            several = several or names_several_trials(title, named)
            names |= named
            written_names = name_words(title)
            mentions |= written_names
            # the English title's acronyms (none in capitals, where every word looks like one),
            # not one it spells out itself ('chronic myeloid leukemia in chronic phase
            # (CML-CP)'): its words are the title's, and another's spelling would add only
            # that title's variant of them ('myelogenous')
            if written_names and title == rec.title:
                own = initials(title)
                written |= {a for a in acronyms(title) if not spelt_out(a, own)}
        mentions |= names  # a name glued to a word ('…-WorkUp')
        # an entry run together ('LevensonJ.L.McClishD.K.', an export that lost its
        # separators) is read name by name, not as its first name only
        keys = [k for a in rec.authors for k in map(author_key, split_run_together(a)) if k]
        if keys:
            firsts.add(keys[0])
        authors.update(keys)
        if rec.year:
            years.add(rec.year)
        words |= _title_words(rec.title)
        titles.append(rec.title)
    # a trial's name is its own cue, not one of the words that name its intervention and
    # population: counted twice, a name alone would suggest a link
    words = {w for w in words if w.upper() not in names}
    return StudyCues(
        frozenset(names),
        frozenset(firsts),
        frozenset(authors),
        frozenset(years),
        frozenset(words),
        follow_on,
        frozenset(numbers),
        frozenset(mentions),
        several,
        frozenset(written),
        tuple(titles),
        review,
        bool(notices) and all(notices),
    )


@dataclass(frozen=True)
class CueLink:
    """Why two studies may be one: the cues they share."""

    names: tuple[str, ...]
    authors: tuple[str, ...]  # shared author keys
    first_author: bool  # the same first author
    words: tuple[str, ...]  # shared title words, rarest first
    years: tuple[int, int]  # earliest and latest year of the two ((0, 0) when neither has one)
    # one of the two says it is a protocol, follow-up, secondary analysis … of a study of
    # the other's kind (a review's of a review, a primary study's of a primary study)
    follow_on: bool
    two_teams: bool = False  # both list authors (after _without_common) and share none

    @property
    def team(self) -> bool:
        """The same first author, or two authors or more in common."""
        return self.first_author or len(self.authors) >= 2

    @property
    def suggests(self) -> bool:
        """The rule: a trial's name and its team or its topic (one author in common is enough
        beside a name); or a team and the intervention and population its titles name, when
        one of the two says it is a follow-on report (a group's different trials are two main
        papers, each with the team and the topic: measured, they were most of the team-and-
        words suggestions in the drug reviews, benchmarks/results/study-links.md). A name and
        words between two teams with no author in common only when one of the two is a
        follow-on report (a large trial's design paper and another writing group's subgroup
        paper), as with a team: two main papers of two teams are two trials of one programme,
        whose trials often share its population too (IPS in Norway and in the Netherlands:
        supported employment for severe mental illness, in both titles)."""
        if self.names and (self.authors or (self.words and (self.follow_on or not self.two_teams))):
            return True
        return self.team and bool(self.words) and self.follow_on

    @property
    def cues(self) -> tuple[str, ...]:
        """The cues the suggestion rests on: 'name', 'authors', 'words'."""
        out = ("name",) if self.names else ()
        out += ("authors",) if self.authors else ()
        out += ("words",) if self.words else ()
        return out + (("follow-on",) if self._rests_on_follow_on else ())

    @property
    def _rests_on_follow_on(self) -> bool:
        """Whether the rule needed the follow-on report: a team and words, or a name and words
        between two teams (beside a name and an author in common it says nothing more)."""
        return self.follow_on and (not self.names or self.two_teams)

    def evidence(self) -> str:
        """'trial name SPINE; authors Smith J (first), Lee K; title words spine, surgery;
        2010-2014': what a person reads beside the suggestion."""
        parts = []
        if self.names:
            parts.append("trial name " + ", ".join(self.names))
        if self.authors:
            shown = ", ".join(_shown(k) for k in self.authors[:4])
            more = f" +{len(self.authors) - 4}" if len(self.authors) > 4 else ""
            first = " (same first author)" if self.first_author else ""
            parts.append(f"authors {shown}{more}{first}")
        if self.words:
            parts.append("title words " + ", ".join(self.words[:5]))
        if self._rests_on_follow_on:
            parts.append("one a follow-on report")
        if self.years != (0, 0):
            lo, hi = self.years
            parts.append(str(lo) if lo == hi else f"{lo}-{hi}")
        return "; ".join(parts)


def _shown(key: str) -> str:
    """'Smith J'; 'van der Berg J' for the key 'van der berg j' (particles in lower case)."""
    family, _, initial = key.rpartition(" ")
    words = [w if w in PARTICLES else w.title() for w in family.split()]
    return f"{' '.join(words)} {initial.upper()}"


def _index(studies: Mapping[int, StudyCues], attr: str) -> dict[str, list[int]]:
    """key -> the studies that have it (a trial name or an author key)."""
    out: dict[str, list[int]] = defaultdict(list)
    for sid in sorted(studies):
        for key in getattr(studies[sid], attr):
            out[key].append(sid)
    return out


def _without_common(studies: Mapping[int, StudyCues]) -> dict[int, StudyCues]:
    """The studies without the names and authors on more than MAX_SHARING of them: these are
    no one trial's (a common acronym, a prolific author, one name of two people). A name counts
    the studies whose titles write it anywhere ('CBT for insomnia'), not only where a pattern
    reads it as a name ('the CBT study'): a term of the review (an intervention, a measure, a
    condition) is in many titles, a trial's name in its few reports."""
    common = {
        attr: {k for k, ids in _index(studies, attr).items() if len(ids) > MAX_SHARING}
        for attr in ("mentions", "authors", "first_authors")
    }
    return {
        sid: replace(
            s,
            names=s.names - common["mentions"],
            acronyms=frozenset(a for a in s.acronyms if name_key(a) not in common["mentions"]),
            authors=s.authors - common["authors"],
            first_authors=s.first_authors - common["first_authors"],
        )
        for sid, s in studies.items()
    }


_RARE = ""  # the key of word_weights that holds the weight of a word on MAX_SHARING studies


def word_weights(studies: Mapping[int, StudyCues]) -> dict[str, float]:
    """Each title word's weight: how rare it is among the project's studies (idf), so 'pain'
    in a review of pain weighs little and the intervention's own words much; under the key
    '' the weight of a word on MAX_SHARING studies (rarer words name a study's own topic)."""
    df: dict[str, int] = defaultdict(int)
    for s in studies.values():
        for w in s.words:
            df[w] += 1
    n = len(studies) + 1
    weight = {w: math.log(n / d) for w, d in df.items()}
    weight[_RARE] = math.log(n / MAX_SHARING)
    return weight


def _shared_words(
    a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]
) -> tuple[str, ...]:
    """The shared title words when they hold WORDS_SHARED of the lighter title's weight (the
    shorter title of a conference abstract or a follow-up named briefly) and one of them is
    on MAX_SHARING studies or fewer; else none. The review's own topic is on most of its
    records ('attention deficit hyperactivity disorder' in a review of ADHD): a short title of
    those words alone shares all it has with every record of a team, and names no study."""
    shared = a & b
    light = min(sum(weight[w] for w in a), sum(weight[w] for w in b))
    if not shared or light <= 0 or sum(weight[w] for w in shared) < WORDS_SHARED * light:
        return ()
    if max(weight[w] for w in shared) < weight[_RARE]:
        return ()
    return tuple(sorted(shared, key=lambda w: (-weight[w], w)))


def _spelt_alike(a: StudyCues, b: StudyCues) -> tuple[frozenset[str], frozenset[str]]:
    """The two studies' title words as if both spelt out an acronym that one writes and the
    other spells out ('the IPS-MA intervention', 'Individual Placement and Support modified
    for people with mood and anxiety disorders': abbreviations.spelt_out): in the one, the
    acronym's word is replaced by the spelt-out words. These are weighed as any title's
    (word_weights): a review's own term ('PNH' in a review of paroxysmal nocturnal
    haemoglobinuria, 'CBT' in one of depression) is spelt out on many titles and weighs
    little, as when both spell it out. Not the acronym's word on the other side: it counts
    only the titles that write it short, so a topic written short in a few titles would be a
    rare word (measured: 21 more suggestions in the haematology set, a PNH review, each on
    'pnh'). An acronym written in the titles of more than MAX_SHARING studies is read by
    neither (_without_common), as a name is not; one with a digit names one of a family
    ('TLR2' beside 'toll-like receptor 4', 'IL-6') that its spelt-out words do not tell apart."""
    words = [set(a.words), set(b.words)]
    for side, (short, full) in enumerate(((a, b), (b, a))):
        spellings = [initials(t) for t in full.titles] if short.acronyms else []
        for acronym in sorted(short.acronyms):
            if name_key(acronym) in full.mentions or any(c.isdigit() for c in acronym):
                continue  # both write it (a shared word already), or one of a family
            spelt = next(filter(None, (spelt_out(acronym, t) for t in spellings)), ())
            if spelt:
                words[side] -= _title_words(acronym)
                words[side] |= _title_words(" ".join(spelt)) & full.words
    return frozenset(words[0]), frozenset(words[1])


def _years(a: StudyCues, b: StudyCues) -> tuple[int, int] | None:
    """Earliest and latest year, None when the two are further apart than PERIOD."""
    years = a.years | b.years
    if not years:
        return (0, 0)
    if a.years and b.years and min(abs(x - y) for x in a.years for y in b.years) > PERIOD:
        return None
    return (min(years), max(years))


def _two_registrations(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two studies' numbers say two trials: no number in common, and a number of one
    series on each (two NCT numbers). Numbers of two registers only (an NCT number and an
    ISRCTN number) may be one trial registered twice, each report citing one: there the
    other cues decide (a report naming both joins them as a number does, and gives each the
    other's: study_numbers.registrations)."""
    if not a or not b or a & b:
        return False
    return bool({number_series(n) for n in a} & {number_series(n) for n in b})


def _candidates(studies: Mapping[int, StudyCues]) -> set[tuple[int, int]]:
    """Pairs that share a trial name or an author (the only ways a pair can be suggested)."""
    pairs: set[tuple[int, int]] = set()
    for attr in ("names", "authors"):
        for ids in _index(studies, attr).values():
            pairs.update(combinations(ids, 2))
    return pairs


def compare(a: StudyCues, b: StudyCues, weight: Mapping[str, float]) -> CueLink | None:
    """The cues two studies share (whether or not they suggest a link), or None when they are
    two studies whatever they share: registered under two numbers of one register and sharing
    none (:func:`_two_registrations`), or further apart than PERIOD; or when one is a notice
    about a paper (an erratum, a comment: :attr:`StudyCues.notice`), no report of a study."""
    if a.notice or b.notice or _two_registrations(a.numbers, b.numbers):
        return None
    years = _years(a, b)
    if years is None:
        return None
    words = _shared_words(a.words, b.words, weight)
    if not words and (a.acronyms or b.acronyms):
        words = _shared_words(*_spelt_alike(a, b), weight)
    return CueLink(
        tuple(sorted(a.names & b.names)),
        tuple(sorted(a.authors & b.authors)),
        bool(a.first_authors & b.first_authors),
        words,
        years,
        # a later report is of a study of its own kind: a review is no report of a primary
        # study nor one of it (a team's review of its topic's follow-up and its own trial's
        # 2-year follow-up, srsr), its protocol and parts are a review's
        (a.follow_on or b.follow_on) and a.review == b.review,
        bool(a.authors and b.authors and not a.authors & b.authors),
    )


def cue_links(studies: Mapping[int, StudyCues]) -> dict[tuple[int, int], CueLink]:
    """Suggested links between studies (id -> cues), by the rule of the module's docstring;
    keys (a, b) with a < b."""
    weight = word_weights(studies)
    studies = _without_common(studies)
    out = {}
    for a, b in sorted(_candidates(studies)):
        link = compare(studies[a], studies[b], weight)
        if link is not None and link.suggests:
            out[(a, b)] = link
    return out
