"""A PubMed XML article made for a test, its abstract's sections labelled and categorised as
NLM gives them (``<AbstractText Label=... NlmCategory=...>``)."""

from __future__ import annotations

from collections.abc import Iterable


def pubmed_article(sections: Iterable[tuple[str, str, str]], pmid: str = "35000001") -> bytes:
    """One PubMed XML article whose abstract has ``sections`` (label, NlmCategory, text)."""
    texts = "".join(
        "<AbstractText"
        + (f' Label="{label}"' if label else "")
        + (f' NlmCategory="{nlm}"' if nlm else "")
        + f">{text}</AbstractText>"
        for label, nlm, text in sections
    )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle,'
        ' 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
        "<PubmedArticleSet><PubmedArticle>"
        f'<MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        "<Article><Journal><JournalIssue><PubDate><Year>2021</Year></PubDate></JournalIssue>"
        "<Title>J Clin Nurs</Title></Journal><ArticleTitle>A return-to-work programme for"
        f" nurses</ArticleTitle><Abstract>{texts}</Abstract><AuthorList><Author>"
        "<LastName>Nilsen</LastName><Initials>O</Initials></Author></AuthorList>"
        "<Language>eng</Language></Article></MedlineCitation><PubmedData><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData>'
        "</PubmedArticle></PubmedArticleSet>\n"
    ).encode()
