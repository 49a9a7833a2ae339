"""A year field that holds no year, in every reader besides CSV and Excel (test_year_cells.py):
the record is imported without a year, never silently. `reviewkit import` and the public
readers' ``warn`` name the file, the field's line and the field; the forms each format's
documentation gives a year field (RIS 'YYYY/MM/DD/other', MEDLINE '2020 Jan 15', '2019-2020',
'Winter 2020', BibTeX '(about 1984)', biblatex's dates, PubMed's MedlineDate) are that year and
never warned of, nor is a date field that need not hold a year (RIS DA, RefWorks FD, EndNote's
<pub-dates>)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.formats import pubmed_xml
from reviewkit.formats.read_warnings import ReadWarning

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"


class Case(NamedTuple):
    name: str  # the file's name: its extension and content tell the reader
    text: str
    bad: tuple[tuple[str, str], ...]  # (field as named, the line holding it) of each warning
    years: list[int | None]


RIS = """\
TY  - JOUR
TI  - Sick leave and work
PY  - 20201
DO  - 10.1000/a
ER  -

TY  - JOUR
TI  - Return to work
PY  - 2020/05/01/Spring
DO  - 10.1000/b
ER  -

TY  - JOUR
TI  - Graded sick leave
Y1  - 2019///
DO  - 10.1000/c
ER  -

TY  - JOUR
TI  - Work ability
DA  - Mar 15
DO  - 10.1000/d
ER  -

TY  - JOUR
TI  - Work disability
Y1  - in press
DA  - 2021/03/01
DO  - 10.1000/e
ER  -
"""

MEDLINE = "\n".join(
    f"PMID- {n}\nTI  - Study {n} of sick leave.\nDP  - {dp}\nSO  - Work. {dp};1:{n}.\n"
    for n, dp in enumerate(
        ["20201", "2020 Jan 15", "2019-2020", "Winter 2020", "2019 Dec-2020 Jan"], start=1
    )
)

BIBTEX = """\
@article{a,
  title = {Sick leave and work},
  year = {20201},
  doi = {10.1000/a}
}
@article{b,
  title = {Return to work},
  year = {(about 1984)},
  doi = {10.1000/b}
}
@article{c,
  title = {Graded sick leave},
  date = {2020-05-03},
  doi = {10.1000/c}
}
@article{d,
  title = {Work ability},
  year = 2019,
  doi = {10.1000/d}
}
@article{e,
  title = {Work disability},
  date = {2019/2020},
  doi = {10.1000/e}
}
"""


def _pubmed_article(pmid: int, date: str) -> str:
    return f"""<PubmedArticle>
  <MedlineCitation>
    <PMID>{pmid}</PMID>
    <Article>
      <Journal>
        <JournalIssue>
          <PubDate>{date}</PubDate>
        </JournalIssue>
        <Title>Work</Title>
      </Journal>
      <ArticleTitle>Study {pmid} of sick leave</ArticleTitle>
    </Article>
  </MedlineCitation>
</PubmedArticle>
"""


PUBMED_DATES = [
    "<Year>20201</Year>",
    "<MedlineDate>1998 Dec-1999 Jan</MedlineDate>",
    "<Year>2000</Year><Season>Spring</Season>",
    "<MedlineDate>n.d.</MedlineDate>",
]
PUBMED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n'
    + "".join(_pubmed_article(n, d) for n, d in enumerate(PUBMED_DATES, start=1))
    + "</PubmedArticleSet>\n"
)

ENDNOTE = """\
<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><titles><title>Sick leave and work</title></titles>
<dates><year><style face="normal">20201</style></year></dates></record>
<record><titles><title>Return to work</title></titles>
<dates><pub-dates><date>Mar 15</date></pub-dates></dates></record>
<record><titles><title>Graded sick leave</title></titles>
<dates><year><style face="normal">2019</style></year><pub-dates><date>Mar</date></pub-dates></dates></record>
</records></xml>
"""

WOS = """\
FN Clarivate Analytics Web of Science
VR 1.0
PT J
TI Sick leave and work
PY 20201
ER

PT J
TI Return to work
PY 2020
ER

PT J
TI Early access
EY 2021
ER

PT J
TI Early access typed
EY 0
ER

EF
"""

REFWORKS = """\
RT Journal Article
T1 Sick leave and work
YR 20201

RT Journal Article
T1 Return to work
FD Jan 15

RT Journal Article
T1 Graded sick leave
YR 2019
FD 2019 Jan 15
"""

COCHRANE = """\
Record #1 of 2
ID: CN-01000001
TI: Sick leave and work
YR: 20201
US: https://www.cochranelibrary.com/central/doi/10.1002/central/CN-01000001/full

Record #2 of 2
ID: CN-01000002
TI: Return to work
YR: 2019
US: https://www.cochranelibrary.com/central/doi/10.1002/central/CN-01000002/full
"""


def _line(text: str, holding: str) -> str:
    """The number of the first line of ``text`` holding ``holding``."""
    return str(next(i for i, ln in enumerate(text.splitlines(), 1) if holding in ln))


CASES = [
    Case(
        "refs.ris",
        RIS,
        (("field PY", _line(RIS, "20201")), ("field Y1", _line(RIS, "in press"))),
        [None, 2020, 2019, None, None],
    ),
    Case(
        "refs.nbib",
        MEDLINE,
        (("field DP", _line(MEDLINE, "DP  - 20201")),),
        [None, 2020, 2019, 2020, 2019],
    ),
    Case(
        "refs.bib",
        BIBTEX,
        (("field year", _line(BIBTEX, "20201")),),
        [None, 1984, 2020, 2019, 2019],
    ),
    Case(
        "refs.xml",
        PUBMED,
        (
            ("element PubDate/Year", _line(PUBMED, "20201")),
            ("element PubDate/MedlineDate", _line(PUBMED, "n.d.")),
        ),
        [None, 1998, 2000, None],
    ),
    Case(
        "endnote.xml",
        ENDNOTE,
        (("element dates/year", _line(ENDNOTE, "20201")),),
        [None, None, 2019],
    ),
    Case(
        "savedrecs.txt",
        WOS,
        (("field PY", _line(WOS, "20201")), ("field EY", _line(WOS, "EY 0"))),
        [None, 2020, 2021, None],
    ),
    Case("refworks.txt", REFWORKS, (("field YR", _line(REFWORKS, "20201")),), [None, None, 2019]),
    Case("cochrane.txt", COCHRANE, (("field YR", _line(COCHRANE, "20201")),), [None, 2019]),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_reader_warns_of_a_year_field_without_a_year(tmp_path: Path, case: Case) -> None:
    # before: each of these years was stored as none, and nothing was said
    path = tmp_path / case.name
    path.write_text(case.text, encoding="utf-8")
    seen: list[ReadWarning] = []
    assert [r.year for r in formats.read_file(path, warn=seen.append)] == case.years
    assert [(w.message.split(":")[0], w.where) for w in seen] == [
        (field, f"{path}:{line}") for field, line in case.bad
    ]
    assert all("is no year" in w.message and "imported without one" in w.message for w in seen)
    assert [r.year for r in formats.read_file(path)] == case.years  # and reads without one


def test_reviewkit_import_prints_every_readers_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    paths = []
    for case in CASES:
        paths.append(path := tmp_path / case.name)
        path.write_text(case.text, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", *map(str, paths), "--project", str(folder)]) == 0
    err = capsys.readouterr().err
    for case, path in zip(CASES, paths, strict=True):
        for field, line in case.bad:
            assert f"warning: {path}:{line}: {field}: " in err
    assert err.count("is no year") == sum(len(c.bad) for c in CASES)


def test_lower_case_ris_tags_are_named_by_their_line(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text("ty  - JOUR\nti  - Sick leave\npy  - 0\ner  - \n", encoding="utf-8")
    seen: list[ReadWarning] = []
    assert [r.year for r in formats.read_file(path, warn=seen.append)] == [None]
    assert [(w.where, w.message.split(" is")[0]) for w in seen] == [(f"{path}:3", "field PY: '0'")]


def test_a_large_pubmed_file_read_in_parallel_names_the_files_lines(tmp_path: Path) -> None:
    # the worker processes parse batches of a large file: their warnings come back to the
    # caller with the file's lines, as the serial reader gives them
    path = tmp_path / "refs.xml"
    path.write_text(PUBMED, encoding="utf-8")
    serial: list[ReadWarning] = []
    list(pubmed_xml.read(path.open("rb"), str(path), warn=serial.append))
    parallel: list[ReadWarning] = []
    records = pubmed_xml.read_parallel(
        str(path), str(path), workers=2, batch=1, warn=parallel.append
    )
    assert [r.year for r in records] == [None, 1998, 2000, None]
    assert parallel == serial
    assert [w.where for w in parallel] == [
        f"{path}:{_line(PUBMED, '20201')}",
        f"{path}:{_line(PUBMED, 'n.d.')}",
    ]
