"""The two shipped protocols load and hold what DOMAIN.md describes."""

from __future__ import annotations

from pathlib import Path

from reviewkit import protocol as protocol_mod
from reviewkit.query import parse
from reviewkit.query_nodes import Term, terms

ROOT = Path(__file__).resolve().parents[2]
REVIEW_A = ROOT / "protocols" / "rtw-systematic-reviews.toml"
REVIEW_B = ROOT / "protocols" / "work-health-collaboration.toml"

COMMON_BLOCK = (
    '("return to work" OR "work rehabilitation" OR "vocation* treatment" OR "vocation* rehabilitation"'
    ' OR "evidence-based practice" OR "motivational interview*")'
    ' AND (employment OR "sick* certification" OR "sick leave" OR "worker\'s compensation" OR "occupational health")'
)
TOPICS = [
    '"mental health"',
    '"musculoskeletal"',
    '"chronic pain"',
    '"cancer"',
    '"brain injury"',
    '("general practice" OR "general practition*" OR "physicians, family" OR "family practice" OR "primary care")',
    '("organization* level" OR "system level")',
    '"implementation"',
]


def test_review_a_has_the_eight_searches_exactly() -> None:
    p = protocol_mod.load(REVIEW_A)
    assert len(p.searches) == 8
    assert [s.query for s in p.searches] == [f"{COMMON_BLOCK} AND {topic}" for topic in TOPICS]
    assert {s.database for s in p.searches} == {"PubMed"}
    assert len({s.name for s in p.searches}) == 8
    for search in p.searches:  # each parses, and its terms are the block's then the topic's
        phrases = [t.text + ("*" if t.truncated else "") for t in terms(parse(search.query))]
        assert phrases[:11] == [
            "return to work",
            "work rehabilitation",
            "vocation* treatment",
            "vocation* rehabilitation",
            "evidence-based practice",
            "motivational interview*",
            "employment",
            "sick* certification",
            "sick leave",
            "worker's compensation",
            "occupational health",
        ]
    assert [t.text for t in terms(parse(p.searches[5].query))][11:] == [
        "general practice",
        "general practition",
        "physicians, family",
        "family practice",
        "primary care",
    ]
    assert terms(parse(p.searches[5].query))[12] == Term(
        "general practition", phrase=True, truncated=True
    )


def test_review_a_limits() -> None:
    p = protocol_mod.load(REVIEW_A)
    for search in p.searches:
        limits = search.limits
        assert limits.date_from.startswith("2011") and limits.date_to.startswith("2021/12")
        assert limits.languages == ("english",)
        assert limits.systematic_subset or "Systematic Review" in limits.publication_types
        full = search.full_query()
        assert (
            full.startswith(f"({search.query}) AND ") and "[dp]" in full and "english[la]" in full
        )
        parse(full)  # what is sent to PubMed parses too


def test_review_a_screening_and_groups() -> None:
    p = protocol_mod.load(REVIEW_A)
    ta = p.stage("title-abstract")
    labels = {r.label.lower() for r in ta.exclusion_reasons}
    assert {"wrong outcome", "wrong research question", "wrong population"} <= labels
    assert "uncertain" in ta.advance_on  # 'uncertain' routes a record on
    scheme = p.scheme("diagnosis-group")
    assert [lab.name for lab in scheme.labels] == [
        "Mental disorders",
        "Musculoskeletal disorders",
        "Mixed or complex diagnoses",
        "Chronic pain",
        "Cancer",
        "Brain injury",
        "Role of the GP and the employer",
        "Implementation and system level",
    ]
    mental = {t.text for t in scheme.label("mental").terms}
    assert {"depress*", "anxiety", "stress", "burnout"} <= mental
    assert any(
        t.language == "no" for t in scheme.label("mental").terms
    )  # Norwegian signal terms too
    assert p.report is not None and p.report.scheme == "diagnosis-group"
    assert [p.report.column_names.get(c, c) for c in p.report.columns] == [
        "Study",
        "Aim of the review",
        "Conclusions of the review",
    ]
    assert p.report.sort == "year-desc"


def test_review_b_schemes_and_report() -> None:
    p = protocol_mod.load(REVIEW_B)
    model = p.scheme("model-type")
    assert [lab.name for lab in model.labels] == [
        "Multidisciplinary team",
        "Job specialist in mental health treatment",
        "Sick-leave / rehabilitation coordinator",
        "Team plus coordinator",
        "Workplace-centred collaboration",
    ]
    assert model.none_label and model.label_ids[-1] == model.none_label  # plus "none of these"
    assert {t.text for t in model.label("job-specialist").terms} >= {
        "individual placement and support",
        "IPS",
    }
    diagnosis = p.scheme("diagnosis")
    assert diagnosis.label_ids == ("mental", "musculoskeletal", "both")
    smi = p.scheme("severe-mental-illness")
    assert smi.kind == "flag"
    # psychosis as plain words: the pattern psychos* also found "psychosocial"
    assert {"schizophreni*", "psychosis", "bipolar"} <= {t.text for t in smi.labels[0].terms}
    assert p.report is not None and p.report.scheme == "model-type"
    assert [p.report.column_names.get(c, c) for c in p.report.columns] == [
        "Country",
        "Intervention",
        "Population",
        "Design",
        "Effect",
        "Reference",
    ]
    assert {f.id for f in p.extraction} >= {
        "country",
        "intervention",
        "population",
        "design",
        "effect",
    }
    assert any("work-focused CBT" in e for e in p.exclusion)
    assert p.stage("title-abstract").reviewers_per_record == 2


def test_shipped_exclude_highlights_leave_the_fields_own_words_alone() -> None:
    """A screening exclude highlight marks a reason to exclude; 'psychos*' also marked
    'psychosocial' (work environment, rehabilitation), a word of this field's includes."""
    from reviewkit.tui.widgets import compile_terms

    for path in sorted((ROOT / "protocols").glob("*.toml")):
        pattern = compile_terms(protocol_mod.load(path).highlight_exclude)
        for word in ("psychosocial", "psychosocial factors", "psychologist"):
            assert pattern is None or not pattern.search(word), (path.name, word)
