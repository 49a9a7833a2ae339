"""Alternatives: terms of one label listed with "or" are one sign, not several.

"An occupational health professional (nurse, physiotherapist or psychologist)" names the
possible professions of one person, not a team of a physiotherapist and a psychologist; "a
physiotherapist or a psychologist saw each worker" is one person seen. Terms of one label in a
list joined by "or" (or a single "/") count as one sign: the heaviest of them (the first of
equal weights) keeps its evidence there. A list joined by "and" ("a physiotherapist and a
psychologist") or "and/or" is several signs, as before; terms of different labels in one list
stay apart ("musculoskeletal or mental disorders" is evidence for both). The Scandinavian
"eller" is "or" here too (the term lists are also Norwegian, Swedish and Danish).

A parenthesis right after one label's term that names a role lists that role's people, not
another label's: "28 case managers (nurses, physiotherapists, occupational therapists and
psychologists)" are the case managers' professions, not a team, so another label's terms inside
it count as one sign too (:func:`one_role`). After the label's own word they stay apart: "a team
(physician, physiotherapist, psychologist)" lists the team's members.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reviewkit.classify.evidence import Evidence

# Between two list items: a comma, "or" or a single slash, each with an article after it
# ("a physiotherapist or a psychologist"); "and", "and/or" are no alternatives. The term lists
# are also Norwegian, Swedish and Danish (terms_no/_sv/_da), whose "or" is "eller" (and their
# articles en/ei/et/ett): "depresjon eller angst" is one sign as "depression or anxiety" is;
# "og"/"och" (and) are several, as "and" is.
_OR = r"(?:or|eller)"
_JOINER = re.compile(
    rf"\s*(?:,\s*(?:{_OR}\s+)?|{_OR}\s+|/\s*)(?:(?:an?|the|en|ei|et|ett)\s+)?", re.IGNORECASE
)
_ALTERNATIVE = re.compile(rf"\b{_OR}\b|/", re.IGNORECASE)


def one_of_alternatives(
    evidence: list[Evidence], texts: Mapping[tuple[str, int], str]
) -> list[Evidence]:
    """The evidence with each "or"-list of one label's terms counted once (see the module
    docstring). ``texts``: (report, field number) -> the field's text."""
    words = sorted(
        (e for e in evidence if e.span is not None and not e.negative),
        key=lambda e: (e.report, e.span[0], e.span[1]),  # type: ignore[index]
    )
    dropped: set[int] = set()
    run: list[Evidence] = []
    joiners: list[str] = []

    def close() -> None:
        if len(run) > 1 and any(_ALTERNATIVE.search(j) for j in joiners):
            keep = max(run, key=lambda e: (e.weight, -run.index(e)))
            dropped.update(id(e) for e in run if e is not keep)

    for e in words:
        prev = run[-1] if run else None
        if prev is not None and (prev.report, prev.span[0]) == (e.report, e.span[0]):  # type: ignore[index]
            gap = texts.get((e.report, e.span[0]), "")[prev.span[2] : e.span[1]]  # type: ignore[index]
            if prev.label == e.label and _JOINER.fullmatch(gap):
                run.append(e)
                joiners.append(gap)
                continue
        close()
        run, joiners = [e], []
    close()
    return [e for e in evidence if id(e) not in dropped]


_PARENS = re.compile(r"\s*\(([^()]*)\)")


def one_role(evidence: list[Evidence], texts: Mapping[tuple[str, int], str]) -> list[Evidence]:
    """The evidence with another label's terms inside a parenthesis right after a term (a role:
    "case managers (nurses, physiotherapists or psychologists)") counted once per label, the
    heaviest (the first of equal weights) kept (see the module docstring)."""
    words = [e for e in evidence if e.span is not None and not e.negative]
    dropped: set[int] = set()
    for role in words:
        n, _, end = role.span  # type: ignore[misc]
        m = _PARENS.match(texts.get((role.report, n), ""), end)
        if m is None:
            continue
        inside: dict[str, list[Evidence]] = {}
        for e in words:
            same = (e.report, e.span[0]) == (role.report, n)  # type: ignore[index]
            if same and e.label != role.label and m.start(1) <= e.span[1] < m.end(1):  # type: ignore[index]
                inside.setdefault(e.label, []).append(e)
        for run in inside.values():
            keep = max(run, key=lambda e: (e.weight, -run.index(e)))
            dropped.update(id(e) for e in run if e is not keep)
    return [e for e in evidence if id(e) not in dropped]
