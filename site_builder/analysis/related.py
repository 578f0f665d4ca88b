"""Related content for every page: readers' co-reading blended with shared words.

For pages ``i`` and ``j`` read by ``n_i`` and ``n_j`` readers::

    related(i, j) = a * cf(i, j) + (1 - a) * content(i, j),   a = m / (m + shrinkage), m = min(n_i, n_j)

``cf`` is the cosine of the two pages' reader sets and ``content`` the cosine
of their LSA vectors. A new page (no readers yet) gets pure content
neighbours and moves towards what readers actually do as its audience grows:
the cold-start answer. A page is never related to itself, and a lesson's next
lesson comes first, since that is where most readers go.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from site_builder.analysis.clustering import lsa_embedding
from site_builder.analysis.recommend import interaction_matrix, reader_histories
from site_builder.analysis.text import TextFeatures, page_text
from site_builder.model import Interaction, Snapshot


class RelatedContent:
    """``related_[item_id]`` is a tuple of up to ``n_related`` page ids, best first."""

    def __init__(self, n_related: int = 5, *, shrinkage: float = 20.0, seed: int = 0) -> None:
        self.n_related = n_related
        self.shrinkage = shrinkage
        self.seed = seed

    def fit(
        self,
        snapshot: Snapshot,
        interactions: Sequence[Interaction] = (),
        *,
        embedding: np.ndarray | None = None,
    ) -> RelatedContent:
        """``embedding``: unit LSA vectors of ``snapshot.pages()`` if already computed."""
        pages = list(snapshot.pages())
        items = [page.item_id for page in pages]
        index = {item: n for n, item in enumerate(items)}
        if embedding is None:
            features = TextFeatures().fit_transform([page_text(p) for p in pages])
            embedding = lsa_embedding(features, 100, self.seed)
        histories = reader_histories(e for e in interactions if e.item in index)
        matrix = interaction_matrix(
            [[index[i] for i in h] for _, h in sorted(histories.items())], len(items)
        ).tocsc()
        readers = np.asarray(matrix.sum(axis=0)).ravel()
        co_read = (matrix.T @ matrix).tocsr()
        nexts = _next_lessons(snapshot)
        self.related_: dict[str, tuple[str, ...]] = {}
        for start in range(0, len(items), 512):
            stop = min(len(items), start + 512)
            scores = self._block_scores(embedding, co_read, readers, start, stop)
            for row in range(start, stop):
                self.related_[items[row]] = self._pick(
                    scores[row - start], items, nexts.get(items[row])
                )
        return self

    def _block_scores(
        self,
        embedding: np.ndarray,
        co_read: sp.csr_matrix,
        readers: np.ndarray,
        start: int,
        stop: int,
    ) -> np.ndarray:
        content = embedding[start:stop] @ embedding.T
        shared = co_read[start:stop].toarray()
        norms = np.sqrt(np.outer(readers[start:stop], readers))
        cf = np.divide(shared, norms, out=np.zeros_like(shared), where=norms > 0)
        fewest = np.minimum(readers[start:stop, None], readers[None, :])
        weight = fewest / (fewest + self.shrinkage)
        scores = weight * cf + (1.0 - weight) * content
        scores[np.arange(stop - start), np.arange(start, stop)] = -np.inf
        return scores

    def _pick(self, scores: np.ndarray, items: list[str], first: str | None) -> tuple[str, ...]:
        chosen = [first] if first else []
        take = min(len(items) - 1, self.n_related + 1)
        if take <= 0:
            return tuple(chosen)
        candidates = (
            np.argpartition(-scores, take - 1)[:take]
            if take < len(items)
            else np.arange(len(items))
        )
        for column in candidates[np.lexsort((candidates, -scores[candidates]))]:
            if len(chosen) == self.n_related:
                break
            if np.isfinite(scores[column]) and items[column] not in chosen:
                chosen.append(items[column])
        return tuple(chosen)


def _next_lessons(snapshot: Snapshot) -> dict[str, str]:
    """Lesson id -> the next lesson's id in its course."""
    nexts = {}
    for course in snapshot.courses:
        for lesson, following in zip(course.lessons, course.lessons[1:], strict=False):
            nexts[lesson.item_id] = following.item_id
    return nexts
