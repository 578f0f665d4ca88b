"""Quality floors on the real evaluation data in shared/data (see its README).

The acceptance bar: our recommender's NDCG@10 is at least that of EASE and
implicit ALS (both with parameters tuned on the validation split) and at
least twice the popularity baseline; our topics' NMI is at least the best of
the three text-clustering baselines on every labelled corpus. Topics are
checked on a seeded sample of each corpus to keep the test short; the full
tables come from ``python -m site_builder.analysis.evaluate``.
"""

from __future__ import annotations

import pytest

from site_builder.analysis.datasets import CORPORA, load_corpus, load_movielens
from site_builder.analysis.evaluate import (
    TUNED_ON_VALIDATION,
    evaluate_recommenders,
    evaluate_topics,
)

from .conftest import SHARED_DATA

SAMPLE = 3000


@pytest.fixture(scope="module")
def data():
    if not (SHARED_DATA / "README.md").is_file():
        pytest.fail(
            f"evaluation data missing: expected {SHARED_DATA} (shared/data beside the repository)",
            pytrace=False,
        )
    return SHARED_DATA


def test_recommender_beats_ease_als_and_twice_popularity(data) -> None:
    rows = evaluate_recommenders(
        load_movielens(data), tuned=TUNED_ON_VALIDATION, log=lambda _: None
    )
    ndcg = {row.model.split(" (")[0]: row.ndcg for row in rows}
    assert ndcg["ours"] >= ndcg["EASE"], ndcg
    assert ndcg["ours"] >= ndcg["implicit ALS"], ndcg
    assert ndcg["ours"] >= 2 * ndcg["most popular"], ndcg


@pytest.mark.parametrize("name", CORPORA)
def test_topics_beat_every_baseline(data, name: str) -> None:
    rows = evaluate_topics(load_corpus(data, name).sample(SAMPLE))
    ours, *baselines = rows
    assert ours.method.startswith("ours")
    best = max(baselines, key=lambda row: row.nmi)
    assert ours.nmi >= best.nmi, [(r.method, round(r.nmi, 4)) for r in rows]
