"""MRR@10 and recall@10 of a ranking over a labelled query set.

One implementation for the quality test, the benchmark and anyone tuning the
boosts: a change that helps one language and hurts the other shows up here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

GROUPS = ("en", "zh", "mixed")


@dataclass(frozen=True, slots=True)
class LabelledQuery:
    query: str
    lang: str
    relevant: tuple[str, ...]
    technical: bool = False


@dataclass(frozen=True, slots=True)
class Scores:
    queries: int
    mrr: float
    recall: float


def load_queries(path: Path) -> list[LabelledQuery]:
    """Read ``queries.yml``: a list of {query, lang, relevant, technical?}."""
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = [
        LabelledQuery(
            str(r["query"]), r["lang"], tuple(r["relevant"]), bool(r.get("technical", False))
        )
        for r in records
    ]
    unknown = sorted({q.lang for q in queries} - set(GROUPS))
    if unknown:
        raise ValueError(f"{path}: lang must be one of {', '.join(GROUPS)}, not {unknown}")
    return queries


def reciprocal_rank(ranked: list[str], relevant: Iterable[str], k: int = 10) -> float:
    wanted = set(relevant)
    return next((1 / rank for rank, url in enumerate(ranked[:k], 1) if url in wanted), 0.0)


def recall(ranked: list[str], relevant: Iterable[str], k: int = 10) -> float:
    wanted = set(relevant)
    return len(wanted.intersection(ranked[:k])) / len(wanted)


def evaluate(
    queries: list[LabelledQuery], rank: Callable[[str], list[str]], k: int = 10
) -> dict[str, Scores]:
    """Scores per query language and ``all``; ``rank`` returns URLs, best first."""
    per_query = [(q, rank(q.query)) for q in queries]

    def scores(selected: list[tuple[LabelledQuery, list[str]]]) -> Scores:
        count = len(selected) or 1
        return Scores(
            len(selected),
            sum(reciprocal_rank(r, q.relevant, k) for q, r in selected) / count,
            sum(recall(r, q.relevant, k) for q, r in selected) / count,
        )

    result = {group: scores([p for p in per_query if p[0].lang == group]) for group in GROUPS}
    result["all"] = scores(per_query)
    return result
