"""A small constructed labelled set: includes talk about return to work, excludes do not."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

INCLUDE_WORDS = [
    "return",
    "work",
    "sick",
    "leave",
    "vocational",
    "rehabilitation",
    "employer",
    "coordinator",
]
EXCLUDE_WORDS = ["cardiac", "surgery", "mice", "protein", "tumour", "dosage", "enzyme", "renal"]
SHARED_WORDS = ["study", "patients", "results", "trial", "effect", "group", "analysis", "outcome"]


def make_records(n: int = 200, n_includes: int = 20, seed: int = 7) -> list[tuple[str, str, int]]:
    """(title, abstract, label): includes draw mostly from INCLUDE_WORDS, excludes from EXCLUDE_WORDS."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        label = 1 if i < n_includes else 0
        topic = INCLUDE_WORDS if label else EXCLUDE_WORDS
        other = EXCLUDE_WORDS if label else INCLUDE_WORDS
        words = rng.choices(topic, k=8) + rng.choices(SHARED_WORDS, k=8) + rng.choices(other, k=1)
        rng.shuffle(words)
        rows.append((" ".join(words[:5]), " ".join(words[5:]), label))
    rng.shuffle(rows)
    return rows


@pytest.fixture
def records() -> list[tuple[str, str, int]]:
    return make_records()


def write_csv(
    path: Path, rows: list[tuple[str, str, int]], header=("title", "abstract", "label_included")
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def labelled_csv(tmp_path: Path, records) -> Path:
    return write_csv(tmp_path / "set.csv", records)
