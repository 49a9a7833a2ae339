"""The countries, regions and ethnic groups a title names: a trial register splits a sponsor's
programme by them ('… in Japanese Patients' / '… in Chinese Patients', '… in the UK' / '… in
Canada'), and a report of each national or ethnic cohort is titled so. Each is a population
group for :mod:`populations` ('place:japan', 'ethnic:black'), under one name however written:
the country ('in Japan'), its people ('Japanese adults') and the names reviewkit.countries
reads in affiliations ('UK', 'England' and 'Great Britain' are the United Kingdom's).
"""

from __future__ import annotations

from reviewkit.countries import ALIASES, COUNTRIES, REGIONS
from reviewkit.records import normalise_title

# The adjective a title writes for a country's people, folded, with the country it names. A
# language is written the same ('the Chinese version of …'): another language's version of a
# scale is another work too.
_PEOPLES = {
    "japanese": "japan", "chinese": "china", "korean": "south korea", "koreans": "south korea",
    "taiwanese": "taiwan", "thai": "thailand", "vietnamese": "vietnam", "malaysian": "malaysia",
    "indonesian": "indonesia", "filipino": "philippines", "filipinos": "philippines",
    "singaporean": "singapore", "indian": "india", "indians": "india",
    "pakistani": "pakistan", "bangladeshi": "bangladesh", "nepalese": "nepal",
    "nepali": "nepal", "iranian": "iran", "iranians": "iran", "iraqi": "iraq",
    "turkish": "turkey", "saudi": "saudi arabia", "israeli": "israel", "israelis": "israel",
    "egyptian": "egypt", "moroccan": "morocco", "nigerian": "nigeria", "ghanaian": "ghana",
    "kenyan": "kenya", "ugandan": "uganda", "tanzanian": "tanzania", "ethiopian": "ethiopia",
    "rwandan": "rwanda", "malawian": "malawi", "zambian": "zambia", "zimbabwean": "zimbabwe",
    "canadian": "canada", "canadians": "canada", "mexican": "mexico", "mexicans": "mexico",
    "brazilian": "brazil", "brazilians": "brazil", "argentine": "argentina",
    "argentinian": "argentina", "chilean": "chile", "colombian": "colombia",
    "peruvian": "peru", "american": "united states", "americans": "united states",
    "british": "united kingdom", "scottish": "united kingdom", "welsh": "united kingdom",
    "irish": "ireland", "french": "france", "german": "germany", "germans": "germany",
    "italian": "italy", "italians": "italy", "spanish": "spain", "portuguese": "portugal",
    "dutch": "netherlands", "belgian": "belgium", "swiss": "switzerland",
    "austrian": "austria", "swedish": "sweden", "norwegian": "norway", "danish": "denmark",
    "finnish": "finland", "icelandic": "iceland", "polish": "poland", "czech": "czech republic",
    "hungarian": "hungary", "greek": "greece", "russian": "russia", "ukrainian": "ukraine",
    "romanian": "romania", "bulgarian": "bulgaria", "serbian": "serbia", "croatian": "croatia",
    "australian": "australia", "australians": "australia",
    # regions: a report of the European and the Asian cohort of one trial
    "european": "europe", "europeans": "europe", "asian": "asia", "asians": "asia",
    "african": "africa", "africans": "africa", "scandinavian": "scandinavia",
    "nordic": "scandinavia", "arab": "arab countries",
}  # fmt: skip
# Ethnic groups, by the words for them; 'white' and 'black' only before a word for people
# (not 'white matter', 'black box'), as an age word is read (populations._PEOPLE).
_ETHNIC = {
    "caucasian": "white", "caucasians": "white", "hispanic": "hispanic",
    "hispanics": "hispanic", "latino": "hispanic", "latinos": "hispanic",
    "latina": "hispanic", "latinas": "hispanic",
}  # fmt: skip
_COLOURS = frozenset(["white", "black"])
# Two words naming one people or region, read before either word alone: 'African Americans'
# are an ethnic group of the United States, 'Latin America' and 'North America' are regions,
# 'American Indians' a people of it, not India's.
_PAIRS = {
    ("african", "american"): "ethnic:black", ("african", "americans"): "ethnic:black",
    ("latin", "america"): "place:latin america", ("latin", "american"): "place:latin america",
    ("north", "america"): "place:north america", ("north", "american"): "place:north america",
    ("south", "america"): "place:south america", ("south", "american"): "place:south america",
    ("american", "indian"): "ethnic:american indian",
    ("american", "indians"): "ethnic:american indian",
    ("middle", "east"): "place:middle east", ("middle", "eastern"): "place:middle east",
    # a people of one country whose last word alone is another's
    ("north", "korean"): "place:north korea", ("north", "koreans"): "place:north korea",
    ("northern", "irish"): "place:united kingdom",
    ("central", "america"): "place:central america",
    ("central", "american"): "place:central america",
    ("native", "american"): "ethnic:american indian",
    ("native", "americans"): "ethnic:american indian",
}  # fmt: skip
# A country's name that is also a word of a medical title: 'guinea pigs'
_NOT_THE_COUNTRY = {"guinea": ("", "pig")}
# A state, province or region whose name holds a country's ('New Mexico', 'New South Wales',
# 'New Jersey'; countries.REGIONS) is read as its own country, not as the one it holds. New
# England, six states of the United States, is no region of an affiliation.
_NAMED_FOR_A_COUNTRY = {"New England": "United States"} | {
    name: country
    for name, country in REGIONS.items()
    if " " in name and any(word in {*COUNTRIES, *ALIASES} for word in name.split())
}


def _fold(name: str) -> tuple[str, ...]:
    return tuple(normalise_title(name).split())


# every name of a country (and of a state named for one), folded ('u k', 'cote d ivoire'), by
# its first word, longest first
_COUNTRY_NAMES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _name, _country in sorted(
    {**{c: c for c in COUNTRIES}, **ALIASES, **_NAMED_FOR_A_COUNTRY}.items(),
    key=lambda kv: -len(kv[0]),
):
    _words = _fold(_name)
    _words = _words[1:] if _words[0] == "the" else _words  # 'the netherlands': 'netherlands'
    _COUNTRY_NAMES.setdefault(_words[0], []).append((_words, " ".join(_fold(_country))))
# every word a group's name can open with: most titles hold none, and are read no further
_OPENERS = frozenset([*_COUNTRY_NAMES, *_PEOPLES, *_ETHNIC, *_COLOURS, *(a for a, _ in _PAIRS)])


def _not_the_country(words: list[str], i: int) -> bool:
    before, after = _NOT_THE_COUNTRY.get(words[i], (None, None))
    if before is None:
        return False
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return (bool(before) and prev == before) or (bool(after) and nxt.startswith(after))


def place_groups(words: list[str], people: frozenset[str]) -> set[str]:
    """The countries, regions and ethnic groups the folded ``words`` of a title name, as
    population groups: 'in japanese patients' and 'in japan' -> {'place:japan'}; 'black
    women' -> {'ethnic:black'}; 'white matter' names none. ``people`` are the words for
    people after which 'white' and 'black' name an ethnic group."""
    groups: set[str] = set()
    if _OPENERS.isdisjoint(words):
        return groups
    i = 0
    while i < len(words):
        word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        if (word, nxt) in _PAIRS:
            groups.add(_PAIRS[word, nxt])
            i += 2
            continue
        for name, country in _COUNTRY_NAMES.get(word, ()):
            if tuple(words[i : i + len(name)]) == name and not _not_the_country(words, i):
                groups.add("place:" + country)
                i += len(name)
                break
        else:
            if word in _PEOPLES:
                groups.add("place:" + _PEOPLES[word])
            elif word in _ETHNIC:
                groups.add("ethnic:" + _ETHNIC[word])
            elif word in _COLOURS and nxt in people:
                groups.add("ethnic:" + word)
            i += 1
    return groups
