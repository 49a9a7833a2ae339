"""The screening TUI benchmark's Markdown page (results/tui.md), worded from its figures.

Split from :mod:`benchmarks.bench_tui`, which measures; this module only writes the figures out.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.measure import load_note


def _plain_rows(f: dict) -> list[tuple[str, str, str]]:
    """The table rows of the screen without the ranker: (measure, value, target)."""
    return [
        ("Records in the project", f"{f['records']:,}", ""),
        (
            "Time to first screen (open project → first record drawn)",
            f"{f['time_to_first_screen_s']:.3f} s",
            "< 1.5 s",
        ),
        ("  of which queue (canonical map, log, order)", f"{f['queue_build_s']:.3f} s", ""),
        ("Python imports before that", f"{f['imports_s']:.3f} s", ""),
        ("Spawn to first screen, fresh process", f"{f['spawn_to_first_screen_wall_s']:.3f} s", ""),
        (
            f"Keypress → next record, median ({f['decisions']} decisions)",
            f"{f['keypress_median_ms']:.1f} ms",
            "",
        ),
        ("Keypress → next record, p95", f"{f['keypress_p95_ms']:.1f} ms", "< 50 ms"),
        (
            "Keypress → next record, max (at decision no.) · decisions over 100 ms",
            f"{f['keypress_max_ms']:.1f} ms (no. {f['keypress_max_at']}) · {f['keypress_over_100ms']}",
            "",
        ),
        (
            f"e → the reasons painted ({f['open_reasons_presses']} presses, one per exclusion),"
            " median / p95 / max · over 100 ms",
            _open_reasons(f),
            "",
        ),
        (
            "CPU time of this process per keypress (incl. Pilot), median / p95",
            f"{f['keypress_cpu_median_ms']:.1f} / {f['keypress_cpu_p95_ms']:.1f} ms",
            "",
        ),
        (
            "pilot.press() round trip incl. Pilot's idle waits, median / p95",
            f"{f['pilot_roundtrip_median_ms']:.1f} / {f['pilot_roundtrip_p95_ms']:.1f} ms",
            "",
        ),
    ]


def _open_reasons(f: dict, prefix: str = "") -> str:
    """The ``e`` press's figures (bench_tui.keypress_figures) as one cell."""
    return (
        f"{f[prefix + 'open_reasons_median_ms']:.1f} / {f[prefix + 'open_reasons_p95_ms']:.1f} /"
        f" {f[prefix + 'open_reasons_max_ms']:.1f} ms · {f[prefix + 'open_reasons_over_100ms']}"
    )


def _ranked_rows(f: dict) -> list[tuple[str, str, str]]:
    """The table rows with the ranker on, of the look for changes and of memory."""
    return [
        (
            "With the ranker on (default of `reviewkit screen`): keypress → next record, median / p95 / max",
            f"{f['ranked_keypress_median_ms']:.1f} / {f['ranked_keypress_p95_ms']:.1f} / "
            f"{f['ranked_keypress_max_ms']:.1f} ms (max at no. {f['ranked_keypress_max_at']}; "
            f"{f['ranked_keypress_over_100ms']} over 100 ms; keys from the first record on,"
            f" {f['ranked_keys_from_s']:.1f} s after opening)",
            "p95 < 50 ms",
        ),
        (
            f"  with the ranker on: e → the reasons painted ({f['ranked_open_reasons_presses']}"
            " presses), median / p95 / max · over 100 ms",
            _open_reasons(f, "ranked_"),
            "",
        ),
        ("  order at the end of the ranked run", f"{f['ranked_rank_source_at_end']}", ""),
        (
            "With the ranker on: first screen drawn (it says 'ordering…') · first record, the"
            " ranked order's first pick",
            f"{f['ranked_first_screen_s']:.3f} s (idle after starting the ranker's process:"
            f" {f['ranked_first_screen_pause_s']:.3f} s) · {f['ranked_first_record_s']:.1f} s"
            f" (order: {f['ranked_first_record_source']}; the seeded order's first record:"
            f" {'yes' if f['ranked_first_is_seeded_first'] else 'no'})",
            "< 1.5 s",
        ),
        (
            f"  the same on the first {f['small_records']:,} records",
            f"{f['small_ranked_first_screen_s']:.3f} s · {f['small_ranked_first_record_s']:.1f} s"
            f" (order: {f['small_ranked_first_record_source']})",
            "",
        ),
        *(
            [
                (
                    "  reopened with 5 includes and 5 excludes made, no words kept (the first"
                    " session): first record, the model's first pick · CPU of the ranking"
                    " process up to it",
                    f"{f['resumed_first_record_s']:.1f} s (order:"
                    f" {f['resumed_first_record_source']}) · {f['resumed_ranking_cpu_s']:.1f} s",
                    "",
                )
            ]
            if "resumed_first_record_s" in f  # measured since the word pairs' packed sort
            else []
        ),
        *(
            [
                (
                    "  the same reopened again, the words kept by the session before"
                    " (`.reviewkit-cache/`)",
                    f"{f['resumed_kept_first_record_s']:.1f} s (order:"
                    f" {f['resumed_kept_first_record_source']}) ·"
                    f" {f['resumed_kept_ranking_cpu_s']:.1f} s",
                    "",
                )
            ]
            if "resumed_kept_first_record_s" in f  # measured since the words are kept
            else []
        ),
        (
            "Look for others' changes (every 3 s): a key's look (records, links) · the idle"
            " look, nothing new · after my own vote (entries counted)",
            f"{f['live_key_look_us']:.0f} µs · {f['live_idle_look_us']:.0f} µs ·"
            f" {f['live_look_after_my_vote_ms']:.2f} ms",
            "",
        ),
        (
            f"Queue rebuilt after a partner's vote ({f['live_partner_votes']:,} partner votes"
            " in the log)",
            f"{f['live_rebuild_after_partner_vote_s']:.2f} s",
            "",
        ),
        (
            "Peak RSS (first screen / latency run)",
            f"{f['first_screen_peak_rss_mb']:.0f} / {f['latency_peak_rss_mb']:.0f} MB",
            "",
        ),
    ]


def write_markdown(path: Path, f: dict) -> None:
    rows = _plain_rows(f) + _ranked_rows(f)
    lines = [
        "# Screening TUI benchmark",
        "",
        "`python -m benchmarks tui` — real PubMed snapshot, Review B protocol, reviewer1, title-abstract, "
        "measured with Textual's Pilot (headless, 110x35). Every decision is committed "
        "(SQLite WAL, synchronous=FULL) before the next record is shown.",
        "",
        "| measure | value | target |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    lines += [
        "",
        f"Meets targets: **{'yes' if f['meets_targets'] else 'no'}**. Machine: {f['cores']} cores, "
        f"1-minute load average {f['load_average_1min_before']} when the run started "
        f"({load_note(f['load_average_1min_before'])}).",
        "",
    ]
    before = path.parent / "tui-before.json"
    if before.exists():  # the same measures on the code before the last change of the screen
        b = json.loads(before.read_text(encoding="utf-8"))
        lines += [
            f"Before (`tui-before.json`, code {b['code']}; load average"
            f" {b['load_average_1min_before']}): first screen {b['time_to_first_screen_s']:.3f} s,"
            f" keypress median / p95 {b['keypress_median_ms']:.1f} / {b['keypress_p95_ms']:.1f} ms,"
            f" with the ranker {b['ranked_keypress_median_ms']:.1f} /"
            f" {b['ranked_keypress_p95_ms']:.1f} ms ({b['ranked_note']}).",
            "",
        ]
    pick = path.parent / "tui-first-pick-before.json"
    if pick.exists():  # the first pick on the code before it was scored from the word stream
        p = json.loads(pick.read_text(encoding="utf-8"))
        cpu = p["engine_cpu_s_50000"]
        lines += [
            f"First pick before / after scoring the cold start from the word stream (code"
            f" {p['code_before']}, run back to back, load average {p['load_average_1min_before']}"
            f"–{p['load_average_1min_after']}): 50,000 records {p['records_50000_before_s']:.1f}"
            f" / {p['records_50000_after_s']:.1f} s, 3,000 records {p['records_3000_before_s']:.1f}"
            f" / {p['records_3000_after_s']:.1f} s. CPU of the ranking process on 50,000: texts"
            f" read {cpu['read_texts']:.1f} s, then before term counts {cpu['term_counts_before']:.1f}"
            f" s + BM25 {cpu['bm25_over_full_counts_before']:.1f} s; after words"
            f" {cpu['word_tokens_after']:.1f} s + BM25 {cpu['bm25_from_word_stream_after']:.1f} s,"
            f" the word pairs ({cpu['word_pairs_and_counts_after_the_pick']:.1f} s) after the pick.",
            "",
        ]
    notes = path.parent / "tui-notes.md"  # before/after paragraphs worded once, kept as written
    if notes.exists():
        lines += [notes.read_text(encoding="utf-8").strip(), ""]
    lines += _word_pairs_lines(path.parent / "tui-word-pairs.json")
    path.write_text("\n".join(lines), encoding="utf-8")


def _word_pairs_lines(path: Path) -> list[str]:
    """The paragraph on numbering the word pairs by one packed sort (before / after, back to
    back: ``python -m benchmarks.bench_tui resumed OUT.json`` on each code; for the code before,
    with ``PYTHONPATH`` at ``git archive CODE reviewkit`` unpacked)."""
    if not path.exists():
        return []
    w = json.loads(path.read_text(encoding="utf-8"))
    runs = {side: {n: w[side][n] for n in ("50000", "3000")} for side in ("before", "after")}

    def figures(n: str, key: str, fmt: str) -> str:
        return " / ".join(
            "–".join(format(x, fmt) for x in sorted({r[key] for r in runs[side][n]}))
            for side in ("before", "after")
        )

    loads = [r["load"] for side in runs.values() for n in side.values() for r in n]
    return [
        f"Word pairs numbered by one packed sort, not a binary search per pair (code"
        f" {w['code_before']} before, {w['code_after']} after; two runs each, alternated, load average"
        f" {min(loads):.1f}–{max(loads):.1f}, so the wall times are upper bounds): a session"
        f" reopened with 5 includes and 5 excludes made, whose first record is the model's first"
        f" pick (texts, words, word pairs, TF-IDF and the first fit before it): CPU of the"
        f" ranking process on 50,000 records {figures('50000', 'ranking_cpu_s', '.1f')} s, on"
        f" 3,000 {figures('3000', 'ranking_cpu_s', '.2f')} s; wall to the first record"
        f" {figures('50000', 'first_record_s', '.1f')} s and"
        f" {figures('3000', 'first_record_s', '.1f')} s. Numbering and counting the word pairs"
        f" alone, on the 50,000 texts (7.6 million pairs), CPU:"
        f" {'–'.join(format(x, '.1f') for x in sorted(w['counts_of_tokens_cpu_s_before']))} /"
        f" {'–'.join(format(x, '.1f') for x in sorted(w['counts_of_tokens_cpu_s_after']))} s. The feature"
        f" matrix is the same bit for bit, so the screening order is the same.",
        "",
    ]
