"""What every content page shares: a StreamField body, a summary, a language and,
for lessons, articles and live sessions, a page-level members-only setting.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.blocks import BodyBlock, entitlement_choices
from editorial.markdown import stream_body, stream_markdown
from site_builder.model import Body

LANGUAGE_CHOICES = [("", _("Site default")), ("en", _("English")), ("zh", _("Chinese"))]


class StudyhallPageForm(WagtailAdminPageForm):
    """Knows the parent page, so that save-time rules can check where a page sits."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance._studyhall_parent = self.parent_page
        if "access" in self.fields:
            self.fields["access"] = forms.ChoiceField(
                label=_("Whole page for members"),
                choices=lambda: [
                    ("", _("No: public, with members-only sections if any")),
                    *entitlement_choices(),
                ],
                required=False,
                help_text=_("readers without it see the teaser below"),
            )

    def studyhall_overrides(self) -> dict[str, Any]:
        """Values from inline formsets that the model cannot see before saving."""
        return {}

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        overrides = self.studyhall_overrides()
        if overrides:
            for field, messages in self.instance.studyhall_problems(**overrides).items():
                for message in messages:
                    self.add_error(None if field not in self.fields else field, message)
        return not self.errors


class BodyPage(Page):
    """A page with a body the build renders; subclasses say where it lives on the site."""

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("public: shown in listings, feeds and search")
    )
    lang = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = StudyhallPageForm
    template_name: ClassVar[str] = "studyhall_page.html"
    content_panels: ClassVar[list[Any]] = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    settings_panels: ClassVar[list[Any]] = [FieldPanel("lang"), *Page.settings_panels]
    search_fields: ClassVar[list[Any]] = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("public_text"),
    ]

    class Meta:
        abstract = True

    # The snapshot record and the site address; each page type defines them.
    def to_snapshot(self) -> Any:
        raise NotImplementedError

    @property
    def site_url(self) -> str:
        raise NotImplementedError

    @property
    def source_label(self) -> str:
        return self.label_for(self.title, self.pk)

    @classmethod
    def label_for(cls, title: str, pk: int | None) -> str:
        """How problems name a page: its type, title and id."""
        number = f"page {pk}" if pk else "new page"
        return f"{cls._meta.verbose_name} “{title}” ({number})"

    @property
    def access_entitlement(self) -> str | None:
        return getattr(self, "access", "") or None

    def snapshot_body(self) -> Body:
        return stream_body(self.body, self.access_entitlement)

    def public_text(self) -> str:
        """Only what anyone may read goes into the search index."""
        if self.access_entitlement:
            return getattr(self, "teaser", "")
        return stream_markdown(b for b in self.body if b.block_type != "members")

    def parent_for_validation(self) -> Page | None:
        parent = getattr(self, "_studyhall_parent", None)
        if parent is None and self.path:
            parent = self.get_parent()
        return parent.specific if parent is not None else None

    def studyhall_problems(self, **overrides: Any) -> dict[str, list[str]]:
        """The build's own rules for this page, as admin form errors."""
        from editorial.validation import page_problems

        return page_problems(self, **overrides)

    def clean(self) -> None:
        errors: dict[str, list[Any]] = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field, messages in self.studyhall_problems().items():
            errors.setdefault(field if field != "" else NON_FIELD_ERRORS, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    def render_context(self) -> dict[str, Any]:
        """Extra template values (eyebrow link, facts, child pages) for the theme page."""
        return {}

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from editorial.render import render_page

        return render_page(request, self, self.template_name, reveal=False, **self.render_context())

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        from editorial.render import render_page

        return render_page(request, self, self.template_name, reveal=True, **self.render_context())


class GatedPage(BodyPage):
    """A body page that can be members-only as a whole, with a public teaser."""

    access = models.CharField(
        _("whole page for members"),
        max_length=120,
        blank=True,
        help_text=_("an entitlement: a tier slug or course:SLUG; empty for a public page"),
    )
    teaser = models.TextField(
        _("teaser"), blank=True, help_text=_("public: what readers see before they unlock it")
    )

    content_panels: ClassVar[list[Any]] = [
        *BodyPage.content_panels[:-1],
        MultiFieldPanel(
            [FieldPanel("access"), FieldPanel("teaser")], heading=_("Members-only page")
        ),
        FieldPanel("body"),
    ]
    search_fields: ClassVar[list[Any]] = [*BodyPage.search_fields, index.SearchField("teaser")]

    class Meta:
        abstract = True


def public_api_fields() -> list[APIField]:
    """Fields every body page shows in the public API; the body is gated by its serializer."""
    from api.serializers import PublicBodyField

    return [
        APIField("summary"),
        APIField("lang"),
        APIField("site_url"),
        APIField("body", serializer=PublicBodyField(source="*")),
    ]
