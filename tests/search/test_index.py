"""The Whoosh index: built from the gated snapshot only, ranked with BM25F and field boosts."""

from __future__ import annotations

import pytest
from whoosh.index import Index

from site_builder.search import query
from site_builder.search.documents import SearchDocument
from site_builder.search.index import FIELDS, build_index
from tests.search.hostile import HOSTILE_QUERIES


def _document(url: str, title: str, body: str = "", kind: str = "article") -> SearchDocument:
    return SearchDocument(
        url=url,
        kind=kind,
        lang="en",
        title=title,
        headings="",
        summary="",
        tags="",
        context="",
        body=body,
        label="",
        badge="",
    )


def test_members_only_text_never_enters_the_index(demo_index: Index) -> None:
    with demo_index.reader() as reader:
        # Every demo canary sits in a members-only section, as "MEMBERS-CANARY: ...".
        assert not any((field, "members-canary") in reader for field in FIELDS)
        assert not any((field, "canari") in reader for field in FIELDS)
    for hit in query(demo_index, "MEMBERS-CANARY", limit=None).hits:
        assert "CANARY" not in hit.title + hit.summary + hit.text


def test_a_members_only_page_is_found_by_its_public_title_and_teaser(demo_index: Index) -> None:
    results = query(demo_index, "workloads checklist without the GIL")

    top = results.hits[0]
    assert top.url == "/articles/free-threaded-python-in-practice/"
    assert top.text == ""
    assert top.badge == "Member"
    assert "checklist" in top.summary


def test_filters_narrow_results_without_changing_scores(demo_index: Index) -> None:
    everything = {hit.url: hit.score for hit in query(demo_index, "python", limit=None).hits}
    lessons = query(demo_index, "python", kind="lesson", limit=None).hits
    chinese = query(demo_index, "python", lang="zh", limit=None).hits

    assert lessons and all(hit.kind == "lesson" for hit in lessons)
    assert chinese and all(hit.lang == "zh" for hit in chinese)
    assert len(lessons) < len(everything) and len(chinese) < len(everything)
    assert all(everything[hit.url] == hit.score for hit in [*lessons, *chinese])
    assert query(demo_index, "pandas", kind="nonsense").total == 0


def test_the_title_outweighs_the_body() -> None:
    index = build_index(
        [
            _document("/a/", "Notes", body="tokio tokio tokio runtime notes"),
            _document("/b/", "Tokio in practice", body="a runtime"),
        ]
    )

    assert [hit.url for hit in query(index, "tokio").hits] == ["/b/", "/a/"]


def test_equal_scores_keep_page_order() -> None:
    index = build_index([_document(f"/{n}/", "Same title") for n in range(5)])

    assert [hit.url for hit in query(index, "same title").hits] == [f"/{n}/" for n in range(5)]


def test_limit_and_total(demo_index: Index) -> None:
    results = query(demo_index, "python", limit=3)

    assert len(results.hits) == 3
    assert results.total > 3


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_do_not_fail(demo_index: Index, text: str) -> None:
    results = query(demo_index, text)

    assert len(results.hits) <= 10
