"""Save-time checks for topic settings: the build's own rule, with the build's own words."""

from __future__ import annotations

from site_builder.model import TopicOverrides
from site_builder.validate.topics import topic_override_problems
from topics.pages import live_pages_by_item_id


def override_messages(overrides: TopicOverrides) -> list[str]:
    """One ``section: what is wrong; how to fix`` line per mistake, as the build prints it."""
    return [
        f"{p.field}: {p.message}; {p.fix}" if p.fix else f"{p.field}: {p.message}"
        for p in topic_override_problems(overrides, live_pages_by_item_id())
    ]
