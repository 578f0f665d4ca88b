"""Plain records for everything a site is made of.

Each record keeps ``source``: the file or CMS page it came from, so that a
validation problem can name where to fix it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from site_builder.model.body import Body

LEVELS = ("beginner", "intermediate", "advanced")


@dataclass(frozen=True, slots=True)
class Site:
    title: str
    url: str
    tagline: str = ""
    description: str = ""
    language: str = "en"
    featured_courses: tuple[str, ...] = ()
    key_epoch_days: int = 30
    source: str = "site.yml"


@dataclass(frozen=True, slots=True)
class Tier:
    """A membership level; a higher ``rank`` includes every lower tier."""

    slug: str
    name: str
    rank: int
    price_monthly: int = 0
    price_yearly: int = 0
    currency: str = "usd"
    description: str = ""
    benefits: tuple[str, ...] = ()
    source: str = "tiers.yml"


@dataclass(frozen=True, slots=True)
class Author:
    slug: str
    name: str
    bio: str = ""
    links: tuple[tuple[str, str], ...] = ()
    source: str = "authors.yml"


@dataclass(frozen=True, slots=True)
class Column:
    """A series of articles with one voice and one feed."""

    slug: str
    name: str
    description: str = ""
    source: str = "columns.yml"


@dataclass(frozen=True, slots=True)
class Lesson:
    course: str
    slug: str
    title: str
    order: int | None
    body: Body
    summary: str = ""
    lang: str = ""
    access: str | None = None
    teaser: str = ""
    source: str = ""

    @property
    def item_id(self) -> str:
        return f"lesson:{self.course}/{self.slug}"


@dataclass(frozen=True, slots=True)
class Course:
    slug: str
    title: str
    body: Body
    lessons: tuple[Lesson, ...] = ()
    summary: str = ""
    level: str = "beginner"
    tier: str = "free"
    authors: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    lang: str = ""
    source: str = ""

    @property
    def item_id(self) -> str:
        return f"course:{self.slug}"


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    date: dt.date | None
    body: Body
    author: str = ""
    column: str = ""
    tags: tuple[str, ...] = ()
    summary: str = ""
    lang: str = ""
    access: str | None = None
    teaser: str = ""
    source: str = ""

    @property
    def item_id(self) -> str:
        return f"article:{self.slug}"


@dataclass(frozen=True, slots=True)
class LiveSession:
    slug: str
    title: str
    start: dt.datetime | None
    body: Body
    timezone: str = "UTC"
    duration_minutes: int = 60
    host: str = ""
    stream_url: str = ""
    replay_url: str = ""
    summary: str = ""
    lang: str = ""
    access: str | None = None
    teaser: str = ""
    source: str = ""

    @property
    def item_id(self) -> str:
        return f"live:{self.slug}"

    @property
    def end(self) -> dt.datetime | None:
        if self.start is None:
            return None
        return self.start + dt.timedelta(minutes=self.duration_minutes)


@dataclass(frozen=True, slots=True)
class Interaction:
    """One reader event; kept apart from the content it refers to."""

    reader: str
    item: str
    event: str
    time: dt.datetime
    source: str = field(default="interactions.csv", compare=False)
