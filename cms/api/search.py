"""Public search: the site's own Whoosh index and ranking, never Wagtail's search backend.

The CMS answers with what ``python build.py search`` and the static site's
search box answer, because it asks the same index built the same way: from
the published pages as one snapshot (what the build export sends), gated
with a throwaway key exactly as the build gates it, so members-only text is
ciphertext before indexing and can never come back out of a search.

Building the index takes a moment, so it is kept in memory until what is
live changes: its key is a fingerprint of the live pages (each one's live
revision and path) and of the snippets whose names appear in results. The
next search after a publish builds it again; each web process keeps its own.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass

from whoosh.index import Index

from site_builder.search import index_snapshot
from site_builder.search.documents import KINDS
from site_builder.search_cli import sealed_for_search
from site_builder.validate import validate

logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The published content cannot be indexed (it fails validation)."""


@dataclass(frozen=True)
class PublicIndex:
    """The index of what is live, and where its pages are in the CMS."""

    index: Index
    #: Site path ("/courses/rust/borrowing/") -> Wagtail page id.
    page_ids: dict[str, int]
    langs: tuple[str, ...]
    kinds: tuple[str, ...] = KINDS


_lock = threading.Lock()
_cached: tuple[str, PublicIndex] | None = None


def live_fingerprint() -> str:
    """Changes whenever a publish, unpublish, move or snippet edit changes what is indexed."""
    from wagtail.models import Page

    from articles.models import Column
    from members.models import Author, Tier

    digest = hashlib.sha256()
    rows = Page.objects.live().order_by("pk").values_list("pk", "live_revision_id", "url_path")
    for model, values in (
        (Page, rows),
        (Tier, Tier.objects.order_by("pk").values_list()),
        (Author, Author.objects.order_by("pk").values_list()),
        (Column, Column.objects.order_by("pk").values_list()),
    ):
        digest.update(model.__name__.encode() + repr(list(values)).encode())
    return digest.hexdigest()


def public_index() -> PublicIndex:
    """The index of the published site, built again only after something changed."""
    global _cached
    fingerprint = live_fingerprint()
    with _lock:
        if _cached is None or _cached[0] != fingerprint:
            _cached = (fingerprint, _build())
        return _cached[1]


def forget() -> None:
    """Drop the kept index (tests, and anything that must see a change at once)."""
    global _cached
    with _lock:
        _cached = None


def _build() -> PublicIndex:
    from publishing.snapshot import build_snapshot

    snapshot = build_snapshot()
    problems = validate(snapshot)
    if problems:
        for problem in problems:
            logger.error("search index: %s", problem)
        raise SearchUnavailable(f"{len(problems)} problem(s) in the published content")
    index = index_snapshot(sealed_for_search(snapshot))
    with index.reader() as reader:
        langs = tuple(sorted(reader.field_terms("lang")))
    return PublicIndex(index, _page_ids(), langs)


def _page_ids() -> dict[str, int]:
    """Site path of each live page, from its place under the home page (as the build lays it)."""
    from wagtail.models import Page

    from publishing.snapshot import home_page

    home = home_page()
    if home is None:
        return {}
    prefix = home.url_path
    return {
        "/" + url_path[len(prefix) :]: pk
        for pk, url_path in Page.objects.live().descendant_of(home).values_list("pk", "url_path")
        if url_path.startswith(prefix)
    }
