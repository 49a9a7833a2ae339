"""One title written by several databases' conventions (issue 14, dedup32): a radionuclide label
('[11C]', '(11)C', 'C-11'), Ovid MEDLINE's erratum note after a title, a title that opens with a
bracketed name ('[11C]PR04.MZ ...', not MEDLINE's bracketed translation). Hand-made records at
one place; each pair was held apart by the numbers or the words the notation left."""

from __future__ import annotations

from dedup.helpers import keys, outcome, rec, verdict

from reviewkit.dedup.titles import match_title
from reviewkit.records import normalise_title

PLACE = dict(
    journal="Bioorganic and Medicinal Chemistry", volume="25", issue="3", pages="1014-1021"
)
MEDLINE = (
    "Synthesis of 1-(cyclopropylmethyl)-4-(4-[11C]methoxyphenyl)-piperidin-1-yl-2-oxo-pyridine"
)
WOS = "Synthesis of 1-(cyclopropylmethyl)-4-(4- C-11 methoxyphenyl)-piperidin-1-yl-2-oxo-pyridine"
OLD_MEDLINE = (
    "Synthesis of 1-(cyclopropylmethyl)-4-(4-[(11)C]methoxyphenyl)-piperidin-1-yl-2-oxo-pyridine"
)


def test_a_radionuclide_label_written_three_ways_is_one_title():
    assert match_title(MEDLINE) == match_title(WOS) == match_title(OLD_MEDLINE)
    assert verdict(keys(1, title=MEDLINE, **PLACE), keys(2, title=WOS, **PLACE))[0] == "duplicate"
    assert outcome(rec(title=OLD_MEDLINE, **PLACE), rec(title=WOS, **PLACE))[0] == "merged"
    fet = "Pseudoprogression in glioblastoma using O-(2-[18F]fluoroethyl)-L-tyrosine PET"
    assert match_title(fet) == match_title(fet.replace("[18F]", " F-18 "))
    # another nuclide, or another mass of one element, stays another compound
    assert match_title(MEDLINE.replace("[11C]", "[14C]")) != match_title(WOS)
    # a hyphen and a number that label no nuclide keep their number ('Group C-1', 'HIV-1')
    assert match_title("Group C-1 cells and HIV-1") == "group c 1 cells and hiv 1"
    # symbol and mass run together ('C11 PiB', 'C11-PiB'): the same label
    pib = "Amyloid imaging with [11C]PiB PET in mild cognitive impairment"
    assert (
        match_title(pib)
        == match_title(pib.replace("[11C]", "C11 "))
        == match_title(pib.replace("[11C]PiB", "C11-PiB"))
    )
    # near misses: a serotype, a histone and a clone keep their names
    assert (
        match_title("E. coli O157 in cattle and histone H3")
        == "e coli o157 in cattle and histone h3"
    )
    assert match_title("Clone C11-3 of PC12 cells") == "clone c11 3 of pc12 cells"
    # a title in capitals (an export's, or the journal's style) names the same label
    for title in ("Perfusion imaging with Tc99m sestamibi", "Imaging with Tc-99m and Ga68"):
        assert match_title(title) == match_title(title.upper())
    assert match_title("PERFUSION WITH TC99M") != match_title("PERFUSION WITH TC99")


def test_a_title_opening_with_a_bracketed_name_keeps_its_words():
    # MEDLINE's translation brackets hold the whole title; a label opens a title and runs on
    assert (
        normalise_title("[Return to work after sick leave]. ") == "return to work after sick leave"
    )
    assert (
        normalise_title("[Research on fast track surgery] LA: Chi")
        == "research on fast track surgery"
    )
    assert (
        normalise_title("[11C]PR04.MZ a promising DAT ligand")
        == "11c pr04 mz a promising dat ligand"
    )
    assert (
        normalise_title("[Leu]enkephalin impairs retention") == "leu enkephalin impairs retention"
    )
    place = dict(journal="Bioorg Med Chem Lett", volume="19", issue="15", pages="4343-4345")
    a = "[11C]PR04.MZ a promising DAT ligand for low concentration imaging: synthesis"
    b = "[(11)C]PR04.MZ a promising DAT ligand for low concentration imaging: synthesis"
    assert outcome(rec(title=a, **place), rec(title=b, **place))[0] == "merged"
    # two compounds of one team in one issue: titles that were both cut to '11C' before
    c = "[11C]PR05.MZ a DAT ligand of high affinity for imaging: evaluation in rats"
    other_pages = {**place, "pages": "4346-4349"}
    assert outcome(rec(title=a, **place), rec(title=c, **other_pages))[0] == "apart"


def test_ovid_medlines_erratum_note_after_a_title_is_not_part_of_it():
    title = "White matter microstructure and molecular markers in fragile X premutation females"
    noted = title + ".[Erratum appears in Neurology. 2017 Sep 26;89(13):1430; PMID: 28947586]"
    place = dict(journal="Neurology", volume="88", issue="22", pages="2080-2088")
    assert match_title(noted) == match_title(title)
    assert outcome(rec(title=noted, **place), rec(title=title, **place))[0] == "merged"
    both = title + "... [corrected][published erratum appears in Brain Inj. 2013 Mar;27(3):377]"
    assert match_title(both) == match_title(title)
    # the erratum itself is a notice, kept from its article
    notice = keys(2, title="Erratum: " + title, **{**place, "pages": "1430"})
    assert verdict(keys(1, title=noted, **place), notice)[0] != "duplicate"
    # and so is APA's correction under the article's title in quotes (PsycINFO), two years on
    apa = keys(3, title=f'"{title}": Correction', year=2021, **{**place, "pages": "1430"})
    assert apa.notice and not keys(4, title=f'"{title}": a correction of course').notice
    assert verdict(keys(1, title=noted, **place), apa) == ("not_duplicate", "notice_veto")


def test_ovid_medlines_review_tag_after_a_title_is_not_part_of_it():
    title = "The current status of HPV DNA testing"
    place = dict(journal="Eur J Gynaecol Oncol", volume="24", issue="", pages="")
    for tagged in (title + ". [Review] [57 refs]", title + ". [Review]", title + " [57 refs]"):
        assert match_title(tagged) == match_title(title)
    assert (
        outcome(rec(title=title + ". [Review] [57 refs]", **place), rec(title=title, **place))[0]
        == "merged"
    )
    # a title that names a review in its own words keeps them
    assert match_title("Screening in review: a decade") == "screening in review a decade"
