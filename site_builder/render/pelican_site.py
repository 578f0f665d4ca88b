"""The site shell and the publication with Pelican.

Articles reach Pelican through :class:`GatedArticleReader`, which reads gated
Markdown the pipeline wrote as JSON; everything else that is not an article
(courses, pricing, live sessions, every author) is written by
:class:`StudyhallGenerator`, Pelican's own extension point for new page kinds.
"""

from __future__ import annotations

import io
import json
import logging
from contextlib import redirect_stderr, redirect_stdout
from typing import Any

from site_builder.model import Snapshot
from site_builder.render import urls
from site_builder.render.base import RenderContext, RenderJob
from site_builder.render.gated_body import entitlement_label, gated_markdown
from site_builder.render.shell import description


class PelicanSiteRenderer:
    name = "pelican"

    def jobs(self, context: RenderContext) -> list[RenderJob]:
        snapshot = context.snapshot
        content = context.work_dir / "pelican" / "content"
        (content / "articles").mkdir(parents=True, exist_ok=True)
        for article in snapshot.articles:
            column = snapshot.column(article.column)
            author = snapshot.author(article.author)
            record = {
                "title": article.title,
                "slug": article.slug,
                "date": article.date.isoformat() if article.date else "1970-01-01",
                "lang": article.lang or snapshot.site.language,
                "column": {
                    "name": column.name if column else article.column,
                    "slug": article.column,
                },
                "author": {
                    "name": author.name if author else article.author,
                    "slug": article.author,
                },
                "tags": list(article.tags),
                "summary": description(article, snapshot.site.description),
                "item": article.item_id,
                "locked_for": entitlement_label(snapshot, article.access) if article.access else "",
                "markdown": gated_markdown(
                    snapshot,
                    article.item_id,
                    article.body,
                    article.teaser if article.access else "",
                ),
            }
            path = content / "articles" / f"{article.slug}.json"
            path.write_text(
                json.dumps(record, ensure_ascii=False, sort_keys=True), encoding="utf-8"
            )
        payload = {
            "content": str(content),
            "output": str(context.out_dir),
            "theme": str(context.theme_dir / "pelican"),
            "templates": str(context.theme_dir / "templates"),
            "settings": _settings(snapshot, context),
        }
        return [RenderJob("site shell", run_pelican, payload, weight=len(snapshot.articles) + 10)]


def _settings(snapshot: Snapshot, context: RenderContext) -> dict[str, Any]:
    site = snapshot.site
    return {
        "SITENAME": site.title,
        "SITEURL": site.url,
        "FEED_DOMAIN": site.url,
        "DEFAULT_LANG": site.language,
        "TIMEZONE": "UTC",
        "SHELL": context.shell,
        "STUDYHALL": context.extra["site_context"],
    }


def run_pelican(payload: dict[str, Any]) -> list[str]:
    """Run Pelican once; returns its warnings. Runs in a worker process."""
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    from site_builder.render.pelican_plugin import GatedArticleReader, StudyhallGenerator

    def generators(_: object) -> type:
        return StudyhallGenerator

    overrides = {
        "PATH": payload["content"],
        "OUTPUT_PATH": payload["output"],
        "THEME": payload["theme"],
        "THEME_TEMPLATES_OVERRIDES": [payload["templates"]],
        "THEME_STATIC_PATHS": [],
        "STATIC_PATHS": [],
        "READERS": {"json": GatedArticleReader, "md": None, "html": None, "htm": None, "rst": None},
        "ARTICLE_PATHS": ["articles"],
        "PAGE_PATHS": [],
        "ARTICLE_URL": "articles/{slug}/",
        "ARTICLE_SAVE_AS": "articles/{slug}/index.html",
        "ARTICLE_LANG_URL": "articles/{slug}/",
        "ARTICLE_LANG_SAVE_AS": "articles/{slug}/index.html",
        "ARTICLE_TRANSLATION_ID": None,
        "PAGE_TRANSLATION_ID": None,
        "CATEGORY_URL": "columns/{slug}/",
        "CATEGORY_SAVE_AS": "columns/{slug}/index.html",
        "CATEGORIES_SAVE_AS": "columns/index.html",
        "TAG_URL": "tags/{slug}/",
        "TAG_SAVE_AS": "tags/{slug}/index.html",
        "TAGS_SAVE_AS": "tags/index.html",
        # Author pages come from StudyhallGenerator: every author gets one,
        # not only those who wrote an article.
        "AUTHOR_SAVE_AS": "",
        "AUTHORS_SAVE_AS": "authors/index.html",
        "ARCHIVES_SAVE_AS": "articles/index.html",
        "YEAR_ARCHIVE_SAVE_AS": "",
        "MONTH_ARCHIVE_SAVE_AS": "",
        "DAY_ARCHIVE_SAVE_AS": "",
        "DIRECT_TEMPLATES": ["index", "archives", "categories", "tags", "authors"],
        "PAGINATED_TEMPLATES": {},
        "DEFAULT_PAGINATION": False,
        "FEED_ALL_ATOM": urls.FEED.lstrip("/"),
        "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
        "FEED_ALL_RSS": None,
        "CATEGORY_FEED_RSS": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "TAG_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "FEED_MAX_ITEMS": 30,
        "RELATIVE_URLS": False,
        "DELETE_OUTPUT_DIRECTORY": False,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "TYPOGRIFY": False,
        "PLUGINS": [],
        "DEFAULT_DATE_FORMAT": "%Y-%m-%d",
        **payload["settings"],
    }
    settings = read_settings(path=None, override=overrides)
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(f"pelican: {record.getMessage()}")

    logger = logging.getLogger("pelican")
    handler = Collect(level=logging.WARNING)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    signals.get_generators.connect(generators)
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            Pelican(settings).run()
    finally:
        signals.get_generators.disconnect(generators)
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return warnings
