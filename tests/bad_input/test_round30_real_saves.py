"""Round 30 of bad input: what real tools write, of shapes no round had tried (samples written
here in each tool's shape, with records of our own), through ``reviewkit import``.

Lens.org's and OpenAlex's rarer publication types, written in lower case ('conference
proceedings article', 'working paper', 'reference entry', 'component', 'libguide'; OpenAlex's
'reference-entry', 'paratext', 'peer-review', 'supplementary-materials', 'libguides'), were
read as journal articles (no kind); a preprint exported by Zotero as RIS (its item type
'preprint' written 'TY  - GEN', its repository in PB: zotero/translators RIS.js) was read as a
generic item, where every other source's preprint is the journal kind with the type
'Preprint'."""

from __future__ import annotations

from bad_input.protocol_helpers import imported_records

from reviewkit.formats.kinds import record_kind

# Lens.org's scholarly CSV export, its header as the site writes it
LENS_HEADER = (
    "Lens ID,Title,Date Published,Publication Year,Publication Type,Source Title,ISSNs,"
    "Publisher,Source Country,Author/s,Abstract,Volume,Issue Number,Start Page,End Page,"
    "Fields of Study,Keywords,MeSH Terms,Chemicals,Funding,Source URLs,External URL,PMID,DOI,"
    "Microsoft Academic ID,PMCID,Citing Patents Count,References,Citing Works Count,Is Open Access\n"
)


def _lens(n: int, kind: str, source: str = "") -> str:
    return (
        f"000-000-000-00{n}-X,Return to work study {n},2021-03-02,2021,{kind},{source},,,,"
        f"Kari Nordmann; Ola Berg,Workers on sick leave were followed.,3,2,10,20,,,,,,,,,"
        f"10.1000/lens.{n},,,0,,0,false\n"
    )


LENS_TYPES = [
    ("conference proceedings article", "conference"),
    ("working paper", "report"),
    ("reference entry", "generic"),
    ("component", "generic"),
    ("libguide", "web"),
    # guards: read right before, a journal's types and the ones that say nothing
    ("journal article", ""),
    ("book chapter", "chapter"),
    ("review", ""),
    ("preprint", ""),
    ("other", ""),
    ("unknown", ""),
]


def test_lens_lower_case_publication_types_name_their_kind(tmp_path, capsys):
    path = tmp_path / "lens-export.csv"
    rows = "".join(_lens(n, kind) for n, (kind, _) in enumerate(LENS_TYPES))
    path.write_text(LENS_HEADER + rows, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [r.publication_types for r in records] == [[kind] for kind, _ in LENS_TYPES]
    assert [record_kind(r) for r in records] == [kind for _, kind in LENS_TYPES]


OPENALEX_HEADER = (
    "id,doi,title,display_name,publication_year,ids.openalex,type,type_crossref,"
    "authorships.author.display_name,primary_location.source.display_name\n"
)
OPENALEX_TYPES = [
    ("reference-entry", "Reference Entry", "generic"),
    ("paratext", "Paratext", "generic"),
    ("peer-review", "Peer Review", "generic"),
    ("supplementary-materials", "Supplementary Materials", "generic"),
    ("libguides", "Libguides", "web"),
    ("book-review", "Book Review", ""),  # guards: a journal's, and read right before
    ("erratum", "Erratum", ""),
    ("other", "Other", ""),
]


def test_openalex_rarer_work_types_name_their_kind(tmp_path, capsys):
    path = tmp_path / "openalex.csv"
    rows = "".join(
        f"https://openalex.org/W4{n},https://doi.org/10.1000/oa.{n},Sick leave {n},Sick leave"
        f" {n},2022,https://openalex.org/W4{n},{work},other,Kari Nordmann,Work Health\n"
        for n, (work, _, _) in enumerate(OPENALEX_TYPES)
    )
    path.write_text(OPENALEX_HEADER + rows, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [r.publication_types for r in records] == [[name] for _, name, _ in OPENALEX_TYPES]
    assert [record_kind(r) for r in records] == [kind for _, _, kind in OPENALEX_TYPES]


def _zotero_ris(ty: str, title: str, publisher: str = "", doi: str = "", url: str = "") -> str:
    """One item as Zotero's RIS export writes it (RIS.js: TY, TI, AU, AB, DA, PY, DO, PB, UR)."""
    lines = [f"TY  - {ty}", f"TI  - {title}", "AU  - Nordmann, Kari", "AU  - Berg, Ola"]
    lines += ["AB  - Workers on sick leave were followed for a year.", "DA  - 2021-03-02"]
    lines += (
        ["PY  - 2021"] + [f"DO  - {doi}"] * bool(doi) + [f"PB  - {publisher}"] * bool(publisher)
    )
    lines += [f"UR  - {url}"] * bool(url) + ["ER  - ", ""]
    return "\n".join(lines) + "\n"


def test_a_zotero_preprint_exported_as_ris_is_read_as_a_preprint(tmp_path, capsys):
    path = tmp_path / "zotero-export.ris"
    items = [
        _zotero_ris(
            "GEN",
            "Graded return to work after COVID-19",
            "medRxiv",
            "10.1101/2021.03.01.21252700",
            "https://www.medrxiv.org/content/10.1101/2021.03.01.21252700v1",
        ),
        _zotero_ris("GEN", "Sick leave and telework", "Research Square"),  # no DOI
        _zotero_ris("GEN", "A model of work ability", doi="10.48550/arXiv.2103.01234"),
        # guards: Zotero's other generic items stay generic; a journal article stays one
        _zotero_ris("GEN", "Guidance on return to work", "World Health Organization"),
        _zotero_ris("GEN", "Working conditions survey", doi="10.1101/gr.087698.108"),
        _zotero_ris("JOUR", "Return to work in a cohort", "Elsevier", "10.1000/j.1"),
    ]
    path.write_text("".join(items), encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [record_kind(r) for r in records] == ["", "", "", "generic", "generic", ""]
    assert [r.publication_types for r in records] == [["Preprint"]] * 3 + [[]] * 3
    assert [r.journal for r in records[:3]] == ["medRxiv", "Research Square", ""]
    assert [r.publisher for r in records] == [
        "",
        "",
        "",
        "World Health Organization",
        "",
        "Elsevier",
    ]


# Open Journal Systems' RIS download (pkp/citationStyleLanguage, templates/citation-styles/
# ris.tpl): every tag written, empty ones too; PY the full date; the journal's section in SE;
# 'ER  -' without its space; the abstract's line breaks taken out
OJS = (
    "TY  - JOUR\nAU  - Nordmann, Kari\nAU  - Berg, Ola\nPY  - 2021/03/02\nY2  - 2024/05/01\n"
    "TI  - Graded return to work after long-term sick leave\n"
    "JF  - Nordic Journal of Working Life\nJA  - Nord J Work Life\nVL  - 11\nIS  - 2\n"
    "SE  - Original Articles\nDO  - 10.1000/njwl.1234\n"
    "UR  - https://journals.example.org/njwl/article/view/1234\nSP  - 45-60\n"
    "AB  - Workers on sick leave were followed for a year.\nER  -\n"
    "TY  - JOUR\nAU  - Berg, Ola\nPY  - 2020/11/15\nY2  - 2024/05/01\n"
    "TI  - Sick leave certification in primary care\nJF  - Nordic Journal of Working Life\n"
    "JA  - \nVL  - 10\nIS  - \nSE  - Reviews\nDO  - \n"
    "UR  - https://journals.example.org/njwl/article/view/987\nSP  - \nAB  - \nER  -\n"
)
# Springer Nature's (BMC's) RIS citation download: PY the year, DA the date, JO the journal, the
# article number in SP, the DOI in DO and as a doi.org link in UR, a citation key in ID
SPRINGER = (
    "TY  - JOUR\nAU  - Nordmann, Kari\nAU  - Berg, Ola\nPY  - 2021\nDA  - 2021/03/02\n"
    "TI  - Graded return to work after long-term sick leave: a cohort study\n"
    "JO  - BMC Public Health\nSP  - 412\nVL  - 21\nIS  - 1\n"
    "AB  - Workers on sick leave were followed for a year.\nSN  - 1471-2458\n"
    "UR  - https://doi.org/10.1186/s12889-021-10412-x\nDO  - 10.1186/s12889-021-10412-x\n"
    "ID  - Nordmann2021\nER  - \n"
)


def test_guard_open_journal_systems_ris_is_read_right(tmp_path, capsys):
    """Read right before (a guard)."""
    path = tmp_path / "citation.ris"
    path.write_text(OJS, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [(r.year, r.journal, r.volume, r.issue, r.pages, r.doi) for r in records] == [
        (2021, "Nordic Journal of Working Life", "11", "2", "45-60", "10.1000/njwl.1234"),
        (2020, "Nordic Journal of Working Life", "10", "", "", ""),
    ]
    assert records[1].url == "https://journals.example.org/njwl/article/view/987"
    assert [r.abstract for r in records] == ["Workers on sick leave were followed for a year.", ""]
    assert [record_kind(r) for r in records] == ["", ""]


def test_guard_springer_nature_ris_is_read_right(tmp_path, capsys):
    """Read right before (a guard)."""
    path = tmp_path / "s12889-021-10412-x.ris"
    path.write_text(SPRINGER, encoding="utf-8")
    (record,) = imported_records(tmp_path, capsys, path)
    assert (record.year, record.journal, record.volume, record.issue, record.pages) == (
        2021,
        "BMC Public Health",
        "21",
        "1",
        "412",
    )
    assert record.doi == "10.1186/s12889-021-10412-x" and not record.url
    assert record.authors == ["Nordmann, Kari", "Berg, Ola"] and record_kind(record) == ""


def test_a_zotero_preprint_known_by_its_doi_keeps_its_host_as_publisher(tmp_path, capsys):
    """A preprint told by its server's DOI (in DO, or in its one doi.org link) whose PB names the
    server's host, not the server: the host stays its publisher, no journal's name (it was
    taken as the journal, 'Cold Spring Harbor Laboratory'); a DOI written as a link in DO is
    a DOI all the same."""
    path = tmp_path / "zotero-export.ris"
    host = "Cold Spring Harbor Laboratory"
    items = [
        _zotero_ris("GEN", "Graded return to work", host, "10.1101/2021.03.01.21252700"),
        _zotero_ris(
            "GEN",
            "Telework and sick leave",
            host,
            url="https://doi.org/10.1101/2021.04.02.21254800",
        ),
        _zotero_ris("GEN", "Work ability", doi="https://doi.org/10.48550/arXiv.2103.01234"),
    ]
    path.write_text("".join(items), encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [r.publication_types for r in records] == [["Preprint"]] * 3
    assert [(r.journal, r.publisher) for r in records] == [("", host), ("", host), ("", "")]
