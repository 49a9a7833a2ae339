"""Bad protocols: `reviewkit protocol check` and `reviewkit init` exit 2 with file:line and the key;
init creates nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import protocol as protocol_mod
from reviewkit.cli import main
from reviewkit.errors import ProtocolError
from reviewkit.query import QuerySyntaxError, parse

GOOD = """[review]
id = "mini"
title = "A small review"
question = "Does collaboration help people back to work?"
reviewers = ["ann", "bob"]

[[searches]]
name = "s1"
database = "PubMed"
query = '"return to work" AND (employment OR "sick leave")'
[searches.limits]
date_from = "2011"
date_to = "2021/12/31"
languages = ["english"]

[[searches]]
name = "s2"
query = 'depress* AND "sick leave"[tiab]'

[stages.title-abstract]
reviewers_per_record = 2
exclusion_reasons = [{ code = "wrong-outcome", label = "Wrong outcome" }]

[schemes.diagnosis]
name = "Diagnosis"

[[schemes.diagnosis.labels]]
id = "mental"
name = "Mental disorders"
terms = ["depress*"]

[[extraction]]
id = "aim"
name = "Aim"

[report]
scheme = "diagnosis"
columns = ["study", "aim"]
"""


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check_both(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str], *, line: int, says: list[str]
) -> str:
    """protocol check and init both fail with FILE:LINE and the message; init leaves no folder."""
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    for args in (
        ["protocol", "check", str(path)],
        ["init", str(tmp_path / "proj"), "--protocol", str(path)],
    ):
        code = main(args)
        out, err = capsys.readouterr()
        assert code == 2, (args, out, err)
        assert "Traceback" not in out + err
        first = err.splitlines()[0]
        assert first.startswith(f"error: {path}:{line}: "), err
        for word in says:
            assert word in err, err
        assert not (tmp_path / "proj").exists()
    return err


def test_the_good_protocol_is_good(tmp_path: Path, capsys) -> None:
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["protocol", "check", str(path)]) == 0
    assert "valid" in capsys.readouterr().out
    p = protocol_mod.load(path)
    assert [s.name for s in p.searches] == ["s1", "s2"]
    assert (
        p.searches[0].full_query()
        == '("return to work" AND (employment OR "sick leave")) AND 2011:2021/12/31[dp] AND (english[la])'
    )


def test_missing_key(tmp_path: Path, capsys) -> None:
    text = GOOD.replace('title = "A small review"\n', "")
    check_both(
        tmp_path, text, capsys, line=line_of(text, "[review]"), says=["review.title", "missing key"]
    )


def test_missing_query(tmp_path: Path, capsys) -> None:
    text = GOOD.replace("query = 'depress* AND \"sick leave\"[tiab]'\n", "")
    second_search = text[: text.rindex("[[searches]]")].count("\n") + 1
    check_both(
        tmp_path, text, capsys, line=second_search, says=["searches[1].query", "missing key"]
    )


def test_wrong_type(tmp_path: Path, capsys) -> None:
    text = GOOD.replace('reviewers = ["ann", "bob"]', 'reviewers = "ann"')
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, "reviewers ="),
        says=["review.reviewers", "list of strings"],
    )


def test_wrong_type_of_number(tmp_path: Path, capsys) -> None:
    text = GOOD.replace("reviewers_per_record = 2", 'reviewers_per_record = "two"')
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, "reviewers_per_record"),
        says=["stages.title-abstract.reviewers_per_record", "must be 1 or 2"],
    )


def test_unknown_key(tmp_path: Path, capsys) -> None:
    text = GOOD.replace(
        'languages = ["english"]', 'languages = ["english"]\nlanguage = "norwegian"'
    )
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, 'language = "norwegian"'),
        says=["searches[0].limits.language", "unknown key", "languages"],
    )


def test_an_unknown_array_of_tables_names_its_first_header(tmp_path: Path, capsys) -> None:
    """A misspelt [[extraction]] header ('[[etxraction]]') is an unknown top-level key whose
    line is its first header; the message named the file alone."""
    text = GOOD + '\n[[etxraction]]\nid = "country"\nlabel = "Country"\n'
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, "[[etxraction]]"),
        says=["etxraction", "unknown key", "extraction"],
    )


def test_bad_date(tmp_path: Path, capsys) -> None:
    text = GOOD.replace('date_from = "2011"', 'date_from = "2011-01-01"')
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, "date_from"),
        says=["searches[0].limits.date_from", "is written with '-'"],  # ISO's dashes
    )


def test_a_value_pubmed_does_not_have_is_warned_with_the_fix_not_refused(
    tmp_path: Path, capsys
) -> None:
    """PubMed runs a search limited to 'englsh' (it finds nothing), so this is a warning with
    the file, the search, the value and what to write, not an error."""
    path = tmp_path / "typo.toml"
    path.write_text(
        GOOD.replace('languages = ["english"]', 'languages = ["englsh"]').replace(
            "query = 'depress* AND \"sick leave\"[tiab]'",
            "query = 'depress* AND \"sick leave\"[tiab] AND 2021:2011[dp]'",
        ),
        encoding="utf-8",
    )
    assert main(["protocol", "check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"warning: {path}: search s1: limits.languages: 'englsh'" in out
    assert "write 'english'" in out and not err
    assert f"warning: {path}: search s2: the range 2021:2011[dp] ends before it starts" in out


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ('("return to work" AND employment', "'(' is never closed"),
        ('"return to work AND employment', "unclosed double quote"),
        ('"return to work" AND', "'AND' needs a term after it"),
        ("OR employment", "'OR' needs a term before it"),
        ('"return to work"[xyz] AND employment', "unknown field tag [xyz]"),
        ('"return to work") AND employment', "')' without a matching '('"),
    ],
    ids=[
        "unbalanced-paren",
        "unclosed-quote",
        "dangling-operator",
        "leading-operator",
        "unknown-tag",
        "extra-paren",
    ],
)
def test_bad_query(tmp_path: Path, capsys, query: str, problem: str) -> None:
    text = GOOD.replace("query = 'depress* AND \"sick leave\"[tiab]'", f"query = '{query}'")
    err = check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, f"query = '{query}'"),
        says=["searches[1].query", "bad query", problem],
    )
    assert query in err and "^" in err  # the query with a caret under the problem


def test_duplicate_search_name(tmp_path: Path, capsys) -> None:
    text = GOOD.replace('name = "s2"', 'name = "s1"')
    second = text[: text.rindex('name = "s1"')].count("\n") + 1
    check_both(
        tmp_path,
        text,
        capsys,
        line=second,
        says=["searches[1].name", "two searches are named 's1'"],
    )


def test_report_column_that_does_not_exist(tmp_path: Path, capsys) -> None:
    text = GOOD.replace('columns = ["study", "aim"]', 'columns = ["study", "aims"]')
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, "columns ="),
        says=["report.columns", "unknown column 'aims'"],
    )


def test_not_toml(tmp_path: Path, capsys) -> None:
    text = GOOD.replace('id = "mini"', 'id = "mini')
    check_both(tmp_path, text, capsys, line=line_of(text, 'id = "mini'), says=["not valid TOML"])


def test_missing_protocol_file(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.toml"
    for args in (
        ["protocol", "check", str(missing)],
        ["init", str(tmp_path / "proj"), "--protocol", str(missing)],
    ):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert f"{missing}: protocol file not found" in err
    assert not (tmp_path / "proj").exists()


def test_init_refuses_an_existing_project(tmp_path: Path, capsys) -> None:
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["init", str(tmp_path / "proj"), "--protocol", str(path)]) == 0
    before = (tmp_path / "proj" / "review.sqlite").read_bytes()
    assert main(["init", str(tmp_path / "proj"), "--protocol", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "proj" / "review.sqlite").read_bytes() == before


def test_protocol_error_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace('name = "Aim"', "name = 3"), encoding="utf-8")
    with pytest.raises(ProtocolError) as info:
        protocol_mod.load(path)
    assert info.value.exit_code == 2
    line = line_of(GOOD, 'name = "Aim"')
    assert info.value.where == f"{path}:{line}"
    assert "extraction[0].name" in info.value.message


def test_query_parser_positions() -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse("(a OR b AND c")
    assert info.value.position == 0
    with pytest.raises(QuerySyntaxError) as info:
        parse('a AND "b')
    assert info.value.position == 6
    node = parse('"return to work" AND vocation* OR 2011:2021[dp]')
    assert node.op == "OR"  # left to right, no precedence, as PubMed does


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('terms = ["depress*"]', 'terms = [{ term = "depress*", weight = 0 }]', "positive number"),
        ('terms = ["depress*"]', 'terms = [{ term = "depress*", weight = nan }]', "positive"),
        ('name = "Diagnosis"', 'name = "Diagnosis"\nthreshold = nan', "positive number"),
        ('name = "Diagnosis"', 'name = "Diagnosis"\nmin_evidence = inf', "non-negative number"),
    ],
)
def test_numbers_that_would_silence_a_term_or_a_scheme(
    tmp_path: Path, capsys, old: str, new: str, says: str
) -> None:
    """A zero or NaN weight disables a term; a NaN threshold compares false with every score."""
    text = GOOD.replace(old, new)
    assert text != GOOD
    check_both(tmp_path, text, capsys, line=line_of(text, new.split("\n")[-1]), says=[says])


@pytest.mark.parametrize("fid", ["report", "study", "title", "record_id", "as_exported"])
def test_an_extraction_field_named_like_a_column_of_the_sheet(
    tmp_path: Path, capsys, fid: str
) -> None:
    """The extraction sheet has record_id, study, report, title and (last) as_exported columns
    of its own: a field of one of those ids would make two columns of one name, and the import
    refuse the export."""
    text = GOOD.replace('id = "aim"\nname = "Aim"', f'id = "{fid}"\nname = "Report type"')
    text = text.replace('columns = ["study", "aim"]', 'columns = ["study"]')
    err = check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, f'id = "{fid}"'),
        says=["extraction[0].id", f"a {fid!r} column of its own", 'id = "report-type"'],
    )
    assert "rename the field" in err


def test_an_exclusion_reason_label_too_long_to_show_is_refused(tmp_path: Path, capsys) -> None:
    # before: a 500-character label was valid, and filled the screen's reasons list and the
    # PRISMA diagram's box of exclusions
    long = "Population not on sick leave " * 17
    text = GOOD.replace('label = "Wrong outcome"', f'label = "{long.strip()}"')
    err = check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, 'code = "wrong-outcome"'),
        says=["stages.title-abstract.exclusion_reasons", "'wrong-outcome'", "(at most 70"],
    )
    assert "the label is wording only" in err


def test_an_exclusion_reason_label_of_seventy_characters_is_valid(tmp_path: Path) -> None:
    label = "Population not on sick leave, or out of work for more than a year ok"
    assert len(label) == 68
    path = tmp_path / "good.toml"
    path.write_text(GOOD.replace("Wrong outcome", label + "!!"), encoding="utf-8")
    (reason,) = protocol_mod.load(path).stages["title-abstract"].exclusion_reasons
    assert len(reason.label) == 70


def test_an_exclusion_reason_label_with_a_line_break_is_refused(tmp_path: Path, capsys) -> None:
    text = GOOD.replace('label = "Wrong outcome"', 'label = "Wrong\\noutcome"')
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, 'code = "wrong-outcome"'),
        says=["exclusion reason label", "control character"],
    )


@pytest.mark.parametrize("name", ["my\nreview", "my-review\n", "my\treview", "my\u202ereview"])
def test_init_refuses_a_folder_name_that_cannot_be_typed(tmp_path: Path, capsys, name: str) -> None:
    # before: 'init "my<newline>review"' made the folder, named on two lines in every message
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["init", str(tmp_path / name), "--protocol", str(good)]) == 2
    err = capsys.readouterr().err
    assert "the folder name" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.toml"]


def test_a_misspelt_prefill_rule_is_refused_by_every_command_at_its_line(
    tmp_path: Path, capsys
) -> None:
    """protocol check and init refuse it; so does every command of a project whose protocol
    an edit misspelt, as every other protocol fault and an edit that loses what the logs use
    (tests/bad_input/test_protocol_in_use.py): the fix is one word at the line named, and a
    protocol valid for some commands only would keep its fault until extraction met it."""
    text = GOOD.replace('name = "Aim"\n', 'name = "Aim"\nprefill = ["affiliation-countries"]\n')
    line = line_of(text, "prefill =")
    says = ["extraction[0].prefill", "did you mean 'affiliation-country'?"]
    check_both(tmp_path, text, capsys, line=line, says=says)

    good = tmp_path / "good.toml"
    good.write_text(GOOD.replace('name = "Aim"\n', 'name = "Aim"\nprefill = []\n'), "utf-8")
    folder = tmp_path / "proj"
    assert main(["init", str(folder), "--protocol", str(good)]) == 0
    (folder / "protocol.toml").write_text(text, encoding="utf-8")  # the edit
    for command in (["status"], ["search", "history"], ["screen", "--reviewer", "ann"]):
        capsys.readouterr()
        assert main([*command, "--project", str(folder)]) == 2, command
        err = capsys.readouterr().err
        assert err.startswith(f"error: {folder / 'protocol.toml'}:{line}: "), err
        assert all(word in err for word in says), err


def test_a_protocol_cut_inside_a_value_is_named_at_its_last_line(tmp_path: Path, capsys) -> None:
    text = GOOD[: GOOD.index("employment")]  # cut inside the query's quoted text
    path = tmp_path / "cut.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["protocol", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{text.rstrip().count(chr(10)) + 1}:" in err
    assert "the file ends inside a value: cut short" in err


def test_a_misspelt_table_named_only_in_a_dotted_header_names_that_header(
    tmp_path: Path, capsys
) -> None:
    """A table named only in dotted headers ('[schemes.model-type]' misspelt
    '[schqmes.model-type]') has no header of its own: its line is its first dotted header;
    the message named the file alone (the bad-input sweep's misspelling of a table's name)."""
    text = GOOD + '\n[schqmes.model-type]\nname = "Model"\n'
    check_both(
        tmp_path,
        text,
        capsys,
        line=line_of(text, "[schqmes.model-type]"),
        says=["schqmes", "unknown key", "schemes"],
    )
