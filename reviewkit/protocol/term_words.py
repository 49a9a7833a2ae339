"""Signal terms that can never be found: what the protocol check says of them, and the fix.

A record's text is read as words of letters and digits (``\\w+``:
:func:`reviewkit.classify.words.tokens`), and a term is matched word by word against them, its
words split where the term has a space, a hyphen, a '/' or an apostrophe
(:func:`reviewkit.classify.term_syntax.parse_term`; a '*' at a word's start or end is the term's own
syntax). A word of a term that holds any other character (``c++``, ``(team|group)``, ``F32.1``)
equals no word of any text, so the term silently finds nothing; a term of punctuation alone
(``--``) has no word. Search-query and pattern syntax is how such terms come in (a term list
pasted from a search strategy or another tool), so a capitalised AND, OR or NOT between words
is refused too: a label's terms already count as alternatives. A term in double quotes finds
its words as written; a quote at one end only is refused, since it would find every form.
"""

from __future__ import annotations

import re
import unicodedata

# The hyphens of a term and of a text: a term's words are split at them (here and in
# classify.term_syntax.parse_term), a text's hyphenated words are joined across them
# (classify.words.hyphen_runs). The hyphen-minus; the hyphen U+2010 and the non-breaking hyphen
# U+2011 (Unicode's no-break form of U+2010), which Word (Ctrl+Shift+-) and publishers' XML
# write inside words ("non‑coding", "miR‑145", "burn‑out"); the en dash U+2013, which some
# write for a hyphen. Not the em dash U+2014 (a clause's dash between words, never inside
# one), nor the minus U+2212 (of numbers).
HYPHENS = "-\u2010\u2011\u2013"
# where a term's words are split, as parse_term splits them (the hyphens; apostrophes: ' and
# ’, where the text's words are split too)
_SPLIT = re.compile(rf"[\s{re.escape(HYPHENS)}/'’]+")
_WORD = re.compile(r"\w+")  # a word of the text, as classify.words reads it
_OPERATOR = re.compile(r"\S\s+(AND|OR|NOT)\s+\S")
_PATTERN = set("|()[]{}?^$\\")


def term_problem(text: str) -> tuple[str, str] | None:
    """(what is wrong, what to do) for a scheme's signal term no text can hold, else None."""
    term = text.strip().strip('"').strip()
    problem = _no_word_or_query(text, term) or _unpaired_quote(text)
    if problem:
        return problem
    for word in _SPLIT.split(term):
        word = word.strip("*")
        # a combining accent ('a' then U+030A, a term decomposed as some PDFs and macOS file
        # names hold it) is part of its letter: parse_term folds the accent off, as the text's
        odd = [c for c in word if not _WORD.fullmatch(c) and not unicodedata.combining(c)]
        if word and odd:
            return (
                f"term {text!r} can never be found: {odd[0]!r} is not part of a word (a record's"
                " text is read as words of letters and digits)",
                _fix(odd[0], word),
            )
    return None


def highlight_term_problem(text: str) -> tuple[str, str] | None:
    """(what is wrong, what to do) for a [highlight] term that can never be found, else None.

    The screen finds a highlight term in the text as written, case aside, its words apart
    where the term has a space and a '*' standing for any letters
    (:func:`reviewkit.tui.widgets.term_pattern`), and the queue's ranking finds its words
    (:mod:`reviewkit.ranking.cold_start`; a term of symbols and one letter, 'C++', has none
    there, and is only marked): a symbol such as '+', '.' or a parenthesis is found
    where the text holds it ('C++', 'F32.1', 'support (IPS)', 'US$', '[18F]FDG'), unlike in a
    scheme's terms. So only a term of no word, a search query and a pattern ('(team|group)',
    'organi?ation', '[Ww]ork') are refused here. [eligibility]'s criteria are prose, read as words for the
    ranking ('AND' in capitals, parentheses and full stops are a criterion's own text), and are
    not checked so."""
    term = text.strip().strip('"').strip()
    problem = _no_word_or_query(text, term)
    if problem:
        return problem
    odd = next((c for c in _TEXT_BRACKET.sub("", term) if c in _HIGHLIGHT_PATTERN), None)
    if odd:
        return (
            f"term {text!r} can never be found: {odd!r} is pattern syntax, and a highlight"
            " term is found as written",
            _fix(odd, term),
        )
    return None


# pattern characters no text holds where a highlight term would have them: a parenthesis
# alone is text ('support (IPS)'), one around alternatives holds a '|'; a '$' is a currency's
# ('US$'), as the text holds it, not only a pattern's end
_HIGHLIGHT_PATTERN = set("|[]{}?^\\")
# a square bracket holding a digit and no range is the text's own: a radiotracer's isotope
# ('[18F]FDG', '[11C]PiB'), an ion ('[Ca2+]'); one of letters alone or a range ('[Ww]ork',
# 'organi[sz]ation', '[0-9]') is a pattern's set of characters
_TEXT_BRACKET = re.compile(r"\[(?=[^\]]*\d)(?![^\]]*\w-\w)[^\[\]]*\]")


def _no_word_or_query(text: str, term: str) -> tuple[str, str] | None:
    """A term of no word, or one written as a search query: found by no text, as a scheme's
    or a highlight term."""
    if not _WORD.search(term):
        return (
            f"term {text!r} has no word in it, so it finds nothing",
            "delete it, or write the word or phrase it stands for",
        )
    if m := _OPERATOR.search(term):
        words = [w.strip() for w in re.split(rf"\s+{m.group(1)}\s+", term)]
        return (
            f"term {text!r} is written as a search query ({m.group(1)}); a term is one word"
            " or phrase, found as written",
            f"list {' and '.join(repr(w) for w in words)} as terms of their own (a list's terms"
            " are already alternatives)",
        )
    return None


def _unpaired_quote(text: str) -> tuple[str, str] | None:
    """A scheme's term with a double quote at one end only: the quotes pair to mean "the
    words as written" (:func:`reviewkit.classify.term_syntax.parse_term`), and one alone would
    silently find every form of the word instead."""
    term = text.strip()
    bare = term.strip('"').strip()
    if term.startswith('"') == term.endswith('"') or '"' in bare:  # inside: not part of a word
        return None
    return (
        f"term {text!r} has a double quote at one end only",
        f"""write '"{bare}"' in the TOML file to find the words as written, or "{bare}" to find"""
        " every form of them",
    )


def _fix(char: str, word: str) -> str:
    """What to write instead of a term word holding ``char``."""
    if char in _PATTERN:
        return (
            "a term is a word or phrase, not a pattern: list each alternative as a term of its own"
        )
    if char == "*":  # inside a word: the term's own '*' goes at a word's start or end only
        return (
            "a '*' stands for any letters only at a word's start or end ('sick*', '*team'):"
            " list each spelling as a term of its own ('organisation', 'organization')"
        )
    if re.fullmatch(r"[A-Za-z]\d\d\.\w+", word):
        return (
            f"a diagnosis code is a range of whole codes ('{word[:3]}-{word[:3]}'), which finds"
            f" {word!r} too"
        )
    return (
        "write the term in letters and digits, its words joined by spaces, hyphens or '/'"
        " (a symbol such as '+', '#', '&' or '.' is no part of a word in the text)"
    )
