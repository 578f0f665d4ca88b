"""Every editor screen opens, the page tree only takes what belongs, and the API is described."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from wagtail.models import Page

from api.schema import PAGE_MODELS
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.usefixtures("demo")


def test_every_page_type_opens_in_the_editor(admin_client: Client) -> None:
    opened = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        opened[type(page).__name__] = response.status_code
    assert set(opened.values()) == {200}
    assert len(opened) == len(PAGE_MODELS)


def test_a_course_offers_only_lessons_as_children(admin_client: Client) -> None:
    course = CoursePage.objects.get(slug="rust-foundations")

    assert course.specific_class.allowed_subpage_models() == [LessonPage]
    response = admin_client.get(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    assert response.status_code == 200
    home = course.get_parent().get_parent()
    refused = admin_client.get(f"/admin/pages/add/courses/lessonpage/{home.pk}/")
    assert refused.status_code in (302, 403)  # Wagtail sends the editor back with a message
    assert refused.status_code == 403 or refused.url == "/admin/"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/members/tier/",
        "/admin/snippets/members/author/",
        "/admin/snippets/articles/column/",
        "/admin/reader_events/",
        "/admin/site_builds/",
    ],
)
def test_operator_screens_open(admin_client: Client, url: str) -> None:
    assert admin_client.get(url).status_code == 200


def test_the_openapi_schema_lists_every_public_field(client: Client) -> None:
    schema = json.loads(client.get("/api/v2/schema/").content)

    assert schema["openapi"].startswith("3.")
    assert {"/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/tiers/"} <= set(schema["paths"])
    lesson = schema["components"]["schemas"]["courses_LessonPage"]["properties"]
    assert lesson["body"] == {"$ref": "#/components/schemas/PublicBody"}
    assert {"summary", "teaser", "access", "site_url"} <= set(lesson)
    tiers = json.loads(client.get("/api/v2/tiers/?fields=*").content)["items"]
    assert [t["slug"] for t in tiers] == ["free", "member", "pro"]
