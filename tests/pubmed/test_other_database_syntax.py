"""A strategy written for another database pasted as a PubMed search (pubmed47): `search test`
and `protocol check` name the database whose syntax a piece is, the piece and PubMed's nearest
form, and say nothing of PubMed's own syntax beside it. Over HTTP on the local server: PubMed
runs such a search (as words), so the server answers as it would and the client advises."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROTOCOL_A

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer

# (a strategy as each interface writes it, what the warning must say). Each piece stands beside
# PubMed's own syntax of the same kind, which must draw no warning of its own.
PASTED = [
    (
        "exp Sick Leave/ OR depression/therapy[mh]",
        [
            "'exp Sick Leave/' at character 1 is Ovid's subject heading, exploded",
            '"Sick Leave"[mh]',
        ],
    ),
    (
        "return to work.ti,ab. OR follow-up[tiab]",
        ["'.ti,ab.' at character 15 is Ovid's field suffix", '"return to work"[tiab]'],
    ),
    (
        '(sick adj3 leave).tw. OR "sick leave"[tiab:~3]',
        [
            "'adj3' at character 7 is Ovid's proximity operator",
            '"sick leave"[tiab:~2]',
            "'.tw.' at character 18 is Ovid's field suffix",
        ],
    ),
    (
        "(return adj3 work adj2 place)",  # a chain: each operator named
        [
            "'adj3' at character 9 is Ovid's proximity operator",
            '"return work"[tiab:~2]',
            "'adj2' at character 19 is Ovid's proximity operator",
            '"work place"[tiab:~1]',
        ],
    ),
    ("absen$ AND 2020:2021[dp]", ["'$' at character 6 is Ovid's truncation", "write '*'"]),
    (
        'MH "Sick Leave+" OR "sick leave"[mh]',
        [
            "'MH' at character 1 is EBSCOhost's field code MH",
            "'\"Sick Leave+\"' at character 4 is EBSCOhost's (CINAHL's) exploded heading",
        ],
    ),
    (
        "(sick N3 leave) OR absenteeism[tiab]",
        ["'N3' at character 7 is EBSCOhost's proximity operator", '"sick leave"[tiab:~3]'],
    ),
    (
        "TITLE-ABS-KEY(sick leave) AND english[la]",
        ["'TITLE-ABS-KEY(' at character 1 is Scopus's field code TITLE-ABS-KEY", "[tiab]"],
    ),
    ("sick W/3 leave", ["'W/3' at character 6 is Scopus's proximity operator"]),
    (
        "'sick leave'/exp OR absenteeism[mh]",
        [
            "''sick leave'/exp' at character 1 is Embase.com's Emtree term (/exp)",
            '"sick leave"[mh]',
        ],
    ),
    (
        "sick NEAR/3 leave",
        [
            "'NEAR/3' at character 6 is Embase.com's, the Cochrane Library's or Web of Science's proximity operator",
            '"sick leave"[tiab:~3]',
            "from Embase.com, which counts as Ovid does, ~2",  # NEAR/1 is side by side there
        ],
    ),
    (
        "sick leave:ti,ab,kw OR #3",
        [
            "':ti,ab,kw' at character 11 is Embase.com's or the Cochrane Library's field list",
            "[tiab]",
        ],
    ),
    (
        "TS=(sick leave) AND hospitals/organization & administration[mh]",
        ["'TS=' at character 1 is Web of Science's field tag TS=", "[tiab]"],
    ),
]
PASTED += [
    (
        'absenteeism[tiab] OR [mh ^"Sick Leave"]',  # refused: a tag must follow a term
        [
            "'[mh ^\"Sick Leave\"]' at character 22 is the Cochrane Library's MeSH term",
            '"Sick Leave"[mh:noexp]',
        ],
    ),
    (
        "MeSH descriptor: [Sick Leave] explode all trees",  # refused: an unknown tag
        [
            "'MeSH descriptor: [Sick Leave] explode all trees' at character 1 is the Cochrane",
            '"Sick Leave"[mh] (exploded',
        ],
    ),
]
# PubMed's own syntax, each of the kinds a rule above might take for another database's
PUBMED_OWN = (
    'depression/therapy[mh] OR "a b"[tiab:~3] OR "sick-leave"[tiab] OR and/or[tiab] OR '
    'mg/dl[tiab] OR vocation*[tiab] OR ("2020/01/01"[dp] : "2020/12/31"[dp]) OR TMA : New[ti]'
)
DATABASES = ("Ovid", "EBSCOhost", "Scopus", "Embase", "Cochrane", "Web of Science")
# Text a librarian pastes as PubMed words (titles' and abstracts' kinds), each like a sign of
# another database's syntax: a cell marker's '+' in PubMed's quotes, a TNM stage, a gas or a
# protein named by a capital and a digit beside a function word, a slash and a space between
# alternatives, a currency, acronyms inside text, several words before a tag (one term), a
# title in capitals, an abbreviation defined with '=', an acronym and its expansion, a place.
TEXT_LIKE_SYNTAX = [
    '"CD4+"[tiab] OR "HER2+"[tiab]',
    "T2 N3 M0 OR patients with N2 disease OR stage IIIA N2 disease",
    "myelin W1 and W2 proteins",
    "HIV/ AIDS OR flexor/ extensor OR w/ or w/o",
    "US$ 1000 OR US$2 billion",
    "conducting MH screenings OR Fit MM Patients",
    "AB testing in clinical trials[ti]",
    "HOUSING NEAR MAJOR ROADS",
    "(DO = dissolved oxygen)",
    "ABS (acrylonitrile butadiene styrene)",
    "Mt.St. Helens",
]


@pytest.mark.parametrize(("query", "said"), PASTED)
def test_search_test_names_the_database_the_piece_and_pubmeds_form(
    server: EutilsServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    query: str,
    said: list[str],
) -> None:
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    main(["search", "test", query, "--base-url", server.base_url])
    out = capsys.readouterr()
    text = out.out + out.err
    for piece in said:
        assert piece in text, (piece, text)
    # the warnings name only the foreign pieces: as many as written above, PubMed's own none
    foreign = [
        line
        for line in text.splitlines()
        if " at character " in line and any(d in line for d in DATABASES)
    ]
    assert len(foreign) == sum(1 for piece in said if "at character" in piece), text


def test_pubmeds_own_syntax_draws_no_such_warning(
    server: EutilsServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A guard beside the tests above (it passed before the warnings were written): the forms
    PubMed documents for headings, proximity, ranges, hyphens and slashes stay unwarned."""
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    assert main(["search", "test", PUBMED_OWN, "--base-url", server.base_url]) == 0
    out = capsys.readouterr().out
    assert not any(d in out for d in DATABASES), out


@pytest.mark.parametrize("query", TEXT_LIKE_SYNTAX)
def test_text_that_looks_like_another_databases_syntax_draws_no_warning(
    server: EutilsServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    query: str,
) -> None:
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    main(["search", "test", query, "--base-url", server.base_url])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "count" in text.lower() or "error" in text.lower(), text  # the search was tried
    assert not any(d in text for d in DATABASES), text


def test_protocol_check_names_the_search_and_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "protocol.toml"
    path.write_text(
        PROTOCOL_A.read_text()
        + "\n[[searches]]\nname = \"ovid\"\nquery = '''1. exp Sick Leave/\n2. (return adj3 work).tw.\n3. or/1-2'''\n"
    )
    assert main(["protocol", "check", str(path)]) == 0  # warnings: PubMed runs such a search
    out = capsys.readouterr().out
    assert f"warning: {path}: search ovid:" in out
    assert "'exp Sick Leave/' at character 4 is Ovid's subject heading, exploded" in out
    assert "'adj3' at character 31 is Ovid's proximity operator" in out
    assert "'or/1-2' at character 49 is Ovid's combination of its search history's lines" in out
    assert "line 1 begins with '1.', a line number of a pasted search history" in out
