"""An anonymous caller never sees members-only text: not in any API field, page or search."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from courses.models import LessonPage
from tests.cms.conftest import BUILD_TOKEN

DEMO_CANARY = "MEMBERS-CANARY"
CMS_CANARIES = ("CMS-CANARY-RICH", "CMS-CANARY-CODE", "CMS-CANARY-CALLOUT", "CMS-CANARY-PAGE")
CANARIES = (DEMO_CANARY, *CMS_CANARIES)
SEARCHES = (
    "borrowing",
    "members only deep dive",
    "public teaser",
    "rust python data",
    "print code callout rich",
    "数据 异步",
)
PAGE_TYPES = (
    "home.HomePage",
    "courses.CourseIndexPage",
    "courses.CoursePage",
    "courses.LessonPage",
    "articles.ArticleIndexPage",
    "articles.ArticlePage",
    "live.LiveSessionIndexPage",
    "live.LiveSessionPage",
)


@pytest.fixture
def canaries_in_every_block_kind(demo: None) -> None:
    """Members-only text written with each kind of block, and a members-only page."""
    lesson = LessonPage.objects.get(slug="borrowing")
    lesson.body.append(
        (
            "members",
            {
                "entitlement": "member",
                "body": [
                    ("rich_text", "<p>Rich CMS-CANARY-RICH text</p>"),
                    ("code", {"language": "python", "code": "print('CMS-CANARY-CODE')"}),
                    ("callout", {"kind": "tip", "title": "", "text": "CMS-CANARY-CALLOUT"}),
                ],
            },
        )
    )
    lesson.save_revision().publish()
    article = ArticlePage.objects.get(slug="sqlite-is-probably-enough")
    page = ArticlePage(
        title="Members-only deep dive",
        slug="members-only-deep-dive",
        date=article.date,
        author=article.author,
        column=article.column,
        access="pro",
        teaser="A public teaser.",
        body=[("markdown", "Secret CMS-CANARY-PAGE paragraph")],
    )
    ArticleIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()


def fetch(client: Client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response.content.decode()


def test_no_canary_reaches_an_anonymous_caller(
    canaries_in_every_block_kind: None, run_worker, client: Client
) -> None:
    run_worker()  # the search index is kept up to date by the task queue
    export = client.get("/api/build/snapshot/", headers={"Authorization": f"Bearer {BUILD_TOKEN}"})
    assert all(canary in export.content.decode() for canary in CANARIES)

    anonymous = Client()
    seen: dict[str, str] = {}
    for page in Page.objects.live().specific():
        seen[page.url] = fetch(anonymous, page.url)
    urls = ["/api/v2/schema/", "/api/v2/pages/?limit=100&fields=*"]
    urls += [f"/api/v2/pages/?type={kind}&limit=100&fields=*" for kind in PAGE_TYPES]
    urls += [
        f"/api/v2/pages/{pk}/?fields=*" for pk in Page.objects.live().values_list("pk", flat=True)
    ]
    urls += [f"/api/v2/pages/?search={canary}&fields=*" for canary in CANARIES]
    urls += [f"/api/v2/search/?q={canary}" for canary in CANARIES]
    # Queries that find the pages holding canaries, so their titles and snippets are shown.
    urls += [f"/api/v2/search/?q={words}&limit=50" for words in SEARCHES]
    urls += [f"/api/v2/pages/?search={words}&fields=*&limit=100" for words in SEARCHES]
    urls += [f"/api/v2/pages/find/?html_path={page.url}" for page in Page.objects.live()]
    for endpoint in ("images", "documents", "tiers", "authors", "columns"):
        listing = json.loads(fetch(anonymous, f"/api/v2/{endpoint}/?limit=100&fields=*"))
        urls += [f"/api/v2/{endpoint}/{item['id']}/?fields=*" for item in listing["items"]]
    for url in urls:
        seen[url] = fetch(anonymous, url)

    leaks = sorted(
        (url, canary) for url, text in seen.items() for canary in CANARIES if canary in text
    )
    assert leaks == []
    assert len(seen) > 150


def test_search_finds_public_text_and_never_members_only_text(
    canaries_in_every_block_kind: None, run_worker, client: Client
) -> None:
    run_worker()

    def hits(query: str) -> list[str]:
        data = json.loads(client.get(f"/api/v2/pages/?search={query}").content)
        return [item["meta"]["slug"] for item in data["items"]]

    def found(query: str) -> list[str]:
        data = json.loads(client.get(f"/api/v2/search/?q={query}").content)
        return [item["url"] for item in data["items"]]

    assert "borrowing" in hits("invalidation")
    assert "/courses/rust-foundations/borrowing/" in found("invalidation")
    assert "/articles/members-only-deep-dive/" in found("deep dive")
    # A canary's public parts ("members", "rich") may match; its own words add nothing.
    assert hits("canary") == found("canary") == []
    for canary in CANARIES:
        public_parts = canary.replace("CANARY", " ")
        assert hits(canary) == hits(public_parts), canary
        assert found(canary) == found(public_parts), canary


def test_members_sections_keep_their_place_without_their_text(
    canaries_in_every_block_kind: None, client: Client
) -> None:
    lesson = LessonPage.objects.get(slug="borrowing")
    data = json.loads(client.get(f"/api/v2/pages/{lesson.pk}/").content)
    members = [block for block in data["body"] if block["type"] == "members"]

    assert [block["value"] for block in members] == [{"entitlement": "member", "locked": True}] * 2
    page = json.loads(
        client.get(
            "/api/v2/pages/?type=articles.ArticlePage&slug=members-only-deep-dive&fields=teaser,access"
        ).content
    )["items"][0]
    assert (page["access"], page["teaser"]) == ("pro", "A public teaser.")
    detail = json.loads(client.get(f"/api/v2/pages/{page['id']}/").content)
    assert detail["body"] == []
