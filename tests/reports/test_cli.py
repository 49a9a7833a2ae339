"""The classify, label, extract, evidence-map, report, export and prisma commands, with bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import bibtexparser
import rispy
from conftest import PROTOCOL_A
from reports.conftest import store_records

from reviewkit import classify
from reviewkit.cli import main
from reviewkit.project import init_project
from reviewkit.records import Record
from reviewkit.store import labels as label_rows


def run(project, *args: str) -> int:
    return main([*args, "--project", str(project.folder)])


def test_classify_label_and_csv(b_included, tmp_path: Path, capsys):
    project, ids = b_included
    out = tmp_path / "suggestions.csv"
    assert run(project, "classify", "--scheme", "model-type", "--csv", str(out)) == 0
    text = capsys.readouterr().out
    assert "model-type\tjob-specialist\t1" in text and "3 studies classified" in text
    # what a user understands: studies and schemes, not the log's suggestion batches
    assert "3 studies given new suggestions (model-type: 3)" in text and "batch" not in text
    assert "individual placement and support@title" in out.read_text(encoding="utf-8")
    assert run(project, "classify", "--scheme", "model-type") == 0  # nothing new the second time
    assert "no suggestion changed since the last run" in capsys.readouterr().out
    assert (
        run(
            project, "label", str(ids[0]), "model-type=multidisciplinary-team", "--reviewer", "lead"
        )
        == 0
    )
    assert classify.confirmed_labels(project, "model-type")[ids[0]] == ["multidisciplinary-team"]
    assert (
        run(
            project,
            "label",
            "doi:10.1007/s10926-020-09999-1",
            "model-type=workplace",
            "--reviewer",
            "lead",
        )
        == 0
    )
    assert classify.confirmed_labels(project, "model-type")[ids[1]] == ["workplace"]


def test_cli_bad_input_exits_2_and_writes_nothing(b_included, tmp_path: Path, capsys):
    project, ids = b_included
    assert run(project, "label", str(ids[0]), "model-type=astrology", "--reviewer", "lead") == 2
    assert run(project, "label", str(ids[0]), "model-type", "--reviewer", "lead") == 2
    assert run(project, "label", "999", "model-type=workplace", "--reviewer", "lead") == 2
    assert run(project, "classify", "--scheme", "nope") == 2
    assert run(project, "classify", "--evaluate", str(tmp_path / "missing.csv")) == 2
    err = capsys.readouterr().err
    assert "no label 'astrology'" in err and "not SCHEME=LABEL" in err and "Traceback" not in err
    assert label_rows.history(project.db, ids[0]) == []
    bad = tmp_path / "bad.csv"
    bad.write_text("record_id,country\n12345,Norway\n", encoding="utf-8")
    assert run(project, "extract", "import", str(bad)) == 2
    assert "bad.csv:2: unknown record id 12345" in capsys.readouterr().err


def test_label_refuses_none_of_these_beside_a_label_in_a_multi_label_scheme(b_included, capsys):
    """A study with a label is not "none of these": the label command stored both."""
    project, ids = b_included
    args = ("label", str(ids[0]), "severe-mental-illness=smi,none", "--reviewer", "lead")
    assert run(project, *args) == 2
    err = capsys.readouterr().err
    assert f"study {ids[0]}: severe-mental-illness=smi,none gives 'none'" in err
    assert "severe-mental-illness=smi)" in err and "Traceback" not in err
    assert label_rows.history(project.db, ids[0]) == []
    assert run(project, *args[:2], "severe-mental-illness=smi", *args[3:]) == 0  # one alone
    assert classify.confirmed_labels(project, "severe-mental-illness")[ids[0]] == ["smi"]


def test_evaluate_command(project_b, tmp_path: Path, capsys):
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "title,abstract,model-type\nIndividual placement and support,,job-specialist\n"
        "Dialogue meetings with the employer,,workplace\nSurgery,,none\n",
        encoding="utf-8",
    )
    out = tmp_path / "confusion.csv"
    assert (
        run(
            project_b,
            "classify",
            "--scheme",
            "model-type",
            "--evaluate",
            str(gold),
            "--csv",
            str(out),
        )
        == 0
    )
    assert "accuracy 1.000" in capsys.readouterr().out
    assert (
        out.read_text(encoding="utf-8")
        .splitlines()[0]
        .startswith("gold \\ predicted,multidisciplinary-team")
    )


def test_evaluate_one_row_without_a_project(tmp_path: Path, capsys):
    """A one-row file leaves leave-one-out nothing to train on: the model falls back to the
    rules' answer instead of a scikit-learn traceback (empty vocabulary)."""
    gold = tmp_path / "sorted.csv"
    gold.write_text(
        "title,model_type\nIndividual placement and support for sick-listed,job-specialist\n",
        encoding="utf-8",
    )
    protocol = Path(__file__).parents[2] / "protocols" / "work-health-collaboration.toml"
    args = ["classify", "--evaluate", str(gold), "--scheme", "model-type", "--gold", "model_type"]
    assert main([*args, "--protocol", str(protocol)]) == 0
    out = capsys.readouterr().out
    assert "(rules): 1 row, accuracy 1.000" in out and "(model (leave-one-out)): 1 row," in out


def test_prisma_numbers_line_up_under_long_names(project_b, store, tmp_path: Path, capsys):
    """Every count ends in one column, however long a source's line (it was padded to 45
    characters, so longer lines pushed their numbers out of line)."""
    from reviewkit.records import Record

    store(
        project_b, [Record(title="A study found by hand")], "citation searching of reference lists"
    )
    assert run(project_b, "prisma", "--out", str(tmp_path / "p")) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln[-1:].isdigit()]
    assert any("citation searching of reference lists" in ln for ln in lines)
    assert len({len(ln) for ln in lines}) == 1


def test_extract_export_import_set(b_included, tmp_path: Path):
    project, ids = b_included
    path = tmp_path / "x.csv"
    assert run(project, "extract", "export", str(path)) == 0
    assert "Denmark" in path.read_text(encoding="utf-8")
    assert run(project, "extract", "import", str(path)) == 0
    assert (
        run(
            project,
            "extract",
            "set",
            str(ids[1]),
            "population=Nurses on sick leave",
            "--reviewer",
            "lead",
        )
        == 0
    )
    from reviewkit.extract import values

    assert values(project, ids)[ids[1]]["population"] == "Nurses on sick leave"


def test_extract_set_says_when_the_study_is_not_included(b_included, store, capsys):
    """A value set on a study no report table shows is stored, and the command says so: it
    said only "study N: field set", as for an included study."""
    from reviewkit.records import Record

    project, ids = b_included
    (pending,) = store(project, [Record(title="A study not screened yet")], "snowballing")
    assert run(project, "extract", "set", str(pending), "country=Norway", "--reviewer", "lead") == 0
    out, err = capsys.readouterr()
    assert f"study {pending}: country set" in out
    assert f"study {pending} is not among the included studies" in err
    assert run(project, "extract", "set", str(ids[0]), "country=Norway", "--reviewer", "lead") == 0
    assert "not among the included" not in capsys.readouterr().err


def test_label_says_when_the_study_is_not_included(b_included, store, capsys):
    """`label` on a study no table or map shows (a mistyped id, or one excluded at full text)
    is stored and said, as `extract set` says it: it said only "confirmed by lead"."""
    from reviewkit.records import Record

    project, ids = b_included
    (pending,) = store(project, [Record(title="A study not screened yet")], "snowballing")
    args = ("model-type=workplace", "--reviewer", "lead")
    assert run(project, "label", str(pending), *args) == 0
    out, err = capsys.readouterr()
    assert f"study {pending}: model-type = workplace (confirmed by lead)" in out
    assert f"study {pending} is not among the included studies" in err
    assert "evidence map show the label once it is included" in err
    assert run(project, "label", str(ids[0]), *args) == 0
    assert "not among the included" not in capsys.readouterr().err


def test_report_names_who_confirmed_a_label(b_included, tmp_path: Path):
    """Every table format says who confirmed a label, as `label` and the confirm screen do;
    a suggestion stays 'suggested'."""
    project, ids = b_included
    assert run(project, "classify") == 0
    assert run(project, "label", str(ids[0]), "model-type=workplace", "--reviewer", "lead") == 0
    out = tmp_path / "exports"
    assert run(project, "report", "--out", str(out), "--format", "csv,md") == 0
    rows = [
        r
        for f in sorted((out / "tables").glob("*.csv"))
        for r in csv.DictReader(f.open(encoding="utf-8"))
    ]
    statuses = sorted(r["Label status"] for r in rows)
    assert statuses[0] == "confirmed by lead" and set(statuses[1:]) == {"suggested"}
    assert "| confirmed by lead |" in (out / "report.md").read_text(encoding="utf-8")


def test_report_export_prisma_evidence_map(b_included, tmp_path: Path, capsys):
    project, _ = b_included
    out = tmp_path / "exports"
    assert run(project, "report", "--out", str(out), "--format", "md,xlsx") == 0
    assert (
        (out / "report.md").exists()
        and (out / "report.xlsx").exists()
        and not (out / "report.docx").exists()
    )
    assert run(project, "report", "--out", str(out), "--format", "pdf") == 2
    ris = tmp_path / "inc.ris"
    assert run(project, "export", "--included", "--format", "ris", "--out", str(ris)) == 0
    assert len(rispy.load(ris.open(encoding="utf-8"))) == 3
    capsys.readouterr()
    assert run(project, "export", "--included", "--format", "bibtex") == 0
    assert len(bibtexparser.parse_string(capsys.readouterr().out).entries) == 3
    # the included studies are what export writes: --included may be left out (fx28)
    assert run(project, "export", "--format", "ris") == 0
    assert run(project, "prisma", "--out", str(tmp_path / "p")) == 0
    assert (
        "studies included" in capsys.readouterr().out and (tmp_path / "p" / "prisma.svg").exists()
    )
    assert (
        run(
            project,
            "evidence-map",
            "--rows",
            "model-type",
            "--cols",
            "diagnosis",
            "--out",
            str(tmp_path / "m"),
        )
        == 0
    )
    assert (tmp_path / "m" / "study-labels.graphml").exists()
    assert (
        run(
            project,
            "evidence-map",
            "--rows",
            "model-type",
            "--cols",
            "nope",
            "--out",
            str(tmp_path / "n"),
        )
        == 2
    )
    assert not (tmp_path / "n").exists()


def test_extract_edit_refuses_a_project_without_included_studies(project_b, capsys):
    assert run(project_b, "extract", "edit", "--reviewer", "lead") == 2
    err = capsys.readouterr().err
    assert "no studies to extract from" in err and "pass --all" in err and "Traceback" not in err


def test_extract_edit_refuses_a_protocol_with_more_fields_than_keys(b_included, capsys):
    project, _ids = b_included
    text = project.protocol_path.read_text(encoding="utf-8")
    extra = "".join(f'\n[[extraction]]\nid = "extra{n}"\nname = "Extra {n}"\n' for n in range(5))
    project.protocol_path.write_text(
        text.replace("\n[report]", extra + "\n[report]", 1), encoding="utf-8"
    )
    assert run(project, "extract", "edit", "--reviewer", "lead") == 2
    err = capsys.readouterr().err
    assert "10 extraction fields" in err and "extract export" in err and "Traceback" not in err


def test_evidence_map_note_names_a_scheme_confirmed_before_the_other(b_included, tmp_path):
    """A lead confirmed every study's model type and no diagnosis group yet: the map's note
    said '0 with both labels confirmed by a reviewer, the others on the rules' suggestions',
    as if no label of those studies had been checked (found on the walk-through)."""
    project, ids = b_included
    assert run(project, "classify") == 0
    for rid in ids:
        assert run(project, "label", str(rid), "model-type=coordinator", "--reviewer", "lead") == 0
    out = tmp_path / "map"
    argv = ["evidence-map", "--rows", "model-type", "--cols", "diagnosis", "--out", str(out)]
    assert run(project, *argv) == 0
    note = (out / "evidence-map.notes.txt").read_text(encoding="utf-8")
    assert " ".join(note.split()).endswith(
        "3 studies; 0 with both labels confirmed by a reviewer, 3 with only their Model of"
        " collaboration label confirmed."
    )
    assert "the others" not in note


def test_label_refuses_none_beside_a_coexisting_topic_in_a_single_label_scheme(tmp_path, capsys):
    """Under topic_rule = "coexist" a topic label stands beside one other label, a diagnosis:
    "none of these" beside the topic was stored (allowed_together counts 'none' as that other
    label), a study counted in the topic's table and among those with no group."""
    text = PROTOCOL_A.read_text(encoding="utf-8")
    assert 'topic_rule = "precedence"' in text
    path = tmp_path / "coexist.toml"
    path.write_text(text.replace('topic_rule = "precedence"', 'topic_rule = "coexist"'), "utf-8")
    project = init_project(tmp_path / "review", path)
    (rid,) = store_records(project, [Record(title="The GP's role in sick leave")], "snowballing")
    args = ("label", str(rid), "diagnosis-group=gp-employer,none", "--reviewer", "lead")
    assert run(project, *args) == 2
    err = capsys.readouterr().err
    assert "gives 'none' (none of these) beside 'gp-employer'" in err and "Traceback" not in err
    assert "diagnosis-group=gp-employer)" in err  # the hint: the topic alone
    assert run(project, *args[:2], "diagnosis-group=gp-employer,mental", *args[3:]) == 0
    assert classify.confirmed_labels(project, "diagnosis-group")[rid] == ["gp-employer", "mental"]
    project.close()
