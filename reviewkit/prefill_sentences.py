"""The sentence an extraction prefill takes from an abstract's text (:mod:`reviewkit.extract`).

- ``sentence:word|word``: the first sentence of the abstract holding one of the words or one of
  its inflections (:func:`first_sentence`): an aim, a conclusion, stated once, first. A word
  written with ``*`` ("purpos*") is the start of any word, as a classification term's is; one
  in double quotes (``"found"``) is that word as written, as a quoted classification term is
  and as PubMed's quotes turn its term mapping off.
- ``own-aim``: the first sentence stating the study's aim with an aim word used as its aim
  ("The aim of this study was ...": :func:`aim_sentence`), else the first in which the study
  says what it set out to do as the subject of a verb of inquiry ("We investigated whether
  ...", "This study examines ...": :func:`inquiry_sentence`), else an unlabelled abstract's
  first sentence saying what was asked in the passive ("The effects of X on Y were studied in
  ten monkeys.": :func:`opening_inquiry`).
- ``section:LABEL:word|word``: the sentence of a section that names most of the words, counted
  outside a comparator arm (:func:`naming_sentence`). A section such as METHODS describes a
  study in several sentences, by kind: the design or the allocation first ("280 patients were
  randomised."), then what the tested arm did, then the control arm, the outcomes. The
  intervention is the sentence that names its parts (for Review B: who takes part, a team, a
  coordinator, the employer), not the section's first, and not the control arm's, which an
  intervention review's abstracts describe in the same words ("In the control group a
  coordinator contacted the employer"): the classifier's reading of a comparator
  (:mod:`reviewkit.classify.comparator`) leaves those words out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewkit.abstract_sections import plain_abstract
from reviewkit.classify.aim_statements import states_aim, states_inquiry, states_presenting
from reviewkit.classify.comparator import comparator_reach
from reviewkit.classify.passive_inquiry import opens_with_inquiry
from reviewkit.classify.words import tokens
from reviewkit.protocol.prefill_words import quoted

# a sentence ends at '.', '!' or '?' before a space and a capital or digit, or right before a
# heading glued to it ("… employment status .Method: A retrospective …", as some journals'
# abstracts reach PubMed), or before a capitalised word run into it with no space, as some
# journals' abstracts reach PubMed ("… colorectal neoplasm (CRN).The participants …",
# "… good conditions.Pediatric patients …"): after a word of two small letters or more or a
# bracket, so not an abbreviation's stop ("e.g.The", "Dr.Smith", "E.Coli"), nor inside a name
# of dotted parts ("CHO.Met.Leu.Phe.OH", "Nod.Rag.Gamma", "www.crd.York.ac.uk": a dot within
# the three letters before or right after the word). In the snapshot's and held-out sets'
# abstracts: 508 points so split that were not, 40 read, each a sentence's end (the 24 of
# dotted names and glued headings, "hemiparesis.Approach.Eleven", read apart)
_RUN_ON = (
    r"(?:(?<=[a-z]{2}[.!?])|(?<=\)[.!?]))(?<!\.[A-Za-z]{2}\.)(?<!\.[A-Za-z]{3}\.)"
    r"(?<!\.[A-Za-z]{4}\.)(?=[A-Z][a-z]+\b(?!\.\w))"
)
# Not after an abbreviation that stands before a name or a number and never ends a sentence in
# an abstract: a title or a saint's ("Dr. Smith", "St. Olav's Hospital", "the St. Lawrence
# estuary", "Mt. Sinai"), a figure's, a cultivar's ("C. reticulata cv. Chachiensis"), "about"
# ("ca. 50", "approx. 20") and the Latin ones ("e.g. Norway", "cf. Table 2", "vs. Placebo").
# Each is a stop inside a sentence: the snapshot's and held-out sets' abstracts had 1,389 such
# points split (1,087 after "vs.", before a number: "54% vs. 31%"; 23 after "St."); 40 read,
# each inside a sentence
_ABBREVIATION = (
    r"(?<!\bSt\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMt\.)(?<!\bcv\.)(?<!\bca\.)(?<!\bcf\.)"
    r"(?<!\bvs\.)(?<!\bMrs\.)(?<!\bviz\.)(?<!\bFig\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bProf\.)"
    r"(?<!\bFigs\.)(?<!\bapprox\.)"
)
# nor after a number's label before its number ("FD&C Yellow No. 6", "chromosome No. 2", "In
# Exp. 2, the cows ..."): 57 such points split in the same abstracts, all read, each inside a
# sentence, 4 of them then read as a list's number alone and dropped ("... the short arms of
# chromosome No." with "6." lost). Only before a digit: "No." before a word is the answer "no" as
# often. Left: "U.S.", "et al.", "sp.", "spp.", which end a sentence as often as not
_NUMBER_LABEL = (
    r"(?!(?<=\bNo\.)\s+\d)(?!(?<=\bNos\.)\s+\d)(?!(?<=\bExp\.)\s+\d)(?!(?<=\bExpt\.)\s+\d)"
)
_SENTENCE_END = re.compile(
    rf"(?<=[.!?]){_ABBREVIATION}{_NUMBER_LABEL}\s+(?=[A-Z0-9])|(?<=[.!?])(?=[A-Z][A-Za-z]+:\s)|"
    rf"{_RUN_ON}"
)
# A list's number standing alone between two sentence ends, or opening the text: "1. The effects
# of X were investigated ... 2. The ..." (an abstract written as a numbered list) is cut at "1.",
# which is no sentence: the sentence is what it numbers (1,483 such numbers in 368 of the
# snapshot's abstracts, most of the 1970s; 287 of them opening with "1.")
_LIST_NUMBER = re.compile(r"\(?\d{1,2}[.)]")
# a heading run into an unlabelled abstract: up to four words and a full stop ("Objectives.",
# "Aim of the study."); first_sentence takes it for one only when it starts with the field's word
_INLINE_HEADING = re.compile(r"(?:[A-Za-z]+\s+){0,3}[A-Za-z]+\.")


# No text matches it: the pattern of no word at all ('*' alone is the start of no word: as
# '\b(?:)' it matched at every word, so the first sentence of any abstract was taken)
_NOTHING = re.compile(r"(?!)")


def _prefixes(words: Iterable[str]) -> re.Pattern[str]:
    """A word starting with one of ``words`` (case ignored), as ``section:LABEL:word|word``
    reads them (its words are stems: 'coordinat', 'physiotherap'; 'coordinat*', as a
    ``sentence:`` rule writes a start of a word, is the same); a quoted word is that whole
    word (``"IPS"`` is no start of "IPSWICH")."""
    starts = []
    for w in words:
        start = _as_written(w)
        if start.rstrip("*"):
            whole = quoted(w) is not None and not start.endswith("*")
            starts.append(re.escape(start.rstrip("*")) + (_WORD_END if whole else ""))
    return re.compile(r"\b(?:" + "|".join(starts) + ")", re.IGNORECASE) if starts else _NOTHING


# A word ends where a word does, or where a heading glued to its text ends: some journals'
# abstracts reach PubMed as "…in Sweden.AimWe analysed …", "ConclusionsThe results …"
_WORD_END = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"

# The English inflections of a word (a verb's, a noun's): aim, aims, aimed, aiming; conclude,
# concludes, concluded, concluding; study, studies, studied; plan, planned, planning. Not the
# words made from it with another suffix: "purposeful" and "purposive" (sampling, in a
# qualitative study's methods) are not "purpose", "objectively" is no "objective", "suggestive"
# no "suggest", so a ``sentence:`` rule takes the sentence that says the aim, not the first
# that starts one of its words. Nor another word's forms, which the plain endings would make
# (measured on the snapshot's abstracts: tests/reports/test_prefill_exact_words.py):
# - a final consonant after one vowel of a one-syllable word is doubled before -ed and -ing
#   (plan, planned, planning), and the plain endings are another word's: "noted" is note's, not
#   not's, "rated" and "rating" rate's, "coding" code's, "planed" plane's. A word of more
#   syllables may take them plain (visited, targeted, labeled), so it keeps both. A final w, x
#   or y is never doubled (showed, fixed, played), nor a consonant after two vowels (needed);
#   the u of 'qu' is a consonant (quit, quitting; equip, equipped);
_DOUBLED = re.compile(r"(?:[^aeiou]|qu)[aeiou]([b-df-hj-np-tvz])$", re.IGNORECASE)
# (one group of vowels, y counted a consonant: "layer", "prayer" have two)
_ONE_SYLLABLE = re.compile(r"[^aeiou]*[aeiou]+[^aeiou]*", re.IGNORECASE)
# - -es follows a hissing sound or an o (boxes, searches, goes); after any other it is another
#   word's -s: "rates" is no rat's, "notes" no not's, "states" no stat's, "codes" no cod's (30
#   such pairs among the snapshot's words);
_TAKES_ES = re.compile(r"(?:s|x|z|ch|sh|o)$", re.IGNORECASE)
# - a word English makes the past of another verb (find, found) takes no ending of its own:
#   its -s, -ed and -ing are those of a verb of its own, another word ("found" a clinic, the
#   clinic was founded: 13 cells of the snapshot's abstracts took "founded" or "founding" for
#   a finding; bound, fell alike). Such English pasts that are words too, where a review
#   writing the word means the past (we found, rates fell, participants felt, we saw); the
#   word is read as written, as if quoted. Not "wound" nor "ground": in abstracts they are the
#   injury and the noun (the snapshot's 442 "wound": wound healing, wound complications; its
#   "ground": ground truth, ground reaction force), whose "wounds", "grounded" are their own.
_PAST_OF_ANOTHER_VERB = frozenset({"found", "bound", "fell", "felt", "saw"})


def _inflected(word: str) -> str:
    """The pattern of ``word`` and its inflections (of its last word when it is a phrase), of
    any word starting with it when it ends with ``*``, of the word alone when it is quoted."""
    exact = quoted(word)
    word = word if exact is None else exact
    if word.endswith("*"):
        return re.escape(word.rstrip("*"))
    last = word.split()[-1] if word.split() else word  # of a phrase, its last word
    if exact is not None or last.casefold() in _PAST_OF_ANOTHER_VERB:
        return re.escape(word) + _WORD_END
    doubled = _DOUBLED.search(word)
    endings = ["s", "es"] if _TAKES_ES.search(word) else ["s"]
    if not (doubled and _ONE_SYLLABLE.fullmatch(last)):
        endings += ["ed", "ing"]
    forms = [re.escape(word) + "(?:" + "|".join(endings) + ")?"]
    if word[-2:].casefold() == "ie":  # die: died, dying
        forms.append(re.escape(word[:-2]) + "(?:ied|ying)")
    elif word[-1:].casefold() == "e":  # conclude: concluded, concluding
        forms.append(re.escape(word[:-1]) + "(?:ed|ing)")
    elif len(word) > 2 and word[-1:].casefold() == "y" and word[-2].casefold() not in "aeiou":
        forms.append(re.escape(word[:-1]) + "(?:ies|ied)")  # study: studies, studied
    elif doubled:
        forms.append(re.escape(word + doubled.group(1)) + "(?:ed|ing)")  # plan: planned
    return "(?:" + "|".join(forms) + ")" + _WORD_END


def _as_written(word: str) -> str:
    """A prefill word without its quotes ('' for quotes around nothing: no word)."""
    inside = quoted(word)
    return (word if inside is None else inside).strip()


def _words(words: Iterable[str]) -> re.Pattern[str]:
    """One of ``words`` or one of its inflections (:func:`_inflected`), case ignored, as the
    ``sentence:`` rule reads them."""
    forms = [_inflected(w.strip()) for w in words if _as_written(w).rstrip("*")]
    return re.compile(r"\b(?:" + "|".join(forms) + ")", re.IGNORECASE) if forms else _NOTHING


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see ``_SENTENCE_END``), each stripped, without a list's numbers
    standing alone (:data:`_LIST_NUMBER`)."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text)]
    return [s for s in sentences if not _LIST_NUMBER.fullmatch(s)] or [""]


def first_sentence(text: str, words: Iterable[str]) -> str:
    """The first sentence of ``text`` holding one of ``words`` or one of its inflections
    (``aim``: aims, aimed, aiming), or a word starting with one written with ``*``."""
    pattern = _words(words)
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        if pattern.search(sentence):
            # an abstract with its headings run into the text ("Objectives. Stress maintained
            # …", "Conclusions. The results …") matches on the heading: take what it heads
            heading = _INLINE_HEADING.fullmatch(sentence) and pattern.match(sentence)
            if heading and i + 1 < len(sentences):
                return sentences[i + 1]
            # "Authors' conclusions: Work-directed …": a heading with a colon heads the rest
            headed = plain_abstract(sentence)
            return headed[0].text if headed and headed[0].label else sentence
    return ""


def inquiry_sentence(text: str) -> str:
    """The first sentence of ``text`` in which the record's own study is the subject of a verb
    of inquiry ("We investigated whether ...":
    :func:`~reviewkit.classify.aim_statements.states_inquiry`), '' when none is."""
    return next((s for s in split_sentences(text) if states_inquiry(s)), "")


def presenting_sentence(text: str) -> str:
    """The first sentence of ``text`` in which the paper presents itself with its own verb
    ("This review traces ...", "Here we report the case of ...":
    :func:`~reviewkit.classify.aim_statements.states_presenting`), '' when none does."""
    return next((s for s in split_sentences(text) if states_presenting(s)), "")


def opening_inquiry(text: str) -> str:
    """The first sentence of ``text`` where it says what the study asked in the passive ("The
    effects of adrenaline on the Na+ influx were studied ...":
    :func:`~reviewkit.classify.passive_inquiry.opens_with_inquiry`), '' where it does not."""
    first = split_sentences(text)[0]
    return first if opens_with_inquiry(first) else ""


def aim_sentence(text: str) -> str:
    """The first sentence of ``text`` stating the record's own study's aim with an aim word used
    as its aim ("The aim of this study was ...", "We aimed to ...":
    :func:`~reviewkit.classify.aim_statements.states_aim`; not "Objective response rates were ..."),
    '' when none does."""
    sentences = split_sentences(text)
    return next((s for i, s in enumerate(sentences) if _states_aim_at(sentences, i)), "")


def _states_aim_at(sentences: list[str], i: int) -> bool:
    """Whether sentence ``i`` states the study's aim, read after the sentence before it ("This
    paper reviews ... It aims to ...": :func:`~reviewkit.classify.aim_statements.states_aim`)."""
    return states_aim(sentences[i], sentences[i - 1] if i else "")


def aim_onwards(text: str) -> str:
    """``text`` from its first sentence stating the study's aim (an aim word used as its aim,
    :func:`aim_sentence`, or the study as the subject of a verb of inquiry,
    :func:`inquiry_sentence`) to its end; all of it when none does. A section headed
    "BACKGROUND AND AIMS" holds its background first, its aim last."""
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        if _states_aim_at(sentences, i) or states_inquiry(sentence):
            return " ".join(sentences[i:])
    return text


def naming_sentence(text: str, words: Iterable[str]) -> str:
    """The sentence of ``text`` (a section's) naming the most of ``words`` (each word counted
    once, any word starting with it: a stem such as 'coordinat'), leaving out the words
    that describe a comparator arm; the first of those naming as many; '' when none names one."""
    words = [w for w in words if w]
    if not words or not text.strip():
        return ""
    toks = tokens(text)
    others = [(toks[a].start, toks[b].end) for a, b in comparator_reach(text, toks)]
    pattern = _prefixes(words)
    best, most, start = "", 0, 0
    for sentence in _SENTENCE_END.split(text):
        at = text.index(sentence, start)
        start = at + len(sentence)
        named = {
            m.group(0).casefold()
            for m in pattern.finditer(sentence)
            if not any(a <= at + m.start() < b for a, b in others)
        }
        if len(named) > most:
            best, most = sentence.strip(), len(named)
    return best
