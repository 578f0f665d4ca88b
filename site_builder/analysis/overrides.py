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

The overrides are part of the snapshot (``site_builder.model.topics``); the
``content/`` loader reads them with :func:`read_topic_overrides`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from site_builder.model import TopicOverrides
from site_builder.sources.topics_file import SECTIONS, read_topic_overrides

if TYPE_CHECKING:
    from site_builder.analysis.result import AnalysisResult

__all__ = ["SECTIONS", "TopicOverrides", "read_topic_overrides", "unused_overrides"]


def unused_overrides(overrides: TopicOverrides, result: AnalysisResult) -> list[str]:
    """Warnings for renames and merges that name no topic of this build.

    Topic slugs come from clustering, so only a finished analysis can tell
    that a slug in ``topics.yml`` matches nothing (a typo, or a topic that
    went away). Such a rule simply has no effect: a warning, not a failure,
    so that a change in the catalogue never blocks a publish.
    """
    clustered = {t.slug for t in result.clustered}
    shown = {t.slug for t in result.topics}
    known = ", ".join(sorted(clustered)) or "none"
    warnings = []
    for section, slugs, present in (
        ("merge", overrides.merge, clustered),
        ("rename", overrides.rename, shown),
    ):
        for slug in slugs:
            if slug not in present:
                warnings.append(
                    f"{overrides.source}: {section}: no topic has the slug {slug!r} in this "
                    f"build, so the rule does nothing; topics are {known}"
                )
    return warnings
