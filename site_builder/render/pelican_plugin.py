"""Pelican extensions: a reader for gated articles and a generator for Studyhall's pages."""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path
from typing import Any, ClassVar

from pelican.generators import Generator
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import SafeDatetime

from site_builder.render import urls
from site_builder.render.markdown import MarkdownRenderer


def _named(kind: type, name: str, slug: str, settings: dict[str, Any]) -> Any:
    wrapper = kind(name, settings)
    wrapper.slug = slug
    return wrapper


class GatedArticleReader(BaseReader):
    """Reads the JSON the pipeline writes for each article: gated Markdown plus metadata."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["json"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self._markdown = MarkdownRenderer()

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        record = json.loads(Path(source_path).read_text(encoding="utf-8"))
        content, toc = self._markdown.html(record["markdown"])
        date = dt.date.fromisoformat(record["date"])
        metadata = {
            "title": record["title"],
            "slug": record["slug"],
            "lang": record["lang"],
            "date": SafeDatetime(date.year, date.month, date.day),
            "category": _named(
                Category, record["column"]["name"], record["column"]["slug"], self.settings
            ),
            "authors": [
                _named(Author, record["author"]["name"], record["author"]["slug"], self.settings)
            ],
            "tags": [Tag(tag, self.settings) for tag in record["tags"]],
            "summary": escape(record["summary"]),
            "description": record["summary"],
            "item": record["item"],
            "locked_for": record["locked_for"],
            "toc": toc,
        }
        return content, metadata


class StudyhallGenerator(Generator):
    """Writes the pages Pelican has no notion of: catalogue, pricing, live sessions, authors."""

    def generate_context(self) -> None:
        self._markdown = MarkdownRenderer()

    def generate_output(self, writer: Any) -> None:
        site = self.settings["STUDYHALL"]
        context = self.context

        def write(url: str, template: str, **values: Any) -> None:
            writer.write_file(
                urls.output_path(url),
                self.get_template(template),
                context,
                url=url.lstrip("/"),
                **values,
            )

        write(urls.COURSES, "courses", page_name="courses")
        write(urls.PRICING, "pricing", page_name="pricing")
        write(urls.LIVE, "live", page_name="live")
        write(urls.SEARCH, "search", page_name="search")
        write(urls.UNLOCK, "unlock", page_name="unlock")
        if "topics" in site:
            write(urls.TOPICS, "topics", page_name="topics")
            write(urls.PATHS, "paths", page_name="paths")
            for topic in site["topics"]:
                write(topic["url"], "topic", topic=topic, page_name="topics")
        for session in site["live"]:
            body, toc = self._markdown.html(session["markdown"])
            write(
                session["url"],
                "live_session",
                session=session,
                content=body,
                toc=toc,
                page_name="live",
            )
        articles_by_author: dict[str, list[Any]] = {}
        for article in context["articles"]:
            for author in article.authors:
                articles_by_author.setdefault(author.slug, []).append(article)
        for author in site["authors"]:
            write(
                author["url"],
                "author",
                author=author,
                articles=articles_by_author.get(author["slug"], []),
                page_name="authors",
            )
        writer.write_file(
            "404.html", self.get_template("404"), context, url="404.html", page_name="404"
        )
