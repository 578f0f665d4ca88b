"""Articles and the columns (series) they are published in."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from courses.models import ordered
from editorial.models import GatedPage, public_api_fields
from members.models import slug_validator
from site_builder.model import Article, Body
from site_builder.model import Column as SnapshotColumn
from site_builder.render import urls


class Column(index.Indexed, models.Model):
    """A series of articles with one voice and one feed."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    panels: ClassVar[list[Any]] = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("description"),
    ]
    search_fields: ClassVar[list[Any]] = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
    ]
    api_fields: ClassVar[list[APIField]] = [
        APIField("slug"),
        APIField("name"),
        APIField("description"),
    ]

    class Meta:
        ordering: ClassVar[Any] = ["sort_order", "name"]
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    def __str__(self) -> str:
        return self.name

    def to_snapshot(self) -> SnapshotColumn:
        return SnapshotColumn(
            slug=self.slug,
            name=self.name,
            description=self.description,
            source=f"column “{self.name}” ({self.slug})",
        )


class ArticleIndexPage(Page):
    """Where articles live, at /articles/ like on the static site."""

    parent_page_types: ClassVar[list[str]] = ["home.HomePage"]
    subpage_types: ClassVar[list[str]] = ["articles.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("article index")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from editorial.render import render_page

        children = ArticlePage.objects.child_of(self).live().public().order_by("-date")
        return render_page(request, self, "studyhall_page.html", reveal=False, children=children)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
    """Tags of one article; kept in the order they were given."""


class ArticlePage(GatedPage):
    date = models.DateField(_("date"))
    author = models.ForeignKey(
        "members.Author",
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("author"),
    )
    """Who wrote it: the byline and the author's page list the article."""
    column = models.ForeignKey(
        Column, on_delete=models.PROTECT, related_name="articles", verbose_name=_("column")
    )
    """The series it belongs to: the column's page and feed list it."""
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))

    parent_page_types: ClassVar[list[str]] = ["articles.ArticleIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    content_panels: ClassVar[list[Any]] = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("author"), FieldPanel("column")]),
                FieldPanel("tags"),
            ],
            heading=_("Publication"),
        ),
        *GatedPage.content_panels[1:],
    ]
    search_fields: ClassVar[list[Any]] = [
        *GatedPage.search_fields,
        index.FilterField("date"),
    ]
    api_fields: ClassVar[list[APIField]] = [
        *public_api_fields(),
        APIField("date"),
        APIField("author_slug"),
        APIField("column_slug"),
        APIField("tag_names"),
        APIField("access"),
        APIField("teaser"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def site_url(self) -> str:
        return f"{urls.ARTICLES}{self.slug}/"

    @property
    def author_slug(self) -> str:
        return self.author.slug if self.author_id else ""

    @property
    def column_slug(self) -> str:
        return self.column.slug if self.column_id else ""

    @property
    def tag_names(self) -> list[str]:
        return [item.tag.name for item in ordered(self.tagged_items.all())]

    def to_snapshot(self, *, shallow: bool = False) -> Article:
        return Article(
            slug=self.slug,
            title=self.title,
            date=self.date,
            body=Body() if shallow else self.snapshot_body(),
            author=self.author_slug,
            column=self.column_slug,
            tags=tuple(self.tag_names),
            summary=self.summary,
            lang=self.lang,
            access=self.access or None,
            teaser=self.teaser,
            source=self.source_label,
        )

    def render_context(self) -> dict[str, Any]:
        facts = [(_("Date"), self.date.isoformat() if self.date else "")]
        if self.author_id:
            facts.append((_("Author"), self.author.name))
        eyebrow = {"url": f"{urls.COLUMNS}{self.column_slug}/", "title": str(self.column)}
        return {"facts": facts, "eyebrow": eyebrow if self.column_id else None}
