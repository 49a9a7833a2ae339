"""A trial's name or acronym as a report's title writes it: 'the SPINE trial', '(RETURN
study)', 'XYZ: a randomised controlled trial', 'Study protocol of the WorkUp trial'.

A trial's reports (protocol, main paper, follow-up, economic evaluation) name it the same way,
so a shared name is a cue that two records report one study (:mod:`reviewkit.dedup.study_cues`).
Only a word written like a name is read: an acronym or a coined word with two capitals or more
('SPINE', 'WorkUp', 'BeST', 'IPS-MA'), next to the words that say it names a trial or a study.
A title's ordinary capitalised words ('the Danish trial', 'The Study') have one capital and are
not names. The title only: an abstract also names the trials it compares itself with ('unlike
the UKPDS trial'), which are other studies.
"""

from __future__ import annotations

import re

from reviewkit.dedup.abbreviations import FUNCTION_WORDS, initials, long_form, spelt_out
from reviewkit.dedup.registers import is_register_name
from reviewkit.pubmed.vocabulary import language_code

# A name: letters, digits and inner hyphens, at least two capitals and three characters. The
# capitals tell a name from an ordinary word of the title.
_NAME = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
# What a trial's name stands before: the design words titles use for a trial or its study.
_DESIGN = (
    r"(?:(?:randomi[sz]ed|controlled|clinical|cluster|pilot|feasibility|multicent(?:re|er)"
    r"|pragmatic|phase\s+[IV1-4]+)\s+){0,4}(?:trial|study|studies|project|cohort)\b"
)

# 'the SPINE trial', 'of the WorkUp randomised controlled trial', 'the IPS-MA study'
_THE_NAME = re.compile(rf"\bthe\s+({_NAME})\s+{_DESIGN}", re.IGNORECASE)
# 'XYZ: a randomised controlled trial', 'SPINE - study protocol', '...at 1-year
# follow-up-WorkUp, a randomized controlled trial': a name opening the title (or glued to
# it by a hyphen), a colon (comma, dash), then the design within six words. Only there: the
# word before '…: a randomised trial' inside a title is most often its condition ('… in
# COPD: a randomised trial'), which many trials share. Not where another name stands to
# that design word ('ViBiBa: Virtual BioBanking for the DETECT multicenter trial
# program': the DETECT trial's, and ViBiBa the name of its biobank, a tool or a substudy
# of it, which a title names as it names the trial: trial_names)
_OPENING = re.compile(
    rf"(?:^|(?<=[a-z]-)(?=(?-i:[A-Z])))({_NAME})\s*[:,\u2013\u2014-]\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,6}}?"
    rf"(?:trial|study|protocol)\b",
    re.IGNORECASE,
)
_PATTERNS = (
    _THE_NAME,
    # '(RETURN study)', '(the SPINE trial)'
    re.compile(rf"\((?:the\s+)?({_NAME})\s+{_DESIGN}\s*\)", re.IGNORECASE),
    # 'a randomised controlled trial (RETURN)', '... study (BeST)' : the name in brackets
    # right after the design words
    re.compile(rf"{_DESIGN}\s*[\[(]({_NAME})[\])]", re.IGNORECASE),
    _OPENING,
)

# A trial's name as titles in other languages write it, where the name stands to a design word
# of that language (title only, as in English). Each with the NLM language codes it is read for
# (:func:`record_languages`): the definite article and noun of each language's usual form.
_NAMES_IN = (
    # German 'die XYZ-Studie', 'der XYZ-Studie' (genitive, dative), 'die XYZ Studien': a name
    # joined to Studie by a hyphen or a space, as German writes an acronym in a compound
    (("ger",), re.compile(rf"\b(?:die|der|den)\s+({_NAME})[\s-]Studien?\b", re.IGNORECASE)),
    # Swedish, Norwegian, Danish 'XYZ-studien' (the definite suffix: 'the XYZ study'); the
    # hyphen is how these languages join an acronym to a noun
    (("swe", "nor", "dan"), re.compile(rf"\b({_NAME})-studien\b", re.IGNORECASE)),
    # French "l'étude XYZ", "l'essai XYZ" (the name after the noun), accent or none
    (("fre",), re.compile(rf"\bl['’]\s?(?:[ée]tude|essai)\s+({_NAME})", re.IGNORECASE)),
    # Spanish 'el estudio XYZ', 'del ensayo XYZ'
    (("spa",), re.compile(rf"\b(?:el|del)\s+(?:estudio|ensayo)\s+({_NAME})", re.IGNORECASE)),
    # Italian 'lo studio XYZ', 'dello studio XYZ' (lo, as studio opens with s and a consonant,
    # and its forms with a preposition), 'il trial XYZ' (Italian titles use the English word)
    (
        ("ita",),
        re.compile(
            rf"\b(?:(?:lo|dello|nello|allo|dallo|sullo)\s+studio|(?:il|nel|dal)\s+trial)\s+({_NAME})",
            re.IGNORECASE,
        ),
    ),
    # Portuguese 'o estudo XYZ', 'do ensaio XYZ' (o and its forms with a preposition)
    (
        ("por",),
        re.compile(rf"\b(?:o|do|no|ao|pelo)\s+(?:estudo|ensaio)\s+({_NAME})", re.IGNORECASE),
    ),
    # Dutch 'het XYZ-onderzoek', 'de XYZ-studie', 'de XYZ-trial' (Dutch titles use the English
    # word too); 'de' before 'studie' is Dutch (German has 'die', Romance languages no 'studie')
    (("dut",), re.compile(rf"\bhet\s+({_NAME})[\s-]onderzoek\b", re.IGNORECASE)),
    (("dut",), re.compile(rf"\bde\s+({_NAME})[\s-](?:studie|trial)\b", re.IGNORECASE)),
)

# Words the patterns can catch that name a kind of trial, a condition or a place, never one
# trial ('the RCT', 'the UK study', 'COVID-19: a randomised trial'): many trials share them.
_NOT_NAMES = frozenset(
    {
        "RCT", "RCTS", "CRCT", "UK", "US", "USA", "EU", "NHS", "WHO", "HIV", "AIDS", "COVID",
        "COVID19", "SARSCOV2", "MRI", "ICU", "II", "III", "IV",
    }
)  # fmt: skip


# Registers of reviews and other studies, beside the trial registers of registers.py (which
# reads no review's number): PROSPERO (reviews' protocols, CRD numbers), INPLASY (reviews'
# protocols), OSF Registries. A title cites them as it cites a trial register, in brackets
# after the design words ('a systematic review protocol (PROSPERO)').
_OTHER_REGISTERS = frozenset({"PROSPERO", "INPLASY", "OSF"})


def _looks_like_name(word: str) -> bool:
    """Two capitals or more and three characters or more: 'SPINE', 'WorkUp', 'IPS-MA'."""
    return len(word) >= 3 and sum(map(str.isupper, word)) >= 2


def _is_trial_name(word: str) -> bool:
    """Whether a word a pattern caught names one trial: it looks like a name and is none of the
    words many trials share (_NOT_NAMES), a number, or a register's name. A title cites its
    register where it would name its trial, in brackets after the design ('a randomised
    controlled trial (ISRCTN)', '(EudraCT)', '(DRKS)'): the register of thousands of trials,
    never one trial's name (registers.is_register_name: every trial register's names)."""
    key = name_key(word)
    return (
        _looks_like_name(word)
        and key not in _NOT_NAMES
        and not key.isdigit()
        and key not in _OTHER_REGISTERS
        and not is_register_name(word)
    )


def name_key(word: str) -> str:
    """The name as names are compared: capitals, letters and digits only ('IPS-MA' and
    'IPS MA' and 'Ips-Ma' are one name)."""
    return re.sub(r"[^A-Z0-9]", "", word.upper())


def _in_capitals(title: str) -> bool:
    """A title in capitals ('THE EFFECT OF …'): every word would look a name."""
    letters = "".join(filter(str.isalpha, title))
    return bool(letters) and sum(map(str.isupper, letters)) > len(letters) / 2


def record_languages(language: str) -> frozenset[str] | None:
    """The NLM codes of the languages a record's language field names ('German', 'ger',
    'English; French'); None when it names none PubMed knows (empty, or another spelling):
    then every language's patterns are read, as no language is guessed from the text."""
    codes = {language_code(part) for part in re.split(r"[;,/|]", language) if part.strip()}
    return None if not codes or None in codes else frozenset(c for c in codes if c)


def read_in(languages: frozenset[str] | None, of: tuple[str, ...]) -> bool:
    """Whether a pattern of languages ``of`` is read in a record of ``languages``."""
    return languages is None or bool(languages.intersection(of))


# A name glossed by the words it abbreviates, then its design: 'ICONS: Identifying continence
# options after stroke: findings from a cluster randomised exploratory trial', 'within the
# ICONS: Identifying continence options after stroke trial', 'CONVERT: Concurrent once-daily
# versus twice-daily radiotherapy - a phase III randomised controlled trial', 'SPRINT:
# Systolic Blood Pressure Intervention Trial'. The gloss runs from the colon to the next
# colon, stop, semicolon or dash and is the name's long form from its first word
# (abbreviations.long_form, Schwartz and Hearst: a coined name takes letters inside words,
# 'ICONS'); the design counts from the gloss's end, as _OPENING counts it from the name (a
# gloss often fills its six words), in the same sentence. Without a design word there such a
# title names a tool, a database, a scale or a condition as often ('SEPIA: simulation-based
# evaluation of prioritization algorithms', 'MSQ: Migraine-Specific Quality-of-Life
# Questionnaire. Further investigation …', 'DEAP-HUS: Deficiency of CFHR plasma proteins …'):
# not read.
_GLOSSED = re.compile(
    rf"(?:^|\bthe\s+)({_NAME})\s*[:\u2013\u2014]\s+([^:.;\u2013\u2014]+?)"
    r"(?=\s*(?:[:.;\u2013\u2014]|\s-\s|$))",
    re.IGNORECASE,
)
# A protocol only as a study's ('study protocol'; 'protocol for a … trial' reaches 'trial'):
# 'a treatment protocol', 'an ambulance protocol' is the named tool's or regimen's
_DESIGN_ENDS = re.compile(r"\s+(?:trial|study)(?:\s+protocol)?\s*$", re.IGNORECASE)
_DESIGN_NEAR = re.compile(
    r"[\s:,\u2013\u2014-]*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,6}?(?:trial|study)\b",
    re.IGNORECASE,
)
# A gloss whose words each give the name an initial ('COPD: chronic obstructive pulmonary
# disease', 'CBT: cognitive behavioural therapy for insomnia', 'PROMIS: Patient-Reported
# Outcomes Measurement Information System') spells out a term of the field, a condition, a
# treatment or a measure, that a team's different studies share; a study's name so glossed
# names a study itself ('HOPE: Heart Outcomes Prevention Evaluation', '… Intervention Trial').
# Only the words that give the initials are read: 'HOT: Hypertension Optimal Treatment study'
# puts its study noun after them, so its gloss reads as a treatment's and the gloss names no
# trial (the title must name HOT otherwise, 'the HOT study'). A coined name takes letters
# inside its words (ICONS, CONVERT) and is read as above.
_STUDY_NOUN = re.compile(
    r"\b(?:trial|study|evaluation|programme|program|project|initiative|investigation|survey"
    r"|cohort)\b",
    re.IGNORECASE,
)


def _spells(name: str, words: str) -> bool:
    """Whether ``words`` are ``name``'s long form from their first word: by Schwartz and
    Hearst's reading, or, where a function word takes a letter the first word gives
    ('Antihypertensive and Lipid-Lowering …': 'and' read as ALLHAT's first A), the first word
    giving the first letter and the words after its function words the others."""
    if not words:
        return False  # no gloss ('XYZW:  : …', a doubled colon): long_form('XYZW', '') is ''
    if long_form(name, words) == words:
        return True
    first, *rest = words.split()
    while rest and rest[0].lower() in FUNCTION_WORDS:
        rest.pop(0)
    tail = " ".join(rest)
    return (
        first[:1].lower() == name[:1].lower() and bool(tail) and long_form(name[1:], tail) == tail
    )


def _glosses_a_term(name: str, gloss: str) -> bool:
    """Whether a gloss spells a term of the field out (the comment above _STUDY_NOUN): each of
    its words that spell ``name`` gives it an initial, and none of them names a study."""
    spelt = spelt_out(name, initials(gloss))
    return bool(spelt) and not _STUDY_NOUN.search(" ".join(spelt))


# The gloss after a name that opens a title (_OPENING): to the next colon, stop, semicolon,
# comma or dash
_CLAUSE_END = re.compile(r"\s*(?:[:.;,\u2013\u2014]|\s-\s)")


def _opens_on_a_term(title: str, m: re.Match[str]) -> bool:
    """Whether the name an _OPENING match reads is a term glossed by its words before the
    design ('ADHD: Attention deficit hyperactivity disorder - a study of …', 'CBT: cognitive
    behavioural therapy, a randomised trial'): the kind _glossed_names leaves unread."""
    after = title[m.end(1) :].lstrip(" :,-\u2013\u2014")
    gloss = _CLAUSE_END.split(after, maxsplit=1)[0]
    return _spells(m.group(1), gloss) and _glosses_a_term(m.group(1), gloss)


def _glossed_names(title: str) -> set[str]:
    """The names a title glosses with the words they abbreviate before their design (the
    comment above _GLOSSED)."""
    found = set()
    for m in _GLOSSED.finditer(title):
        gloss = " ".join(m.group(2).split())
        # 'Heart Attack Trial': the design ends the gloss, its letter the name's or not
        words = _DESIGN_ENDS.sub("", gloss)
        if (
            (words != gloss or _DESIGN_NEAR.match(title, m.end()))
            and _is_trial_name(m.group(1))
            and any(_spells(m.group(1), w) for w in {words, gloss})
            and not _glosses_a_term(m.group(1), gloss)
        ):
            found.add(name_key(m.group(1)))
    return found


def trial_names(title: str, languages: frozenset[str] | None = None) -> set[str]:
    """The trial names a title writes, in their compared form (:func:`name_key`); the other
    languages' forms only where the record's languages (:func:`record_languages`) allow them.
    English forms are always read: PubMed gives a title in another language in English."""
    if _in_capitals(title):
        return set()
    found = set()
    patterns = [*_PATTERNS, *(p for of, p in _NAMES_IN if read_in(languages, of))]
    for pattern in patterns:
        for m in pattern.finditer(title):
            if pattern is _OPENING and (
                _THE_NAME.search(title, m.end(1), m.end()) or _opens_on_a_term(title, m)
            ):
                continue  # the design word is another name's (the comment at _OPENING), or
                # the name is a term its words gloss
            if _is_trial_name(m.group(1)) and not _names_the_design(title, m.start(1)):
                found.add(name_key(m.group(1)))
    return found | _glossed_names(title)


# The words of a trial's design, beside _DESIGN's: what an abbreviation of the design stands
# for ('stepped-wedge cluster randomised trial (SW-CRT)', 'sequential multiple assignment
# randomized trial (SMART)'); and the short words it skips.
_DESIGN_WORD = re.compile(
    r"randomi[sz]ed|controlled|clinical|cluster|pilot|feasibility|multicent(?:re|er)|pragmatic"
    r"|phase|trial|study|stepped|wedge|sequential|multiple|assignment|crossover|factorial"
    r"|adaptive|platform|non|inferiority|equivalence|open|label|double|single|blind(?:ed)?"
    r"|parallel|group",
    re.IGNORECASE,
)
_SKIPPED = frozenset({"a", "an", "the", "of", "and"})


def _names_the_design(title: str, at: int) -> bool:
    """Whether the word at ``at``, in brackets, is the initials of the design words right
    before it: 'a cluster randomised trial (CRT)', '(SW-CRT)', 'a pragmatic randomised
    controlled trial (pRCT)', 'a pilot study (PS)': a kind of trial, not a trial's name.
    Initials, not Schwartz and Hearst's looser reading (abbreviations.long_form), which finds
    'CORE' in 'controlled'; a name the words before do not spell stays a trial's name
    ('a randomised controlled trial (CORE)', 'Heart Attack Trial (ALLHAT)')."""
    before = title[:at].rstrip()
    word = re.match(_NAME, title[at:])
    if not before.endswith(("(", "[")) or not word:
        return False
    letters = re.sub(r"[^a-z]", "", word.group(0).lower())
    initials = ""
    for w in reversed(re.split(r"[\s-]+", before[:-1].strip())):
        if w.lower() in _SKIPPED:
            continue
        if not _DESIGN_WORD.fullmatch(w) or len(initials) >= len(letters):
            break
        initials = w[0].lower() + initials
        if initials == letters:
            return True
    return False


# A record about two trials or more, whose registration numbers are no one trial's two
# registrations (study_numbers: it bridges nothing). A joint report or a comparison names them
# side by side where its words say they are trials: two names of _PATTERNS ('the SPINE trial
# and the WorkUp trial'); 'the ACCORD and ADVANCE trials' (the definite article and a plural
# design word, as 'the SPINE trial' names one: 'EEG and ERP studies', 'animal and human
# studies' are kinds of study, not named ones); a list in brackets that design words stand
# against ('Results of trials (CAPPP, STOP-2 and NORDIL)', '(CMT-TRIAAL and CMT-TRAUK): a
# double-blind randomised trial') or that abbreviates words naming trials ('Diabetes Control
# and Complications Trial and Epidemiology of Diabetes Interventions and Complications
# (DCCT/EDIC)'). A list in brackets anywhere else names what the words before it name, its
# members or their abbreviations: conditions ('(PTSD and MDD)'), genes, proteins and cytokines
# ('(IL-1, IL-6 and TNF)'), cell lines, stages, societies, a drug's codes ('selumetinib
# (AZD6244, ARRY-142886)'); such were all the bracketed lists of the benchmark sets read as two
# trials' names before (benchmarks/results/study-links.md).
_JOIN = r"(?:,|and|&|/|\+|vs\.?|versus)"
# names joined, each after an optional 'the' ('the ACCORD and the ADVANCE trials'): the first
# and the last are read
_LIST = rf"({_NAME})(?:\s*{_JOIN}\s*(?:the\s+)?{_NAME})*?\s*{_JOIN}\s*(?:the\s+)?({_NAME})"
_PLURAL = r"(?:trials|studies)\b"
_NAMED_TRIALS = re.compile(rf"\bthe\s+{_LIST}\s+{_PLURAL}", re.IGNORECASE)
_BRACKETED = re.compile(rf"\(\s*{_LIST}\s*\)", re.IGNORECASE)
# the design words a bracketed list stands against: a plural design word and up to six words
# before it ('two trials of exercise for back pain (A, B)'), the design right after it ('(A and
# B): a randomised trial', '(A/B) trials'), as _PATTERNS read one name beside its design
_PLURAL_BEFORE = re.compile(rf"\b{_PLURAL}(?:\s+[\w-]+){{0,6}}\s*$", re.IGNORECASE)
_DESIGN_AFTER = re.compile(
    r"\s*(?:[:,.\u2013\u2014-]\s*)?(?:(?:an?|the|two|three)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:trials?|stud(?:y|ies))\b",
    re.IGNORECASE,
)
# A meeting's session, whose abstract sums up the session's talks and cites their trials: a
# session code opening the title ('MS07.05 Stage I (resectable) NSCLC: radiation', 'OA12.03',
# 'P1.01', 'EP1.01-35': capitals, digits, a full stop, two digits; the stop tells it from
# 'Week 12-24', the two digits after it from a gene's or a marker's version, 'HSP70.1',
# 'CD45.1'), a session's name ('Poster session 2', 'Oral abstracts') or 'Symposium' opening the
# title. Not 'session' alone: 'a single-session intervention' is one trial's treatment.
_SESSION = re.compile(
    r"^\s*(?-i:[A-Z]{1,4}\d{1,3}\.\d{2})\b"
    r"|\b(?:oral|poster|plenary|parallel|concurrent|scientific)\s+(?:sessions?|abstracts)\b"
    r"|^\s*(?:session|symposium)\b",
    re.IGNORECASE,
)


def names_several_trials(title: str, names: set[str]) -> bool:
    """Whether a title is of two trials or more (a joint report, a comparison) or of a
    meeting's session: its record's registration numbers may be several trials', not one
    trial's two registrations (:mod:`reviewkit.dedup.study_numbers`). ``names``: the title's
    trial names as :func:`trial_names` reads them (its caller has them). A title in capitals
    is read as others are: every word there looks like a name, but only a list that design
    words stand against counts ('THE AGENT-3 AND AGENT-4 TRIALS', a conference abstract in
    capitals citing both trials' numbers), and one read too many ('THE EXERCISE AND DIET
    TRIALS') only keeps its numbers from joining two registrations, the side that links less."""
    if _SESSION.search(title) or len(names) > 1:
        return True
    if any(_two_names(*m.groups()) for m in _NAMED_TRIALS.finditer(title)):
        return True
    return any(
        _two_names(*m.groups()) and _lists_trials(title, m) for m in _BRACKETED.finditer(title)
    )


def _two_names(x: str, y: str) -> bool:
    """Whether ``x`` and ``y``, joined in a list, may be two trials' names."""
    return _is_trial_name(x) and _is_trial_name(y) and name_key(x) != name_key(y)


def _lists_trials(title: str, m: re.Match[str]) -> bool:
    """Whether a bracketed list (``m``, of :data:`_BRACKETED`) is of trials: it abbreviates
    words naming trials, or design words stand against it (the comment above _JOIN)."""
    forms = _long_forms(title[: m.start()], *m.groups())
    if all(forms):
        return any(re.search(_DESIGN, f, re.IGNORECASE) for f in forms)
    return bool(_PLURAL_BEFORE.search(title, 0, m.start()) or _DESIGN_AFTER.match(title, m.end()))


def _long_forms(before: str, x: str, y: str) -> tuple[str, str]:
    """The words before a bracket that the first and the last of its short forms ``x``, ``y``
    abbreviate (abbreviations.long_form), '' each when they do not: 'post-traumatic stress
    disorder and major depressive disorder (PTSD and MDD)' -> ('post-traumatic stress
    disorder', 'major depressive disorder'); none when the two share their last word ('common
    mental and musculoskeletal disorders (CMD/MSD)': no 'd' before 'and')."""
    words = " ".join(before.split())
    second = long_form(y, words)
    # the first short form's words stand before the second's, a joining word between
    rest = words[: len(words) - len(second)]
    first = long_form(x, re.sub(rf"(?:^|\s|\b(?=\W)){_JOIN}\s*$", "", rest, flags=re.I))
    return (first, second) if second else ("", "")


def name_words(title: str) -> set[str]:
    """Every word of a title that looks like a name, wherever it stands ('CBT for insomnia'),
    in its compared form: what tells a trial's name from a term many titles use."""
    if _in_capitals(title):
        return set()
    return {name_key(w) for w in re.findall(_NAME, title) if _looks_like_name(w)}
