"""Build history in the admin: when each build started and finished, its result and length."""

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from publishing.models import BuildJob


class BuildJobViewSet(ModelViewSet):
    model = BuildJob
    icon = "rotate"
    menu_label = _("Site builds")
    add_to_admin_menu = True
    menu_order = 900
    list_display: ClassVar[Any] = [
        "__str__",
        "status",
        "requested_at",
        "started_at",
        "finished_at",
        "duration_display",
        "attempts",
        "requests",
    ]
    list_filter: ClassVar[Any] = ["status"]
    inspect_view_enabled = True
    inspect_view_fields: ClassVar[Any] = [
        "status",
        "reasons",
        "requests",
        "requested_at",
        "started_at",
        "finished_at",
        "attempts",
        "detail",
        "task_id",
    ]
    copy_view_enabled = False
    form_fields: ClassVar[Any] = ["status"]


@hooks.register("register_admin_viewset")
def register_build_history() -> BuildJobViewSet:
    return BuildJobViewSet("site_builds")
