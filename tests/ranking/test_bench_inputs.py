"""The benchmark gives both tools the same file: title, abstract (+ keywords), label."""

from __future__ import annotations

import csv

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
