"""The ``content/`` folder in and out of the CMS.

The import reads the folder with the build's own loader and writes what it
finds into pages and snippets; the export writes the CMS's snapshot back as
files the loader reads. Both go through the snapshot model, so an import
followed by an export gives a folder that builds the same site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from wagtail.models import Page
from wagtail.models import Site as WagtailSite

from editorial.markdown import body_stream, body_text
from site_builder.model import Article, Body, LiveSession, MembersOnly, Snapshot
from site_builder.sources.content_dir import INTERACTION_COLUMNS, ContentDirSource
from site_builder.validate import validate


class ImportRefused(Exception):
    """The folder has problems, or the CMS is not empty."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass
class ImportReport:
    pages: int
    snippets: int
    interactions: int


def import_content(folder: Path) -> ImportReport:
    """Load a ``content/`` folder into an empty CMS and publish every page."""
    snapshot, problems = ContentDirSource(folder).load()
    problems = sorted(set(problems + validate(snapshot)))
    if problems:
        raise ImportRefused([str(p) for p in problems])
    from courses.models import CoursePage

    if CoursePage.objects.exists():
        raise ImportRefused(["the CMS already has courses; import into an empty database"])
    with transaction.atomic():
        return _Importer(snapshot).run()


class _Importer:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.pages = 0

    def run(self) -> ImportReport:
        from community.models import Interaction

        tiers, authors, columns = self._snippets()
        home = self._home()
        courses = self._courses(home, tiers, authors)
        self._articles(home, authors, columns)
        self._live_sessions(home, authors)
        home.featured_courses.set([])
        for slug in self.snapshot.site.featured_courses:
            home.featured_courses.create(course=courses[slug])
        self._publish(home)
        self._topic_settings()
        Interaction.objects.bulk_create(
            Interaction(reader=i.reader, item=i.item, event=i.event, time=i.time)
            for i in self.snapshot.interactions
        )
        return ImportReport(
            self.pages, len(tiers) + len(authors) + len(columns), len(self.snapshot.interactions)
        )

    def _snippets(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        from articles.models import Column
        from members.models import Author, AuthorLink, Tier

        tiers = {}
        for n, t in enumerate(self.snapshot.tiers):
            tiers[t.slug] = Tier.objects.create(
                slug=t.slug,
                name=t.name,
                rank=t.rank,
                price_monthly=t.price_monthly,
                price_yearly=t.price_yearly,
                currency=t.currency,
                description=t.description,
                benefits="\n".join(t.benefits),
                sort_order=n,
            )
        authors = {}
        for n, a in enumerate(self.snapshot.authors):
            author = Author(slug=a.slug, name=a.name, bio=a.bio, sort_order=n)
            author.links = [
                AuthorLink(label=label, url=url, sort_order=m)
                for m, (label, url) in enumerate(a.links)
            ]
            author.save()
            authors[a.slug] = author
        columns = {
            c.slug: Column.objects.create(
                slug=c.slug, name=c.name, description=c.description, sort_order=n
            )
            for n, c in enumerate(self.snapshot.columns)
        }
        return tiers, authors, columns

    def _home(self) -> Any:
        from home.models import HomePage

        site = self.snapshot.site
        root = Page.get_first_root_node()
        for page in root.get_children():
            if page.specific_class is Page and page.is_leaf():
                page.delete()  # Wagtail's "welcome" page (and the site record pointing at it)
        home = HomePage(
            title=site.title,
            slug="home",
            tagline=site.tagline,
            description=site.description,
            public_url=site.url,
            language=site.language,
            key_epoch_days=site.key_epoch_days,
        )
        root.add_child(instance=home)
        wagtail_site = WagtailSite.objects.filter(is_default_site=True).first()
        if wagtail_site is None:
            WagtailSite.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name=site.title
            )
        else:
            wagtail_site.root_page = home
            wagtail_site.site_name = site.title
            wagtail_site.save()
        return home

    def _add(self, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        self.pages += 1
        return page

    def _index(self, home: Page, model: Any, title: str, slug: str) -> Any:
        index = self._add(home, model(title=title, slug=slug))
        self._publish(index)
        return index

    def _courses(self, home: Page, tiers: dict[str, Any], authors: dict[str, Any]) -> dict:
        from courses.models import CourseIndexPage, CoursePage, LessonPage

        index = self._index(home, CourseIndexPage, "Courses", "courses")
        pages = {}
        for course in self.snapshot.courses:
            page = CoursePage(
                title=course.title,
                slug=course.slug,
                summary=course.summary,
                level=course.level,
                tier=tiers.get(course.tier),
                lang=course.lang,
                body=body_stream(course.body),
            )
            for slug in course.authors:
                page.author_links.add(page.author_links.model(author=authors[slug]))
            page.tags.add(*course.tags)
            pages[course.slug] = self._add(index, page)
        for course in self.snapshot.courses:
            page = pages[course.slug]
            for slug in course.prerequisites:
                page.prerequisite_links.add(page.prerequisite_links.model(prerequisite=pages[slug]))
            page.save()
            self._publish(page)
            for lesson in course.lessons:
                child = LessonPage(
                    title=lesson.title,
                    slug=lesson.slug,
                    summary=lesson.summary,
                    lang=lesson.lang,
                    **_access(lesson.access, lesson.teaser, lesson.body),
                )
                self._publish(self._add(page, child))
        return pages

    def _articles(self, home: Page, authors: dict[str, Any], columns: dict[str, Any]) -> None:
        from articles.models import ArticleIndexPage, ArticlePage

        index = self._index(home, ArticleIndexPage, "Articles", "articles")
        for article in self.snapshot.articles:
            page = ArticlePage(
                title=article.title,
                slug=article.slug,
                date=article.date,
                author=authors[article.author],
                column=columns[article.column],
                summary=article.summary,
                lang=article.lang,
                **_access(article.access, article.teaser, article.body),
            )
            page.tags.add(*article.tags)
            self._publish(self._add(index, page))

    def _live_sessions(self, home: Page, authors: dict[str, Any]) -> None:
        from live.models import LiveSessionIndexPage, LiveSessionPage

        index = self._index(home, LiveSessionIndexPage, "Live sessions", "live")
        for session in self.snapshot.live_sessions:
            assert session.start is not None
            page = LiveSessionPage(
                title=session.title,
                slug=session.slug,
                start_date=session.start.date(),
                start_time=session.start.time().replace(tzinfo=None),
                timezone=session.timezone,
                duration_minutes=session.duration_minutes,
                host=authors[session.host],
                stream_url=session.stream_url,
                replay_url=session.replay_url,
                summary=session.summary,
                lang=session.lang,
                **_access(session.access, session.teaser, session.body),
            )
            self._publish(self._add(index, page))

    def _topic_settings(self) -> None:
        """``topics.yml`` as rows; pins point at the pages just imported."""
        from topics.models import TopicMerge, TopicPin, TopicRename, TopicSettings
        from topics.pages import live_pages_by_item_id

        overrides = self.snapshot.topic_overrides
        settings = TopicSettings.objects.first() or TopicSettings()
        pages = live_pages_by_item_id()
        settings.renames = [
            TopicRename(slug=slug, label=label, sort_order=n)
            for n, (slug, label) in enumerate(overrides.rename.items())
        ]
        settings.merges = [
            TopicMerge(slug=slug, into=into, sort_order=n)
            for n, (slug, into) in enumerate(overrides.merge.items())
        ]
        settings.pins = [
            TopicPin(page=pages[item], topic=topic, sort_order=n)
            for n, (item, topic) in enumerate(overrides.pin.items())
        ]
        settings.save()

    def _publish(self, page: Page) -> None:
        page.save_revision().publish()


def _access(access: str | None, teaser: str, body: Body) -> dict[str, Any]:
    """Page-level members-only pages keep their whole text as one public-looking block."""
    if access:
        text = body.blocks[0].text if body.blocks else ""
        stream = [{"type": "markdown", "value": text}] if text.strip() else []
        return {"access": access, "teaser": teaser, "body": stream}
    return {"access": "", "teaser": teaser, "body": body_stream(body)}


def export_content(snapshot: Snapshot, folder: Path) -> int:
    """Write ``snapshot`` as a ``content/`` folder; returns the number of files written."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    site = snapshot.site
    files["site.yml"] = _yaml(
        {
            "title": site.title,
            "tagline": site.tagline,
            "description": site.description,
            "url": site.url,
            "language": site.language,
            "featured_courses": list(site.featured_courses),
            "key_epoch_days": site.key_epoch_days,
        }
    )
    files["tiers.yml"] = _yaml(
        [
            {
                "slug": t.slug,
                "name": t.name,
                "rank": t.rank,
                "price_monthly": t.price_monthly,
                "price_yearly": t.price_yearly,
                "currency": t.currency,
                "description": t.description,
                "benefits": list(t.benefits),
            }
            for t in snapshot.tiers
        ]
    )
    files["authors.yml"] = _yaml(
        [
            {"slug": a.slug, "name": a.name, "bio": a.bio, "links": dict(a.links)}
            for a in snapshot.authors
        ]
    )
    files["columns.yml"] = _yaml(
        [{"slug": c.slug, "name": c.name, "description": c.description} for c in snapshot.columns]
    )
    for course in snapshot.courses:
        meta = {
            "title": course.title,
            "summary": course.summary,
            "level": course.level,
            "tier": course.tier,
            "authors": list(course.authors),
            "prerequisites": list(course.prerequisites),
            "tags": list(course.tags),
            "lang": course.lang,
        }
        files[f"courses/{course.slug}/course.md"] = _page(meta, course.body)
        for lesson in course.lessons:
            meta = {
                "title": lesson.title,
                "order": lesson.order,
                "summary": lesson.summary,
                "lang": lesson.lang,
                "access": lesson.access,
                "teaser": lesson.teaser,
            }
            name = f"{lesson.order or 0:02d}-{lesson.slug}.md"
            files[f"courses/{course.slug}/{name}"] = _page(meta, lesson.body)
    for article in snapshot.articles:
        files[f"articles/{article.slug}.md"] = _page(_article_meta(article), article.body)
    for session in snapshot.live_sessions:
        files[f"live/{session.slug}.md"] = _page(_live_meta(session), session.body)
    overrides = snapshot.topic_overrides
    sections = {"rename": overrides.rename, "merge": overrides.merge, "pin": overrides.pin}
    if overrides:
        files["topics.yml"] = _yaml({name: dict(rows) for name, rows in sections.items() if rows})
    if snapshot.interactions:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(INTERACTION_COLUMNS)
        for event in snapshot.interactions:
            writer.writerow([event.reader, event.item, event.event, _utc(event.time)])
        files["interactions.csv"] = out.getvalue()
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)


def _article_meta(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "date": article.date,
        "author": article.author,
        "column": article.column,
        "tags": list(article.tags),
        "lang": article.lang,
        "summary": article.summary,
        "access": article.access,
        "teaser": article.teaser,
    }


def _live_meta(session: LiveSession) -> dict[str, Any]:
    start = session.start
    wall = ""
    if start is not None:
        spec = "minutes" if start.second == 0 and start.microsecond == 0 else "seconds"
        wall = start.replace(tzinfo=None).isoformat(sep=" ", timespec=spec)
    return {
        "title": session.title,
        "start": wall or None,
        "timezone": session.timezone,
        "duration": session.duration_minutes,
        "host": session.host,
        "lang": session.lang,
        "summary": session.summary,
        "stream_url": session.stream_url,
        "replay_url": session.replay_url,
        "access": session.access,
        "teaser": session.teaser,
    }


def _page(meta: dict[str, Any], body: Body) -> str:
    """Front matter (empty values left out, as the loader defaults them) and the body."""
    kept = {k: v for k, v in meta.items() if v not in (None, "", [])}
    if kept.get("access"):
        members = next((b for b in body.blocks if isinstance(b, MembersOnly)), None)
        text = members.text if members else ""
    else:
        text = body_text(body)
    return f"---\n{_yaml(kept)}---\n{text}\n"


class _Dumper(yaml.SafeDumper):
    """YAML as people write it in ``content/``: short lists on one line, long lines kept."""


_Dumper.add_representer(
    list,
    lambda dumper, items: dumper.represent_sequence(
        "tag:yaml.org,2002:seq",
        items,
        flow_style=all(isinstance(item, str | int) for item in items),
    ),
)


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
