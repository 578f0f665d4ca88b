"""Evaluation metrics and the split, against examples computed by hand."""

from __future__ import annotations

import math

import pytest

from site_builder.analysis.metrics import (
    clustering_scores,
    coverage,
    hit_rate_and_ndcg,
    leave_last_out,
)

from .conftest import event


def test_hit_rate_and_ndcg_by_hand() -> None:
    ranked = {"a": ["x", "y", "z"], "b": ["y", "x"], "c": ["z"], "d": []}
    targets = {"a": "x", "b": "x", "c": "q", "d": "x"}
    hit, ndcg = hit_rate_and_ndcg(ranked, targets, k=10)
    assert hit == pytest.approx(2 / 4)
    # a: rank 1 -> 1/log2(2) = 1; b: rank 2 -> 1/log2(3)
    assert ndcg == pytest.approx((1 + 1 / math.log2(3)) / 4)


def test_cut_off_at_k() -> None:
    assert hit_rate_and_ndcg({"a": ["p", "q", "x"]}, {"a": "x"}, k=2) == (0.0, 0.0)


def test_coverage_counts_distinct_items_in_top_k() -> None:
    ranked = {"a": ["x", "y", "z"], "b": ["y", "w"]}
    assert coverage(ranked, n_items=10, k=2) == pytest.approx(3 / 10)


def test_leave_last_out_breaks_time_ties_by_item_id() -> None:
    events = [
        event("r", "item:3", 0),
        event("r", "item:2", 1),
        event("r", "item:9", 5),
        event("r", "item:1", 5),  # same minute as item:9: item:9 sorts last
        event("short", "item:1", 0),
        event("short", "item:2", 1),
    ]
    test = leave_last_out(events)
    assert test.targets == {"r": "item:9"}
    assert sorted(e.item for e in test.train if e.reader == "r") == ["item:1", "item:2", "item:3"]
    assert len([e for e in test.train if e.reader == "short"]) == 2
    validation = leave_last_out(events, validation=True)
    assert validation.targets == {"r": "item:1"}
    assert "item:9" not in {e.item for e in validation.train if e.reader == "r"}


def test_clustering_scores_ignore_label_names() -> None:
    nmi, ari = clustering_scores(["a", "a", "b", "b"], [7, 7, 3, 3])
    assert nmi == pytest.approx(1.0)
    assert ari == pytest.approx(1.0)


def test_evaluate_says_where_the_data_should_be(tmp_path, capsys) -> None:
    from site_builder.analysis.evaluate import main

    assert main(["--data", str(tmp_path / "nowhere")]) == 1
    assert "evaluation data not found" in capsys.readouterr().err
