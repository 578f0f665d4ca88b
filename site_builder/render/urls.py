"""The one place that knows where each page lives in the output."""

from __future__ import annotations

from site_builder.model import Article, Course, Lesson, LiveSession

COURSES = "/courses/"
ARTICLES = "/articles/"
COLUMNS = "/columns/"
TAGS = "/tags/"
AUTHORS = "/authors/"
LIVE = "/live/"
PRICING = "/pricing/"
SEARCH = "/search/"
UNLOCK = "/unlock/"
TOPICS = "/topics/"
PATHS = "/paths/"
FEED = "/feeds/atom.xml"
ASSETS = "/assets/"


def course_url(course: Course | str) -> str:
    slug = course if isinstance(course, str) else course.slug
    return f"{COURSES}{slug}/"


def lesson_url(lesson: Lesson) -> str:
    return f"{COURSES}{lesson.course}/{lesson.slug}/"


def article_url(article: Article) -> str:
    return f"{ARTICLES}{article.slug}/"


def live_url(session: LiveSession) -> str:
    return f"{LIVE}{session.slug}/"


def live_calendar_url(session: LiveSession) -> str:
    return f"{LIVE}{session.slug}.ics"


def column_url(slug: str) -> str:
    return f"{COLUMNS}{slug}/"


def author_url(slug: str) -> str:
    return f"{AUTHORS}{slug}/"


def column_feed_url(slug: str) -> str:
    return f"/feeds/{slug}.atom.xml"


def page_url(page: Course | Lesson | Article | LiveSession) -> str:
    match page:
        case Course():
            return course_url(page)
        case Lesson():
            return lesson_url(page)
        case Article():
            return article_url(page)
        case LiveSession():
            return live_url(page)
    raise TypeError(page)


def output_path(url: str) -> str:
    """The file that serves ``url``, relative to the output folder."""
    path = url.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path
