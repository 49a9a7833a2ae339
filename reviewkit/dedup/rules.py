"""The dedup rules: an ordered table of named rules, each with its reason.

:func:`compare` asks the rules of :data:`RULES` in order; the first that speaks decides the
pair (duplicate, not_duplicate or uncertain) and its name goes with the verdict into the
link it makes, so every merge and every queued pair says which rule made it. Identifier rules
come first (with vetoes), then bibliographic ones. A rule may only merge when several fields
agree and none contradicts; anything close but not sure is 'uncertain' (the review queue).
The evidence the rules read (title, author, journal, page similarity) is in
:mod:`reviewkit.dedup.score`; the pair facts and named thresholds in :mod:`reviewkit.dedup.pair`.

The rules themselves live in modules named for what they are for, and only their order is
kept here: :mod:`.rules_identifiers` (PubMed id, PMC id, DOI, versions of one review),
:mod:`.rules_titles` (titles that differ: missing, translated, other works or people, bare
titles), :mod:`.rules_bibliographic` (titles alike: notices, numbers, place, two DOIs,
the bibliographic match), and the guards for thin records (:mod:`.sparse`, :mod:`.unplaced`,
:mod:`.thin_guards`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reviewkit.dedup import issue_place, sparse, thin_guards, unplaced
from reviewkit.dedup.kinds_notices import (
    letters_printed_together,
    reply_titled_as_article,
    typed_notice_and_article,
)
from reviewkit.dedup.kinds_one_heading import (
    one_page_each_one_issue,
    other_writers_one_issue,
    unsigned_notices_one_issue,
)
from reviewkit.dedup.kinds_opposites import negation_no_page
from reviewkit.dedup.kinds_preprints import preprint_and_article
from reviewkit.dedup.kinds_registrations import registration_numbers
from reviewkit.dedup.moved_doi import doi_moved_publisher
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import Outcome, Pair
from reviewkit.dedup.rules_bibliographic import (
    biblio_differs,
    biblio_match_doi_differs,
    biblio_partial,
    doi_differs,
    generic_title,
    meeting_abstract_and_article,
    notice_veto,
    notice_with_article_abstract,
    printed_again_next_volume,
    same_abstract_published_twice,
    same_issue_other_page,
    same_title_and_place,
    title_number_typo,
    title_numbers_differ,
)
from reviewkit.dedup.rules_identifiers import (
    doi_versions,
    living_review_versions,
    pmcid_veto,
    pmid_veto,
    same_doi,
    same_doi_no_title,
    same_doi_notice,
    same_doi_titles_differ,
    same_pmcid,
    same_pmid,
)
from reviewkit.dedup.rules_titles import (
    no_title,
    population_differs,
    same_place_and_authors,
    same_place_titles_differ,
    title_differs,
    title_only_record,
    translated_title_same_place,
)
from reviewkit.dedup.score import DUPLICATE, Context, PairVerdict
from reviewkit.dedup.unplaced import biblio_match, same_title_authors_volume

# --- the table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    name: str
    test: Callable[[Pair], Outcome]
    why: str  # one line: the kind of record this rule is right for


RULES: tuple[Rule, ...] = (
    Rule("same_pmid", same_pmid, "one PubMed id is one record, whatever else differs"),
    Rule("pmid_veto", pmid_veto, "two PubMed ids are two records"),
    Rule("same_pmcid", same_pmcid, "one PMC id is one record"),
    Rule("pmcid_veto", pmcid_veto, "two PMC ids are two records"),
    Rule("registration_numbers", registration_numbers, "a register's trial number: one record"),
    Rule("same_doi_no_title", same_doi_no_title, "a DOI alone, without a title, may be wrong"),
    Rule("same_doi_place_unknown", sparse.same_doi_place_unknown, "one DOI, titles apart, no page"),
    Rule(
        "same_doi_no_page",
        unplaced.same_doi_no_page,
        "one DOI, no page, a word or the authors differ: a supplement's DOI?",
    ),
    Rule("same_doi", same_doi, "one DOI with place or title and authors to back it"),
    Rule("same_doi_titles_differ", same_doi_titles_differ, "one DOI, other titles: a person"),
    Rule("same_doi_notice", same_doi_notice, "an erratum may carry its article's DOI"),
    Rule("doi_moved_publisher", doi_moved_publisher, "one DOI suffix, two publishers' prefixes"),
    Rule("doi_versions", doi_versions, "versions of one Cochrane review share a DOI stem"),
    Rule("living_review_versions", living_review_versions, "a living review kept up to date"),
    Rule("untitled_same_place", sparse.untitled_same_place, "a citation without title: a person"),
    Rule("no_title", no_title, "without a title there is nothing to compare"),
    Rule(
        "letters_printed_together",
        letters_printed_together,
        "'(multiple letters)' and one of those letters: one item",
    ),
    Rule("translated_title_same_place", translated_title_same_place, "'[Title]' at one place"),
    Rule("same_place_and_authors", same_place_and_authors, "a translated title, same place"),
    Rule("same_place_titles_differ", same_place_titles_differ, "same place, other titles"),
    Rule("title_differs", title_differs, "different titles are different works"),
    Rule("population_differs", population_differs, "'Pediatric' / 'Adult': other people"),
    Rule("title_only_record", title_only_record, "a bare title never merges by itself"),
    Rule(
        "notice_with_article_abstract",
        notice_with_article_abstract,
        "an erratum carrying its article's abstract: a person decides",
    ),
    Rule("notice_veto", notice_veto, "an erratum, reply or comment is not its article"),
    Rule(
        "typed_notice_and_article",
        lambda p: before_a_merge(p, "typed_notice_and_article", typed_notice_and_article),
        "a record typed erratum under its article's title is not its article",
    ),
    Rule("reply_titled_as_article", reply_titled_as_article, "a reply titled as its article"),
    Rule("title_number_typo", title_number_typo, "a number typo where the place agrees exactly"),
    Rule("title_numbers_differ", title_numbers_differ, "part 1 and part 2 are two works"),
    Rule(
        "other_writers_one_issue",
        lambda p: before_a_merge(p, "other_writers_one_issue", other_writers_one_issue),
        "one title in one issue by other people: letters under one heading",
    ),
    Rule(
        "unsigned_notices_one_issue",
        lambda p: before_a_merge(p, "unsigned_notices_one_issue", unsigned_notices_one_issue),
        "unsigned errata side by side under one heading: a person",
    ),
    Rule(
        "one_page_each_one_issue",
        lambda p: before_a_merge(p, "one_page_each_one_issue", one_page_each_one_issue),
        "neighbouring lone pages, one issue: two items or a slip? a person",
    ),
    Rule("same_issue_other_page", same_issue_other_page, "one issue, title, authors: a page slip"),
    Rule("printed_again_next_volume", printed_again_next_volume, "a reprint page for page"),
    Rule("same_abstract_published_twice", same_abstract_published_twice, "one text, two places"),
    Rule("one_range_two_journals", thin_guards.one_range_two_journals, "one range, two volumes"),
    Rule("one_page_two_volumes", thin_guards.one_page_two_volumes, "one page, two volumes"),
    Rule("biblio_match_doi_differs", biblio_match_doi_differs, "two DOIs, all else the same"),
    Rule(
        "two_dois_same_issue",
        issue_place.two_dois_same_issue,
        "two DOIs, no page: one issue, title, authors",
    ),
    Rule("preprint_and_article", preprint_and_article, "a preprint and its paper: a person"),
    Rule("doi_differs", doi_differs, "two DOIs are two works unless a person says otherwise"),
    Rule("generic_title", generic_title, "'Editorial' recurs: place must agree"),
    Rule("title_word_swapped", sparse.title_word_swapped, "a word swapped, no page or DOI"),
    Rule("journal_unsure_no_place", sparse.journal_unsure_no_place, "two journals? no page or DOI"),
    Rule("meeting_abstract_no_page", unplaced.meeting_abstract_no_page, "abstract? no page"),
    Rule(
        "meeting_abstract_online_first",
        unplaced.meeting_abstract_online_first,
        "an abstract, a paper online a year on: a person",
    ),
    Rule("issues_differ_no_page", unplaced.issues_differ_no_page, "two issues, no page"),
    Rule("year_apart_no_place", unplaced.year_apart_no_place, "a year apart, no volume: a person"),
    Rule("another_report_no_page", thin_guards.another_report_no_page, "'…: follow-up', no page"),
    Rule("abstracts_differ_no_page", unplaced.abstracts_differ_no_page, "two abstracts, no page"),
    Rule("authors_differ_no_page", unplaced.authors_differ_no_page, "other authors, no page"),
    Rule(
        "companion_paper_one_issue",
        unplaced.companion_paper_one_issue,
        "one issue, a small team, another co-author, no page",
    ),
    Rule("two_proceedings_no_page", thin_guards.two_proceedings_no_page, "two meetings? no page"),
    Rule("two_editions_no_page", thin_guards.two_editions_no_page, "two meetings' editions"),
    Rule(
        "supplement_and_issue_no_page",
        thin_guards.supplement_and_issue_no_page,
        "a supplement and another issue, no page",
    ),
    Rule("another_item_no_page", thin_guards.another_item_no_page, "'Case A' / 'Case B'"),
    Rule("negation_no_page", negation_no_page, "'Surgical' / 'Non-surgical …', no page"),
    Rule("longer_title_no_page", thin_guards.longer_title_no_page, "a title of its own before"),
    Rule(
        "meeting_abstract_and_article",
        meeting_abstract_and_article,
        "a meeting's abstract and the paper a year apart: two publications",
    ),
    Rule("biblio_match", biblio_match, "title and two or more fields agree, none conflicts"),
    Rule(
        "close_title_same_issue",
        issue_place.close_title_same_issue,
        "a title 88-95 alike, no page: one issue and authors",
    ),
    Rule("same_title_and_place", same_title_and_place, "names in another script or language"),
    Rule("same_title_authors_volume", same_title_authors_volume, "a translated journal name"),
    Rule("biblio_partial", biblio_partial, "close but not sure: a person decides"),
    Rule("biblio_differs", biblio_differs, "nothing else applies: not a duplicate"),
)
_NO_CONTEXT = Context()
_AT = {rule.name: i for i, rule in enumerate(RULES)}


def before_a_merge(p: Pair, name: str, test: Callable[[Pair], Outcome]) -> Outcome:
    """A guard's say (``test``) only where the rules after it (``name``'s place in the table)
    would merge the pair: a pair they keep apart or queue stays theirs, so a guard moves
    nothing but merges to a person."""
    said = test(p)
    if said is None:
        return None
    for rule in RULES[_AT[name] + 1 :]:
        outcome = rule.test(p)
        if outcome is not None:
            return said if outcome[0] == DUPLICATE else None
    return None


def compare(ka: Keys, kb: Keys, ctx: Context | None = None) -> PairVerdict:
    """The verdict of the first rule of :data:`RULES` that applies to the pair
    (``ctx``: facts about the whole set, e.g. shared DOIs)."""
    a, b = (ka.id, kb.id) if ka.id < kb.id else (kb.id, ka.id)
    pair = Pair(ka, kb, ctx or _NO_CONTEXT)
    for rule in RULES:
        outcome = rule.test(pair)
        if outcome is not None:
            verdict, score = outcome
            return PairVerdict(a, b, round(max(0.0, min(1.0, score)), 4), verdict, rule.name)
    raise AssertionError("the last rule always applies")  # pragma: no cover
