"""Record field normalisation: PMIDs, years and structured abstracts as the readers give them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.abstract_sections import plain_abstract
from reviewkit.extract import prefill_value
from reviewkit.protocol.model import ExtractionField
from reviewkit.records import Record, normalise_pmid


@pytest.mark.parametrize(
    ("value", "pmid"),
    [
        ("12345", "12345"),
        (" PMID: 12345 ", "12345"),
        ("PMID 12345", "12345"),
        ("pmid:12345", "12345"),
        (12345, "12345"),
        ("0012345", "12345"),
        # not a PMID: stripping the rest made these other articles' PMIDs
        ("PMID 3123-4567", ""),
        ("3l234567", ""),  # a letter l for a 1
        ("12345 67890", ""),
        ("PMC12345", ""),
        ("doi:10.1/2", ""),
        ("0", ""),
        (None, ""),
    ],
)
def test_a_pmid_is_digits_with_an_optional_pmid_prefix(value: object, pmid: str) -> None:
    assert normalise_pmid(value) == pmid
    assert Record(title="t", pmid=value).pmid == pmid


@pytest.mark.parametrize(
    ("value", "year"),
    [
        ("2019//", 2019),  # RIS PY
        ("2019 Mar", 2019),  # MEDLINE DP
        ("Spring 2019", 2019),
        ("2019-03-01", 2019),
        ("20190301", 2019),  # MEDLINE DEP / DA
        ("2019a", 2019),  # BibTeX year with a disambiguating letter
        ("1995.0", 1995),  # a spreadsheet number
        (2021, 2021),
        ("20201", None),  # five digits: no year (was 2020)
        ("12020", None),
        ("vol 120201 p 3", None),
        ("20191301", None),  # no month 13: a number, not a date
    ],
)
def test_a_year_stands_as_its_own_number(value: object, year: int | None) -> None:
    assert Record(title="t", year=value).year == year


def test_the_readers_year_fields_read_a_year_only_where_one_stands(tmp_path: Path) -> None:
    ris = tmp_path / "a.ris"
    ris.write_text(
        "".join(
            f"TY  - JOUR\nTI  - Title {n}\nPY  - {py}\nER  - \n\n"
            for n, py in enumerate(["2019//", "2019/03/01/", "20201"])
        ),
        encoding="utf-8",
    )
    assert [r.year for r in formats.read_file(ris)] == [2019, 2019, None]
    nbib = tmp_path / "a.nbib"
    nbib.write_text(
        "PMID- 1\nTI  - One\nDP  - Spring 2019\nSO  - J. 2019.\n\n"
        "PMID- 2\nTI  - Two\nDEP - 20190301\nSO  - J.\n",
        encoding="utf-8",
    )
    assert [r.year for r in formats.read_file(nbib)] == [2019, 2019]


EBSCO_ABSTRACT = (
    "Background: Sick leave with back pain is common. Objectives: To compare two models. "
    "Methods: A randomised trial in Norway. Participants: 120 workers on sick leave. "
    "Results: More returned to work; the results: a 10% gain. "
    "Conclusions: Coordination helps. Limitations: One country."
)


def test_title_case_nlm_labels_split_a_structured_abstract() -> None:
    sections = plain_abstract(EBSCO_ABSTRACT)
    assert [s.label for s in sections] == [
        "Background",
        "Objectives",
        "Methods",
        "Participants",
        "Results",
        "Conclusions",
        "Limitations",
    ]
    # 'the results: a …' is inside a sentence: no label there
    assert sections[4].text == "More returned to work; the results: a 10% gain."
    record = Record(title="t", abstract_sections=sections)
    effect = ExtractionField("effect", "Effect", prefill=("section:RESULTS",))
    population = ExtractionField("population", "Population", prefill=("section:PARTICIPANTS",))
    aim = ExtractionField("aim", "Aim", prefill=("section:OBJECTIVE",))
    assert prefill_value(record, effect) == "More returned to work; the results: a 10% gain."
    assert prefill_value(record, population) == "120 workers on sick leave."
    assert prefill_value(record, aim) == "To compare two models."


@pytest.mark.parametrize(
    "text",
    [
        "The results: a mess. Methods are described elsewhere.",  # lower case, mid-sentence
        "We looked. Results of the trial: fine. Methods: reported.",  # a sentence, one label
        "Sick leave is common. Methods: one label inside the text is not a structure.",
        "In conclusion, Results: were mixed. Findings: varied.",  # after a comma, not a stop
    ],
)
def test_title_case_words_inside_sentences_are_not_labels(text: str) -> None:
    assert [(s.label, s.text) for s in plain_abstract(text)] == [("", text)]


def test_combined_title_case_labels_are_one_label() -> None:
    text = "Objective: x. Design, setting and participants: y. Main outcome measures: z."
    assert [s.label for s in plain_abstract(text)] == [
        "Objective",
        "Design, setting and participants",
        "Main outcome measures",
    ]


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        # a heading line followed by another heading line: an empty section, its word kept
        (
            "Background\nMethods\nWe did it.",
            [("", "Background"), ("Methods", "We did it.")],
        ),
        # a heading line followed by a line with labels of its own
        (
            "Background\nOBJECTIVE: x. METHODS: y.",
            [("", "Background"), ("OBJECTIVE", "x."), ("METHODS", "y.")],
        ),
    ],
)
def test_a_heading_line_that_heads_nothing_is_kept_as_text(
    text: str, sections: list[tuple[str, str]]
) -> None:
    assert [(s.label, s.text) for s in plain_abstract(text)] == sections


@pytest.mark.parametrize(
    "text",
    [
        # two spaces after a sentence (typewriter spacing), a no-break space: labels all the same
        "BACKGROUND Sick leave is common.  METHODS 134 workers took part.  RESULTS Half returned.",
        "BACKGROUND: Sick leave is common.  METHODS: 134 workers took part.  RESULTS: Half "
        "returned.",
        "Background: Sick leave is common.\u00a0Methods: 134 workers took part.\u00a0Results: Half"
        " returned.",
    ],
)
def test_labels_after_more_than_one_space_still_split(text: str) -> None:
    assert [(s.label.upper(), s.text) for s in plain_abstract(text)] == [
        ("BACKGROUND", "Sick leave is common."),
        ("METHODS", "134 workers took part."),
        ("RESULTS", "Half returned."),
    ]
