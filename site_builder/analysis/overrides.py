"""Author overrides for topics: ``content/topics.yml`` (or the CMS equivalent).

Clustering is good at finding groups and poor at naming them the way a
community talks; authors get the last word. The file is optional::

    # content/topics.yml
    rename:                      # topic slug -> label shown to readers
      async-asyncio: Async Python
    merge:                       # topic slug -> slug of the topic that absorbs it
      event-loop-tasks: async-asyncio
    pin:                         # page id -> topic slug
      article:sqlite-is-probably-enough: databases
      lesson:python-async/blocking-code: async-asyncio

Slugs are the last part of a topic's URL (``/topics/<slug>/``) and stay the
same across rebuilds, so overrides keep pointing at the same topic. A rename
changes the label only, never the URL. Pinning a page to a slug that no topic
has creates that topic. Page ids are ``course:SLUG``, ``lesson:COURSE/LESSON``,
``article:SLUG`` and ``live:SLUG``. Merges apply first, then pins, then
renames.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from site_builder.validate.problem import Problem

SECTIONS = ("rename", "merge", "pin")


@dataclass(frozen=True)
class TopicOverrides:
    rename: dict[str, str] = field(default_factory=dict)
    merge: dict[str, str] = field(default_factory=dict)
    pin: dict[str, str] = field(default_factory=dict)

    def merged_slug(self, slug: str) -> str:
        """Follow merges to the topic that finally absorbs ``slug`` (cycles stop)."""
        seen = {slug}
        while slug in self.merge and self.merge[slug] not in seen:
            slug = self.merge[slug]
            seen.add(slug)
        return slug


def read_topic_overrides(path: Path, shown: str = "") -> tuple[TopicOverrides, list[Problem]]:
    """Parse ``topics.yml``; a missing file means no overrides, mistakes become problems."""
    shown = shown or str(path)
    if not path.exists():
        return TopicOverrides(), []
    problems: list[Problem] = []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        return TopicOverrides(), [
            Problem(shown, "", f"{where}is not valid YAML", "fix the indentation or quoting")
        ]
    if not isinstance(data, dict):
        return TopicOverrides(), [
            Problem(shown, "", "is not a mapping", "write `rename:`, `merge:` and `pin:` sections")
        ]
    sections: dict[str, dict[str, str]] = {}
    for key in sorted(set(data) - set(SECTIONS)):
        problems.append(
            Problem(shown, str(key), "is not a known section", "use rename, merge or pin")
        )
    for section in SECTIONS:
        value = data.get(section) or {}
        if not isinstance(value, dict) or not all(
            isinstance(v, str | int) and not isinstance(v, bool) for v in value.values()
        ):
            problems.append(
                Problem(shown, section, "is not a mapping of names", f"write `{section}: {{a: b}}`")
            )
            value = {}
        sections[section] = {str(k): str(v) for k, v in value.items()}
    return TopicOverrides(**sections), problems
