"""Fields databases write in their RIS exports under a tag RIS means otherwise (formats.ris_vendors):
Web of Science's Keywords Plus under KW and its publisher in PU, Ovid PsycInfo's classification
in M3, Embase.com's affiliations in M1, and tags written in lower case. Each sample is a made-up
record in the shape of that database's real export (asreview/citation-file-formatting's
Datasets/RIS/_baseline_*.ris, and tests/core/fixtures/real/), imported through the CLI; the
records the project then holds are checked, and the public reader gives the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from core.cli_imports import imported, refused

from reviewkit.extract import countries
from reviewkit.project import open_project
from reviewkit.records import Record
from reviewkit.store import records as record_rows

REAL = Path(__file__).parent / "fixtures" / "real"


def stored(tmp_path: Path, path: Path) -> list[Record]:
    """Import ``path`` into a fresh project through the CLI (must exit 0); the records the
    project holds, checked to be what the public reader gives."""
    read = imported(tmp_path, path)
    project = open_project(tmp_path / "review")
    try:
        ids = [record_id for record_id, _ in record_rows.iter_records(project.db)]
        records = [record_rows.get_record(project.db, i, with_raw=True) for i in ids]
    finally:
        project.close()
    assert [r.bibliographic_fields() for r in records] == [r.bibliographic_fields() for r in read]
    return records


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


WOS_RIS = """TY  - JOUR
AU  - Hansen, P
AU  - Berg, O
TI  - Coordinated return to work for common mental disorders: a randomised trial
T2  - BMC PUBLIC HEALTH
LA  - English
KW  - return to work
KW  - IPS
KW  - sick leave
KW  - RANDOMIZED CONTROLLED-TRIAL
KW  - SICKNESS ABSENCE
KW  - DEPRESSION
AB  - Background: Sick leave is common. Methods: A trial. Results: Fewer days.
AD  - Univ Oslo, Dept Hlth Management, N-0317 Oslo, Norway
C3  - University of Oslo
PU  - BMC
PI  - LONDON
PA  - CAMPUS, 4 CRINAN ST, LONDON N1 9XW, ENGLAND
SN  - 1471-2458
J9  - BMC PUBLIC HEALTH
JI  - BMC Public Health
DA  - JUL 15
PY  - 2021
VL  - 21
IS  - 1
C7  - 1432
DO  - 10.1186/s12889-021-11432-1
WE  - Science Citation Index Expanded (SCI-EXPANDED)
AN  - WOS:000673000100001
N1  - Times Cited in Web of Science Core Collection:  3
Total Times Cited:  3
Cited Reference Count:  41
ER  -

TY  - JOUR
AU  - Lie, KM
TI  - Graded sick leave in primary care
T2  - SCANDINAVIAN JOURNAL OF PRIMARY HEALTH CARE
KW  - PRIMARY-CARE
KW  - WORK
PU  - TAYLOR & FRANCIS LTD
PI  - ABINGDON
PY  - 2019
VL  - 37
IS  - 2
SP  - 101
EP  - 109
DO  - 10.1080/02813432.2019.1608045
AN  - WOS:000470000200003
ER  -
"""


def test_web_of_science_ris_keeps_the_authors_keywords_not_keywords_plus(tmp_path: Path) -> None:
    # KW holds the authors' keywords as they wrote them, then Keywords Plus in upper case;
    # before, all six were the record's keywords (and classification evidence)
    first, second = stored(tmp_path, written(tmp_path, "savedrecs.ris", WOS_RIS))
    assert first.keywords == ["return to work", "IPS", "sick leave"]
    assert second.keywords == []  # Keywords Plus only: no authors' keywords
    assert first.raw.count("KW  - ") == 6  # the original text keeps them all


def test_web_of_science_ris_publisher_is_pu_and_its_city_pi(tmp_path: Path) -> None:
    # before, PU and PI were not read: no publisher, no place
    first, second = stored(tmp_path, written(tmp_path, "savedrecs.ris", WOS_RIS))
    assert (first.publisher, first.place) == ("BMC", "LONDON")
    assert (second.publisher, second.place) == ("TAYLOR & FRANCIS LTD", "ABINGDON")
    assert (first.journal, first.pages) == ("BMC PUBLIC HEALTH", "1432")


def test_pu_and_pi_of_a_record_not_from_web_of_science_are_not_read(tmp_path: Path) -> None:
    # the rule is Web of Science's tags: another record's PB and CY stay its publisher and place
    text = WOS_RIS.split("ER  -")[0].replace("AN  - WOS:000673000100001\n", "")
    text = text.replace("WE  - Science Citation Index Expanded (SCI-EXPANDED)\n", "")
    text += "PB  - BioMed Central\nCY  - London\nER  -\n"
    (record,) = stored(tmp_path, written(tmp_path, "other.ris", text))
    assert (record.publisher, record.place) == ("BioMed Central", "London")
    assert "SICKNESS ABSENCE" in record.keywords  # no Keywords Plus outside Web of Science


def test_ovid_psycinfo_classification_is_no_publication_type(tmp_path: Path) -> None:
    # Ovid writes APA's classification 'Name [code]' in M3; before, the six records' types were
    # 'Health & Mental Health Treatment & Prevention [3300]' and the like
    records = stored(tmp_path, REAL / "ovid_psycinfo.ris")
    assert [r.publication_types for r in records] == [[]] * 6
    assert all("[3" not in k for r in records for k in r.keywords)
    assert "M3  - Health & Mental Health Treatment & Prevention [3300]" in records[0].raw
    # its M1 (the cited references) is no affiliation
    assert not any("Gastroenterology Clinics" in a for r in records for a in r.affiliations)


def test_an_authors_e_mail_alone_is_no_affiliation(tmp_path: Path) -> None:
    # Ovid PsycInfo writes the corresponding author's e-mail as an AD of its own ('Trindade,
    # Ines A.: almeidatrindade@fpce.uc.pt'); before, records 1, 4 and 6 had only such
    # addresses as affiliations, and 2, 3 and 5 each one beside their affiliation
    records = stored(tmp_path, REAL / "ovid_psycinfo.ris")
    assert [len(r.affiliations) for r in records] == [0, 1, 1, 0, 1, 0]
    assert records[1].affiliations[0].startswith("Trindade, Ines A.: Cognitive and Behavioural")
    assert records[1].affiliations[0].endswith("Portugal, 3000-115, ines.almeidatrindade@gmail.com")
    assert countries(records[2].affiliations) == ["Canada"]
    assert "AD  - Trindade, Ines A.: almeidatrindade@fpce.uc.pt" in records[0].raw


def test_m3_types_of_work_are_still_publication_types(tmp_path: Path) -> None:
    text = WOS_RIS.split("\n\n")[1].replace(
        "AN  - WOS:000470000200003\n", "M3  - Journal Article; Review\n"
    )
    (record,) = stored(tmp_path, written(tmp_path, "types.ris", text))
    assert record.publication_types == ["Journal Article", "Review"]


EMBASE_RIS = """TY  - JOUR
M3  - Article
Y1  - 2024
VL  - 15
IS  - 1
SN  - 2041-1723
JF  - Occupational Medicine
UR  - https://www.embase.com/search/results?subaction=viewrecord&id=L2029880245&from=export
U2  - L2029880245
DB  - Embase
L2  - http://dx.doi.org/10.1093/occmed/kqae001
DO  - 10.1093/occmed/kqae001
A1  - Yang, Z.
A1  - Jiang, B.
A1  - McNamara, M.E.
M1  - (Yang Z., zyang@ucc.ie; McNamara M.E.) School of Public Health, University College Cork, Cork, Ireland
M1  - (Jiang B.) Department of Occupational Health, Nanjing University, Nanjing, China
AD  - Z. Yang, School of Public Health, University College Cork, Cork, Ireland
T1  - Return to work after sick leave for common mental disorders
LA  - English
KW  - sick leave
ER  -
"""


def test_embase_ris_affiliations_are_m1_each_once(tmp_path: Path) -> None:
    # before: only AD, the corresponding author's address (Ireland); China was lost
    (record,) = stored(tmp_path, written(tmp_path, "embase.ris", EMBASE_RIS))
    assert record.affiliations == [
        "School of Public Health, University College Cork, Cork, Ireland",
        "Department of Occupational Health, Nanjing University, Nanjing, China",
    ]
    assert countries(record.affiliations) == ["Ireland", "China"]
    assert (record.volume, record.issue) == ("15", "1")


def test_real_embase_ris_affiliations_from_m1(tmp_path: Path) -> None:
    records = stored(tmp_path, REAL / "embase.ris")
    # record 2: four affiliations in M1; its AD, the last of them after its author's name
    assert len(records[1].affiliations) == 4
    assert records[1].affiliations[0].startswith("Div. of Gastroenterol. and Hepatol.")
    assert not any(a.startswith("(") for r in records for a in r.affiliations)
    assert all(r.affiliations for r in records)


def test_m1_outside_embase_com_is_no_affiliation(tmp_path: Path) -> None:
    text = EMBASE_RIS.replace("U2  - L2029880245\n", "").replace("www.embase.com", "example.org")
    (record,) = stored(tmp_path, written(tmp_path, "other.ris", text))
    assert record.affiliations == [
        "Z. Yang, School of Public Health, University College Cork, Cork, Ireland"
    ]


LOWER_RIS = """ty  - JOUR
ti  - Return to work after sick leave
au  - Larsen, Mette
py  - 2020
kw  - sick leave
do  - 10.1000/rtw.1
er  -

ty  - JOUR
TI  - Graded sick leave
PY  - 2019
er  -
"""


def test_ris_tags_in_lower_case_are_read(tmp_path: Path) -> None:
    # before: 'cannot tell the format from the content', and with --format ris refused at
    # line 1 ("expected 'TY  - ' to start a record, found 'ty  - JOUR'")
    first, second = stored(tmp_path, written(tmp_path, "typed.ris", LOWER_RIS))
    assert (first.title, first.year, first.doi) == (
        "Return to work after sick leave",
        2020,
        "10.1000/rtw.1",
    )
    assert (first.authors, first.keywords) == (["Larsen, Mette"], ["sick leave"])
    assert (second.title, second.year) == ("Graded sick leave", 2019)


def test_a_lower_case_tag_in_an_upper_case_file_is_refused_by_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # read as a wrapped line it would have joined the abstract: 'An abstract. kw - sick leave'
    text = "TY  - JOUR\nTI  - Return to work\nAB  - An abstract.\nkw  - sick leave\nER  - \n"
    path = written(tmp_path, "edited.ris", text)
    err = refused(tmp_path, path, capsys)
    assert f"{path}:4: 'kw  - ' is an RIS tag written in lower case" in err
    assert "write it 'KW  - '" in err
    assert "Traceback" not in err
    project = open_project(tmp_path / "review")
    try:
        assert list(record_rows.iter_records(project.db)) == []
    finally:
        project.close()


EBSCO_RIS = """TY  - JOUR
AU  - Hansen, Per
AU  - Berg, Ola
AU  - Lund, Kari
T1  - Return to work after sick leave for back pain.
JO  - Work
JF  - Work
Y1  - 2022/04/03/
VL  - 71
IS  - 4
M3  - Article
SP  - 1001
EP  - 1012
PB  - IOS Press
SN  - 10519815
AB  - Background: Back pain keeps people off work. Objective: To follow them.
KW  - BACK pain
KW  - SICK leave
N1  - Accession Number: 156000001; Hansen, Per 1; Email Address: per.hansen@uib.no Berg, Ola 2 \
Lund, Kari 1,3; Affiliation:  1: Department of Global Public Health, University of Bergen, \
Bergen, Norway  2: Institute of Occupational Medicine, Karolinska Institutet, Stockholm, \
Sweden  3: Norwegian Labour and Welfare Administration, Oslo, Norway; Source Info: Apr2022, \
Vol. 71 Issue 4, p1001; Subject Term: BACK pain; Subject Term: SICK leave; Number of Pages: \
12p; Document Type: Article
L3  - 10.3233/WOR-210001
UR  - https://search.ebscohost.com/login.aspx?direct=true&db=rzh&AN=156000001&site=ehost-live
DP  - EBSCOhost
DB  - rzh
ER  -
"""


def test_ebscohost_ris_affiliations_are_read_from_its_notes(tmp_path: Path) -> None:
    # EBSCOhost (here CINAHL, db rzh) writes no AD; before, its records had no affiliations
    (record,) = stored(tmp_path, written(tmp_path, "cinahl.ris", EBSCO_RIS))
    assert record.affiliations == [
        "Department of Global Public Health, University of Bergen, Bergen, Norway",
        "Institute of Occupational Medicine, Karolinska Institutet, Stockholm, Sweden",
        "Norwegian Labour and Welfare Administration, Oslo, Norway",
    ]
    assert countries(record.affiliations) == ["Norway", "Sweden"]


def test_a_note_naming_an_affiliation_outside_ebscohost_is_a_note(tmp_path: Path) -> None:
    text = EBSCO_RIS.replace("DP  - EBSCOhost\n", "").replace("search.ebscohost.com", "example.org")
    (record,) = stored(tmp_path, written(tmp_path, "notes.ris", text))
    assert record.affiliations == []


def test_an_affiliation_of_two_parts_then_an_e_mail_is_kept(tmp_path: Path) -> None:
    # 'Karolinska Institutet, Sweden, anna.berg@ki.se' has the shape of Ovid's 'Surname, Given,
    # e-mail' but names no author of the record: an affiliation ending in an e-mail, kept (it
    # was dropped, and with it the record's country); the Ovid-shaped line naming the record's
    # author (A1 'Berg, Anna' written 'Berg, Anna.:' in AD) is still left out
    text = (
        "TY  - JOUR\nTI  - Sick leave and return to work\nA1  - Berg, Anna\nPY  - 2021\n"
        "AD  - Karolinska Institutet, Sweden, anna.berg@ki.se\n"
        "AD  - Department of Psychology, Uppsala University: anna@psy.uu.se\n"
        "AD  - Berg, Anna.: anna.berg@ki.se\nAD  - Berg, Anna, anna.berg@ki.se\n"
        "DO  - 10.1000/rtw.7\nER  -\n"
    )
    (record,) = stored(tmp_path, written(tmp_path, "other.ris", text))
    assert record.affiliations == [
        "Karolinska Institutet, Sweden, anna.berg@ki.se",
        "Department of Psychology, Uppsala University: anna@psy.uu.se",
    ]
    assert countries(record.affiliations) == ["Sweden"]
