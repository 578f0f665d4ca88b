"""The home page: the root of the publication and the home of site-wide settings."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from site_builder.model import Site


class HomePage(Page):
    """The site root; its title is the site's title and its fields are the site's settings."""

    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    public_url = models.URLField(
        _("public site address"),
        default="http://localhost:8000",
        help_text=_("where readers find the static site, e.g. https://learn.example.com"),
    )
    language = models.CharField(
        _("default language"),
        max_length=5,
        choices=[("en", _("English")), ("zh", _("Chinese"))],
        default="en",
    )
    key_epoch_days = models.PositiveIntegerField(
        _("key epoch (days)"),
        default=30,
        help_text=_("members-only keys rotate this often; see the README on revocation"),
    )

    parent_page_types: ClassVar[list[str]] = ["wagtailcore.Page"]
    subpage_types: ClassVar[list[str]] = [
        "courses.CourseIndexPage",
        "articles.ArticleIndexPage",
        "live.LiveSessionIndexPage",
    ]
    max_count = 1
    content_panels: ClassVar[list[Any]] = [
        *Page.content_panels,
        FieldPanel("tagline"),
        FieldPanel("description"),
        InlinePanel("featured_courses", heading=_("Featured courses"), label=_("course")),
    ]
    site_panels: ClassVar[list[Any]] = [
        MultiFieldPanel(
            [FieldPanel("public_url"), FieldPanel("language"), FieldPanel("key_epoch_days")],
            heading=_("Site"),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(site_panels, heading=_("Site")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    api_fields: ClassVar[list[APIField]] = [
        APIField("tagline"),
        APIField("description"),
        APIField("public_url"),
        APIField("language"),
    ]

    class Meta:
        verbose_name = _("home page")

    def to_snapshot(self) -> Site:
        return Site(
            title=self.title,
            url=self.public_url.rstrip("/"),
            tagline=self.tagline,
            description=self.description,
            language=self.language,
            featured_courses=tuple(
                link.course.slug for link in self.featured_courses.all() if link.course_id
            ),
            key_epoch_days=self.key_epoch_days,
            source=f"home page “{self.title}” (page {self.pk})",
        )

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from editorial.render import render_page

        children = self.get_children().live().public().specific()
        return render_page(request, self, "studyhall_page.html", reveal=False, children=children)


class FeaturedCourse(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_courses")
    """The home page that features the course, in the order it shows them."""
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("course")
    )
    """A course to feature; removing the course removes it from the list."""

    panels: ClassVar[list[Any]] = [FieldPanel("course")]
