"""Page bodies: the blocks authors write with, and the site-theme preview."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    label = "editorial"
    verbose_name = _("Editorial")
    default_auto_field = "django.db.models.BigAutoField"
