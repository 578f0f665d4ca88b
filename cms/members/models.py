"""Member tiers and authors: snippets that pages refer to by foreign key."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from site_builder.model import Author as SnapshotAuthor
from site_builder.model import Tier as SnapshotTier

slug_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]*$",
    _("use lowercase letters, digits and hyphens"),
)


class Tier(index.Indexed, models.Model):
    """A membership level; a higher rank includes every lower tier."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=120)
    rank = models.PositiveIntegerField(
        _("rank"), unique=True, help_text=_("0 is the free tier; higher ranks include lower ones")
    )
    price_monthly = models.PositiveIntegerField(_("monthly price"), default=0)
    price_yearly = models.PositiveIntegerField(_("yearly price"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default="usd")
    description = models.TextField(_("description"), blank=True)
    benefits = models.TextField(_("benefits"), blank=True, help_text=_("one benefit per line"))
    stripe_product_id = models.CharField(_("Stripe product id"), max_length=120, blank=True)
    stripe_price_monthly_id = models.CharField(
        _("Stripe monthly price id"), max_length=120, blank=True
    )
    stripe_price_yearly_id = models.CharField(
        _("Stripe yearly price id"), max_length=120, blank=True
    )
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    panels: ClassVar[Any] = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug"), FieldPanel("rank")]),
        FieldRowPanel(
            [FieldPanel("price_monthly"), FieldPanel("price_yearly"), FieldPanel("currency")],
            heading=_("Prices"),
        ),
        FieldPanel("description"),
        FieldPanel("benefits"),
        MultiFieldPanel(
            [
                FieldPanel("stripe_product_id"),
                FieldPanel("stripe_price_monthly_id"),
                FieldPanel("stripe_price_yearly_id"),
            ],
            heading=_("Stripe"),
        ),
    ]
    search_fields: ClassVar[Any] = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields: ClassVar[Any] = [
        APIField("slug"),
        APIField("name"),
        APIField("rank"),
        APIField("price_monthly"),
        APIField("price_yearly"),
        APIField("currency"),
        APIField("description"),
        APIField("benefit_list"),
    ]

    class Meta:
        ordering: ClassVar[Any] = ["sort_order", "rank"]
        verbose_name = _("member tier")
        verbose_name_plural = _("member tiers")

    def __str__(self) -> str:
        return self.name

    @property
    def benefit_list(self) -> list[str]:
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]

    @property
    def source_label(self) -> str:
        return f"tier “{self.name}” ({self.slug})"

    def to_snapshot(self) -> SnapshotTier:
        return SnapshotTier(
            slug=self.slug,
            name=self.name,
            rank=self.rank,
            price_monthly=self.price_monthly,
            price_yearly=self.price_yearly,
            currency=self.currency,
            description=self.description,
            benefits=tuple(self.benefit_list),
            source=self.source_label,
        )


class Author(index.Indexed, ClusterableModel):
    """Someone who writes articles, teaches courses or hosts live sessions."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=120)
    bio = models.TextField(_("biography"), blank=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    panels: ClassVar[Any] = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("bio"),
        InlinePanel("links", heading=_("Links"), label=_("link")),
    ]
    search_fields: ClassVar[Any] = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields: ClassVar[Any] = [
        APIField("slug"),
        APIField("name"),
        APIField("bio"),
        APIField("links"),
    ]

    class Meta:
        ordering: ClassVar[Any] = ["sort_order", "name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def to_snapshot(self) -> SnapshotAuthor:
        return SnapshotAuthor(
            slug=self.slug,
            name=self.name,
            bio=self.bio,
            links=tuple((link.label, link.url) for link in self.links.all()),
            source=f"author “{self.name}” ({self.slug})",
        )


class AuthorLink(Orderable):
    """A labelled link on an author's page (website, GitHub, ...)."""

    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="links")
    """The author this link belongs to; ordered so the page lists links as written."""
    label = models.CharField(_("label"), max_length=60)
    url = models.URLField(_("URL"), max_length=500)

    panels: ClassVar[Any] = [FieldPanel("label"), FieldPanel("url")]
    api_fields: ClassVar[Any] = [APIField("label"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("author link")
