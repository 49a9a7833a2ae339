"""A title whose first word is "employment" (the job specialist's employment worker, adviser,
consultant and specialist; the providers' employment officer) is found as written: a plain word
finds its forms by their stem, and "employment", "employed" and "employer" share one, so
"self-employed workers", a population, read as an IPS worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod

ROOT = Path(__file__).resolve().parents[2]
REVIEW_B = ROOT / "protocols" / "work-health-collaboration.toml"
PROVIDERS = ROOT / "protocols" / "rtw-providers-occupations.toml"

CASE_MANAGER = (
    "{workers} on sick leave with depression met the insurer's return-to-work coordinator, who "
    "agreed a return-to-work plan with them and their psychologist."
)


@pytest.mark.parametrize("workers", ["Self-employed workers", "Employed workers"])
def test_employed_workers_are_a_population_not_a_job_specialist(workers):
    b = protocol_mod.load(REVIEW_B)
    assert labels(b, "model-type", CASE_MANAGER.format(workers=workers)) == ["coordinator"]


def test_the_employment_worker_is_still_the_job_specialist():
    b = protocol_mod.load(REVIEW_B)
    text = (
        "Employees on sick leave with depression were offered an employment worker who joined "
        "their mental health treatment."
    )
    assert labels(b, "model-type", text) == ["job-specialist"]


def test_employed_officers_are_no_employment_officers():
    providers = protocol_mod.load(PROVIDERS)
    text = (
        "Police officers employed by the city and sick-listed with back pain were treated by "
        "physiotherapists; employed officers returned to patrol duty."
    )
    assert "insurance-officer" not in labels(providers, "provider", text)
