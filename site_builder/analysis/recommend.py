"""Recommendations from item neighbours and the reader's own history.

The build learns, for every item, a short weighted list of the items readers
go on to (its *neighbours*); the browser scores candidates from the reader's
history alone, which never leaves the browser::

    score(i) = sum over history positions p of history_decay ** (L - 1 - p) * N[h_p, i]

where ``h`` is the reader's history oldest first and ``L`` its length; items
already read are skipped and popular items fill the list for new readers.

``N`` blends two item models, each row-normalised:

* EASE (Steck 2019): a closed-form linear item-to-item model over the whole
  reader x item matrix, strong at "readers of A also read B";
* transitions: how often B follows A within ``window`` steps of a reader's
  time-ordered history, strong at "what comes next".

Weighting recent history more (``history_decay``) matters as much as the item
model: what a reader opened last says most about what they open next.
Defaults were chosen on the validation split of MovieLens (see evaluate.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.linalg as sla
import scipy.sparse as sp

from site_builder.model import Interaction

if TYPE_CHECKING:
    from site_builder.model import Snapshot


def reader_histories(interactions: Iterable[Interaction]) -> dict[str, list[str]]:
    """Each reader's distinct items in the order first met (time, then item id)."""
    events = sorted(interactions, key=lambda e: (e.reader, e.time, e.item))
    histories: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for event in events:
        if (event.reader, event.item) not in seen:
            seen.add((event.reader, event.item))
            histories.setdefault(event.reader, []).append(event.item)
    return histories


def interaction_matrix(histories: Sequence[Sequence[int]], n_items: int) -> sp.csr_matrix:
    """Binary reader x item matrix from histories of item indices."""
    rows = np.repeat(np.arange(len(histories)), [len(h) for h in histories])
    cols = np.fromiter((i for h in histories for i in h), dtype=np.int64, count=len(rows))
    data = np.ones(len(rows), dtype=np.float32)
    matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(histories), n_items))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def ease_weights(matrix: sp.csr_matrix, l2: float) -> np.ndarray:
    """EASE item weights ``B`` (items x items, zero diagonal), float32, in place where possible.

    Solves through a Cholesky factor (``potrf`` + ``potri``), about four times
    faster than a general inverse on this machine.
    """
    gram = (matrix.T @ matrix).toarray().astype(np.float32, copy=False)
    gram[np.diag_indices_from(gram)] += l2
    # gram is symmetric: its transpose is a Fortran-ordered view LAPACK can overwrite.
    factor, info = sla.lapack.spotrf(gram.T, lower=0, overwrite_a=1, clean=0)
    if info:
        raise np.linalg.LinAlgError(f"EASE: Gram matrix is not positive definite ({info})")
    del gram
    inverse, info = sla.lapack.spotri(factor, lower=0, overwrite_c=1)
    if info:
        raise np.linalg.LinAlgError(f"EASE: inversion failed ({info})")
    n = inverse.shape[0]
    for start in range(0, n, 1024):  # mirror the upper triangle without a full copy
        stop = min(n, start + 1024)
        inverse[start:stop, :start] = inverse[:start, start:stop].T
        block = inverse[start:stop, start:stop]
        block[np.tril_indices(stop - start, -1)] = block.T[np.tril_indices(stop - start, -1)]
    diagonal = np.diag(inverse).copy()
    inverse /= -diagonal[None, :]
    inverse[np.diag_indices_from(inverse)] = 0.0
    return inverse


def top_per_row(weights: np.ndarray | sp.spmatrix, n: int) -> sp.csr_matrix:
    """Keep the ``n`` largest positive entries of each row (ties: lower column first)."""
    if sp.issparse(weights):
        return _top_per_sparse_row(sp.csr_matrix(weights, dtype=np.float32), n)
    n_rows, n_cols = weights.shape
    take = min(n, n_cols)
    rows, cols, vals = [], [], []
    for start in range(0, n_rows, 1024):
        block = np.asarray(weights[start : start + 1024], dtype=np.float32)
        if take < n_cols:
            part = np.argpartition(-block, take - 1, axis=1)[:, :take]
        else:
            part = np.broadcast_to(np.arange(n_cols), block.shape)
        picked = np.take_along_axis(block, part, axis=1)
        keep = picked > 0
        rows.append((np.nonzero(keep)[0] + start).astype(np.int64))
        cols.append(part[keep])
        vals.append(picked[keep])
    matrix = sp.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n_rows, n_cols),
        dtype=np.float32,
    )
    return _top_per_sparse_row(matrix, n)  # exact tie-break among the candidates


def _top_per_sparse_row(matrix: sp.csr_matrix, n: int) -> sp.csr_matrix:
    matrix.sum_duplicates()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((matrix.indices, -matrix.data, rows))
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    keep = order[(rank < n) & (matrix.data[order] > 0)]
    return sp.csr_matrix(
        (matrix.data[keep], (rows[keep], matrix.indices[keep])),
        shape=matrix.shape,
        dtype=np.float32,
    )


def transition_weights(
    histories: Sequence[Sequence[int]], n_items: int, window: int, step_decay: float
) -> sp.csr_matrix:
    """Counts of B following A within ``window`` steps, discounted by distance."""
    rows, cols, vals = [], [], []
    for history in histories:
        seq = np.asarray(history, dtype=np.int64)
        for step in range(1, window + 1):
            if len(seq) <= step:
                break
            rows.append(seq[:-step])
            cols.append(seq[step:])
            vals.append(np.full(len(seq) - step, step_decay ** (step - 1), dtype=np.float32))
    if not rows:
        return sp.csr_matrix((n_items, n_items), dtype=np.float32)
    counts = sp.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n_items, n_items),
    )
    counts.sum_duplicates()
    counts.setdiag(0)
    counts.eliminate_zeros()
    return counts


def row_normalised(matrix: sp.csr_matrix) -> sp.csr_matrix:
    sums = np.asarray(matrix.sum(axis=1)).ravel()
    return sp.diags(np.divide(1.0, sums, out=np.zeros_like(sums), where=sums > 0)) @ matrix


class SequenceRecommender:
    """Item-neighbour recommender: EASE blended with time-ordered transitions.

    ``max_model_items`` bounds EASE (a dense items x items solve) to the most
    read items; rarer ones still get transition neighbours. ``cache`` may be a
    dict shared between fits on the same data so that a parameter search
    solves EASE once per ``l2``.
    """

    def __init__(
        self,
        *,
        l2: float = 200.0,
        history_decay: float = 0.7,
        window: int = 5,
        step_decay: float = 0.7,
        sequence_weight: float = 0.25,
        n_neighbours: int = 50,
        max_model_items: int = 5_000,
        seed: int = 0,
        cache: dict | None = None,
    ) -> None:
        self.l2 = l2
        self.history_decay = history_decay
        self.window = window
        self.step_decay = step_decay
        self.sequence_weight = sequence_weight
        self.n_neighbours = n_neighbours
        self.max_model_items = max_model_items
        self.seed = seed
        self.cache = cache

    def fit(
        self, snapshot: Snapshot | None, interactions: Iterable[Interaction]
    ) -> SequenceRecommender:
        """Learn neighbours over the snapshot's pages (or, without one, the items seen)."""
        histories = reader_histories(interactions)
        catalogue = {page.item_id for page in snapshot.pages()} if snapshot else set()
        catalogue.update(item for history in histories.values() for item in history)
        self.items_ = sorted(catalogue)
        self.index_ = {item: n for n, item in enumerate(self.items_)}
        coded = [[self.index_[item] for item in h] for _, h in sorted(histories.items())]
        self.readers_ = sorted(histories)
        matrix = interaction_matrix(coded, len(self.items_))
        self.popularity_ = np.asarray(matrix.sum(axis=0)).ravel()
        self.neighbours_ = self._neighbours(matrix, coded)
        return self

    def _neighbours(self, matrix: sp.csr_matrix, coded: list[list[int]]) -> sp.csr_matrix:
        n_items = len(self.items_)
        ease = self._ease_component(matrix)
        steps = row_normalised(transition_weights(coded, n_items, self.window, self.step_decay))
        blend = (1.0 - self.sequence_weight) * ease + self.sequence_weight * steps
        return top_per_row(blend.tocsr(), self.n_neighbours)

    def _ease_component(self, matrix: sp.csr_matrix) -> sp.csr_matrix:
        n_items = matrix.shape[1]
        order = np.argsort(-self.popularity_, kind="stable")[: self.max_model_items]
        model_items = np.sort(order[self.popularity_[order] > 0])
        if self.sequence_weight >= 1.0 or len(model_items) < 2:
            return sp.csr_matrix((n_items, n_items), dtype=np.float32)
        key = None
        if self.cache is not None:
            digest = hashlib.sha256(matrix.indices.tobytes() + matrix.indptr.tobytes()).hexdigest()
            key = (digest, self.l2, self.max_model_items, max(self.n_neighbours, 200))
            if key in self.cache:
                return self.cache[key]
        weights = ease_weights(matrix[:, model_items], self.l2)
        local = top_per_row(weights, max(self.n_neighbours, 200))
        del weights
        local = row_normalised(local).tocoo()
        component = sp.csr_matrix(
            (local.data, (model_items[local.row], model_items[local.col])),
            shape=(n_items, n_items),
            dtype=np.float32,
        )
        if key is not None:
            self.cache[key] = component
        return component

    def history_weights(self, histories: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """Reader x item matrix of recency weights; unknown items are ignored."""
        rows, cols, vals = [], [], []
        for row, history in enumerate(histories):
            known = [self.index_[item] for item in history if item in self.index_]
            length = len(known)
            for position, item in enumerate(known):
                rows.append(row)
                cols.append(item)
                vals.append(self.history_decay ** (length - 1 - position))
        weights = sp.csr_matrix(
            (np.asarray(vals, dtype=np.float32), (rows, cols)),
            shape=(len(histories), len(self.items_)),
        )
        weights.sum_duplicates()
        return weights

    def scores(self, histories: Sequence[Sequence[str]]) -> np.ndarray:
        """Dense reader x item scores; popularity breaks ties and serves new readers."""
        scores = (self.history_weights(histories) @ self.neighbours_).toarray()
        top = max(1.0, float(self.popularity_.max(initial=0)))
        scores += 1e-6 * (self.popularity_ / top)[None, :]
        return scores

    def recommend(self, history: Sequence[str], k: int = 10) -> list[str]:
        """The ``k`` best unread items for one reader, as the browser computes them."""
        scores = self.scores([history])[0]
        for item in history:
            if item in self.index_:
                scores[self.index_[item]] = -np.inf
        order = np.argsort(-scores, kind="stable")[:k]
        return [self.items_[i] for i in order if np.isfinite(scores[i])]

    def neighbour_lists(
        self, n: int, digits: int | None = None
    ) -> dict[str, list[tuple[str, float]]]:
        """Compact ``item -> [(neighbour, weight), ...]`` for the browser, best first.

        By default each weight is the model's float32 value written with the
        fewest digits that read back as the same float32, so the browser can
        repeat :meth:`scores` bit for bit (rounding to 4 digits ties items that
        the model tells apart). ``digits`` rounds further, for a smaller file.
        """
        lists: dict[str, list[tuple[str, float]]] = {}
        matrix = self.neighbours_
        for row, item in enumerate(self.items_):
            start, stop = matrix.indptr[row], matrix.indptr[row + 1]
            cols, vals = matrix.indices[start:stop], matrix.data[start:stop]
            order = np.lexsort((cols, -vals))[:n]
            pairs = [(self.items_[cols[i]], _weight(vals[i], digits)) for i in order]
            pairs = [(other, weight) for other, weight in pairs if weight > 0]
            if pairs:
                lists[item] = pairs
        return lists

    def popular(self, n: int) -> list[str]:
        """Most-read items, for a reader with no history yet."""
        order = np.argsort(-self.popularity_, kind="stable")[:n]
        return [self.items_[i] for i in order if self.popularity_[i] > 0]


def _weight(value: np.float32, digits: int | None) -> float:
    if digits is not None:
        return round(float(value), digits)
    return float(str(np.float32(value)))  # shortest text that reads back as this float32
