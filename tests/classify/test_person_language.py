"""A term's language decides which person rule reads it (reviewkit/classify/persons.py): a
Norwegian or Danish plural of an ordinary noun ("sykdommer", "bedrifter", "tjenester",
"arbeidsplasser") ends as an agent noun does, so it is no person that receives another label's
weak word; the agent nouns ("arbeidsgivere", "saksbehandler") still are, and an English
agent noun is one only under the English rule."""

from __future__ import annotations

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.persons import names_person
from reviewkit.records import Record

PROTOCOL = """
[review]
id = "x"
title = "x"
question = "?"
reviewers = ["ann"]

[stages.title-abstract]
reviewers_per_record = 1

[schemes.level]
name = "Level"
multi_label = true

[[schemes.level.labels]]
id = "worker"
name = "The worker"
terms = [{ term = "training", weight = 0.5 }]
terms_no = [{ term = "opplæring", weight = 0.5 }]
terms_da = [{ term = "undervisning", weight = 0.5 }]

[[schemes.level.labels]]
id = "setting"
name = "The workplace and the services"
terms = ["supervisor*", "employers"]
terms_no = ["sykdom*", "bedrift*", "tjeneste*", "arbeidsplass*", "arbeidsgiver*", "saksbehandler"]
terms_sv = ["kommun*"]
terms_da = ["arbejdsgiver*"]
"""


@pytest.fixture(scope="module")
def level(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("protocol") / "p.toml"
    path.write_text(PROTOCOL, encoding="utf-8")
    return protocol_mod.load(path).scheme("level")


def _worker_terms(scheme, title: str) -> list[str]:
    """The worker's evidence in a record titled ``title`` (what the person rule left it)."""
    scores = {s.label: s for s in classify.score_labels(Record(title=title), scheme)}
    return [e.text for e in scores["worker"].evidence]


@pytest.mark.parametrize(
    "title",
    ["Opplæring for sykdommer i ryggen", "Opplæring for bedrifter", "Opplæring for tjenester",
     "Opplæring for arbeidsplasser"],
)  # fmt: skip
def test_a_norwegian_plural_of_a_thing_receives_no_weak_word(level, title):
    # the plural's -er is no agent's: the training stays the worker's (the recipient rule's
    # prepositions are English ones; Norwegian "for" is the same word)
    assert _worker_terms(level, title) == ["Opplæring"]


@pytest.mark.parametrize(
    "title",
    ["Opplæring for arbeidsgivere", "Opplæring for arbeidsgiveren", "Opplæring for saksbehandler",
     "Training of supervisors", "Training for employers"],
)  # fmt: skip
def test_an_agent_noun_still_receives_it(level, title):
    assert _worker_terms(level, title) == []


def test_a_swedish_plural_receives_no_weak_word(level):
    # Swedish agents end in -are, which no rule reads; its -er is a plural's ("kommuner":
    # municipalities)
    assert _worker_terms(level, "Opplæring for kommuner") == ["Opplæring"]


@pytest.mark.parametrize(
    ("term", "text", "language", "person"),
    [
        ("arbeidsgiver*", "arbeidsgivere", "no", True),
        ("arbejdsgiver*", "arbejdsgiverne", "da", True),
        ("bedrift*", "bedrifter", "no", False),
        ("arbejdsplads*", "arbejdspladser", "da", False),
        # the English rule reads English terms only, the Scandinavian one Norwegian and Danish
        ("arbeidsgivere", "arbeidsgivere", "en", False),
        ("physician*", "physicians", "no", False),
        ("physician*", "physicians", "en", True),
        # no Swedish term names a person by its ending: -are also ends comparatives
        ("handläggare", "handläggare", "sv", False),
    ],
)
def test_the_term_s_language_picks_the_rule(term, text, language, person):
    e = Evidence("x", term, "title", text, 0.5, language=language)
    assert names_person(e) is person


# The recipient rule's linking words in the term's language (reviewkit/classify/recipients.py)


@pytest.mark.parametrize(
    "title",
    [
        "Opplæring til arbeidsgiveren",  # to
        "Opplæring av arbeidsgivere",  # of
        "Opplæring til alle arbeidsgivere",  # to all
        "Opplæring av en saksbehandler",  # of a
        "Undervisning af arbejdsgiverne",  # Danish of
        "Undervisning til alle arbejdsgivere",  # Danish to all
    ],
)
def test_a_nordic_link_gives_the_weak_word_to_the_person(level, title):
    assert _worker_terms(level, title) == []


@pytest.mark.parametrize(
    "title",
    [
        # the list of recipients goes on to the workers: theirs too
        "Opplæring av arbeidsgivere og ansatte",
        "Opplæring til arbeidsgiverne eller de sykmeldte",
        # "with" and "at" link nobody, as in English: a talk with the employer is the worker's
        "Opplæring med arbeidsgiveren",
        "Opplæring hos arbeidsgiveren",
        "Undervisning af arbejdsgiverne og de ansatte",
    ],
)
def test_a_nordic_phrase_that_gives_the_person_nothing(level, title):
    assert _worker_terms(level, title) == [title.split()[0]]


@pytest.mark.parametrize(
    "title",
    [
        "Arbeidsgiverne deltok på opplæring",  # Norwegian
        "Arbeidsgiverne fikk opplæring",
        "Arbejdsgiverne modtog undervisning",  # Danish
        "Employers attended training",  # English, as before
    ],
)
def test_a_nordic_verb_of_receiving_gives_the_weak_word_to_its_subject(level, title):
    assert _worker_terms(level, title) == []


@pytest.mark.parametrize(
    "title", ["Arbeidsgiverne ga opplæring", "Arbejdsgiverne gav undervisning"]
)
def test_a_nordic_verb_of_giving_leaves_the_weak_word(level, title):
    assert _worker_terms(level, title) != []
