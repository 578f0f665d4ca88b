"""Reading text files and YAML so that every failure becomes a :class:`Problem`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from site_builder.validate.problem import Problem


class ContentLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is a message, not a crash."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FrontMatter(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=ContentLoader)


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(
            Problem(
                shown,
                "",
                f"cannot be read ({error.strerror})",
                "check that the file exists and is readable",
            )
        )
        return None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        problems.append(
            Problem(
                shown,
                "",
                f"is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})",
                "save the file with UTF-8 encoding",
            )
        )
        return None


def _yaml_problem(shown: str, error: yaml.YAMLError, line_offset: int) -> Problem:
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + 1 + line_offset}: " if mark is not None else ""
    reason = getattr(error, "problem", None) or "invalid YAML"
    return Problem(shown, "", f"{where}invalid YAML ({reason})", "fix the YAML syntax on that line")


def read_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    text = read_text(path, shown, problems)
    if text is None:
        return None
    try:
        return yaml.load(text, Loader=ContentLoader)
    except yaml.YAMLError as error:
        problems.append(_yaml_problem(shown, error, 0))
        return None


def read_page(
    path: Path, shown: str, problems: list[Problem]
) -> tuple[dict[str, Any], str, int] | None:
    """Front matter, Markdown body and the file line the body starts after."""
    text = read_text(path, shown, problems)
    if text is None:
        return None
    try:
        post = frontmatter.loads(text, handler=_FrontMatter())
    except yaml.YAMLError as error:
        problems.append(_yaml_problem(shown, error, 0))
        return None
    if not isinstance(post.metadata, dict):
        problems.append(
            Problem(
                shown,
                "",
                "front matter is not a mapping",
                "write `key: value` lines between `---` lines",
            )
        )
        return None
    start = text.find(post.content) if post.content else 0
    return dict(post.metadata), post.content, text.count("\n", 0, max(start, 0))
