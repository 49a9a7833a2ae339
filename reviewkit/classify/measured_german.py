"""German sentences of what a study measured: the verb bracket.

German puts a passive's participle at its clause's end, after everything it governs: "Die
Zufriedenheit mit dem Betriebsarzt wurde mit einem Fragebogen erfasst", "Es wurden Daten zu
Soziodemographie, beruflicher Situation, Kontakt zum Hausarzt ... erhoben", and in a subordinate
clause after its auxiliary's place: "..., die mittels Fragebogen erfasst wurden". The English,
Nordic and Dutch reading (:mod:`.measured`: the subject right before "was measured", the source
right after it) finds none of these. German-language abstracts are common in the rehabilitation
literature (Die Rehabilitation, Das Gesundheitswesen), and the providers' protocol reads German
terms (Betriebsarzt, Hausarzt, Psychologe). So a term is what a German sentence says was
measured where a participle of measuring (:data:`PARTICIPLES`) ends its clause after it, with
a passive auxiliary before the term or right after the participle, and no other auxiliary
between (another clause: "Die Beratung wurde von Psychologen durchgeführt und die
Arbeitsfähigkeit wurde mit dem WAI erhoben" leaves the psychologists the intervention's). Not a
passive's agent ("vom Betriebsarzt erhoben": who measured, as "by" is in English), nor after
what makes it no measured thing ("die Wirksamkeit", "ob").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from reviewkit.classify.words import Token, low_at

# Participles of measuring: measured, surveyed (collected), recorded, determined, documented,
# asked, registered, collected, taken from (a source). Not "untersucht" or "evaluiert": an
# intervention is what studies examine and evaluate ("die Intervention wurde evaluiert")
PARTICIPLES = frozenset(
    {"gemessen", "erhoben", "erfasst", "ermittelt", "dokumentiert", "abgefragt", "registriert",
     "gesammelt", "entnommen"}
)  # fmt: skip
# Passive auxiliaries: "wurde(n) erhoben", "werden erfasst", "wird gemessen", "erhoben worden"
AUXILIARIES = frozenset({"wurde", "wurden", "werden", "wird", "worden"})
# A passive's agent right before the term: who measured, not what ("vom Betriebsarzt erhoben")
_AGENTS = frozenset({"von", "vom", "durch"})
# Who measured with them, as an agent is: "gemeinsam mit dem Betriebsarzt ermittelt" ("together
# with the occupational physician", which the English reading counts as the intervention's)
_TOGETHER = frozenset({"gemeinsam", "zusammen"})
# A preposition that opens the sentence: what stands before the auxiliary is then an adverbial
# (the means, the place, the occasion: "Durch die Beratung beim Betriebsarzt wurden Belastungen
# ermittelt", "Im Gespräch mit dem Hausarzt wurden die Belastungen erfasst"), and the subject,
# what was measured, follows the auxiliary. Not a preposition of the instrument ("mit",
# "mittels", "anhand"): a term in the instrument's description is what it measured ("Mittels
# eines Fragebogens zur Zusammenarbeit mit dem Betriebsarzt wurden Daten erhoben")
_OPENING_PREPOSITIONS = frozenset(
    {"durch", "im", "in", "bei", "beim", "nach", "während", "über", "zur", "zum", "vor", "auf",
     "aus", "an", "am", "unter", "für", "innerhalb"}
)  # fmt: skip
# What makes the words after it no measured thing: effect, efficacy, cost, feasibility,
# acceptance, an aim's question ("ob", "wie")
_NOT_MEASURED = frozenset(
    {"wirksamkeit", "wirkung", "effekt", "effekte", "effektivität", "kosten", "machbarkeit",
     "akzeptanz", "umsetzung", "ob", "wie"}
)  # fmt: skip
# A sentence's end, or a bracket: the bracket's reach (commas do not end it: German lists and
# relative clauses run inside it)
_SENTENCE_END = re.compile(r"[.;:!?()\[\]]")
_CLAUSE_END = re.compile(r"[,.;:!?()\[\]]")
# words between the term and the participle ("Daten zu ... erhoben": a list of a dozen items)
REACH = 20
# words between the term, a subject, and its auxiliary ("mit dem Betriebsarzt wurde")
SUBJECT_GAP = 4
# words before the term an auxiliary that opens its bracket may stand ("wurden Daten zu ...")
BEFORE = 12
# words before the term a word of :data:`_NOT_MEASURED` may stand, as in the English reading
NOT_MEASURED_REACH = 4


def _gap(text: str, words: list[Token], k: int, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` stands between words ``k`` and ``k + 1``."""
    return k + 1 >= len(words) or pattern.search(text, words[k].end, words[k + 1].start) is not None


def names_measured_german(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether words first..last are what a German sentence says was measured (see the module
    docstring)."""
    if low_at(words, first - 1) in _AGENTS or low_at(words, first - 2) in _AGENTS:
        return False
    if any(
        low_at(words, k) == "mit" and low_at(words, k - 1) in _TOGETHER
        for k in range(first - 3, first)
    ):
        return False  # "gemeinsam mit dem Betriebsarzt": who measured with them
    opened = _auxiliary_before(text, words, first)  # "wurden Daten zu ... Hausarzt ..."
    participle = None
    for k in range(last + 1, min(last + 1 + REACH, len(words))):
        if _gap(text, words, k - 1, _SENTENCE_END):
            return False
        low = low_at(words, k)
        if low in PARTICIPLES:
            participle = k
            break
        if low in AUXILIARIES:
            # the bracket opened right after the term, its subject ("Die Zufriedenheit mit dem
            # Betriebsarzt wurde ..."); else another clause's verb
            if opened or k - last > SUBJECT_GAP or _adverbial_opening(text, words, first):
                return False
            opened = True
    if participle is None:
        return False
    after = low_at(words, participle + 1)
    if after in AUXILIARIES:  # a subordinate clause: "..., die mittels Fragebogen erfasst wurden"
        opened = True
    elif not _gap(text, words, participle, _CLAUSE_END):
        return False  # the participle does not end its clause: an adjective ("erfasst und ...")
    return opened and not _not_measured_before(text, words, first)


def _adverbial_opening(text: str, words: list[Token], first: int) -> bool:
    """Whether the sentence the term stands in opens with a preposition
    (:data:`_OPENING_PREPOSITIONS`), before the term."""
    k = first
    while k > 0 and not _gap(text, words, k - 1, _SENTENCE_END):
        k -= 1
    return k < first and low_at(words, k) in _OPENING_PREPOSITIONS


def _auxiliary_before(text: str, words: list[Token], first: int) -> bool:
    """Whether a passive auxiliary opens the bracket before the term, in its sentence ("wurden
    Daten zu ... Kontakt zum Hausarzt")."""
    return _word_before(text, words, first, BEFORE, _SENTENCE_END, AUXILIARIES)


def _not_measured_before(text: str, words: list[Token], first: int) -> bool:
    """Whether a word of :data:`_NOT_MEASURED` stands at most :data:`NOT_MEASURED_REACH` words
    before the term in its clause ("die Wirksamkeit der Beratung durch den Betriebsarzt")."""
    return _word_before(text, words, first, NOT_MEASURED_REACH, _CLAUSE_END, _NOT_MEASURED)


def _word_before(
    text: str,
    words: list[Token],
    first: int,
    reach: int,
    end: re.Pattern[str],
    wanted: Collection[str],
) -> bool:
    """Whether one of ``wanted`` stands at most ``reach`` words before word ``first``, with no
    ``end`` (of a sentence or a clause) between them."""
    for k in range(first - 1, max(first - 1 - reach, -1), -1):
        if _gap(text, words, k, end):
            return False
        if low_at(words, k) in wanted:
            return True
    return False
