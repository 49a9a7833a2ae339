"""``reviewkit simulate`` on the shapes labelled sets come in (SYNERGY CSVs, ASReview's RIS,
Excel): read as ``asreview simulate`` reads them, or refused with file, row and what to do."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from ranking.conftest import write_csv

from reviewkit.cli import main
from reviewkit.ranking.simulate import load_labelled_set, simulate

SYNERGY = ("openalex_id", "doi", "title", "abstract", "label_included", "publication_year")


def _synergy(path: Path, rows, label=str, abstract=lambda a: a) -> Path:
    """A CSV with SYNERGY's columns; ``label`` and ``abstract`` say how the cells are written."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(SYNERGY)
        for i, (title, text, y) in enumerate(rows):
            w.writerow((f"https://openalex.org/W{i}", "", title, abstract(text), label(y), 2020))
    return path


def _same_run(a: Path, b: Path) -> None:
    ra, rb = simulate(a, seed=1), simulate(b, seed=1)
    assert ra.order == rb.order and ra.wss95 == rb.wss95


@pytest.mark.parametrize(
    "label",
    [
        lambda y: "yes" if y else "no",  # ASReview's standardize_included_label
        lambda y: "Y" if y else "N",
        lambda y: str(bool(y)),  # a pandas bool column saved as CSV: True / False
    ],
    ids=["yes-no", "Y-N", "True-False"],
)
def test_word_labels_read_as_1_and_0(tmp_path, records, label):
    numbers = write_csv(tmp_path / "numbers.csv", records)
    _same_run(numbers, _synergy(tmp_path / "words.csv", records, label=label))


@pytest.mark.parametrize("marker", ["nan", "NaN", "None", "NA", "<NA>"])
def test_missing_value_markers_are_empty(tmp_path, records, marker):
    """pandas writes a missing abstract as 'nan' (after astype(str)), R as 'NA': no word."""
    no_abstract = [(t, "" if i % 3 else a, y) for i, (t, a, y) in enumerate(records)]
    empty = _synergy(tmp_path / "empty.csv", no_abstract)
    marked = _synergy(tmp_path / "marked.csv", no_abstract, abstract=lambda a: a or marker)
    assert load_labelled_set(marked).texts == load_labelled_set(empty).texts


def test_missing_label_marker_is_an_unlabelled_record(tmp_path, records, capsys):
    rows = [(t, a, "nan" if i == 4 else y) for i, (t, a, y) in enumerate(records)]
    path = write_csv(tmp_path / "s.csv", rows)
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:6: the record has no label" in err  # header on line 1: row 5 on line 6
    assert "nobody screened" in err and "Traceback" not in err


def _ris(path: Path, rows, note=lambda y: "ASReview_relevant" if y else "ASReview_irrelevant"):
    """An RIS file as ASReview exports a project: the label in a note (N1)."""
    with path.open("w", encoding="utf-8") as f:
        for title, text, y in rows:
            f.write(f"TY  - JOUR\nTI  - {title}\nAB  - {text}\nN1  - {note(y)}\nER  - \n\n")
    return path


def test_ris_with_asreview_labels(tmp_path, records):
    _same_run(write_csv(tmp_path / "s.csv", records), _ris(tmp_path / "s.ris", records))


def test_ris_with_one_space_tags_reads_the_labels(tmp_path, records):
    # a few exporters write 'N1 - ' with one space; the RIS reader takes them, so do the labels
    one_space = _ris(tmp_path / "s.ris", records).read_text(encoding="utf-8").replace("  - ", " - ")
    (tmp_path / "one.ris").write_text(one_space, encoding="utf-8")
    _same_run(write_csv(tmp_path / "s.csv", records), tmp_path / "one.ris")


def test_ris_record_not_seen_is_refused(tmp_path, records, capsys):
    rows = [(t, a, None if i == 2 else y) for i, (t, a, y) in enumerate(records)]
    notes = {1: "ASReview_relevant", 0: "ASReview_irrelevant", None: "ASReview_not_seen"}
    path = _ris(tmp_path / "s.ris", rows, note=notes.__getitem__)
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "record 3 (" in err and "has no label" in err and "ASReview_relevant" in err
    assert "Traceback" not in err


def _xlsx(path: Path, header, rows) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_excel_workbook_read_as_its_first_sheet(tmp_path, records):
    header = ("title", "abstract", "label_included")
    _same_run(write_csv(tmp_path / "s.csv", records), _xlsx(tmp_path / "s.xlsx", header, records))


def test_excel_bad_label_names_the_row(tmp_path, records, capsys):
    rows = [(t, a, "maybe" if i == 9 else y) for i, (t, a, y) in enumerate(records)]
    path = _xlsx(tmp_path / "s.xlsx", ("title", "abstract", "label_included"), rows)
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:11: label 'maybe' is not 0 or 1" in err and "Traceback" not in err


def test_one_include_says_what_a_simulation_needs(tmp_path, records, capsys):
    first = next(i for i, r in enumerate(records) if r[2] == 1)
    rows = [(t, a, y if i == first else 0) for i, (t, a, y) in enumerate(records)]
    path = write_csv(tmp_path / "one.csv", rows)
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "only one include" in err and "two includes or more" in err


def test_column_names_in_any_case_as_asreview_reads_them(tmp_path, records, capsys):
    """'Title', 'Abstract' and 'Label_Included' as Excel users and exports write them
    (asreview.io.utils.type_from_column lowers a column's name): 'Title' was refused as no
    'title' column, and 'Abstract' beside 'title' ignored, every record ranked by its title."""
    lower = write_csv(tmp_path / "lower.csv", records)
    text = lower.read_text(encoding="utf-8").split("\n", 1)
    header = ",".join(c.title() for c in text[0].split(","))
    capital = tmp_path / "capital.csv"
    capital.write_text(f"{header}\n{text[1]}", encoding="utf-8")
    assert load_labelled_set(capital).texts == load_labelled_set(lower).texts
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(f"{header.replace('Title', 'title')}\n{text[1]}", encoding="utf-8")
    assert load_labelled_set(mixed).texts == load_labelled_set(lower).texts
    _same_run(lower, capital)


def test_two_columns_named_alike_in_case_are_refused(tmp_path, records, capsys):
    lower = write_csv(tmp_path / "lower.csv", records)
    head, body = lower.read_text(encoding="utf-8").split("\n", 1)
    both = tmp_path / "both.csv"
    both.write_text(f"{head},Title\n" + "".join(f"{r},x\n" for r in body.splitlines()))
    assert main(["simulate", str(both)]) == 2
    assert "two columns are named" in capsys.readouterr().err


def test_a_workbooks_bad_label_is_named_by_its_worksheet_row(tmp_path, records, capsys):
    """A blank row above the header and an abstract of three lines: the bad label stands on
    the worksheet's row 5, which the table's text put on its line 6."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append([])
    book.active.append(["title", "abstract", "label_included"])
    book.active.append(["Return to work", "line one\nline two\nline three", 1])
    book.active.append(["Cats", "cats", 0])
    book.active.append(["Dogs", "dogs", "maybe"])
    book.save(tmp_path / "set.xlsx")
    assert main(["simulate", str(tmp_path / "set.xlsx")]) == 2
    assert f"{tmp_path / 'set.xlsx'}:5: label 'maybe' is not 0 or 1" in capsys.readouterr().err


def test_a_note_above_the_header_is_left_out_as_a_title(tmp_path, records, capsys):
    """A data set with a note typed above its header (a source line, a download date) is read
    from the header, as the other sheets are, saying the line it was read on; it was refused
    as "no 'title' column", the note shown as the columns. The rows after it keep their lines
    (a bad label named where it is)."""
    plain = write_csv(tmp_path / "plain.csv", records)
    noted = tmp_path / "noted.csv"
    noted.write_text("Screened set, downloaded 3 May\n" + plain.read_text(encoding="utf-8"))
    assert load_labelled_set(noted).texts == load_labelled_set(plain).texts
    assert main(["simulate", str(noted)]) == 0, capsys.readouterr().err
    assert f"warning: {noted}:2: the header row is read on this line" in capsys.readouterr().err
    rows = [(t, a, "maybe" if i == 9 else y) for i, (t, a, y) in enumerate(records)]
    book = _xlsx(tmp_path / "s.xlsx", ("title", "abstract", "label_included"), rows)
    from openpyxl import load_workbook

    opened = load_workbook(book)
    opened.active.insert_rows(1)
    opened.active["A1"] = "Screened set, downloaded 3 May"
    opened.save(book)
    assert main(["simulate", str(book)]) == 2
    err = capsys.readouterr().err
    assert f"{book}:12: label 'maybe' is not 0 or 1" in err and "Traceback" not in err


def test_a_set_of_many_columns_without_a_title_names_twelve_and_counts_the_rest(tmp_path, capsys):
    """The hint of a set without a title column named its first twelve columns and cut the
    rest without a sign (an OpenAlex export has dozens); the rest are counted, as every list
    of a message is (``wording.listed``)."""
    columns = [f"column{i}" for i in range(1, 15)]
    path = tmp_path / "wide.csv"
    path.write_text(",".join(columns) + "\n" + ",".join("x" * 14) + "\n", encoding="utf-8")
    assert main(["simulate", str(path)]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert f"the columns are: {', '.join(columns[:12])} and 2 more;" in said, said


def test_a_set_whose_header_row_is_empty_is_refused_without_a_traceback(tmp_path, capsys):
    """A first row of separators alone (',,': a sheet saved with its header row cleared) names
    no column: the hint said so by listing none, then crashed in ``wording.listed`` (an
    IndexError on an empty list, exit 1)."""
    path = tmp_path / "no_names.csv"
    path.write_text(",,\n1,2,3\n", encoding="utf-8")
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no 'title' column" in err and "Traceback" not in err


def test_a_column_name_holding_a_comma_or_and_is_quoted_in_the_hint(tmp_path, capsys):
    """'the columns are: id, authors, full and abstract' named four columns or three: a name
    holding the list's separator or the word 'and' is quoted, the plain ones stay as they were."""
    path = tmp_path / "no_title.csv"
    path.write_text(
        'id,"Authors, full",notes and remarks,abstract\n1,"Smith, J",x,y\n', encoding="utf-8"
    )
    assert main(["simulate", str(path)]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert "the columns are: id, 'authors, full', 'notes and remarks' and abstract;" in said, said
