"""Build jobs: one row per site build, the history operators read in the admin."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class BuildJob(models.Model):
    """A rebuild of the static site, asked for by one or more publishes.

    At most one job waits in the queue at a time: publishes that arrive while
    it waits join it instead of queueing another build.
    """

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"
    STATUS_CHOICES: ClassVar[Any] = [
        (QUEUED, _("queued")),
        (RUNNING, _("running")),
        (SUCCEEDED, _("succeeded")),
        (FAILED, _("failed")),
        (SKIPPED, _("skipped")),
    ]

    status = models.CharField(_("result"), max_length=12, choices=STATUS_CHOICES, default=QUEUED)
    reasons = models.TextField(_("asked for by"), blank=True)
    requests = models.PositiveIntegerField(_("publishes"), default=1)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    detail = models.TextField(_("detail"), blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)

    class Meta:
        ordering: ClassVar[Any] = ["-requested_at", "-pk"]
        verbose_name = _("site build")
        verbose_name_plural = _("site builds")
        constraints: ClassVar[Any] = [
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="queued"), name="one_queued_build"
            )
        ]

    def __str__(self) -> str:
        return f"build {self.pk} ({self.status})"

    @property
    def duration(self) -> dt.timedelta | None:
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None

    def duration_display(self) -> str:
        duration = self.duration
        return f"{duration.total_seconds():.1f} s" if duration is not None else "—"

    duration_display.short_description = _("duration")  # type: ignore[attr-defined]
