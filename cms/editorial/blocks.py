"""The blocks authors of technical content write page bodies with.

Every block turns into the one Markdown dialect the build renders (see
``editorial.markdown``); a members-only section holds its own blocks and names
the entitlement (a tier or ``course:SLUG``) that unlocks it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from editorial.messages import NO_ENTITLEMENT

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "code", "hr"]
CALLOUT_KINDS = [
    ("note", _("Note")),
    ("tip", _("Tip")),
    ("info", _("Info")),
    ("warning", _("Warning")),
    ("danger", _("Danger")),
    ("example", _("Example")),
]
CODE_LANGUAGES = [
    ("python", "Python"),
    ("rust", "Rust"),
    ("bash", "Shell"),
    ("sql", "SQL"),
    ("javascript", "JavaScript"),
    ("typescript", "TypeScript"),
    ("go", "Go"),
    ("java", "Java"),
    ("c", "C"),
    ("cpp", "C++"),
    ("toml", "TOML"),
    ("yaml", "YAML"),
    ("json", "JSON"),
    ("html", "HTML"),
    ("css", "CSS"),
    ("text", _("Plain text")),
]


def entitlement_choices() -> list[tuple[str, str]]:
    """Paid tiers and single courses, read when the form is drawn so new ones appear."""
    from courses.models import CoursePage
    from members.models import Tier

    choices = [(t.slug, _("Tier: %(name)s") % {"name": t.name}) for t in Tier.objects.all()]
    choices += [
        (f"course:{c.slug}", _("Buyers of: %(title)s") % {"title": c.title})
        for c in CoursePage.objects.order_by("slug")
    ]
    return choices


class MarkdownBlock(blocks.TextBlock):
    """Markdown as the build reads it: admonitions, tables, fenced code and all."""

    class Meta:
        icon = "code"
        label = _("Markdown")
        form_classname = "studyhall-markdown"


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=CODE_LANGUAGES, default="python", label=_("Language"))
    code = blocks.TextBlock(label=_("Code"), form_classname="studyhall-code")

    class Meta:
        icon = "code"
        label = _("Code")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="note", label=_("Kind"))
    title = blocks.CharBlock(required=False, label=_("Title"))
    text = blocks.TextBlock(label=_("Text (Markdown)"))

    class Meta:
        icon = "warning"
        label = _("Callout")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(label=_("Alternative text"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")


class VideoBlock(blocks.StructBlock):
    """A link card, not an iframe: the site's Content-Security-Policy loads nothing from other hosts."""

    url = blocks.URLBlock(label=_("Video URL"))
    title = blocks.CharBlock(label=_("Title"))

    class Meta:
        icon = "media"
        label = _("Video")


class ExerciseBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Task (Markdown)"))
    solution = blocks.TextBlock(required=False, label=_("Solution (Markdown, folded)"))

    class Meta:
        icon = "tick-inverse"
        label = _("Exercise")


class PublicBlocks(blocks.StreamBlock):
    markdown = MarkdownBlock()
    rich_text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Rich text"))
    code = CodeBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    video = VideoBlock()
    exercise = ExerciseBlock()


class MembersSectionBlock(blocks.StructBlock):
    """A part of the page only holders of ``entitlement`` can read on the static site."""

    entitlement = blocks.ChoiceBlock(
        choices=entitlement_choices,
        required=False,
        label=_("Who may read it"),
        help_text=_("a paid tier (higher tiers included) or the buyers of one course"),
    )
    body = PublicBlocks(label=_("Members-only content"))

    class Meta:
        icon = "lock"
        label = _("Members-only section")

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        value = super().clean(value)
        if not value.get("entitlement"):
            raise StructBlockValidationError(
                block_errors={"entitlement": ValidationError(str(NO_ENTITLEMENT))}
            )
        return value


class BodyBlock(PublicBlocks):
    members = MembersSectionBlock()
