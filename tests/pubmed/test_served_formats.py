"""efetch's MEDLINE text and PMID lists and esummary's DocSums, read by the clients users point
at the local server: ``Bio.Medline.parse`` and reviewkit's own nbib reader on the MEDLINE text
of every article of the test snapshot (the same fields as its XML), ``Bio.Entrez.read`` on
esummary (real HTTP on 127.0.0.1; what differs from NCBI and why: the pm28 section of
benchmarks/results/pubmed-fidelity.md)."""

from __future__ import annotations

import io
import re
import urllib.request
from typing import Any

import pytest
from Bio import Entrez, Medline
from lxml import etree as ET
from pubmed.eutils_get import get, reply

from reviewkit import formats, offline_data
from reviewkit.formats import medline, pubmed_xml
from reviewkit.formats.elocation import article_number, medline_pages
from reviewkit.pubmed.server import EutilsServer
from reviewkit.records import Record, normalise_pages


def all_pmids(server: EutilsServer) -> str:
    return ",".join(str(p) for p in server.snapshot.all_pmids())


def xml_records(server: EutilsServer, ids: str) -> dict[str, Record]:
    body = get(server, "efetch", db="pubmed", id=ids)
    return {r.pmid: r for r in pubmed_xml.read(io.BytesIO(body), "efetch")}


def printed_pages(server: EutilsServer, ids: str) -> dict[str, str]:
    """Each article's MedlinePgn in the efetch XML ('' without one): what PubMed writes as PG
    and as a DocSum's Pages, never the ELocationID that a reader may take for the pages."""
    root = ET.fromstring(get(server, "efetch", db="pubmed", id=ids))
    return {
        a.findtext("MedlineCitation/PMID"): a.findtext(
            "MedlineCitation/Article/Pagination/MedlinePgn", ""
        )
        for a in root.iter("PubmedArticle")
    }


def medline_text(server: EutilsServer, **params: str) -> str:
    status, body = reply(server, "efetch", db="pubmed", rettype="medline", retmode="text", **params)
    assert status == 200
    return body.decode("utf-8")


def flat(record: Record) -> str:
    """The abstract as one text: MEDLINE's AB holds its parts as 'LABEL: text' in a row, and
    which of those a reader takes for a label is the reader's guess, not the format's."""
    return folded(
        " ".join(f"{s.label}: {s.text}" if s.label else s.text for s in record.abstract_sections)
    )


def folded(value: str) -> str:
    """Any white space as one space: the XML reader turns NLM's thin, hair and no-break spaces
    into spaces; the MEDLINE text keeps those characters as NLM wrote them."""
    return " ".join(value.split())


def test_biopython_reads_from_the_medline_text_what_the_xml_holds(server: EutilsServer) -> None:
    ids = all_pmids(server)
    xml = xml_records(server, ids)
    printed = printed_pages(server, ids)
    parsed = list(Medline.parse(io.StringIO(medline_text(server, id=ids))))
    assert [r["PMID"] for r in parsed] == ids.split(",")  # every article, in the order asked
    for found in parsed:
        rec = xml[found["PMID"]]
        # PG is MedlinePgn alone, as PubMed writes it: none for an article cited by its pii
        assert found.get("PG", "") == printed[found["PMID"]]
        assert folded(found.get("TI", "")) == rec.title
        assert folded(found.get("AB", "")) == flat(rec)
        # people (FAU) and groups (CN) are two lists in Bio.Medline; their order together is
        # checked through reviewkit's reader below
        assert sorted(found.get("FAU", []) + found.get("CN", [])) == sorted(rec.authors)
        assert found.get("JT", "") == rec.journal
        assert (found.get("VI", ""), found.get("IP", "")) == (rec.volume, rec.issue)
        # '001-1' is 001-001; without PG, the article number among the LIDs, as PubMed cites it
        # (Bio.Medline joins a record's LID lines with a space: '10.1183/... [doi] 2003344 [pii]')
        lids = re.findall(r"\S+ \[\w+\]", found.get("LID", ""))
        pages = normalise_pages(found.get("PG", "")) or medline_pages(lids, found.get("VI", ""))
        assert pages == rec.pages
        assert found.get("DP", "").startswith(str(rec.year)[:4])
        assert found.get("LA", [""])[0] == rec.language
        assert found.get("PT", []) == rec.publication_types
        headings = [h.split("/")[0].lstrip("*") for h in found.get("MH", [])]
        assert headings == rec.mesh_terms
        # Bio.Medline joins continuation lines only for its text keys, MH and AD; a keyword
        # longer than a line comes back in two parts, from PubMed's own files too
        assert " ".join(found.get("OT", [])) == " ".join(rec.keywords)
        assert list(dict.fromkeys(found.get("AD", []))) == rec.affiliations  # as NLM wrote them
        ids_given = found.get("LID", []) if isinstance(found.get("LID"), list) else []
        dois = [
            v[: -len(" [doi]")] for v in found.get("AID", []) + ids_given if v.endswith("[doi]")
        ]
        assert (rec.doi in dois) if rec.doi else not dois
        assert found.get("PMC", "") == rec.pmcid


def test_reviewkits_nbib_reader_reads_the_records_the_xml_gives(server: EutilsServer) -> None:
    ids = all_pmids(server)
    xml = xml_records(server, ids)
    text = medline_text(server, id=ids)
    records = list(medline.read(text, "efetch.nbib"))
    assert len(records) == len(xml)
    for rec in records:
        want = xml[rec.pmid]
        assert flat(rec) == flat(want)
        # url: the XML reader makes one from the PMID; MEDLINE text has no URL field
        skip = {"abstract_sections", "url", "raw", "source", "origin", "position"}
        for name in Record.__dataclass_fields__.keys() - skip:
            ours, theirs = getattr(rec, name), getattr(want, name)
            if isinstance(ours, str):
                ours, theirs = folded(ours), folded(theirs)
            elif isinstance(ours, list):
                ours = [folded(v) if isinstance(v, str) else v for v in ours]
                theirs = [folded(v) if isinstance(v, str) else v for v in theirs]
            assert ours == theirs, (rec.pmid, name)


TAG_LINE = re.compile(r"^([A-Z]{2,4}) {0,2}- (.*)$")


def fields_of(text: str) -> list[list[tuple[str, list[str]]]]:
    """Each record's fields as (tag, its lines), from MEDLINE text."""
    records: list[list[tuple[str, list[str]]]] = []
    for block in text.split("\n\n"):
        fields: list[tuple[str, list[str]]] = []
        for line in block.strip("\n").split("\n"):
            if line.startswith("      "):
                fields[-1][1].append(line)
            elif line:
                m = TAG_LINE.match(line)
                assert m and line[4] == "-" or line[:4].rstrip() == m.group(1), line
                fields.append((m.group(1), [line]))
        if fields:
            records.append(fields)
    return records


def test_the_medline_text_is_laid_out_as_pubmed_writes_it(server: EutilsServer) -> None:
    text = medline_text(server, id=all_pmids(server))
    assert text.startswith("\nPMID- ") and text.endswith(".\n")  # a blank line before each record
    for fields in fields_of(text):
        assert fields[0][0] == "PMID" and fields[-1][0] == "SO"
        for tag, lines in fields:
            assert lines[0][4:6] == "- " and lines[0][:4] == f"{tag:<4}"  # the tag column
            for line, after in zip(lines, lines[1:], strict=False):
                # at most 81 characters of text a line (a longer word alone on its line), the
                # break's space left at its end, and the next word would not have fitted
                assert line.endswith(" ")
                assert len(line.rstrip()) <= 87 or " " not in line[6:].rstrip()
                assert len(line) + len(after.split(" ")[6]) > 87
            assert len(lines[-1]) <= 87 or " " not in lines[-1][6:]


def order_of(fields: list[tuple[str, list[str]]]) -> list[str]:
    tags = [tag for tag, _ in fields]
    return [t for i, t in enumerate(tags) if t not in tags[:i]]


def test_fields_come_in_the_order_of_pubmeds_own_medline_files(server: EutilsServer) -> None:
    """Biopython's Tests/Medline files are PubMed's MEDLINE text (2006-2012): any two tags
    both there and in a reply come in the same order (the author group FAU, AU, AD repeats)."""
    folder = offline_data.path("biopython-tests", "Tests/Medline")
    theirs = [order_of(f) for p in sorted(folder.glob("*.txt")) for f in fields_of(p.read_text())]
    before = {(a, b) for order in theirs for i, a in enumerate(order) for b in order[i + 1 :]}
    before -= {("AD", "FAU"), ("AD", "AU"), ("AU", "FAU")}
    ours = [order_of(f) for f in fields_of(medline_text(server, id=all_pmids(server)))]
    checked = 0
    for order in ours:
        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                assert (b, a) not in before, (a, b, order)
                checked += (a, b) in before
    assert checked > 1000


def test_a_history_set_gives_the_same_medline_text_as_its_ids(server: EutilsServer) -> None:
    found = Entrez.read(
        io.BytesIO(get(server, "esearch", db="pubmed", term="english[la]", usehistory="y"))
    )
    window = medline_text(
        server, WebEnv=found["WebEnv"], query_key=found["QueryKey"], retstart="3", retmax="4"
    )
    ids = get(
        server,
        "efetch",
        db="pubmed",
        WebEnv=found["WebEnv"],
        query_key=found["QueryKey"],
        retstart="3",
        retmax="4",
        rettype="uilist",
        retmode="text",
    )
    assert ids.decode().split("\n") == list(found["IdList"][3:7]) + [""]
    assert window == medline_text(server, id=",".join(found["IdList"][3:7]))


def test_uilist_text_is_one_pmid_a_line_of_the_articles_held(server: EutilsServer) -> None:
    known = [str(p) for p in server.snapshot.all_pmids()[:3]]
    url = f"{server.base_url}efetch.fcgi?db=pubmed&rettype=uilist&retmode=text&id="
    status, body = reply(server, "efetch", db="pubmed", rettype="uilist", retmode="text",
                         id=",".join([known[0], "99999999", *known[1:]]))  # fmt: skip
    assert status == 200 and body == ("\n".join(known) + "\n").encode()
    with urllib.request.urlopen(url + known[0], timeout=5) as answer:
        assert answer.headers["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"rettype": "abstract", "retmode": "text"}, b"NCBI documents no layout for it"),
        ({"retmode": "text"}, b"rettype '' with retmode=text is not served"),
        ({"rettype": "medline"}, b"rettype 'medline' is not served as XML"),
        ({"rettype": "medline", "retmode": "html"}, b"retmode 'html' is not supported"),
    ],
)
def test_efetch_formats_not_served_are_refused_saying_what_is(
    server: EutilsServer, params: dict[str, str], said: bytes
) -> None:
    pmid = str(server.snapshot.all_pmids()[0])
    status, body = reply(server, "efetch", db="pubmed", id=pmid, **params)
    assert status == 400 and b"<eFetchResult>" in body and said in body


def summaries(server: EutilsServer, **params: str) -> Any:
    return Entrez.read(io.BytesIO(get(server, "esummary", db="pubmed", **params)))


def test_esummary_docsums_are_read_by_biopython_with_the_xml_fields(server: EutilsServer) -> None:
    ids = all_pmids(server)
    xml = xml_records(server, ids)
    printed = printed_pages(server, ids)
    read = summaries(server, id=ids)
    assert [s["Id"] for s in read] == ids.split(",")
    for summary in read:
        rec = xml[summary["Id"]]
        # Pages is MedlinePgn alone ('' for an article cited by its pii, which is ELocationID)
        assert normalise_pages(summary["Pages"]) == normalise_pages(printed[summary["Id"]])
        assert folded(summary["Title"]) == rec.title
        assert summary["FullJournalName"] == rec.journal
        assert (summary["Volume"], summary["Issue"]) == (rec.volume, rec.issue)
        # DocSum's ELocationID: 'pii: e228092. doi: 10.1136/...'
        located = (loc.split(": ", 1) for loc in summary["ELocationID"].split(". ") if ": " in loc)
        in_volume = article_number(located) if summary["Volume"] else ""  # not ahead of print
        pages = normalise_pages(summary["Pages"]) or in_volume
        assert pages == rec.pages
        assert list(summary["PubTypeList"]) == rec.publication_types
        assert summary["PubDate"].startswith(str(rec.year)[:4])
        assert len(summary["AuthorList"]) == len(rec.authors)
        assert summary["LastAuthor"] == (summary["AuthorList"] or [""])[-1]
        assert summary.get("DOI", "") == rec.doi or rec.doi not in summary["ArticleIds"].values()
        assert summary["HasAbstract"] == (1 if rec.abstract_sections else 0)
        assert summary["SO"].startswith(summary["PubDate"] + ";")


def test_esummary_items_are_those_of_pubmeds_recorded_reply(server: EutilsServer) -> None:
    real = offline_data.path("biopython-tests", "Tests/Entrez/esummary1.xml").read_bytes()
    recorded = Entrez.read(io.BytesIO(real))
    ours = get(server, "esummary", db="pubmed", id=str(server.snapshot.all_pmids()[0]))
    assert ours.split(b"\n")[:3] == real.split(b"\n")[:3]  # declaration, DOCTYPE, root
    assert ours.endswith(b"</DocSum>\n\n</eSummaryResult>\n")  # esummary1's spacing
    # a current reply adds DOI after ArticleIds (a 2024 reply, quoted in the audit)
    names = [k for k in summaries(server, id=str(server.snapshot.all_pmids()[0]))[0] if k != "DOI"]
    assert names == list(recorded[0].keys())
    assert b'\n\t<Item Name="LangList" Type="List">\n\t\t<Item Name="Lang" Type="String">' in ours


def test_esummary_from_a_history_set_equals_esummary_by_id(server: EutilsServer) -> None:
    found = Entrez.read(
        io.BytesIO(get(server, "esearch", db="pubmed", term="english[la]", usehistory="y"))
    )
    window = summaries(
        server, WebEnv=found["WebEnv"], query_key=found["QueryKey"], retstart="2", retmax="5"
    )
    assert [s["Id"] for s in window] == list(found["IdList"][2:7])
    assert window == summaries(server, id=",".join(found["IdList"][2:7]))


def test_esummary_errors_are_ncbis(server: EutilsServer) -> None:
    real = offline_data.path("biopython-tests", "Tests/Entrez/esummary8.xml").read_bytes()
    status, body = reply(server, "esummary", db="pubmed")
    assert (status, body) == (200, real)  # byte for byte
    with pytest.raises(RuntimeError, match="UID=99999999: cannot get document summary"):
        summaries(server, id="99999999")
    for params, said in (
        ({"version": "3.0"}, b"esummary version '3.0' is not served"),  # 2.0: served
        ({"retmode": "text"}, b"esummary retmode 'text' is not served"),  # json: served
    ):
        status, body = reply(server, "esummary", db="pubmed", id="1", **params)
        assert status == 200 and said in body and b"version 1.0 XML" in body


def test_the_medline_export_lays_out_a_field_as_the_server_does(server: EutilsServer) -> None:
    """One place for MEDLINE's layout: reviewkit's export of the XML's records wraps TI and AB
    line for line as the server's MEDLINE text does (PubMed's layout)."""
    ids = all_pmids(server)
    served = {f[0][1][0][6:]: dict(f) for f in fields_of(medline_text(server, id=ids))}
    out = io.StringIO()
    formats.write(list(xml_records(server, ids).values()), "medline", out)
    wrapped = 0
    for fields in fields_of(out.getvalue()):
        ours = dict(fields)
        theirs = served[ours["PMID"][0][6:]]
        for tag in ("TI", "AB"):
            served_lines = theirs.get(tag, [])
            if any(c.isspace() and c not in " \n" for line in served_lines for c in line):
                continue  # a thin or hair space: the XML reader made it a space, so it wraps there
            assert ours.get(tag, []) == served_lines
            wrapped += len(served_lines) > 1
    assert wrapped > 100
