"""The CMS as one snapshot: the same model the ``content/`` loader produces.

Only published pages count. Courses, articles and live sessions are ordered by
slug, as the loader orders folders and files, so that a build from the CMS and
a build from its ``export_content`` folder see the same input.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Site as WagtailSite

from site_builder.model import Site, Snapshot, TopicOverrides


def home_page() -> Any:
    """The home page of the default Wagtail site, or ``None`` before the import."""
    from home.models import HomePage

    site = WagtailSite.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    return HomePage.objects.first()


def build_snapshot() -> Snapshot:
    """Everything the build needs, members-only text included."""
    from articles.models import ArticlePage, Column
    from community.models import Interaction
    from courses.models import CoursePage
    from live.models import LiveSessionPage
    from members.models import Author, Tier
    from topics.models import TopicSettings

    home = home_page()
    topics = TopicSettings.objects.first()
    return Snapshot(
        site=home.to_snapshot() if home else Site(title="", url="", source="home page"),
        tiers=tuple(t.to_snapshot() for t in Tier.objects.all()),
        authors=tuple(a.to_snapshot() for a in Author.objects.prefetch_related("links")),
        columns=tuple(c.to_snapshot() for c in Column.objects.all()),
        courses=_by_slug(CoursePage.objects.live()),
        articles=_by_slug(ArticlePage.objects.live().select_related("author", "column")),
        live_sessions=_by_slug(LiveSessionPage.objects.live().select_related("host")),
        interactions=tuple(i.to_snapshot() for i in Interaction.objects.all()),
        topic_overrides=topics.to_snapshot() if topics else TopicOverrides(source="topic settings"),
    )


def _by_slug(pages: Any) -> tuple[Any, ...]:
    """Records in code-point order of slug, as the loader sorts file names (not by DB collation)."""
    return tuple(page.to_snapshot() for page in sorted(pages, key=lambda page: page.slug))


def shell_snapshot() -> Snapshot:
    """Just enough for the site's header and footer (title, tiers, course names)."""
    from courses.models import CoursePage
    from members.models import Tier

    home = home_page()
    return Snapshot(
        site=home.to_snapshot() if home else Site(title="Studyhall", url=""),
        tiers=tuple(t.to_snapshot() for t in Tier.objects.all()),
        courses=tuple(
            c.to_snapshot(shallow=True)
            for c in sorted(CoursePage.objects.all(), key=lambda course: course.slug)
        ),
    )


class DatabaseSource:
    """A build source that reads this CMS's database directly (for local builds)."""

    def load(self) -> tuple[Snapshot, list]:
        return build_snapshot(), []
