"""One reading of a notice's heading (reviewkit.dedup.notice_titles): every heading by which
dedup reads a title as a notice (titles.is_notice) is read by the notices too, with its kind
and the title it names, so that the notice is attached to that title's record."""

from __future__ import annotations

import pytest

from reviewkit.dedup.concerns import COMMENT, ERRATUM, RETRACTION, concerns_among
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.notice_titles import Named, named_title
from reviewkit.records import AbstractSection, Record

ARTICLE = "Graded activity and sick leave in workers with low back pain: a randomised trial"


@pytest.mark.parametrize(
    ("notice", "kind"),
    [
        # APA's correction notices (PsycINFO), as dedup reads them
        (f'"{ARTICLE}": Correction to Lee et al. (2014).', ERRATUM),
        (f'"{ARTICLE}": Correction', ERRATUM),
        # Web of Science: the article's title and its place
        (f"{ARTICLE} (vol 85, pg 553, 2010)", ERRATUM),
        (f"Fe de erratas: {ARTICLE}", ERRATUM),
        (f"Statement of retraction: {ARTICLE}", RETRACTION),
        (f"Author's reply: {ARTICLE}", COMMENT),
        # German, French and Italian journals' erratum headings
        (f"Berichtigung zu: {ARTICLE}", ERRATUM),
        (f"Berichtigung: {ARTICLE}", ERRATUM),
        (f"Rectificatif à : {ARTICLE}", ERRATUM),
        (f"Rettifica: {ARTICLE}", ERRATUM),
        # without a publication type: a quoted title of four words or more after 'Retraction
        # of', and German journals' other erratum heading
        (f'Retraction of "{ARTICLE}"', RETRACTION),
        (f"Retraction of “{ARTICLE}”", RETRACTION),
        (f"Korrektur zu: {ARTICLE}", ERRATUM),
        (f"Korrektur: {ARTICLE}", ERRATUM),  # with only its colon, as 'Berichtigung:'
    ],
)
def test_a_heading_dedup_reads_is_read_by_the_notices(notice: str, kind: str) -> None:
    record = Record(title=notice)
    assert notice_about_a_paper(record)
    found = concerns_among({1: Record(title=ARTICLE), 2: record})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(kind, 2, "its title")]


WOS = Record(
    title="Graded activity in workers with low back pain",
    journal="Journal of Occupational Rehabilitation",
    year=2010,
    volume="85",
    pages="553-61",
)


def test_a_web_of_science_correction_is_attached_by_its_place() -> None:
    """'<title> (vol 85, pg 553, 2010)': the title the correction gives may not be the held
    one's (here what it corrects); the place, in the notice's own journal (a correction is
    printed in its article's journal), names the article."""
    notice = Record(
        title="Errors in figure 2 and table 3 of the trial report (vol 85, pg 553, 2010)",
        journal="J Occup Rehabil",
        year=2011,
    )
    found = concerns_among({1: WOS, 2: notice})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(ERRATUM, 2, "the citation it gives")]
    elsewhere = Record(title=notice.title, journal="Spine", year=2011)
    assert 1 not in concerns_among({1: WOS, 2: elsewhere})


LANCET = Record(
    title="Pembrolizumab versus chemotherapy in advanced gastric cancer: a randomised trial",
    journal="Lancet (London, England)",
    journal_abbreviation="Lancet",
    year=2020,
    volume="395",
    pages="1234-45",
)


def test_the_lancets_department_of_error_is_attached_by_the_citation_in_its_abstract() -> None:
    """The Lancet titles its errata 'Department of Error.'; the abstract (Embase, Scopus) cites
    the corrected article: 'Smith J, et al. <title>. Lancet 2020; 395: 1234-45—In this
    Article, …'."""
    text = (
        "Smith J, Jones B, et al. Pembrolizumab versus chemotherapy in advanced gastric cancer:"
        " a randomised trial. Lancet 2020; 395: 1234\u201345\u2014In this Article, the second"
        " author's name should have been spelled Jonas."
    )
    notice = Record(
        title="Department of Error.", year=2020, abstract_sections=[AbstractSection("", text)]
    )
    assert notice_about_a_paper(notice)
    found = concerns_among({1: LANCET, 2: notice})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(ERRATUM, 2, "the citation it gives")]


def test_a_quoted_title_followed_by_its_citation_names_that_title_only() -> None:
    """'Corrigendum to "<title>" [J Neurosci Methods 221 (2014) 92-102]': the quotes bound the
    named title, so a held title that is only its start (a subtitle dropped) is another
    article; unquoted, the citation after a title cannot be told from a subtitle."""
    held = "Graded activity and sick leave in workers"
    quoted = f'Corrigendum to "{held} with low back pain" [J Occup Rehabil 29 (2019) 456-65]'
    assert 1 not in concerns_among({1: Record(title=held), 2: Record(title=quoted)})
    whole = f'Corrigendum to "{ARTICLE}" [J Occup Rehabil 29 (2019) 456-65]'
    assert 1 in concerns_among({1: Record(title=ARTICLE), 2: Record(title=whole)})


def test_a_known_notices_word_after_a_dash_without_a_blank() -> None:
    """'<title>, Finland April to December 2020-Corrigendum.' (Epidemiol Infect): on a record
    known as a notice (its PubMed type) the word after a dash is read without a blank before
    it; dedup does not read it alone ('Response-rate' is a word)."""
    erratum = Record(title=f"{ARTICLE} 2020-Corrigendum.", publication_types=["Published Erratum"])
    found = concerns_among({1: Record(title=f"{ARTICLE} 2020"), 2: erratum})
    assert [(c.kind, c.notice) for c in found[1]] == [(ERRATUM, 2)]


@pytest.mark.parametrize(
    "heading",
    ["Corrigendum to '{}'", "Correction to {}", "Retraction notice to {}", "Erratum to {}"],
)
def test_a_colon_in_the_named_title_is_not_the_headings(heading: str) -> None:
    """The named title's own colon within 30 characters of the heading is not the heading's
    (the snapshot's "Corrigendum to 'Making epistemic citizens: Young people and …'" was
    read as naming its subtitle)."""
    article = "Graded activity at work: a randomised trial of sick leave"
    notice = heading.format(article)
    assert named_title(notice).title == article
    record = Record(title=notice, publication_types=["Published Erratum"])
    found = concerns_among({1: Record(title=article), 2: record})
    assert [(c.notice, c.how) for c in found.get(1, [])] == [(2, "its title")]


def test_a_heading_with_words_before_its_colon_is_read_whole() -> None:
    """'Erratum to the article: <title>', 'RETRACTION NOTE TO: <TITLE>': the heading's own
    words before its colon, in lower case or all capitals, are still the heading."""
    for notice in (f"Erratum to the article: {ARTICLE}", f"RETRACTION NOTE TO: {ARTICLE.upper()}"):
        assert named_title(notice).title.casefold() == ARTICLE.casefold(), notice


QUOTE_LED = '"Nobody told me what to expect": experiences of women after stroke in rural clinics'


@pytest.mark.parametrize(
    "notice",
    [
        f"Retraction: {QUOTE_LED}",
        f"Expression of concern: {QUOTE_LED}",
        f"Erratum to: {QUOTE_LED}",
        "Corrigendum to “Nobody told me what to expect”: Experiences of Women after Stroke in"
        " Rural Clinics",
    ],
)
def test_a_title_opening_with_a_quotation_is_named_whole(notice: str) -> None:
    """A title that opens with a quotation and goes on after it (qualitative studies' '"<what
    was said>": experiences of …') is not bounded by that quotation's quotes: what follows
    is its subtitle, not a citation (which gives a volume, a year or pages, or a bracket)."""
    found = concerns_among({1: Record(title=QUOTE_LED), 2: Record(title=notice)})
    assert [(c.notice, c.how) for c in found.get(1, [])] == [(2, "its title")]


@pytest.mark.parametrize(
    "after",
    [
        "",
        ".",
        " [J Occup Rehabil 29 (2019) 456-65]",
        ": [Annals of Oncology 31 (2020) 1148-59]",
        ". JOURNAL OF NEUROSCIENCE METHODS 221 (2014) 92-102",
        ". J Neurosci Methods 221 (2014) 92-102",
    ],
)
def test_a_quoted_title_before_its_citation_is_bounded(after: str) -> None:
    title = "Graded activity and sick leave in workers with low back pain"
    assert named_title(f'Corrigendum to "{title}"{after}') == Named(title, bounded=True)


@pytest.mark.parametrize(
    "title",
    [
        "Erratum regarding the article by Smith et al",
        "An erratum on graded activity",
        "Corrigendum concerning the trial by Smith",
        "ERRATA IN THE PAPER BY SMITH",
    ],
)
def test_an_erratum_by_its_opening_words_is_an_erratum(title: str) -> None:
    """A notice with no publication type (RIS, Embase) that dedup reads as one by the erratum
    word among its first four ('Erratum regarding …') is an erratum, shown in status and the
    report, not a comment, whatever record it names (here by the DOI in its text)."""
    text = "In the article doi:10.1000/xyz123 table 2 was wrong."
    notice = Record(title=title, abstract_sections=[AbstractSection("", text)])
    assert notice_about_a_paper(notice)
    found = concerns_among({1: Record(title=ARTICLE, doi="10.1000/xyz123"), 2: notice})
    assert [(c.kind, c.notice) for c in found[1]] == [(ERRATUM, 2)]


@pytest.mark.parametrize(
    "title",
    [
        'Retraction of "sham" surgery trials from the literature',  # a quoted word, no title
        "Retraction of 'sham' surgery trials in patients' hands",  # an apostrophe closes none
        "Korrektur zu kurzer Beinlänge nach Hüftendoprothese",  # no colon: an article's
    ],
)
def test_a_heading_alone_needs_its_title(title: str) -> None:
    assert not notice_about_a_paper(Record(title=title))


@pytest.mark.parametrize(
    "heading",
    ["Erratum For The Article:", "Correction To The Paper Entitled:", "Erratum for the article:"],
)
def test_a_title_case_heading_is_read_whole(heading: str) -> None:
    """A heading in Title Case ('Erratum For The Article: <title>') is read to its colon, not
    to its first capital: its words name the article, not its title."""
    notice = Record(title=f"{heading} {ARTICLE}", publication_types=["Published Erratum"])
    assert named_title(notice.title) == Named(ARTICLE)
    found = concerns_among({1: Record(title=ARTICLE), 2: notice})
    assert [c.notice for c in found[1]] == [2]


VIEWS = "Patients' views of graded activity and sick leave: a qualitative study"


@pytest.mark.parametrize(
    "notice",
    [
        f'Retraction of "{VIEWS}"',
        f"Retraction of “{VIEWS.replace(chr(39), '’')}”",
        f"Retraction of '{VIEWS}'",
        f"Retraction of ‘{VIEWS.replace(chr(39), '’')}’",
        "Retraction of “Don’t wait: graded activity and sick leave in workers”",
    ],
)
def test_a_quoted_title_with_an_apostrophe_is_named(notice: str) -> None:
    """An apostrophe inside a quoted title (a possessive, "don't"; straight or typographic)
    closes no quote: 'Retraction of "<title>"' is a notice without a type, and the title it
    names is the whole quoted one."""
    record = Record(title=notice)
    assert notice_about_a_paper(record), notice
    article = notice[len("Retraction of ") + 1 : -1]
    found = concerns_among({1: Record(title=article), 2: record})
    assert [(c.kind, c.notice) for c in found[1]] == [(RETRACTION, 2)], notice
