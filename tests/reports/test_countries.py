"""The country prefill (extraction's ``affiliation-country``): an affiliation ending with a US
state, a Canadian province or an Australian state is in that country, and a town named like a
country ("Lebanon, NH") or a state inside a longer name ("New Mexico") is no country of its own.

The demo's walk-through found "Cincinnati, Ohio … Atlanta, Georgia" prefilled as Georgia.
"""

from __future__ import annotations

import pytest

from reviewkit import extract

# each kind with the cases on both sides of it; every kind has a case the prefill got wrong
KINDS = {
    "a US state's name ends it": [
        ("Centers for Disease Control and Prevention, Atlanta, Georgia", ["United States"]),
        ("Cincinnati Children's Hospital, Cincinnati, Ohio", ["United States"]),
        ("University of Georgia, Athens, GA, USA", ["United States"]),
    ],
    "a US postal abbreviation, alone or with a ZIP code, ends it": [
        ("National Center for Disease Control, Atlanta, GA 30333.", ["United States"]),
        ("Cincinnati Children's Hospital Medical Center, Cincinnati, OH 45229", ["United States"]),
        ("Massachusetts Institute of Technology, Cambridge, MA", ["United States"]),
        ("University of Cambridge, Cambridge, UK", ["United Kingdom"]),
        # an abbreviation before another country is not that state
        ("Lotus Eye Hospital, Coimbatore, TN, India. someone@example.in.", ["India"]),
    ],
    "Georgia is the country after one of its cities": [
        ("Tbilisi State Medical University, Tbilisi, Georgia", ["Georgia"]),
        ("Emory University, Atlanta, Georgia", ["United States"]),
    ],
    "a state whose name holds a country's": [
        ("University of New Mexico, Albuquerque, New Mexico", ["United States"]),
        ("Instituto Nacional de Psiquiatría, Mexico City, Mexico", ["Mexico"]),
        ("University of Wollongong, Wollongong, New South Wales", ["Australia"]),
    ],
    "Jersey, a Crown Dependency, and New Jersey": [
        ("Rutgers University, Newark, New Jersey", ["United States"]),
        ("Jersey City Medical Center, Jersey City, NJ", ["United States"]),
        ("General Hospital, St Helier, Jersey", ["Jersey"]),
    ],
    "Victoria: a Canadian town before its province, an Australian state after a town": [
        ("Island Health, Victoria, BC", ["Canada"]),
        ("University of Victoria, Victoria, British Columbia", ["Canada"]),
        ("Monash University, Melbourne, Victoria", ["Australia"]),
        ("Monash University, Clayton, VIC 3800", ["Australia"]),
        ("Victoria University of Wellington, Wellington, New Zealand", ["New Zealand"]),
    ],
    "a postcode says which country shares an abbreviation": [
        ("University of Western Australia, Perth, WA 6009", ["Australia"]),
        ("University of Washington, Seattle, WA 98195", ["United States"]),
        ("University of Toronto, Toronto, ON M5S 1A8", ["Canada"]),
        ("University of Toronto, Toronto, ON. someone@mail.utoronto.ca.", ["Canada"]),
    ],
    # WA and NT are each two countries' (countries.SHARED_CODES); alone, the majority's
    "a shared abbreviation without a postcode: its town or a country named elsewhere": [
        ("Curtin University, Perth, WA", ["Australia"]),
        ("Curtin University, Bentley, WA, 6102", ["Australia"]),
        ("University of Western Australia, Crawley, WA", ["Australia"]),
        ("Curtin University, Perth, WA; Australia", ["Australia"]),
        ("University of Washington, Seattle, WA", ["United States"]),
        ("Washington State University, Pullman, WA", ["United States"]),
        ("Occupational Health Institute, WA", ["United States"]),
        ("Stanton Territorial Hospital, Yellowknife, NT", ["Canada"]),
        ("Menzies School of Health Research, Darwin, NT", ["Australia"]),
        ("Aurora College, NT, Canada", ["Canada"]),
    ],
    "a town named like a country, before a state": [
        ("Geisel School of Medicine at Dartmouth, Lebanon, NH", ["United States"]),
        ("Dartmouth-Hitchcock, Lebanon, New Hampshire 03756, USA", ["United States"]),
        ("American University of Beirut, Beirut, Lebanon", ["Lebanon"]),
    ],
    "a state inside a longer name yields to the place the address ends with": [
        (
            "Ochsner Clinical School-The University of Queensland School of Medicine, "
            "New Orleans, LA.",
            ["United States"],
        ),
        ("Université d'Angers, Angers, Maine-et-Loire, France", ["France"]),
    ],
    "a country's name in an institution's yields to the country the address ends with": [
        ("Beth Israel Deaconess Medical Center, Boston, MA 02215, USA", ["United States"]),
        ("China Medical University, Taichung, Taiwan", ["Taiwan"]),
        ("Niger Delta University, Wilberforce Island, Nigeria", ["Nigeria"]),
        ("King's College Hospital, Denmark Hill, London, UK", ["United Kingdom"]),
        # two addresses joined without a ';' keep both countries
        (
            "University of Cyprus, Limassol, Cyprus and University of Turku, Finland",
            ["Cyprus", "Finland"],
        ),
        (
            "Aarhus University, Aarhus, Denmark Department of Surgery, Oslo, Norway",
            ["Denmark", "Norway"],
        ),
        (
            "University of Exeter, Exeter, UK. a@uoi.gr and University of Ioannina, Greece",
            ["United Kingdom", "Greece"],
        ),
        ("Shimadzu Corp. (Kyoto, Japan), Branch Belgrade, Serbia", ["Japan", "Serbia"]),
        ("Hong Kong Polytechnic University, Hong Kong SAR, China", ["Hong Kong", "China"]),
    ],
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_country_of_an_affiliation(kind: str):
    got = [(aff, extract.countries([aff])) for aff, _ in KINDS[kind]]
    assert got == KINDS[kind]


def test_each_address_of_an_affiliation_counts_in_order():
    """The walk-through's record: two US addresses, one by state name, give one country."""
    assert extract.countries(
        [
            "Division of Biostatistics, Cincinnati Children's Hospital, Cincinnati, Ohio;"
            " Centers for Disease Control and Prevention, Atlanta, Georgia",
            "Karolinska Institutet, Stockholm, Sweden",
            "Melbourne, VIC 3000; Ilia State University, Tbilisi, Georgia",
        ]
    ) == ["United States", "Sweden", "Australia", "Georgia"]
