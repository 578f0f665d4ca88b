"""Measure recommendations and topics on real third-party data.

    python -m site_builder.analysis.evaluate [--data ../shared/data] [--only topics|recommend]

Recommenders: time-ordered leave-last-out on MovieLens (events sorted by time,
then item id). Every tuned model (ours, EASE, implicit ALS) picks its
parameters on the validation split (target: each reader's second-to-last
event, trained without the last two) and is then refitted on everything but
the last event and scored on it. Items a reader already has are never
recommended. Coverage is the share of training items that appear in at least
one top-10 list; time is the fit plus scoring of every test reader.

Topics: NMI and ARI against the labels of each corpus with k = number of
labels, next to three baselines (see ``baselines.py``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from site_builder.analysis import baselines
from site_builder.analysis.clustering import cluster_texts
from site_builder.analysis.datasets import (
    CORPORA,
    DEFAULT_DATA,
    Corpus,
    load_corpus,
    load_movielens,
    require,
)
from site_builder.analysis.metrics import (
    Split,
    clustering_scores,
    coverage,
    hit_rate_and_ndcg,
    leave_last_out,
)
from site_builder.analysis.recommend import (
    SequenceRecommender,
    interaction_matrix,
    reader_histories,
)
from site_builder.model import Interaction

K = 10
EASE_GRID = (50.0, 200.0, 500.0)
ALS_GRID = {
    "factors": (32, 64, 128),
    "regularization": (0.01, 0.1, 1.0),
    "alpha": (1.0, 10.0, 40.0),
}
OURS_GRID = {
    "l2": EASE_GRID,
    "sequence_weight": (0.1, 0.25, 0.5, 0.75),
    "history_decay": (0.6, 0.7, 0.8, 0.9),
}


#: What the validation search picked on MovieLens (printed by a full run);
#: the quality test reuses it to skip the search. Never chosen on the test split.
TUNED_ON_VALIDATION: dict[str, dict[str, float]] = {
    "ours": {"l2": 200.0, "sequence_weight": 0.25, "history_decay": 0.7},
    "ease": {"l2": 50.0},
    "als": {"factors": 128, "regularization": 0.01, "alpha": 1.0},
}


@dataclass
class RecommenderRow:
    model: str
    hit_rate: float
    ndcg: float
    coverage: float
    seconds: float
    params: dict[str, float] = field(default_factory=dict)


@dataclass
class TopicRow:
    corpus: str
    method: str
    nmi: float
    ari: float
    seconds: float


class Prepared:
    """A split as matrices: sorted readers and items, as every model sees them."""

    def __init__(self, split: Split) -> None:
        self.split = split
        histories = reader_histories(split.train)
        self.items = sorted({e.item for e in split.train})
        self.index = {item: n for n, item in enumerate(self.items)}
        self.readers = sorted(histories)
        self.histories = [histories[r] for r in self.readers]
        coded = [[self.index[i] for i in h] for h in self.histories]
        self.matrix = interaction_matrix(coded, len(self.items))
        rows = {r: n for n, r in enumerate(self.readers)}
        self.target_rows = [rows[r] for r in sorted(split.targets) if r in rows]
        self.targets = {r: split.targets[r] for r in sorted(split.targets)}

    def rank(self, scores: np.ndarray, rows: Sequence[int] | None = None) -> dict[str, list[str]]:
        """Top-K unseen items per evaluated reader; ``scores`` rows follow ``rows``."""
        rows = self.target_rows if rows is None else rows
        ranked = {}
        for n, row in enumerate(rows):
            line = np.array(scores[n], dtype=np.float64)
            seen = self.matrix.indices[self.matrix.indptr[row] : self.matrix.indptr[row + 1]]
            line[seen] = -np.inf
            top = np.argpartition(-line, K)[:K]
            top = top[np.lexsort((top, -line[top]))]
            ranked[self.readers[row]] = [self.items[i] for i in top]
        return ranked

    def measure(self, ranked: dict[str, list[str]]) -> tuple[float, float, float]:
        hit, ndcg = hit_rate_and_ndcg(ranked, self.targets, K)
        return hit, ndcg, coverage(ranked, len(self.items), K)


def ours_ranking(data: Prepared, model: SequenceRecommender) -> dict[str, list[str]]:
    histories = [data.histories[row] for row in data.target_rows]
    scores = model.scores(histories)
    order = [model.index_[item] for item in data.items]
    return data.rank(scores[:, order])


def _fit_ours(data: Prepared, cache: dict, **params: float) -> SequenceRecommender:
    return SequenceRecommender(cache=cache, **params).fit(None, data.split.train)


def tune_ours(val: Prepared, log: Callable[[str], None]) -> dict[str, float]:
    cache: dict = {}
    best: tuple[float, dict[str, float]] = (-1.0, {})
    for l2, weight in itertools.product(OURS_GRID["l2"], OURS_GRID["sequence_weight"]):
        model = _fit_ours(val, cache, l2=l2, sequence_weight=weight)
        for decay in OURS_GRID["history_decay"]:
            model.history_decay = decay  # used only when scoring: no refit needed
            ndcg = val.measure(ours_ranking(val, model))[1]
            params = {"l2": l2, "sequence_weight": weight, "history_decay": decay}
            if ndcg > best[0]:
                best = (ndcg, params)
    log(f"  ours: validation NDCG@10 {best[0]:.4f} with {best[1]}")
    return best[1]


def tune_ease(val: Prepared, log: Callable[[str], None]) -> dict[str, float]:
    scores = {
        l2: val.measure(val.rank(baselines.ease_scores(val.matrix, l2)[val.target_rows]))[1]
        for l2 in EASE_GRID
    }
    best = max(scores, key=lambda l2: (scores[l2], -l2))
    log(f"  EASE: validation NDCG@10 {scores[best]:.4f} with l2={best}")
    return {"l2": best}


def tune_als(val: Prepared, log: Callable[[str], None]) -> dict[str, float]:
    best: tuple[float, dict[str, float]] = (-1.0, {})
    for values in itertools.product(*ALS_GRID.values()):
        params = dict(zip(ALS_GRID, values, strict=True))
        scores = baselines.als_scores(val.matrix, **params)[val.target_rows]
        ndcg = val.measure(val.rank(scores))[1]
        if ndcg > best[0]:
            best = (ndcg, params)
    log(f"  ALS: validation NDCG@10 {best[0]:.4f} with {best[1]}")
    return best[1]


def evaluate_recommenders(
    events: Iterable[Interaction],
    *,
    tuned: dict[str, dict[str, float]] | None = None,
    log: Callable[[str], None] = print,
) -> list[RecommenderRow]:
    """All four models on the test split; ``tuned`` skips the validation search."""
    with threadpool_limits(1):  # as in the build; implicit asks for it too
        return _evaluate_recommenders(list(events), tuned, log)


def _evaluate_recommenders(
    events: list[Interaction],
    tuned: dict[str, dict[str, float]] | None,
    log: Callable[[str], None],
) -> list[RecommenderRow]:
    if tuned is None:
        log("tuning on the validation split (second-to-last event) ...")
        val = Prepared(leave_last_out(events, validation=True))
        tuned = {
            "ours": tune_ours(val, log),
            "ease": tune_ease(val, log),
            "als": tune_als(val, log),
        }
        del val
    test = Prepared(leave_last_out(events))
    rows = []

    def timed(
        name: str, params: dict[str, float], rank: Callable[[], dict[str, list[str]]]
    ) -> None:
        started = time.perf_counter()
        ranked = rank()
        seconds = time.perf_counter() - started
        rows.append(RecommenderRow(name, *test.measure(ranked), seconds, params))

    timed(
        "ours (EASE + transitions + recency)",
        tuned["ours"],
        lambda: ours_ranking(test, _fit_ours(test, {}, **tuned["ours"])),
    )
    timed(
        "most popular",
        {},
        lambda: test.rank(baselines.popularity_scores(test.matrix)[test.target_rows]),
    )
    timed(
        "implicit ALS",
        tuned["als"],
        lambda: test.rank(baselines.als_scores(test.matrix, **tuned["als"])[test.target_rows]),
    )
    timed(
        "EASE",
        tuned["ease"],
        lambda: test.rank(baselines.ease_scores(test.matrix, **tuned["ease"])[test.target_rows]),
    )
    return rows


TOPIC_METHODS: dict[str, Callable[[Sequence[str], int], np.ndarray]] = {
    "ours (features + LSA + refined k-means)": lambda texts, k: cluster_texts(texts, k),
    "TF-IDF + KMeans": baselines.tfidf_kmeans,
    "TF-IDF + LSA(100) + KMeans": baselines.tfidf_lsa_kmeans,
    "TF-IDF + NMF": baselines.tfidf_nmf,
}


def evaluate_topics(corpus: Corpus) -> list[TopicRow]:
    """Our topics and the three baselines on one labelled corpus, k = number of labels."""
    k = len(set(corpus.labels))
    rows = []
    for method, cluster in TOPIC_METHODS.items():
        started = time.perf_counter()
        with threadpool_limits(1):
            labels = cluster(corpus.texts, k)
        seconds = time.perf_counter() - started
        rows.append(
            TopicRow(corpus.name, method, *clustering_scores(corpus.labels, labels), seconds)
        )
    return rows


def recommender_table(rows: Sequence[RecommenderRow]) -> str:
    lines = [
        f"{'model':38} {'HitRate@10':>10} {'NDCG@10':>8} {'coverage':>8} {'time s':>7}  params",
    ]
    for row in rows:
        params = ", ".join(f"{k}={v:g}" for k, v in row.params.items())
        lines.append(
            f"{row.model:38} {row.hit_rate:10.4f} {row.ndcg:8.4f} {row.coverage:8.4f} "
            f"{row.seconds:7.1f}  {params}"
        )
    return "\n".join(lines)


def topic_table(rows: Sequence[TopicRow]) -> str:
    lines = [f"{'corpus':24} {'method':40} {'NMI':>6} {'ARI':>6} {'time s':>7}"]
    lines += [
        f"{r.corpus:24} {r.method:40} {r.nmi:6.4f} {r.ari:6.4f} {r.seconds:7.1f}" for r in rows
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared/data folder")
    parser.add_argument("--only", choices=("topics", "recommend"), help="run one half only")
    parser.add_argument("--sample", type=int, default=0, help="documents per corpus (0 = all)")
    args = parser.parse_args(argv)
    try:
        require(args.data)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    if args.only != "topics":
        print("== Recommenders: MovieLens ml-latest-small, leave-last-out (test = last event)")
        rows = evaluate_recommenders(load_movielens(args.data))
        print(recommender_table(rows))
        print()
    if args.only != "recommend":
        print("== Topics: labelled corpora, k = number of labels")
        rows = []
        for name in CORPORA:
            corpus = load_corpus(args.data, name)
            rows += evaluate_topics(corpus.sample(args.sample) if args.sample else corpus)
        print(topic_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
