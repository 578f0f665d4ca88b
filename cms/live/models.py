"""Live sessions: a start in the host's time zone, a length, stream and replay links."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from editorial.messages import UNKNOWN_TIME_ZONE
from editorial.models import GatedPage, public_api_fields
from site_builder.model import Body, LiveSession
from site_builder.render import urls


def validate_time_zone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(UNKNOWN_TIME_ZONE % {"zone": value}) from error


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(available_timezones())]


class LiveSessionIndexPage(Page):
    """Where live sessions live, at /live/ like on the static site."""

    parent_page_types: ClassVar[list[str]] = ["home.HomePage"]
    subpage_types: ClassVar[list[str]] = ["live.LiveSessionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("live session index")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from editorial.render import render_page

        children = (
            LiveSessionPage.objects.child_of(self)
            .live()
            .public()
            .order_by("start_date", "start_time")
        )
        return render_page(request, self, "studyhall_page.html", reveal=False, children=children)


class LiveSessionPage(GatedPage):
    start_date = models.DateField(_("date"))
    start_time = models.TimeField(
        _("start time"), help_text=_("wall-clock time in the session's time zone")
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        choices=time_zone_choices,
        validators=[validate_time_zone],
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=60)
    host = models.ForeignKey(
        "members.Author",
        on_delete=models.PROTECT,
        related_name="live_sessions",
        verbose_name=_("host"),
    )
    """Who runs the session; their author page lists it."""
    stream_url = models.URLField(_("stream link"), blank=True, max_length=500)
    replay_url = models.URLField(_("replay link"), blank=True, max_length=500)

    parent_page_types: ClassVar[list[str]] = ["live.LiveSessionIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    content_panels: ClassVar[list[Any]] = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start_date"),
                        FieldPanel("start_time"),
                        FieldPanel("timezone"),
                        FieldPanel("duration_minutes"),
                    ]
                ),
                FieldPanel("host"),
                FieldRowPanel([FieldPanel("stream_url"), FieldPanel("replay_url")]),
            ],
            heading=_("When and where"),
        ),
        *GatedPage.content_panels[1:],
    ]
    search_fields: ClassVar[list[Any]] = [*GatedPage.search_fields]
    api_fields: ClassVar[list[APIField]] = [
        *public_api_fields(),
        APIField("start"),
        APIField("timezone"),
        APIField("duration_minutes"),
        APIField("host_slug"),
        APIField("stream_url"),
        APIField("replay_url"),
        APIField("access"),
        APIField("teaser"),
    ]

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")

    @property
    def site_url(self) -> str:
        return f"{urls.LIVE}{self.slug}/"

    @property
    def start(self) -> dt.datetime | None:
        """The start as an aware time in the session's own zone.

        Date and time are kept as wall-clock values, so that a session stays at
        19:00 Berlin time whatever the server's or the editor's zone.
        """
        if self.start_date is None or self.start_time is None:
            return None
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        return dt.datetime.combine(self.start_date, self.start_time, tzinfo=zone)

    @property
    def host_slug(self) -> str:
        return self.host.slug if self.host_id else ""

    def to_snapshot(self, *, shallow: bool = False) -> LiveSession:
        return LiveSession(
            slug=self.slug,
            title=self.title,
            start=self.start,
            body=Body() if shallow else self.snapshot_body(),
            timezone=self.timezone,
            duration_minutes=self.duration_minutes,
            host=self.host_slug,
            stream_url=self.stream_url,
            replay_url=self.replay_url,
            summary=self.summary,
            lang=self.lang,
            access=self.access or None,
            teaser=self.teaser,
            source=self.source_label,
        )

    def render_context(self) -> dict[str, Any]:
        start = self.start
        facts = [
            (_("Starts"), f"{start:%Y-%m-%d %H:%M} ({self.timezone})" if start else ""),
            (_("Length"), _("%(minutes)s minutes") % {"minutes": self.duration_minutes}),
        ]
        if self.host_id:
            facts.append((_("Host"), self.host.name))
        return {"facts": facts, "eyebrow": {"url": urls.LIVE, "title": _("Live sessions")}}
