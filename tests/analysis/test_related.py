"""Related content: cold start, never the page itself, next lesson first."""

from __future__ import annotations

from site_builder.analysis import AnalysisResult, RelatedContent
from site_builder.model import Snapshot

from .conftest import article, course, event, snapshot

RUST = "Rust ownership and borrowing: the borrow checker, lifetimes and moves."
ASYNC = "Python asyncio: the event loop, tasks, await and structured concurrency."
DATA = "pandas DataFrame: reading CSV, cleaning columns, groupby and joins."


def catalogue(extra: tuple = ()) -> Snapshot:
    pages = [
        article(f"{topic}-{n}", f"{topic} {n}", text)
        for n in range(3)
        for topic, text in (("rust", RUST), ("async", ASYNC), ("data", DATA))
    ]
    readers = [
        event(f"r{r}", f"article:{topic}-{n}", minute=r * 10 + n)
        for r in range(30)
        for n, topic in enumerate(("rust", "async", "data")[r % 3 : r % 3 + 1] * 3)
    ]
    return snapshot(*pages, *extra, interactions=tuple(readers))


def test_new_article_without_readers_gets_content_neighbours() -> None:
    new = article("borrowing-again", "Borrowing, again", RUST)
    related = RelatedContent(n_related=3).fit(catalogue((new,)), catalogue().interactions)
    picks = related.related_[new.item_id]
    assert len(picks) == 3
    assert all(p.startswith("article:rust-") for p in picks)


def test_never_the_page_itself(demo_result: AnalysisResult) -> None:
    result = demo_result
    assert result.related
    for item, picks in result.related.items():
        assert item not in picks
        assert len(picks) == len(set(picks))


def test_every_page_has_related_content(demo: Snapshot, demo_result: AnalysisResult) -> None:
    result = demo_result
    assert {p.item_id for p in demo.pages()} == set(result.related)
    assert all(len(picks) == 5 for picks in result.related.values())


def test_next_lesson_comes_first() -> None:
    lessons = [(f"l{n}", f"Lesson {n}", text) for n, text in enumerate((RUST, ASYNC, DATA, RUST))]
    snap = snapshot(article("x", "x", RUST), courses=(course("c", "Course", lessons),))
    related = RelatedContent(n_related=3).fit(snap).related_
    assert related["lesson:c/l0"][0] == "lesson:c/l1"
    assert related["lesson:c/l2"][0] == "lesson:c/l3"
    assert "lesson:c/l3" not in related["lesson:c/l3"]


def test_readers_shape_neighbours_of_well_read_pages() -> None:
    pages = [
        article("a", "a", RUST),
        article("b", "b", DATA),
        article("d", "d", ASYNC),
        article("c", "c", RUST),
    ]
    readers = tuple(
        e
        for r in range(60)
        for e in (event(f"r{r}", "article:a", 0), event(f"r{r}", "article:b", 1))
    )
    related = RelatedContent(n_related=2, shrinkage=5).fit(snapshot(*pages), readers).related_
    assert related["article:a"] == ("article:c", "article:b")  # same words, then co-read
    assert related["article:c"][0] == "article:a"  # no readers: content decides
