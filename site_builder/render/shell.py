"""The shared look: header, navigation and assets every renderer's pages carry."""

from __future__ import annotations

import re
from typing import Any

from site_builder.model import Snapshot
from site_builder.render import urls

_MARKUP = re.compile(r"[`*_#>\[\]()!|~]|<[^>]+>")


def shell_context(snapshot: Snapshot, assets: dict[str, str]) -> dict[str, Any]:
    site = snapshot.site
    return {
        "site": {
            "title": site.title,
            "tagline": site.tagline,
            "description": site.description,
            "url": site.url,
            "language": site.language,
        },
        "nav": [
            {"key": "courses", "title": "Courses", "url": urls.COURSES},
            {"key": "articles", "title": "Articles", "url": urls.ARTICLES},
            {"key": "live", "title": "Live", "url": urls.LIVE},
            {"key": "pricing", "title": "Pricing", "url": urls.PRICING},
        ],
        "assets": assets,
        "feed": urls.FEED,
    }


def plain_excerpt(markdown: str, limit: int = 180) -> str:
    """A one-line excerpt from public Markdown (never from a members-only body)."""
    for paragraph in re.split(r"\n\s*\n", markdown):
        stripped = paragraph.strip()
        if not stripped or stripped.startswith(("#", "```", "~~~", "!!!", "???", "|", "<", "    ")):
            continue
        text = " ".join(_MARKUP.sub("", stripped).split())
        if text:
            return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return ""


def plain_text(markdown: str) -> str:
    """Public Markdown as one line of words, for search and excerpts."""
    kept = [
        line
        for line in markdown.splitlines()
        if not line.lstrip().startswith(("```", "~~~", "!!!", "???", "|"))
    ]
    return " ".join(_MARKUP.sub(" ", " ".join(kept)).split())


def description(page: Any, fallback: str) -> str:
    """Meta description: the author's summary or teaser, else the first public paragraph."""
    teaser = getattr(page, "teaser", "")
    return page.summary or teaser or plain_excerpt(page.body.public_text) or fallback
