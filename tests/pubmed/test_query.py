"""PubMed query syntax: every valid PubMed form parses (and passes `protocol check`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROTOCOL_A

from reviewkit.cli import main
from reviewkit.query import QuerySyntaxError, parse, warnings
from reviewkit.query_nodes import BoolOp, HistoryRef, Range, Term, terms
from reviewkit.searches import filters_in
from reviewkit.searches.published_filters import COCHRANE_HSSS


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ('"return work"[tiab:~2]', Term("return work", "tiab", phrase=True, proximity=2)),
        ('"return work"[Title/Abstract:~2]', Term("return work", "tiab", phrase=True, proximity=2)),
        ("drug therapy[sh]", Term("drug therapy", "sh")),
        ("drug therapy [sh:noexp]", Term("drug therapy", "sh", noexp=True)),
        ("tamoxifen[nm]", Term("tamoxifen", "nm")),
        ("neoplasms[majr:noexp]", Term("neoplasms", "majr", noexp=True)),
        ("heart diseases[mesh: noexp]", Term("heart diseases", "mh", noexp=True)),
        ("heart diseases [MeSH Terms:noexp]", Term("heart diseases", "mh", noexp=True)),
        ("breast cancer[Title/Abstract]", Term("breast cancer", "tiab")),
        ("randomized controlled trial[pt]", Term("randomized controlled trial", "pt")),
        ("smith j[au]", Term("smith j", "au")),
        ("vocation* rehabilitation[tiab]", Term("vocation* rehabilitation", "tiab")),
        ("2011:2021[Date - Publication]", Range("2011", "2021", "dp")),
        ("2020/01/01:2020/12/31[edat]", Range("2020/01/01", "2020/12/31", "edat")),
        (
            '"2011/01/01"[Date - Publication] : "2021/12/31"[Date - Publication]',
            Range("2011/01/01", "2021/12/31", "dp"),
        ),
        ("2011:2021[crdt]", Range("2011", "2021", "crdt")),
        ("#1", HistoryRef(1)),
    ],
)
def test_valid_pubmed_forms_parse(query: str, first: object) -> None:
    node = parse(query)
    assert node == first


def test_a_multi_word_term_before_a_tag_is_one_term() -> None:
    assert terms(parse("breast cancer[tiab] AND smith j[au]")) == [
        Term("breast cancer", "tiab"),
        Term("smith j", "au"),
    ]
    # without a tag the words stay separate terms, ANDed
    assert [t.text for t in terms(parse("breast cancer"))] == ["breast", "cancer"]


def test_untagged_words_side_by_side_are_one_operand() -> None:
    """PubMed's automatic term mapping reads untagged words side by side as one phrase (ANDed
    when it maps nowhere): 'stroke OR heart attack' is stroke OR (heart AND attack). Until
    pubfid5 the implicit AND was one more operator read left to right: (stroke OR heart) AND
    attack. Tagged and quoted terms keep the left-to-right reading."""
    stroke, heart, attack = Term("stroke"), Term("heart"), Term("attack")
    assert parse("stroke OR heart attack") == BoolOp("OR", stroke, BoolOp("AND", heart, attack))
    assert parse("heart attack OR stroke") == BoolOp("OR", BoolOp("AND", heart, attack), stroke)
    grouped = parse("stroke OR heart attack")
    assert isinstance(grouped, BoolOp) and isinstance(grouped.right, BoolOp)
    assert grouped.right.adjacent and not grouped.adjacent
    tagged = parse('stroke[ti] OR heart[ti] "attack"')
    assert tagged == BoolOp(
        "AND", BoolOp("OR", Term("stroke", "ti"), Term("heart", "ti")), Term("attack", phrase=True)
    )


def test_a_group_in_parentheses_is_no_part_of_a_run_of_words() -> None:
    """Parentheses end a run of words side by side as an operator does: 'stroke OR (heart)
    attack' is (stroke OR heart) AND attack, and the AND is no ATM phrase (until rd34a the
    bracketed word opened a run: stroke OR (heart AND attack), and '(smith) j' was an author).
    A truncated word ends a run, as truncation ends the phrase it is written on."""
    stroke, heart, attack = Term("stroke"), Term("heart"), Term("attack")
    bracketed = parse("stroke OR (heart) attack")
    assert bracketed == BoolOp("AND", BoolOp("OR", stroke, heart), attack)
    assert isinstance(bracketed, BoolOp) and not bracketed.adjacent
    name = parse("(smith) j")
    assert isinstance(name, BoolOp) and not name.adjacent
    truncated = Term("attack", truncated=True)
    assert parse("stroke OR heart attack*") == BoolOp("OR", stroke, BoolOp("AND", heart, truncated))
    assert parse("stroke OR attack* heart") == BoolOp("AND", BoolOp("OR", stroke, truncated), heart)


def test_lower_case_operators_are_words_and_warned_about() -> None:
    assert [t.text for t in terms(parse("cancer or pain"))] == ["cancer", "or", "pain"]
    said = warnings("cancer or pain not (back and neck)")
    assert len(said) == 3 and all("is a search word, not an operator" in w for w in said)
    assert warnings("cancer OR pain") == []


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("cancer[xyz]", "unknown field tag [xyz]"),
        # :noexp is for the hierarchies, MeSH and publication types ([pt:noexp]: User Guide)
        ("cancer[ti:noexp]", "unknown field tag [ti:noexp]"),
        ("cancer[au:~2]", "unknown field tag [au:~2]"),  # proximity: [ti], [tiab], [ad]
        ("cancer[tiab:~2]", "proximity [field:~N] needs a quoted phrase"),
        ('"2011"[dp] : "2021"[edat]', "same field tag"),
    ],
)
def test_what_pubmed_would_not_accept_is_refused(query: str, problem: str) -> None:
    with pytest.raises(QuerySyntaxError, match=None) as info:
        parse(query)
    assert problem in str(info.value)


def test_history_lines_and_short_truncation_are_warned_about() -> None:
    said = warnings("#1 AND ca*")
    assert any("#1 refers to a line of a PubMed search history" in w for w in said)
    assert any("'ca*' truncates fewer than 4 characters" in w for w in said)


def test_a_decimal_number_starting_a_line_is_no_line_number() -> None:
    # '2.5 mg' is a dose, not line 2 of a pasted search history; '1. exp …' still is
    assert warnings("3.5 mg[tiab] AND dose[tiab]") == []
    assert warnings("vitamin d[tiab] AND\n2.5 mg[tiab]") == []
    said = warnings("1. sick leave[tiab]\n2. 2.5 mg[tiab]")
    assert any("line 2 begins with '2.'" in w for w in said)


def test_protocol_check_accepts_the_cochrane_hsss_and_long_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    protocol = tmp_path / "protocol.toml"
    queries = {
        "hsss": f"sick leave[tiab] AND {COCHRANE_HSSS.text}",
        "long": '"return work"[Title/Abstract:~2] AND neoplasms[MeSH Terms:noexp] AND '
        '"2011/01/01"[Date - Publication] : "2021/12/31"[Date - Publication]',
        "lower": "cancer or pain",
    }
    protocol.write_text(
        PROTOCOL_A.read_text()
        + "".join(f"\n[[searches]]\nname = \"{n}\"\nquery = '{q}'\n" for n, q in queries.items())
    )
    assert main(["protocol", "check", str(protocol)]) == 0
    out = capsys.readouterr().out
    assert "valid" in out
    assert f"warning: {protocol}: search lower: 'or' at character 8 is a search word" in out
    warned = [line for line in out.splitlines() if "warning:" in line]
    assert not [w for w in warned if "search hsss:" in w or "search long:" in w]


def test_published_filters_are_recognised_verbatim() -> None:
    assert filters_in(f"back pain[tiab] AND {COCHRANE_HSSS.text.upper()}") == [COCHRANE_HSSS]
    assert filters_in("trial[tiab]") == []


def test_parentheses_nested_past_the_limit_are_refused_not_a_traceback(capsys) -> None:
    from reviewkit.query import MAX_NESTING

    assert parse("(" * MAX_NESTING + "pain" + ")" * MAX_NESTING) == Term("pain")
    deep = "(" * 3000 + "pain" + ")" * 3000
    with pytest.raises(QuerySyntaxError, match="nested more than"):
        parse(deep)
    assert main(["search", "test", deep]) == 2
    assert "nested more than" in capsys.readouterr().err


def test_a_chain_of_thousands_of_terms_is_read_and_checked() -> None:
    # a long list of ORed names is no nesting: a left-deep tree 3,000 deep (terms() recursed)
    query = " OR ".join(f"drug{i}[tiab]" for i in range(3000)) + " OR cancer or"
    assert len(terms(parse(query))) == 3002
    assert [w for w in warnings(query) if "is a search word" in w]


def test_a_query_that_does_not_parse_is_still_warned_about(capsys, tmp_path) -> None:
    """The error names the first problem only; what the words say besides (a lower-case
    'or', a pasted line number) comes with it, where it is often the cause."""
    pasted = '1. "sick leave"[tiab] or (return to work'
    said = warnings(pasted)
    assert any("'or' at character 23 is a search word" in w for w in said)
    assert any("line 1 begins with '1.'" in w for w in said)
    assert warnings('"sick leave[tiab] or work') == []  # an unclosed quote: no words to read
    assert main(["search", "test", pasted]) == 2  # refused before any request
    err = capsys.readouterr().err
    assert "bad PubMed query" in err and "also: 'or' at character 23 is a search word" in err
    case = Path(__file__).parents[1] / "bad_input/cases/protocol/query-unbalanced.toml"
    bad = tmp_path / "protocol.toml"
    bad.write_text(
        case.read_text(encoding="utf-8").replace("(return to work AND", "(return to work or"),
        encoding="utf-8",
    )
    assert main(["protocol", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad query" in err and "also: 'or' at character 17 is a search word" in err


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("TMA : New aspects[ti]", ["TMA : New aspects"]),  # one tagged term, its ':' a word
        ("TMA : New aspects", ["TMA", ":", "New", "aspects"]),  # untagged words side by side
        ("TMA :New aspects", ["TMA", ":New", "aspects"]),  # glued to the word after it
        ('"2011"[dp] : cancer', ["2011", ":", "cancer"]),  # a date on one side only
    ],
)
def test_a_colon_between_no_two_dates_is_text(query: str, words: list[str]) -> None:
    """PubMed's User Guide: "To enter a date range, insert a colon (:) between each date";
    elsewhere a pasted title's colon is no range (before: 'both ends of a range need the same
    field tag')."""
    assert [t.text for t in terms(parse(query))] == words


def test_the_user_guides_spelled_range_is_still_a_range() -> None:
    # the COVID-19 filters' form (PubMed User Guide, Clinical Queries filters)
    assert parse("2019/11/01[PDAT] : 3000/12/31[PDAT]") == Range("2019/11/01", "3000/12/31", "dp")


@pytest.mark.parametrize("query", ["cancer 2020[dp] : 2021[dp]", "2020[dp] : 2021[dp] : 2022[dp]"])
def test_a_colon_between_dates_that_starts_no_range_is_refused(query: str) -> None:
    """A ':' between two dates stays a range's (PubMed's User Guide), but here the first date
    ends a term of several words or a range already read: no range, and no text either."""
    with pytest.raises(QuerySyntaxError, match="two dates of one range, an operand of its own"):
        parse(query)


@pytest.mark.parametrize(
    ("query", "written_out"),
    [
        ("work | sick[tiab]", "work OR sick[tiab]"),
        ("(work|sick) leave", "(work OR sick) leave"),
        ("#1|#2", "#1 OR #2"),
    ],
)
def test_a_pipe_is_or(query: str, written_out: str) -> None:
    """PubMed's User Guide, "PubMed character conversions": "pipe | - Boolean operator OR"
    (before: a word, a sign alone left out)."""
    assert parse(query) == parse(written_out)


def test_a_quoted_pipe_is_no_operator_and_a_lone_one_is_refused() -> None:
    assert parse('"work | sick"[tiab]') == Term("work | sick", "tiab", phrase=True)
    with pytest.raises(QuerySyntaxError, match="'[|]' needs a term before it"):
        parse("| sick")
    with pytest.raises(QuerySyntaxError, match="'[|]' needs a term after it"):
        parse("work |")


def test_protocol_check_says_how_pubmed_reads_an_ampersand_and_a_pipe() -> None:
    """PubMed's character conversions read '&' as AND; the local server keeps it in its words
    (a MeSH subheading as NLM writes it, ``legislation & jurisprudence``): the librarian is
    told, as of a lower-case operator; and that '|' is OR."""
    said = " ".join(warnings("sick leave/legislation & jurisprudence[mh]"))
    assert "'&' at character 24 is AND to PubMed" in said
    assert parse("R&D[tiab]") == Term("R&D", "tiab")
    assert "'|' at character 6 is read as OR" in " ".join(warnings("work | sick"))
    assert not [w for w in warnings('"sick leave/legislation & jurisprudence"[mh]') if "'&'" in w]
