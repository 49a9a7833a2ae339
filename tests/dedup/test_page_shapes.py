"""Page fields dedup misread (dedup48a): front matter in Roman numerals against the issue's
first article; a publisher's article id of capitals, a part label without a page and Ovid's
article number after '(no pagination)', each read as a page or a section's page. Records as
the exports write them, through the public dedup functions; the true copy of each still merges
and its near miss does not, so a rule that merged or kept apart everything fails here too."""

from __future__ import annotations

from dedup.helpers import outcome

from reviewkit.records import Record

TEAM = ["Cleverley, William O"]
PLACE = dict(journal="Topics in health care financing", year=1977, volume="3", issue="3")


def medline(**kw) -> Record:
    base = dict(title="Cost containment in the health care industry.", authors=TEAM, **PLACE)
    base.update(kw)
    return Record(source="PubMed", **base)


def test_an_issues_editorial_on_roman_pages_is_not_its_first_article():
    # the editorial on the issue's front matter and the article on pages 1-17: one title, one
    # writer, one issue (the distinct-records probe's false merge)
    editorial = medline(pages="xi-xii", publication_types=["Editorial"])
    article = medline(pages="1-17")
    assert outcome(editorial, article)[0] != "merged"
    # nor any arabic page, and not front matter on other pages
    assert outcome(medline(pages="xi"), medline(pages="1"))[0] != "merged"
    assert outcome(medline(pages="iv-vii"), medline(pages="xi-xii"))[0] != "merged"
    # front matter in two databases is one record
    assert outcome(medline(pages="xi-xii"), medline(pages="XI-XII"))[0] == "merged"
    assert outcome(medline(pages="xi-xii"), medline(pages="xi"))[0] == "merged"
    assert outcome(medline(pages="xi-xii"), medline(pages=""))[0] == "merged"
    assert outcome(medline(pages="1-17"), medline(pages="1-17"))[0] == "merged"


# --- what stands in the pages field instead of a page ---------------------------------------

CASE = dict(
    title="Hypercalcaemia after denosumab withdrawal in a woman with osteoporosis",
    authors=["Okafor, Chidi", "Lindqvist, Maja", "Rossi, Paolo"],
    journal="Endocrinology, diabetes & metabolism case reports",
    year=2021,
    volume="2021",
)


def record(**kw) -> Record:
    base = dict(CASE)
    base.update(kw)
    return Record(**base)


def test_a_publishers_article_id_of_capitals_is_no_section_page():
    # PubMed's pii (Bioscientifica 'EDM210023', Portland 'BSR20210344') against another
    # database's article number: one case report
    pubmed = record(pages="EDM210023", source="PubMed")
    scopus = record(pages="21-0023", source="Scopus")
    assert outcome(pubmed, scopus)[0] == "merged"
    # another case report of the volume stays apart, even under the same title and authors:
    # two ids of one publisher are two articles
    other = record(pages="EDM210026", source="PubMed")
    assert outcome(pubmed, other)[0] != "merged"


def test_a_part_label_without_a_page_names_no_page():
    # MEDLINE's part of the issue, the pages lost ('Pt 1/-'), against the pages in another export
    part = record(pages="Pt 1/-", issue="3", volume="58", year=1978)
    paged = record(pages="221-5", issue="3", volume="58", year=1978)
    assert outcome(part, paged)[0] == "merged"


def test_the_number_after_ovids_no_pagination_is_an_article_number():
    # Ovid's e-only record ('(no pagination)(19)': article 19) against the print record of the
    # same article on pages 156-165, and against another article numbered 23
    online = record(pages="(no pagination)(19)", volume="17", year=2019)
    printed = record(pages="156-165", volume="17", year=2019)
    assert outcome(online, printed)[0] == "merged"
    other = record(
        title=CASE["title"] + ": a second case", pages="(no pagination)(23)", volume="17"
    )
    assert outcome(online, other)[0] != "merged"


def test_two_article_ids_in_one_issue_are_two_articles_not_a_page_slip():
    # one issue, one title, one author list: two ids of one publisher are two articles, not one
    # article whose page an export garbled (same_issue_other_page merged them)
    issue = dict(journal="Bioscience reports", volume="41", issue="6")
    first = record(pages="BSR20210344", source="PubMed", **issue)
    second = record(pages="BSR20210345", source="PubMed", **issue)
    assert outcome(first, second)[0] != "merged"
    assert outcome(first, record(pages="BSR20210344", source="Embase", **issue))[0] == "merged"


def test_two_capitals_before_a_long_number_are_an_article_id():
    # ASM's pii of Journal of Bacteriology (its 'MCB0023421' has three capitals) against the
    # article number another export gives; and two such ids are two articles
    place = dict(journal="Journal of bacteriology", volume="203", year=2021)
    pubmed = record(pages="JB0022421", source="PubMed", **place)
    scopus = record(pages="e00224-21", source="Scopus", **place)
    assert outcome(pubmed, scopus)[0] == "merged"
    assert outcome(pubmed, record(pages="JB0002521", source="PubMed", **place))[0] != "merged"
    # a lettered section's page of two capitals stays a page: 'NP456-NP461' is page 456
    section = record(pages="NP456-NP461", **place)
    assert outcome(section, record(pages="456-461", **place))[0] == "merged"
    assert outcome(section, record(pages="472-483", **place))[0] != "merged"


def test_a_cochrane_review_number_is_an_id_in_any_case():
    # one export writes Cochrane's number 'Cd003177' (srsr's 291 fields), another 'CD003177':
    # one review; two numbers are two reviews, even under one title and one team
    place = dict(journal="Cochrane Database Syst Rev", volume="11", year=2018, issue="")
    review = record(pages="Cd003177", **place)
    assert outcome(review, record(pages="CD003177", **place))[0] == "merged"
    assert outcome(review, record(pages="Cd012345", **place))[0] != "merged"


def test_two_pages_of_one_section_of_two_letters_are_two_places():
    # 'NP456' and 'NP472' (SAGE's online pages): two letters give no first page, yet the two
    # numbers are two pages of one section, as 'S14' / 'S41' are
    place = dict(journal="Aesthetic surgery journal", volume="41", year=2021)
    first = record(pages="NP456-NP461", **place)
    assert outcome(first, record(pages="NP472-NP483", **place))[0] != "merged"
    assert outcome(first, record(pages="NP456-NP461", **place))[0] == "merged"
