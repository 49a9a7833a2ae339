"""A factor a study measured as a predictor, exposure or covariate is no programme it tested.

A prognostic cohort or a register study names the work side as a factor ("employer support
predicted an earlier return", "use of occupational health care was the exposure", "adjusted for
employer size"); in a scheme of what the intervention was (``tested``: Review B's model type)
that is no evidence of a workplace-centred model. An evaluation's own result stays evidence:
"dialogue meetings with the employer were associated with an earlier return"
(reviewkit.classify.variables.names_predictor)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod

ROOT = Path(__file__).resolve().parents[2]
REVIEW_B = protocol_mod.load(ROOT / "protocols" / "work-health-collaboration.toml")
# a prognostic analysis within a trial of a programme with no work side: a study of no
# intervention (a cohort alone) takes the none label by Review B's none_if_untested already,
# whatever the predictor reading does (reviewkit.classify.untested)
COHORT = (
    "In a secondary analysis of a randomised trial of exercise therapy, 540 workers "
    "sick-listed with back pain answered a questionnaire. "
)

PREDICTORS = {
    "predicted": COHORT + "Support from the employer predicted an earlier return to work.",
    "predictor": COHORT + "Employer support was the strongest predictor of return to work.",
    "exposure": COHORT + "Contact with the occupational health service was the exposure.",
    "adjusted": COHORT + "Return to work was analysed adjusted for age, sex and employer size.",
}


@pytest.mark.parametrize("text", PREDICTORS.values(), ids=PREDICTORS.keys())
def test_a_factor_named_as_a_predictor_is_no_model(text):
    assert suggested(REVIEW_B, "model-type", text) == ["none"]


def test_an_evaluation_s_result_associated_with_return_stays_evidence():
    # "associated with" is how an evaluation in a register reports its own programme's result
    text = (
        "In a register-based evaluation of 3,000 sick-listed employees, return-to-work "
        "meetings at the workplace were associated with an earlier return to work."
    )
    assert suggested(REVIEW_B, "model-type", text) == ["workplace"]


def test_a_party_a_programme_is_independent_of_is_no_covariate():
    # "independent of the insurer and the employer" says whom the case managers do not belong
    # to, not an analysis' adjustment: the workplace they visited is still the programme's
    coordination = protocol_mod.load(ROOT / "protocols" / "rtw-coordination.toml")
    text = (
        "Case managers of a private company, independent of the insurer and the employer, "
        "visited the workplace and made a return-to-work plan with the worker."
    )
    assert "workplace-contact" in suggested(coordination, "components", text)


def test_graded_exposure_is_a_treatment_not_a_predictor_s_role():
    # "graded exposure to work" in a work-focused CBT arm: the plan made in therapy is the
    # programme's, as the intervention-domains review reads it (service coordination)
    domains = protocol_mod.load(ROOT / "protocols" / "rtw-intervention-domains.toml")
    text = (
        "Employees on sick leave were randomised to work-focused CBT: a return-to-work plan "
        "made in therapy and graded exposure to work."
    )
    # health-focused therapy and service coordination: multi-domain
    assert suggested(domains, "domain", text) == ["multi-domain"]
