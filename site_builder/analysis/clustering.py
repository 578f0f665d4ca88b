"""Clustering short texts: LSA + spherical k-means, refined by self-training.

Plain k-means on TF-IDF or LSA vectors of short texts tends to make one huge
catch-all cluster and several tiny ones. Training a naive Bayes classifier on
the most central members of each cluster and letting it re-assign every
document pulls those apart (iterative classification, Rakib et al. 2020).
Several k-means starts are refined and the partition whose members sit closest
to their centroids wins: a criterion that needs no labels.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.naive_bayes import ComplementNB
from sklearn.preprocessing import normalize

from site_builder.analysis.text import TextFeatures


def lsa_embedding(features: sp.csr_matrix, dims: int, seed: int) -> np.ndarray:
    """Unit-length LSA vectors; cosine similarity becomes a dot product."""
    n_docs, n_terms = features.shape
    dims = min(dims, n_docs - 1, n_terms - 1)
    if dims < 2:
        return normalize(features.toarray().astype(np.float64))
    svd = TruncatedSVD(dims, algorithm="randomized", n_iter=5, random_state=seed)
    return normalize(svd.fit_transform(features))


def cohesion(embedding: np.ndarray, labels: np.ndarray) -> float:
    """Mean cosine between each document and its cluster's mean direction."""
    centroids = normalize(centroid_sums(embedding, labels))
    return float(np.einsum("ij,ij->i", embedding, centroids[labels]).mean())


def centroid_sums(embedding: np.ndarray, labels: np.ndarray) -> np.ndarray:
    n_docs = len(labels)
    indicator = sp.csr_matrix(
        (np.ones(n_docs), (labels, np.arange(n_docs))), shape=(int(labels.max()) + 1, n_docs)
    )
    return np.asarray(indicator @ embedding)


def canonical(labels: np.ndarray) -> np.ndarray:
    """Number clusters by their first member, so equal partitions get equal labels."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first, kind="stable"), kind="stable")
    return order[inverse].astype(np.int64)


class RefinedKMeans:
    """Cluster TF-IDF rows into ``n_clusters`` groups; see the module docstring.

    ``keep`` is the share of each cluster (capped at ``keep`` of an even
    share, so a catch-all cluster cannot dominate the training set) that
    trains the classifier in each round.
    """

    def __init__(
        self,
        n_clusters: int,
        *,
        dims: int = 100,
        n_starts: int = 8,
        keep: float = 0.8,
        max_rounds: int = 30,
        seed: int = 0,
    ) -> None:
        self.n_clusters = n_clusters
        self.dims = dims
        self.n_starts = n_starts
        self.keep = keep
        self.max_rounds = max_rounds
        self.seed = seed

    def fit(
        self,
        features: sp.csr_matrix,
        embedding: np.ndarray | None = None,
        init_labels: np.ndarray | None = None,
    ) -> RefinedKMeans:
        """Fit; ``init_labels`` (e.g. last build's topics) replaces the random starts."""
        if embedding is None:
            embedding = lsa_embedding(features, self.dims, self.seed)
        self.embedding_ = embedding
        k = min(self.n_clusters, features.shape[0])
        if init_labels is not None:
            starts = [canonical(np.asarray(init_labels))]
        else:
            starts = [
                KMeans(k, n_init=1, random_state=self.seed + start).fit(embedding).labels_
                for start in range(self.n_starts)
            ]
        best: tuple[float, np.ndarray] | None = None
        for start in starts:
            labels = self.refine(features, embedding, start)
            score = cohesion(embedding, labels)
            if best is None or score > best[0] + 1e-12:
                best = (score, labels)
        assert best is not None
        self.cohesion_, self.labels_ = best
        return self

    def refine(
        self, features: sp.csr_matrix, embedding: np.ndarray, labels: np.ndarray
    ) -> np.ndarray:
        """Self-training rounds until fewer than 0.2% of documents move."""
        labels = canonical(labels)
        n_docs = len(labels)
        for _ in range(self.max_rounds):
            n_clusters = int(labels.max()) + 1
            if n_clusters < 2:
                break
            centroids = normalize(centroid_sums(embedding, labels))
            closeness = np.einsum("ij,ij->i", embedding, centroids[labels])
            cap = max(1, int(self.keep * n_docs / n_clusters))
            train = []
            for cluster in range(n_clusters):
                members = np.flatnonzero(labels == cluster)
                members = members[np.argsort(-closeness[members], kind="stable")]
                train.append(members[: min(int(len(members) * self.keep) + 1, cap)])
            rows = np.concatenate(train)
            model = ComplementNB(alpha=0.3).fit(features[rows], labels[rows])
            new = canonical(model.classes_[model.predict_log_proba(features).argmax(axis=1)])
            moved = float(np.mean(new != labels)) if len(new) == len(labels) else 1.0
            labels = new
            if moved < 0.002:
                break
        return labels


def cluster_texts(texts: list[str] | tuple[str, ...], n_clusters: int, seed: int = 0) -> np.ndarray:
    """Our topic clustering on raw texts: what the evaluation measures."""
    features = TextFeatures().fit_transform(texts)
    return RefinedKMeans(n_clusters, seed=seed).fit(features).labels_
