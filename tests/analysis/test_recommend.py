"""The recommender the browser runs: neighbours, recency, popular fallback."""

from __future__ import annotations

from site_builder.analysis import SequenceRecommender, analyse
from site_builder.model import Snapshot

from .conftest import article, event, snapshot


def chain_snapshot() -> Snapshot:
    pages = [article(f"p{n}", f"Page {n}", "words") for n in range(6)]
    events = tuple(
        event(f"r{r}", f"article:p{n}", minute=n) for r in range(20) for n in range(4)
    ) + tuple(event(f"s{r}", "article:p5", minute=0) for r in range(3))
    return snapshot(*pages, interactions=events)


def test_recommends_what_readers_go_on_to() -> None:
    model = SequenceRecommender(l2=1.0).fit(chain_snapshot(), chain_snapshot().interactions)
    picks = model.recommend(["article:p0", "article:p1", "article:p2"], k=2)
    assert picks[0] == "article:p3"
    assert not {"article:p0", "article:p1", "article:p2"} & set(picks)


def test_new_reader_gets_popular_items() -> None:
    model = SequenceRecommender().fit(chain_snapshot(), chain_snapshot().interactions)
    assert model.recommend([], k=3) == model.popular(3)
    assert model.popular(6)[-1] == "article:p5"
    assert "article:p4" not in model.popular(6)  # never read


def test_neighbour_lists_are_compact_and_sorted() -> None:
    model = SequenceRecommender().fit(chain_snapshot(), chain_snapshot().interactions)
    lists = model.neighbour_lists(2)
    assert all(len(pairs) <= 2 for pairs in lists.values())
    for pairs in lists.values():
        weights = [w for _, w in pairs]
        assert weights == sorted(weights, reverse=True)
    assert "article:p4" not in lists


def test_no_interactions_still_works() -> None:
    snap = snapshot(article("a", "a", "x"), article("b", "b", "y"))
    result = analyse(snap)
    assert result.neighbours == {}
    assert result.popular == ()
