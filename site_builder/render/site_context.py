"""Plain data about the whole site for the shell's templates (JSON-safe, already gated)."""

from __future__ import annotations

from typing import Any

from site_builder.analysis import AnalysisResult
from site_builder.model import Course, LiveSession, Snapshot
from site_builder.render import urls
from site_builder.render.gated_body import entitlement_label, gated_markdown
from site_builder.render.shell import description


def course_card(snapshot: Snapshot, course: Course) -> dict[str, Any]:
    tier = snapshot.tier(course.tier)
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": description(course, ""),
        "level": course.level,
        "tier": {
            "slug": course.tier,
            "name": tier.name if tier else course.tier,
            "rank": tier.rank if tier else 0,
        },
        "lang": course.lang or snapshot.site.language,
        "url": urls.course_url(course),
        "lessons": len(course.lessons),
        "tags": list(course.tags),
        "featured": course.slug in snapshot.site.featured_courses,
        "authors": [
            {"name": a.name, "url": urls.author_url(a.slug)}
            for a in (snapshot.author(s) for s in course.authors)
            if a is not None
        ],
        "prerequisites": [
            {"title": p.title, "url": urls.course_url(p)}
            for p in (snapshot.course(s) for s in course.prerequisites)
            if p is not None
        ],
    }


def live_card(snapshot: Snapshot, session: LiveSession) -> dict[str, Any]:
    host = snapshot.author(session.host)
    start, end = session.start, session.end
    return {
        "slug": session.slug,
        "title": session.title,
        "summary": description(session, ""),
        "lang": session.lang or snapshot.site.language,
        "start_iso": start.isoformat() if start else "",
        "end_iso": end.isoformat() if end else "",
        "start_display": start.strftime("%Y-%m-%d %H:%M") if start else "",
        "timezone": session.timezone,
        "duration": session.duration_minutes,
        "host": {"name": host.name if host else session.host, "url": urls.author_url(session.host)},
        "stream_url": session.stream_url,
        "replay_url": session.replay_url,
        "url": urls.live_url(session),
        "ics_url": urls.live_calendar_url(session),
        "locked_for": entitlement_label(snapshot, session.access) if session.access else "",
        "markdown": gated_markdown(
            snapshot, session.item_id, session.body, session.teaser if session.access else ""
        ),
    }


def page_cards(snapshot: Snapshot) -> dict[str, dict[str, Any]]:
    """A small card (title, URL, kind, language, public summary) for every page, by item id.

    The summary is the author's summary or, for a members-only page, its public
    teaser: never text from a body.
    """
    kinds = {"course": "Course", "lesson": "Lesson", "article": "Article", "live": "Live session"}
    cards = {}
    for page in snapshot.pages():
        course = snapshot.course(getattr(page, "course", "")) if hasattr(page, "course") else None
        cards[page.item_id] = {
            "title": page.title,
            "url": urls.page_url(page),
            "kind": kinds[page.item_id.split(":", 1)[0]],
            "context": course.title if course else "",
            "summary": page.summary or getattr(page, "teaser", ""),
            "members": bool(getattr(page, "access", None)),
            "lang": getattr(page, "lang", "")
            or (course.lang if course else "")
            or snapshot.site.language,
        }
    return cards


def analysis_context(snapshot: Snapshot, analysis: AnalysisResult) -> dict[str, Any]:
    """Topics, related pages and learning paths, resolved to cards the templates can show."""
    cards = page_cards(snapshot)
    titles = {c.slug: c.title for c in snapshot.courses}
    return {
        "topics": [
            {
                "slug": topic.slug,
                "label": topic.label,
                "terms": list(topic.terms),
                "url": f"{urls.TOPICS}{topic.slug}/",
                "pages": [cards[item] for item in topic.members if item in cards],
            }
            for topic in analysis.topics
        ],
        "topic_map_svg": analysis.topic_map_svg,
        "paths_svg": analysis.paths_svg,
        "popular": [cards[item] for item in analysis.popular if item in cards],
        "related": {
            item: [cards[r] for r in related if r in cards]
            for item, related in analysis.related.items()
        },
        "paths": {
            course: [
                {"slug": step, "title": titles.get(step, step), "url": urls.course_url(step)}
                for step in steps
            ]
            for course, steps in analysis.paths.items()
        },
    }


def site_context(snapshot: Snapshot, analysis: AnalysisResult | None = None) -> dict[str, Any]:
    courses = [course_card(snapshot, c) for c in snapshot.courses]
    featured = snapshot.site.featured_courses
    courses.sort(
        key=lambda c: (
            c["slug"] not in featured,
            featured.index(c["slug"]) if c["slug"] in featured else 0,
            c["title"],
        )
    )
    sessions = sorted(
        snapshot.live_sessions,
        key=lambda s: (s.start is None, s.start.isoformat() if s.start else "", s.slug),
    )
    return {
        "courses": courses,
        "tiers": [
            {
                "slug": t.slug,
                "name": t.name,
                "rank": t.rank,
                "price_monthly": t.price_monthly,
                "price_yearly": t.price_yearly,
                "currency": t.currency.upper(),
                "description": t.description,
                "benefits": list(t.benefits),
            }
            for t in snapshot.tiers_by_rank()
        ],
        "live": [live_card(snapshot, s) for s in sessions],
        "authors": [
            {
                "slug": a.slug,
                "name": a.name,
                "bio": a.bio,
                "links": [list(link) for link in a.links],
                "url": urls.author_url(a.slug),
                "courses": [
                    c
                    for c in courses
                    if any(x["url"] == urls.author_url(a.slug) for x in c["authors"])
                ],
                "live": [
                    live_card(snapshot, s) | {"markdown": ""} for s in sessions if s.host == a.slug
                ],
            }
            for a in sorted(snapshot.authors, key=lambda a: a.slug)
        ],
        "languages": {"en": "English", "zh": "中文"},
        **(analysis_context(snapshot, analysis) if analysis else {}),
    }
