"""The publication types of notices, as each reader takes them (notice47: one list,
notice_titles.PUBLICATION_TYPES, which the three readers are built from). PubMed's types make a
notice with its kind on the notices' screen and keep it out of a study's reports, 'Comment'
among them; every database's erratum, retraction and concern types do so too (dedup48b: they
were read by dedup's ``typed_notice`` only) and, not 'Comment', make ``typed_notice``. Titles
are an article's own, so only the type can say it."""

from __future__ import annotations

import pytest

from reviewkit.dedup.concerns import notice_kind
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.notice_titles import notice_by_type
from reviewkit.records import Correction, Record

TITLE = "Effect of early mobilisation on recovery after hip fracture: a randomised trial"

PUBMED = [
    ("Published Erratum", "erratum"),
    ("Retraction of Publication", "retraction"),
    ("Retraction Notice", "retraction"),
    ("Expression of Concern", "expression of concern"),
    ("Comment", "comment"),
]
OTHER_DATABASES = [
    "Erratum",
    "Correction",
    "Correction, Addition",
    "Retraction",
    "Erratum/Correction",
]


@pytest.mark.parametrize(("name", "kind"), PUBMED)
def test_pubmed_types_name_a_notice_and_its_kind(name: str, kind: str) -> None:
    rec = Record(title=TITLE, publication_types=["Journal Article", f" {name.upper()} "])
    assert notice_about_a_paper(rec)
    assert notice_kind(rec) == kind
    assert notice_by_type(rec.publication_types) is (kind != "comment")


@pytest.mark.parametrize("name", OTHER_DATABASES)
def test_other_databases_types_are_dedup_notices(name: str) -> None:
    assert notice_by_type(["Article", name]) is True
    rec = Record(title=TITLE, publication_types=["Article", name])
    assert notice_about_a_paper(rec)
    assert notice_kind(rec) == ("retraction" if name == "Retraction" else "erratum")


def test_psycinfo_comment_reply_names_a_comment_not_a_dedup_notice() -> None:
    # APA PsycInfo's document type for a comment on an article or its authors' reply: shown as
    # a comment with its article and no report of its study, as PubMed's 'Comment'; like it,
    # no dedup notice (other databases type comments 'Letter' or 'Note')
    rec = Record(title=TITLE, publication_types=["Journal Article", "Comment/Reply"])
    assert notice_about_a_paper(rec)
    assert notice_kind(rec) == "comment"
    assert notice_by_type(rec.publication_types) is False


def test_article_types_name_no_notice() -> None:
    for types in (["Journal Article"], ["Retracted Publication"], ["Letter"], ["Editorial"]):
        rec = Record(title=TITLE, publication_types=types)
        assert notice_by_type(types) is False
        assert not notice_about_a_paper(rec)
    assert notice_by_type([]) is None


def test_partial_retraction_link_outranks_nlm_retraction_type() -> None:
    # NLM types a partial retraction 'Retraction of Publication' as it does a full one; only
    # PubMed's PartialRetractionOf link tells them apart, so the link decides the kind
    rec = Record(
        title=f"Partial retraction of: {TITLE}",
        publication_types=["Journal Article", "Retraction of Publication"],
        comments_corrections=[Correction("PartialRetractionOf", "Lancet. 2020;1:1", "123")],
    )
    assert notice_kind(rec) == "partial retraction"
    full = Record(
        title=f"Retraction of: {TITLE}",
        publication_types=["Journal Article", "Retraction of Publication"],
        comments_corrections=[Correction("RetractionOf", "Lancet. 2020;1:1", "123")],
    )
    assert notice_kind(full) == "retraction"
