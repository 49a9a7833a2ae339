"""The clause a study's verb stands in, for the readings of a stated aim
(:mod:`reviewkit.classify.aim_statements`): in a clause of time, manner, concession or
condition ("as we try to understand ...", "Although we seek to clarify ..., the current study
employed ...") the verb, of inquiry or an aim word's, hangs on another statement and is not the
study's purpose.
"""

from __future__ import annotations

import re

# The study's verb in a clause of time, manner, concession or condition ("... as we try to
# understand ...", "Although we seek to clarify ..., the current study employed ...", "When we
# compared ..., we found ...", "... if we compare the time taken"): the clause hangs on another
# statement, not the study's purpose. Of the 270,303 sentences of the snapshot and the held-out
# sets, 9 were read as an inquiry by such a verb alone, none an aim (3 their abstract's Aim
# cell: "as we try to understand ...", "if we compare ...", "Though this paper explicitly
# addresses ..., many of the following arguments ..."); so an aim word's verb
# (:mod:`reviewkit.classify.aim_words`: "Although we seek to clarify ..."). Not "so" ("so we
# aimed to compare ...": the aim), nor a reason: the study's verb after a reason clause is the
# main clause's ("Because little is known, we examined ..."; of the snapshot's and held-out
# sets' 106 sentences opening with "Because" or "Since" and the study after a comma, 49 are read
# as an aim, each by that verb: the aim or the hypothesis, 46 their abstract's Aim cell; the
# others conclude, "we conclude", or tell a method, "we stratified"), and "because" or "since"
# right before the study (13 sentences) holds a reason or a time, not an aim, in none read by it
# ("Since we have shown that ..., we hypothesized that ..." is read by its main verb), while
# "Because we wanted to know whether ..., we ..." would be the purpose: left as read
_SUBORDINATE = re.compile(
    r"\b(?:as|while|when|whenever|although|though|whereas|if|unless|until|once)\s+$",
    re.IGNORECASE,
)


def in_subordinate_clause(sentence: str, at: int) -> bool:
    """Whether the study's verb at character ``at`` of ``sentence`` (its subject's start) stands
    in a clause of time, manner, concession or condition (:data:`_SUBORDINATE`)."""
    return bool(_SUBORDINATE.search(sentence, 0, at))
