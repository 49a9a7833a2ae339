"""Pairs that must stay apart, by kind (issue 14, dedup39), written under the catalogue of
results/dedup-heldout.md. Not named ``bench_*``: ``python -m benchmarks`` does not run it.

Each kind has hand-made records in tests/dedup/test_kept_apart.py, shaped as exports write
them, with the true copy beside it that must still merge.
"""

from __future__ import annotations

APART_KINDS = (
    "## Pairs that must stay apart",
    "",
    "Kinds of pair a careless rule merges, as the held-out sets will hold them: hand-made",
    "records in each shape an export gives them (full place, no page, journal only, a bare",
    "title), run through keys + `match` and once through `reviewkit import` + `reviewkit",
    "dedup` (tests/dedup/test_kept_apart.py). 'before' is main at 2196b977, 'after' this",
    "branch. The ten labelled sets' figures (missed, false merges, queue) and every rule's"
    " tally are unchanged on every set (`DEDUP_BENCH_CACHED_ONLY=1 python -m benchmarks"
    " dedup`, niced, load 9.1 on 2 cores; depression 27.5 CPU s, 498 MB): neither new rule"
    " decides a pair of the ten sets' full records. Stress rows: dedup-stress.md (dedup39).",
    "",
    "| kind | shapes | before | after | why |",
    "|---|---|---|---|---|",
    "| parts of a series: 'Part 1' / 'Part 2', 'I' / 'II', 'one' / 'two', '(Part 1)' | one"
    " issue with pages, no page, journal only, bare title | queued (title_numbers_differ,"
    " title_word_swapped, title_only_record) or apart | unchanged | numbers standing as words"
    " name parts; a person sees the rest |",
    "| a short title a journal prints every year: 'Standards of Medical Care in Diabetes'"
    " 2019 / 2020 | journal and authors, no volume or page, no DOI | **merged**"
    " (biblio_match) | queued, `year_apart_no_place` | a short title (under LONG_TITLE, 40"
    " folded characters), years one apart, nothing that fixes the place: a person |",
    "| the same under a long title: a guideline's update a year on ('Guidelines for the"
    " management of atrial fibrillation'), a trial's protocol and results in BMJ Open a year"
    " apart, exported without volume or DOI | journal and authors only | merged"
    " (biblio_match) | unchanged: not built | the stress rows hold the true kind of that"
    " shape: two databases' online-first copies of one article, neither with a volume, dated"
    " the online and the print year (a_no_doi, srsr: Biol Psychiatry, J Infect, BBA, 3 true"
    " pairs the first form of the rule queued); no false merge of the kind on the ten sets"
    " or their 130 stress rows |",
    "| one record with a volume, the later without (ADA 2019 42 / 2020) | journal, one"
    " volume | merged (biblio_match) | unchanged: not built | the ten sets hold true pairs of"
    " that shape (depression Front Pharmacol 2015 6:319 / 2016; srsr Minerva Stomatol 2013"
    " 62:39-58 / 2014): an online-first copy is dated either side of print |",
    "| an annual report or a guideline under one title, years apart | report, bare title |"
    " queued (title_only_record) or apart | unchanged | a bare title never merges |",
    "| a trial's protocol and its results under one title, two years or more apart, or with"
    " e-locators | BMJ Open; Trials / another journal | queued (biblio_partial) | unchanged |"
    " years two apart conflict; e-locators differ |",
    "| a trial's main paper and a later report: '…: a post hoc analysis', '…: 5-year"
    " follow-up', '… - long-term results', '…: an economic evaluation' | one journal and"
    " year, no page | **merged** (biblio_match: a dropped subtitle) | queued,"
    " `another_report_no_page` | a subtitle naming another report of the study; a dropped"
    " subtitle naming none ('…: a randomised trial') still merges, nor one whose report"
    " phrase stands after its own design ('…: a safety study with 18 months of follow-up',"
    " '…: a systematic review and economic evaluation': the phrase must open the subtitle,"
    " rd39h; 136 of the ten sets' 194 distinct subtitles with a phrase open with one) |",
    "| the main paper and its secondary analysis with pages | two volumes, two ranges |"
    " queued (biblio_partial) | unchanged | pages decide |",
    "| two abstracts of one team in one supplement ('efficacy' / 'safety', '6-month' /"
    " '12-month', 'men' / 'women') | consecutive pages; no page | queued (title_word_swapped,"
    " title_numbers_differ) or apart | unchanged | one abstract in two databases still"
    " merges |",
    "| a commentary repeating its article's title (Evid Based Nurs, ACP Journal Club 'JC45',"
    " the same issue) | other author, other place or no page | apart or queued"
    " (biblio_partial) | unchanged | authors and place differ |",
    "| two registrations one word apart: age group (Pediatric / Adult, Children /"
    " Adolescents, Older / Younger), sex (Men / Women, Boys / Girls), country (Kenya /"
    " Uganda), arm (Sertraline / Placebo), dose, Type 1 / Type 2, Inpatients / Outpatients |"
    " bare title, the register's name, two NCT numbers | apart (population_differs,"
    " registration_numbers); Older / Younger and Inpatients / Outpatients queued"
    " (title_only_record) | unchanged | a bare title never merges; a population word keeps"
    " two apart |",
    "| reports or registrations of one programme split by country or ethnic group ('… in"
    " Japanese patients' / '… in Chinese patients', 'in the UK' / 'in Canada', Black / White"
    " women; dedup41) | journal, year and authors, no page; bare title | queued"
    " (title_word_swapped) or apart | apart (population_differs) | the ten sets hold no two"
    " titles differing only in such a word (0 joined, 0 apart); the same country written two"
    " ways ('Japan' / 'Japanese', 'UK' / 'England') is one group, so one report's copies merge |",
    "| 'young people' against 'adolescents' or 'young adults' (dedup41) | bare title; journal"
    " record | apart (population_differs) | queued or apart on the title, as two bare titles"
    " alike | 'young people' spans both bands (WHO 10-24; UK 16-25), so it parts from neither;"
    " the ten sets hold no such pair |",
    "| 'youth' against 'young adults' (rd41h) | journal record | apart (population_differs) |"
    " queued (title_word_swapped) | youth are 15-24 (UN, WHO), as 'young people' span both"
    " bands; against children or older people still apart; the ten sets hold no title pair"
    " with 'youth' beside another age word (52 titles' reading moves, none in a true pair) |",
    "| a state whose name holds a country's: 'in New Mexico' / 'in Mexico', 'in New South"
    " Wales' / 'in Wales'; 'North Korean' / 'South Korean', 'Central American' (rd41h) |"
    " journal, year and authors, no page | **merged** (biblio_match: one country read) |"
    " apart (population_differs) | countries.REGIONS' states named for a country, and New"
    " England, are their own country's; 6 titles of the ten sets read otherwise, none in a"
    " true pair |",
    "| two registrations without a number (a register's search address), a country or"
    " ethnic group named in one title only ('… in Japanese adults' / '… in adults'; dedup42)"
    " | register's address, no number | apart (registration_numbers: groups unequal) |"
    " queued (registration_numbers) | a Japan study beside its global one, or one"
    " registration exported with and without its country: the title cannot tell, so a"
    " person does, as for bare titles (populations.groups_apart); two countries, or an age"
    " group, sex or arm on one side, still apart. The ten sets hold no registration |",
    "| place words opening the name of a thing: a disease ('German measles', 'Spanish"
    " flu'), a stain ('India ink'), a species or breed ('Chinese hamster', 'Swiss mice',"
    " 'turkey poults'), a remedy ('Chinese herbal medicine'), an organisation or meeting"
    " ('American Heart Association'), a war; 'Georgia' (US state or country); 'Black and"
    " White women' (dedup42) | the reading (population_words) | read as the country (Black"
    " and White: White only) | no population: the thing's place (named:) parts only another"
    " thing's (African / American trypanosomiasis, Korean / American ginseng: rd42c); Georgia"
    " overlaps the United States; both colours (rd42c: any place before a disease's noun,"
    " any language '<people>-speaking', any '<place> War', a colour anywhere in a list of"
    " peoples) |"
    " the readings of 711 titles of the ten sets move (srsr 358, depression 279, respiratory"
    " 23, neuroimaging 15, cytology 10, diabetes 6, cardiac 6, digital_work 5, stroke 5,"
    " haematology 4) and 149 of the PubMed snapshot's 50,788; of the 4,058 candidate pairs"
    " they touch, no verdict moves on any set; read as the thing's place (rd42c: 1,940 titles"
    " of the ten sets), no verdict moves either; the disease, language, war and colour"
    " readings move 4 titles (srsr's 'Malta fever' twice, depression's 'Argentine"
    " hemorrhagic fever', haematology's 'German speaking countries') and no verdict |",
    "| animals, strains, breeds and activities named for a place ('Norway rats', 'Japanese"
    " white rabbits', 'Guinea pigs', 'Nordic walking', 'Swedish massage', 'Korean diet');"
    " veterans and eras of a war ('Vietnam veterans', 'Iraq era') beside a people's own"
    " ('Korean veterans') (dedup43) | the reading (population_words) | read as the country"
    " (rows for some: 'chinese hamster', 'swiss mice', 'vietnam veterans') | a place's word"
    " before an animal's or an activity's noun (one word between: 'japanese white"
    " rabbits') names a thing; a country's name before 'veterans' or 'era' the war; 18 rows"
    " replaced | the readings of 175 titles of the ten sets move (depression 105, srsr 65,"
    " stroke 3, neuroimaging 2) and 47 of the snapshot, every move a place read as a thing's;"
    " of the 666 candidate pairs they touch, no verdict moves on any set. The organisation"
    " reading took 306 titles (ten sets 222, snapshot 84), 3 falsely: a pronoun or part"
    " number between now ends the name (2 snapshot titles move back to their people, none of"
    " the ten sets); 'Chinese Kyrgyz group' (an ethnic group) stays. A cooperative group's"
    " trial still does not part from its country's patients: of the 138 candidate pairs of a"
    " thing's place against a people, none is a copy (137 apart by title, 1 queued) |",
    "| people who keep, breed, treat or study animals after the animal's noun ('Australian"
    " snake taxonomists', srsr; 'Dutch cattle veterinarians'); 'strain' after what bears it"
    " ('Chinese caregiver strain'); a country's own football ('Swedish football players')"
    " (rd43e, reading dedup43) | the reading (population_words) | read as the animal's or"
    " the activity's place, parting from no people | the place's people; 'strain' a thing's"
    " place only right after the place word; only American, Australian and Canadian football"
    " are sports' names; 'guinea pig(s)' and 'Norway rat(s)' rows again (not Guinea's"
    " handlers) | 5 titles move (srsr 2, depression 1, snapshot 2); the 3 moved records of"
    " the ten sets against every record of their set sharing over 12% of their title's"
    " words (14,541 pairs): no verdict moves |",
    "| Central Asia's peoples ('Chinese Kyrgyz group', 'Uzbek SSR', 'Afghan universities');"
    " a list of countries before 'veterans' or 'era' ('US Afghanistan and Iraq era"
    " veterans'); a social insect's castes ('American honeybee workers', 'Argentine ant"
    " queens') (dedup44) | the reading (population_words) | no people, or an organisation"
    " ('Kyrgyz group'); Afghanistan a people beside Iraq's war; the keepers' place | the"
    " peoples name their countries ('Mongolian' left out: its gerbil, 26 titles, its"
    " medicine and yak outnumber its people); every country of the list names the war; the"
    " castes (and social insects' species: 'East African ant symbionts') a thing's place |"
    " 7 of 211,587 titles move (neuroimaging 2, srsr 1, depression 1, snapshot 3), each read"
    " right; the 4 moved records of the ten sets against every record of their set sharing"
    " over 12% of their title's words (6,816 pairs): no verdict moves. 'Danish Diet, Cancer"
    " and Health' (a cohort's name read as a diet's place) is in none of the 211,587 titles:"
    " no kind to measure, left |",
    "| two peoples joined before a meeting's or a body's noun ('Italian-Israeli consensus"
    " conference', 'Nordic-European workshop on'; the hyphen folded away) (q44h) | the"
    " reading (population_words) | the first word a people, the second the body's place |"
    " both the body's places; the same place twice is a sentence break ('… of Pakistan."
    " Pakistan Medical Research Council'), the first still the studied place | 2 of 211,587"
    " titles move (neuroimaging 1, srsr 1), each read right: the only 2 of the 33 hyphenated"
    " pairs of two places in those titles before a body's noun (the others: 'African-American"
    " women', 'Mexican-American', 'Thai-Myanmar border' …, unchanged); no unhyphenated pair"
    " before a body's noun. The 2 moved records against every record of their set sharing"
    " over 12% of their title's words (1,173 pairs): no verdict moves; every set's figures"
    " and rule tallies unchanged |",
    "| a people of a country of immigrants named by its origin and that country's word"
    " ('Mexican-American', 'French-Canadian', 'Asian Americans', 'European Americans'; the"
    " hyphen folded away) (q44l) | the reading (population_words) | two countries (Mexico and"
    " the United States) | one ethnic group of that country ('ethnic:mexico in united"
    " states'), as 'African American' is: it parts from the origin's own people ('Mexican"
    " women', 'the French version') and from another origin's, and overlaps its country's"
    " name; Canadian and American with each other stay two countries (a border, a list:"
    " 'Canadian, American and European guidelines') | 17 of 211,587 titles move"
    " (neuroimaging 1, srsr 4, snapshot 12), each read right ('Iranian and Arab Americans':"
    " Iranian still Iran's, the shared noun elided); the 5 moved records of the ten sets"
    " against every record of their set sharing over 12% of their title's words (83,440"
    " pairs): no verdict moves; every set's figures and rule tallies unchanged |",
    "| two peoples joined before a document's noun ('German-Austrian guidelines for"
    " postexposure prophylaxis of HIV infection'; guideline, recommendation, consensus,"
    " statement, standards, criteria) (dedup45b) | the reading (population_words) | two"
    " peoples studied | the issuers' places, both, as before a body's noun (q44h); one people"
    " before a document stays a people ('Chinese guidelines for …' are for China's patients)"
    " | 1 of 211,592 titles (181,224 distinct) moves (srsr), read right: of the 41 runs of"
    " two places side by side in those titles, the only one before a document's noun. The"
    " moved record against every record of srsr sharing over 12% of its title's words (138"
    " pairs): no verdict moves (all title_differs) |",
    "| letters of other writers printed side by side under one title in one issue (NEJM,"
    " BMJ, BJP, Fertil Steril, J Pediatr, MJA correspondence; found by the distinct probe,"
    " dedup47b) | full place, one page or the next, with or without the DOIs | **merged**"
    " (same_title_and_place, biblio_match, biblio_match_doi_differs) | queued,"
    " `other_writers_one_issue` | no surname in common (authors_apart, and no surname of one"
    " list alike any of the other's first ten: names.one_surname, rd47f); asked only where a later rule would merge"
    " (rules.before_a_merge: nothing apart is queued); not for one range of three pages or more"
    " on both (one printed item: cytology's paper under its writing group and its chair). One"
    " letter's two copies keep its writers and merge. 'Sturgis' / 'Studd, Thom' (one first"
    " two letters, which authors_apart reads as one list) merged until rd47f and dedup47c: both lists"
    " read name by name with no surname alike go to a person (rd47f, other_writers_one_issue),"
    " and the first surnames are compared whole (dedup47c, unplaced.first_authors_alike: two"
    " letters and names.may_be_one_surname); no pair of the ten sets moves |",
    "| one author's two papers one after the other in one issue under one title (263-267 /"
    " 269-276; the distinct probe, dedup47c) | full place, two whole ranges | **merged**"
    " (same_issue_other_page) | queued (biblio_partial) | two whole ranges of one width that"
    " share no page and differ in length (rules_bibliographic.two_printed_ranges) are no page"
    " slip: a slip keeps the overlap ('130-134' / '128-132'), the end ('177-259' / '181-259')"
    " or the length ('640-647' / '648-655'), digits lost ('28-34') are not compared. The ten"
    " sets hold 2 true pairs of the shape (depression: van Praag 1969 151-160 / 186-188,"
    " Reynafarje 1968 472-474 / 475-485), queued now: the shape is ambiguous, a person |",
    "| one title on two neighbouring lone pages of one issue ('60' / '61', '483' / '484': one"
    " author's meeting abstracts; dedup47c) | full place, one page each | **merged**"
    " (biblio_match: a two-digit page may be a page count; page_typo) | queued,"
    " `one_page_each_one_issue` | two one-page items side by side or one slipped page: a"
    " person. Lone pages far apart stay merged: on the ten sets they are one item's garbled"
    " page (depression '13' / '1710', '62' / '19', srsr '43' / '54'; the first form, for any"
    " two lone pages, queued the 2 depression pairs); no pair of the ten sets has neighbouring"
    " lone pages of one issue among the pairs the rules merge |",
    "| one title in two issues of one volume on other first pages, one a lone two-digit page"
    " or page 1 (a column's instalments, 'Tic 38(7) 11' / '38(9) 5'; a comment in the next"
    " issue; dedup47c) | full place | **merged** (biblio_match: a weak page is no conflict)"
    " | queued, `issues_differ_no_page` | a weak page places nothing, so the two issues"
    " decide as for a pair without a page; one first page on both still merges (depression"
    " N Z Vet J 47, issues 4 / 20, a true pair); no pair of the ten sets moves |",
    "| errata side by side: unsigned notices under one heading on one page ('Correction.' x3,"
    " 'Department of Error.' x2), signed errata of one article on pages 730 / 731 / 732, two"
    " errata under two DOIs at one place, two replies of one article on other pages"
    " (dedup47b) | full place, no author, no DOI or two DOIs | **merged** (biblio_match,"
    " biblio_match_doi_differs, same_issue_other_page) | unsigned: queued,"
    " `unsigned_notices_one_issue`; signed on other pages and under two DOIs: queued or apart"
    " | two notices' pages are compared strictly (a lone page is no page count and a page one"
    " digit off is no slip: a journal prints its errata one to a page), same_issue_other_page"
    " and biblio_match_doi_differs leave two notices alone; the citation cannot tell an"
    " unsigned notice from its copy, so a person |",
    "| an erratum titled as its article, no heading, one issue and authors (Cell Stem Cell"
    " 1148-1159.e8 / 1177-1180, EMBO Rep e51857 / e53112; the distinct probe, rd47f) | full"
    " place, the erratum typed 'Published Erratum' | **merged** (same_issue_other_page) |"
    " apart; queued against a record without types or a page, `typed_notice_and_article` |"
    " the publication type says notice where the title does not; a notice has a page of its"
    " own, so one first page is its two copies (merged), and a title that says notice is"
    " left to the notice rules |",
    "| versions of a Cochrane review (one CD number, two years, no DOI) | CD number as"
    " pages, or none | merged as versions (living_review_versions) | unchanged | the labels"
    " join them: on srsr, records of one CD number in two years are joined in 272 pairs and"
    " kept apart in 35 (same year: 268 joined); respiratory 1 joined. Issue 14 item 6: one"
    " cluster of versions, the latest canonical. Another review (another CD number) is"
    " queued, never merged |",
    "",
    "Pages and names as other exports write them (dedup39), on all ten sets: no missed pair,"
    " false merge or queued pair moved.",
    "",
    "- MEDLINE's label of the issue's part before its pages ('Suppl 2:S12-8' read as first"
    " page 212, 'Suppl:171-4' as 171-4 with last page 4, cardiac's one record of the kind) is"
    " no page: 'S12-8' / '171-4' are compared (dedup/pages.py `_PART_LABEL`). Depression's"
    " 68 and cytology's 18 'Suppl-N' fields hold no colon: a converter's remnant of 'Suppl"
    " 3:S417-29' whose N is the last page's digits (cytology's 17 true pairs against"
    " 'S417-S429' and the like); read as before, the last page's digits only.",
    "- dedup41: 'Suppl-N' is a numbered supplement whose number the converter lost"
    " (normalise.SUPPLEMENT_NUMBER_LOST; 60 records, cytology 18 and depression 42, no page"
    " moved); 'Suppl 12' alone stays MEDLINE's page 12 (the PubMed snapshot's 8 such fields"
    " are pages) unless the issue or volume names supplement 12 (none in the sets). Nothing"
    " moved on the ten sets.",
    "- rd41h: 'Suppl 1-2' beside issue 'Suppl 1' is pages 1-2: only a lone number repeats"
    " the supplement (the range had been dropped). No pages field of the ten sets is 'Suppl N'"
    " or 'Suppl N-N'; the PubMed snapshot's XML holds 7 lone ('suppl N' 5, 'Suppl N', 'SUPPL"
    " N') and 18 ranges ('suppl N-N' 12, 'SUPPL N-N' 3, 'Suppl N-N' 2, 'Suppl. N-N' 1).",
    "- Supplement numerals past x ('xi221', srsr's 'xi90'; 'xii12-xii15') read as a lettered"
    " section's page, as 'iii613' is; a numeral alone ('xii', a preface) is no page.",
    "- The label is read off every range of a field with several (rd39h: 'Suppl 2:S12-8;"
    " author reply S19' had given range starts 212 and 19, 'Pt 1:12-8; Pt 2:30-5' 112 and"
    " 230). No pages value of the ten sets (65,313 distinct) reads otherwise for it.",
    "- Embase's 'i428' against '1428' (the letter i read as a 1): not built. On the ten sets"
    " one pair (diabetes id_0000405 / id_0001145, Nephrol Dial Transplant 31 'SUPPL. 1',"
    " already merged on title, authors and abstract), against three pairs of other articles"
    " that the reading would put at one page of one volume (srsr, Hum Reprod 33: 'i351-i352'"
    " / '1351-1362' twice, 'i201-i202' / '1201-9': Oxford prints supplement i beside the"
    " volume's own page 1351). No kind to merge on.",
    "- Exports: a suffix run into a surname whose initials were lost ('CarlezonJr', 110 in"
    " depression's Ovid lists) is written 'Carlezon Jr.' (RIS) and '{Carlezon Jr.}'"
    " (BibTeX), which read back as the same surname and suffix; RIS pages other than a plain"
    " range go whole into SP ('1327-8; author reply 1328' had been SP 1327, EP '8; author"
    " reply 1328').",
)

# The reading of results/dedup-distinct-probe.md (benchmarks/dedup_distinct_probe.py, dedup47b)
DISTINCT_PROBE_NOTES = (
    "## Page shapes read as what they are (dedup48a)",
    "",
    "The figures above the rule table are this branch's two no-ids runs (the 'as given' row is"
    " dedup47b's: pmid_veto decides every pair there); 'before' is main at 9b7cb16b. Merges of two"
    " labels, true / false by the readings below: no ids (DOIs kept) 88 / 1 -> 88 / 0, queue 247"
    " -> 248; no ids, no DOI 91 / 2 -> 91 / 1, queue 455 -> 456. Mended: Topics in health care"
    " financing 3(3) xi-xii / 1-17, an issue's editorial and its article (both runs; now queued"
    " by biblio_partial). Left: the Leukemia correction with and without its page (no DOI), a"
    " notice (dedup48b's part).",
    "",
    "The shapes, counted (ten labelled sets; the snapshot's 50,783 records) and what each now"
    " reads:",
    "",
    "- front matter in Roman numerals alone ('xi-xii', 'viii', 'I-XXXII'): 64 fields in the ten"
    " sets (digital_work 24, depression 27, neuroimaging 9, srsr 3, cardiac 1), 23 in the"
    " snapshot. pages.page_range gives it no first page, and page 1 is weak, so nothing told an"
    " issue's editorial from its first article. Now page kind 'r' (pages.front_matter_page):"
    " against a numbered page (weak or not) or front matter on another page it is another item"
    " (score.front_matter_differs, also a section of its own for sections_differ, so that"
    " same_issue_other_page does not read it as a garbled page). Ten sets (benchmarks."
    "dedup_verdicts, main against this branch): 2 pairs move, both labelled apart, queued ->"
    " apart (cardiac: Exp Biol Med 236(1) viii, the issue's highlight of an article on 113-122;"
    " digital_work: ISR 'Editorial Notes' 24(1) 1-2 / 24(4) iii-vi); no true pair moves.",
    "- a publisher's article id of three or four capitals ('EDM210023' Bioscientifica,"
    " 'BSR20210344' Portland, 'JCO2003307' ASCO, 'STR0000000000000380' AHA, 'MCB0023421' ASM;"
    " the ten sets' 'RRN1281' PLoS Currents, 'ECR40' Haematologica): 8 in the snapshot, 2 in the"
    " ten sets, none a section's page (a section's letters are one or two; three capitals before"
    " a page are a supplement's Roman numeral, 'III326', 16 fields, still a section). Read as"
    " section 'edm' they set the article apart from another export's pages; now page kind 'i',"
    " no page, but two such ids that differ are two articles (pages_conflict). No pair of the"
    " ten sets moves; the snapshot's 3 pairs of ids of one journal (EDM, JCO, MCB) are apart by"
    " their titles before and after, so the probe's runs (made before kind 'i') stand.",
    "- a part label without a page ('Pt 1/-', 'Pt 1'): read as section 'pt', page 1; now no"
    " page. 0 fields in the ten sets and the snapshot (MEDLINE writes 'Pt 2:221-5', read as"
    " before).",
    "- the number after Ovid's '(no pagination)' ('(no pagination)(19)'): read as printed page"
    " 19; it is the e-only article's number (diabetes' Ovid record of Mediators Inflamm: volume"
    " '2016 (no pagination)', then the article number 6305735 in the issue and the pages,"
    " which the five other exports give as the pages), now page kind 'e' (against a printed page: not"
    " comparable, as BMJ's 'c1804' / '1014'; against another article number: compared). 0 pages"
    " fields of that shape in the ten sets and the snapshot.",
    "- not done: Ovid lines cut right after the volume ('... 2019; 36': 0 journal fields with"
    " 'year; volume' in the ten sets or the snapshot, no form of Ovid's documented to read it"
    " by) and IEEE's pii that is no article number (1 record in the snapshot: IEEE Ultrasonics"
    " Symposium 2018, pages '18466238', an INSPEC-like number, DOI ending 8580145; an import"
    " matter, formats/elocation.py).",
    "",
    "## Notices in every database's words (dedup48b)",
    "",
    "The figures below are this run (load 6-17: wall times are upper bounds). Three changes:"
    " the notices' screen and a study's reports read every database's notice types"
    " (notice_titles.type_kind: Embase's and Scopus's 'Erratum', Web of Science's 'Correction'"
    " and 'Retraction', PsycInfo's 'Erratum/Correction'; Scopus's 'Retracted' marks the article);"
    " same_doi reads a notice by its type too (rules_identifiers._doi_notice); an unsigned"
    " notice whose title names its article is its own copy on one page"
    " (kinds_one_heading.unsigned_notices_one_issue). Before / after on this probe: merges of"
    " two labels, queue and every rule's tally the same in all three runs (no ids 89 merges,"
    " queue 247; no ids, no DOI 93, queue 455). The ten labelled sets: no candidate pair's"
    " verdict moves (they carry no publication type, and no unsigned notice pair of theirs is"
    " queued). The notices found (snapshot 623, the demo's two projects 1 and 0, the ten sets"
    " 445) and the records they concern are the same before and after: every type these"
    " sources give is NLM's. So the type reading is shown by tests in Embase RIS, Scopus CSV"
    " and Web of Science shapes (tests/dedup/test_notices_other_databases.py).",
    "",
    "The snapshot's 218 typed notices against their own copies (no ids, no DOI; the copy"
    " untyped, typed 'Erratum' or typed 'Article', each alike): 165 merged / 45 queued / 8"
    " apart before, 185 / 25 / 8 after. The 45 queued were all unsigned_notices_one_issue: 25"
    " bare headings ('Correction.' x5, 'Erratum.' x6, 'Corrigendum.' x6, 'Corrigenda.',"
    " 'Errata.', 'CORRECTION.', 'Department of Error.' x3, 'Editorial announcement.' typed"
    " retraction, 'Erratum regarding previously published articles.'): a person, as before,"
    " since a journal prints such notices side by side on one page (JAACAP 'Correction.' x3 on"
    " p. 789, Lancet 'Department of Error.' x2 on p. 2150 in this probe) and the citation cannot"
    " tell a copy from a sibling. 20 named their article after the heading, by title ('Erratum"
    " for <title>', 'Erratum in: <title>', 'Erratum to <title>', 'Retraction: <title>',"
    " 'Retracted: \"<title>\"', 'Corrigendum to <title>') or by citation ('Correction to Lancet"
    " Oncol 2021; 22: 581-83.', 'Erratum to: Abdel-Wahab M, … 2020:108(2);438-443.'): one such"
    " title on one page (and one last page) is one notice, now merged; siblings naming other"
    " articles differ in title or numbers (the Lancet Respir Med corrections on e55 name four"
    " DOIs). The 8 apart: one without a title (no_title) and 7 bare headings without a page"
    " (ahead of print, or a page count '1'), never paired by blocking: apart is right for the"
    " kind, a bare heading with no place cannot be told from the journal's other notices of"
    " the year. Measured: the snapshot has 8 such notices, each alone in its journal-year (0"
    " pairs); digital_work has 52, 13 pairs within one journal-year ('Editorial Notes',"
    " 'Editorial Introduction' in several issues), all distinct by the labels: a queue of"
    " these would be every pair of one journal's bare notices of a year.",
    "",
    "## Both together (stop 47, after the merges of rd47f and dedup47c)",
    "",
    "Stop 47's run, on main with both: rd47f's erratum rule and"
    " dedup47c's four kinds. Merges of two labels, true / false by the readings below: no ids (DOIs"
    " kept) 88 / 1, queue 247; no ids, no DOI 91 / 2, queue 455 (the errata of Cell Stem Cell and"
    " EMBO Rep, which dedup47c's run still merged through same_issue_other_page, are apart: the"
    " typed notice against its typed article). Left: the editorial on roman pages against its"
    " article (both runs) and, without DOIs, one more read below.",
    "",
    "## One author's two items, and author lists alike by two letters (dedup47c)",
    "",
    "'before' is main at 1ee465bd (after dedup47a; the two no-ids runs rerun there, load 7-11),"
    " 'after' this branch; the 'as given' row below is dedup47b's run (pmid_veto decides every"
    " pair, so no rule after it can move one). Merges of two labels, true / false by the"
    " reading of the dedup47b section below:",
    "",
    "| run | merges before: true / false | queue before | merges after: true / false |"
    " queue after |",
    "|---|---:|---:|---:|---:|",
    "| snapshot, no ids (DOIs kept) | 88 / 5 | 243 | 88 / 1 | 247 |",
    "| snapshot, no ids, no DOI | 91 / 10 | 449 | 91 / 4 | 455 |",
    "",
    "Mended (each now queued, none apart; every true pair still merges):",
    "",
    "- two writers' letters under one NEJM heading, 'Sturgis' / 'Studd, Thom' (both runs):"
    " authors_apart took two first surnames opening with the same two letters as one writer."
    " The two letters came with the rule (f3f22105, 'other first two letters'), with no"
    " measure recorded for the number; the first surnames are now compared whole as an"
    " export may break them (unplaced.first_authors_alike: the two letters and"
    " names.may_be_one_surname, the reading names.another_co_author uses: a word in common,"
    " two edits, one name cut from the other). On the ten labelled sets no candidate pair's"
    " verdict moves; the pair is queued by"
    " other_writers_one_issue.",
    "- one author's two papers one after the other, Psychopharmacology 53(3) 263-267 /"
    " 269-276 (both runs): same_issue_other_page read any two first pages of one issue as a"
    " slip. The ten sets' true pairs of one issue with two whole ranges keep something of the"
    " range: the overlap (cardiac 130-134 / 128-132, 129-133 / 131-133, 676-684 / 678-684;"
    " neuroimaging 3499-3512 / 3502-3515; srsr 282-290 / 281-289, 177-259 / 181-259) or the"
    " length (cardiac 640-647 / 648-655, a first page mistyped), except 2 in depression"
    " (van Praag 1969 151-160 / 186-188, Reynafarje 1968 472-474 / 475-485, the latter one"
    " after the other as the probe's). Two whole ranges of one width sharing no page and of"
    " other lengths (rules_bibliographic.two_printed_ranges) are therefore no slip: the pair"
    " falls to biblio_partial, the 2 depression pairs with it (missed 78 -> 80, queue 515 ->"
    " 517, recall 0.9948 against bib-dedupe's 0.9915).",
    "- one title on neighbouring lone pages of one issue: Psychopharmacol Bull 15(1) 60 / 61"
    " (both runs; two-digit lone pages may be page counts, so no conflict) and JACC Basic"
    " Transl Sci 6(5) 483 / 484 (no DOI; a one-digit slip): `one_page_each_one_issue`"
    " queues them. Of lone pages in one issue the ten sets merge true pairs far apart"
    " (depression 13 / 1710, 62 / 19; srsr 43 / 54: one item's page garbled, a page count or"
    " an article number), which a first form for any two lone pages queued (depression 2);"
    " none are neighbours (diabetes 51 / 52 lacks the issue on one side). Side by"
    " side means neighbours, so the rule asks that.",
    "- one title in two issues of one volume on other first pages, one of them weak: Tic"
    " 38(7) 11 / 38(9) 5, a column's two instalments (both runs), and Acta Orthop 92(1) 1-3"
    " / 92(2) 244-246, a comment in the next issue (no DOI). A lone page of two digits or"
    " page 1 may be a page count (normalise.py page_weak), so the pages did not conflict,"
    " and two issues were read only without a page: issues_differ_no_page now reads a weak"
    " page on other first pages as no page (queued). A first form, any weak page, queued one"
    " true pair of the ten sets (depression, N Z Vet J 1984 32: page 47 on both, issues 4 /"
    " 20, one issue garbled); with the first pages differing no pair of the ten sets moves.",
    "",
    "Left (false merges after): Topics in health care financing 3(3) xi-xii / 1-17, an"
    " issue's editorial and its article (both runs): roman front matter gives no first page"
    " (pages.page_range) and page 1 is weak, so nothing conflicts; reading roman pages as a"
    " section of their own needs its own measure on the ten sets. The errata (Cell Stem"
    " Cell, EMBO Rep, Leukemia; no DOI) as dedup47b left them.",
    "",
    "## What was read (dedup47b)",
    "",
    "Every merged pair of the runs below was read; 'true' and 'false' are by that reading, not"
    " by the PMIDs (two PMIDs can be one article). 'before' is main at 0cab1964, 'after' this"
    " branch.",
    "",
    "| run | merges before: true / false | queue before | merges after: true / false |"
    " queue after |",
    "|---|---:|---:|---:|---:|",
    "| snapshot, as given (PMIDs) | 0 / 0 | 0 | 0 / 0 | 0 |",
    "| snapshot, no ids (DOIs kept) | 88 / 14 | 233 | 88 / 5 | 243 |",
    "| snapshot, no ids, no DOI | 91 / 37 | 418 | 91 / 10 | 449 |",
    "| 15 screening sets, as given and no ids | 0 / 0 | 19 and 46 | 0 / 0 | 19 and 46 |",
    "",
    "After rd47f (an erratum told by its publication type, `typed_notice_and_article`, and"
    " two letters' lists read name by name in `other_writers_one_issue`): no ids 88 / 4, queue"
    " 244 (Sturgis / Studd, Thom queued); no ids, no DOI 91 / 7, queue 450 (that pair queued,"
    " the two errata titled as their articles apart); as given unchanged. The screening sets"
    " were not run again: they carry no type and no journal, so neither change can reach them.",
    "",
    "The true copies among two PMIDs (they stay merged):",
    "",
    "- one article in a journal's Spanish and English editions (81 pairs with DOIs, 84"
    " without): Elsevier's Actas Dermo-Sifiliográficas 17, Archivos de Bronconeumología 20,"
    " Enfermedades Infecciosas y Microbiología Clínica 17, Anales de Pediatría 13, Actas"
    " Urológicas Españolas 11, Medicina Intensiva 3 (Cirugía Española 1 without DOIs): one"
    " text, pages and authors, two DOIs ('j.arbres' / 'j.arbr', 'j.eimc' / 'j.eimce',"
    " 'j.anpedi' / 'j.anpede', 'j.ad' / 'j.adengl'), each edition indexed under its own PMID."
    " A review screens the article once: a duplicate publication in two languages;"
    " biblio_match_doi_differs merges them with the DOIs (its kind).",
    "- one 1977-79 article indexed twice under two PMIDs (7 pairs: MMW 3, Doklady Akademii"
    " Nauk 2, Vrachebnoe Delo 1, Scand J Immunol 1): the same place and authors, the"
    " bracketed translation worded twice.",
    "",
    "The false merges, by kind (before, no ids, no DOI; the no-ids run holds a subset):",
    "",
    "- letters of other writers under one title in one issue: 18 (NEJM 6, BMJ 7, BJP 1,"
    " Fertil Steril 1, J Pediatr 1, MJA 1, and two reports under one title by other authors in"
    " SE Asian J Trop Med). Mended: `other_writers_one_issue` (queued); NEJM 'Estrogen"
    " use and endometrial cancer' Sturgis / Studd, Thom (first two letters alike:"
    " authors_apart reads one list) mended by rd47f, the lists read name by name.",
    "- errata side by side: 10 (JAACAP 'Correction.' x3 on p. 789, Lancet 'Department of"
    " Error.' x2 on p. 2150 (with two DOIs too), Hypertens Res three signed corrections of one"
    " article on pp. 730-732, Leukemia one correction with and without its page). Mended:"
    " `unsigned_notices_one_issue` (queued), strict pages for two notices; the Leukemia pair"
    " (one page missing) is left: it may be one notice's ahead-of-print and print records.",
    "- an article and its erratum titled as the article, one issue: 2 (Cell Stem Cell"
    " 1148-1159.e8 / 1177-1180, EMBO Rep e51857 / e53112; PubMed's type 'Published Erratum',"
    " which dedup keys had not read). Mended by rd47f: the key `typed_notice`"
    " (notice_titles.notice_by_type: PubMed's, Embase's and Scopus's, Web of Science's and"
    " PsycInfo's erratum, retraction and concern types) and `typed_notice_and_article`: apart"
    " from a record typed otherwise on another page, a person against one without types or"
    " page. Measured beside the probe on the snapshot's 218 typed notices (no ids, no DOI):"
    " each against its linked article, 2 merged -> 0 (apart; queued when the article's types"
    " are dropped), 142 apart and 7 queued unchanged; each against its own copy without types,"
    " typed 'Erratum' or typed 'Article', 165 merged / 45 queued / 8 apart before and after.",
    "- one writer, one title, two items: 7 (consecutive papers of one author in one issue,"
    " 263-267 / 269-276; an issue's editorial and its article, xi-xii / 1-17; abstracts on"
    " pages 60 / 61 and 483 / 484; a column in issues 7 and 9; a comment in issue 2 on an"
    " issue-1 article; two replies of one team on pp. 696-697 / 700-702, mended with the"
    " notices). Left but the replies: lone pages are read as possible page counts, and"
    " garbled full ranges of one article in one issue are a true kind on the ten sets.",
    "",
    "The queue (a sample in each run's section below): parts of a series, an article and its"
    " reply, a preprint and its paper, companion papers of one team in one issue, one title in"
    " two journals. The screening sets have no journal, year or page: every pair there is a"
    " bare title (title_only_record), never merged; Nagtegaal's 11 labelled duplicate pairs"
    " are all in its queue of 19. The ten labelled sets' figures (missed, false merges, queue)"
    " and every rule's tally are the same before and after on every set (diabetes 0/0/212,"
    " cardiac 15/0/71, neuroimaging 8/0/53, srsr 148/0/422, depression 80/0/516, digital_work"
    " 2/0/106, cytology 4/0/42, haematology 30/0/98, respiratory 15/1/52, stroke 2/0/41): no"
    " pair of theirs is of these kinds.",
)
