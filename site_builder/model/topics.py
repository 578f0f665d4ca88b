"""Author overrides for topics: what ``content/topics.yml`` or the CMS's topic settings say.

Clustering is good at finding groups and poor at naming them the way a
community talks, so authors get the last word. The overrides are part of the
snapshot, like every other input, so that a build from ``content/`` and a
build from the CMS apply the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TopicOverrides:
    """Three ordered mappings; order is kept so that an export writes what was read.

    * ``rename``: topic slug -> label shown to readers (the URL stays).
    * ``merge``: topic slug -> slug of the topic that absorbs it.
    * ``pin``: page id (``course:SLUG``, ``lesson:COURSE/LESSON``, ``article:SLUG``,
      ``live:SLUG``) -> topic slug; a slug no topic has creates that topic.

    ``source`` names where they were written, for messages only.
    """

    rename: dict[str, str] = field(default_factory=dict)
    merge: dict[str, str] = field(default_factory=dict)
    pin: dict[str, str] = field(default_factory=dict)
    source: str = field(default="topics.yml", compare=False)

    def __bool__(self) -> bool:
        return bool(self.rename or self.merge or self.pin)

    def merged_slug(self, slug: str) -> str:
        """Follow merges to the topic that finally absorbs ``slug`` (cycles stop)."""
        seen = {slug}
        while slug in self.merge and self.merge[slug] not in seen:
            slug = self.merge[slug]
            seen.add(slug)
        return slug
