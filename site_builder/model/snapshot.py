"""The whole site as one immutable value."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from site_builder.model.entities import (
    Article,
    Author,
    Column,
    Course,
    Interaction,
    Lesson,
    LiveSession,
    Site,
    Tier,
)
from site_builder.model.topics import TopicOverrides

Page = Course | Lesson | Article | LiveSession


@dataclass(frozen=True, slots=True)
class Snapshot:
    site: Site
    tiers: tuple[Tier, ...] = ()
    authors: tuple[Author, ...] = ()
    columns: tuple[Column, ...] = ()
    courses: tuple[Course, ...] = ()
    articles: tuple[Article, ...] = ()
    live_sessions: tuple[LiveSession, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    #: One message per interaction row that could not be read at all.
    rejected_interactions: tuple[str, ...] = ()
    #: Author overrides applied to the topics the analysis finds.
    topic_overrides: TopicOverrides = field(default_factory=TopicOverrides)

    def pages(self) -> Iterator[Page]:
        """Every page with a body, in a stable order."""
        for course in self.courses:
            yield course
            yield from course.lessons
        yield from self.articles
        yield from self.live_sessions

    def tiers_by_rank(self) -> tuple[Tier, ...]:
        return tuple(sorted(self.tiers, key=lambda t: (t.rank, t.slug)))

    def tier(self, slug: str) -> Tier | None:
        return next((t for t in self.tiers if t.slug == slug), None)

    def author(self, slug: str) -> Author | None:
        return next((a for a in self.authors if a.slug == slug), None)

    def column(self, slug: str) -> Column | None:
        return next((c for c in self.columns if c.slug == slug), None)

    def course(self, slug: str) -> Course | None:
        return next((c for c in self.courses if c.slug == slug), None)

    def replace(self, **changes: object) -> Snapshot:
        return replace(self, **changes)
