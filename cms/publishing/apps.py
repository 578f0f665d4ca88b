"""Build jobs on publish, their history, and content import/export."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    label = "publishing"
    verbose_name = _("Publishing")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from publishing import signals
        from publishing.models import BuildJob
        from publishing.permissions import ReadOnlyPolicy

        signals.connect()
        register_permission_policy(BuildJob, ReadOnlyPolicy(BuildJob))
