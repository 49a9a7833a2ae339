"""A share of the people a study included: a combination's evidence.

"7,079 (72.7%) were men", "112 [93%] male", "59% were male", "43.3% female": a percentage below
100 of one kind of participant says the rest are of another, so the study included both kinds.
Abstracts describe their sample so, in the Methods or Results, far more often than they name
both kinds ("men and women"). So a term of a label that a combination label joins (``combines``:
women and men in a scheme of the participants' sex) found right after such a share is evidence
of the combination itself, a whole sign (weight 1) whatever the word's own weight ("male" is
weak alone: also a variable, "male sex was associated"). "100%" or "all" is no share: all
were of one kind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field
from reviewkit.classify.term_syntax import distinct_terms
from reviewkit.classify.terms import find_term
from reviewkit.protocol import Scheme

# A percentage below 100 right before the term, in brackets or not, with "were" ("was", "are")
# between: "(72.7%) were men", "[93%] male", "59% were male", "43.3% female", "43,3 % women";
# not the end of a longer number ("100%")
_SHARE = re.compile(
    r"(?<![\d.,·])(\d{1,2}(?:[.,·]\d+)?|0?[.,]\d+)\s*(?:%|percent|per\s+cent)\s*[)\]]?\s*(?:(?:were|was|are|is|being)\s+)?$",
    re.IGNORECASE,
)
# how far back the share may start: the number, a bracket and "were"
_REACH = 24


def share_before(text: str, start: int) -> bool:
    """Whether the words at character ``start`` follow a share below 100% ("59% were")."""
    return _SHARE.search(text[max(0, start - _REACH) : start]) is not None


def share_evidence(scheme: Scheme, fields: list[Field], arm: bool | str) -> list[Evidence]:
    """Each combination label's evidence from shares of the labels it joins (see the module
    docstring), read as the scheme reads its terms (``arm``)."""
    out = []
    labels = {lab.id: lab for lab in scheme.labels}
    for lab in scheme.labels:
        for part in dict.fromkeys(lab.combines):
            for term in distinct_terms(labels[part].terms):
                for e in find_term(term, fields, lab.id, arm=arm, tested=scheme.tested):
                    n, start, _ = e.span  # type: ignore[misc]
                    if share_before(fields[n].text, start):
                        out.append(replace(e, term=f"share: {term.text}", weight=1.0))
    return out
