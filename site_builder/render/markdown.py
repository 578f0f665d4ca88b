"""One Markdown dialect for both renderers, so a lesson and an article read alike."""

from __future__ import annotations

from typing import Any

import markdown
from pymdownx.slugs import slugify

EXTENSIONS: list[str] = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.betterem",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
]


def extension_configs() -> dict[str, dict[str, Any]]:
    return {
        # Unicode-aware slugs keep Chinese headings linkable.
        "toc": {"permalink": "#", "slugify": slugify(case="lower")},
        "pymdownx.highlight": {"anchor_linenums": True, "pygments_lang_class": True},
        "pymdownx.tabbed": {"alternate_style": True, "slugify": slugify(case="lower")},
        "pymdownx.tasklist": {"custom_checkbox": True},
    }


def mkdocs_extensions() -> list[Any]:
    """The same dialect in the shape ``mkdocs.yml`` takes."""
    configs = extension_configs()
    return [{name: configs[name]} if name in configs else name for name in EXTENSIONS]


class MarkdownRenderer:
    """Reuses one parser; python-markdown is costly to set up per page."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=extension_configs())

    def html(self, text: str) -> tuple[str, str]:
        """(body HTML, table-of-contents HTML)."""
        self._md.reset()
        body = self._md.convert(text)
        return body, getattr(self._md, "toc", "")

    def html_only(self, text: str) -> str:
        return self.html(text)[0]
