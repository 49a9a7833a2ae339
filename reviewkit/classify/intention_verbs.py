"""The verbs of intention, one list for every reading of a stated aim
(:mod:`reviewkit.classify.aim_statements`): the verb with which a study, its authors or an
impersonal "it" say what they set out to do before the infinitive that says it ("We aimed to
...", "This review intends to ...", "It was intended to ...", "we tried to identify ...").

Not verbs of need, plan or proposal ("we need to", "we planned to enrol 200 patients", "we
propose to"): they are the text's argument or a method, not what the study set out to find.
"""

from __future__ import annotations

# Each verb with its forms: the base (also the present after "we", "they"), the third person,
# the past, the past participle, the -ing form; British and American spellings alike.
_FORMS: dict[str, tuple[str, str, str, str, str]] = {
    "aim": ("aim", "aims", "aimed", "aimed", "aiming"),
    "seek": ("seek", "seeks", "sought", "sought", "seeking"),
    "intend": ("intend", "intends", "intended", "intended", "intending"),
    "attempt": ("attempt", "attempts", "attempted", "attempted", "attempting"),
    "try": ("try", "tries", "tried", "tried", "trying"),
    "want": ("want", "wants", "wanted", "wanted", "wanting"),
    "wish": ("wish", "wishes", "wished", "wished", "wishing"),
    "strive": ("strive", "strives", "strove", "striven", "striving"),
    "endeavour": ("endeavour", "endeavours", "endeavoured", "endeavoured", "endeavouring"),
    "endeavor": ("endeavor", "endeavors", "endeavored", "endeavored", "endeavoring"),
}
INTENTION_VERBS: tuple[str, ...] = tuple(_FORMS)


def intention_forms(*verbs: str, finite: bool = False, participle: bool = False) -> str:
    """A regular expression alternation (no ``\\b``, no group) of the forms of ``verbs``, of
    every verb of intention when none is named: all their forms, or only the finite ones after
    "it" (``finite``: the third person and the past, "aims", "sought"), or only the past
    participle after "is" or "was" (``participle``: "aimed", "intended", "striven")."""
    forms: set[str] = set()
    for verb in verbs or INTENTION_VERBS:
        base, third, past, done, ing = _FORMS[verb]
        if finite:
            forms.update((third, past))
        elif participle:
            forms.add(done)
        else:
            forms.update((base, third, past, done, ing))
    return "(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + ")"


# Which of them each reading of an aim takes, by what the verb says there (measured on the
# snapshot's 270,163 sentences, each reading with all nine verbs against these):
# - the verbs of the aim word itself, read as an aim word is, with no check for a later step
#   (:data:`~reviewkit.classify.aim_words.AIM_VERB`: "We aimed to ...", "This study sought
#   to ..."); the others so read took 8 later steps and others' attempts for aims ("Moreover,
#   we have attempted to ...", "We also tried to compare ...", "papers in which the authors
#   attempted to predict ..."), so they are read as verbs of inquiry, with its checks;
AIM_WORD_VERBS = ("aim", "seek")
# - "It ..." standing for the study the sentence before names: every verb ("It aims to ...",
#   "It intends to ..."; the snapshot has no "It tries to" nor "It attempts to" so placed);
#   and impersonal, every verb in the past participle ("It was intended to ...", "It was
#   attempted to describe ...": what the text set out to do, said without its subject; the
#   snapshot's 4 with "attempted" are each the aim of an abstract with no other read, and no
#   other verb is so written there);
# - a verb of inquiry with no infinitive right after it: a list of aims ("this study had two
#   aims: ..."), words between ("We aim herein to describe ...", "this study aims (1) to
#   provide ..."): read with an infinitive only, 4 such aims were lost;
BARE_VERBS = ("aim", "seek", "attempt")
# - and only before an infinitive, where without one it is a method or a wish ("we tried
#   several doses", "we want more data")
INFINITIVE_VERBS = ("try", "intend", "want", "wish", "strive", "endeavour", "endeavor")
