"""Load a snapshot from the Studyhall CMS's build export API.

The CMS serialises its snapshot with :func:`snapshot_to_json` and the build
reads it back with :func:`snapshot_from_json`, so the wire format is defined
once, here. :class:`CmsSource` fetches it over HTTP with the build token.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import urllib.error
import urllib.request
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from site_builder.model import (
    Article,
    Author,
    Body,
    Column,
    Course,
    Interaction,
    Lesson,
    LiveSession,
    Markdown,
    MembersOnly,
    Site,
    Snapshot,
    Tier,
    TopicOverrides,
)
from site_builder.validate.problem import Problem

FORMAT = "studyhall-snapshot/1"
EXPORT_PATH = "/api/build/snapshot/"
TOKEN_VARIABLE = "STUDYHALL_BUILD_TOKEN"
URL_VARIABLE = "STUDYHALL_CMS_URL"


class CmsSource:
    """Reads the snapshot from a running CMS; :meth:`load` returns it and every problem."""

    def __init__(self, url: str, token: str, timeout: float = 60.0) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def load(self) -> tuple[Snapshot, list[Problem]]:
        empty = Snapshot(site=Site(title="", url=""))
        where = self.url + EXPORT_PATH
        if not self.token:
            return empty, [
                Problem(
                    where,
                    "",
                    f"{TOKEN_VARIABLE} is not set",
                    "export the CMS's build token in the environment",
                )
            ]
        request = urllib.request.Request(
            where, headers={"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            fix = (
                f"set {TOKEN_VARIABLE} to the token the CMS was started with"
                if error.code in (401, 403)
                else "check --cms-url and the CMS's log"
            )
            return empty, [Problem(where, "", f"answered HTTP {error.code}", fix)]
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            return empty, [
                Problem(
                    where, "", f"cannot be reached ({reason})", "start the CMS or fix --cms-url"
                )
            ]
        except ValueError as error:
            return empty, [Problem(where, "", f"sent invalid JSON ({error})", "check --cms-url")]
        return snapshot_from_json(data, where)


def add_cms_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        choices=("content", "cms"),
        default="content",
        help="read the content folder (default) or a running CMS",
    )
    parser.add_argument(
        "--cms-url",
        default=os.environ.get(URL_VARIABLE, ""),
        help=f"the CMS's address, e.g. http://127.0.0.1:8000 (default: ${URL_VARIABLE}); "
        f"the token comes from ${TOKEN_VARIABLE}",
    )


def source_from_args(args: argparse.Namespace) -> CmsSource | None:
    """The CMS source the command line asks for, or ``None`` for the content folder."""
    if getattr(args, "source", "content") != "cms":
        return None
    return CmsSource(args.cms_url or "http://127.0.0.1:8000", os.environ.get(TOKEN_VARIABLE, ""))


def snapshot_to_json(snapshot: Snapshot) -> dict[str, Any]:
    """The whole snapshot as JSON-ready data, members-only text included."""
    site = snapshot.site
    return {
        "format": FORMAT,
        "site": {
            "title": site.title,
            "url": site.url,
            "tagline": site.tagline,
            "description": site.description,
            "language": site.language,
            "featured_courses": list(site.featured_courses),
            "key_epoch_days": site.key_epoch_days,
            "source": site.source,
        },
        "tiers": [
            {
                "slug": t.slug,
                "name": t.name,
                "rank": t.rank,
                "price_monthly": t.price_monthly,
                "price_yearly": t.price_yearly,
                "currency": t.currency,
                "description": t.description,
                "benefits": list(t.benefits),
                "source": t.source,
            }
            for t in snapshot.tiers
        ],
        "authors": [
            {
                "slug": a.slug,
                "name": a.name,
                "bio": a.bio,
                "links": [list(link) for link in a.links],
                "source": a.source,
            }
            for a in snapshot.authors
        ],
        "columns": [
            {"slug": c.slug, "name": c.name, "description": c.description, "source": c.source}
            for c in snapshot.columns
        ],
        "courses": [
            {
                "slug": c.slug,
                "title": c.title,
                "body": _body_json(c.body),
                "summary": c.summary,
                "level": c.level,
                "tier": c.tier,
                "authors": list(c.authors),
                "prerequisites": list(c.prerequisites),
                "tags": list(c.tags),
                "lang": c.lang,
                "source": c.source,
                "lessons": [
                    {
                        "slug": le.slug,
                        "title": le.title,
                        "order": le.order,
                        "body": _body_json(le.body),
                        "summary": le.summary,
                        "lang": le.lang,
                        "access": le.access,
                        "teaser": le.teaser,
                        "source": le.source,
                    }
                    for le in c.lessons
                ],
            }
            for c in snapshot.courses
        ],
        "articles": [
            {
                "slug": a.slug,
                "title": a.title,
                "date": a.date.isoformat() if a.date else None,
                "body": _body_json(a.body),
                "author": a.author,
                "column": a.column,
                "tags": list(a.tags),
                "summary": a.summary,
                "lang": a.lang,
                "access": a.access,
                "teaser": a.teaser,
                "source": a.source,
            }
            for a in snapshot.articles
        ],
        "live_sessions": [
            {
                "slug": s.slug,
                "title": s.title,
                "start": s.start.isoformat() if s.start else None,
                "body": _body_json(s.body),
                "timezone": s.timezone,
                "duration_minutes": s.duration_minutes,
                "host": s.host,
                "stream_url": s.stream_url,
                "replay_url": s.replay_url,
                "summary": s.summary,
                "lang": s.lang,
                "access": s.access,
                "teaser": s.teaser,
                "source": s.source,
            }
            for s in snapshot.live_sessions
        ],
        "interactions": [
            [i.reader, i.item, i.event, i.time.isoformat()] for i in snapshot.interactions
        ],
        "topic_overrides": _overrides_json(snapshot.topic_overrides),
    }


def snapshot_from_json(data: Any, where: str) -> tuple[Snapshot, list[Problem]]:
    """Read what :func:`snapshot_to_json` wrote; a malformed export is a problem, not a crash."""
    problems: list[Problem] = []
    empty = Snapshot(site=Site(title="", url=""))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        problems.append(
            Problem(where, "format", f"expected {FORMAT!r}, found {found!r}", "update the CMS")
        )
        return empty, problems
    try:
        site = data["site"]
        snapshot = Snapshot(
            site=Site(**{**site, "featured_courses": tuple(site["featured_courses"])}),
            tiers=tuple(Tier(**{**t, "benefits": tuple(t["benefits"])}) for t in data["tiers"]),
            authors=tuple(
                Author(**{**a, "links": tuple((k, v) for k, v in a["links"])})
                for a in data["authors"]
            ),
            columns=tuple(Column(**c) for c in data["columns"]),
            courses=tuple(_course(c) for c in data["courses"]),
            articles=tuple(
                Article(
                    **{
                        **a,
                        "date": dt.date.fromisoformat(a["date"]) if a["date"] else None,
                        "body": _body(a["body"]),
                        "tags": tuple(a["tags"]),
                    }
                )
                for a in data["articles"]
            ),
            live_sessions=tuple(_live(s) for s in data["live_sessions"]),
            interactions=tuple(
                Interaction(
                    reader,
                    item,
                    event,
                    dt.datetime.fromisoformat(time),
                    source=f"{where} interactions[{n}]",
                )
                for n, (reader, item, event, time) in enumerate(data["interactions"])
            ),
            topic_overrides=_overrides(data.get("topic_overrides")),
        )
    except (KeyError, TypeError, ValueError) as error:
        problems.append(
            Problem(
                where,
                "",
                f"export is malformed ({type(error).__name__}: {error})",
                "update the CMS",
            )
        )
        return empty, problems
    return snapshot, problems


def _overrides_json(overrides: TopicOverrides) -> dict[str, Any]:
    """Each section as ``[[key, value], ...]``: the order the editor gave them survives."""
    return {
        "rename": [list(pair) for pair in overrides.rename.items()],
        "merge": [list(pair) for pair in overrides.merge.items()],
        "pin": [list(pair) for pair in overrides.pin.items()],
        "source": overrides.source,
    }


def _overrides(data: dict[str, Any] | None) -> TopicOverrides:
    """An export from a CMS without topic settings has none: no overrides."""
    if data is None:
        return TopicOverrides()
    return TopicOverrides(
        rename={str(k): str(v) for k, v in data["rename"]},
        merge={str(k): str(v) for k, v in data["merge"]},
        pin={str(k): str(v) for k, v in data["pin"]},
        source=str(data["source"]),
    )


def _body_json(body: Body) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for block in body.blocks:
        if isinstance(block, MembersOnly):
            blocks.append(
                {
                    "type": "members",
                    "entitlement": block.entitlement,
                    "text": block.text,
                    "index": block.index,
                }
            )
        elif isinstance(block, Markdown):
            blocks.append({"type": "markdown", "text": block.text})
        else:
            raise TypeError(f"the export holds ungated bodies only, got {type(block).__name__}")
    return blocks


def _body(blocks: list[dict[str, Any]]) -> Body:
    parsed: list[Markdown | MembersOnly] = []
    for block in blocks:
        if block["type"] == "members":
            parsed.append(MembersOnly(block["entitlement"], block["text"], int(block["index"])))
        elif block["type"] == "markdown":
            parsed.append(Markdown(block["text"]))
        else:
            raise ValueError(f"unknown block type {block['type']!r}")
    return Body(tuple(parsed))


def _course(data: dict[str, Any]) -> Course:
    lessons = tuple(
        Lesson(**{**le, "course": data["slug"], "body": _body(le["body"])})
        for le in data["lessons"]
    )
    return Course(
        **{
            **data,
            "body": _body(data["body"]),
            "lessons": lessons,
            "authors": tuple(data["authors"]),
            "prerequisites": tuple(data["prerequisites"]),
            "tags": tuple(data["tags"]),
        }
    )


def _live(data: dict[str, Any]) -> LiveSession:
    start = dt.datetime.fromisoformat(data["start"]) if data["start"] else None
    if start is not None:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            start = start.astimezone(ZoneInfo(data["timezone"]))
    return LiveSession(**{**data, "start": start, "body": _body(data["body"])})
