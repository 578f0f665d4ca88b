"""Topic settings: rename, merge and pin rows that the build applies to its topics.

One generic setting for the whole CMS, with three ordered lists of rows. The
build export turns them into the snapshot's ``TopicOverrides``, exactly what
``content/topics.yml`` gives the ``content/`` loader, so a build from either
source shows the same topics.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

from site_builder.model import TopicOverrides
from topics.forms import TopicSettingsForm
from topics.pages import PAGE_TYPES, item_id

#: How build problems name these settings.
SOURCE = "topic settings"

TOPIC_SLUG_HELP = _("the last part of the topic's address, /topics/SLUG/")


@register_setting(icon="tag")
class TopicSettings(ClusterableModel, BaseGenericSetting):
    """The author's last word on topics; rows apply in the order shown."""

    base_form_class = TopicSettingsForm
    panels: ClassVar[list[Any]] = [
        InlinePanel(
            "renames",
            heading=_("Rename"),
            label=_("rename"),
            help_text=_("the label readers see; the topic's address stays"),
        ),
        InlinePanel(
            "merges",
            heading=_("Merge"),
            label=_("merge"),
            help_text=_("a topic's pages move into another topic"),
        ),
        InlinePanel(
            "pins",
            heading=_("Pin"),
            label=_("pin"),
            help_text=_("a page always goes into this topic; a new slug creates a topic"),
        ),
    ]

    class Meta:
        verbose_name = _("topics")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return str(_("topics"))

    def to_snapshot(self) -> TopicOverrides:
        """The overrides a build applies; pins on pages unpublished since they were saved wait.

        Saving refuses a pin on a page that is not published, but a page can be
        unpublished later; its pin then stays out of the build (instead of failing
        it) until the page is published again.
        """
        return TopicOverrides(
            rename={row.slug: row.label for row in self.renames.all()},
            merge={row.slug: row.into for row in self.merges.all()},
            pin={
                item_id(row.page): row.topic
                for row in self.pins.select_related("page")
                if row.page.live
            },
            source=SOURCE,
        )


class TopicRename(Orderable):
    settings = ParentalKey(TopicSettings, on_delete=models.CASCADE, related_name="renames")
    """The settings the row belongs to; rows keep the order the editor gave them."""
    slug = models.CharField(_("topic slug"), max_length=80, help_text=TOPIC_SLUG_HELP)
    label = models.CharField(_("label"), max_length=120)

    panels: ClassVar[list[Any]] = [FieldRowPanel([FieldPanel("slug"), FieldPanel("label")])]

    class Meta(Orderable.Meta):
        verbose_name = _("topic rename")


class TopicMerge(Orderable):
    settings = ParentalKey(TopicSettings, on_delete=models.CASCADE, related_name="merges")
    """The settings the row belongs to; rows keep the order the editor gave them."""
    slug = models.CharField(_("topic slug"), max_length=80, help_text=TOPIC_SLUG_HELP)
    into = models.CharField(_("merge into"), max_length=80, help_text=TOPIC_SLUG_HELP)

    panels: ClassVar[list[Any]] = [FieldRowPanel([FieldPanel("slug"), FieldPanel("into")])]

    class Meta(Orderable.Meta):
        verbose_name = _("topic merge")


class TopicPin(Orderable):
    settings = ParentalKey(TopicSettings, on_delete=models.CASCADE, related_name="pins")
    """The settings the row belongs to; rows keep the order the editor gave them."""
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    """The pinned page; deleting the page deletes the pin, which would name nothing."""
    topic = models.CharField(_("topic slug"), max_length=80, help_text=TOPIC_SLUG_HELP)

    panels: ClassVar[list[Any]] = [
        FieldRowPanel([PageChooserPanel("page", list(PAGE_TYPES)), FieldPanel("topic")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("topic pin")
