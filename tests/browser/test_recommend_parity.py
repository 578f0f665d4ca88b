"""The browser recommends exactly what SequenceRecommender.recommend does, in real Chromium."""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import Page
from threadpoolctl import threadpool_limits

from site_builder.analysis import SequenceRecommender
from site_builder.analysis.recommend import reader_histories
from site_builder.model import Snapshot
from site_builder.sources.content_dir import ContentDirSource
from site_builder.validate.rules import check_interactions
from tests.conftest import ROOT

RECOMMEND = """async ([histories, k]) => {
  const engine = await window.StudyhallRecommend.load();
  return histories.map((history) => engine.recommend(history, k));
}"""


@pytest.fixture(scope="module")
def demo_snapshot() -> Snapshot:
    snapshot, problems = ContentDirSource(ROOT / "content").load()
    snapshot, _, bad_rows = check_interactions(snapshot)
    assert problems == [] and bad_rows == []
    return snapshot


@pytest.fixture(scope="module")
def recommender(demo_snapshot: Snapshot) -> SequenceRecommender:
    """Fitted the way the build fits it (analyse: defaults, one BLAS thread)."""
    with threadpool_limits(1):
        return SequenceRecommender(seed=0).fit(demo_snapshot, demo_snapshot.interactions)


def _histories(snapshot: Snapshot, items: list[str]) -> list[list[str]]:
    rng = random.Random(7)
    readers = reader_histories(snapshot.interactions)
    histories: list[list[str]] = [[]]
    histories += [[item] for item in items]
    for history in readers.values():  # what real readers opened, and where they started
        histories += [history[:2], history]
    histories += [rng.sample(items, rng.randint(2, len(items) - 1)) for _ in range(60)]
    histories.append(["lesson:gone/removed", *items[:3], "article:not-in-this-build"])
    return histories


@pytest.mark.parametrize("k", [10, 100])
def test_browser_top_n_equals_the_python_recommender(
    page: Page,
    site_url: str,
    demo_snapshot: Snapshot,
    recommender: SequenceRecommender,
    problems: list[str],
    k: int,
) -> None:
    page.goto(site_url + "/")
    histories = _histories(demo_snapshot, recommender.items_)
    assert len(histories) > 150

    browser = page.evaluate(RECOMMEND, [histories, k])

    for history, ranked in zip(histories, browser, strict=True):
        assert ranked == recommender.recommend(history, k=k), history
    assert problems == []


def test_the_page_without_script_shows_what_a_new_reader_gets(
    page: Page, site_url: str, recommender: SequenceRecommender
) -> None:
    """The popular list the build renders equals the browser's list for an empty history."""
    page.goto(site_url + "/")

    rendered = page.locator("[data-sh-recs] .sh-rec__link").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))"
    )
    browser = page.evaluate(
        "async () => { const e = await window.StudyhallRecommend.load();"
        " return e.recommend([], 6).map((id) => e.cards[id].url); }"
    )

    assert len(rendered) == 6
    assert rendered == browser
    assert page.locator("[data-sh-recs-title]").inner_text() == "Popular with readers"
