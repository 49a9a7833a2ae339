"""benchmarks/study_links counts, in its 'rule' column, what `dedup studies` suggests."""

from __future__ import annotations

from benchmarks.study_links import measure
from reviewkit.dedup.study_cues import MAX_SHARING
from reviewkit.records import AbstractSection, Record


def test_the_rule_column_applies_the_guards_dedup_studies_applies():
    """A name on more than MAX_SHARING studies joins no pair in `dedup studies`; the
    benchmark's false suggestions among known negatives must not count such a pair."""
    studies = {
        f"s{n:02}": [Record(title=f"Outcome {n} of the HOPE trial", authors=[f"Au{n}, A"])]
        for n in range(MAX_SHARING)
    }
    studies["x"] = [Record(title="Diet in the HOPE trial", authors=["Au1, A"])]
    figures = measure(studies, len(studies), (set(), {("s01", "x")}))
    assert figures["suggestions"] == 0
    assert figures["per_cue"]["rule"]["false"] == 0
    assert figures["per_cue"]["name"]["false"] == 1  # the cue itself is still counted


def test_truth_from_numbers_is_what_dedup_studies_suggests_bridges_too():
    """The benchmark's true pairs are study_numbers.number_links' (one grouping for both):
    two reports citing one trial's two registrations are one study through a third citing
    both, and counted as bridged; a protocol's two numbers of one register bridge nothing."""
    texts = {
        "bridge": "Registered: NCT01234567 and ISRCTN12345678",
        "nct": "NCT01234567",
        "isrctn": "ISRCTN12345678",
        "pilot": "NCT07654321 and NCT01234567",  # a protocol naming its pilot
        "pilot only": "NCT07654321",
    }
    studies = {
        k: [Record(title=f"Study {k}", abstract_sections=[AbstractSection("", t)])]
        for k, t in texts.items()
    }
    figures = measure(studies, len(studies))
    # one trial (NCT01234567 = ISRCTN12345678): bridge, nct, isrctn and the pilot's protocol,
    # which cites it (6 pairs; nct-isrctn and pilot-isrctn bridged); the pilot (NCT07654321):
    # its protocol and its report; never the pilot's report with nct or isrctn
    assert figures["true_pairs"] == 7 and figures["bridged_pairs"] == 2
    assert figures["bridged_read"][0]["evidence"] == (
        "ISRCTN12345678 = NCT01234567 (one trial in two registers: record bridge carries both)"
    )


def test_a_notice_sharing_its_trials_number_stays_in_the_truth():
    """The truth was built with the notice rule under test (a notice joins no study): an
    erratum citing its trial's number left the true pairs, so a rule taking a trial's own
    report for a notice would have shrunk the truth unseen. Now the pair is true, counted as
    one with a notice, and the rule's refusal shows in its recall."""
    studies = {
        "trial": [
            Record(
                title="Yoga for neck pain: a randomised trial",
                abstract_sections=[AbstractSection("", "Registered as NCT01234567.")],
            )
        ],
        "erratum": [
            Record(
                title="Erratum to: Yoga for neck pain: a randomised trial",
                abstract_sections=[AbstractSection("", "NCT01234567")],
            )
        ],
    }
    figures = measure(studies, len(studies))
    assert figures["true_pairs"] == 1 and figures["true_pairs_with_a_notice"] == 1
    assert figures["per_cue"]["rule"]["true"] == 0
