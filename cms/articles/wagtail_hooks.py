"""Columns in the admin menu, as snippets."""

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Column


class ColumnViewSet(SnippetViewSet):
    model = Column
    icon = "list-ul"
    menu_label = _("Columns")
    add_to_admin_menu = True
    menu_order = 320
    list_display: ClassVar[Any] = ["name", "slug"]


register_snippet(ColumnViewSet)
