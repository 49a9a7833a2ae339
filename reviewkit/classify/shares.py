"""A share of the people a study included: a combination's evidence.

"7,079 (72.7%) were men", "112 [93%] male", "59% were male", "43.3% female": a percentage below
100 of one kind of participant says the rest are of another, so the study included both kinds,
where the kinds make up everyone between them (a combination label marked ``complementary``:
women and men in a scheme of the participants' sex). Not in a scheme of diagnoses: "45% had
musculoskeletal disorders" says nothing of mental ones, the rest may have any other condition.
Abstracts describe their sample so, in the Methods or Results, far more often than they name
both kinds ("men and women"). So a term of a label that such a combination joins found right
after a share ("59% were male", "59% of the participants were male", "Eighty-three percent
were men") is evidence of the combination itself, a whole sign (weight 1) whatever the word's
own weight ("male" is weak alone: also a variable, "male sex was associated"). "100%" or "all"
is no share: all were of one kind.

Where a share stands, before the word or after it ("female, 63 %"), and which words head one
written after: :mod:`reviewkit.classify.share_shapes`.
"""

from __future__ import annotations

from dataclasses import replace

from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field
from reviewkit.classify.share_shapes import share_after, share_start
from reviewkit.classify.term_syntax import distinct_terms
from reviewkit.classify.terms import find_term
from reviewkit.protocol import Scheme


def share_evidence(scheme: Scheme, fields: list[Field], arm: bool | str) -> list[Evidence]:
    """Each combination label's evidence from shares of the labels it joins (see the module
    docstring), read as the scheme reads its terms (``arm``)."""
    out = []
    labels = {lab.id: lab for lab in scheme.labels}
    own = scheme.instruments
    for lab in scheme.labels:
        if not lab.complementary:  # the rest may be of none of the kinds joined
            continue
        for part in dict.fromkeys(lab.combines):
            for term in distinct_terms(labels[part].terms):
                found = find_term(
                    term, fields, lab.id, arm=arm, tested=scheme.tested, instruments=own
                )
                for e in found:
                    n, start, end = e.span  # type: ignore[misc]
                    text = fields[n].text
                    if share_start(text, start) is not None or share_after(text, start, end):
                        out.append(replace(e, term=f"share: {term.text}", weight=1.0))
    return out
