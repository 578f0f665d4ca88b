"""Content intelligence: topics, related content, recommendations and learning paths.

Every analysis is an estimator over the snapshot (``fit(snapshot,
interactions)``) and reads only public text: titles, summaries, teasers, tags
and the public Markdown of each body. :func:`analyse` runs them all; the same
snapshot, previous result and overrides give byte-identical ``to_json()``.
"""

from __future__ import annotations

from threadpoolctl import threadpool_limits

from site_builder.analysis.cache import AnalysisCache, analysis_key
from site_builder.analysis.overrides import TopicOverrides, read_topic_overrides
from site_builder.analysis.paths import LearningPaths
from site_builder.analysis.recommend import SequenceRecommender
from site_builder.analysis.related import RelatedContent
from site_builder.analysis.result import AnalysisResult
from site_builder.analysis.topics import PreviousTopics, Topic, TopicModel, topic_map_svg
from site_builder.model import Snapshot

__all__ = [
    "AnalysisCache",
    "AnalysisResult",
    "LearningPaths",
    "PreviousTopics",
    "RelatedContent",
    "SequenceRecommender",
    "Topic",
    "TopicModel",
    "TopicOverrides",
    "analyse",
    "read_topic_overrides",
]

#: Popular items shipped for readers with no history yet.
POPULAR_ITEMS = 12


def analyse(
    snapshot: Snapshot,
    *,
    previous: AnalysisResult | None = None,
    overrides: TopicOverrides | None = None,
    seed: int = 0,
    cache: AnalysisCache | None = None,
) -> AnalysisResult:
    """Analyse a validated snapshot (before or after the gate: only public text is read).

    ``previous`` is the last build's result (``AnalysisResult.from_json``), which
    keeps topic ids and URLs stable; ``overrides`` come from ``topics.yml``;
    ``cache`` returns the stored result when every input is the same. BLAS and OpenMP run single-threaded: threaded reductions can change the
    last bits of a result between runs, and on a busy 2-core machine they are
    also many times slower.
    """
    if cache is not None:
        key = analysis_key(snapshot, previous, overrides, seed)
        if (cached := cache.load(key)) is not None:
            return cached
    with threadpool_limits(1):
        result = _analyse(snapshot, previous, overrides, seed)
    if cache is not None:
        cache.store(key, result)
    return result


def _analyse(
    snapshot: Snapshot, previous: AnalysisResult | None, overrides: TopicOverrides | None, seed: int
) -> AnalysisResult:
    interactions = snapshot.interactions
    topics = TopicModel(
        previous=previous.previous_topics() if previous else None, overrides=overrides, seed=seed
    ).fit(snapshot, interactions)
    related = RelatedContent(seed=seed).fit(snapshot, interactions, embedding=topics.embedding_)
    recommender = SequenceRecommender(seed=seed).fit(snapshot, interactions)
    paths = LearningPaths().fit(snapshot, interactions)
    return AnalysisResult(
        topics=topics.topics_,
        placed=topics.placed_,
        related=related.related_,
        neighbours={
            item: tuple(pairs)
            for item, pairs in recommender.neighbour_lists(recommender.n_neighbours).items()
        },
        popular=tuple(recommender.popular(POPULAR_ITEMS)),
        history_decay=recommender.history_decay,
        paths=paths.paths_,
        topic_map_svg=topic_map_svg(topics.topics_),
        paths_svg=paths.svg(),
        clustered=topics.clustered_,
    )
