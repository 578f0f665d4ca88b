"""Readers for the third-party evaluation data in ``shared/data`` (see its README).

The data is for offline evaluation only; nothing from it goes into a site.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from site_builder.model import Interaction

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
CORPORA = ("en-ag-news-test", "en-stackoverflow-titles", "zh-thucnews-titles")
INTERACTION_SETS = ("movielens-latest-small",)


@dataclass(frozen=True)
class Corpus:
    name: str
    texts: list[str]
    labels: list[str]

    def sample(self, n: int, seed: int = 0) -> Corpus:
        """A seeded random subset of ``n`` documents (all when ``n`` is larger)."""
        if n >= len(self.texts):
            return self
        rows = np.sort(np.random.default_rng(seed).permutation(len(self.texts))[:n])
        return Corpus(self.name, [self.texts[i] for i in rows], [self.labels[i] for i in rows])


def require(data: Path) -> Path:
    """Fail with a clear message when the evaluation data is missing."""
    if not (data / "README.md").is_file():
        raise FileNotFoundError(
            f"evaluation data not found at {data}; "
            "it lives in shared/data beside the repository (pass --data to point elsewhere)"
        )
    return data


def load_corpus(data: Path, name: str) -> Corpus:
    """Documents as ``title. text`` where a title exists, with their labels."""
    path = require(data) / "corpora" / name / "data.jsonl.gz"
    texts, labels = [], []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            title = row.get("title") or ""
            texts.append(f"{title}. {row['text']}" if title else row["text"])
            labels.append(str(row["label"]))
    return Corpus(name, texts, labels)


def load_movielens(data: Path) -> list[Interaction]:
    """Every rating as an implicit ``view`` event.

    Item ids are zero-padded (``movie:000042``) so that sorting ids as text
    equals sorting movie ids as numbers, the tie-break the split specifies.
    """
    path = require(data) / "interactions" / "movielens-latest-small" / "ratings.csv.gz"
    events = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            events.append(
                Interaction(
                    reader=f"user:{int(row['userId']):06d}",
                    item=f"movie:{int(row['movieId']):06d}",
                    event="view",
                    time=dt.datetime.fromtimestamp(int(row["timestamp"]), dt.UTC),
                )
            )
    return events
