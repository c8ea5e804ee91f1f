"""``claimex.evaluate.measures``: span/value scoring, the corpus loaders and the seed gold."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from claimex.annotate.measures import parse_measures
from claimex.evaluate.measures import gold_numbers, score_corpus, score_measures


def test_score_exact_overlap_and_values():
    text = "rates were 57-91% and 127 patients (p<0.05)"
    a, b, c = text.find("57-91%"), text.find("127"), text.find("0.05")
    gold = [(a, a + 6, {"low": 57, "high": 91, "unit": "%"}), (b, b + 3), (c, c + 4)]
    res = score_measures(gold, parse_measures(text), text)
    c = res["counts"]
    assert (c["gold"], c["pred"]) == (3, 3)
    assert c["gold_exact"] == 1  # "57-91%" only; "127" vs "127 patients" overlaps
    assert c["gold_overlap"] == 3 and c["pred_overlap"] == 3
    assert res["overlap"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert res["value_accuracy"] == 1.0 and res["unit_accuracy"] == 1.0


def test_score_missed_spurious_and_wrong_values():
    text = "a 12 mg dose and 3 days"
    pred = [SimpleNamespace(start=2, end=7, value=13.0, unit="mg")]
    res = score_measures([(2, 7), (17, 23)], pred, text)
    assert res["errors"]["missed"] == [(17, 23)]
    assert res["counts"]["value_checked"] == 1 and res["counts"]["value_correct"] == 0
    assert res["overlap"]["recall"] == 0.5 and res["overlap"]["precision"] == 1.0
    res = score_measures([], pred, text)
    assert res["overlap"]["precision"] == 0.0 and res["errors"]["spurious"] == [(2, 7)]


def test_gold_numbers_reads_written_forms():
    assert gold_numbers("13 388") == [13388.0]
    assert gold_numbers("Nine hundred seven") == [907.0]
    assert gold_numbers("43-61 yrs") == [43.0, 61.0]
    assert gold_numbers("0\u00b705") == [0.05]


def test_score_corpus_speed_and_counts():
    docs = [("a", "12 mg and 3 days", [(0, 5), (10, 16)]), ("b", "no numbers", [])]
    res = score_corpus(docs, keep_errors=5)
    assert res["docs"] == 2 and res["counts"]["gold"] == 2 and res["overlap"]["recall"] == 1.0
    assert res["docs_per_second"] is None or res["docs_per_second"] > 0


def test_seed_gold_is_exact(seed_path):
    from claimex.evaluate.measures import load_seed

    [(_doc_id, text, gold)] = load_seed()
    res = score_measures(gold, parse_measures(text), text)
    assert len(gold) == 4
    assert res["exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert res["value_accuracy"] == 1.0 and res["unit_accuracy"] == 1.0


@pytest.mark.shared
def test_corpus_loaders_give_valid_spans(corpora):
    from claimex.evaluate.measures import load_measeval, load_pico_numeric

    for docs in (load_pico_numeric(limit=5), load_measeval(limit=5)):
        assert len(docs) == 5
        for _id, text, gold in docs:
            assert all(0 <= s < e <= len(text) for s, e, _info in gold)


@pytest.mark.shared
def test_pico_sentences_recall(corpora):
    """A small, fixed slice of the PICO-Corpus: its arm-level numbers are (nearly) all found."""
    from claimex.evaluate.measures import load_pico_numeric

    res = score_corpus(load_pico_numeric(limit=20))
    assert res["overlap"]["recall"] >= 0.95
    assert res["value_accuracy"] >= 0.98
