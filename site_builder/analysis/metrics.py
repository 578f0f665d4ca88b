"""Offline evaluation: the leave-last-out split and ranking / clustering metrics."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from site_builder.model import Interaction


@dataclass(frozen=True)
class Split:
    """Training events and, for each evaluated reader, the one held-out item."""

    train: tuple[Interaction, ...]
    targets: dict[str, str]


def leave_last_out(interactions: Iterable[Interaction], *, validation: bool = False) -> Split:
    """Time-ordered leave-last-out.

    Each reader's events are sorted by time and then item id ascending (with
    coarse timestamps the tie-break decides which item is "last"). The last
    event is the test target; with ``validation`` the last event is dropped
    and the second-to-last is the target, so tuning never sees test events.
    Readers with fewer than three events keep all of them in training.
    """
    by_reader: dict[str, list[Interaction]] = {}
    for event in interactions:
        by_reader.setdefault(event.reader, []).append(event)
    train: list[Interaction] = []
    targets: dict[str, str] = {}
    for reader in sorted(by_reader):
        events = sorted(by_reader[reader], key=lambda e: (e.time, e.item))
        if len(events) < 3:
            train.extend(events)
            continue
        if validation:
            events = events[:-1]
        targets[reader] = events[-1].item
        train.extend(events[:-1])
    return Split(tuple(train), targets)


def hit_rate_and_ndcg(
    ranked: Mapping[str, Sequence[str]], targets: Mapping[str, str], k: int = 10
) -> tuple[float, float]:
    """HitRate@k and NDCG@k with one relevant item per reader (ideal DCG is 1)."""
    if not targets:
        return 0.0, 0.0
    hits = gain = 0.0
    for reader, target in targets.items():
        top = list(ranked.get(reader, ()))[:k]
        if target in top:
            hits += 1
            gain += 1.0 / math.log2(top.index(target) + 2)
    return hits / len(targets), gain / len(targets)


def coverage(ranked: Mapping[str, Sequence[str]], n_items: int, k: int = 10) -> float:
    """Share of the catalogue that appears in at least one reader's top k."""
    shown = {item for top in ranked.values() for item in list(top)[:k]}
    return len(shown) / n_items if n_items else 0.0


def clustering_scores(
    labels_true: Sequence[object], labels_pred: Sequence[int]
) -> tuple[float, float]:
    """NMI (arithmetic normalisation, scikit-learn's default) and ARI."""
    return (
        float(normalized_mutual_info_score(labels_true, labels_pred)),
        float(adjusted_rand_score(labels_true, labels_pred)),
    )
