"""Reading ``content/topics.yml``: the author's topic overrides.

Only the shape is checked here (sections, mappings of names); whether a page
id names a page or a merge goes round in a circle is a rule over the whole
snapshot (``site_builder.validate.topics``), so the CMS checks it the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_builder.model import TopicOverrides
from site_builder.sources.files import read_yaml
from site_builder.validate.problem import Problem

SECTIONS = ("rename", "merge", "pin")
_EXAMPLES = {
    "rename": "async-asyncio: Async Python",
    "merge": "event-loop-tasks: async-asyncio",
    "pin": "article:sqlite-is-probably-enough: databases",
}


def read_topic_overrides(path: Path, shown: str = "") -> tuple[TopicOverrides, list[Problem]]:
    """Parse ``topics.yml``; a missing file means no overrides, mistakes become problems."""
    shown = shown or str(path)
    if not path.exists():
        return TopicOverrides(source=shown), []
    problems: list[Problem] = []
    data = read_yaml(path, shown, problems)
    if problems:
        return TopicOverrides(source=shown), problems
    return parse_topic_overrides(data, shown, problems), problems


def parse_topic_overrides(data: Any, shown: str, problems: list[Problem]) -> TopicOverrides:
    """Overrides from parsed YAML; each mistake appends one problem and the entry is dropped."""
    if data is None:
        return TopicOverrides(source=shown)
    if not isinstance(data, dict):
        problems.append(
            Problem(shown, "", "is not a mapping", "write `rename:`, `merge:` and `pin:` sections")
        )
        return TopicOverrides(source=shown)
    for key in data:
        if key not in SECTIONS:
            problems.append(
                Problem(shown, str(key), "is not a known section", "use rename, merge or pin")
            )
    sections: dict[str, dict[str, str]] = {}
    for section in SECTIONS:
        sections[section] = _names(data.get(section), section, shown, problems)
    return TopicOverrides(**sections, source=shown)


def _names(value: Any, section: str, shown: str, problems: list[Problem]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(
            Problem(
                shown,
                section,
                f"is a {_kind(value)}, not a mapping",
                f"write one `{_EXAMPLES[section]}` line per entry under `{section}:`",
            )
        )
        return {}
    names: dict[str, str] = {}
    for key, target in value.items():
        if not _is_name(key) or not _is_name(target):
            bad = key if not _is_name(key) else target
            problems.append(
                Problem(
                    shown,
                    section,
                    f"{key!r}: {bad!r} is a {_kind(bad)}, not text",
                    f"write `{_EXAMPLES[section]}` with text on both sides",
                )
            )
            continue
        names[str(key)] = str(target)
    return names


def _is_name(value: Any) -> bool:
    """Text or a whole number (a slug such as ``2024`` reads as one); never empty."""
    if isinstance(value, bool):
        return False
    return (isinstance(value, str) and value.strip() != "") or isinstance(value, int)


def _kind(value: Any) -> str:
    return {
        list: "list",
        dict: "mapping",
        bool: "true/false",
        type(None): "empty value",
        float: "number",
    }.get(type(value), "text")
