"""The hint of a refused file fits the command that read it: a damaged decision log or
extraction CSV is not told to 'export the references as RIS' (that is the import's hint)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"


@pytest.mark.parametrize(
    ("command", "content"),
    [
        (["decisions", "import"], b'{"format": "reviewkit-decisions/1"}\n\x00\x00\x00'),
        (["extract", "import", "--reviewer", "lead"], b"record_id,country\n1,Nor\x00way\n"),
        (["decisions", "import"], b'{"format": "reviewkit-decisions/1"}\n' * 300 + b"\x00"),
    ],
    ids=["decisions-binary", "extract-binary", "decisions-nul-late"],
)
def test_damaged_file_hint_names_no_import(
    command: list[str], content: bytes, tmp_path: Path, capsys
) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    bad = tmp_path / "bad.file"
    bad.write_bytes(content)
    capsys.readouterr()
    code = main([*command, str(bad), "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert str(bad) in out + err
    assert "references" not in out + err and "imported" not in out + err, out + err
    assert "nothing was read" in out + err


def test_untitled_warnings_are_counted_past_twenty(tmp_path, capsys) -> None:
    """A file of records without titles (each with a DOI): twenty are named, the rest counted (a file of
    thousands printed a warning line for each)."""
    protocol = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"
    ris = tmp_path / "untitled.ris"
    ris.write_text(
        "".join(f"TY  - JOUR\nDO  - 10.1000/{n}\nPY  - 2020\nER  - \n" for n in range(25)),
        encoding="utf-8",
    )
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(protocol)]) == 0
    assert main(["import", str(ris), "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert err.count("has no title") == 20, err
    assert "5 more records without a title" in err, err


def test_untitled_warning_shows_the_doi_as_the_record_wrote_it(tmp_path, capsys) -> None:
    """The warning named the DOI from the store's matching column, folded to lower case."""
    protocol = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"
    ris = tmp_path / "untitled.ris"
    ris.write_text("TY  - JOUR\nDO  - 10.1000/RTW.2020.1\nPY  - 2020\nER  - \n", encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(protocol)]) == 0
    assert main(["import", str(ris), "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert "DOI 10.1000/RTW.2020.1" in err, err


def test_classify_all_on_an_empty_project_says_import(tmp_path, capsys) -> None:
    """classify --all with no records told the user to pass --all, which they had."""
    protocol = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(protocol)]) == 0
    capsys.readouterr()
    assert main(["classify", "--all", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "import records first" in out and "pass --all" not in out, out


def test_protocol_only_folder_says_what_to_do(tmp_path, capsys) -> None:
    """A folder with a protocol.toml and no database: every command said 'not a review
    project, run init', and init said 'a review project already exists here'."""
    protocol = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"
    folder = tmp_path / "review"
    folder.mkdir()
    (folder / "protocol.toml").write_bytes(protocol.read_bytes())
    for argv in (["init", str(folder), "--protocol", str(protocol)], ["status"]):
        code = main([*argv, "--project", str(folder)] if argv == ["status"] else argv)
        err = capsys.readouterr().err
        assert code == 2, err
        assert "already exists" not in err and f"move {folder / 'protocol.toml'}" in err, err
    assert sorted(p.name for p in folder.iterdir()) == ["protocol.toml"]


def test_search_run_without_stored_searches_says_what_to_add(tmp_path, capsys) -> None:
    """A protocol with no [[searches]] (a review of imported records): 'search run --all'
    said 'the protocol has no stored searches' and no more."""
    text = PROTOCOL.read_text(encoding="utf-8")
    first, after = text.index("[[searches]]"), text.index("[eligibility]")
    assert "[[searches]]" not in text[after:]
    protocol = tmp_path / "no-searches.toml"
    protocol.write_text(text[:first] + text[after:], encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(protocol)]) == 0
    capsys.readouterr()
    local = ["--base-url", "http://127.0.0.1:9/entrez/eutils/"]  # no request is made
    code = main(["search", "run", "--all", *local, "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "the protocol has no stored searches" in err and "hint: add a [[searches]]" in err


def test_search_run_without_stored_searches_says_so_before_asking_for_an_email(
    tmp_path, capsys, monkeypatch
) -> None:
    """Against PubMed itself (no --base-url) with no email configured, 'search run --all' on a
    protocol with no [[searches]] asked for an email first: the missing searches are said
    first, since an email would not have helped."""
    for name in ("NCBI_EMAIL", "REVIEWKIT_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    text = PROTOCOL.read_text(encoding="utf-8")
    first, after = text.index("[[searches]]"), text.index("[eligibility]")
    protocol = tmp_path / "no-searches.toml"
    protocol.write_text(text[:first] + text[after:], encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(protocol)]) == 0
    capsys.readouterr()
    code = main(["search", "run", "--all", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "the protocol has no stored searches" in err and "email" not in err
