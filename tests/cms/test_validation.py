"""Save-time validation: each mistake is refused with the build's own message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from articles.models import ArticleIndexPage, ArticlePage
from courses.models import CoursePage, CoursePrerequisite, LessonPage
from editorial.blocks import MembersSectionBlock
from members.models import Author, Tier

pytestmark = pytest.mark.usefixtures("demo")


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def course(slug: str) -> CoursePage:
    return CoursePage.objects.get(slug=slug)


def test_a_duplicate_course_slug_is_refused_with_the_builds_message() -> None:
    original = course("rust-foundations")
    copy = CoursePage(
        title="Rust again", slug="rust-foundations", tier=Tier.objects.get(slug="free")
    )
    copy._studyhall_parent = original.get_parent()

    messages = errors_of(copy)["slug"]

    assert (
        f"'rust-foundations' is already used by course “Rust Foundations” (page {original.pk}); "
        "give each course a distinct slug"
    ) in messages


def test_a_duplicate_article_slug_is_refused_with_the_builds_message() -> None:
    original = ArticlePage.objects.get(slug="sqlite-is-probably-enough")
    copy = ArticlePage(
        title="SQLite again",
        slug=original.slug,
        date=original.date,
        author=original.author,
        column=original.column,
    )
    copy._studyhall_parent = ArticleIndexPage.objects.get()

    assert (
        f"'sqlite-is-probably-enough' is already used by article “{original.title}” "
        f"(page {original.pk}); give each article a distinct slug"
    ) in errors_of(copy)["slug"]


def test_cyclic_prerequisites_are_refused_with_the_builds_message() -> None:
    rust = course("rust-foundations")
    rust.prerequisite_links = [CoursePrerequisite(prerequisite=course("distributed-systems"))]

    assert errors_of(rust)["__all__"] == [
        "prerequisites: cyclic prerequisites: distributed-systems -> rust-foundations -> "
        "distributed-systems; remove one of these prerequisites to break the cycle"
    ]


def test_a_members_section_without_entitlement_is_refused() -> None:
    lesson = LessonPage.objects.get(slug="borrowing")
    lesson.body = [
        {
            "type": "members",
            "value": {"entitlement": "", "body": [{"type": "markdown", "value": "x"}]},
        }
    ]

    assert errors_of(lesson)["body"] == [
        "members section names no entitlement; choose a tier slug (e.g. member) or course:SLUG"
    ]


def test_the_members_block_itself_names_the_missing_entitlement() -> None:
    block = MembersSectionBlock()
    value = block.to_python({"entitlement": "", "body": [{"type": "markdown", "value": "x"}]})

    with pytest.raises(ValidationError) as caught:
        block.clean(value)

    assert [str(m) for m in caught.value.block_errors["entitlement"].messages] == [
        "members section names no entitlement; choose a tier slug (e.g. member) or course:SLUG"
    ]


def test_an_unknown_entitlement_gets_the_builds_message() -> None:
    lesson = LessonPage.objects.get(slug="borrowing")
    lesson.body = [
        {
            "type": "members",
            "value": {"entitlement": "gold", "body": [{"type": "markdown", "value": "x"}]},
        }
    ]

    assert errors_of(lesson)["body"] == [
        "unknown entitlement 'gold'; use a tier slug (member, pro) or course:SLUG"
    ]


def test_a_members_only_page_needs_a_teaser() -> None:
    lesson = LessonPage.objects.get(slug="borrowing")
    lesson.access = "member"
    lesson.teaser = ""

    assert errors_of(lesson)["teaser"] == [
        "missing for a members-only page; add a public `teaser:` sentence that readers see "
        "before they unlock it"
    ]


def test_a_lesson_outside_a_course_is_refused() -> None:
    stray = LessonPage(title="Stray lesson", slug="stray")

    with pytest.raises(ValidationError) as caught:
        ArticleIndexPage.objects.get().add_child(instance=stray)

    assert caught.value.message_dict["__all__"] == [
        "a lesson must sit inside a course; move it under a course page"
    ]
    assert not LessonPage.objects.filter(slug="stray").exists()


def test_a_valid_lesson_saves() -> None:
    lesson = LessonPage(title="Extra", slug="extra", summary="More.", body=[])
    course("rust-foundations").add_child(instance=lesson)

    assert LessonPage.objects.get(slug="extra").get_parent().specific == course("rust-foundations")
    assert Author.objects.count() == 3


def test_messages_are_translated_to_chinese() -> None:
    from django.utils import translation

    from editorial.messages import NO_ENTITLEMENT

    with translation.override("zh-hans"):
        assert (
            str(NO_ENTITLEMENT) == "会员段落没有指定权益；请选择会员等级（如 member）或 course:SLUG"
        )
        assert str(LessonPage._meta.verbose_name) == "课时"
    assert str(NO_ENTITLEMENT).startswith("members section names no entitlement")


def test_the_admin_shows_the_cycle_when_an_editor_adds_the_prerequisite(admin_client) -> None:
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    rust = course("rust-foundations")
    data = nested_form_data(
        {
            "title": rust.title,
            "slug": rust.slug,
            "summary": rust.summary,
            "level": rust.level,
            "tier": rust.tier_id,
            "lang": rust.lang,
            "tags": "rust",
            "body": streamfield([("markdown", "Overview.")]),
            "author_links": inline_formset(
                [{"author": a.author_id} for a in rust.author_links.all()]
            ),
            "prerequisite_links": inline_formset(
                [{"prerequisite": course("distributed-systems").pk}]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/{rust.pk}/edit/", data)

    assert response.status_code == 200
    assert (
        "prerequisites: cyclic prerequisites: distributed-systems -&gt; rust-foundations -&gt; "
        "distributed-systems; remove one of these prerequisites to break the cycle"
    ) in response.content.decode()
    assert not course("rust-foundations").prerequisite_links.exists()


def test_the_admin_shows_a_members_section_without_entitlement(admin_client) -> None:
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    lesson = LessonPage.objects.get(slug="borrowing")
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": lesson.summary,
            "access": "",
            "teaser": "",
            "lang": "",
            "body": streamfield(
                [("members", {"entitlement": "", "body": streamfield([("markdown", "Secret.")])})]
            ),
            "comments-TOTAL_FORMS": 0,
            "comments-INITIAL_FORMS": 0,
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/{lesson.pk}/edit/", data)

    assert response.status_code == 200
    assert "members section names no entitlement" in response.content.decode()
    lesson.refresh_from_db()
    assert lesson.title == "Borrowing and slices" and not lesson.has_unpublished_changes
