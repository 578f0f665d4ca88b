"""Publishing and unpublishing ask for a build, whoever or whatever did it.

``page_published`` fires for the publish button, scheduled publishing and
workflow approvals alike, so every way a page goes live rebuilds the site.
"""

from __future__ import annotations

from typing import Any

from wagtail.signals import page_published, page_unpublished

from publishing.builds import request_build


def on_publish(sender: Any, instance: Any, **kwargs: Any) -> None:
    request_build(f"published “{instance.title}” (page {instance.pk})")


def on_unpublish(sender: Any, instance: Any, **kwargs: Any) -> None:
    request_build(f"unpublished “{instance.title}” (page {instance.pk})")


def connect() -> None:
    page_published.connect(on_publish, dispatch_uid="studyhall-build-on-publish")
    page_unpublished.connect(on_unpublish, dispatch_uid="studyhall-build-on-unpublish")
