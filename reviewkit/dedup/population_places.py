"""The countries, regions and ethnic groups a title names: a trial register splits a sponsor's
programme by them ('… in Japanese Patients' / '… in Chinese Patients', '… in the UK' / '… in
Canada'), and a report of each national or ethnic cohort is titled so. Each is a population
group for :mod:`populations` ('place:japan', 'ethnic:black'), under one name however written:
the country ('in Japan'), its people ('Japanese adults') and the names reviewkit.countries
reads in affiliations ('UK', 'England' and 'Great Britain' are the United Kingdom's).
"""

from __future__ import annotations

import re

from reviewkit.countries import ALIASES, COUNTRIES, REGIONS
from reviewkit.dedup.abbreviations import FUNCTION_WORDS
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
    # Central Asia's peoples, whose countries reviewkit.countries names: 'Chinese Kyrgyz' are a
    # people of China, not a 'Kyrgyz group' (an organisation's noun), and 'the Kyrgyz
    # Republic', 'Uzbek SSR', 'Afghan universities' name their countries (dedup44: 4 titles of
    # the ten sets and the snapshot). Not 'Mongolian': its gerbil (26 titles), medicine and
    # yak outnumber its people there.
    "afghan": "afghanistan", "afghans": "afghanistan", "kazakh": "kazakhstan",
    "kazakhs": "kazakhstan", "kyrgyz": "kyrgyzstan", "tajik": "tajikistan",
    "tajiks": "tajikistan", "turkmen": "turkmenistan", "uzbek": "uzbekistan",
    "uzbeks": "uzbekistan",
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
# A place's name or a people's word opening the name of a thing names no population: the
# names, folded, by kind. Counts are titles of the ten labelled sets and the PubMed snapshot.
_NAMES_OF_THINGS = (
    # a disease or its agent named for where it was first seen, met anywhere, where the word
    # after the place is no disease's noun (those are _DISEASES': 'Spanish flu', 'Asian flu')
    "middle east respiratory", "african swine",
    # a stain or dye
    "india ink", "indian ink", "congo red",
    # a breed or a parasite whose last word is no animal's noun (those are _ANIMALS' kind)
    "german shepherd", "german shepherds", "guinea worm",
    # a species whose country's name is no place of it or its keepers: read before the
    # keepers' words ('guinea pig handlers' are no Guinea's people: rd43e)
    "guinea pig", "guinea pigs", "norway rat", "norway rats",
    # the bird before a noun that is no animal's (its poults and hens are _ANIMALS'): the
    # country before a noun is rare ('in Turkey: a review' stays the country)
    "turkey coronavirus", "turkey astrovirus", "turkey astroviruses", "turkey embryo",
    "turkey embryos", "turkey breeder", "turkey breeders", "turkey meat", "turkey origin",
    # a code of football named for its country, played anywhere; 'football' alone is the
    # country's own game ('Swedish football players' are Sweden's: rd43e)
    "american football", "australian football", "canadian football",
    # a medicine system or a root used anywhere ('chinese medicine' 132)
    "chinese medicine", "chinese medicines", "korean red", "korean ginseng",
    "american ginseng", "indian ginseng",
)  # fmt: skip
_THINGS: dict[str, frozenset[str]] = {}
for _thing in _NAMES_OF_THINGS:
    _place, _, _word = _thing.rpartition(" ")
    _THINGS[_place] = _THINGS.get(_place, frozenset()) | {_word}
# A people's remedies are a therapy used anywhere, not that people: 'Chinese herbal medicine',
# 'Japanese Kampo', 'Iranian medicinal plants' (80 + 18 + 6 titles). Not 'medicine' alone:
# 'American medicine', 'Spanish medicine in the Golden Age' are a country's; 'Chinese
# medicine', the one system so named, is in _NAMES_OF_THINGS.
_REMEDIES = frozenset(["medicinal", "herbal", "herb", "herbs", "kampo"])
# A place's word right before a disease's noun names the disease, first seen there and met
# anywhere ('Spanish flu', 'Asian flu', 'German measles', 'Japanese encephalitis', 'Korean
# haemorrhagic fever', 'African trypanosomiasis')
_DISEASES = frozenset(
    [
        *("flu", "influenza", "fever", "encephalitis", "measles", "trypanosomiasis"),
        *("haemorrhagic", "hemorrhagic"),
    ]
)
# A people's word before these names a language, spoken in many countries ('Spanish-speaking',
# 'French speakers'): any language, a thing's place like the names above
_SPEAKING = frozenset(["speaking", "speaker", "speakers"])
# Any place's word before 'war' or 'famine' names the event ('Vietnam War', 'Korean War',
# 'Dutch famine'): its veterans are the countries' that fought it
_WAR = frozenset(["war", "wars", "famine", "famines"])
# A country's name (not its people's word) before these names the war fought there: 'Vietnam
# veterans', 'Iraq era', 'Korea veterans'; 'Korean veterans' are South Korea's own. Titles in
# English name their own country's veterans by its name ('US veterans', 'UK veterans').
_WAR_YEARS = frozenset(["veterans", "veteran", "era"])
_OWN_VETERANS = frozenset(["place:united states", "place:united kingdom"])
# A place's word before an animal's noun names a species, strain or breed kept anywhere
# ('Brown rats', 'Chinese hamster', 'Japanese quail'; dedup43: 18 rows replaced, 175 more titles
# of the ten sets and 47 of the snapshot), with at most one word between ('Japanese white
# rabbits', 'French dairy herds'): an animal is no population of people.
_ANIMALS = frozenset(
    [
        *("rat", "rats", "mouse", "mice", "hamster", "hamsters", "rabbit", "rabbits", "pig"),
        *("pigs", "piglets", "swine", "sow", "sows", "cattle", "cow", "cows", "calves"),
        *("heifers", "sheep", "ewes", "lambs", "goat", "goats", "horse", "horses", "ponies"),
        *("dog", "dogs", "bulldog", "bulldogs", "cat", "cats", "quail", "quails", "poult"),
        *("poults", "hens", "fowl", "fowls", "geese", "goose", "monkey", "monkeys", "macaque"),
        *("macaques", "primate", "primates", "baboon", "baboons", "langur", "starling"),
        *("starlings", "parrot", "parrots", "frog", "frogs", "toad", "toads", "newt", "eel"),
        *("eels", "catfish", "seabass", "flounder", "medaka", "lungfish", "cichlid", "badger"),
        *("badgers", "mink", "deer", "buffalo", "elephant", "elephants", "wolf", "wolves"),
        *("foxes", "holstein", "holsteins", "simmental", "lobster", "abalone", "oyster"),
        *("snail", "snake", "cockroach", "tarantula", "scorpion", "alligator", "honeybee"),
        *("herds", "flocks", "breed", "breeds", "strain", "strains"),
        # the plurals of the singular nouns above ('Australian snakes': rd43e)
        *("langurs", "newts", "cichlids", "lobsters", "oysters", "snails", "snakes"),
        *("cockroaches", "tarantulas", "scorpions", "alligators", "honeybees"),
        # social insects, whose species and breeds carry a place's name ('Argentine ants',
        # 'Italian bees', 'Asian hornets'; dedup44)
        *("bee", "bees", "bumblebee", "bumblebees", "ant", "ants", "wasp", "wasps"),
        *("hornet", "hornets", "termite", "termites"),
    ]
)
# A social insect's castes are the insects ('honeybee workers', 'ant queens'), not people who
# keep them (_WITH_ANIMALS' 'workers'): read so right after the insect's noun (dedup44)
_SOCIAL_INSECTS = frozenset(
    [
        *("honeybee", "honeybees", "bee", "bees", "bumblebee", "bumblebees", "ant", "ants"),
        *("wasp", "wasps", "hornet", "hornets", "termite", "termites"),
    ]
)
_CASTES = frozenset(["worker", "workers", "queen", "queens", "drone", "drones", "soldiers"])
# 'strain' is also a burden after who bears it ('Chinese caregiver strain', 'job strain'):
# a strain's place only right before it ('an Australian strain of ...'; rd43e)
_ANIMALS_AFTER_A_WORD = _ANIMALS - {"strain", "strains"}
# people who keep, breed, treat or study animals: 'Danish pig farmers', 'Australian snake
# taxonomists' (srsr), 'Dutch cattle veterinarians' are the place's people (rd43e)
_WITH_ANIMALS = frozenset(
    [
        *("farmers", "farmer", "owners", "keepers", "handlers", "workers", "breeders"),
        *("producers", "veterinarians", "vets", "researchers", "scientists", "taxonomists"),
        *("riders", "trainers", "hunters", "herders", "ranchers"),
    ]
)
# A place's word before an activity's or a diet's noun names it, practised anywhere ('Nordic
# walking', 'Swedish massage', 'Brazilian jiu-jitsu', 'Korean diet')
_ACTIVITIES = frozenset(["walking", "massage", "jiu", "sauna", "diet", "diets", "cuisine"])
# the words after any place's word that make it a thing's name
_NOUNS_OF_THINGS = _DISEASES | _REMEDIES | _SPEAKING | _WAR | _ANIMALS | _ACTIVITIES
# An organisation's or meeting's name holds its country's ('American Heart Association',
# 'European Society of Cardiology', '26th European Workshop on …'): who writes or meets, not
# who is studied. Its noun ends the name after at most two words; a noun that also names a
# people's life ('Chinese society', 'Korean college students') only right after the place
# word and before 'of', 'for' or 'on' ('American Society of Clinical Oncology').
_BODIES = frozenset(
    [
        *("association", "associations", "academy", "agency", "federation", "foundation"),
        *("institute", "council", "consortium", "congress", "conference", "workshop"),
        *("committee", "commission", "network", "organisation", "organization", "group"),
        *("society", "societies"),
    ]
)
_BODIES_BEFORE_OF = _BODIES | {"college", "journal"}
# A document bodies issue, right after two peoples joined ('German-Austrian guidelines for
# postexposure prophylaxis'): the issuers' places, both, as before a body's noun. One people
# before it stays a people ('Chinese guidelines for …' are for China's patients too), and so
# does a joined pair before anything else ('Italian-Israeli children'). Of 211,592 titles (ten
# sets, snapshot) one holds two peoples joined before such a noun (dedup45b: the German-Austrian
# guidelines, srsr).
_DOCUMENTS = frozenset(
    [
        *("guideline", "guidelines", "recommendation", "recommendations", "consensus"),
        *("statement", "statements", "standards", "criteria"),
    ]
)
_OF = frozenset(["of", "for", "on"])
_NAMED_SPAN = 2  # words between a place word and its organisation's noun
# A name holds no pronoun and no part's number: one between the place word and the body's noun
# stands after a sentence break the folding erased ('(Poland). Its history, organisation',
# 'Finland. IV. Associations with'; dedup43: 2 of the 306 titles of the ten sets and the
# snapshot the organisation reading took, none of the ten sets)
_NOT_IN_A_NAME = frozenset(["its", "their", "his", "her", "our", "this", "these", "we", "it"])
_PART_NUMBER = re.compile(r"\d+|[ivx]+")
# A colour names an ethnic group anywhere in a list of peoples before the word for people
# ('Black and Hispanic women', 'White, Black, and Asian adults'): up to this many words on
_LIST_SPAN = 6
# A place that may be within another: 'Georgia' is the US state ('in Georgia and West
# Virginia') as often as the country ('Tbilisi, Georgia'; countries.GEORGIAN_CITIES), and a
# title rarely says which: it overlaps the United States, so parts from neither (it still
# parts from Armenia). Read by populations.groups_apart as 'young people' overlaps its bands.
PLACE_SPANS: dict[str, frozenset[str]] = {"place:georgia": frozenset(["place:united states"])}
# A people of a country of immigrants named by its origin and that country's people word
# ('Mexican-American', 'French-Canadian', 'Asian Americans'; the hyphen folded away): one
# ethnic group of that country, as 'African American' is (_PAIRS), not two countries. Its
# group names both ('ethnic:mexico in united states'): it parts from the origin's own people
# ('Mexican children', 'the French version') and from another origin's, and, a people within
# its country, it overlaps that country's name, as Georgia does ('… in the US' on one side).
# Not the two countries of immigrants with each other: 'Canadian-American' is a border or a
# joint study, and 'Canadian, American and European guidelines' a list (the comma folded
# away). Of 211,587 titles (ten sets, snapshot) 17 change reading, each to one people.
_PEOPLES_OF = {
    "american": "united states", "americans": "united states",
    "canadian": "canada", "canadians": "canada",
}  # fmt: skip
_OF_ORIGIN = " in "
PLACE_SPANS |= {
    f"ethnic:{origin}{_OF_ORIGIN}{country}": frozenset([f"place:{country}"])
    for origin in _PEOPLES.values()
    for country in _PEOPLES_OF.values()
    if origin not in _PEOPLES_OF.values()
}
# A thing's place is still a group of its own ('named:' and the place's group): it tells the
# thing from the one named for another place (African / American trypanosomiasis, Korean /
# American ginseng, two countries' societies) but parts no population (populations.py).
NAMED = "named:"
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


def _names_a_thing(
    words: list[str], i: int, n: int, group: str, people: frozenset[str], joined: bool = False
) -> bool:
    """Whether the place word(s) ``words[i:i+n]``, read as ``group``, open the name of a thing
    (a disease, a stain, a species or breed, an activity, a remedy, a language, a war, an
    organisation or its document: :data:`_NAMES_OF_THINGS`), not a population. ``joined``:
    another place's word stands right before (:data:`_DOCUMENTS`)."""
    after = words[i + n : i + n + _NAMED_SPAN + 1]
    if not after:
        return False
    if after[0] in _THINGS.get(" ".join(words[i : i + n]), ()):
        return True
    if _keeps_animals(after, people):
        return False
    war_word = _after_countries(words, i + n)
    if after[0] in _NOUNS_OF_THINGS or _names_a_war(words[i : i + n], war_word, group):
        return True
    # one word between, a colour too: 'japanese white rabbits', 'french dairy herds'
    if (
        after[1:2]
        and after[1] in _ANIMALS_AFTER_A_WORD
        and not (after[0] in people or after[0] in FUNCTION_WORDS)
    ):
        return True
    return _names_a_body(words, i + n, group, people, joined)


def _names_a_body(
    words: list[str], j: int, group: str, people: frozenset[str], joined: bool = False
) -> bool:
    """Whether the words from ``words[j]``, after a place word, end an organisation's or a
    meeting's name (:data:`_BODIES`): its noun within :data:`_NAMED_SPAN` words, or right
    before 'of', 'for' or 'on'. A place word joined right after opens the same name: two peoples
    joined before a body ('Italian-Israeli consensus conference', 'Nordic-European workshop')
    name the body's places, both, not the first as a people; the folding erased the hyphen, and
    of 211,587 titles (ten sets, snapshot) only those two hold two places side by side before a
    body's noun. The same place twice is no pair but a sentence break ('seven centres of
    Pakistan. Pakistan Medical Research Council …'): there the first is the studied place. ``joined``:
    another place's word stands before ``group``'s, and a document's noun (:data:`_DOCUMENTS`)
    right after names the issuers' places."""
    after = words[j : j + _NAMED_SPAN + 1]
    if not after:
        return False
    if after[0] in _BODIES_BEFORE_OF and after[1:2] and after[1] in _OF:
        return True
    if joined and after[0] in _DOCUMENTS:
        return True
    partner, m = _group_at(words, j, people)
    if partner and partner[0].startswith("place:") and partner[0] != group:
        return _names_a_body(words, j + m, partner[0], people, joined=True)
    for k, word in enumerate(after):
        if word in people or word in FUNCTION_WORDS or word in _OPENERS:
            return False
        if word in _NOT_IN_A_NAME or _PART_NUMBER.fullmatch(word):
            return False
        if k and word in _BODIES:
            return True
    return False


def _keeps_animals(after: list[str], people: frozenset[str]) -> bool:
    """Whether the words after a place word name people who keep, breed, treat or study
    animals, or other people ('Danish pig farmers', 'Swiss dairy cattle owners', 'Indian snake
    bite patients'): the place's people, not a breed."""
    if any(a in _SOCIAL_INSECTS and b in _CASTES for a, b in zip(after, after[1:3], strict=False)):
        return False
    return any(w in _WITH_ANIMALS or w in people for w in after[1:3]) and any(
        w in _ANIMALS for w in after[:2]
    )


def _names_a_war(name: list[str], word: str, group: str) -> bool:
    """Whether a place's ``name`` before ``word`` names the war fought there: a country's name,
    not its people's word, before 'veterans' or 'era' (:data:`_WAR_YEARS`)."""
    if word not in _WAR_YEARS or group in _OWN_VETERANS:
        return False
    return any(tuple(name) == words for words, _ in _COUNTRY_NAMES.get(name[0], ()))


def _country_name_at(words: list[str], j: int) -> int:
    """The length in words of a country's name (not its people's word) at ``words[j]``; 0."""
    for name, _ in _COUNTRY_NAMES.get(words[j] if j < len(words) else "", ()):
        if tuple(words[j : j + len(name)]) == name:
            return len(name)
    return 0


def _after_countries(words: list[str], j: int) -> str:
    """The word after a list of countries' names that goes on at ``words[j]`` ('and iraq era
    veterans' -> 'era'; commas are folded away: 'iraq afghanistan and vietnam'), or
    ``words[j]`` itself: every country of 'Afghanistan and Iraq era veterans' names the war
    fought there, as the last one does (dedup44)."""
    while j < len(words):
        k = j + 1 if words[j] in ("and", "or") else j
        length = _country_name_at(words, k)
        if not length:
            break
        j = k + length
    return words[j] if j < len(words) else ""


def place_groups(words: list[str], people: frozenset[str]) -> set[str]:
    """The countries, regions and ethnic groups the folded ``words`` of a title name, as
    population groups: 'in japanese patients' and 'in japan' -> {'place:japan'}; 'black
    women' -> {'ethnic:black'}; 'white matter' names none; 'chinese hamster' and 'american
    heart association' name the place of a thing (:data:`NAMED` 'place:china', ...:
    :func:`_names_a_thing`), no population. ``people`` are the words for people after which
    'white' and 'black' name an ethnic group."""
    groups: set[str] = set()
    if _OPENERS.isdisjoint(words):
        return groups
    i, before = 0, ""  # before: the group read right before words[i]
    while i < len(words):
        group, n = _group_at(words, i, people)
        joined = bool(group) and _two_places(before, group[0])
        thing = bool(group) and _names_a_thing(words, i, n, group[0], people, joined)
        groups.update(NAMED + g if thing else g for g in group)
        before = group[0] if group else ""
        i += n
    return groups


def _two_places(before: str, group: str) -> bool:
    """Whether ``group`` and the group read right before it are two places (not one place
    twice, which is a sentence break: :func:`_names_a_body`)."""
    return before.startswith("place:") and group.startswith("place:") and before != group


def _group_at(words: list[str], i: int, people: frozenset[str]) -> tuple[tuple[str, ...], int]:
    """The groups the name at ``words[i]`` gives and its length in words (1 with none)."""
    word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
    if (word, nxt) in _PAIRS:
        return (_PAIRS[word, nxt],), 2
    for name, country in _COUNTRY_NAMES.get(word, ()):
        if tuple(words[i : i + len(name)]) == name:
            return ("place:" + country,), len(name)
    if word in _PEOPLES:
        origin, country = _PEOPLES[word], _PEOPLES_OF.get(nxt, "")
        if country and origin not in _PEOPLES_OF.values():
            return (f"ethnic:{origin}{_OF_ORIGIN}{country}",), 2
        return ("place:" + origin,), 1
    if word in _ETHNIC:
        return ("ethnic:" + _ETHNIC[word],), 1
    if word in _COLOURS and _lists_peoples(words[i + 1 : i + 1 + _LIST_SPAN], people):
        return ("ethnic:" + word,), 1
    return (), 1


def _lists_peoples(after: list[str], people: frozenset[str]) -> bool:
    """Whether the words after a colour list peoples up to a word for people: 'women', 'and
    white women', ', hispanic and asian adults' (commas folded away), not 'and white matter'."""
    for word in after:
        if word in people:
            return True
        if word not in _OPENERS and word not in ("and", "or"):
            return False
    return False
