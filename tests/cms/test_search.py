"""The CMS's public search answers as ``build.py search`` does, and no input breaks it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from whoosh.index import Index

from api.search import forget
from courses.models import LessonPage
from site_builder.search import index_snapshot, query
from site_builder.search.evaluate import load_queries
from site_builder.search_cli import public_snapshot
from tests.conftest import ROOT, run_build_py
from tests.search.hostile import HOSTILE_QUERIES

QUERIES = ROOT / "tests" / "search" / "queries.yml"

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture(autouse=True)
def _fresh_index() -> Any:
    """Each test's database starts from the demo; so does the kept index."""
    forget()
    yield
    forget()


@pytest.fixture(scope="module")
def content_index() -> Index:
    """What ``build.py search`` asks: the content folder, gated, indexed."""
    snapshot, problems = public_snapshot(ROOT / "content")
    assert problems == []
    return index_snapshot(snapshot)


def search(client: Client, **params: str) -> Any:
    return client.get("/api/v2/search/", params)


def urls(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["url"] for item in response.json()["items"]]


def test_top_10_equals_the_command_lines_for_every_labelled_query(
    client: Client, content_index: Index
) -> None:
    labelled = load_queries(QUERIES)
    assert len(labelled) >= 40

    for text in [q.query for q in labelled]:
        expected = [hit.url for hit in query(content_index, text).hits]
        assert urls(search(client, q=text)) == expected, text
    for kind, lang in (("lesson", ""), ("", "zh"), ("article", "en")):
        expected = [
            hit.url
            for hit in query(content_index, "数据 data", kind=kind or None, lang=lang or None).hits
        ]
        params = {"q": "数据 data", "kind": kind, "lang": lang}
        assert urls(search(client, **{k: v for k, v in params.items() if v})) == expected


def test_build_py_search_prints_the_same_results(client: Client, tmp_path: Path) -> None:
    for text in ("Python 协程", "ownership"):
        result = run_build_py(
            "search",
            text,
            "--json",
            "--limit",
            "5",
            "--content",
            str(ROOT / "content"),
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        printed = [json.loads(line) for line in result.stdout.splitlines()]
        answered = search(client, q=text, limit="5").json()["items"]
        assert [(r["url"], r["score"]) for r in printed] == [
            (item["url"], item["score"]) for item in answered
        ]
        assert printed


def test_results_carry_the_page_id_a_snippet_and_the_tier_badge(client: Client) -> None:
    data = search(client, q="borrow checker").json()
    lesson = LessonPage.objects.get(slug="borrowing")
    first = next(
        item for item in data["items"] if item["url"] == "/courses/rust-foundations/borrowing/"
    )

    assert data["total"] >= len(data["items"]) > 0
    assert first["id"] == lesson.pk
    assert first["kind"] == "lesson" and first["label"]
    start, end = first["snippet"]["marks"][0]
    assert first["snippet"]["text"][start:end].lower().startswith("borrow")
    members_only = search(client, q="free-threaded").json()["items"]
    assert any(item["badge"] for item in members_only)


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_get_a_clean_json_answer(client: Client, text: str) -> None:
    response = search(client, q=text)

    assert response.status_code in (200, 400), (text[:40], response.status_code)
    assert response["Content-Type"] == "application/json"
    data = response.json()
    if response.status_code == 400:
        assert data["error"].startswith("q: ")
    else:
        assert isinstance(data["items"], list)
        assert "<script" not in json.dumps([item["title"] for item in data["items"]])


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "q: is empty; give the words to look for, e.g. ?q=asyncio"),
        ({"q": "   "}, "q: is empty; give the words to look for, e.g. ?q=asyncio"),
        ({"q": "x" * 5000}, "q: is 5000 characters long; use at most 500"),
        ({"q": "rust", "kind": "page"}, "kind: must be one of course, lesson, article, live"),
        ({"q": "rust", "lang": "fr"}, "lang: must be one of en, zh"),
        ({"q": "rust", "limit": "0"}, "limit: must be a whole number from 1 to 50"),
        ({"q": "rust", "limit": "ten"}, "limit: must be a whole number from 1 to 50"),
        ({"q": "rust", "limit": "٣"}, "limit: must be a whole number from 1 to 50"),
    ],
)
def test_mistakes_are_one_line_400s(client: Client, params: dict[str, str], message: str) -> None:
    response = search(client, **params)

    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_punctuation_only_finds_nothing_and_says_so(client: Client) -> None:
    data = search(client, q="?!.,;:()").json()

    assert data == {"terms": [], "total": 0, "items": []}


def test_a_publish_is_searchable_at_once_and_an_unpublish_disappears(client: Client) -> None:
    lesson = LessonPage.objects.get(slug="borrowing")
    assert "/courses/rust-foundations/borrowing/" in urls(search(client, q="borrow checker"))

    lesson.title = "Zanzibar quokka lesson"
    lesson.save_revision().publish()
    assert urls(search(client, q="quokka")) == ["/courses/rust-foundations/borrowing/"]

    lesson.unpublish()
    assert urls(search(client, q="quokka")) == []


def test_pages_search_ranks_like_the_site(client: Client, content_index: Index) -> None:
    for text in ("borrow checker", "Python 协程", "数据"):
        expected = [hit.url for hit in query(content_index, text, limit=None).hits]
        data = client.get("/api/v2/pages/", {"search": text, "limit": "100"}).json()
        paths = [item["meta"]["html_url"] for item in data["items"]]
        assert [p.split("://", 1)[-1].split("/", 1)[-1] for p in paths] == [
            u.lstrip("/") for u in expected
        ], text
