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
"""

from __future__ import annotations

import re

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
