"""A phrase term's first word named after the rest of the phrase, in the same clause.

English names how a thing was done before it or after it: "online group sessions" are also
"group sessions held online", "telephone group sessions" "group sessions delivered by
telephone", "video meetings" "meetings via video". A phrase term whose first word qualifies the
rest (a mode, a means) is therefore also found with that word after the rest, joined by a verb
of delivery ("held", "delivered", "conducted") or a preposition of means ("by", "via", "over",
"through", "using"), with auxiliaries and an article ("were conducted over the telephone", "will
be delivered by telephone"). The reading spans the whole stretch, so where another label's term stands inside it ("group
sessions", in person) the longer, qualified reading wins
(:func:`reviewkit.classify.rules.longest_spans`), as it does for the words in their first order.
Only these joins count: side by side, the two words are another compound ("exercise group" is
a trial's arm, not group exercise); a word after any other verb names something else ("group
sessions were followed by online modules"); a word that goes on to qualify the next one is not
the phrase's ("exercise delivered by physical therapists"), unless that one names the channel
itself ("group sessions delivered by video link", "by telephone call"); a past verb, regular or
not, or an auxiliary after the word ends its phrase ("group sessions over the telephone helped
workers", "... led to", "via Zoom had"); a clause break (a full stop, comma, colon, semicolon,
bracket) ends the reach.
"""

from __future__ import annotations

import re

from reviewkit.classify.words import Token, fold, verb_in_ed

# "were held", "will be delivered", "have been run", "are being given": the verb's auxiliaries
# (forms of be, have and do, and the modals); closed-class words that also end a noun phrase
# before them ("group sessions via Zoom had high attendance")
AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "do", "does",
     "did", "can", "could", "may", "might", "must", "shall", "should", "will", "would"}
)  # fmt: skip
# at most this many auxiliaries before the verb ("will have been delivered")
_MOST_AUXILIARIES = 3
# verbs that say a session, meeting or contact took place or was given, not what followed it
DELIVERY_VERBS = frozenset(
    {
        "held", "delivered", "conducted", "given", "provided", "offered", "run", "led",
        "taught", "hosted", "facilitated", "organised", "organized", "administered",
    }
)  # fmt: skip
# prepositions of means ("by telephone", "via Zoom", "over the phone", "through the internet")
MEANS = frozenset({"by", "via", "over", "through", "using"})
ARTICLES = frozenset({"the", "a", "an"})
CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]]")
# words after which a qualifier has ended its noun phrase ("held online with a coach", "by
# telephone over eight weeks", "via Zoom and in person")
CLOSED_CLASS = frozenset(
    {"and", "or", "but", "with", "without", "for", "to", "in", "at", "on", "from", "of", "by",
     "via", "over", "through", "during", "after", "before", "within", "between", "per", "as",
     "each", "every", "once", "twice", "weekly", "daily", "monthly", "which", "that", "who",
     "where", "when", "while", "the", "a", "an", *AUXILIARIES}
)  # fmt: skip


# irregular past verbs a result or a schedule starts with after a noun ("group sessions over the
# telephone led to fewer absences", "took place weekly", "met monthly"); a regular one ends in
# "-ed" (:func:`past_verb`), and a verb of delivery is a participle too ("held weekly")
IRREGULAR_PAST = frozenset(
    {"led", "took", "made", "met", "began", "became", "brought", "gave", "kept", "left",
     "found", "fell", "rose", "grew", "ran", "saw", "got", "shown"}
)  # fmt: skip


# nouns that name the channel itself: the mode word before them still names the means ("by video
# link", "by telephone call", "over a video connection"), as an agent or a service after it
# does not ("by telephone counsellors", "through the occupational health service")
CHANNEL_NOUNS = frozenset(
    {"link", "links", "call", "calls", "connection", "connections", "line", "platform",
     "platforms", "conference", "conferencing"}
)  # fmt: skip


def past_verb(word: str) -> bool:
    """Whether a word reads as a past verb or participle ("helped", "improved", "reduced", "led",
    "held"): after a noun it starts the predicate or a clause of its own, so the noun has ended
    its phrase ("group sessions over the telephone helped workers"). The regular ones as
    :func:`~reviewkit.classify.words.verb_in_ed` reads them ("bed", "need" are nouns)."""
    return verb_in_ed(word) or word in IRREGULAR_PAST or word in DELIVERY_VERBS


def ends_phrase(text: str, words: list[Token], at: int) -> bool:
    """Whether ``words[at]`` ends its noun phrase: the clause ends after it, or a closed-class
    word (a preposition, conjunction, article, auxiliary), a number or a past verb follows. Not
    where it qualifies the next word: "exercise delivered by physical therapists" is no physical
    exercise, "therapy offered through the occupational health service" no occupational therapy."""
    if at + 1 >= len(words) or CLAUSE_BREAK.search(text, words[at].end, words[at + 1].start):
        return True
    after = fold(words[at + 1].word)
    return after.isdigit() or after in CLOSED_CLASS or past_verb(after)


def qualifier_after(text: str, words: list[Token], last: int) -> int | None:
    """The place of the word that may qualify the phrase ending at ``words[last]`` from after it
    (see the module docstring), or None where no such place is in the same clause."""
    at = last + 1
    aux = 0
    while aux < _MOST_AUXILIARIES and at < len(words) and fold(words[at].word) in AUXILIARIES:
        aux, at = aux + 1, at + 1
    took = []
    for kind in (DELIVERY_VERBS, MEANS, ARTICLES):
        took.append(at < len(words) and fold(words[at].word) in kind)
        at += took[-1]
    verb, means, _article = took  # the article only moves `at` on
    # a verb of delivery or a preposition of means must join them: side by side the words are
    # another compound ("exercise group", "hours worked", "evaluation process" are not group
    # exercise, worked hours, a process evaluation); an auxiliary joins only with its verb
    # ("treatment is no better" is no "no treatment"), an article only after one
    if not (verb or means) or (aux and not verb) or at >= len(words):
        return None
    if CLAUSE_BREAK.search(text, words[last].end, words[at].start):
        return None
    if ends_phrase(text, words, at):
        return at
    # the mode word before a noun of the channel that ends the phrase ("by video link"); the
    # two stand in one clause, or the word would have ended its phrase
    channel = fold(words[at + 1].word) in CHANNEL_NOUNS
    return at if channel and ends_phrase(text, words, at + 1) else None
