"""An abbreviation defined in a title: the short form in brackets after the words it stands for,
'post-traumatic stress disorder (PTSD)', 'return to work (RTW)', 'Patient Health Questionnaire
(PHQ-9)'.

The algorithm of Schwartz and Hearst (2003, 'A simple algorithm for identifying abbreviation
definitions in biomedical text', PSB 8:451-462), which biomedical text mining uses as its
baseline: the short form's letters are found in the words before the bracket from right to
left, each to the left of the one after it, the first at the start of a word, within at most
min(|short| + 5, 2 * |short|) words. Where we differ:

- a short form's digits are not looked for ('PHQ-9' after 'Patient Health Questionnaire'; a
  scale's version is often not spelled out); S&H match letters and digits;
- the long form begins at the short form's first letter; S&H's findBestLongForm goes back to
  the blank before it (``lastIndexOf(" ")``), so 'mental/musculoskeletal disorders (MSD)' is
  'musculoskeletal disorders' here, 'mental/musculoskeletal disorders' there: the caller reads
  two long forms joined by a slash;
- the window is the last words before the bracket split at blanks, |short| counting every
  character ('PHQ-9': 5); S&H split words at hyphens too and count only the short form's
  letters and digits (4), so a window here may hold more text; S&H reject a longer match, this
  cuts the text first (the same long form when it fits);
- S&H's checks of a pair (a long form no shorter than its short form and not holding it, a
  short form of at most ten letters and digits) are not made: the caller asks only of words in
  brackets that look like a trial's name;
- two short forms in one bracket stand for two long forms joined ('post-traumatic stress
  disorder and major depressive disorder (PTSD and MDD)'): the caller looks for the first before
  the second's long form (reviewkit.dedup.study_names).

And an acronym one title writes that another spells out with no bracket (:func:`spelt_out`):
there each letter is a word's initial (study links, reviewkit.dedup.study_cues).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD_SPLIT = re.compile(r"\s+")


def _window(short: str) -> int:
    """How many words before the bracket a long form may span (Schwartz and Hearst)."""
    n = len(short)
    return min(n + 5, 2 * n)


def long_form(short: str, before: str) -> str:
    """The words at the end of ``before`` (its blanks made single) that ``short`` abbreviates,
    from its first letter's word start; '' when there are none:
    ('PTSD', 'Treatment of post-traumatic stress disorder') -> 'post-traumatic stress
    disorder'."""
    letters = [c.lower() for c in short if c.isalpha()]
    if not letters:
        return ""
    words = [w for w in _WORD_SPLIT.split(before.strip()) if w]
    text = " ".join(words[-_window(short) :])
    i = len(text) - 1
    for k in range(len(letters) - 1, -1, -1):
        # the first letter at the start of a word ('post-traumatic': 'p'), the others anywhere
        while i >= 0 and (
            text[i].lower() != letters[k] or (k == 0 and i > 0 and text[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return ""
        i -= 1
    return text[i + 1 :]  # from the first letter ('musculoskeletal' of 'mental/musculoskeletal')


# An acronym one title writes and another spells out, with no bracket to anchor the words
# (Review B's 'the IPS-MA intervention' beside 'Individual Placement and Support modified for
# people with mood and anxiety disorders'). Schwartz and Hearst's reading finds a short form's
# letters anywhere in the words before its bracket; without the bracket any title has words
# that hold three letters in order, so here each letter is the initial of a word, the words
# one run, and the function words between them skipped or read ('quality of life', QoL). An
# acronym joined by hyphens is spelt out part by part, each part's words a run of its own
# and the parts in order ('IPS-MA': 'Individual Placement and Support' … 'mood and
# anxiety'), as such names join two names.
FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
_TOKEN = re.compile(r"[A-Za-z0-9]+")
# an acronym: capitals for most of its letters ('IPS-MA', 'QoL', 'PTSD'), not a coined word
# with two capitals ('WorkUp', 'HbA1c')
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


def acronyms(title: str) -> set[str]:
    """The acronyms a title writes ('IPS-MA', 'QoL'): three letters or more, two thirds of
    them capitals (the written form, hyphens kept)."""
    out = set()
    for word in _ACRONYM.findall(title):
        letters = [c for c in word if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        if len(letters) >= 3 and capitals >= 2 and 3 * capitals >= 2 * len(letters):
            out.add(word)
    return out


@lru_cache(maxsize=4096)  # a study's titles are read again for each pair it is in
def initials(title: str) -> tuple[str, tuple[str, ...]]:
    """A title's words split at blanks, hyphens and signs, in lower case, and their initials
    in one string: a content word's in lower case, a function word's in upper case."""
    words = tuple(w.lower() for w in _TOKEN.findall(title))
    code = "".join(w[0].upper() if w in FUNCTION_WORDS else w[0] for w in words)
    return code, words


@lru_cache(maxsize=65536)
def _part_pattern(letters: str) -> re.Pattern[str]:
    """The initials of a part's spelt-out words: its first and last letters a content word's,
    the ones between a content or a function word's, function words skipped between."""
    middle = "".join(f"[A-Z]*[{c}{c.upper()}]" for c in letters[1:-1])
    return re.compile(f"{letters[0]}{middle}[A-Z]*{letters[-1]}")


def spelt_out(acronym: str, title: tuple[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words of a title (its :func:`initials`) that spell ``acronym`` out, part by part
    (the comment above FUNCTION_WORDS); () when they do not."""
    code, words = title
    found: list[str] = []
    at = 0
    for part in acronym.split("-"):
        letters = "".join(c.lower() for c in part if c.isalpha())
        if part.endswith("s") and part[:-1].isupper():
            letters = letters[:-1]  # a plural's 's' ('RCTs') is no word's initial
        if not letters:
            continue  # 'COVID-19': the number is no word's initial
        if len(letters) < 2:
            return ()
        m = _part_pattern(letters).search(code, at)
        # an acronym that is a word ('HOPE', 'CARE') spelt from that word ('Hope and optimism
        # in patients with …'): the title writes the word, it does not spell the name out
        if not m or letters in words[m.start() : m.end()]:
            return ()
        found.extend(words[m.start() : m.end()])
        at = m.end()
    return tuple(found)
