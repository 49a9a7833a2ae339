"""What kind of report a title says it is: a trial's protocol or design, a follow-up, a
secondary or economic analysis, a numbered part of one study (not its main paper), in English
and in the languages whose trial names :mod:`reviewkit.dedup.study_names` reads. Two main
papers of one team say none of this, so a team and a topic suggest a link only beside such a
report (:mod:`reviewkit.dedup.study_cues`).
"""

from __future__ import annotations

import re

from reviewkit.dedup.notice_titles import type_kind
from reviewkit.dedup.study_names import read_in
from reviewkit.dedup.titles import is_notice, match_title
from reviewkit.records import Record, fold_text

# A trial's reports other than its main paper say in their titles what they are: its protocol
# or design, its baseline, a follow-up ('two-year follow-up', 'five years after', 'long-term
# effects'), a secondary, subgroup or post hoc analysis, an economic or process evaluation, an
# extension. Two main papers of one research group (its different trials) say none of this, so
# a team and a topic suggest a link only beside such a report (study_cues.CueLink.suggests).
_FOLLOW_ON = re.compile(
    # 'protocol' only of the report: 'study protocol', 'protocol for a randomised trial' (a
    # systematic review, a test), 'meta-analysis protocol', a title opening or ending in it,
    # 'protocol and statistical analysis plan', 'objectives, protocol, and progress',
    # 'protocol paper'; 'an enhanced recovery protocol' is an intervention, as is 'a treatment
    # protocol', which one team's different trials may share
    r"\b(?:(?:study|trial|research|evaluation|review|analysis)\s+protocol|^protocol"
    r"|protocol\s+(?:for|of)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:trial|study|evaluation|review|test|analysis|investigation|survey|experiment)"
    r"|protocol(?=\s*,|\s+(?:and|paper)\b|\W*$)"
    # 'design' only of a study's: 'study design', 'trial design', 'design of a randomised
    # trial', 'design and rationale', 'design, methods and findings'. Elsewhere, after a
    # colon too, it is what an experiment or a paper makes or studies ('rational design,
    # synthesis and testing of … inhibitors', '… ligands: design, synthesis and biological
    # evaluation', 'dosage regimen design', 'cardiovascular design', 'user-interface
    # design', 'ergonomic design', 'experimental design'), which one laboratory's papers share
    r"|(?:study|trial|evaluation)\s+design"
    r"|design\s*(?:,|and)\s*(?:rationale|methods?|methodology|baseline|objectives|conduct"
    r"|recruitment)"
    r"|design\s+of\s+(?:an?|the|two|three)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:trials?|stud(?:y|ies)|evaluation|cohort|survey|program(?:me)?)"
    r"|rationale|baseline|follow[\s-]?up|years?\s+after"
    # 'secondary' and 'exploratory' only of an analysis: 'secondary prevention', 'secondary
    # care' and 'secondary progressive' name an intervention, a setting or a population;
    # 'exploratory behaviour' or 'activity' is what an experiment measures in animals,
    # 'exploratory factor analysis' a scale's, 'an exploratory trial' a design (the MRC
    # framework's phase before a definitive trial), each a main paper
    r"|(?:secondary|exploratory)\s+(?:analys[ie]s|outcomes?|end[\s-]?points?|results"
    r"|findings|data)"
    r"|subgroup|sub[\s-]?stud(?:y|ies)|post[\s-]?hoc|ancillary"
    # not 'qualitative': a qualitative study's title says its own design, and two of one team
    # on one population (the demo's two COVID-19 studies of Thailand's hill tribes) are two
    r"|economic|cost[\s-]?(?:effectiveness|utility|benefit)|process\s+evaluation"
    r"|extension|mediat(?:ors?|ion)|moderators?)\b",
    re.IGNORECASE,
)


# The same reports as titles in other languages call them, read in the folded title (no accents,
# no punctuation: 'Kosten-Nutzen' is 'kosten nutzen'): words that mean a later report of a
# trial, not a property of a treatment or the course of a disease. 'protocol' of the report
# only, as in English: a study's protocol ('Studienprotokoll', 'studieprotokoll', 'protocole de
# l'étude'), never a treatment's ('Behandlungsprotokoll'). German and Scandinavian compounds
# hold the word anywhere ('5-Jahres-Nachuntersuchung', 'uppföljningsstudie'). Left out, each
# for what else it names: 'suivi', 'seguimiento', 'seguimento' and the Scandinavian
# 'uppföljning', 'oppfølging', 'opfølgning' alone also name an intervention (telephone
# follow-up, 'suivi téléphonique', 'oppfølging av sykmeldte': supporting the sick-listed), so
# only their forms of a study, a long term or years after are read ('uppföljningsstudie',
# 'långtidsuppföljning', 'femårsuppföljning', 'oppfølging etter fem år'); German
# 'Langzeitwirkung' and 'Langzeiteffekt' are also a drug's long action ('mit Langzeitwirkung':
# long-acting; 'Langzeitwirkung von Sulfonylharnstoffen in vitro'), 'Langzeitverlauf' a
# disease's course, so of the long term only 'Langzeitergebnisse' (the results) is read; the
# adjective 'kostnadseffektiv' (a cost-effective treatment), so only the noun. A sub-study
# ('delstudie', 'Teilstudie', 'deelstudie') as English 'sub-study', from the word's start (not
# Danish 'modelstudie', a model study).
_FOLLOW_UP_NORDIC = r"(?:uppfoljning|oppfolging|opfolgning)"  # sv, no, da (folded)
_FOLLOW_ON_IN = (
    (
        ("ger",),
        re.compile(
            r"studienprotokoll|^protokoll\b|\bprotokoll (?:einer|eines) (?:\w+ ){0,4}?studie"
            r"|nachuntersuchung|nachbeobachtung|langzeitergebnis"
            r"|\bkosten (?:nutzen|effektivitat|wirksamkeit)|sekundaranalyse|gesundheitsokonomisch"
            r"|\bteilstudie"
        ),
    ),
    (
        ("swe", "nor", "dan"),
        re.compile(
            r"studieprotokoll?|^protokoll?\b|\bprotokoll? (?:for|til) (?:\w+ ){0,4}?studie"
            rf"|{_FOLLOW_UP_NORDIC}s?studie|langtids\s?{_FOLLOW_UP_NORDIC}|ars\s?{_FOLLOW_UP_NORDIC}"
            rf"|{_FOLLOW_UP_NORDIC}\w* (?:\w+ ){{0,4}}?(?:efter|etter) (?:\w+ )?ar\b"
            r"|kostnadseffektivitet|kostnadsnytte|omkostningseffektivitet"
            r"|sekundaranalys|sekundar analys|\bdelstudie"
        ),
    ),
    (
        ("fre",),
        re.compile(
            r"\bprotocole (?:de l|d une|d un|pour une|pour un) (?:\w+ ){0,3}?(?:etude|essai)\b"
            r"|\bsuivi a (?:long|moyen) terme|\banalyse secondaire|\bcout efficacite"
            r"|\bmedico economique|\bevaluation economique"
        ),
    ),
    (
        ("spa",),
        re.compile(
            r"\bprotocolo (?:de|del) (?:un |una )?(?:estudio|ensayo)"
            r"|\bseguimiento a (?:largo|medio) plazo|\banalisis secundario"
            r"|\bcost[eo] efectividad|\bevaluacion economica"
        ),
    ),
    (
        ("ita",),
        re.compile(
            r"\bprotocollo (?:dello|di uno|di un|per uno|per un) (?:\w+ ){0,3}?(?:studio|trial)\b"
            r"|\b(?:follow up|risultati) a (?:lungo|medio) termine|\banalisi secondaria"
            r"|\bcosto efficacia|\bvalutazione economica"
        ),
    ),
    (
        ("por",),
        re.compile(
            r"\bprotocolo (?:do|de um|de uma|para um|para uma) (?:\w+ ){0,3}?(?:estudo|ensaio)\b"
            r"|\b(?:seguimento|acompanhamento) a (?:longo|medio) prazo|\banalise secundaria"
            r"|\bcusto efe?c?tividade|\bavaliacao economica"
        ),
    ),
    (
        ("dut",),
        re.compile(
            r"studieprotocol|onderzoeksprotocol|kosteneffectiviteit|kosten effectiviteit"
            r"|vervolgonderzoek|\blange termijn (?:resultaten|effecten|uitkomsten)"
            r"|\bsecundaire analyse|\beconomische evaluatie|\bdeelstudie"
        ),
    ),
)


# 'long-term' only of a report's outcomes ('long-term sickness absence' is a population), and
# not where it has the reading German 'Langzeitwirkung' has (below): an exposure's or a drug's
# long action, in an experiment on animals, tissue or cells ('long-term effects of
# 4-chloroamphetamine on brain metabolism in rats', '... in rat hippocampal slices', 'in a
# porcine model'), whose team's other experiments it would join; nor the aim a main paper's
# title names after its design, results aside ('placebo-controlled study of the long-term
# efficacy of carvedilol', 'comparison of the long-term efficacy of defibrillators and sotalol': a long
# trial, not a later report of one). Of a trial's reports it stays: 'long-term results of a
# clinical trial of nadolol', 'long-term effect of lisinopril and atenolol on kidney function'
# beside the trial's first paper.
_LONG_TERM = re.compile(
    r"\blong[\s-]?term\s+(?:effects?|outcomes?|results|efficacy|safety)\b", re.IGNORECASE
)
_AIM_BEFORE = re.compile(
    r"\b(?:study|trial|comparison|evaluation|assessment|investigation)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_EXPERIMENT = re.compile(
    r"\bin\s+(?:\w+[\s-]){0,3}?(?:rats?|mice|dogs|rabbits|pigs|piglets|sheep|monkeys|hamsters)\b"
    r"|\b(?:rat|rats|mouse|murine|porcine|canine|ovine|rodent|animal|primate)\s+(?:\w+\s+)?model"
    r"|\bin\s+vitro\b|\bslices?\b|\bcell\s+(?:lines?|cultures?)\b|\bcultured\b",
    re.IGNORECASE,
)


def _long_term_report(title: str) -> bool:
    """Whether 'long-term effects', 'outcomes', 'results' … say the title is a later report of
    a trial (the comment above :data:`_LONG_TERM`)."""
    m = _LONG_TERM.search(title)
    if not m or _EXPERIMENT.search(title):
        return False
    # results are a report's ('a study of long-term results'); effects, efficacy, safety and
    # outcomes after a design word are what the study measures
    return m.group().lower().endswith("results") or not _AIM_BEFORE.search(title, 0, m.start())


# A numbered part of one study published in parts ('A multinational investigation of
# sumatriptan. II: …', 'Auckland Stroke Outcomes Study. Part 2'): a report of the study, as a
# follow-up is of a trial. Only where the heading before the part names one study (a design
# noun in the singular): a laboratory's numbered series ('Studies on pyrazine derivatives.
# Part VII', 'Safety evaluation of toothpaste … I.' in mice, 'II.' in rats) is different
# experiments under one heading (any part counted: 359 more suggestions in the benchmark
# sets, most of them such series). 'Part' and its number, or a Roman numeral after a colon
# or a stop and before a capital: not 'type II' nor a species' initial ('V. cholerae'). The
# other languages' parts below (_PARTS_IN).
_NUMBERED_PART = re.compile(
    r"\bpart\s+(?:[1-9]|[IVX]{1,4})\b(?!-)"
    r"|(?-i:[:.]\s+(?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.:]\s+[A-Z])",
    re.IGNORECASE,
)
_ONE_STUDY = re.compile(
    r"\b(?:study|trial|investigation|survey|cohort|meta[\s-]?analysis|review)\b",
    re.IGNORECASE,
)


# The same in the languages whose trial names are read (a vernacular title, or a record from a
# database that keeps the original title): each language's word for a part and its number
# ('Teil 2', 'Teil II', German '2. Teil'; French 'partie', Spanish, Italian and Portuguese
# 'parte', Dutch 'deel', Scandinavian 'del'), and a heading that names one study in that
# language: its singular nouns of a study, a trial, an investigation, a survey, a cohort, a
# meta-analysis or a review (folded: 'etude', 'undersokning'). A plural names a series, as
# in English ('Untersuchungen über …', 'Studien zur …', 'études sur …'); a heading of no
# study is a review or a textbook chapter in parts ('Neuromuskuläre Komplikationen …– Teil 1',
# 'Tuberculosis: conceptos actuales – Parte II'). A Roman numeral in capitals only: Swedish
# and Danish 'del i' is 'part of', Italian 'parte i' 'part the'. Each part word is read with
# its own language's nouns, so Spanish 'del' ('of the') before a number meets no Scandinavian
# noun ('studie') when the record's language is unknown and every language is read.
_PART_NUMBER = r"\s+(?:[1-9]|(?-i:[IVX]{1,4}))\b(?!-)"
_PARTS_IN = tuple(
    (
        of,
        re.compile(rf"\b{word}{_PART_NUMBER}{ordinal}", re.IGNORECASE),
        re.compile(rf"\b(?:{nouns})\b"),
    )
    for of, word, ordinal, nouns in (
        (
            ("ger",),
            "teil",
            r"|\b[1-9]\.\s+teil\b",
            r"\w*studie|\w*untersuchung|erhebung|kohorte|meta ?analyse|ubersichtsarbeit",
        ),
        (
            ("swe", "nor", "dan"),
            "del",
            "",
            r"\w*studien?|undersokning(?:en)?|undersokelsen?|undersogelsen?|kohorten?"
            r"|meta ?analysen?",
        ),
        (("fre",), "partie", "", r"etude|essai|enquete|cohorte|meta ?analyse|revue"),
        (
            ("spa",),
            "parte",
            "",
            r"estudio|ensayo|encuesta|cohorte|meta ?analisis",
        ),
        (
            ("ita",),
            "parte",
            "",
            r"studio|sperimentazione|indagine|coorte|meta ?analisi|metanalisi|revisione",
        ),
        (("por",), "parte", "", r"estudo|ensaio|inquerito|coorte|meta ?analise|revisao"),
        (("dut",), "deel", "", r"\w*studie|\w*onderzoek|cohort|meta ?analyse"),
    )
)


def _part_of_one_study(title: str, languages: frozenset[str] | None = None) -> bool:
    """Whether a title is a numbered part of one study (the comments above _NUMBERED_PART and
    _PARTS_IN); the other languages' parts only where the record's languages allow them."""
    m = _NUMBERED_PART.search(title)
    if m and _ONE_STUDY.search(title, 0, m.start()):
        return True
    for of, part, heading in _PARTS_IN:
        if read_in(languages, of):
            m = part.search(title) or _NUMBERED_PART.search(title)
            if m and heading.search(fold_text(title[: m.start()])):
                return True
    return False


# A systematic review or a meta-analysis names the follow-up and the long-term outcomes of the
# studies it reviews ('The laboratory diagnosis and follow up of strongyloidiasis: a
# systematic review', '… during 5-year follow-up: a systematic meta-analysis', 'long-term
# effects of …: a systematic review of experimental studies'): its topic, not a later report
# of it (a review's later report is an update). One team's reviews on one topic shared these
# words as a follow-on cue (srsr, a set of reviews). Its protocol and its numbered parts stay
# its reports. Not a review of one's own cases ('5-year follow-up review') nor a case report
# beside a review ('… in a patient with …: three-year follow-up report and systematic
# literature review'), nor a trial's report with a meta-analysis ('ten-year follow-up of a
# randomised controlled trial and updated meta-analysis'): the follow-up is theirs. A case of
# one only ('a patient with', 'case report'): 'patient-reported outcomes', 'case-control
# studies' and 'case management' are what a review reviews.
_REVIEW = re.compile(
    r"\b(?:systematic|scoping|umbrella|quantitative|integrative)\s+(?:literature\s+)?review"
    r"|\bmeta[\s-]?(?:analys[ie]s|regression)",
    re.IGNORECASE,
)
_LATER = re.compile(r"follow[\s-]?up|years?\s+after", re.IGNORECASE)
_OWN_STUDY = re.compile(
    r"\b(?:an?|one|our|the|this)\s+(?:[\w-]+\s+){0,4}?(?:case|patient|trial)\b(?!-)"
    r"|\bcase\s+(?:report|series)\b",
    re.IGNORECASE,
)


def review_title(title: str) -> bool:
    """Whether a title says it is a systematic review or a meta-analysis, not one beside its
    own case or trial (the comment above :data:`_REVIEW`)."""
    review = _REVIEW.search(title)
    return bool(review) and not _OWN_STUDY.search(title, 0, review.start())


def _says_follow_on(title: str) -> bool:
    """The English follow-on words (:data:`_FOLLOW_ON`, long-term results) in a title, but for
    a review's follow-up words (the comment above :data:`_REVIEW`)."""
    review = review_title(title)
    if any(not (review and _LATER.fullmatch(m.group())) for m in _FOLLOW_ON.finditer(title)):
        return True
    return not review and _long_term_report(title)


def follow_on_report(title: str, languages: frozenset[str] | None = None) -> bool:
    """Whether a title says it is a trial's protocol, follow-up, secondary analysis, economic
    or process evaluation (not its main paper), or a numbered part of a study; the other
    languages' words only where the record's languages allow them (:func:`trial_names`)."""
    if _says_follow_on(title) or _part_of_one_study(title, languages):
        return True
    folded = fold_text(title)
    return any(p.search(folded) for of, p in _FOLLOW_ON_IN if read_in(languages, of))


def notice_about_a_paper(rec: Record) -> bool:
    """Whether a record is an erratum, a comment, a reply or a retraction about another
    paper, by its title as dedup reads notices (:func:`reviewkit.dedup.titles.is_notice`:
    'Erratum: …', 'Correction to: …', '… - Authors' reply'; 'Response', 'Correction' and
    'Retraction' as a heading only) or its publication types (every database's names,
    :data:`reviewkit.dedup.notice_titles.PUBLICATION_TYPES`): no
    report of the trial the paper reports (Cochrane Handbook 5.1, 6.4.10, and NLM's policy on
    errata, retractions and comments: a notice is read with the article it concerns, not
    counted among its study's reports)."""
    if type_kind(rec.publication_types)[0]:
        return True
    title = rec.title or ""
    return is_notice(title, match_title(title).split())
