"""Files that describe the whole site: sitemap, robots.txt and calendar entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from icalendar import Calendar, Event

from site_builder.model import Snapshot
from site_builder.render import urls


def page_urls(out_dir: Path) -> list[str]:
    """Every public page's URL, read from the finished tree."""
    found = []
    for page in out_dir.rglob("index.html"):
        relative = page.parent.relative_to(out_dir).as_posix()
        found.append("/" if relative == "." else f"/{relative}/")
    return sorted(found)


def write_sitemap(out_dir: Path, site_url: str) -> None:
    entries = "".join(
        f"  <url><loc>{escape(site_url + url)}</loc></url>\n" for url in page_urls(out_dir)
    )
    (out_dir / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
        encoding="utf-8",
    )


def write_robots(out_dir: Path, site_url: str) -> None:
    (out_dir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n", encoding="utf-8"
    )


def write_calendars(snapshot: Snapshot, out_dir: Path) -> None:
    """One ``.ics`` per live session, so readers can add it to their calendar."""
    domain = snapshot.site.url.split("://", 1)[-1].split("/", 1)[0] or "studyhall.local"
    for session in snapshot.live_sessions:
        if session.start is None:
            continue
        calendar = Calendar()
        calendar.add("prodid", "-//Studyhall//Live sessions//EN")
        calendar.add("version", "2.0")
        event = Event()
        event.add("uid", f"live-{session.slug}@{domain}")
        # A fixed stamp keeps the file byte-identical between builds.
        event.add("dtstamp", session.start.astimezone(dt.UTC))
        event.add("dtstart", session.start)
        event.add("dtend", session.end)
        event.add("summary", session.title)
        page = snapshot.site.url + urls.live_url(session)
        event.add("description", f"{session.summary}\n\n{page}".strip())
        event.add("url", page)
        if session.stream_url:
            event.add("location", session.stream_url)
        calendar.add_component(event)
        target = out_dir / urls.live_calendar_url(session).lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(calendar.to_ical())
