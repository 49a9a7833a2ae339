"""The catalogue of trial registers (reviewkit.dedup.registers): each register's number in each
place a record holds it, its one canonical form, and near-misses that are no number; then
through `reviewkit import` + `reviewkit dedup` and `reviewkit dedup studies`."""

from __future__ import annotations

import re

import pytest
from dedup.helpers import dedup_central_and_portal, outcome

from reviewkit.cli import main
from reviewkit.dedup.registers import (
    REGISTERS,
    canonical_number,
    is_register_address,
    is_register_name,
    numbers_in_text,
    record_number,
)
from reviewkit.records import Record

# Every register: its number as the register writes it, other spellings of the same number
# (exports, authors, a folded field), and the canonical form. ICTRP's own TrialID is the first.
NUMBERS = [
    ("NCT01234567", ["NCT 01234567", "nct01234567"], "NCT01234567"),
    ("ISRCTN12345678", ["ISRCTN 12345678", "isrctn12345678"], "ISRCTN12345678"),
    ("ACTRN12610000123456", ["ACTRN 12610000123456"], "ACTRN12610000123456"),
    ("ChiCTR-IOR-17011234", ["ChiCTRIOR17011234", "chictr ior 17011234"], "CHICTR-IOR-17011234"),
    ("ChiCTR1800012345", ["ChiCTR-1800012345", "CHICTR 1800012345"], "CHICTR1800012345"),
    ("KCT0001234", ["KCT 0001234", "kct0001234"], "KCT0001234"),
    ("CTRI/2019/01/017000", ["CTRI/2019/01/ 017000", "ctri 2019 01 017000"], "CTRI/2019/01/017000"),
    ("DRKS00012345", ["DRKS 00012345"], "DRKS00012345"),
    ("CTIS2022-500001-23-00", ["EU CT number: 2022-500001-23-00"], "CTIS2022-500001-23-00"),
    (
        "EUCTR2014-001234-12-GB",
        [
            "EudraCT 2014-001234-12",
            "EudraCT No. 201400123412",
            "eudract_number:2014-001234-12",
            # a space after a hyphen or before it, as a line break or a typist leaves one
            "EudraCT number: 2014- 001234-12",
            "EudraCT 2014 -001234 - 12",
        ],
        "EUDRACT2014-001234-12",
    ),
    (
        "IRCT20171203037645N1",
        ["IRCT20171203037645n1", "IRCT20171203037645 N1"],  # a space before N
        "IRCT20171203037645N1",
    ),
    ("IRCT138811192855N1", ["IRCT 138811192855N1"], "IRCT138811192855N1"),
    ("JPRN-UMIN000012345", ["UMIN000012345", "UMIN-CTR 000012345"], "UMIN000012345"),
    ("JPRN-jRCTs031180123", ["jRCTs031180123", "JRCTS031180123"], "JRCTS031180123"),
    ("JPRN-JapicCTI-123456", ["JapicCTI-123456", "Japic CTI 123456"], "JAPICCTI-123456"),
    ("JPRN-JMA-IIA00123", ["JMA-IIA00123", "JMA IIA00123"], "JMA-IIA00123"),
    ("NTR1234", ["NTR 1234"], "NTR1234"),
    ("NL7891", [], "NL7891"),
    ("NL-OMON23456", ["NLOMON23456"], "NL-OMON23456"),
    ("PACTR201905123456789", ["PACTR 201905123456789"], "PACTR201905123456789"),
    ("RBR-5xyz9k", ["RBR 5xyz9k", "RBR-5XYZ9K"], "RBR-5XYZ9K"),
    ("PER-012-19", [], "PER-012-19"),
    ("RPCEC00000123", ["RPCEC 00000123"], "RPCEC00000123"),
    ("SLCTR/2019/012", ["SLCTR 2019 012"], "SLCTR/2019/012"),
    ("LBCTR2019121234", ["LBCTR 2019121234"], "LBCTR2019121234"),
    ("ITMCTR2100004975", ["ITMCTR 2100004975"], "ITMCTR2100004975"),
    ("TCTR20190101001", ["TCTR 20190101001"], "TCTR20190101001"),
]
IDS = [n[0] for n in NUMBERS]


def _register(canonical: str) -> str:
    """The name of the register one of whose forms writes this canonical number."""
    for register in REGISTERS:
        for form in register.forms:
            if re.fullmatch(form.pattern, canonical, 0 if form.exact_case else re.I):
                return register.name
    return ""


def test_every_register_has_a_number_here():
    # a register added to the catalogue without a case in this table fails here
    assert {_register(canonical) for *_, canonical in NUMBERS} == {r.name for r in REGISTERS}


@pytest.mark.parametrize(("written", "others", "canonical"), NUMBERS, ids=IDS)
def test_each_spelling_of_a_number_is_one_canonical_number(written, others, canonical):
    for text in (written, *others, canonical):
        assert canonical_number(text) == canonical, text
    assert canonical_number(canonical) == canonical  # the canonical form reads as itself


@pytest.mark.parametrize(("written", "others", "canonical"), NUMBERS, ids=IDS)
def test_a_number_in_every_place_a_record_holds_it(written, others, canonical):
    # an abstract's sentence, in brackets, at a sentence's end
    sentence = f"The trial was registered prospectively ({written}). Funded by the council."
    assert numbers_in_text(sentence) == [canonical]
    assert numbers_in_text(f"Trial registration: {written}.") == [canonical]
    # WHO's portal, old and new address, as CENTRAL's source field or as a URL
    for portal in (
        f"http://apps.who.int/trialsearch/Trial2.aspx?TrialID={written}",
        f"https://trialsearch.who.int/Trial2.aspx?TrialID={written}",
    ):
        assert record_number(portal) == canonical
        assert record_number("", url=portal) == canonical
    # ICTRP's number alone as a source field
    assert record_number(written) == canonical
    # PubMed's DataBankList as the record's XML holds it, and MEDLINE's SI field
    bank = _register(canonical).split(" ")[0].rstrip(":")
    xml = (
        f"<DataBankList><DataBank><DataBankName>{bank}</DataBankName><AccessionNumberList>"
        f"<AccessionNumber>{written}</AccessionNumber></AccessionNumberList></DataBank>"
    )
    assert numbers_in_text(xml) == [canonical]
    assert numbers_in_text(f"SI  - {bank}/{written}\nPMID- 30000001") == [canonical]


def test_an_abstracts_signs_are_no_markup():
    # '<' and '>' in an abstract are signs, not tags around text to drop
    text = "Mortality was lower (p < 0.05). A pilot study (NCT00620711) enrols infants > 36 weeks."
    assert numbers_in_text(text) == ["NCT00620711"]


def test_registration_numbers_of_the_common_registers():
    text = (
        "Registered at ClinicalTrials.gov (NCT 01234567) and ISRCTN12345678; ACTRN12610000123456;"
        " DRKS00001234. EudraCT number: 2004-001234-56. Funded by grant 2004-001234-99."
    )
    assert set(numbers_in_text(text)) == {
        "NCT01234567",
        "ISRCTN12345678",
        "ACTRN12610000123456",
        "DRKS00001234",
        "EUDRACT2004-001234-56",
    }
    assert numbers_in_text("NCT0123 is too short; page 12345678") == []


def test_the_registers_own_addresses():
    for address, number in (
        ("https://clinicaltrials.gov/show/NCT01234567", "NCT01234567"),  # old
        ("https://clinicaltrials.gov/ct2/show/NCT01234567", "NCT01234567"),  # old
        ("https://clinicaltrials.gov/study/NCT01234567", "NCT01234567"),  # new (2023)
        ("http://www.isrctn.com/ISRCTN12345678", "ISRCTN12345678"),
        ("https://www.anzctr.org.au/ACTRN12610000123456.aspx", "ACTRN12610000123456"),
        ("https://drks.de/search/en/trial/DRKS00012345", "DRKS00012345"),
        (
            "https://www.clinicaltrialsregister.eu/ctr-search/search?query=eudract_number%3A"
            "2014-001234-12",
            "EUDRACT2014-001234-12",
        ),
    ):
        assert is_register_address(address), address
        assert record_number("", url=address) == number, address
    # ISRCTN gives each record a DOI
    assert record_number("", doi="10.1186/ISRCTN12345678") == "ISRCTN12345678"


def test_near_misses_are_no_numbers():
    for text in (
        "NCT0123456",  # an NCT with 7 digits
        "NCT012345678",  # and with 9
        "Grant R01 HL123456 and 2014-001234-12 from the council",  # a grant, a bare EudraCT shape
        "doi:10.1093/ntr/ntr284",  # Nicotine & Tobacco Research's DOI suffix
        "followed from 2014-2016 in 12 centres",  # a year range
        "call +98 21 1234 5678 or 0800-012-19",  # phone numbers
        "3 cases per 100 19-year-olds; per-012-19",  # 'per' is a word
        "NTR1 and NTR2 are neurotensin receptors",  # a gene name
        "KCT000123 and PACTR2019051234",  # too short
        "The CRD42019123456 protocol and U1111-1234-5678",  # PROSPERO and WHO's UTN: no register's
        "pigs infected with the CSFV strains Brescia or NL9201",  # a strain, no register named
    ):
        assert numbers_in_text(text) == [], text
    # a number touched by letters or digits is part of something else
    assert numbers_in_text("xNCT01234567 NCT01234567a 9NCT01234567") == []


def test_only_a_registers_record_carries_its_number():
    # an article's URL, DOI or journal are no register's: its number in the abstract is a
    # study link (studies.py), not the record's number
    assert record_number("Trials", url="https://pubmed.ncbi.nlm.nih.gov/?term=NCT01234567") == ""
    assert record_number("BMJ Open", url="https://www.who.int/news/NCT01234567") == ""
    assert record_number("Trials", doi="10.1186/s13063-019-3456-7") == ""
    assert not is_register_address("https://notclinicaltrials.gov/NCT01234567")


# --- dedup: one number, one record, whatever the register -----------------------------------

TITLE = "Acupuncture for chronic neck pain in office workers: a randomised trial"


def _registration(**kw) -> Record:
    return Record(**{"title": TITLE, "year": 2018, "source": "CENTRAL", **kw})


def test_registrations_of_the_newly_read_registers_merge_by_number():
    cases = [
        # CENTRAL's source field (the old portal's address, nine folded words) and the new
        # portal's number alone, the hyphens dropped
        (
            "http://www.who.int/trialsearch/Trial2.aspx?TrialID=ChiCTR-IOR-17011234",
            "ChiCTRIOR17011234",
        ),
        (
            "CTRI/2019/01/017000",
            "https://trialsearch.who.int/Trial2.aspx?TrialID=CTRI/2019/01/017000",
        ),
        ("RBR-5xyz9k", "http://apps.who.int/trialsearch/Trial2.aspx?TrialID=RBR-5xyz9k"),
        ("KCT0001234", "https://cris.nih.go.kr/cris/search/detailSearch.do?seq=KCT0001234"),
    ]
    for a, b in cases:
        assert outcome(_registration(journal=a), _registration(journal=b, title=TITLE.upper())) == (
            "merged",
            "registration_numbers",
        ), (a, b)
    # two numbers of one register are two registrations, however alike their titles
    two = (_registration(journal="TCTR20190101001"), _registration(journal="TCTR20190101002"))
    assert outcome(*two) == ("apart", "")


CENTRAL_RIS = """TY  - JOUR
TI  - Acupuncture for chronic neck pain in office workers
JO  - http://www.who.int/trialsearch/Trial2.aspx?TrialID=ChiCTR-IOR-17011234
PY  - 2017
ER  -

TY  - JOUR
TI  - Acupuncture for chronic neck pain in office workers
JO  - http://www.who.int/trialsearch/Trial2.aspx?TrialID=ChiCTR-IOR-17011299
PY  - 2017
ER  -
"""
PORTAL_RIS = """TY  - JOUR
TI  - A randomised trial of acupuncture for chronic neck pain in office workers
JO  - ChiCTRIOR17011234
PY  - 2017
ER  -
"""


def test_registrations_through_import_and_dedup(project_a, capsys, tmp_path):
    """CENTRAL's record (the old portal's address) and the portal's (the number without its
    hyphens) of one ChiCTR registration merge; the sister trial's stays apart."""
    out = dedup_central_and_portal(project_a, capsys, tmp_path, CENTRAL_RIS, PORTAL_RIS)
    assert "1 duplicate link," in out and "3 records → 2 studies" in out


MEDLINE = """PMID- 30000001
TI  - Acupuncture for chronic neck pain in office workers: a randomised trial.
AB  - We randomised 120 office workers to acupuncture or sham acupuncture.
SI  - ChiCTR/ChiCTR-IOR-17011234
SI  - EudraCT/2014-001234-12
AU  - Wang L
TA  - BMJ Open
DP  - 2019

PMID- 30000002
TI  - Acupuncture for chronic neck pain in office workers: protocol of a randomised trial.
AB  - This protocol describes a trial registered as ChiCTRIOR17011234 on 1 May 2017.
AU  - Wang L
TA  - Trials
DP  - 2017

PMID- 30000003
TI  - Exercise for sick-listed workers with low back pain: one-year follow-up.
AB  - Registered at EU CTR, EudraCT number 2014-001234-12; funded by grant 2014-001234-99.
AU  - Hansen K
TA  - Spine
DP  - 2020

PMID- 30000004
TI  - Yoga for office workers with neck pain.
AB  - Phone +98 21 1234 5678; followed from 2014-2016; NCT0123456 was not registered.
AU  - Berg A
TA  - Pain
DP  - 2018
"""


def test_study_links_through_the_cli(project_a, capsys, tmp_path):
    """`reviewkit dedup studies` links the reports that share a number in any register's
    spelling: MEDLINE's SI field against an abstract, ChiCTR with and without hyphens, EudraCT
    in SI and in an abstract. Record 1 carries both numbers: one trial in two registers, so
    records 2 and 3 (one number each) are suggested too, through it."""
    folder = str(project_a.folder)
    project_a.close()
    path = tmp_path / "pubmed.nbib"
    path.write_text(MEDLINE, encoding="utf-8")
    assert main(["import", str(path), "--project", folder]) == 0
    assert main(["dedup", "--project", folder]) == 0
    capsys.readouterr()
    assert main(["dedup", "studies", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "3 new suggestions" in out, out
    assert "records 1 and 2 (registration): CHICTR-IOR-17011234\n" in out
    assert "records 1 and 3 (registration): EUDRACT2014-001234-12\n" in out
    assert "records 2 and 3 (registration): CHICTR-IOR-17011234 = EUDRACT2014-001234-12" in out
    assert "NCT" not in out  # the near-misses suggest nothing


# --- forms the registers print beside their documented one -----------------------------------


def test_anzctrs_prospective_mark_is_the_same_number():
    # ANZCTR's pages print 'p' after the number of a prospectively registered trial
    for text in ("ACTRN12610000123456p", "ACTRN 12610000123456P", "(ACTRN12610000123456p)."):
        assert numbers_in_text(text) == ["ACTRN12610000123456"], text
    assert canonical_number("ACTRN12610000123456p") == "ACTRN12610000123456"
    # another letter, or a 'p' that starts a word, is not the mark
    assert numbers_in_text("ACTRN12610000123456q ACTRN12610000123456pa") == []
    with_mark = _registration(journal="ACTRN12610000123456p")
    without = _registration(journal="https://www.anzctr.org.au/ACTRN12610000123456.aspx")
    assert outcome(with_mark, without) == ("merged", "registration_numbers")


def test_umins_old_c_numbers_are_its_numbers():
    # UMIN's first numbers had the prefix C; ICTRP keeps them as JPRN-C000000123
    for text in (
        "JPRN-C000000123",
        "http://apps.who.int/trialsearch/Trial2.aspx?TrialID=JPRN-C000000123",
        "UMIN-CTR C000000123",
        "Trial registration: C000000123.",
        "C000000123",  # the whole source field
    ):
        assert numbers_in_text(text) == ["UMIN000000123"], text
    assert outcome(
        _registration(journal="JPRN-C000000123"), _registration(journal="UMIN000000123")
    ) == ("merged", "registration_numbers")
    # the shape alone, in a sentence that names no register, is a catalogue or sample number;
    # a lower-case c or a fifth digit before the zeros is another thing
    for text in (
        "Reagent C000000123 (Sigma) was used.",
        "see JPRN-c000000123",
        "UMIN C100000123",
    ):
        assert numbers_in_text(text) == [], text


def test_the_netherlands_registers_addresses():
    for address, number in (
        ("http://www.trialregister.nl/trialreg/admin/rctview.asp?TC=1234", "NTR1234"),
        ("https://www.trialregister.nl/trial/7891", "NL7891"),
    ):
        assert is_register_address(address), address
        assert record_number("", url=address) == number, address
        assert record_number(address) == number, address  # CENTRAL's source field
    assert outcome(
        _registration(journal="https://www.trialregister.nl/trial/7891"),
        _registration(journal="NL7891"),
    ) == ("merged", "registration_numbers")
    # NTR and NL numbers are two numbering schemes with no documented mapping between them:
    # the same digits under both need not be one trial: never one record
    assert outcome(_registration(journal="NTR7891"), _registration(journal="NL7891")) == (
        "apart",
        "",
    )


def test_a_registers_name_alone_makes_no_registration():
    for name in ("ISRCTN", "ChiCTR", "ClinicalTrials.gov", "anzctr", "EU Clinical Trials Register"):
        assert is_register_name(name), name
        assert record_number(name) == "", name
    for text in (
        "Trials",
        "ISRCTN12345678",
        "https://www.isrctn.com/",
        "Contemporary Clinical Trials",
    ):
        assert not is_register_name(text), text
    # two registrations exported without a number, under one title: the name says where they
    # were found, not which trial; sister trials share titles, so a person decides at most
    assert outcome(_registration(journal="ISRCTN"), _registration(journal="ISRCTN"))[0] == "queued"
    assert outcome(_registration(journal="ChiCTR"), _registration(journal="ISRCTN"))[0] == "queued"
    # against the numbered registration: not kept apart as 'a registration and an article'
    numbered = _registration(journal="http://www.isrctn.com/ISRCTN12345678")
    assert outcome(_registration(journal="ISRCTN"), numbered)[0] == "queued"


def test_a_registers_name_before_its_digits_as_journals_write_it():
    """'registered with ISRCTN, number 96169987' (The Lancet's 'registered with <register>,
    number …'), '(ACTRN): 1261…', 'ISRCTN number: …', Italian 'EudraCT n.': the register's
    prefix, then the digits of its fixed count; CENTRAL's own accession ('CN-01234567') and
    the strain collections' numbers ('NCTC 12345', 'KCTC 5316') are no trial's."""
    for text, number in (
        ("This trial is registered with ISRCTN, number 96169987.", "ISRCTN96169987"),
        ("registered with ISRCTN, 22488978, and ClinicalTrials.gov", "ISRCTN22488978"),
        ("ISRCTN number: 12345678", "ISRCTN12345678"),
        ("Australian New Zealand Clinical Trials Registry (ACTRN): 12614000310662", None),
        ("Clinicaltrials.gov; NCT#02581813.", "NCT02581813"),
        ("(EUDRACT n. 2015-001639-19)", "EUDRACT2015-001639-19"),
        ("Overview of Medical Research NL-OMON 23456", "NL-OMON23456"),
    ):
        assert numbers_in_text(text) == [number or "ACTRN12614000310662"], text
    for text in ("AN  - CN-01234567\nM3  - CN-01234567", "NCTC 12345 and KCTC 5316 strains"):
        assert numbers_in_text(text) == [], text


def test_a_ctri_serial_written_as_a_count_is_its_number():
    """CTRI's six-digit serial counts the register's trials, and an author may write it as a
    count ('011,664', a snapshot abstract): the same number. A comma and a blank is a list,
    and a PubMed ID is no register's number."""
    assert numbers_in_text("(CTRI/2018/02/011,664).") == ["CTRI/2018/02/011664"]
    assert canonical_number("CTRI/2018/02/011,664") == "CTRI/2018/02/011664"
    for text in ("CTRI/2018/02/011, 664", "CTRI/2018/02/011,664,12", "PMID: 32737577"):
        assert numbers_in_text(text) == [], text


def test_every_accession_number_of_a_databank_is_read_under_its_name():
    """PubMed's DataBank names the register once and lists its numbers: EudraCT's are digits
    alone, so each is read under the name (the second was lost)."""
    xml = (
        "<DataBankList><DataBank><DataBankName>EudraCT</DataBankName><AccessionNumberList>"
        "<AccessionNumber>2004-000446-20</AccessionNumber>"
        "<AccessionNumber>2005-001234-56</AccessionNumber></AccessionNumberList></DataBank>"
        "</DataBankList>"
    )
    assert numbers_in_text(xml) == ["EUDRACT2004-000446-20", "EUDRACT2005-001234-56"]


def test_a_number_written_as_other_registries_and_authors_write_it():
    """ANZCTR's number after the register's name alone ('ANZCTR 12610000123456': its records
    are 'ACTRN…', as authors often name the register instead of the prefix); an NCT or ISRCTN
    number with one blank inside its digits (a line or a column broken in the number, a typo):
    the register's fixed count of digits, and nothing touching them, is still one number."""
    for text, number in (
        ("Registered with ANZCTR 12610000123456.", "ACTRN12610000123456"),
        ("Australian New Zealand Clinical Trials Registry (ANZCTR): 12614000310662", None),
        ("ClinicalTrials.gov NCT0123 4567.", "NCT01234567"),
        ("Trial registration: NCT 01234 567", "NCT01234567"),
        ("ISRCTN 1234 5678", "ISRCTN12345678"),
        ("ISRCTN12345 678;", "ISRCTN12345678"),
    ):
        assert numbers_in_text(text) == [number or "ACTRN12614000310662"], text
    for text in (
        "NCT0123 45678",  # nine digits: no NCT number
        "NCT0123 4567 8",  # a third group: not read across two blanks
        "NCT0123456 7",  # the blank leaves seven digits on the prefix's side
        "In ANZCTR 1261000012345 patients",  # thirteen digits
    ):
        assert numbers_in_text(text) == [], text


def test_secondary_ids_that_are_no_registration_are_not_read():
    """A Dutch trial's ethics approval, the CCMO's NL number of its dossier ('NL48354.041.14':
    NL, five digits, the committee and the year), stands in the abstract beside the
    registration ('Netherlands Trial Register (NTR4132); METC NL48354.041.14'): an approval,
    not the register's NL number; an Iranian ethics code (IR.TUMS.REC.1394.123), a grant and a
    bare EudraCT shape neither. The register's NL number is still read."""
    text = "Netherlands Trial Register NTR4132, NL3847; approved by the METC (NL48354.041.14)."
    assert numbers_in_text(text) == ["NTR4132", "NL3847"]
    assert numbers_in_text("Trial registration: NL48354.041.14") == []
    assert numbers_in_text("Trial registration NL7891.") == ["NL7891"]
    assert numbers_in_text("Ethics code IR.TUMS.REC.1394.123; IRCT2015052322435N1") == [
        "IRCT2015052322435N1"
    ]
    # grants as funders number them (none of the snapshot's 7,066 GrantIDs reads as a number)
    for grant in (
        "NIH R01 HL123456",
        "NIHR HTA 12/34/56; PB-PG-0211-24001",
        "Wellcome Trust 098461/Z/12/Z",
        "ZonMw 80-82310-97-12012; NWO 016.Vidi.185.123",
        "JSPS KAKENHI JP18K12345; NSFC 81873456",
        "Horizon 2020 grant agreement No 2014-001234-12",
    ):
        assert numbers_in_text(grant) == [], grant
