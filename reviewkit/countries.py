"""Data about the world: country names, the spellings affiliations use for them, and the states
and provinces that end many affiliations instead of a country.

Used by extraction's ``affiliation-country`` prefill (:func:`affiliation_countries`).
``ALIASES`` maps a spelling found in affiliations to the name reports use; ``REGIONS`` maps the
states of the United States, the provinces and territories of Canada and the states and
territories of Australia (names and postal abbreviations) to their country, since affiliations
there often end with one ("Cincinnati, Ohio", "Atlanta, GA 30333", "Victoria, BC", "Clayton,
VIC 3800") and name no country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Jersey, Guernsey and the Isle of Man are Crown Dependencies, not part of the United Kingdom;
# Puerto Rico, Guam and American Samoa are US territories, not states: ISO 3166-1 lists each
# as its own, and so do we ("St Helier, Jersey" is not "New Jersey").
COUNTRIES = (
    "Afghanistan",
    "Albania",
    "Algeria",
    "American Samoa",
    "Andorra",
    "Angola",
    "Antigua and Barbuda",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Cape Verde",
    "Central African Republic",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Congo",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Equatorial Guinea",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Greenland",
    "Grenada",
    "Guam",
    "Guatemala",
    "Guernsey",
    "Guinea",
    "Guinea-Bissau",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hong Kong",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Isle of Man",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jersey",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Marshall Islands",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Micronesia",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nauru",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea",
    "North Macedonia",
    "Norway",
    "Oman",
    "Pakistan",
    "Palau",
    "Palestine",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Puerto Rico",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Saint Kitts and Nevis",
    "Saint Lucia",
    "Saint Vincent and the Grenadines",
    "Samoa",
    "San Marino",
    "Sao Tome and Principe",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Solomon Islands",
    "Somalia",
    "South Africa",
    "South Korea",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Timor-Leste",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Vatican City",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
)

ALIASES = {
    "USA": "United States",
    "U.S.A.": "United States",
    "U.S.A": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "England": "United Kingdom",
    "Scotland": "United Kingdom",
    "Wales": "United Kingdom",
    "Northern Ireland": "United Kingdom",
    "Great Britain": "United Kingdom",
    "The Netherlands": "Netherlands",
    "Holland": "Netherlands",
    "Republic of Korea": "South Korea",
    "Korea": "South Korea",
    "P.R. China": "China",
    "PR China": "China",
    "People's Republic of China": "China",
    "Czechia": "Czech Republic",
    "Russian Federation": "Russia",
    "Viet Nam": "Vietnam",
    "Türkiye": "Turkey",
    "Côte d'Ivoire": "Ivory Coast",
    "Norge": "Norway",
    "Sverige": "Sweden",
    "Danmark": "Denmark",
    "Suomi": "Finland",
    "Deutschland": "Germany",
    "Hong Kong SAR": "Hong Kong",  # its own part ("Hong Kong SAR, China"), as Hong Kong alone
    "Nederland": "Netherlands",
}

US_STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
    "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL",
    "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR",
    "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD",
    "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA",
    "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
}  # fmt: skip
CANADIAN_PROVINCES = {
    "Alberta": "AB", "British Columbia": "BC", "Manitoba": "MB", "New Brunswick": "NB",
    "Newfoundland and Labrador": "NL", "Newfoundland": "NL", "Nova Scotia": "NS",
    "Northwest Territories": "NT", "Nunavut": "NU", "Ontario": "ON",
    "Prince Edward Island": "PE", "Quebec": "QC", "Québec": "QC", "Saskatchewan": "SK",
    "Yukon": "YT",
}  # fmt: skip
AUSTRALIAN_STATES = {
    "New South Wales": "NSW", "Victoria": "VIC", "Queensland": "QLD", "South Australia": "SA",
    "Western Australia": "WA", "Tasmania": "TAS", "Northern Territory": "NT",
    "Australian Capital Territory": "ACT",
}  # fmt: skip
_OF = (
    (US_STATES, "United States", r"\d{5}(?:-\d{4})?"),  # ZIP code, ZIP+4
    (CANADIAN_PROVINCES, "Canada", r"[A-Z]\d[A-Z] ?\d[A-Z]\d"),  # postal code "M5G 1X8"
    (AUSTRALIAN_STATES, "Australia", r"\d{4}"),  # postcode
)
REGIONS = {name: country for names, country, _ in _OF for name in names}
# A postal abbreviation with its country's postcode after it ("GA 30333", "WA 6009", "ON M5G
# 1X8") says the country wherever it stands; one alone only as a whole part of the address
# ("Cambridge, MA"), where two countries share it (WA, NT) as the one most affiliations mean.
_CODE_WITH_POSTCODE = [
    (re.compile(rf"\b({'|'.join(sorted(set(names.values())))})\s+{postcode}\b"), country)
    for names, country, postcode in _OF
]
_BARE_CODES = {code: c for names, c, _ in reversed(_OF) for code in names.values()} | {
    "WA": "United States",  # Washington's affiliations far outnumber Western Australia's
    "NT": "Australia",  # Darwin's (Menzies) outnumber Canada's Northwest Territories'
}
# The postal abbreviations two countries share, as the table above gives them: WA (Washington,
# Western Australia) and NT (Northwest Territories, Northern Territory); every other one is one
# country's (QLD, NSW, VIC, TAS, ACT and SA are Australia's alone, the provinces' two letters
# are no US state's). A bare shared code is the majority's above only when nothing else in the
# affiliation says which: a postcode after it ("WA, 6009"), the town before it ("Perth, WA",
# "Yellowknife, NT"), or a country or state named in the address ("University of Western
# Australia, Crawley, WA"), else in the rest of the affiliation ("…, Perth, WA; Australia").
SHARED_CODES = {code for code in _BARE_CODES if sum(code in n.values() for n, _, _ in _OF) > 1}
# the towns (with their universities and hospitals) that write a shared code without a postcode
# or a country; only read to choose between the code's countries, so a town named like one
# elsewhere ("Bentley", "Crawley" in England, "Vancouver" in Canada) misleads nothing else
SHARED_CODE_TOWNS = {
    "WA": {
        "Australia": (
            "Perth", "Fremantle", "Crawley", "Nedlands", "Bentley", "Joondalup", "Murdoch",
            "Subiaco", "Shenton Park", "Bunbury", "Geraldton", "Kalgoorlie", "Broome",
        ),
        "United States": (
            "Seattle", "Spokane", "Tacoma", "Olympia", "Bellevue", "Redmond", "Everett",
            "Kirkland", "Renton", "Pullman", "Bellingham", "Yakima", "Walla Walla", "Richland",
            "Vancouver", "Bothell",
        ),
    },
    "NT": {
        "Australia": ("Darwin", "Casuarina", "Alice Springs", "Katherine", "Tiwi"),
        "Canada": ("Yellowknife", "Inuvik", "Hay River", "Fort Smith"),
    },
}  # fmt: skip
_POSTCODE_OF = {country: postcode for _, country, postcode in _OF}
# names that are places elsewhere too, taken only as a whole part of an address: "Victoria"
# names a university in Wellington and hospitals in the UK; "Jersey" is in "Jersey City, NJ"
WHOLE_PART_ONLY = {"Victoria", "Jersey"}
# Georgia, the country, is named after one of its cities ("Tbilisi, Georgia"); every other
# "Georgia" in an affiliation is the US state ("Atlanta, Georgia", "University of Georgia")
GEORGIAN_CITIES = re.compile(r"\b(?:Tbilisi|Batumi|Kutaisi|Rustavi|Zugdidi|Gori|Telavi|Poti)\b")

_NAMES = {name: name for name in COUNTRIES} | ALIASES
# longest first: "New Mexico" before "Mexico", "New South Wales" before "Wales"
_LONGEST_FIRST = sorted({*_NAMES, *REGIONS}, key=len, reverse=True)
_NAME_RE = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, _LONGEST_FIRST)) + r")(?!\w)")
_PART = re.compile(r"[^,;]+")
_EMAIL = re.compile(r"(?:\bElectronic address:)?\s*\S+@\S+")
_POSTCODE = re.compile(r"^\s*\d[\d -]*\s+|\s+(?:\d{4,5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)\s*$")


def affiliation_countries(affiliations: Iterable[str]) -> list[str]:
    """Countries of the affiliations, each once, in order of appearance: named ("Oslo, Norway",
    "Boston, MA, USA"), or the country of a state or province that ends an address instead
    ("Cincinnati, Ohio", "Atlanta, GA 30333", "Victoria, BC", "Melbourne, Victoria")."""
    found: list[str] = []
    for aff in affiliations:
        for address in aff.split(";"):
            for country in _address_countries(address, aff):
                if country not in found:
                    found.append(country)
    return found


def _clean(part: str) -> str:
    """A part of an address without an e-mail address after it and its full stop:
    'India. a@b.in.' -> 'India'."""
    return _EMAIL.sub("", part).strip().rstrip(".").strip()


def _bare(part: str) -> str:
    """A part of an address without its postcode (and what :func:`_clean` takes away):
    'GA 30333.' -> 'GA'."""
    return _POSTCODE.sub("", _clean(part)).strip()


def _shared_code_country(code: str, address: str, context: str) -> str:
    """Which country a bare shared postal code (:data:`SHARED_CODES`) is in: the one whose
    postcode follows it, else whose town stands before it, else the one named in the address,
    else in the rest of the affiliation; with no sign or signs for both, the majority's."""
    countries = [c for names, c, _ in _OF if code in names.values()]
    for country in countries:
        if re.search(rf"\b{code},?\s+{_POSTCODE_OF[country]}\b", address):
            return country
    for country in countries:
        towns = "|".join(SHARED_CODE_TOWNS.get(code, {}).get(country, ()))
        if towns and re.search(rf"\b(?:{towns})\W+{code}\b", address):
            return country
    for text in (address, context):
        named = {_NAMES.get(m.group(1)) or REGIONS[m.group(1)] for m in _NAME_RE.finditer(text)}
        signs = [c for c in countries if c in named]
        if len(signs) == 1:
            return signs[0]
    return _BARE_CODES[code]


def _region_country(bare: str) -> str:
    """The country of a part that is a state or province, by name or abbreviation ('' if none)."""
    return REGIONS.get(bare) or _BARE_CODES.get(bare, "")


# what opens the next address when an affiliation joins two without a ';' ("Limassol, Cyprus
# and University of Turku", "Aarhus, Denmark Department of …", "Algiers, Algeria - Institut …")
_NEXT_ADDRESS = re.compile(
    r"\s+[-–:]\s|\s*(?:and\b|&|\(|(?:Department|Dept|Division|Faculty|School|Institute|Centre|Center|Unit"
    r"|Laboratory|Programme|Program|College|University)\b)"
)


def _ends_address(part: str, m: re.Match[str]) -> bool:
    """Whether the country's name ``m`` ends an address in ``part``: it ends the part or a
    sentence in it ("Stockholm Sweden", "Exeter, UK. a@b.gr and …"), or it is the whole part
    before the next address ("Limassol, Cyprus and University of Turku"). A name that starts a
    longer name ("China Medical University", "Denmark Hill") or stands inside one ("Beth
    Israel Deaconess Medical Center") is an institution's or a street's, not the address's."""
    rest = part[m.end() :]
    if not rest.strip() or rest[0] in ".)":
        return True
    starts = part[: m.start()].strip().lower() in ("", "the")
    return starts and bool(_NEXT_ADDRESS.match(rest))


def _address_countries(address: str, context: str = "") -> list[str]:
    """The countries of the places one address names, in order; ``context``: the whole
    affiliation, read when a shared postal code (WA, NT) needs telling apart."""
    parts = [(m.start(), _bare(m.group()), m.group()) for m in _PART.finditer(address)]
    hits: list[tuple[int, str]] = []
    inside: list[tuple[int, str]] = []
    for i, (start, whole, part) in enumerate(parts):
        after = parts[i + 1][1] if i + 1 < len(parts) else ""
        # a place named like a country or a state that stands before a state is a town there
        # ("Lebanon, NH", "Victoria, BC", "Mexico, Missouri"); a state's name before another
        # country is a town there too ("Victoria, Seychelles")
        town = bool(_region_country(after))
        elsewhere = _NAMES.get(after, "")
        for m in _NAME_RE.finditer(part):
            name = m.group(1)
            if (name == whole and town) or (name in WHOLE_PART_ONLY and name != whole):
                continue
            if name in REGIONS and part[m.end() : m.end() + 1] == "-":
                continue  # "Maine-et-Loire" is in France
            country = _NAMES.get(name, "") or REGIONS[name]
            if name == "Georgia" and not GEORGIAN_CITIES.search(address):
                country = "United States"
            if name in REGIONS and elsewhere and elsewhere != country:
                continue
            # a state inside a longer name ("University of Queensland School of Medicine, New
            # Orleans, LA"), or a country's name that does not end its part ("Beth Israel
            # Deaconess Medical Center, Boston, MA", "China Medical University, Taichung,
            # Taiwan", "Niger Delta University, Nigeria": an institution's or a person's name),
            # is a weaker sign than the places the address ends with
            weak = name != whole if name in REGIONS else not _ends_address(part, m)
            (inside if weak else hits).append((start + m.start(), country))
        # with a postcode, the postcode's form says which country (_CODE_WITH_POSTCODE)
        alone = _clean(part) == whole
        if alone and whole in _BARE_CODES:
            country = _BARE_CODES[whole]
            if whole in SHARED_CODES:
                country = _shared_code_country(whole, address, context)
            if elsewhere in ("", country):
                hits.append((start, country))
    for pattern, country in _CODE_WITH_POSTCODE:
        hits += [(m.start(), country) for m in pattern.finditer(address)]
    named = {country for _, country in hits}
    hits += [(at, country) for at, country in inside if named <= {country}]
    return [country for _, country in sorted(hits)]
