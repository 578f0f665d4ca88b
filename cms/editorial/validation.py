"""Save-time checks that run the build's own rules, so that the CMS and the build agree.

A page being saved is put into a small snapshot of the CMS (every tier and the
slugs, prerequisites and sources of every course, article and live session) and
``site_builder.validate`` runs over it; the problems that belong to this page
come back as form errors with the build's wording.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from site_builder.model import Article, Body, Course, LiveSession, Site, Snapshot
from site_builder.validate import Problem, validate

#: Snapshot fields a save can get wrong; the rest are kept right by the admin's widgets
#: (choices, foreign keys, tree order) or only make sense for a whole site (a course
#: with no lessons yet is fine while it is being written).
CHECKED_FIELDS = ("slug", "prerequisites", "body", "access", "teaser", "lang")


def page_problems(page: Any, **overrides: Any) -> dict[str, list[str]]:
    """Form errors for ``page``, keyed by field ('' for the page as a whole)."""
    from editorial.messages import LESSON_OUTSIDE_COURSE, NO_ENTITLEMENT

    errors: dict[str, list[str]] = {}
    if page._meta.model_name == "lessonpage":
        parent = page.parent_for_validation()
        if parent is None or parent._meta.model_name != "coursepage":
            errors[""] = [str(LESSON_OUTSIDE_COURSE)]
            return errors
    for block in page.body:
        if block.block_type == "members" and not block.value.get("entitlement"):
            errors.setdefault("body", []).append(str(NO_ENTITLEMENT))
            break
    if page._meta.model_name == "coursepage":
        # Lessons are checked when they are saved; the course needs only its own fields.
        record = replace(page.to_snapshot(shallow=True, **overrides), body=page.snapshot_body())
    else:
        record = page.to_snapshot(**overrides)
    for problem in validate(_snapshot_around(page, record)):
        if _belongs_to(problem, page, record):
            field = problem.field if problem.field != "prerequisites" else ""
            message = f"{problem.message}; {problem.fix}" if problem.fix else problem.message
            if field == "" and problem.field:
                message = f"{problem.field}: {message}"
            errors.setdefault(field, []).append(message)
    return errors


def _belongs_to(problem: Problem, page: Any, record: Any) -> bool:
    if problem.field not in CHECKED_FIELDS:
        return False
    if problem.message.startswith("cyclic prerequisites: "):
        cycle = problem.message.removeprefix("cyclic prerequisites: ").split(" -> ")
        return page._meta.model_name == "coursepage" and record.slug in cycle
    return problem.path == record.source


def _snapshot_around(page: Any, record: Any) -> Snapshot:
    """The CMS as the build would see it, with ``record`` in place of the stored page."""
    from articles.models import ArticlePage
    from courses.models import CoursePage, CoursePrerequisite
    from live.models import LiveSessionPage
    from members.models import Tier

    def others(model: Any, record: Any) -> list[Any]:
        rows = model.objects.exclude(pk=page.pk).values_list("pk", "slug", "title")
        return [
            record(slug=slug, title=title, body=Body(), source=model.label_for(title, pk))
            for pk, slug, title in rows
        ]

    requires: dict[int, list[str]] = {}
    for course_id, slug in CoursePrerequisite.objects.order_by("sort_order", "pk").values_list(
        "course_id", "prerequisite__slug"
    ):
        requires.setdefault(course_id, []).append(slug)
    courses = [
        Course(
            slug=slug,
            title=title,
            body=Body(),
            prerequisites=tuple(requires.get(pk, ())),
            source=CoursePage.label_for(title, pk),
        )
        for pk, slug, title in CoursePage.objects.exclude(pk=page.pk).values_list(
            "pk", "slug", "title"
        )
    ]
    articles = others(ArticlePage, partial(Article, date=None))
    sessions = others(LiveSessionPage, partial(LiveSession, start=None))
    kind = page._meta.model_name
    if kind == "coursepage":
        courses.append(record)
    elif kind == "articlepage":
        articles.append(record)
    elif kind == "livesessionpage":
        sessions.append(record)
    elif kind == "lessonpage":
        parent = page.parent_for_validation()
        courses = [c for c in courses if c.slug != parent.slug]
        courses.append(replace(parent.to_snapshot(shallow=True), lessons=(record,)))
    return Snapshot(
        site=Site(title="", url="", source="site settings"),
        tiers=tuple(t.to_snapshot() for t in Tier.objects.all()),
        courses=tuple(courses),
        articles=tuple(articles),
        live_sessions=tuple(sessions),
    )
