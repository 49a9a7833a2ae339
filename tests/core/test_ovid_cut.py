"""An Ovid tagged export cut inside its last record is refused (formats.ovid_cut); whole
exports, with or without their final line break, and cut after a whole record, are read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = [FIXTURES / "ovid_medline.txt", FIXTURES / "ovid_no_final_newline.txt"]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def _read(tmp_path: Path, text: str) -> list:
    path = tmp_path / "ovid.txt"
    path.write_bytes(text.encode("utf-8"))
    return list(formats.read_file(path))


@pytest.mark.parametrize("good", GOOD, ids=lambda p: p.name)
def test_whole_exports_and_whole_records_are_read(good: Path, tmp_path: Path) -> None:
    text = _text(good)
    starts = [m.start() for m in re.finditer(r"^<\d+\. >", text, re.M)]
    for k, end in enumerate([*starts[1:], len(text)], start=1):
        whole = text[:end].rstrip("\n")
        for ending in ("", "\n", "\n\n"):  # Ovid writes none; a copy may add one
            assert len(_read(tmp_path, whole + ending)) == k


@pytest.mark.parametrize(
    ("cut_after", "said"),
    [
        ("MH  - ", "a field with no value"),
        ("DO  - https://dx.do", "no whole DOI"),
        ("XL  - http://ovidsp.ovid.com/ovidweb.cgi?T=J", "'&AN=' accession"),
        ("SO  - Journal of Occupational Rehabilitation. 10(2):100-110, 20", "period"),
        ("YR  - 20", "four digits"),
        # round 17: free text and links, cut inside (each was read as a shorter whole value)
        ("AB  - BACKGROUND: Sick leave is common. RESULTS: Return to", "abstract (AB)"),
        ("XL  - http://ovidsp.ovid.com/ovid", "link"),  # before the link's query
        ("XL  - ht", "link"),
    ],
)
def test_a_value_cut_in_a_file_without_its_last_line_break(
    cut_after: str, said: str, tmp_path: Path
) -> None:
    text = _text(GOOD[0])
    cut = text[: text.index(cut_after) + len(cut_after)]
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, cut)
    assert said in exc.value.message
    assert exc.value.where == f"{tmp_path / 'ovid.txt'}:{cut.count(chr(10)) + 1}"


def test_a_last_record_cut_before_the_fields_every_record_has(tmp_path: Path) -> None:
    """Cut inside record 2's authors, with a line break: record 1 goes on from AU to SO."""
    text = _text(GOOD[0])
    cut = text[: text.index("AU  - Lee K.") + len("AU  - Lee K.\n")]
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, cut)
    assert "ends at its AU field without the SO field" in exc.value.message


def test_a_last_citation_of_another_database_is_not_taken_for_a_cut(tmp_path: Path) -> None:
    """A search of several Ovid databases exports them in one file: a last record of
    Journals@Ovid, whose citations end without a period ('…;14(1):56'), after Ovid MEDLINE's,
    which end with one, is whole (it was refused as a citation cut short)."""
    medline = _text(GOOD[0]).split("<2. >")[0].rstrip("\n")
    last = (
        "\n\n<2. >\nVN  - Ovid Technologies\nDB  - Journals@Ovid Full Text\nAN  - 00001234-20100100"
        "0-00005\nTI  - Work ability after sick leave\nYR  - 2010\nSO  - Journal of Rehabilitation"
        ". January/February 2010;14(1):56"
    )
    records = _read(tmp_path, medline + last)
    assert [r.title for r in records][-1] == "Work ability after sick leave"
    cut = _text(GOOD[0]).split("<2. >")[0] + "<2. >" + _text(GOOD[0]).split("<2. >")[1]
    cut = cut[: cut.index("SO  - ", cut.index("<2. >")) + len("SO  - Journal")]
    with pytest.raises(FormatError):  # the same database's citations still tell a cut
        _read(tmp_path, cut)


BIOSIS = (
    "<1. >\nVN  - Ovid Technologies\nDB  - BIOSIS Previews\nAN  - PREV200400474164\n"
    "TI  - Dietary supplements containing calcium citrate\n"
    "AB  - A vitamin and mineral supplement for use in humans.\n"
    "XL  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&NEWS=N&PAGE=fulltext&D=biop30&AN=PREV1\n"
    "XL  - http://sfx.example.edu/sfx/?sid=OVID:biopdb&id=pmid:&issn=0098-1133&aulast=Walsdorf"
    "&%3CDT%3EPatent%3C%2FDT%3E\n\n"
    "<2. >\nVN  - Ovid Technologies\nDB  - BIOSIS Previews\nAN  - PREV200400473722\n"
    "TI  - Sampling Thysanoptera on basswood trees\n"
    "AB  - Canopy arthropods play integral roles in forests. All rights reserved.\n"
    "XL  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&NEWS=N&PAGE=fulltext&D=biop30&AN=PREV2\n"
    "XL  - http://sfx.example.edu/sfx/?sid=OVID:biopdb&id=pmid:&issn=0378-1127&volume=201"
    "&aulast=Werner&%3CDT%3EArticle%3C%2FDT%3E"
)


@pytest.mark.parametrize(
    ("cut_after", "said"),
    [
        ("AB  - Canopy arthropods play integral", "abstract (AB)"),  # record 1's ends with '.'
        ("aulast=Werner&%3CDT%3EArt", "link (XL) cut short"),  # its document type opened
        ("aulast=Wer", "link (XL) cut short"),  # record 1's link ends with its document type
    ],
)
def test_a_value_cut_where_the_files_other_records_say_how_it_ends(
    cut_after: str, said: str, tmp_path: Path
) -> None:
    """BIOSIS' titles end without a period, so only the file's other records of the same
    database say how a value ends: record 1's abstract with a period, its link to the library's
    resolver with the document type ('%3C%2FDT%3E')."""
    assert len(_read(tmp_path, BIOSIS)) == 2  # whole, without its final line break
    cut = BIOSIS[: BIOSIS.index(cut_after) + len(cut_after)]
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, cut)
    assert said in exc.value.message
    title = BIOSIS[: BIOSIS.index("TI  - Sampling Thysanoptera on") + 30]
    assert len(_read(tmp_path, title)) == 2  # BIOSIS' titles end without a period: not told


def _two_records(database: str, last_abstract: str) -> str:
    """Two records of ``database`` in one Ovid export without its final line break, the first
    abstract ending with a period, the last record's abstract its last field."""
    return "\n\n".join(
        f"<{n}. >\nVN  - Ovid Technologies\nDB  - {database}\nAN  - 3000000{n}\n"
        f"TI  - Exercise for chronic pain: a randomised trial\nSO  - Journal of Pain. 21(3):"
        f"100-110, 2020 Mar.\nYR  - 2020\nAB  - Background: pain is common. {abstract}"
        for n, abstract in ((1, "Results: it fell."), (2, last_abstract))
    )


@pytest.mark.parametrize("database", ["Ovid MEDLINE(R) ALL", "Embase", "APA PsycInfo"])
@pytest.mark.parametrize(
    "ending",
    [
        "Trial registration: NCT01234567",
        # every register of trial_registers whose numbers have a fixed count of digits
        "Trial registration: ISRCTN12345678",
        "Registered: ChiCTR-IOR-17011234",
        "Pan African Clinical Trials Registry PACTR201905123456789",
        "Thai Clinical Trials Registry TCTR20190101001",
        "PROSPERO CRD42020123456",
        "Copyright (C) 2020 Elsevier B.V. All rights reserved",
        "(c) 2020 Elsevier Ltd. All rights reserved",
        "This article is protected by copyright. All rights reserved",
        "Copyright © 2018",
        "© The Author(s) 2020",
        "Data are available at https://osf.io/abcd1",
        "Methods: we enrolled patients who…",
        "方法 随机对照试验。",
    ],
)
def test_a_whole_abstract_ending_without_a_stop_by_kind(
    database: str, ending: str, tmp_path: Path
) -> None:
    """A last abstract that ends as whole ones do without a full stop (a registration number,
    a publisher's rights line, a web address, '…', a Chinese full stop) is read, in a file
    whose other abstracts end with one (each was refused as cut inside a sentence)."""
    records = _read(tmp_path, _two_records(database, ending))
    assert records[-1].abstract.endswith(ending)


@pytest.mark.parametrize(
    "cut",
    [
        "Trial registration: NCT0123456",
        "Trial registration: NCT",
        "Registered: PACTR20190512345678",
        # a register whose numbers' digits vary in count: 'NTR123' may be 'NTR1234' cut
        "Netherlands Trial Register NTR123",
        "see (c) the role of",
        "Copyright law shapes how",
    ],
)
def test_a_cut_near_those_endings_is_still_told(cut: str, tmp_path: Path) -> None:
    """A registration number cut inside its digits, or one a further digit would still fit, a
    list item '(c)' or a sentence about copyright is no whole ending."""
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, _two_records("Embase", cut))
    assert "abstract (AB)" in exc.value.message


def test_a_whole_abstract_ending_in_a_word_is_imported_as_the_hint_says(tmp_path: Path) -> None:
    """An abstract whose last sentence ends without a stop cannot be told from one cut there:
    the refusal says how to import the file if the record is whole in Ovid, and that works."""
    text = _two_records("Embase", "Conclusions: exercise helps")
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, text)
    assert "if the last record's abstract is whole" in exc.value.hint
    assert "add a line break at the end of the file" in exc.value.hint
    records = _read(tmp_path, text + "\n")
    assert records[-1].abstract.endswith("Conclusions: exercise helps")


def _biosis(last_field: str, records: int = 3) -> str:
    """``records`` BIOSIS Previews records as Ovid writes them, the last one's last field
    ``last_field`` (each other record ends with its AN, LG and DT)."""
    return "\n\n".join(
        f"<{n}. >\nVN  - Ovid Technologies\nDB  - BIOSIS Previews\nTI  - Calcium citrate {n}\n"
        f"SO  - Official Gazette. 1288(3), Nov. 16, 2004.\nYR  - 2004\n"
        + (
            last_field
            if n == records
            else f"AN  - PREV20040047416{n}\nLG  - English.\nDT  - Patent."
        )
        for n in range(1, records + 1)
    )


@pytest.mark.parametrize(
    ("last", "why"),
    [
        ("AN  - PREV2004004", "AN value that ends unlike"),  # an accession of one shape, begun
        ("AN  - PREV200400474163\nLG  - English", "LG value that ends unlike"),  # no period
        ("AN  - PREV200400474163\nL", "the opening of a field"),  # a tag cut
        ("AN  - PREV200400474163\nLG  -", "the opening of a field"),
        ("AN  - PREV200400474163\nLG  - English.\nDT  - Patent.\n\n<4", "of a record"),
    ],
)
def test_a_cut_inside_a_field_ovid_writes_one_way_or_a_line_opening(
    last: str, why: str, tmp_path: Path
) -> None:
    """A BIOSIS or Journals@Ovid record's identifiers have one shape, its controlled values
    end one way (Journals@Ovid's 'English.', 'DEPARTMENTS.'), and a line opens with a tag or
    a record's mark: a last value that only begins its file's shape, ends unlike all the
    others, or a line cut at its opening (read before as words added to the field above, or as
    nothing of a record) is refused."""
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, _biosis(last))
    assert why in exc.value.message


@pytest.mark.parametrize(
    "last",
    [
        "AN  - PREV200400474163\nLG  - English.\nDT  - Patent.",  # whole
        "AN  - PREV200400474163\nLG  - German.",  # another value that ends as they do
        "AN  - BCI2004004",  # another shape: not the others' shape begun
    ],
)
def test_a_whole_field_ovid_writes_one_way_is_read(last: str, tmp_path: Path) -> None:
    assert len(_read(tmp_path, _biosis(last))) == 3


def test_fields_of_two_records_only_say_nothing(tmp_path: Path) -> None:
    """One other record is too few to say how a field ends."""
    assert len(_read(tmp_path, _biosis("AN  - PREV2004004", records=2))) == 2


def _titles_last(*titles: str) -> str:
    """Ovid MEDLINE records, each ending on its title (the export's last field)."""
    return "\n\n".join(
        f"<{n}. >\nVN  - Ovid Technologies\nDB  - Ovid MEDLINE(R) ALL\nSO  - J Pain. 10(2):1-2,"
        f" 2020 Mar.\nYR  - 2020\nTI  - {title}"
        for n, title in enumerate(titles, start=1)
    )


def test_a_title_is_judged_by_the_files_titles_in_its_script(tmp_path: Path) -> None:
    """A Chinese title takes no final stop where the file's English ones have one: read (it was
    refused as cut inside a sentence); an English title without its stop still is not."""
    chinese = _titles_last("Exercise for pain: a trial.", "Work and pain.", "运动对疼痛的影响")
    assert _read(tmp_path, chinese)[-1].title == "运动对疼痛的影响"
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, _titles_last("运动对疼痛的影响", "Exercise for pain: a trial.", "Work and"))
    assert "a title (TI) that ends inside a sentence" in exc.value.message


@pytest.mark.parametrize("title", ["2型糖尿病患者血清IL-6", "慢性疼痛患者的BMI", "운동 요법과 BMI"])
def test_a_title_in_its_script_though_it_ends_on_a_latin_term(tmp_path: Path, title: str) -> None:
    """A Chinese or Korean title that ends on a Latin abbreviation or a number ('IL-6') is
    still in its script, and takes no final stop (it was judged by its last character, as an
    English title, and refused); an English title naming a Chinese term is still English."""
    text = _titles_last("Exercise for pain: a trial.", "Work and pain.", title)
    assert _read(tmp_path, text)[-1].title == title
    with pytest.raises(FormatError):
        _read(tmp_path, _titles_last("Exercise for pain.", "Work and pain.", "The role of 气 in"))


def _last_field(tag: str, values: list[str]) -> str:
    """An Ovid MEDLINE export without its final line break, each record ending on ``tag``."""
    return "\n\n".join(
        f"<{n}. >\nVN  - Ovid Technologies\nDB  - Ovid MEDLINE(R) ALL\nTI  - Title {n}.\n"
        f"SO  - Journal. 1(1):1, 2019.\nYR  - 2019\n{tag}  - {value}"
        for n, value in enumerate(values, start=1)
    )


@pytest.mark.parametrize(
    ("tag", "values"),
    [
        ("UI", ["31000001", "30000002", "9876543"]),  # a PMID of 1997 after two of 2019
        ("VO", ["10", "12", "9"]),
        ("IP", ["10", "12", "3"]),
        ("PG", ["100-110", "200-210", "12"]),  # one page after two ranges
    ],
)
def test_a_whole_number_of_fewer_digits_than_the_others_is_read(
    tag: str, values: list[str], tmp_path: Path
) -> None:
    """A volume, an issue, a page or a PMID has as many digits as it needs: one shorter than
    the file's others is whole (each was refused as cut inside an identifier)."""
    assert len(_read(tmp_path, _last_field(tag, values))) == 3


@pytest.mark.parametrize(
    ("tag", "values"),
    [
        ("AN", ["PREV201900123451", "PREV201900123452", "PREV2019001"]),
        ("IS", ["1053-0487", "1076-2752", "1053-04"]),
        ("IS", ["1053-0487", "1076-2752", "1053"]),
    ],
)
def test_an_identifier_of_one_form_cut_short_is_still_told(
    tag: str, values: list[str], tmp_path: Path
) -> None:
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, _last_field(tag, values))
    assert f"a {tag} value that ends unlike the file's other {tag} values" in exc.value.message


def test_a_value_judged_by_the_others_is_refused_with_the_way_to_import_it(
    tmp_path: Path,
) -> None:
    """A value that only begins the one form of the file's others may be whole all the same (a
    Dutch trial's NL number of four digits after two of five): the refusal says how to import
    the file if the record is whole, as for a title or an abstract, and that works (its hint
    said only to export again, which gives the same file)."""
    text = _last_field("SI", ["NTR/NL78912", "NTR/NL78913", "NTR/NL7891"])
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, text)
    assert "a SI value that ends unlike the file's other SI values" in exc.value.message
    assert "if the last record's SI value is whole" in exc.value.hint
    assert "add a line break at the end of the file" in exc.value.hint
    assert len(_read(tmp_path, text + "\n")) == 3
