"""Reads built pages the way a crawler does: links, assets and head metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
}


@dataclass
class PageInfo:
    url: str
    lang: str = ""
    title: str = ""
    description: str = ""
    canonical: str = ""
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Scanner(HTMLParser):
    def __init__(self, info: PageInfo) -> None:
        super().__init__(convert_charrefs=True)
        self.info = info
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.info.lang = values.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("name") == "description":
            self.info.description = values.get("content", "")
        if tag == "link" and values.get("rel") == "canonical":
            self.info.canonical = values.get("href", "")
        elif tag in _LINK_ATTRS and values.get(_LINK_ATTRS[tag]):
            self.info.links.append(values[_LINK_ATTRS[tag]])
        if "id" in values:
            self.info.ids.add(values["id"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.info.title += data


def page_url(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def scan(site: Path, path: Path) -> PageInfo:
    info = PageInfo(page_url(site, path))
    _Scanner(info).feed(path.read_text(encoding="utf-8"))
    info.title = info.title.strip()
    return info


def target_file(site: Path, url: str) -> Path | None:
    """The file a same-site URL resolves to, or ``None`` if nothing serves it."""
    path = unquote(urlsplit(url).path)
    candidate = site / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def internal_links(info: PageInfo) -> list[str]:
    """Links of a page resolved to site paths; other hosts and special schemes are left out."""
    found = []
    for link in info.links:
        parts = urlsplit(link)
        if parts.scheme in {"mailto", "data", "javascript", "tel"} or (
            parts.scheme and parts.netloc
        ):
            continue
        if link.startswith("#"):
            continue
        found.append(urljoin(info.url, link))
    return found
