"""The evidence map's column labels never overlap (2-10 columns); one scheme against itself is
refused."""

from __future__ import annotations

import pytest

from reviewkit.cli import main
from reviewkit.evidence import EvidenceMap, map_figure
from reviewkit.protocol.model import Label, Scheme

# Review A's eight groups, then two of the demo's work topics: long names of several words
NAMES = [
    "Mental disorders",
    "Musculoskeletal disorders",
    "Mixed or complex diagnoses",
    "Chronic pain",
    "Cancer",
    "Brain injury",
    "Role of the GP and the employer",
    "Implementation and system level",
    "Sick leave and return to work",
    "Rehabilitation and vocational services",
]


def _map(columns: int) -> EvidenceMap:
    cols = Scheme(
        "group", "Diagnosis group", tuple(Label(f"c{i}", NAMES[i]) for i in range(columns))
    )
    rows = Scheme("model", "Model type", (Label("team", "Multidisciplinary team"),))
    cells = {("team", f"c{i}"): [i] for i in range(columns)}
    citations = {i: f"Author ({2010 + i})" for i in range(columns)}
    return EvidenceMap(rows, cols, ["team"], [f"c{i}" for i in range(columns)], cells, citations)


@pytest.mark.parametrize("columns", range(2, 11))
def test_column_labels_do_not_overlap(columns: int):
    fig = map_figure(_map(columns))
    renderer = fig.canvas.get_renderer()
    texts = fig.axes[0].get_xticklabels()
    assert [t.get_text().replace("\n", " ") for t in texts] == NAMES[:columns]
    boxes = [t.get_window_extent(renderer) for t in texts]
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left.x1 < right.x0, (columns, left, right)
    width = fig.get_figwidth() * fig.dpi
    assert boxes[0].x0 >= 0 and boxes[-1].x1 <= width  # none cut off at the page's edges


def test_evidence_map_refuses_one_scheme_against_itself(b_included, tmp_path, capsys):
    project, _ = b_included
    out = tmp_path / "m"
    args = ["evidence-map", "--rows", "model-type", "--cols", "model-type", "--out", str(out)]
    assert main([*args, "--project", str(project.folder)]) == 2
    err = capsys.readouterr().err
    assert "crosses two schemes" in err and "--cols (diagnosis" in err and "Traceback" not in err
    assert not out.exists()
