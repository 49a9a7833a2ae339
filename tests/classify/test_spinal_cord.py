"""A bare "spinal" also names the spinal cord, whose injury is neurological: the shipped
musculoskeletal labels list the back's spinal disorders by their phrases (spinal pain,
stenosis, surgery …), so a spinal cord injury is not musculoskeletal and spinal pain still is."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels

# (protocol fixture, scheme): Review A's diagnosis groups and the workplace review's conditions
SCHEMES = [("review_a", "diagnosis-group"), ("workplace", "condition")]


@pytest.mark.parametrize(("protocol", "scheme"), SCHEMES)
@pytest.mark.parametrize(
    "text",
    [
        "Employed adults with traumatic spinal cord injury returned to work after rehabilitation.",
        "Return to work after spinal cord injuries: workers were followed for two years.",
    ],
)
def test_a_spinal_cord_injury_is_not_musculoskeletal(request, protocol, scheme, text):
    assert "musculoskeletal" not in labels(request.getfixturevalue(protocol), scheme, text)


@pytest.mark.parametrize(("protocol", "scheme"), SCHEMES)
@pytest.mark.parametrize(
    "text",
    [
        "Workers sick-listed with spinal pain returned to work after rehabilitation.",
        "Workers with lumbar spinal stenosis returned to work after spinal surgery.",
        "Workers sick-listed with spinal disorders returned to work after rehabilitation.",
    ],
)
def test_the_backs_spinal_disorders_are_still_musculoskeletal(request, protocol, scheme, text):
    assert labels(request.getfixturevalue(protocol), scheme, text) == ["musculoskeletal"]
