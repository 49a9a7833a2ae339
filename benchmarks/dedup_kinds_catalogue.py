"""The catalogue of record kinds (issue 14, dk28), written under the held-out table of
results/dedup-heldout.md. Not named ``bench_*``: ``python -m benchmarks`` does not run it.

Each kind has hand-made pairs in both directions in tests/dedup/test_kinds_catalogue.py;
'merged', 'queued' (a person decides) and 'apart' are what the tool does with them.
"""

from __future__ import annotations

KINDS_CATALOGUE = (
    "## Catalogue of record kinds",
    "",
    "Kinds of record the ten labelled sets hardly hold (other databases' exports: CENTRAL,",
    "Embase, Scopus, Web of Science, PsycINFO, registers, grey literature). For each, a true",
    "duplicate as another database exports it and a near-miss that is another work, made by",
    "hand as tests (tests/dedup/test_kinds_catalogue.py, through keys + `match`, and one",
    "through `reviewkit import` + `reviewkit dedup`). 'fixed' marks a kind the tool got wrong",
    "before (issue 14, dk28).",
    "",
    "| kind | the duplicate | the near-miss | convention | test |",
    "|---|---|---|---|---|",
    "| registration (CENTRAL: title, 'https://clinicaltrials.gov/show/NCT…' as source) vs the"
    " trial's article | – | apart (fixed: was queued when the article took the registration's"
    " title) | two reports of one study, linked by `dedup studies`, never copies (Cochrane"
    " Handbook 4.6.2) | test_a_registration_and_the_trials_article_are_two_reports |",
    "| one registration from CENTRAL and WHO's portal (one NCT number, brief / official title)"
    " | merged, `registration_numbers` (fixed: was apart, the titles never compared) | – | the"
    " number is the record's identifier, as a PMID | test_one_registration_exported_twice_is_"
    "one_record_whatever_its_titles |",
    "| two numbers: sister trials ('Phase 3' / 'Phase III'), one title registered twice, one"
    " trial in CT.gov and ISRCTN | – | apart, `registration_numbers` (fixed: the first two"
    " were merged) | a register gives a trial one number; two registers' records of one trial"
    " are one study (a study link), not one record | test_two_registration_numbers_are_two_"
    "records |",
    "| one registration of another register: ChiCTR-IOR-17011234 / ChiCTRIOR17011234, CTRI/…,"
    " RBR-…, KCT…, EUCTR…-GB / 'eudract_number:…', the portal's old nine-word address, a"
    " register's address as URL (Zotero), an ISRCTN DOI | merged, `registration_numbers`"
    " (fixed: numbers with hyphens or slashes, the old address's and a URL's were not read) |"
    " two numbers of one register: apart | dedup/registers.py, the catalogue of WHO's primary"
    " registers: one canonical form per number | test_registers.test_registrations_of_the_"
    "newly_read_registers_merge_by_number, test_kinds_notices_and_registrations |",
    "| registrations without a readable number (a register's search page, 'ClinicalTrials.gov'"
    " alone)"
    " | queued (fixed: two of one title were merged) | phase, arm, age word: apart | a bare"
    " title, as rules.title_only_record | test_registrations_one_phase_arm_or_age_word_apart_"
    "are_two_trials |",
    "| preprint (medRxiv 10.1101/2020…, Research Square 10.21203, SSRN 10.2139, PsyArXiv) vs"
    " its journal article (other DOI, next year) | queued, `preprint_and_article` (fixed: was"
    " apart on the two DOIs); without DOIs queued (`biblio_partial`) | another title: apart;"
    " Cold Spring Harbor's 10.1101/gr… is no preprint | labelled sets: no medRxiv, bioRxiv or"
    " Research Square record (their 10.1101 DOIs are Genome Research, Learning & Memory); their"
    " one working paper (SSRN copy of an ICIS paper, digital_work) is joined with it. Followed"
    " as far as a person: never merged by itself | test_a_preprint_and_its_journal_article_go_"
    "to_a_person, test_a_preprint_of_another_work_… |",
    "| PubMed's '[Title].' vs Embase's English title / English title + original / original"
    " only, names 'Müller, Sørensen' / 'Mueller, Soerensen' | merged / merged / queued | another"
    " article of the authors at another page: apart | README: bracketed translations; labelled"
    " sets split the wholly translated kind | test_pubmeds_bracketed_translation_against_"
    "embases_titles, test_a_bracketed_translation_of_another_article_is_kept_apart |",
    "| transliterated names (Müller / Mueller / Muller, ø / oe / ö, Å / Aa) | merged | other"
    " names (Möller, Borg), other pages: not merged | names.py folds the marks |"
    " test_transliterated_author_names_are_one_list, test_other_authors_… |",
    "| Cochrane review versions (.pub2 / .pub3, the protocol without .pub) | merged as versions,"
    " `doi_versions` (latest canonical, no fields filled across versions) | another CD number,"
    " close title: not merged (queued, `doi_differs`) | srsr's labels join versions (197"
    " pairs); the store keeps them versions, not copies | test_cochrane_review_versions_…,"
    " test_two_cochrane_reviews_… |",
    "| Embase conference abstract vs the full paper, same title (a year later, or same year"
    " another issue) | – | queued | two publications of one study (README) |"
    " test_a_conference_abstract_and_the_full_paper_are_two_publications |",
    "| one conference abstract in two databases | merged | – | | test_one_conference_abstract_"
    "in_two_databases_is_one_record |",
    "| 'Re:', 'Response to', 'Comment on', 'Erratum:', 'Correction to:', 'Retraction (Note):',"
    " 'Retraction notice to', 'Notice of Retraction:', '(Editorial) Expression of concern:',"
    ' "Author\'s reply:", "Authors\' response" vs the article, on another page or none | – |'
    " apart (fixed: 'Expression of concern' without a page was merged; 'Notice of"
    " Retraction', \"Author's reply\" were queued) | a notice is not its article (README) |"
    " test_a_notice_is_not_its_article_on_another_page_or_without_one |",
    "| 'Title - Reply' by the article's authors, page dropped | – | queued,"
    " `reply_titled_as_article` (fixed: was merged) | labelled sets keep 11 of 13 such pairs"
    " apart; the 2 joined (haematology, a letter's reply) stay queued | test_a_reply_titled_"
    "as_its_article_waits_for_a_person |",
    "| 'RETRACTED: Title' / 'RETRACTED ARTICLE: Title' (Elsevier, Scopus, Springer) vs the"
    " article | merged (fixed: was apart as a notice) | the retraction notice, also Hindawi's"
    " 'Retracted: Title' (a capital R only: rd28): apart | the publisher's all-capital mark on"
    " the article itself | test_a_retracted_articles_own_marked_record_is_the_article,"
    " test_a_retraction_notice_headed_retracted_is_not_its_article |",
    "| one notice in two databases | merged | – | | test_two_copies_of_one_notice_are_one_record |",
    "| chapters of one book (book title in the journal field) | one chapter twice, with or"
    " without pages: merged | two chapters; two books' 'Introduction': apart | | test_two_"
    "chapters_of_one_book_are_two_works, test_one_chapter_in_two_databases_… |",
    "| thesis (no journal; or 'Dissertation Abstracts International') vs the article | – |"
    " queued (`title_only_record`, `biblio_partial`) | two works; a person links them |"
    " test_a_thesis_and_the_article_from_it_are_never_merged |",
    "| report series 'Part 1' / 'Part 2' / 'Part II', 'Norway' / 'Sweden'; articles 'I."
    " Design' / 'II. Results' | one report from two sources: queued (a bare title never"
    " merges) | apart | numbers standing as words name parts | test_numbered_parts_…,"
    " test_one_report_from_two_sources_waits_for_a_person |",
    "| a supplement's pages under its Roman numeral (Circulation's 'II-221-5' / 'II221-II225';"
    " Oxford's 'iii613-iii614') | merged (fixed: 'II-221-5' read as no pages at all, 'II221-5'"
    " as a section without a first page) | another first page in that supplement: apart"
    " (fixed: 'iii33-iii44' / 'iii19-iii32' were queued, no first page to compare) | NLM"
    " writes the numeral before the page; a section page, as 'S12' | test_prefixed_pagination |",
    "| MEDLINE's pages without numbers after a page ('352-8; quiz 2 p following 359') vs the"
    " article's range | merged on '352-358' (fixed: the quiz read as page 2359) | – | NLM's"
    " indexing manual ch. 10 | test_prefixed_pagination |",
    "| a generational suffix an export ran into the name: 'CarlezonJr' (initials lost, Ovid),"
    " 'SlikkerJrSlotkin T.A.', 'Carlezon W.A.Jr.' vs 'Carlezon W.A. Jr.' / 'Carlezon, W. A.,"
    " Jr.' | one person (fixed: surname 'carlezonjr', next name swallowed, no first person) |"
    " 'Srour', 'Srivastava' after a name; 'Ivanov II': not suffixes | the suffix is an"
    " export's choice, the surname the person's | test_glued_suffixes |",
    "",
    "Measured for the last three rows (issue 14, dedup38; `DEDUP_BENCH_CACHED_ONLY=1 python -m"
    " benchmarks dedup`, niced, load 10-13 on 2 cores): missed pairs and false merges unchanged"
    " on all ten sets (missed diabetes 0, cardiac 15, neuroimaging 8, srsr 149, depression 88,"
    " digital_work 2, cytology 4, haematology 30, respiratory 15, stroke 2; false merges 0 but"
    " respiratory's 1); queue cardiac 70 -> 71 (two meeting abstracts on one supplement page,"
    " 'ii510' / 'ii510-ii511', one DOI: now same place, asked under same_place_titles_differ,"
    " labelled apart), respiratory 53 -> 52 (FOCUS 1 / FOCUS 2, JAC 66 suppl 3 'iii19-iii32' /"
    " 'iii33-iii44', labelled apart: now two first pages, apart), the other eight unchanged."
    " Depression 32.4 CPU s (24.8 at load 1.7 before; wall 331 s at load 10, so the wall-time"
    " target reads NOT met), 497 MB. The ten sets write 231 Roman-numeral pages (cardiac 76,"
    " srsr 78, depression 29, neuroimaging 25, respiratory 13), no 'p following', and 1,002 glued"
    " suffixes, all in depression's Ovid lists (892 'W.A.Jr.', 110 'CarlezonJr'); their true"
    " pairs were already merged by the fields around them. Stress rows: dedup-stress.md (dedup38).",
    "",
    "Measured on the ten labelled sets (`DEDUP_BENCH_CACHED_ONLY=1 python -m benchmarks"
    " dedup`): missed pairs and false merges unchanged on every set (missed: diabetes 0,"
    " cardiac 15, neuroimaging 8, srsr 154, depression 89, digital_work 2, cytology 4,"
    " haematology 34, respiratory 15, stroke 2; false merges 0 but respiratory's 1); queue"
    ' srsr 425 -> 423 (an "AUTHOR\'S RESPONSE TO: COMMENT ON <title>" against its article,'
    " twice, labelled apart, now a notice), the other nine unchanged. The sets hold no trial"
    " registration, no preprint server's record and no 'Expression of concern': the fixes"
    " for those kinds are measured by their tests only. On thinner exports (`python -m"
    " benchmarks dedup-stress --variants full a_no_doi e_no_pages i_minimal`, all ten sets)"
    " false merges and missed pairs are the same as before, variant by variant.",
    "",
    "Left as they are: a thesis and its article and a grey report from two sources wait for a"
    " person (Keys carry no publisher or record kind to merge on); a registration's number in"
    " a source address of more than eight words (the journal key keeps eight) is not read,"
    " and the record is then judged as a bare title; two Cochrane reviews (two CD numbers) of"
    " close titles are queued, not kept apart (a review withdrawn and replaced under a new"
    " number keeps its title).",
)
