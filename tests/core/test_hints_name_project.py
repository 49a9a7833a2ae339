"""A hint that names a command to type names the project given with --project: copied into
the terminal the user typed the first command in, a line without it opened another project
or none (protocol/people.py's 'reviewkit conflicts --resolver NAME', dedup/studies.py's
'reviewkit dedup split N', and every other hint that names a command: errors.command_line)."""

from __future__ import annotations

import shlex

from conftest import PROTOCOL_B, add_records
from dedup.helpers import other
from rich.console import Console
from rich.text import Text

from reviewkit import errors
from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.importer import read_ahead
from reviewkit.project import init_project
from reviewkit.store import duplicates as links
from reviewkit.tui.message_line import append_notes
from reviewkit.tui.screening_fulltext import open_attachment


def _hint(err: str) -> str:
    return err.split("hint: ", 1)[1].strip()


def _merged(project, capsys):
    low, high = add_records(project, [other(1), other(2)])
    folder = str(project.folder)
    merge = ["dedup", "merge", str(low), str(high), "--project", folder, "--reviewer", "lead"]
    assert main([*merge, "--yes"]) == 0
    capsys.readouterr()
    return low, high


def test_a_lead_told_to_resolve_is_given_the_project(project_b, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # not the project folder
    folder = str(project_b.folder)
    assert main(["screen", "--project", folder, "--reviewer", "lead"]) == 2
    hint = _hint(capsys.readouterr().err)
    assert hint.endswith(f"reviewkit conflicts --resolver lead --project {shlex.quote(folder)}")


def test_a_study_link_on_one_record_names_the_split_with_the_project(
    project_b, tmp_path, monkeypatch, capsys
):
    low, high = _merged(project_b, capsys)
    monkeypatch.chdir(tmp_path)
    folder = str(project_b.folder)
    link = ["dedup", "study-link", str(low), str(high), "--same", "--reviewer", "lead"]
    assert main([*link, "--project", folder]) == 2
    hint = _hint(capsys.readouterr().err)
    line = hint.split(": ", 1)[1]
    assert line == f"reviewkit dedup split {high} --reviewer lead --project {shlex.quote(folder)}"
    # the copied line reaches the project and does what the hint says, as the person refused
    # (dedup split's default name is the login: the split was logged as another's)
    assert main([*shlex.split(line)[1:], "--yes"]) == 0
    made = {lk.made_by for lk in links.current_links(project_b.db, "not_duplicate")}
    assert made == {"person:lead"}  # the split is the lead's own action
    assert main([*link, "--project", folder]) == 0


def test_in_the_project_folder_the_line_is_bare(project_b, monkeypatch, capsys):
    low, high = _merged(project_b, capsys)
    monkeypatch.chdir(project_b.folder)
    assert main(["dedup", "study-link", str(low), str(high), "--same", "--reviewer", "lead"]) == 2
    said = _hint(capsys.readouterr().err)
    assert said == f"to undo that merge: reviewkit dedup split {high} --reviewer lead"


def test_unknown_record_hint_names_the_project(project_b, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    folder = shlex.quote(str(project_b.folder))
    assert main(["attach", "999", str(tmp_path), "--project", str(project_b.folder)]) == 2
    hint = _hint(capsys.readouterr().err)
    assert f"'reviewkit extract export FILE --project {folder}'" in hint
    assert f"'reviewkit dedup report --csv FILE --project {folder}'" in hint


def test_a_screen_without_a_terminal_names_the_project(project_b, tmp_path, monkeypatch, capsys):
    """The no-terminal refusal's way round (WITHOUT_TERMINAL, a constant): 'reviewkit decisions
    import' here, copied into the terminal that gave --project, read the votes into another
    project or none."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TERM", "dumb")  # refused whether or not the test has a terminal
    folder = shlex.quote(str(project_b.folder))
    assert main(["screen", "--reviewer", "reviewer1", "--project", str(project_b.folder)]) == 2
    hint = " ".join(_hint(capsys.readouterr().err).split())
    assert f"'reviewkit decisions import --project {folder}' here" in hint
    assert "'reviewkit decisions export' there" in hint  # on the other computer: its own


def test_search_run_without_names_names_the_project(project_b, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    folder = shlex.quote(str(project_b.folder))
    assert main(["search", "run", "--project", str(project_b.folder)]) == 2
    hint = " ".join(_hint(capsys.readouterr().err).split())
    assert f"'reviewkit search history --project {folder}'" in hint


def test_a_project_s_own_sheet_given_to_import_names_the_project(
    project_b, tmp_path, monkeypatch, capsys
):
    """The refusal is raised as the file is read, in the import's read-ahead thread, which
    started with none of the command's context: its line came out bare."""
    monkeypatch.chdir(tmp_path)
    sheet = tmp_path / "extraction.csv"
    sheet.write_text("record_id,study,report,title\n1,1,1,A trial\n", encoding="utf-8")
    folder = shlex.quote(str(project_b.folder))
    assert main(["import", str(sheet), "--project", str(project_b.folder)]) == 2
    hint = " ".join(_hint(capsys.readouterr().err).split())
    assert hint == (
        f"read it back with 'reviewkit extract import FILE --reviewer NAME --project {folder}'"
    )


def test_the_lead_s_no_full_text_line_names_the_project(tmp_path):
    """The conflicts screen's 'no full text attached' (a lead presses o) named 'reviewkit attach'."""
    errors.project_opened(f" --project {tmp_path}")  # as open_project sets it
    said = open_attachment(None, None, attach_key="")
    assert said.endswith(f"'reviewkit attach --project {tmp_path}')")


def test_an_import_s_reader_thread_names_the_project_opened():
    """The records are read in a thread (importer.read_ahead), which starts with an empty
    context: a reader's refusal raised there named its command without --project."""

    def reader():
        yield errors.command_line("status")

    errors.project_opened(" --project review-b")
    assert list(read_ahead(reader())) == ["reviewkit status --project review-b"]


def test_search_history_with_no_runs_names_the_project(project_b, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["search", "history", "--project", str(project_b.folder)]) == 0
    folder = shlex.quote(str(project_b.folder))
    assert f"start with 'reviewkit search run --all --project {folder}'" in capsys.readouterr().out


def test_a_pdf_or_a_folder_given_to_import_names_the_project(
    project_b, tmp_path, monkeypatch, capsys
):
    """import's refusals of a full text ('reviewkit attach') and of a folder of exports (the
    import line of its files) named their commands bare."""
    monkeypatch.chdir(tmp_path)
    folder = shlex.quote(str(project_b.folder))
    pdf = tmp_path / "smith2020.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "pubmed.ris").write_text("TY  - JOUR\nTI  - A trial\nER  - \n", encoding="utf-8")
    assert main(["import", str(pdf), "--project", str(project_b.folder)]) == 2
    assert f"'reviewkit attach --project {folder}'" in _hint(capsys.readouterr().err)
    assert main(["import", str(exports), "--project", str(project_b.folder)]) == 2
    hint = " ".join(_hint(capsys.readouterr().err).split())
    assert f"(reviewkit import {exports / 'pubmed.ris'} … --project {folder})" in hint


def test_extract_edit_with_many_fields_names_the_csv_way_with_the_project(
    tmp_path, monkeypatch, capsys
):
    """More than 9 extraction fields (a key each): the hint said 'reviewkit extract export'
    and 'extract import', neither with the project, the second not even a command."""
    text = PROTOCOL_B.read_text(encoding="utf-8")
    extra = "".join(f'\n[[extraction]]\nid = "extra{i}"\nname = "Extra {i}"\n' for i in range(5))
    protocol = tmp_path / "many-fields.toml"
    protocol.write_text(text + extra, encoding="utf-8")
    project = init_project(tmp_path / "review", protocol)
    add_records(project, [other(1)])
    folder = str(project.folder)
    project.close()
    monkeypatch.chdir(tmp_path)
    edit = ["extract", "edit", "--all", "--reviewer", "lead", "--project", folder]
    assert main(edit) == 2
    hint = " ".join(_hint(capsys.readouterr().err).split())
    quoted = shlex.quote(folder)
    assert hint == (
        f"edit them as CSV: 'reviewkit extract export FILE --project {quoted}', then"
        f" 'reviewkit extract import FILE --reviewer lead --project {quoted}'"
    )


def test_a_note_read_in_full_names_the_project(tmp_path):
    """The screens' 'in full: reviewkit decisions export' row under notes cut or not shown."""
    errors.project_opened(f" --project {tmp_path}")  # as open_project sets it
    head = Text("Not decided yet")
    append_notes(Console(width=80), 80, head, ["a long note " * 60], rows=6)
    assert f"(in full: reviewkit decisions export --project {tmp_path})" in head.plain


def test_status_names_its_commands_with_the_project(project_b, tmp_path, monkeypatch, capsys):
    """status's 'type `reviewkit dedup`', 'type 'reviewkit search run --all'' and 'not
    classified yet (type `reviewkit classify`)' named the commands bare."""
    ids = add_records(project_b, [other(1), other(2)])
    for stage in ("title-abstract", "full-text"):
        for reviewer in ("reviewer1", "reviewer2"):
            scr.decide(
                project_b.db, ids[0], stage, reviewer, "include", protocol=project_b.protocol
            )
    monkeypatch.chdir(tmp_path)
    assert main(["status", "--project", str(project_b.folder)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    folder = shlex.quote(str(project_b.folder))
    assert f"dedup has not run yet (type `reviewkit dedup --project {folder}`)" in out
    assert f"type 'reviewkit search run --all --project {folder}'" in out
    assert f"not classified yet (type `reviewkit classify --project {folder}`)" in out
