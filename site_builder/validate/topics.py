"""Rules for the author's topic overrides (``topics.yml`` or the CMS's topic settings).

What can be known before clustering is checked here: pinned pages exist,
slugs look like slugs, merges end somewhere. Whether a renamed or merged slug
is a topic of this build is only known after clustering; the build reports
those as warnings (``site_builder.analysis.overrides.unused_overrides``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from site_builder.model import TopicOverrides
from site_builder.validate.problem import Problem

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PAGE_IDS = "course:SLUG, lesson:COURSE/LESSON, article:SLUG or live:SLUG"


def topic_override_problems(overrides: TopicOverrides, page_ids: Iterable[str]) -> list[Problem]:
    """Every mistake in ``overrides`` for a site whose pages have ``page_ids``."""
    return sorted(set(_problems(overrides, frozenset(page_ids))))


def _problems(rules: TopicOverrides, pages: frozenset[str]) -> Iterator[Problem]:
    source = rules.source
    for page, slug in rules.pin.items():
        if page not in pages:
            yield Problem(source, "pin", f"{page!r} is not a page", _page_fix(page, pages))
        yield from _slug(source, "pin", slug)
    for slug, target in rules.merge.items():
        yield from _slug(source, "merge", slug)
        yield from _slug(source, "merge", target)
        if slug == target:
            yield Problem(
                source,
                "merge",
                f"{slug!r} is merged into itself",
                "remove the line or name another topic",
            )
    yield from _cycles(rules)
    for slug in rules.rename:
        yield from _slug(source, "rename", slug)
        final = rules.merged_slug(slug)
        if final != slug:
            yield Problem(
                source,
                "rename",
                f"{slug!r} is merged into {final!r}, so this label is never shown",
                f"rename {final!r} instead",
            )


def _slug(source: str, field: str, slug: str) -> Iterator[Problem]:
    if not SLUG.match(slug):
        yield Problem(
            source,
            field,
            f"{slug!r} is not a topic slug",
            "use the last part of a topic's URL (/topics/SLUG/): lowercase letters, digits "
            "and hyphens",
        )


def _page_fix(page: str, pages: frozenset[str]) -> str:
    close = difflib.get_close_matches(page, sorted(pages), n=1, cutoff=0.8)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"use the id of an existing page: {PAGE_IDS}{hint}"


def _cycles(rules: TopicOverrides) -> Iterator[Problem]:
    reported: set[frozenset[str]] = set()
    for start in rules.merge:
        path = [start]
        while path[-1] in rules.merge:
            following = rules.merge[path[-1]]
            if following in path:
                cycle = path[path.index(following) :]
                if len(cycle) > 1 and frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    first = cycle.index(min(cycle))
                    cycle = cycle[first:] + cycle[:first]
                    yield Problem(
                        rules.source,
                        "merge",
                        "merges go round in a circle: " + " -> ".join([*cycle, cycle[0]]),
                        "remove one of these merges",
                    )
                break
            path.append(following)
