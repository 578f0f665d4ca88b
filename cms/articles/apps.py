"""Articles and the columns they appear in."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    label = "articles"
    verbose_name = _("Articles")
    default_auto_field = "django.db.models.BigAutoField"
