"""A tenth review's own schemes through the CLI and on sentences: who delivers a return-to-work
intervention (multi-label) and the workers' sector (single-label), both read where the record
speaks of what its own study did (``study_did = true``), after Hoefsmit, Houkes and Nijhuis
2012 (protocols/rtw-providers-occupations.toml), on 24 abstracts labelled from their text
before the classifier read them, and 12 more written after its fixes. First reading (commit
73f57eab): provider 20/24, sector 21/24; the second set's (unseen, e778818e) 10/12 and 10/12."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli, refused_edit
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.abstract_sections import plain_abstract
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-providers-occupations.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_providers_abstracts.csv"
SECOND = ROOT / "tests" / "reports" / "fixtures" / "heldout_providers_abstracts_2.csv"


# the floors are what the rules get now, so a row lost fails here; the second set's first
# reading (unseen, at e778818e) was 10/12 and 10/12
@pytest.mark.parametrize(
    ("fixture", "rows", "scheme", "gold", "correct"),
    [
        (FIXTURE, 24, "provider", "delivered_by", 24),
        (FIXTURE, 24, "sector", "occupation_sector", 23),
        (SECOND, 12, "provider", "delivered_by", 12),
        (SECOND, 12, "sector", "occupation_sector", 12),
    ],
)
def test_the_provider_reviews_schemes_through_the_cli(capsys, fixture, rows, scheme, gold, correct):
    assert correct_through_cli(capsys, PROTOCOL, fixture, scheme, gold, rows) >= correct


def provider(protocol, *parts: tuple[str, str]) -> list[str]:
    """The providers suggested for a record of these (heading, text) sections."""
    rec = Record(
        title="A study", abstract_sections=[AbstractSection(head, text) for head, text in parts]
    )
    return [s.label for s in classify.suggest(rec, protocol.scheme("provider"))]


METHODS = ("METHODS", "Sick-listed employees were randomised to case managers or usual care.")


@pytest.mark.parametrize(
    "background",
    [
        # the world the study is set in, not who delivered it: before study_did the two names
        # of one profession summed to the threshold at the background's half weight
        "General practitioners issue most sick notes, and GPs say they lack the time to talk "
        "about work.",
        "Occupational physicians and occupational health nurses advise most Dutch employers.",
    ],
)
def test_a_backgrounds_world_is_no_provider(providers, background):
    assert provider(providers, ("BACKGROUND", background), METHODS) == ["case-manager"]


def test_a_backgrounds_own_aim_names_the_provider(providers):
    # the study's own aim in the background weighs as the methods, as in any scheme
    own = "We tested whether brief advice by general practitioners shortens sick leave."
    got = provider(providers, ("BACKGROUND", own), METHODS)
    assert got == ["gp", "case-manager"]


@pytest.mark.parametrize(
    "recommendation",
    [
        "Occupational physicians should be involved in future programmes.",
        "Such programmes should also be offered by general practitioners.",
        "Future interventions could add a psychologist.",
    ],
)
def test_a_recommendation_is_no_provider(providers, recommendation):
    text = f"Supervisors were trained to contact sick-listed workers. {recommendation}"
    rec = Record(title="A study", abstract_sections=plain_abstract(text))
    assert [s.label for s in classify.suggest(rec, providers.scheme("provider"))] == ["employer"]


def test_the_comparators_provider_is_not_the_studys(providers):
    text = "Workers were randomised to CBT given by psychologists or to usual care by their GP."
    assert labels(providers, "provider", text) == ["psychologist"]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # a workforce in the plural; the nurse who delivers in the singular
        ("Registered nurses on sick leave were randomised.", ["health-care"]),
        (
            "Municipal employees met the occupational health physician or nurse.",
            ["public"],
        ),
        # the stemmer's one stem for hospital and hospitality: each as written
        ("Hospital nurses on sick leave were included.", ["health-care"]),
        ("Employees of hotels and restaurants in the hospitality sector took part.", ["other"]),
        # two named sectors are the combination
        ("Civil servants and construction workers on sick leave were included.", ["mixed"]),
        ("Employees on sick leave were included.", ["general"]),
    ],
)
def test_the_workers_sector(providers, text, sector):
    assert labels(providers, "sector", text) == sector


def test_protocol_check_refuses_a_scheme_read_two_ways(tmp_path, capsys):
    edit = ("study_did = true", "study_kind = true\nstudy_did = true")
    err = refused_edit(tmp_path, capsys, PROTOCOL, *edit)
    assert "schemes.provider.study_did" in err and "hint:" in err and "Traceback" not in err


def test_a_backgrounds_workforce_is_not_the_studys(providers):
    # the sector is whom the study included: a background's statistics about nurses are the
    # world it is set in (before study_did on the sector, two such sentences made health care)
    background = (
        "Nurses have the highest rates of sick leave of any occupation. Hospital nurses and "
        "nursing home staff often leave the profession."
    )
    rec = Record(
        title="A study",
        abstract_sections=[
            AbstractSection("BACKGROUND", background),
            AbstractSection("METHODS", "Bank employees on sick leave were randomised."),
        ],
    )
    assert [s.label for s in classify.suggest(rec, providers.scheme("sector"))] == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        # the parties a person coordinates with are contacted, as those she meets or calls
        "Nurse case managers coordinated appointments with the treating physician and the "
        "physiotherapist.",
        "The case manager coordinated the return with the psychologist and the GP.",
    ],
)
def test_whom_a_person_coordinates_with_is_no_provider(providers, text):
    assert labels(providers, "provider", text) == ["case-manager"]


def test_the_one_who_coordinates_stays_the_actor(providers):
    # the actor before the word of contact keeps its evidence, the party after it does not
    text = "The physiotherapist coordinated exercises with the case manager."
    assert labels(providers, "provider", text) == ["physio-ot"]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # the armed forces by their branch
        ("Sailors of the Royal Navy on restricted duties were included.", ["public"]),
        ("Army personnel with knee injuries took part.", ["public"]),
        # a nurse named by the service she delivers for is no workforce
        (
            "Police officers on sick leave were followed by occupational health nurses.",
            ["public"],
        ),
    ],
)
def test_the_sector_after_the_second_reading(providers, text, sector):
    assert labels(providers, "sector", text) == sector


def test_the_welfare_agencys_social_worker(providers):
    text = "Social workers of the municipal social services met sick-listed employees."
    assert labels(providers, "provider", text) == ["insurance-officer"]
    # a social worker alone, in a hospital's team, is weak
    assert labels(providers, "provider", "A social worker joined the ward round.") == ["not-stated"]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # the people a provider meets or contacts are whom the study included: in a scheme of
        # whom (population = true) the contacted-party rule does not take them away
        ("Occupational health nurses met each police officer on sick leave.", ["public"]),
        ("Hospital physicians contacted the employers of construction workers.", ["industry"]),
    ],
)
def test_whom_a_provider_meets_is_the_population(providers, text, sector):
    assert labels(providers, "sector", text) == sector


@pytest.mark.parametrize(
    "text",
    [
        # the workforce named by its employer, as eligibility criteria write it
        "Eligible were employees of a municipality on sick leave for four weeks or more.",
        "Inclusion criteria: employees of the municipality, sick-listed for 4 to 12 weeks.",
    ],
)
def test_a_workforce_named_by_its_employer(providers, text):
    assert labels(providers, "sector", text) == ["public"]
    # the provider's employer is not the workforce's
    provider = "A social worker employed by the municipality examined each sick-listed employee."
    assert labels(providers, "sector", provider) == ["general"]


@pytest.mark.parametrize(
    "text",
    [
        # PubMed's abstract display opens with the authors' affiliations: their workplaces are
        # not who delivered (a labelled abstract, and one without headings)
        "Author information: (1)Occupational Health Services, Helsinki, Finland. (2)General "
        "practitioner, Oslo. OBJECTIVE: To test case management. METHODS: Sick-listed "
        "employees were randomised to case managers or usual care.",
        "Author information: (1)Occupational Health Services, Helsinki. (2)General practitioner, "
        "Oslo. Sick-listed employees were randomised to case managers or usual care.",
    ],
)
def test_the_authors_affiliations_are_no_provider(providers, text):
    rec = Record(title="A study", abstract_sections=plain_abstract(text))
    assert [s.label for s in classify.suggest(rec, providers.scheme("provider"))] == [
        "case-manager"
    ]


def test_an_affiliation_section_is_no_provider(providers):
    rec = Record(
        title="A study",
        abstract_sections=[
            AbstractSection("AFFILIATIONS", "Department of General Practice; psychologists"),
            AbstractSection(*METHODS),
        ],
    )
    assert [s.label for s in classify.suggest(rec, providers.scheme("provider"))] == [
        "case-manager"
    ]


@pytest.mark.parametrize(
    ("text", "got"),
    [
        # a recommendation reaches its own clause: the study's own words beside it count
        (
            "Brief advice by psychologists reduced sick leave; such advice should be implemented "
            "in occupational health care.",
            ["psychologist"],
        ),
        (
            "Psychologists delivered a programme that should be considered in future programmes.",
            ["psychologist"],
        ),
        (
            "Psychologists delivered a programme designed to inform future interventions.",
            ["psychologist"],
        ),
        # the recommendation's own clause stays no provider
        ("Future interventions could add a psychologist.", ["not-stated"]),
    ],
)
def test_a_recommendation_reaches_its_clause(providers, text, got):
    assert labels(providers, "provider", text) == got


# After cls11: a public agency's own staff are the public sector ("anställda vid
# Försäkringskassan"); the agency's clients are not (it pays every Swedish worker's benefit)
@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Anställda vid Försäkringskassan med långvarig sjukskrivning randomiserades.", ["public"]),
        (
            "Employees of the Swedish Social Insurance Agency on sick leave were included.",
            ["public"],
        ),
        ("Sjukskrivna arbetstagare registrerade hos Försäkringskassan deltog.", ["general"]),
        ("Workers sick-listed at the Swedish Social Insurance Agency were included.", ["general"]),
    ],
)
def test_a_public_agencys_own_staff(providers, text, sector):
    assert labels(providers, "sector", text) == sector


@pytest.mark.parametrize(
    ("text", "provider_"),
    [
        # a therapist of no named kind giving a psychological therapy: a psychotherapist (a
        # sign of several terms)
        ("The treatment was eight sessions of problem-solving therapy by trained therapists.",
         ["psychologist"]),
        ("Therapists delivered cognitive behavioural therapy by telephone.", ["psychologist"]),
        # the therapy without a therapist, or in another sentence, is no provider
        ("Workers received guided internet CBT with a coach.", ["not-stated"]),
        ("Therapists met the workers. The workers also read about CBT.", ["not-stated"]),
        # an adjective that names no therapy names no psychotherapist: a problem-solving
        # approach or interpersonal conflicts are any provider's
        ("Therapists used a problem-solving approach to adapt work tasks.", ["not-stated"]),
        ("Therapists discussed interpersonal conflicts at work with each employee.",
         ["not-stated"]),
        ("Therapists gave interpersonal therapy by telephone.", ["psychologist"]),
        # a therapist whose profession is named is that profession
        ("Occupational therapists gave cognitive behavioural training at work.", ["physio-ot"]),
    ],
)  # fmt: skip
def test_a_therapist_giving_a_psychological_therapy(providers, text, provider_):
    assert labels(providers, "provider", text) == provider_
