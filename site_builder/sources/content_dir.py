"""Load a snapshot from a ``content/`` folder of YAML and Markdown files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from site_builder.model import (
    Article,
    Author,
    Body,
    Column,
    Course,
    Interaction,
    Lesson,
    LiveSession,
    Site,
    Snapshot,
    Tier,
)
from site_builder.sources.body_parser import parse_body, whole_page_body
from site_builder.sources.fields import Fields
from site_builder.sources.files import read_page, read_text, read_yaml
from site_builder.sources.topics_file import read_topic_overrides
from site_builder.validate.problem import Problem

_LESSON_FILE = re.compile(r"^(?:(?P<order>\d+)-)?(?P<slug>.+)$")
INTERACTION_COLUMNS = ("reader", "item", "event", "time")


class ContentDirSource:
    """Reads ``content/``; :meth:`load` returns the snapshot and every problem found."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def load(self) -> tuple[Snapshot, list[Problem]]:
        problems: list[Problem] = []
        if not self.root.is_dir():
            problems.append(
                Problem(
                    str(self.root), "", "is not a folder", "pass --content with a content folder"
                )
            )
            return Snapshot(site=Site(title="", url="")), problems
        events, rejected = self._interactions(problems)
        topics_path = self.root / "topics.yml"
        overrides, topic_problems = read_topic_overrides(topics_path, self.shown(topics_path))
        problems.extend(topic_problems)
        snapshot = Snapshot(
            site=self._site(problems),
            tiers=tuple(self._list("tiers.yml", _tier, problems)),
            authors=tuple(self._list("authors.yml", _author, problems)),
            columns=tuple(self._list("columns.yml", _column, problems)),
            courses=tuple(self._courses(problems)),
            articles=tuple(self._pages("articles", _article, problems)),
            live_sessions=tuple(self._pages("live", _live_session, problems)),
            interactions=tuple(events),
            rejected_interactions=tuple(rejected),
            topic_overrides=overrides,
        )
        return snapshot, problems

    def shown(self, path: Path) -> str:
        """A path as the author sees it: relative to the folder above ``content/``."""
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def _site(self, problems: list[Problem]) -> Site:
        path = self.root / "site.yml"
        shown = self.shown(path)
        if not path.exists():
            problems.append(
                Problem(shown, "", "is missing", "create it with at least `title:` and `url:`")
            )
            return Site(title="", url="", source=shown)
        data = read_yaml(path, shown, problems)
        if data is None:
            return Site(title="", url="", source=shown)
        if not isinstance(data, dict):
            problems.append(Problem(shown, "", "is not a mapping", "write `key: value` lines"))
            return Site(title="", url="", source=shown)
        fields = Fields(data, shown, problems)
        return Site(
            title=fields.text("title", required=True),
            url=fields.text("url", "http://localhost:8000").rstrip("/"),
            tagline=fields.text("tagline"),
            description=fields.text("description"),
            language=fields.text("language", "en"),
            featured_courses=fields.strings("featured_courses"),
            key_epoch_days=fields.integer("key_epoch_days", 30, minimum=1) or 30,
            source=shown,
        )

    def _list(self, name: str, build: Any, problems: list[Problem]) -> list[Any]:
        path = self.root / name
        shown = self.shown(path)
        if not path.exists():
            problems.append(
                Problem(shown, "", "is missing", f"create {name} (see README: content format)")
            )
            return []
        data = read_yaml(path, shown, problems)
        if data is None:
            return []
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            problems.append(
                Problem(
                    shown, "", "is not a list of entries", "start each entry with `- slug: ...`"
                )
            )
            return []
        return [build(Fields(item, f"{shown}[{n}]", problems)) for n, item in enumerate(data)]

    def _courses(self, problems: list[Problem]) -> list[Course]:
        folder = self.root / "courses"
        courses = []
        for course_dir in sorted(p for p in folder.glob("*") if p.is_dir()):
            path = course_dir / "course.md"
            if not path.exists():
                problems.append(
                    Problem(
                        self.shown(path), "", "is missing", "every course folder needs a course.md"
                    )
                )
                continue
            page = read_page(path, self.shown(path), problems)
            if page is None:
                continue
            meta, text, offset = page
            fields = Fields(meta, self.shown(path), problems)
            slug = fields.text("slug", course_dir.name)
            lessons = [
                self._lesson(lesson_path, slug, problems)
                for lesson_path in sorted(course_dir.glob("*.md"))
                if lesson_path.name != "course.md"
            ]
            body, body_problems = parse_body(text, fields.path, line_offset=offset)
            problems.extend(body_problems)
            courses.append(
                Course(
                    slug=slug,
                    title=fields.text("title", required=True),
                    body=body,
                    lessons=tuple(
                        sorted(
                            (lesson for lesson in lessons if lesson is not None),
                            key=lambda lesson: (lesson.order or 0, lesson.slug),
                        )
                    ),
                    summary=fields.text("summary"),
                    level=fields.text("level", "beginner"),
                    tier=fields.text("tier", "free"),
                    authors=fields.strings("authors"),
                    prerequisites=fields.strings("prerequisites"),
                    tags=fields.strings("tags"),
                    lang=fields.text("lang"),
                    source=fields.path,
                )
            )
        return courses

    def _lesson(self, path: Path, course: str, problems: list[Problem]) -> Lesson | None:
        page = read_page(path, self.shown(path), problems)
        if page is None:
            return None
        meta, text, offset = page
        fields = Fields(meta, self.shown(path), problems)
        name = _LESSON_FILE.match(path.stem)
        assert name is not None
        prefix = int(name.group("order")) if name.group("order") else None
        access, teaser, body = _page_access(fields, text, offset)
        return Lesson(
            course=course,
            slug=fields.text("slug", name.group("slug")),
            title=fields.text("title", required=True),
            order=fields.integer("order", prefix, minimum=1),
            body=body,
            summary=fields.text("summary"),
            lang=fields.text("lang"),
            access=access,
            teaser=teaser,
            source=fields.path,
        )

    def _pages(self, folder: str, build: Any, problems: list[Problem]) -> list[Any]:
        pages = []
        for path in sorted((self.root / folder).glob("*.md")):
            page = read_page(path, self.shown(path), problems)
            if page is not None:
                meta, text, offset = page
                pages.append(
                    build(Fields(meta, self.shown(path), problems), path.stem, text, offset)
                )
        return pages

    def _interactions(self, problems: list[Problem]) -> tuple[list[Interaction], list[str]]:
        path = self.root / "interactions.csv"
        if not path.exists():
            return [], []
        shown = self.shown(path)
        text = read_text(path, shown, problems)
        if text is None:
            return [], []
        return read_interactions(text, shown, problems)


def read_interactions(
    text: str, shown: str, problems: list[Problem]
) -> tuple[list[Interaction], list[str]]:
    """Rows of ``reader,item,event,time`` and one message per malformed row.

    A bad header fails the build; a bad row is only dropped and counted, so that
    a few broken lines in a large log do not stop a build.
    """
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None or tuple(h.strip() for h in header) != INTERACTION_COLUMNS:
        problems.append(
            Problem(
                shown,
                "",
                f"line 1: header is {header!r}",
                "the first line must be reader,item,event,time",
            )
        )
        return [], []
    events: list[Interaction] = []
    rejected: list[str] = []
    for line_number, row in enumerate(rows, start=2):
        if len(row) != 4:
            rejected.append(
                f"{shown}:{line_number}: {len(row)} columns instead of reader,item,event,time; row dropped"
            )
            continue
        reader, item, event, moment = (cell.strip() for cell in row)
        try:
            time = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            rejected.append(
                f"{shown}:{line_number}: time: {moment!r} is not an ISO 8601 time "
                "(e.g. 2026-03-01T10:15:00Z); row dropped"
            )
            continue
        if time.tzinfo is None:
            time = time.replace(tzinfo=dt.UTC)
        events.append(Interaction(reader, item, event, time, source=f"{shown}:{line_number}"))
    return events, rejected


def _page_access(fields: Fields, text: str, line_offset: int) -> tuple[str | None, str, Body]:
    access = fields.text("access") or None
    teaser = fields.text("teaser")
    if access:
        return access, teaser, whole_page_body(text, access)
    body, body_problems = parse_body(text, fields.path, line_offset=line_offset)
    fields.problems.extend(body_problems)
    return None, teaser, body


def _tier(f: Fields) -> Tier:
    return Tier(
        slug=f.text("slug", required=True),
        name=f.text("name", required=True),
        rank=f.integer("rank", 0) or 0,
        price_monthly=f.integer("price_monthly", 0) or 0,
        price_yearly=f.integer("price_yearly", 0) or 0,
        currency=f.text("currency", "usd").lower(),
        description=f.text("description"),
        benefits=f.strings("benefits"),
        source=f.path,
    )


def _author(f: Fields) -> Author:
    links = f.data.get("links") or {}
    if not isinstance(links, dict):
        f.problem("links", "expected a mapping", "write `links: {github: https://...}`")
        links = {}
    return Author(
        slug=f.text("slug", required=True),
        name=f.text("name", required=True),
        bio=f.text("bio"),
        links=tuple((str(k), str(v)) for k, v in links.items()),
        source=f.path,
    )


def _column(f: Fields) -> Column:
    return Column(
        slug=f.text("slug", required=True),
        name=f.text("name", required=True),
        description=f.text("description"),
        source=f.path,
    )


def _article(f: Fields, stem: str, text: str, offset: int) -> Article:
    access, teaser, body = _page_access(f, text, offset)
    return Article(
        slug=f.text("slug", stem),
        title=f.text("title", required=True),
        date=f.date("date", required=True),
        body=body,
        author=f.text("author", required=True),
        column=f.text("column", required=True),
        tags=f.strings("tags"),
        summary=f.text("summary"),
        lang=f.text("lang"),
        access=access,
        teaser=teaser,
        source=f.path,
    )


def _live_session(f: Fields, stem: str, text: str, offset: int) -> LiveSession:
    access, teaser, body = _page_access(f, text, offset)
    start, zone = f.moment("start", "timezone")
    return LiveSession(
        slug=f.text("slug", stem),
        title=f.text("title", required=True),
        start=start,
        body=body,
        timezone=zone,
        duration_minutes=f.integer("duration", 60, minimum=1) or 60,
        host=f.text("host", required=True),
        stream_url=f.text("stream_url"),
        replay_url=f.text("replay_url"),
        summary=f.text("summary"),
        lang=f.text("lang"),
        access=access,
        teaser=teaser,
        source=f.path,
    )
