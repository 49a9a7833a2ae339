"""Web of Science's plain-text export: read, detected, imported, and refused when cut short.

The fixture follows the layout of Web of Science's field-tag help page and its exported
savedrecs.txt: a BOM, the FN/VR header, PT … ER records with three-space continuations, EF.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.project import open_project
from reviewkit.status import project_status

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
WOS = FIXTURES / "wos_plain.txt"
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def test_reads_every_field_with_wrapped_lines() -> None:
    first, second, third = formats.read_file(WOS)
    assert first.title == (
        "Coordinated return to work in Denmark: a randomised trial of sick-listed"
        " employees with common mental disorders"
    )  # TI wrapped over two lines
    assert first.abstract.startswith("Background: Coordination between sectors is thought")
    assert first.abstract.endswith("Results: Coordination helped.")  # AB over three lines
    assert first.authors == ["Larsen, Mette", "Nilsen, Tor"]  # AF (full names), one a line
    assert (first.year, first.journal) == (2017, "JOURNAL OF OCCUPATIONAL REHABILITATION")
    assert (first.volume, first.issue, first.pages) == ("27", "3", "401-412")  # BP-EP, not PG
    assert (first.doi, first.pmid, first.language) == (
        "10.1007/s10926-016-9999-1",
        "27700001",
        "English",
    )
    assert first.publication_types == ["Article"]  # DT, not PT ('J')
    assert first.keywords == [
        "return to work",
        "coordination",
        "sick leave",
        "common mental disorders",
    ]
    assert first.affiliations == [
        "[Larsen, Mette] Univ Copenhagen, Dept Publ Hlth, Copenhagen, Denmark.",
        "[Nilsen, Tor] Univ Oslo, Oslo, Norway.",
    ]
    assert second.pages == "e033000"  # AR: an article number instead of pages
    assert second.pmid == "" and second.publication_types == ["Article", "Early Access"]
    assert third.authors == ["Berg, A", "Holm, B"]  # no AF: the short names (AU)
    assert third.pages == "5" and third.abstract == ""


def test_keeps_provenance_and_the_record_text() -> None:
    first, second, third = formats.read_file(WOS)
    assert [r.position for r in (first, second, third)] == [1, 2, 3]
    assert {r.source for r in (first, second, third)} == {"Web of Science"}
    assert first.origin == str(WOS)
    assert first.raw.startswith("PT J\nAU Larsen, M\n   Nilsen, T\nAF Larsen, Mette")
    assert first.raw.endswith("UT WOS:000408123400009\nER")
    assert second.raw.splitlines()[0] == "PT J" and "FN " not in first.raw


def test_detected_from_the_content(tmp_path: Path) -> None:
    for name in ("export.dat", "refs.ris", "savedrecs.txt"):
        copy = Path(shutil.copy(WOS, tmp_path / name))
        assert formats.detect(copy) == "wos"
    assert formats.normalise_format("WOS") == "wos"


def test_read_without_its_header(tmp_path: Path) -> None:
    """Records copied out of an export, its FN/VR header left behind (a .ciw edited by hand):
    read as the whole export is (it was 'cannot tell the format')."""
    text = WOS.read_text(encoding="utf-8-sig")
    body = text[text.index("PT J") :]
    headless = tmp_path / "records.ciw"
    headless.write_text(body, encoding="utf-8")
    assert formats.detect(headless) == "wos"
    whole = [replace(r, origin="") for r in formats.read_file(WOS)]  # every field, but the path
    assert [replace(r, origin="") for r in formats.read_file(headless)] == whole
    assert len(whole) == 3 and all(r.authors and r.journal for r in whole)


def _cut(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "savedrecs.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_cut_short_is_refused_with_its_line(tmp_path: Path) -> None:
    whole = WOS.read_text(encoding="utf-8-sig")
    lines = whole.splitlines(keepends=True)
    cut = _cut(tmp_path, "".join(lines[:20]))  # inside the first record
    with pytest.raises(FormatError) as err:
        list(formats.read_file(cut))
    assert "has no ER line" in err.value.message and err.value.where == f"{cut}:20"
    no_ef = _cut(tmp_path, whole.replace("\nEF\n", "\n"))  # whole records, no end of file
    with pytest.raises(FormatError) as err:
        list(formats.read_file(no_ef))
    assert "EF" in err.value.message and err.value.where.startswith(f"{no_ef}:")


def test_a_record_without_er_before_the_next_is_refused(tmp_path: Path) -> None:
    text = WOS.read_text(encoding="utf-8-sig").replace("UT WOS:000408123400009\nER\n", "", 1)
    path = _cut(tmp_path, text)
    with pytest.raises(FormatError) as err:
        list(formats.read_file(path))
    assert "starting at line 3 has no ER line" in err.value.message


def test_import_through_the_cli(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    anonymous = Path(shutil.copy(WOS, tmp_path / "savedrecs.txt"))
    assert main(["import", str(anonymous), "--project", str(folder)]) == 0
    assert "3 records (wos" in capsys.readouterr().out
    with open_project(folder) as project:
        assert dict(project_status(project).by_source) == {"Web of Science": 3}
    forced = Path(shutil.copy(WOS, tmp_path / "again.txt"))
    assert (
        main(["import", str(forced), "--format", "wos", "--again", "--project", str(folder)]) == 0
    )


def test_exports_joined_into_one_file_are_read(tmp_path: Path) -> None:
    """Web of Science exports at most 1,000 records a file; users join several ('cat')."""
    whole = WOS.read_text(encoding="utf-8-sig")
    joined = _cut(tmp_path, whole + whole)
    assert [r.position for r in formats.read_file(joined)] == [1, 2, 3, 4, 5, 6]
    first_cut = _cut(tmp_path, whole.replace("\nEF\n", "\n") + whole)  # first part lacks EF
    with pytest.raises(FormatError) as err:
        list(formats.read_file(first_cut))
    assert "(FN) before the end of file line" in err.value.message
    assert err.value.where == f"{first_cut}:{whole.count(chr(10))}"
    trailing = _cut(tmp_path, whole + "PT J\n")
    with pytest.raises(FormatError) as err:
        list(formats.read_file(trailing))
    assert "after the end of file line" in err.value.message


def test_an_early_access_record_takes_its_early_access_year(tmp_path: Path) -> None:
    """Published online before its issue: no PY yet, only EY (Early Access Year), in both Web
    of Science exports."""
    plain = tmp_path / "savedrecs.txt"
    plain.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Berg, K\n"
        "TI Early access study of sick leave\nSO WORK\nDT Article; Early Access\n"
        "EA JAN 2021\nEY 2021\nDI 10.3233/wor-1\nER\n\nEF\n",
        encoding="utf-8",
    )
    tabbed = tmp_path / "savedrecs_tab.txt"
    tabbed.write_text(
        "PT\tAU\tTI\tSO\tPY\tEY\tDI\n"
        "J\tBerg, K\tEarly access study of sick leave\tWORK\t\t2021\t10.3233/wor-1\n"
        "J\tLie, A\tA study in its issue\tWORK\t2019\t2018\t10.3233/wor-2\n",
        encoding="utf-8",
    )
    assert [r.year for r in formats.read_file(plain)] == [2021]
    assert [r.year for r in formats.read_file(tabbed)] == [2021, 2019]


def test_group_authors_follow_the_persons(tmp_path: Path) -> None:
    """A trial's study group (CA, Group Authors) stays in the author list, as the PubMed XML
    and MEDLINE readers keep a collective name; a column 'CA' outside a Web of Science header
    is not read as one."""
    plain = tmp_path / "savedrecs.txt"
    plain.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Berg, K\nAF Berg, Kari\n"
        "CA RTW Trial Group\nTI A trial of coordinated return to work\nPY 2020\nER\n\nEF\n",
        encoding="utf-8",
    )
    tabbed = tmp_path / "savedrecs_tab.txt"
    tabbed.write_text(
        "PT\tAU\tCA\tTI\tPY\nJ\tBerg, K; Lie, A\tRTW Trial Group\tA trial of return to work\t2020\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.csv"
    other.write_text("title,authors,ca\nA trial,Berg K,yes\n", encoding="utf-8")
    assert [r.authors for r in formats.read_file(plain)] == [["Berg, Kari", "RTW Trial Group"]]
    assert [r.authors for r in formats.read_file(tabbed)] == [
        ["Berg, K", "Lie, A", "RTW Trial Group"]
    ]
    assert [r.authors for r in formats.read_file(other)] == [["Berg K"]]


def test_keywords_plus_are_not_keywords_even_without_author_keywords(tmp_path: Path) -> None:
    # Keywords Plus come from the titles of the cited references, not from the study (see
    # formats/wos.py); a record without DE keeps no keywords rather than taking ID's
    text = WOS.read_text(encoding="utf-8-sig").replace(
        "TI Sick leave in Norway\n", "TI Sick leave in Norway\nID DEPRESSION; LOW-BACK-PAIN\n"
    )
    (tmp_path / "savedrecs.txt").write_text(text, encoding="utf-8")
    *_, third = formats.read_file(tmp_path / "savedrecs.txt")
    assert third.title == "Sick leave in Norway" and third.keywords == []
    tab = (FIXTURES / "wos.txt").read_text(encoding="utf-8-sig")
    header, row, *rest = tab.split("\n")
    cells = row.split("\t")
    cells[header.split("\t").index("DE")] = ""  # no author keywords, Keywords Plus kept
    (tmp_path / "tab.txt").write_text("\n".join([header, "\t".join(cells), *rest]), "utf-8")
    first, *_ = formats.read_file(tmp_path / "tab.txt")
    assert first.keywords == [] and "SICK LEAVE" not in first.mesh_terms


def test_tab_delimited_takes_full_names_as_the_plain_text_does(tmp_path: Path) -> None:
    """Web of Science's tab-delimited export has both AU ('Larsen, M') and AF ('Larsen,
    Mette'): its reader takes AF, as the plain-text reader does, and AU for a record whose AF
    is empty; a column 'AF' outside a Web of Science header is not read so."""
    first, *_ = formats.read_file(FIXTURES / "wos.txt")
    assert first.authors == ["Larsen, Mette", "Nilsen, Tor"]
    tabbed = tmp_path / "savedrecs_tab.txt"
    tabbed.write_text(
        "PT\tAU\tAF\tCA\tTI\tPY\n"
        "J\tBerg, K; Lie, A\tBerg, Kari; Lie, Anne\tRTW Trial Group\tA trial of return\t2020\n"
        "J\tDahl, K\t\t\tA second trial of return\t2021\n",
        encoding="utf-8",
    )
    assert [r.authors for r in formats.read_file(tabbed)] == [
        ["Berg, Kari", "Lie, Anne", "RTW Trial Group"],
        ["Dahl, K"],
    ]
    other = tmp_path / "other.csv"
    other.write_text("title,authors,af\nA trial,Berg K,yes\n", encoding="utf-8")
    assert [r.authors for r in formats.read_file(other)] == [["Berg K"]]
