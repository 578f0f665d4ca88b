"""Reader events that feed recommendations and community metrics."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    label = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from community.models import Interaction
        from publishing.permissions import ReadOnlyPolicy

        register_permission_policy(Interaction, ReadOnlyPolicy(Interaction))
