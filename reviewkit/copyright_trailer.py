"""A publisher's copyright statement at the end of an abstract's text, which is no finding.

NLM keeps an abstract's copyright in its own element (``CopyrightInformation``), but some
publishers put it inside the abstract text, and PubMed, its exports and the databases that copy
them keep it there. Prefilled as the last words of a conclusions or results section (or as part
of the last sentence of an unstructured abstract), it ended a study's "Findings" in the report
tables: "… varies based on the outcome measures used. (PsycInfo Database Record (c) 2021 APA,
all rights reserved)." The kinds, as they stand in the offline PubMed snapshot (a 2021 update
file and a 1976-80 baseline chunk; counts of abstracts ending so):

* the American Psychological Association's PsycInfo notice, "(PsycInfo Database Record (c)
  2021 APA, all rights reserved)" (61; "PsycINFO" in earlier years), on every APA journal's
  abstract: occupational health psychology and most psychology journals;
* Wiley's accepted-article notice, "This article is protected by copyright. All rights
  reserved." (51);
* a statement opened by "©" or "Copyright ©": "© 2021 The Authors. The Journal of Pathology
  published by John Wiley & Sons, Ltd. on behalf of …", "© 2021 Elsevier Inc. All rights
  reserved.", "© RSNA, 2021" (31; measured again in round 18, 23 said before);
* the same statement opened by the word and a year with no sign, as Elsevier's abstracts carry
  it in Embase and Ovid MEDLINE: "Copyright (C) 2020 Elsevier B.V. All rights reserved",
  "Copyright 2020 The Authors", "(c) 2020 Elsevier Ltd. All rights reserved." ('Copyright'
  only before a year: the word in a sentence names no owner; none in the snapshot, as PubMed
  keeps Elsevier's statement in CopyrightInformation).

Whether a text ends in such a statement (:func:`ends_in_copyright`) is also how a whole last
abstract of an Ovid export is told from one cut inside a sentence: publishers write the
statement with or without a final stop (:mod:`reviewkit.formats.ovid_cut`).

Only a statement that ends the text is taken off, and only after a sentence end (or as the
whole text; APA's and Wiley's fixed notices after any word, as a sentence before them may lack
its stop): "©" is read as a copyright sign wherever it stands, a "copyright" word inside a
sentence ("the copyright of their article is transferred …") is left alone. The record itself
keeps its text as imported (the screens and exports show it whole).
"""

from __future__ import annotations

import re

_TRAILER = re.compile(
    # a publisher's fixed notice, whose wording no sentence of a study's own has, after any
    # space: the sentence before it may lack its stop (1 of the snapshot's 51 Wiley notices,
    # '… broth of D. officinale This article is protected by copyright.')
    r"(?:(?:^|(?<=\s))(?:"
    # APA: one parenthesis, the year inside; a full stop after it in some records
    r"\(Psyc\s?INFO Database Record \(c\) \d{4} APA, all rights reserved\)\.?"
    # Wiley's accepted articles
    r"|This article is protected by copyright\.\s*All rights reserved\.?)"
    # a statement of the publisher's own words, after a sentence end
    r"|(?:^|(?<=[.!?)\]])\s+)(?:"
    # a statement opened by the sign, to the end (an owner and a publisher's line or two)
    r"(?:Copyright\s*)?©[^©]{0,300}"
    # the word, or '(c)', and a year opening the statement, to the end (Elsevier's form)
    r"|(?:Copyright\s*(?:\(c\)\s*)?|\(c\)\s*)\d{4}\b[^©]{0,300})"
    r")\s*$",
    re.IGNORECASE,
)


def without_copyright(text: str) -> str:
    """``text`` without a copyright statement at its end (see the module's docstring)."""
    return _TRAILER.sub("", text).rstrip()


def ends_in_copyright(text: str) -> bool:
    """Whether ``text`` ends in a copyright statement (see the module's docstring)."""
    return bool(_TRAILER.search(text))
