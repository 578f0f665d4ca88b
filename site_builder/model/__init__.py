"""The one content model every stage after the loader depends on.

Sources (the ``content/`` folder, the CMS export) produce a :class:`Snapshot`;
nothing downstream knows about files, Django or Markdown front matter.
"""

from site_builder.model.body import Block, Body, Markdown, MembersOnly, Sealed
from site_builder.model.entities import (
    LEVELS,
    Article,
    Author,
    Column,
    Course,
    Interaction,
    Lesson,
    LiveSession,
    Site,
    Tier,
)
from site_builder.model.snapshot import Snapshot
from site_builder.model.topics import TopicOverrides

__all__ = [
    "LEVELS",
    "Article",
    "Author",
    "Block",
    "Body",
    "Column",
    "Course",
    "Interaction",
    "Lesson",
    "LiveSession",
    "Markdown",
    "MembersOnly",
    "Sealed",
    "Site",
    "Snapshot",
    "Tier",
    "TopicOverrides",
]
