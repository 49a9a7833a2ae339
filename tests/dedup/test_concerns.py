"""Which article a notice's title names (reviewkit.dedup.concerns), by the headings publishers
and databases write: each form once, and the titles that name nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reviewkit.dedup.concerns import COMMENT, CONCERN, ERRATUM, RETRACTION, concerns_among
from reviewkit.records import AbstractSection, Correction, Record

ARTICLE = "Graded activity and sick leave in workers with low back pain: a randomised trial"


@pytest.mark.parametrize(
    ("notice", "kind"),
    [
        (f"Erratum to: {ARTICLE}", ERRATUM),
        (f"Correction to {ARTICLE}", ERRATUM),
        (f"{ARTICLE} – ERRATUM", ERRATUM),
        (f"{ARTICLE} [Corrigendum]", ERRATUM),
        (f"Notice of retraction: {ARTICLE}", RETRACTION),
        (f"Retracted: {ARTICLE}", RETRACTION),  # Hindawi's notice
        (f'Retraction note to: "{ARTICLE}"', RETRACTION),
        (f"Expression of concern: {ARTICLE}", CONCERN),
        (f'Comment on "{ARTICLE}"', COMMENT),
        (f"Re: {ARTICLE}", COMMENT),
        # the subtitle dropped: a near title, as dedup compares titles
        ("Erratum to: Graded activity and sick leave in workers with low back pain", ERRATUM),
    ],
)
def test_a_notice_names_its_article_by_title(notice: str, kind: str) -> None:
    found = concerns_among({1: Record(title=ARTICLE), 2: Record(title=notice)})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(kind, 2, "its title")]


def test_natures_author_correction_names_its_article() -> None:
    """'Author Correction: <title>' (Nature's erratum; a notice by its PubMed type, as dedup
    does not read the heading yet)."""
    notice = Record(title=f"Author Correction: {ARTICLE}", publication_types=["Published Erratum"])
    found = concerns_among({1: Record(title=ARTICLE), 2: notice})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(ERRATUM, 2, "its title")]


@pytest.mark.parametrize(
    "title",
    [
        "Erratum",  # names no title
        "Correction to: Smith et al.",  # too short to name one
        "Erratum to: Yoga for office workers with neck pain: a cluster trial",  # another title
        f"Correction of posture in {ARTICLE}",  # an article that opens with 'Correction of'
    ],
)
def test_titles_that_name_no_article(title: str) -> None:
    assert 1 not in concerns_among({1: Record(title=ARTICLE), 2: Record(title=title)})


def test_the_retracted_type_gives_way_to_the_notice_it_marks() -> None:
    """The article's 'Retracted Publication' type and the notice found among the records are
    one retraction, not two lines."""
    article = Record(title=ARTICLE, publication_types=["Journal Article", "Retracted Publication"])
    found = concerns_among({1: article, 2: Record(title=f"Retraction: {ARTICLE}")})
    assert [(c.kind, c.notice) for c in found[1]] == [(RETRACTION, 2)]


def test_an_erratum_by_its_type_names_the_article_of_its_very_title() -> None:
    """PubMed titles some errata with their article's title: by the type 'Published Erratum'
    it names that article; a record of the same title without such a type is no notice, and
    a comment titled as the article names nothing."""
    erratum = Record(title=ARTICLE, publication_types=["Published Erratum"])
    found = concerns_among({1: Record(title=ARTICLE), 2: erratum})
    assert [(c.kind, c.notice) for c in found[1]] == [(ERRATUM, 2)]
    comment = Record(title=ARTICLE, publication_types=["Comment"])
    assert not concerns_among({1: Record(title=ARTICLE), 2: comment})
    assert not concerns_among({1: Record(title=ARTICLE), 2: Record(title=ARTICLE)})


@pytest.mark.parametrize(
    ("article", "notice"),
    [
        # a comment or a reply on an article whose own title holds a notice word: the kind is
        # read from the notice's heading, not from the title it names
        ("Withdrawal of long-term antidepressants in primary care: a trial", "Comment on: {}"),
        ("Withdrawal of long-term antidepressants in primary care: a trial", "Reply to: {}"),
        ("Correction of adolescent idiopathic scoliosis with bracing: a trial", "Re: {}"),
        ("Concern about falling and physical activity in older adults", 'Response to "{}"'),
        (
            "Withdrawal of long-term antidepressants in primary care: a trial",
            "{} - Authors' reply",
        ),
    ],
)
def test_a_comment_on_an_article_titled_with_a_notice_word_is_a_comment(
    article: str, notice: str
) -> None:
    found = concerns_among({1: Record(title=article), 2: Record(title=notice.format(article))})
    assert [(c.kind, c.notice) for c in found[1]] == [(COMMENT, 2)]


@pytest.mark.parametrize(
    ("held", "notice", "attached"),
    [
        # an erratum names its article's title right after its heading: a record whose title
        # is only the end of the one named is another article
        (
            "Exercise for depression in older adults living in care homes",
            "Erratum to: Tai chi compared with exercise for depression in older adults living"
            " in care homes",
            False,
        ),
        # a comment may name the article's authors first
        (
            "The role of imagination in the organizing of knowledge",
            "Commentary on Karl E. Weick's 'The role of imagination in the organizing of"
            " knowledge'",
            True,
        ),
    ],
)
def test_a_notice_about_an_article_the_project_does_not_hold(
    held: str, notice: str, attached: bool
) -> None:
    found = concerns_among({1: Record(title=held), 2: Record(title=notice)})
    assert (1 in found) is attached


COPIED = "Yoga at the workplace for office workers with neck pain: a cluster trial"


def test_a_retraction_naming_the_paper_its_article_copied_is_not_about_that_paper() -> None:
    """A retraction notice names the earlier paper the retracted one copied, by its DOI
    (COPE's and Elsevier's wording); a review may hold that paper too, and it is not the
    retracted one. The notice's title names the retracted article."""
    notice = Record(
        title=f'Retraction notice to "{ARTICLE}"',
        doi="10.1016/j.notice.2021.1",
        abstract_sections=[
            AbstractSection(
                "",
                "This article has been retracted at the request of the Editor-in-Chief. The"
                " authors have plagiarized part of a paper that had already appeared in J. Occup."
                " Health, 2018, 60: 1-9, doi:10.1000/copied.2018.1. One of the conditions of"
                " submission is that authors declare the work is original.",
            )
        ],
    )
    held = {
        1: Record(title=ARTICLE, doi="10.1016/j.retracted.2020.1"),
        2: Record(title=COPIED, doi="10.1000/copied.2018.1"),
        3: notice,
    }
    found = concerns_among(held)
    assert [(c.kind, c.notice) for c in found[1]] == [(RETRACTION, 3)]
    assert 2 not in found
    del held[1]  # the retracted article not held: still not the copied paper's
    assert 2 not in concerns_among(held)


def test_an_abstract_citing_another_held_paper_gives_way_to_the_title() -> None:
    """An erratum's abstract may cite another paper by its DOI; the title names the article."""
    erratum = Record(
        title=f"Erratum to: {ARTICLE}",
        abstract_sections=[
            AbstractSection("", "Reference 12 should read: Smith J. doi:10.1000/copied.2018.1.")
        ],
    )
    held = {1: Record(title=ARTICLE), 2: Record(title=COPIED, doi="10.1000/copied.2018.1")}
    found = concerns_among({**held, 3: erratum})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(ERRATUM, 3, "its title")]
    assert 2 not in found


@pytest.mark.parametrize(
    "notice",
    [
        Record(title=f"Erratum to: {ARTICLE}", year=2019),
        Record(
            title="Correction", year=2019, abstract_sections=[AbstractSection("", "doi:10.1000/a")]
        ),
    ],
)
def test_a_notice_older_than_the_article_it_names_does_not_concern_it(notice: Record) -> None:
    """A notice cannot concern an article published after it: the one its title or DOI names
    is another version (a later report of the same title), not its article. PubMed's own link
    stands whatever the years."""
    later = Record(title=ARTICLE, year=2021, doi="10.1000/a")
    assert not concerns_among({1: later, 2: notice})
    same_year = replace(later, year=2019)
    assert [c.notice for c in concerns_among({1: same_year, 2: notice})[1]] == [2]
    linked = replace(notice, comments_corrections=[Correction("ErratumFor", "", "111")])
    assert [c.notice for c in concerns_among({1: replace(later, pmid="111"), 2: linked})[1]] == [2]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Letter: Withdrawal of long-term antidepressants in primary care", COMMENT),
        ("Letter: Concern about falling and physical activity in older adults", COMMENT),
        ("Letter to the editor: Correction of adolescent scoliosis with bracing", COMMENT),
        ("Notice of retraction", RETRACTION),
        ("Retraction notice.", RETRACTION),
        ("Correction", ERRATUM),
        ("Erratum.", ERRATUM),
        ("Editorial expression of concern", CONCERN),
        # the notice word as a heading before a stop or a dash (digital_work's, srsr's)
        ("ERRATUM - Information systems outsourcing: enduring themes", ERRATUM),
        ("RETRACTION. Latitude affects degree of advancement in laying by birds", RETRACTION),
    ],
)
def test_a_notice_with_no_heading_has_its_kind_from_its_opening_only(title: str, kind: str) -> None:
    """A notice attached by the DOI it names, its title no heading before another title: its
    kind is read as a heading is (the notice word opening the title, standing alone), not from
    any word of its first 60 characters ('Letter: Withdrawal of …' is no retraction)."""
    notice = Record(title=title, abstract_sections=[AbstractSection("", "doi:10.1000/a")])
    found = concerns_among({1: Record(title=ARTICLE, doi="10.1000/a"), 2: notice})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(kind, 2, "the DOI it names")]
