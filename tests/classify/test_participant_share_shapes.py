"""Whose share it is, and where it is written: a share of the sex of the providers who
delivered an intervention ("The physiotherapists (85 % women) delivered ...") is not the
participants' (reviewkit/classify/provider_shares.py); a share written after its word ("female,
63 %", "women: 58%", "sex (female) 71 %") is read where it is a list item of the sample's sex,
never from a condition only one sex has nor a qualified group, so a women-only study stays
women only (reviewkit/classify/share_shapes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod
from reviewkit.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-participant-sex.toml"


@pytest.fixture(scope="module")
def sexes():
    return protocol_mod.load(PROTOCOL)


@pytest.mark.parametrize(
    "text",
    [
        "The physiotherapists (85 % women) delivered the programme to 120 sick-listed workers.",
        "The intervention was delivered by physiotherapists (85% women) to 120 workers.",
        "Twelve case managers, 90% female, delivered the intervention to 300 patients.",
        "The group sessions were led by nurses (92% women) at four clinics.",
        "Of the 40 nurses who delivered the programme, 85% were women.",
        "Among the trained coordinators who led the groups, 70% were female.",
        "The coaching was given by occupational therapists (women, 88%).",
        "The programme was delivered individually by 12 trained physiotherapists (85% women).",
        "The physiotherapists (85% women), who had ten years of experience, delivered it.",
        # cls17: the providers' own count in their bracket keeps the share theirs
        "The programme was delivered by 40 GPs (n = 40, 55% women) to 1200 patients.",
        "The sessions were led by 12 nurses (12 nurses, 92% women).",
        # rd43d: the people each provider treats, counted in the provider's bracket (a caseload,
        # a list size: per provider, "each", "per", a mean) are the providers' own figure: the
        # share beside it is still theirs (cls17 read any count of patients there as the sample)
        "The programme was delivered by 40 GPs (mean list size 1800 patients, 55% women).",
        "The sessions were led by 12 nurses (each treating 25 patients a week, 92% women).",
        "Case managers (a caseload of 30 clients each, 80% female) delivered the sessions.",
        "The therapy was delivered by 20 psychologists (40 patients per therapist, 65% women).",
    ],
)
def test_a_share_of_the_providers_who_delivered_names_no_participants(sexes, text):
    assert labels(sexes, "sex", text) == ["not-stated"]


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        # the providers are the sample: their share is the participants'
        ("A total of 1037 faculty members were included, and 900 of them (86.8%) were male.",
         ["both"]),
        ("Of the 412 nurses surveyed, 85% were women.", ["both"]),
        # the bracket after a provider describes the patients: managing is no delivery
        ("A total of 159 patients managed by German GPs (mean age 59 years, 51% female) were "
         "analyzed.", ["both"]),
        # the patients' share beside the providers' one
        ("Nurses (85% women) delivered the programme to 120 patients (60% women).", ["both"]),
        ("Of the 300 patients treated by nurses, 60% were women.", ["both"]),
        ("The programme was delivered by nurses to 300 workers, of whom 60% were women.",
         ["both"]),
        # the providers' kind as the ones the intervention was delivered to, or as the sample
        # of a study of them: the sentence's verb of delivery is not theirs
        ("A resilience programme was delivered to 200 nurses (92% women).", ["both"]),
        ("The training was provided to 120 line managers (60% women) of four companies.",
         ["both"]),
        ("Semi-structured interviews were conducted with 25 case managers (80% female).",
         ["both"]),
        ("Nurses (92% women) took part in a programme led by psychologists.", ["both"]),
        ("Nurses (92% women) were offered the programme at their workplace.", ["both"]),
        # a share that is a clause of its own ("60% were women") after a comma: the sentence's,
        # not an apposition to the provider before the comma
        ("Of the 300 workers who received the programme delivered by nurses, 60% were women.",
         ["both"]),
        ("In the programme delivered by case managers, 60% of the participants were women.",
         ["both"]),
        # cls17: the provider's bracket holds the people they treated, counted, before the
        # share: the share is theirs, the participants', beside a verb of delivery too
        ("The programme was delivered by 40 GPs (1200 patients, 55% women).", ["both"]),
        ("Physiotherapists (n = 12, 240 workers, 61% female) delivered the sessions.", ["both"]),
        ("The sessions were led by nurses (treating 310 participants, 70% men).", ["both"]),
    ],
)  # fmt: skip
def test_a_share_of_the_participants_still_names_both(sexes, text, sex):
    assert labels(sexes, "sex", text) == sex


@pytest.mark.parametrize(
    "text",
    [
        "The 300 participants (mean age 45 years; female, 63 %) were randomized.",
        "Participants (n = 300; women: 58%) were randomized.",
        "Participants had a mean age of 45 years; sex (female) 71 %.",
        "Participants (n = 300) were 45 years old on average (female, n = 174, 58%).",
        "Most were women (97.5%), reflecting the profile of the local workforce.",
        # an adverb of the majority between "were" and the word: a share all the same, not a
        # sample of one sex
        "Participants were predominantly male (85%), with an average age of 50.",
        "Patients were primarily men (61.1%) over 60 years of age.",
        "The nurses were mostly women (92%).",
    ],
)
def test_a_share_written_after_its_word_names_both(sexes, text):
    assert labels(sexes, "sex", text) == ["both"]


@pytest.mark.parametrize(
    "text",
    [
        # a women-only study: a condition's or a qualified group's share, a share of the women's
        # own, all of them
        "We included 200 pregnant women (63% nulliparous).",
        "We included pregnant women (63%) and postpartum women (37%).",
        "Of 300 women: pregnant, 40%; postpartum, 60%.",
        "We included 300 women, 63% of whom were employed.",
        "All 200 participants were women (100%).",
        "Women with breast cancer (63%) or ovarian cancer (37%) took part.",
    ],
)
def test_a_women_only_study_stays_women_only(sexes, text):
    assert labels(sexes, "sex", text) == ["women"]


def test_the_providers_share_through_the_cli(tmp_path, capsys):
    records = tmp_path / "records.csv"
    records.write_text(
        "title,abstract,sex\n"
        'A trial,"The physiotherapists (85 % women) delivered the programme to 120 workers.",'
        "not-stated\n"
        'A survey,"The 300 participants (mean age 45 years; female, 63 %) took part.",both\n',
        encoding="utf-8",
    )
    args = ["classify", "--evaluate", str(records), "--protocol", str(PROTOCOL)]
    assert cli_main([*args, "--scheme", "sex", "--gold", "sex"]) == 0
    assert "2 rows, accuracy 1.0" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        "Of the 12 coaches who delivered the programme, 60% were physiotherapists.",
        "The programme was delivered by 12 coaches (60% physiotherapists).",
    ],
)
def test_a_providers_own_kind_in_their_share_still_names_who_delivered(text):
    providers = protocol_mod.load(ROOT / "protocols" / "rtw-providers-occupations.toml")
    assert labels(providers, "provider", text) == ["physio-ot"]
