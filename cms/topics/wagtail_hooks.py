"""Saving the topic settings rebuilds the site, as publishing a page does."""

from typing import Any

from wagtail import hooks

from publishing.builds import request_build
from topics.models import TopicSettings


@hooks.register("after_edit_setting")
def rebuild_after_topic_settings(request: Any, instance: Any) -> None:
    if isinstance(instance, TopicSettings):
        request_build("changed the topic settings")
