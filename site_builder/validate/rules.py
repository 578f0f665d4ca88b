"""Every check a snapshot must pass before it is analysed, gated and rendered.

The same rules run on a snapshot from ``content/`` and from the CMS, so an
author sees the same message wherever they made the mistake.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

import networkx as nx

from site_builder.model import LEVELS, Course, MembersOnly, Snapshot
from site_builder.model.snapshot import Page
from site_builder.validate.problem import Problem
from site_builder.validate.topics import topic_override_problems

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANGUAGES = ("en", "zh")
EVENTS = ("view", "complete", "purchase")
#: Share of interaction rows that may be dropped before the build fails.
MAX_BAD_INTERACTIONS = 0.05


def validate(snapshot: Snapshot) -> list[Problem]:
    return sorted(set(_all(snapshot)))


def _all(snapshot: Snapshot) -> Iterator[Problem]:
    yield from _unique("slug", ((t.slug, t.source) for t in snapshot.tiers), "tier")
    yield from _unique("slug", ((a.slug, a.source) for a in snapshot.authors), "author")
    yield from _unique("slug", ((c.slug, c.source) for c in snapshot.columns), "column")
    yield from _unique("slug", ((c.slug, c.source) for c in snapshot.courses), "course")
    yield from _unique("slug", ((a.slug, a.source) for a in snapshot.articles), "article")
    yield from _unique("slug", ((s.slug, s.source) for s in snapshot.live_sessions), "live session")
    yield from _unique("rank", ((str(t.rank), t.source) for t in snapshot.tiers), "tier")
    yield from _site(snapshot)
    for course in snapshot.courses:
        yield from _course(snapshot, course)
    yield from _prerequisite_cycles(snapshot)
    for article in snapshot.articles:
        if article.author and snapshot.author(article.author) is None:
            yield _unknown(
                article.source, "author", article.author, "authors.yml", snapshot.authors
            )
        if article.column and snapshot.column(article.column) is None:
            yield _unknown(
                article.source, "column", article.column, "columns.yml", snapshot.columns
            )
    for session in snapshot.live_sessions:
        if session.host and snapshot.author(session.host) is None:
            yield _unknown(session.source, "host", session.host, "authors.yml", snapshot.authors)
    for page in snapshot.pages():
        yield from _page(snapshot, page)
    yield from topic_override_problems(
        snapshot.topic_overrides, (page.item_id for page in snapshot.pages())
    )


def _unique(field: str, values: Iterable[tuple[str, str]], kind: str) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for value, source in values:
        if not value:
            continue
        if value in seen:
            yield Problem(
                source,
                field,
                f"{value!r} is already used by {seen[value]}",
                f"give each {kind} a distinct {field}",
            )
        else:
            seen[value] = source
        if field == "slug" and not SLUG.match(value):
            yield Problem(
                source,
                field,
                f"{value!r} is not a valid slug",
                "use lowercase letters, digits and hyphens (rename the file or set `slug:`)",
            )


def _unknown(source: str, field: str, value: str, where: str, known: Iterable[object]) -> Problem:
    names = ", ".join(sorted(getattr(k, "slug", str(k)) for k in known)) or "none yet"
    return Problem(
        source, field, f"unknown {field} {value!r}", f"use one defined in {where} ({names})"
    )


def _site(snapshot: Snapshot) -> Iterator[Problem]:
    site = snapshot.site
    if site.language not in LANGUAGES:
        yield Problem(
            site.source, "language", f"{site.language!r} is not supported", "use en or zh"
        )
    for slug in site.featured_courses:
        if snapshot.course(slug) is None:
            yield _unknown(site.source, "featured_courses", slug, "courses/", snapshot.courses)
    if not snapshot.tiers:
        return
    if min(t.rank for t in snapshot.tiers) != 0:
        yield Problem(
            site.source.replace("site.yml", "tiers.yml"),
            "rank",
            "no tier has rank 0",
            "rank the free tier 0",
        )


def _course(snapshot: Snapshot, course: Course) -> Iterator[Problem]:
    if course.level not in LEVELS:
        yield Problem(
            course.source,
            "level",
            f"{course.level!r} is not a level",
            f"use one of {', '.join(LEVELS)}",
        )
    if snapshot.tiers and snapshot.tier(course.tier) is None:
        yield _unknown(course.source, "tier", course.tier, "tiers.yml", snapshot.tiers)
    for author in course.authors:
        if snapshot.author(author) is None:
            yield _unknown(course.source, "authors", author, "authors.yml", snapshot.authors)
    for prerequisite in course.prerequisites:
        if prerequisite == course.slug:
            yield Problem(
                course.source,
                "prerequisites",
                "a course cannot require itself",
                "remove it from prerequisites",
            )
        elif snapshot.course(prerequisite) is None:
            yield Problem(
                course.source,
                "prerequisites",
                f"course {prerequisite!r} does not exist",
                "name a folder under courses/ or remove it",
            )
    if not course.lessons:
        yield Problem(
            course.source,
            "lessons",
            f"course {course.slug!r} has no lessons",
            "add NN-slug.md files beside course.md",
        )
    yield from _unique(
        "slug", ((lesson.slug, lesson.source) for lesson in course.lessons), "lesson"
    )
    yield from _lesson_order(course)


def _lesson_order(course: Course) -> Iterator[Problem]:
    counts = Counter(lesson.order for lesson in course.lessons if lesson.order is not None)
    for lesson in course.lessons:
        if lesson.order is None:
            yield Problem(
                lesson.source, "order", "missing", "add `order: N` or name the file NN-slug.md"
            )
        elif counts[lesson.order] > 1:
            yield Problem(
                lesson.source,
                "order",
                f"{lesson.order} is used twice in course {course.slug!r}",
                "give each lesson a distinct order",
            )
    expected = 1
    for order in sorted(counts):
        if order != expected:
            lesson = next(le for le in course.lessons if le.order == order)
            yield Problem(
                lesson.source,
                "order",
                f"{order} leaves a gap in course {course.slug!r} (no lesson {expected})",
                "number the lessons 1, 2, 3, ... without gaps",
            )
        expected = order + 1


def _prerequisite_cycles(snapshot: Snapshot) -> Iterator[Problem]:
    graph = nx.DiGraph()
    for course in snapshot.courses:
        graph.add_node(course.slug)
        for prerequisite in course.prerequisites:
            if prerequisite != course.slug and snapshot.course(prerequisite) is not None:
                graph.add_edge(course.slug, prerequisite)
    reported: set[frozenset[str]] = set()
    for cycle in sorted(nx.simple_cycles(graph), key=lambda c: (len(c), c)):
        start = cycle.index(min(cycle))
        cycle = cycle[start:] + cycle[:start]
        if frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        course = snapshot.course(cycle[0])
        assert course is not None
        path = " -> ".join([*cycle, cycle[0]])
        yield Problem(
            course.source,
            "prerequisites",
            f"cyclic prerequisites: {path}",
            "remove one of these prerequisites to break the cycle",
        )


def _page(snapshot: Snapshot, page: Page) -> Iterator[Problem]:
    lang = getattr(page, "lang", "")
    if lang and lang not in LANGUAGES:
        yield Problem(page.source, "lang", f"{lang!r} is not supported", "use en or zh")
    access = getattr(page, "access", None)
    if access:
        yield from _entitlement(snapshot, page.source, "access", access)
        if not getattr(page, "teaser", ""):
            yield Problem(
                page.source,
                "teaser",
                "missing for a members-only page",
                "add a public `teaser:` sentence that readers see before they unlock it",
            )
    else:
        for block in page.body.blocks:
            if isinstance(block, MembersOnly) and block.entitlement:
                yield from _entitlement(snapshot, page.source, "body", block.entitlement)


def _entitlement(
    snapshot: Snapshot, source: str, field: str, entitlement: str
) -> Iterator[Problem]:
    if entitlement.startswith("course:"):
        slug = entitlement.removeprefix("course:")
        if snapshot.course(slug) is None:
            yield Problem(
                source,
                field,
                f"entitlement {entitlement!r} names an unknown course",
                "use course:SLUG of an existing course",
            )
        return
    tier = snapshot.tier(entitlement)
    if tier is None:
        names = ", ".join(t.slug for t in snapshot.tiers_by_rank() if t.rank > 0)
        yield Problem(
            source,
            field,
            f"unknown entitlement {entitlement!r}",
            f"use a tier slug ({names}) or course:SLUG",
        )
    elif tier.rank == 0:
        yield Problem(
            source,
            field,
            f"entitlement {entitlement!r} is the free tier",
            "remove the members block or name a paid tier",
        )


def check_interactions(snapshot: Snapshot) -> tuple[Snapshot, list[str], list[Problem]]:
    """Drop unreadable rows and events about unknown items; fail only when too many are bad."""
    known = {page.item_id for page in snapshot.pages()}
    kept, warnings = [], list(snapshot.rejected_interactions)
    for event in snapshot.interactions:
        if event.item not in known:
            warnings.append(f"{event.source}: item: unknown item {event.item!r}; row dropped")
        elif event.event not in EVENTS:
            warnings.append(
                f"{event.source}: event: {event.event!r} is not one of {', '.join(EVENTS)}; row dropped"
            )
        else:
            kept.append(event)
    problems = []
    total = len(snapshot.interactions) + len(snapshot.rejected_interactions)
    if warnings:
        source = (warnings[0].split(":", 1)[0]) if warnings else ""
        summary = f"{len(warnings)} of {total} rows dropped"
        if len(warnings) / total > MAX_BAD_INTERACTIONS:
            problems.append(
                Problem(
                    source,
                    "",
                    f"{summary}, more than the {MAX_BAD_INTERACTIONS:.0%} allowed",
                    "fix the rows listed as warnings",
                )
            )
        else:
            warnings.append(f"{source}: {summary} ({MAX_BAD_INTERACTIONS:.0%} allowed)")
    return snapshot.replace(interactions=tuple(kept), rejected_interactions=()), warnings, problems
