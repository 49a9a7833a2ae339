"""A hint that names a command to type names the project given with --project: copied into
the terminal the user typed the first command in, a line without it opened another project
or none (protocol/people.py's 'reviewkit conflicts --resolver NAME', dedup/studies.py's
'reviewkit dedup split N', and every other hint that names a command: errors.command_line)."""

from __future__ import annotations

import shlex

from conftest import add_records
from dedup.helpers import other

from reviewkit.cli import main


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
    assert line == f"reviewkit dedup split {high} --project {shlex.quote(folder)}"
    # the copied line reaches the project and does what the hint says
    assert main([*shlex.split(line)[1:], "--reviewer", "lead", "--yes"]) == 0
    assert main([*link, "--project", folder]) == 0


def test_in_the_project_folder_the_line_is_bare(project_b, monkeypatch, capsys):
    low, high = _merged(project_b, capsys)
    monkeypatch.chdir(project_b.folder)
    assert main(["dedup", "study-link", str(low), str(high), "--same", "--reviewer", "lead"]) == 2
    assert _hint(capsys.readouterr().err) == f"to undo that merge: reviewkit dedup split {high}"


def test_unknown_record_hint_names_the_project(project_b, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    folder = shlex.quote(str(project_b.folder))
    assert main(["attach", "999", str(tmp_path), "--project", str(project_b.folder)]) == 2
    hint = _hint(capsys.readouterr().err)
    assert f"'reviewkit extract export FILE --project {folder}'" in hint
    assert f"'reviewkit dedup report --csv FILE --project {folder}'" in hint
