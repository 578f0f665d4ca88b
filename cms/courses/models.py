"""Courses and their lessons: a course page holds its lessons in reading order."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from editorial.models import BodyPage, GatedPage, StudyhallPageForm, public_api_fields
from site_builder.model import LEVELS, Body, Course, Lesson
from site_builder.render import urls

LEVEL_CHOICES = [
    ("beginner", _("Beginner")),
    ("intermediate", _("Intermediate")),
    ("advanced", _("Advanced")),
]
assert tuple(value for value, _label in LEVEL_CHOICES) == LEVELS


class CourseIndexPage(Page):
    """The one place courses live, at /courses/ like on the static site."""

    parent_page_types: ClassVar[list[str]] = ["home.HomePage"]
    subpage_types: ClassVar[list[str]] = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course index")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from editorial.render import render_page

        children = CoursePage.objects.child_of(self).live().public()
        return render_page(request, self, "studyhall_page.html", reveal=False, children=children)


class CoursePageForm(StudyhallPageForm):
    def studyhall_overrides(self) -> dict[str, Any]:
        """Prerequisites come from an inline formset: read them before they are saved."""
        formset = self.formsets.get("prerequisite_links")
        if formset is None:
            return {}
        rows = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        rows.sort(key=lambda row: row.get("ORDER") or 0)
        return {
            "prerequisites": tuple(
                row["prerequisite"].slug for row in rows if row.get("prerequisite")
            )
        }


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
    """Tags of one course; kept in the order they were given."""


class CoursePage(BodyPage):
    """A course: an overview body and, below it in the tree, its ordered lessons."""

    level = models.CharField(_("level"), max_length=20, choices=LEVEL_CHOICES, default="beginner")
    tier = models.ForeignKey(
        "members.Tier",
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("tier"),
        help_text=_("the tier that opens this course's members-only parts"),
    )
    """The tier whose members may read the course; the pricing page groups courses by it."""
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    """Shown on course cards in the CMS; an image may serve many courses."""
    tags = ClusterTaggableManager(through=CourseTag, blank=True, verbose_name=_("tags"))

    base_form_class = CoursePageForm
    parent_page_types: ClassVar[list[str]] = ["courses.CourseIndexPage"]
    subpage_types: ClassVar[list[str]] = ["courses.LessonPage"]
    content_panels: ClassVar[list[Any]] = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("tier")]),
        FieldPanel("cover_image"),
        InlinePanel("author_links", heading=_("Authors"), label=_("author"), min_num=0),
        InlinePanel("prerequisite_links", heading=_("Prerequisites"), label=_("prerequisite")),
        FieldPanel("tags"),
        FieldPanel("body", heading=_("Overview")),
    ]
    api_fields: ClassVar[list[APIField]] = [
        *public_api_fields(),
        APIField("level"),
        APIField("tier_slug"),
        APIField("author_slugs"),
        APIField("prerequisite_slugs"),
        APIField("tag_names"),
    ]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def site_url(self) -> str:
        return urls.course_url(self.slug)

    @property
    def tier_slug(self) -> str:
        return self.tier.slug if self.tier_id else "free"

    @property
    def author_slugs(self) -> list[str]:
        return [link.author.slug for link in self.author_links.all()]

    @property
    def prerequisite_slugs(self) -> list[str]:
        return [link.prerequisite.slug for link in self.prerequisite_links.all()]

    @property
    def tag_names(self) -> list[str]:
        return [item.tag.name for item in ordered(self.tagged_items.all())]

    def lessons(self) -> list[LessonPage]:
        """Published lessons in reading order (their order in the page tree)."""
        if not self.path:
            return []
        return list(LessonPage.objects.child_of(self).live().order_by("path"))

    def to_snapshot(
        self, *, shallow: bool = False, prerequisites: tuple[str, ...] | None = None
    ) -> Course:
        lessons = (
            ()
            if shallow
            else tuple(
                lesson.to_snapshot(course=self.slug, order=number)
                for number, lesson in enumerate(self.lessons(), start=1)
            )
        )
        return Course(
            slug=self.slug,
            title=self.title,
            body=Body() if shallow else self.snapshot_body(),
            lessons=lessons,
            summary=self.summary,
            level=self.level,
            tier=self.tier_slug,
            authors=tuple(self.author_slugs),
            prerequisites=tuple(self.prerequisite_slugs)
            if prerequisites is None
            else prerequisites,
            tags=tuple(self.tag_names),
            lang=self.lang,
            source=self.source_label,
        )

    def render_context(self) -> dict[str, Any]:
        return {
            "eyebrow": {"url": urls.COURSES, "title": _("Courses")},
            "facts": [(_("Level"), self.get_level_display()), (_("Tier"), str(self.tier))],
            "children": self.lessons(),
        }


class CourseAuthor(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="author_links")
    """The course these authors teach, in the order the course names them."""
    author = models.ForeignKey(
        "members.Author", on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    """An author may teach many courses; deleting one still named here is refused."""

    panels: ClassVar[list[Any]] = [FieldPanel("author")]


class CoursePrerequisite(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisite_links")
    """The course that asks readers to take another one first."""
    prerequisite = models.ForeignKey(
        CoursePage,
        on_delete=models.PROTECT,
        related_name="required_by",
        verbose_name=_("course to take first"),
    )
    """The course to take first; cycles are refused at save time."""

    panels: ClassVar[list[Any]] = [FieldPanel("prerequisite")]


class LessonPage(GatedPage):
    """One lesson; its order is its place among the course's lessons in the page tree."""

    parent_page_types: ClassVar[list[str]] = ["courses.CoursePage"]
    subpage_types: ClassVar[list[str]] = []
    api_fields: ClassVar[list[APIField]] = [
        *public_api_fields(),
        APIField("access"),
        APIField("teaser"),
    ]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def course_page(self) -> CoursePage | None:
        parent = self.parent_for_validation()
        return parent if isinstance(parent, CoursePage) else None

    @property
    def site_url(self) -> str:
        course = self.course_page()
        return f"{urls.course_url(course.slug) if course else urls.COURSES}{self.slug}/"

    def to_snapshot(
        self, *, course: str | None = None, order: int | None = None, **_ignored: Any
    ) -> Lesson:
        if course is None:
            parent = self.course_page()
            course = parent.slug if parent else ""
        if order is None and self.path:
            siblings = LessonPage.objects.sibling_of(self).live().order_by("path")
            order = next((n for n, p in enumerate(siblings, 1) if p.pk == self.pk), None)
        return Lesson(
            course=course,
            slug=self.slug,
            title=self.title,
            order=order,
            body=self.snapshot_body(),
            summary=self.summary,
            lang=self.lang,
            access=self.access or None,
            teaser=self.teaser,
            source=self.source_label,
        )

    def render_context(self) -> dict[str, Any]:
        course = self.course_page()
        if course is None:
            return {}
        return {"eyebrow": {"url": course.site_url, "title": course.title}}


def ordered(items: Any) -> list[Any]:
    """Inline items in the order they were added (saved ones by id, new ones last)."""
    return sorted(items, key=lambda item: (item.pk is None, item.pk or 0))
