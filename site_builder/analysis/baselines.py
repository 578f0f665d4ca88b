"""Reference methods the evaluation compares against; not used to build a site.

Recommenders score a reader x item matrix; clusterers label a list of texts.
Text baselines use scikit-learn's standard TF-IDF (word unigrams, English
stop words, ``min_df=2``, sublinear tf); Chinese text is cut into words with
jieba first, as a plain whitespace tokeniser would see whole sentences.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF, TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from site_builder.analysis.recommend import ease_weights
from site_builder.analysis.text import _CJK_RUN, _jieba


def popularity_scores(matrix: sp.csr_matrix) -> np.ndarray:
    """Every reader gets the same list: the most-read items."""
    counts = np.asarray(matrix.sum(axis=0), dtype=np.float64).ravel()
    return np.broadcast_to(counts, matrix.shape)


def ease_scores(matrix: sp.csr_matrix, l2: float) -> np.ndarray:
    """EASE (Steck 2019): ``X @ B`` with the closed-form item weights."""
    weights = ease_weights(matrix, l2)
    return np.asarray(matrix @ weights)


def als_scores(
    matrix: sp.csr_matrix,
    *,
    factors: int,
    regularization: float,
    alpha: float,
    iterations: int = 15,
    seed: int = 0,
) -> np.ndarray:
    """Implicit ALS (Hu, Koren, Volinsky 2008) from the ``implicit`` package."""
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # implicit's advice; enforced below as well
    from implicit.als import AlternatingLeastSquares
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1, "blas"):
        model = AlternatingLeastSquares(
            factors=factors,
            regularization=regularization,
            alpha=alpha,
            iterations=iterations,
            random_state=seed,
            num_threads=1,
        )
        model.fit(matrix.tocsr(), show_progress=False)
    users = np.asarray(model.user_factors)
    items = np.asarray(model.item_factors)
    return users @ items.T


def _words(text: str) -> str:
    return _CJK_RUN.sub(lambda run: " " + " ".join(_jieba().lcut(run.group())) + " ", text)


def plain_tfidf(texts: Sequence[str]) -> sp.csr_matrix:
    chinese = any(_CJK_RUN.search(text) for text in texts[:100])
    vectorizer = TfidfVectorizer(
        min_df=2,
        sublinear_tf=True,
        stop_words=None if chinese else "english",
        preprocessor=(lambda t: _words(t).lower()) if chinese else None,
        token_pattern=r"(?u)\b\w+\b" if chinese else r"(?u)\b\w\w+\b",
        dtype=np.float32,
    )
    return vectorizer.fit_transform(texts)


def tfidf_kmeans(texts: Sequence[str], k: int, seed: int = 0) -> np.ndarray:
    return KMeans(k, n_init=10, random_state=seed).fit_predict(plain_tfidf(texts))


def tfidf_lsa_kmeans(texts: Sequence[str], k: int, seed: int = 0, dims: int = 100) -> np.ndarray:
    reduced = TruncatedSVD(dims, random_state=seed).fit_transform(plain_tfidf(texts))
    return KMeans(k, n_init=10, random_state=seed).fit_predict(normalize(reduced))


def tfidf_nmf(texts: Sequence[str], k: int, seed: int = 0) -> np.ndarray:
    weights = NMF(k, init="nndsvda", max_iter=400, random_state=seed).fit_transform(
        plain_tfidf(texts)
    )
    return weights.argmax(axis=1)
