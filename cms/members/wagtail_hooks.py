"""Tiers and authors in the admin menu, as snippets."""

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from members.models import Author, Tier


class TierViewSet(SnippetViewSet):
    model = Tier
    icon = "group"
    menu_label = _("Member tiers")
    add_to_admin_menu = True
    menu_order = 300
    list_display: ClassVar[Any] = [
        "name",
        "slug",
        "rank",
        "price_monthly",
        "price_yearly",
        "currency",
    ]
    ordering: ClassVar[Any] = ["rank"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    add_to_admin_menu = True
    menu_order = 310
    list_display: ClassVar[Any] = ["name", "slug"]
    search_fields: ClassVar[Any] = ["name", "slug"]


register_snippet(TierViewSet)
register_snippet(AuthorViewSet)
