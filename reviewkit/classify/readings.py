"""Which of a term's matches count as evidence, by how the scheme reads a record: as evidence
of whom or what a study is about (not what it measured or left out, nor its comparator arm),
as a comparator's mentions, or, for a scheme read one way (``measures``, ``study_kind``,
``study_did``), in that reading's sentences only (:func:`kept`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewkit.classify.arm_cues import compares_no_arm
from reviewkit.classify.comparator import in_comparator
from reviewkit.classify.measured import names_measured
from reviewkit.classify.measurement import states_measurement
from reviewkit.classify.negation import excluded
from reviewkit.classify.outcomes import OwnInstruments, in_outcome_name
from reviewkit.classify.own_study import speaks_of_own_study, states_own_aim
from reviewkit.classify.places import in_context
from reviewkit.classify.provider_shares import providers_share
from reviewkit.classify.variables import as_variable, names_predictor, statistical_adjustment
from reviewkit.classify.words import Token

if TYPE_CHECKING:
    from reviewkit.classify.fields import Field


def _measured(
    text: str,
    words: list[Token],
    first: int,
    last: int,
    instrument: bool = False,
    own: OwnInstruments = (),
) -> bool:
    """Whether the words first..last name what a study measured or left out, not whom it
    studied: inside an outcome measure's name (:mod:`~reviewkit.classify.outcomes`), as a
    predictor, risk factor, moderator or exposure (:mod:`~reviewkit.classify.variables`), in
    an exclusion criterion (:func:`~reviewkit.classify.negation.excluded`), "adjustment" of
    an analysis (:func:`~reviewkit.classify.variables.statistical_adjustment`), or the
    description of a trial's comparator arm (:func:`~reviewkit.classify.comparator.in_comparator`);
    ``instrument``: the words are a term the protocol names as an instrument; ``own``: the
    protocol's instruments (:func:`~reviewkit.classify.outcomes.in_outcome_name`)."""
    return (
        in_outcome_name(text, words, first, last, instrument, own)
        or _left_out(text, words, first, last)
        or in_comparator(text, words, first, last)
    )


def _left_out(text: str, words: list[Token], first: int, last: int) -> bool:
    """A predictor or exposure, an exclusion criterion, an analysis' adjustment."""
    return (
        as_variable(text, words, first, last)
        or excluded(text, words, first, last)
        or statistical_adjustment(text, words, first, last)
    )


def _did(f: Field, at: int) -> bool:
    """Whether the sentence at ``at`` says what the record's own study did: not the background's
    world ("GPs issue most sick notes") unless it states the study's own aim, nor others'
    studies or a recommendation (:mod:`~reviewkit.classify.own_study`)."""
    return states_own_aim(f.text, at) if in_context(f.where) else speaks_of_own_study(f.text, at)


# The sentences a scheme read one way counts a match in (``arm``, :func:`kept`): where the
# record says what its study measured (an outcome's name is no population, but it is what was
# measured), where it speaks of its own study (other studies, research to come are not), and
# where it says what its own study did
_READINGS = {
    "measures": lambda f, at: states_measurement(f.where, f.text, at),
    "study": lambda f, at: speaks_of_own_study(f.text, at),
    "did": _did,
}


def kept(
    f: Field,
    first: int,
    last: int,
    arm: bool | str,
    tested: bool = False,
    instrument: bool = False,
    own: OwnInstruments = (),
) -> bool:
    """Whether a match at words first..last counts: as evidence (``arm`` False: not measured or
    left out), asked for a comparator's mentions, inside a comparator arm's description, or,
    for a scheme read one way (:data:`_READINGS`), in its sentences: of what was measured
    (``arm`` "measures", :mod:`~reviewkit.classify.measurement`) or what kind of study a record
    is ("study", :mod:`~reviewkit.classify.own_study`) in either arm, both arms being one
    study, or of what the study did ("did") in the tested arm only; an exclusion criterion or
    a predictor is left out in each ("excluded if in another trial"). For a scheme of what the
    intervention was (``tested``), a match a sentence names as measured does not count either
    (:mod:`~reviewkit.classify.measured`), nor one it names as a predictor or covariate
    (:func:`~reviewkit.classify.variables.names_predictor`); nor, but for a comparator's mentions, a comparison's
    cue whose second term is a time or a role ("compared with the control group",
    :func:`~reviewkit.classify.arm_cues.compares_no_arm`), nor a share of the providers who
    delivered the intervention ("the physiotherapists (85% women) delivered",
    :mod:`~reviewkit.classify.provider_shares`). ``instrument``: the match is a term the
    protocol names as an instrument (a label's ``instruments``), an outcome measure unless a
    cut-off makes it a case definition (:func:`~reviewkit.classify.outcomes.in_outcome_name`);
    ``own``: the scheme's instruments, which make the health words beside them an outcome."""
    text, words = f.text, f.words
    if arm is True:
        return in_comparator(text, words, first, last)
    # a comparison with a time or a role ("compared with the control group") compares no two
    # treatments, in any reading
    if compares_no_arm(text, words, first, last):
        return False
    if providers_share(text, words, first, last):  # the providers' sex, not the participants'
        return False
    if tested and (
        names_measured(f.where, text, words, first, last)
        or names_predictor(text, words, first, last)
    ):
        return False
    if isinstance(arm, str):
        if not _READINGS[arm](f, words[first].start):
            return False
        if arm == "did":  # "did": the comparator's too
            return not _measured(text, words, first, last, instrument, own)
        return not _left_out(text, words, first, last)
    return not _measured(text, words, first, last, instrument, own)
