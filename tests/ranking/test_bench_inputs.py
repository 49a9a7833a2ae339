"""The benchmark gives both tools the same file: title, abstract (+ keywords), label."""

from __future__ import annotations

import csv
import json

from benchmarks import asreview_runner


def _rows(path):
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_keywords_are_appended_to_the_abstract_for_both_tools(tmp_path, monkeypatch):
    monkeypatch.setattr(asreview_runner, "CACHE", tmp_path / "cache")
    src = tmp_path / "set.csv"
    src.write_text(
        "record_id,title,keywords,abstract,label_included\n"
        "1,Back pain,Humans; Low Back Pain,Trial of care.,1\n"
        "2,Heart,,,0\n"
    )
    plain = _rows(asreview_runner.reduced_csv(src, inputs="title_abstract"))
    kw = _rows(asreview_runner.reduced_csv(src, inputs="with_keywords"))
    assert list(plain[0]) == list(kw[0]) == ["title", "abstract", "label_included"]
    assert plain[0]["abstract"] == "Trial of care."
    assert kw[0]["abstract"] == "Trial of care. Humans; Low Back Pain"
    assert kw[1] == plain[1] == {"title": "Heart", "abstract": "", "label_included": "0"}


def test_a_set_without_keywords_has_one_input(tmp_path, monkeypatch):
    monkeypatch.setattr(asreview_runner, "CACHE", tmp_path / "cache")
    src = tmp_path / "set.csv"
    src.write_text("title,abstract,label_included\nA,b,1\nC,d,0\n")
    assert asreview_runner.effective_input(src, "with_keywords") == "title_abstract"
    assert asreview_runner.cache_key(src, 1, "label_included", "with_keywords") == (
        asreview_runner.cache_key(src, 1, "label_included", "title_abstract")
    )


def _fake_asreview(tmp_path, monkeypatch, script: str) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    fake = venv / "bin" / "asreview"
    fake.write_text("#!/bin/sh\n" + script)
    fake.chmod(0o755)
    monkeypatch.setattr(asreview_runner, "VENV", venv)
    monkeypatch.setattr(asreview_runner, "WORK", tmp_path)
    monkeypatch.setattr(asreview_runner, "CACHE", tmp_path / "cache")


def test_a_run_stopped_by_its_time_box_keeps_what_it_had_used(tmp_path, monkeypatch):
    """A whole ASReview run of a large set does not fit a shared machine: the CPU it had used
    and the labels it had made are kept (a lower bound), not thrown away."""
    progress = "Records labeled       :  10%|█         | 5/50 [00:01<00:09,  5.00it/s]"
    _fake_asreview(tmp_path, monkeypatch, f"printf '%s\\r' '{progress}' >&2\nexec sleep 30\n")
    src = tmp_path / "set.csv"
    src.write_text("title,abstract,label_included\nA,b,1\nC,d,0\n")
    assert asreview_runner.run(src, 0, timeout_s=1.0) is None
    key = asreview_runner.cache_key(src, 0, "label_included", "title_abstract")
    partial = json.loads((tmp_path / "cache" / f"{key}.partial.json").read_text())
    assert partial["labelled"] == 5
    assert partial["cpu_s"] >= 0 and partial["wall_s"] == 1.0
    assert not (tmp_path / "cache" / f"{key}.json").exists()  # no whole run is claimed
