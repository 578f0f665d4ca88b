"""Overrides apply on every build, on top of the clustering the rebuild starts from."""

from __future__ import annotations

from site_builder.analysis import AnalysisResult, TopicModel, TopicOverrides, analyse
from site_builder.model import Snapshot


def test_a_merge_keeps_applying_when_a_rebuild_clusters_afresh(demo: Snapshot) -> None:
    plain = analyse(demo)
    into, merged = plain.topics[0].slug, plain.topics[1].slug
    rules = TopicOverrides(merge={merged: into}, rename={into: "Together"})
    first = analyse(demo, overrides=rules)
    state = AnalysisResult.from_json(first.to_json())

    again = TopicModel(
        len(first.clustered),
        previous=state.previous_topics(),
        overrides=rules,
        recluster_share=0.0,  # cluster afresh and match the new clusters to the previous ones
    ).fit(demo)

    slugs = {t.slug: t for t in again.topics_}
    assert merged not in slugs
    assert slugs[into].label == "Together"
    assert slugs[into].members == next(t for t in first.topics if t.slug == into).members
    assert {t.slug for t in again.topics_} == {t.slug for t in first.topics}


def test_the_rebuild_state_is_the_clustering_before_overrides(demo: Snapshot) -> None:
    plain = analyse(demo)
    page = plain.topics[1].members[0]
    rules = TopicOverrides(pin={page: "hand-picked"})

    result = analyse(demo, overrides=rules)

    assert result.clustered == plain.clustered
    assert "hand-picked" in {t.slug for t in result.topics}
    assert "hand-picked" not in {t.slug for t in result.clustered}
    assert analyse(demo, previous=result, overrides=rules).to_json() == result.to_json()
