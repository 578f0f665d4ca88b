"""Page ids as the build names them (``course:SLUG``, ``lesson:COURSE/LESSON``, ...)."""

from __future__ import annotations

from typing import Any

from wagtail.models import Page

#: The page types a topic can hold, as ``app_label.ModelName``.
PAGE_TYPES = (
    "courses.CoursePage",
    "courses.LessonPage",
    "articles.ArticlePage",
    "live.LiveSessionPage",
)


def item_id(page: Page) -> str:
    """The build's id of ``page``; '' for a page type that is not in any topic."""
    from articles.models import ArticlePage
    from courses.models import CoursePage, LessonPage
    from live.models import LiveSessionPage

    page = page.specific
    if isinstance(page, CoursePage):
        return f"course:{page.slug}"
    if isinstance(page, LessonPage):
        course = page.course_page()
        return f"lesson:{course.slug if course else ''}/{page.slug}"
    if isinstance(page, ArticlePage):
        return f"article:{page.slug}"
    if isinstance(page, LiveSessionPage):
        return f"live:{page.slug}"
    return ""


def live_pages_by_item_id() -> dict[str, Any]:
    """Every published page a topic can hold, by the build's id (what a build sees)."""
    from articles.models import ArticlePage
    from courses.models import CoursePage, LessonPage
    from live.models import LiveSessionPage

    courses = {c.path: c.slug for c in CoursePage.objects.live()}
    pages: dict[str, Any] = {}
    for course in CoursePage.objects.live():
        pages[f"course:{course.slug}"] = course
    for lesson in LessonPage.objects.live():
        parent = courses.get(lesson.path[: -Page.steplen])
        if parent is not None:
            pages[f"lesson:{parent}/{lesson.slug}"] = lesson
    for article in ArticlePage.objects.live():
        pages[f"article:{article.slug}"] = article
    for session in LiveSessionPage.objects.live():
        pages[f"live:{session.slug}"] = session
    return pages
