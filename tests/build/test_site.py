"""The built demo: every page type, no broken link, complete head metadata."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.htmlscan import internal_links, scan, target_file

PAGE_TYPES = [
    "index.html",
    "courses/index.html",
    "courses/rust-foundations/index.html",
    "courses/python-async/index.html",
    "articles/index.html",
    "columns/index.html",
    "tags/index.html",
    "authors/index.html",
    "live/index.html",
    "pricing/index.html",
    "404.html",
    "feeds/atom.xml",
    "sitemap.xml",
    "robots.txt",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_is_built(demo_site: Path, path: str) -> None:
    assert (demo_site / path).is_file()


def test_each_kind_of_detail_page_exists(demo_site: Path) -> None:
    for folder in ("articles", "columns", "tags", "authors", "live"):
        details = [p for p in (demo_site / folder).glob("*/index.html")]
        assert details, f"no detail pages under /{folder}/"
    assert len(list((demo_site / "live").glob("*.ics"))) >= 2
    assert len(list((demo_site / "courses").glob("*/*/index.html"))) >= 20


def test_no_broken_internal_links_or_missing_assets(demo_site: Path) -> None:
    broken = []
    pages = sorted(demo_site.rglob("*.html"))
    for path in pages:
        info = scan(demo_site, path)
        for url in internal_links(info):
            if target_file(demo_site, url) is None:
                broken.append(f"{info.url} -> {url}")
    assert len(pages) > 50
    assert broken == []


def test_every_page_has_title_lang_description_and_canonical(demo_site: Path) -> None:
    incomplete = []
    for path in sorted(demo_site.rglob("*.html")):
        info = scan(demo_site, path)
        missing = [
            name
            for name, value in (
                ("title", info.title),
                ("lang", info.lang),
                ("description", info.description),
                ("canonical", info.canonical),
            )
            if not value
        ]
        if missing:
            incomplete.append(f"{info.url}: {', '.join(missing)}")
    assert incomplete == []


def test_chinese_pages_declare_chinese(demo_site: Path) -> None:
    chinese = [
        scan(demo_site, p)
        for p in (demo_site / "articles").glob("*/index.html")
        if 'lang="zh"' in p.read_text(encoding="utf-8")
    ]
    assert chinese, "the demo has Chinese articles"
    assert all(info.lang == "zh" for info in chinese)


def test_sitemap_lists_every_page_with_the_site_url(demo_site: Path) -> None:
    tree = ET.parse(demo_site / "sitemap.xml")
    locations = [
        el.text or "" for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    pages = list(demo_site.rglob("index.html"))
    assert len(locations) == len(pages)
    assert all(loc.startswith("https://demo.studyhall.dev/") for loc in locations)
    assert (
        "Sitemap: https://demo.studyhall.dev/sitemap.xml" in (demo_site / "robots.txt").read_text()
    )


def test_atom_feed_is_valid_and_absolute(demo_site: Path) -> None:
    feed = ET.parse(demo_site / "feeds" / "atom.xml").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) >= 12
    links = [e.find("{http://www.w3.org/2005/Atom}link").get("href") for e in entries]
    assert all(link.startswith("https://demo.studyhall.dev/articles/") for link in links)


def test_live_session_calendar_files_carry_the_time_zone(demo_site: Path) -> None:
    for path in (demo_site / "live").glob("*.ics"):
        calendar = Calendar.from_ical(path.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 1
        start = events[0].decoded("dtstart")
        assert start.tzinfo is not None
        assert events[0].decoded("dtend") > start


def test_no_third_party_requests(demo_site: Path) -> None:
    """Pages load nothing from other hosts: no CDN fonts or scripts."""
    external = []
    for path in demo_site.rglob("*.html"):
        info = scan(demo_site, path)
        for link in info.links:
            if (
                link.startswith(("http://", "https://", "//"))
                and "<link" in path.read_text()
                and (link.endswith((".css", ".js", ".woff", ".woff2")) or "fonts.g" in link)
            ):
                external.append(f"{info.url}: {link}")
    assert external == []
    css = "".join(p.read_text() for p in demo_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_inline_scripts_are_moved_into_files(demo_site: Path) -> None:
    """The Content-Security-Policy forbids inline scripts, so none may remain."""
    import re

    offenders = [
        p.relative_to(demo_site).as_posix()
        for p in demo_site.rglob("*.html")
        if re.search(r"<script(?![^>]*(\bsrc=|type=\"application/json\"))[^>]*>", p.read_text())
    ]
    assert offenders == []


def test_topics_paths_and_related_pages_are_published(demo_site: Path) -> None:
    topics = [p for p in (demo_site / "topics").glob("*/index.html")]
    assert len(topics) >= 3
    assert "<svg" in (demo_site / "topics" / "index.html").read_text()
    paths = (demo_site / "paths" / "index.html").read_text()
    assert "<svg" in paths and "/courses/distributed-systems/" in paths
    lesson = demo_site / "courses" / "rust-foundations" / "ownership" / "index.html"
    related = lesson.read_text().split('class="sh-related"', 1)[1]
    assert "/courses/rust-foundations/borrowing/" in related
    assert 'href="/courses/rust-foundations/ownership/"' not in related
