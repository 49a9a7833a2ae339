"""Round trips: what each writer writes, its reader reads back with the same bibliographic fields.

Records come from a hypothesis strategy with unicode, punctuation, braces, ampersands, percent
signs, quotes and backslashes; structured and unstructured abstracts; several authors; optional
DOI / PMID / PMCID; keywords; MeSH terms; affiliations.

Where a format genuinely cannot carry something, the strategy is constrained and the comment
says why (each constraint is a property of the format, not of our reader):

- List items never contain the list separators the formats use: ';' (RIS publication types,
  CSV and BibTeX lists), '|' (CSV), ',' in keywords (CSV and BibTeX split comma-separated
  keywords, which many exports write), ' and ' in author names (BibTeX, CSV).
- MeSH terms contain no '/' and do not start with '*': in MEDLINE, 'Term/subheading' and '*Term'
  (major topic) are syntax, and the reader keeps the descriptor only.
- Structured-abstract labels are upper case (how PubMed writes them); section texts end with
  '.', '?' or '!' and hold no upper-case 'WORD:' — MEDLINE writes the abstract as one paragraph,
  where 'CONCLUSIONS: ' after a full stop is the only section marker there is.
- Text never holds line breaks or runs of spaces: every format folds white space.
- A URL never points at doi.org: RIS readers treat such a UR as the DOI.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewkit import formats
from reviewkit.formats.kinds import KINDS
from reviewkit.records import AbstractSection, Record

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

LOWER = "abcdefghijklmnopqrstuvwxyzæøåéüößçñłβ"
PUNCT_WORDS = [
    "&",
    "%",
    "50%",
    "R&D",
    "{x}",
    "{",
    "}",
    '"quoted"',
    "'single'",
    "(n=12)",
    "[sic]",
    "$5",
    "#1",
    "a_b",
    "~",
    "^2",
    "C:\\temp",
    "<b>",
    "e-mail",
    "—",
    "…",
    "@home",
    "x/y",
    "α-2",
    "1.5",
    "naïve",
    "Ærø",
    "Øyvind",
    "東京",
    "a+b=c",
    "`tick`",
]


def _word() -> st.SearchStrategy[str]:
    plain = st.builds(
        lambda cap, rest, tail: (cap + rest) + tail,
        st.sampled_from(["", "R", "S", "Ø", "É"]),
        st.text(alphabet=LOWER, min_size=1, max_size=9),
        st.sampled_from(["", "", "", ",", ":", ";", "'s", "?", "!"]),
    )
    return st.one_of(plain, plain, plain, st.sampled_from(PUNCT_WORDS))


def _phrase(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    return st.lists(_word(), min_size=min_words, max_size=max_words).map(" ".join)


def _item(max_words: int = 4) -> st.SearchStrategy[str]:
    """A list item (keyword, publication type, affiliation): no list separators (see above)."""
    return (
        _phrase(1, max_words)
        .map(lambda s: s.replace(";", "").replace("|", "").replace(",", ""))
        .filter(lambda s: s.strip() == s and s and "  " not in s and " and " not in f" {s} ")
    )


def _sentence_text() -> st.SearchStrategy[str]:
    # ends with a full stop so a following 'LABEL: ' is a section marker in MEDLINE
    return _phrase(1, 15).map(lambda s: s.rstrip(" ,:;") + ".").filter(lambda s: len(s) > 1)


LABELS = [
    "BACKGROUND",
    "OBJECTIVE",
    "METHODS",
    "RESULTS",
    "CONCLUSIONS",
    "MATERIALS AND METHODS",
    "AIMS/HYPOTHESIS",
    "DESIGN, SETTING, AND PARTICIPANTS",
    "FINDINGS & IMPLICATIONS",
]

structured = st.lists(
    st.builds(AbstractSection, st.sampled_from(LABELS), _sentence_text()), min_size=1, max_size=5
)
unstructured = _phrase(1, 40).map(lambda s: [AbstractSection("", s)])
abstracts = st.one_of(st.just([]), structured, unstructured)

authors = st.lists(
    st.builds(
        lambda last, first: f"{last}, {first}" if first else last,
        st.sampled_from(
            [
                "Smith",
                "Ørsted",
                "de la Cruz",
                "O'Brien",
                "Müller-Lüdenscheidt",
                "Łukasz",
                "van den Berg",
                "Nguyễn",
                "Brown-Séquard",
                "Olsen",
            ]
        ),
        st.sampled_from(["", "J", "John", "María José", "H C", "Åse", "Jean-Luc"]),
    ),
    max_size=6,
)
dois = st.builds(
    lambda prefix, suffix: f"10.{prefix}/{suffix}",
    st.integers(1000, 99999),
    st.from_regex(r"[a-z0-9][a-z0-9._/()-]{0,20}[a-z0-9]", fullmatch=True),
)
pages = st.one_of(
    st.just(""),
    st.builds(lambda a, n: f"{a}-{a + n}", st.integers(1, 5000), st.integers(1, 40)),
    st.builds(lambda n: f"e{n}", st.integers(1, 99999)),
    st.integers(1, 999).map(str),
)
MESH = [
    "Humans",
    "Sick Leave",
    "Return to Work",
    "Databases, Protein",
    "Mental Disorders",
    "Musculoskeletal Pain",
    "Rehabilitation, Vocational",
    "Occupational Health Services",
    "Anxiety",
    "Depression",
]

records = st.builds(
    Record,
    title=_phrase(1, 20),
    abstract_sections=abstracts,
    authors=authors,
    year=st.one_of(st.none(), st.integers(1900, 2030)),
    journal=st.one_of(st.just(""), _phrase(1, 6)),
    volume=st.one_of(st.just(""), st.integers(1, 400).map(str)),
    issue=st.one_of(st.just(""), st.integers(1, 12).map(str), st.just("Suppl 2")),
    pages=pages,
    doi=st.one_of(st.just(""), dois),
    pmid=st.one_of(st.just(""), st.integers(1, 99_999_999).map(str)),
    pmcid=st.one_of(st.just(""), st.integers(1, 9_999_999).map(lambda n: f"PMC{n}")),
    language=st.sampled_from(["", "eng", "nor", "swe", "dan"]),
    publication_types=st.lists(
        st.sampled_from(
            [
                "Journal Article",
                "Review",
                "Systematic Review",
                "Randomized Controlled Trial",
                "Meta-Analysis",
            ]
        ),
        max_size=3,
        unique=True,
    ),
    keywords=st.lists(_item(), max_size=4),
    mesh_terms=st.lists(st.sampled_from(MESH), max_size=4, unique=True),
    url=st.one_of(
        st.just(""),
        st.builds(
            lambda p: f"https://example.org/{p}?a=1&b=2%20c",
            st.from_regex(r"[a-z0-9]{1,8}(/[a-z0-9]{1,8}){0,2}", fullmatch=True),
        ),
    ),
    # unique: MEDLINE repeats AD per author, so its reader (like PubMed XML's) keeps each once
    affiliations=st.lists(_item(8), max_size=3, unique=True),
)


def _round_trip(recs: list[Record], fmt: str, tmp_path: Path) -> list[Record]:
    buf = io.StringIO()
    formats.write(recs, fmt, buf)
    path = tmp_path / f"out-{fmt}.txt"  # no telling extension: detection must use the content
    path.write_text(buf.getvalue(), encoding="utf-8")
    assert formats.detect(path) == fmt
    return list(formats.read_file(path))


def _check(recs: list[Record], fmt: str, tmp_path: Path) -> None:
    back = _round_trip(recs, fmt, tmp_path)
    assert len(back) == len(recs)
    for position, (original, read) in enumerate(zip(recs, back, strict=True), start=1):
        assert read.bibliographic_fields() == original.bibliographic_fields()
        assert read.position == position
        assert read.raw  # the original text of the record is kept


@SETTINGS
@given(recs=st.lists(records, min_size=1, max_size=3))
def test_ris_round_trip(recs: list[Record], tmp_path: Path) -> None:
    _check(recs, "ris", tmp_path)


@SETTINGS
@given(recs=st.lists(records, min_size=1, max_size=3))
def test_bibtex_round_trip(recs: list[Record], tmp_path: Path) -> None:
    _check(recs, "bibtex", tmp_path)


@SETTINGS
@given(recs=st.lists(records, min_size=1, max_size=3))
def test_csv_round_trip(recs: list[Record], tmp_path: Path) -> None:
    _check(recs, "csv", tmp_path)


@SETTINGS
@given(recs=st.lists(records, min_size=1, max_size=3))
def test_medline_round_trip(recs: list[Record], tmp_path: Path) -> None:
    _check(recs, "medline", tmp_path)


# a record of any kind, with a publisher and place (grey literature: formats.kinds): RIS, BibTeX
# and CSV write them in their own types and fields, and read them back
grey_records = st.builds(
    dataclasses.replace,
    records,
    kind=st.sampled_from(["", *KINDS]),
    publisher=st.one_of(st.just(""), _phrase(1, 5)),
    place=st.one_of(st.just(""), _phrase(1, 2)),
)


@SETTINGS
@given(recs=st.lists(grey_records, min_size=1, max_size=3))
def test_kinds_and_publishers_round_trip(recs: list[Record], tmp_path: Path) -> None:
    for fmt in ("ris", "bibtex", "csv"):
        _check(recs, fmt, tmp_path)


def test_every_writer_keeps_a_full_record(tmp_path: Path) -> None:
    """One hand-made record with every field set survives every writer (a readable example)."""
    rec = Record(
        title='Return to work {after} sick leave & 50% "quoted" — Ærø ß \\ path',
        abstract_sections=[
            AbstractSection("BACKGROUND", "Sick leave costs; R&D helps."),
            AbstractSection("AIMS/HYPOTHESIS", "We did x: y."),
            AbstractSection("CONCLUSIONS", "It works!"),
        ],
        authors=["Smith, John", "Ørsted, Hans Christian", "de la Cruz, María"],
        year=2020,
        journal="Journal of Occupational Rehabilitation",
        volume="30",
        issue="2",
        pages="123-129",
        doi="10.1007/s10926-019-09999-x",
        pmid="31234567",
        pmcid="PMC7654321",
        language="eng",
        publication_types=["Journal Article", "Review"],
        keywords=["return to work", "sick leave"],
        mesh_terms=["Humans", "Databases, Protein"],
        url="https://example.org/a?b=1&c=2",
        affiliations=["University of Oslo, Norway", "NAV, Oslo"],
    )
    for fmt in formats.WRITE_FORMATS:
        _check([rec, Record(title="Second")], fmt, tmp_path)


def test_ris_writes_a_structured_abstract_as_one_ab_line_that_rispy_reads_whole() -> None:
    """rispy (ASReview's RIS reader) keeps only the first AB tag; the RIS spec has one AB."""
    import rispy

    sections = [
        AbstractSection("BACKGROUND", "Sick leave is common."),
        AbstractSection("METHODS", "We randomised 120 workers."),
        AbstractSection("RESULTS", "More returned to work."),
    ]
    rec = Record(title="Return to work", pmid="123", abstract_sections=sections)
    out = io.StringIO()
    formats.write([rec], "ris", out)
    text = out.getvalue()
    assert text.count("\nAB  - ") == 1
    whole = "BACKGROUND: Sick leave is common. METHODS: We randomised 120 workers. "
    whole += "RESULTS: More returned to work."
    assert rispy.loads(text)[0]["abstract"] == whole
    back = list(formats.ris.read(text, "included.ris"))
    assert back[0].abstract_sections == sections


def test_medline_writes_fau_as_surname_comma_given() -> None:
    """MEDLINE's FAU is 'Surname, Given'; 'de Boer A.G.' was written without the comma."""
    rec = Record(title="T", authors=["de Boer A.G.", "A.G. de Boer", "Berg, Kari", "RTW Group"])
    out = io.StringIO()
    formats.write([rec], "medline", out)
    fau = [line for line in out.getvalue().splitlines() if line.startswith("FAU")]
    assert fau == [
        "FAU - de Boer, A.G.",
        "FAU - de Boer, A.G.",
        "FAU - Berg, Kari",
        "FAU - RTW Group",
    ]
