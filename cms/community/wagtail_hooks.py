"""Reader events in the admin, read-only: they come from the site, not from editors."""

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from community.models import Interaction


class InteractionViewSet(ModelViewSet):
    model = Interaction
    icon = "view"
    menu_label = _("Reader events")
    add_to_admin_menu = True
    menu_order = 910
    list_display: ClassVar[Any] = ["reader", "event", "item", "time"]
    list_filter: ClassVar[Any] = ["event"]
    copy_view_enabled = False
    form_fields: ClassVar[Any] = ["reader", "item", "event", "time"]


@hooks.register("register_admin_viewset")
def register_reader_events() -> InteractionViewSet:
    return InteractionViewSet("reader_events")
