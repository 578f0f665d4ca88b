"""Reader events: the input of recommendations and community metrics."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from site_builder.model import Interaction as SnapshotInteraction

EVENT_CHOICES = [("view", _("view")), ("complete", _("complete")), ("purchase", _("purchase"))]


class Interaction(models.Model):
    """One event, kept apart from the page it refers to so that deleting a page keeps history."""

    reader = models.CharField(_("reader"), max_length=120, db_index=True)
    item = models.CharField(
        _("item"),
        max_length=255,
        help_text=_("course:SLUG, lesson:COURSE/LESSON, article:SLUG or live:SLUG"),
    )
    event = models.CharField(_("event"), max_length=20, choices=EVENT_CHOICES)
    time = models.DateTimeField(_("time"))

    class Meta:
        ordering: ClassVar[Any] = ["pk"]
        verbose_name = _("reader event")
        verbose_name_plural = _("reader events")

    def __str__(self) -> str:
        return f"{self.reader} {self.event} {self.item}"

    def to_snapshot(self) -> SnapshotInteraction:
        return SnapshotInteraction(
            self.reader, self.item, self.event, self.time, source=f"reader event {self.pk}"
        )
