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
"""

from __future__ import annotations

import re
from dataclasses import replace

from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field
from reviewkit.classify.term_syntax import distinct_terms
from reviewkit.classify.terms import find_term
from reviewkit.protocol import Scheme

# A number below 100 in words, as a sentence opens with it ("Eighty-three percent were men")
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_IN_WORDS = (
    rf"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:{_UNITS}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS})"
)
# The whole sample a share is of ("59% of the participants were male"): not "45% of the women
# were pregnant", a share of one kind itself
_SAMPLE = (
    r"(?:of\s+(?:the\s+|all\s+|our\s+)?(?:\w+\s+)?(?:participants|patients|respondents|subjects"
    r"|workers|employees|sample|cohort|population|individuals|people)\s+)?"
)
# A percentage below 100 right before the term, in brackets or not, with "were" ("was", "are")
# between: "(72.7%) were men", "[93%] male", "59% were male", "43.3% female", "43,3 % women";
# not the end of a longer number ("100%")
_SHARE = re.compile(
    rf"(?:(?<![\d.,·])(?:\d{{1,2}}(?:[.,·]\d+)?|0?[.,]\d+)|{_IN_WORDS})\s*(?:%|percent|per\s+cent)"
    rf"\s*[)\]]?\s*{_SAMPLE}(?:(?:were|was|are|is|being)\s+)?$",
    re.IGNORECASE,
)
# how far back the share may start: the number, a bracket, the sample and "were"
_REACH = 64


def share_before(text: str, start: int) -> bool:
    """Whether the words at character ``start`` follow a share below 100% ("59% were")."""
    # searched in the whole text, so the look-behind sees a longer number's digits ("100%")
    return _SHARE.search(text, max(0, start - _REACH), start) is not None


def share_evidence(scheme: Scheme, fields: list[Field], arm: bool | str) -> list[Evidence]:
    """Each combination label's evidence from shares of the labels it joins (see the module
    docstring), read as the scheme reads its terms (``arm``)."""
    out = []
    labels = {lab.id: lab for lab in scheme.labels}
    for lab in scheme.labels:
        if not lab.complementary:  # the rest may be of none of the kinds joined
            continue
        for part in dict.fromkeys(lab.combines):
            for term in distinct_terms(labels[part].terms):
                for e in find_term(term, fields, lab.id, arm=arm, tested=scheme.tested):
                    n, start, _ = e.span  # type: ignore[misc]
                    if share_before(fields[n].text, start):
                        out.append(replace(e, term=f"share: {term.text}", weight=1.0))
    return out
