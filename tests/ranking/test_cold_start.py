"""The protocol-informed cold start: the order before the model, and simulation from zero."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ranking.conftest import make_records, write_csv

from reviewkit.cli import main
from reviewkit.ranking.cold_start import ProtocolText, cold_start_order, protocol_document
from reviewkit.ranking.queue import RankStatus
from reviewkit.ranking.ranker import record_text, stable_random_order
from reviewkit.ranking.simulate import simulate_from_zero

TEXTS = [
    record_text("Cardiac surgery outcomes in older adults", "A cohort of 300 patients."),
    record_text("Return to work after sick leave", "A coordinator met the employer."),
    record_text("Protein dosage in mice", "Enzyme activity was measured."),
    record_text("Renal function and tumour size", "Patients had imaging."),
]
IDS = [10, 11, 12, 13]
REVIEW_B = Path(__file__).resolve().parents[2] / "protocols" / "work-health-collaboration.toml"


def test_a_record_matching_the_protocols_terms_comes_first():
    protocol = ProtocolText(searches=('"return to work" AND employer*',))
    order = cold_start_order(IDS, TEXTS, protocol)
    assert order is not None and order[0] == 11
    assert order[1:] == [10, 12, 13]  # no term: the given (seeded) order


def test_question_criteria_and_include_terms_count_too():
    assert (
        cold_start_order(IDS, TEXTS, ProtocolText(question="Does renal tumour size matter?"))[0]
        == 13
    )
    assert cold_start_order(IDS, TEXTS, ProtocolText(inclusion=("cardiac surgery",)))[0] == 10
    assert cold_start_order(IDS, TEXTS, ProtocolText(include_terms=("coordinat*",)))[0] == 11


def test_terms_under_a_not_do_not_count():
    protocol = ProtocolText(searches=("surgery NOT (protein OR mice)",))
    order = cold_start_order(IDS, TEXTS, protocol)
    assert order is not None and order[0] == 10
    # only NOT-ed terms: nothing to order by
    assert cold_start_order(IDS, TEXTS, ProtocolText(searches=("xyzzy NOT mice",))) is None
    assert "mice" not in protocol_document(protocol)


def test_a_phrase_needs_its_words_together_and_a_truncation_is_a_prefix():
    texts = [record_text("work return", "no phrase here"), record_text("returning to work", "")]
    protocol = ProtocolText(include_terms=('"return to work"',))
    assert cold_start_order([1, 2], texts, protocol) is None  # neither holds the phrase
    assert cold_start_order([1, 2], texts, ProtocolText(include_terms=("returning",))) == [2, 1]
    assert cold_start_order([1, 2], texts, ProtocolText(searches=("retur* to work",))) == [2, 1]


def test_exclude_terms_push_a_record_down():
    protocol = ProtocolText(include_terms=("patients",), exclude_terms=("renal",))
    order = cold_start_order(IDS, TEXTS, protocol)
    assert order is not None and order[0] == 10 and order[-1] == 13


def test_no_usable_protocol_text_keeps_the_random_order():
    assert cold_start_order(IDS, TEXTS, None) is None
    assert cold_start_order(IDS, TEXTS, ProtocolText()) is None
    assert cold_start_order(IDS, TEXTS, ProtocolText(include_terms=("sykmelding",))) is None
    assert cold_start_order(IDS, TEXTS, ProtocolText(searches=("((",))) is None  # unparsable


def test_the_status_line_says_the_order_comes_from_the_protocol():
    base = dict(trained_at=None, min_includes=5, min_excludes=5, estimate=None, busy=False)
    line = RankStatus("protocol", positives=2, negatives=3, **base).describe()
    assert "Order: protocol until 2/5 incl+unc, 3/5 excl" in line
    line = RankStatus("protocol", positives=5, negatives=5, **base | {"busy": True}).describe()
    assert "Order: protocol terms (training the first model…)" in line
    assert (
        "Order: random until" in RankStatus("random", positives=0, negatives=0, **base).describe()
    )
    trained = base | {"trained_at": datetime.now(UTC)}
    assert (
        "Order: model (trained"
        in RankStatus("model", positives=5, negatives=5, **trained).describe()
    )


def _labelled(tmp_path):
    rows = make_records(n=120, n_includes=12, seed=3)
    return write_csv(tmp_path / "set.csv", rows), rows


def test_from_zero_follows_the_seeded_order_until_the_ready_rule(tmp_path):
    path, rows = _labelled(tmp_path)
    result = simulate_from_zero(path, seed=4)
    assert result.n_prior == 0 and result.cold_start == "random"
    seeded = stable_random_order(range(len(rows)), seed=4)
    labels = [rows[i][2] for i in seeded]
    # the place where the 5th include and the 5th exclude have both been screened
    inc = exc = ready_at = 0
    for k, y in enumerate(labels):
        inc, exc = inc + y, exc + (1 - y)
        if inc >= 5 and exc >= 5:
            ready_at = k + 1
            break
    assert result.order[:ready_at] == seeded[:ready_at]
    assert result.order[ready_at:] != seeded[ready_at:]  # the model took over
    assert sorted(result.order) == list(range(len(rows)))
    assert result.summary()["until_5th_include"] == result.screened_until(5) <= ready_at


def test_from_zero_with_a_protocol_starts_with_the_records_matching_it(tmp_path):
    path, rows = _labelled(tmp_path)
    protocol = ProtocolText(
        question="Does vocational rehabilitation with the employer help return to work?"
    )
    result = simulate_from_zero(path, seed=4, protocol=protocol)
    assert result.cold_start == "protocol"
    assert result.screened_until(1) == 1 and result.screened_until(5) <= 6
    random_start = simulate_from_zero(path, seed=4)
    assert result.screened_until(5) < random_start.screened_until(5)
    feature = simulate_from_zero(path, seed=4, protocol=protocol, protocol_feature=True)
    assert feature.cold_start == "protocol + protocol feature"
    assert sorted(feature.order) == list(range(len(rows)))


def test_simulate_from_zero_through_the_cli(labelled_csv, tmp_path, capsys):
    order = tmp_path / "order.csv"
    protocol = str(REVIEW_B)  # return to work: the include-like records' topic
    code = main(
        ["simulate", str(labelled_csv), "--from-zero", "--protocol", protocol, "--csv", str(order)]
    )
    out = capsys.readouterr().out
    assert code == 0 and "from zero, protocol order before the model: 1st include after 1," in out
    rows = order.read_text().splitlines()
    assert len(rows) == 201 and rows[1].startswith("1,")
    assert main(["simulate", str(labelled_csv), "--from-zero"]) == 0
    assert "from zero, random order" in capsys.readouterr().out


def test_a_protocol_without_from_zero_is_refused(labelled_csv, capsys):
    protocol = str(REVIEW_B)
    assert main(["simulate", str(labelled_csv), "--protocol", protocol]) == 2
    assert "--protocol needs --from-zero" in capsys.readouterr().err


def test_from_zero_counts_the_terms_once_for_the_cold_start_and_the_features(tmp_path, monkeypatch):
    from reviewkit.ranking import cold_start, features
    from reviewkit.ranking import simulate as simulate_module

    path, rows = _labelled(tmp_path)
    protocol = ProtocolText(
        question="Does vocational rehabilitation with the employer help return to work?"
    )
    calls = []
    counted = features.term_counts

    def spy(texts):
        calls.append(len(texts))
        return counted(texts)

    for module in (features, cold_start, simulate_module):  # every name it is called by
        monkeypatch.setattr(module, "term_counts", spy, raising=False)
    for feature in (False, True):
        calls.clear()
        result = simulate_from_zero(path, seed=4, protocol=protocol, protocol_feature=feature)
        assert calls == [len(rows) + feature]  # once, the protocol's document included
        seeded = stable_random_order(range(len(rows)), seed=4)
        texts = [record_text(rows[i][0], rows[i][1]) for i in seeded]
        expected = cold_start_order(seeded, texts, protocol)
        assert expected is not None and result.order[:3] == expected[:3]


def test_a_wildcard_inside_a_word_is_one_pattern():
    """PubMed accepts '*' inside a word ('organi*ation'): it matches organisation and
    organization, not the fragments 'organi' and 'ation', nor a word that only starts so."""
    from reviewkit.ranking.features import term_counts, word_tokens

    texts = [
        record_text("Organic food at system level", "Ration cards"),
        record_text("Change at organisation level", "Work and care"),
        record_text("Change at organization level", "Work and care"),
    ]
    for protocol in (
        ProtocolText(searches=('"organi*ation level"[tiab]',)),
        ProtocolText(include_terms=("organi*ation",)),
    ):
        for counts in (None, word_tokens(texts), term_counts(texts)):
            order = cold_start_order([1, 2, 3], texts, protocol, counts)
            assert order == [2, 3, 1], (protocol, order)
