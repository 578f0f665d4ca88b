"""Small hand-made snapshots for the analysis tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_builder.model import Article, Body, Course, Interaction, Lesson, Markdown, Site, Snapshot
from site_builder.sources.content_dir import ContentDirSource

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def article(slug: str, title: str, text: str, *, tags: tuple[str, ...] = ()) -> Article:
    return Article(
        slug=slug,
        title=title,
        date=dt.date(2026, 1, 1),
        body=Body((Markdown(text),)),
        author="a",
        column="c",
        tags=tags,
    )


def course(slug: str, title: str, lessons: list[tuple[str, str, str]], **extra: object) -> Course:
    return Course(
        slug=slug,
        title=title,
        body=Body((Markdown(title),)),
        lessons=tuple(
            Lesson(course=slug, slug=s, title=t, order=n, body=Body((Markdown(text),)))
            for n, (s, t, text) in enumerate(lessons, start=1)
        ),
        **extra,  # type: ignore[arg-type]
    )


def event(reader: str, item: str, minute: int) -> Interaction:
    return Interaction(
        reader, item, "view", dt.datetime(2026, 3, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=minute)
    )


def snapshot(
    *pages: Article, courses: tuple[Course, ...] = (), interactions: tuple[Interaction, ...] = ()
) -> Snapshot:
    return Snapshot(
        site=Site(title="t", url="http://x"),
        courses=courses,
        articles=tuple(pages),
        interactions=interactions,
    )


@pytest.fixture(scope="session")
def demo() -> Snapshot:
    """The demo site in content/, as the build loads it."""
    loaded, problems = ContentDirSource(ROOT / "content").load()
    assert not problems, problems
    return loaded


@pytest.fixture(scope="session")
def demo_result(demo: Snapshot):
    """One analysis of the demo site, shared by tests that only read it."""
    from site_builder.analysis import analyse

    return analyse(demo)
