"""The browser's search data: public titles, summaries and text of every page, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from site_builder.model import Article, Course, Lesson, LiveSession, Snapshot
from site_builder.render import urls
from site_builder.render.shell import description, plain_text

SEARCH_DATA = "/search/pages.json"
_KINDS = {Course: "course", Lesson: "lesson", Article: "article", LiveSession: "live"}
_TEXT_LIMIT = 2000


def write_search_data(snapshot: Snapshot, out_dir: Path) -> None:
    """Write one compact JSON list; built from the gated snapshot only."""
    assert all(page.body.is_gated for page in snapshot.pages())
    records = []
    for page in snapshot.pages():
        course = snapshot.course(page.course) if isinstance(page, Lesson) else None
        records.append(
            {
                "title": page.title,
                "url": urls.page_url(page),
                "kind": _KINDS[type(page)],
                "lang": page.lang or (course.lang if course else "") or snapshot.site.language,
                "course": course.title if course else "",
                "summary": description(page, ""),
                "text": plain_text(page.body.public_text)[:_TEXT_LIMIT],
                "tags": list(getattr(page, "tags", ())),
            }
        )
    target = out_dir / SEARCH_DATA.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(records, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
