"""Settings for the Studyhall CMS, read from the environment when the process starts.

Nothing secret lives in the repository. Without ``STUDYHALL_CMS_SECRET_KEY`` the
CMS runs only in debug mode, with a development key it announces on stderr.
``DATABASE_URL`` picks the database (PostgreSQL in production); without it the
CMS uses SQLite in ``cms/db.sqlite3``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

CMS_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = CMS_DIR.parent
THEME_DIR = REPO_DIR / "themes" / "studyhall"


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = _env_flag("STUDYHALL_CMS_DEBUG", True)

SECRET_KEY = os.environ.get("STUDYHALL_CMS_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "STUDYHALL_CMS_SECRET_KEY is not set; generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`"
        )
    SECRET_KEY = "studyhall-development-only-key-do-not-use-in-production"
    if "pytest" not in sys.modules:
        print(
            "WARNING: Studyhall CMS is using its DEVELOPMENT secret key; "
            "set STUDYHALL_CMS_SECRET_KEY and STUDYHALL_CMS_DEBUG=0 in production.",
            file=sys.stderr,
        )

ALLOWED_HOSTS = _env_list(
    "STUDYHALL_CMS_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if DEBUG else ""
)
CSRF_TRUSTED_ORIGINS = _env_list("STUDYHALL_CMS_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "home",
    "editorial",
    "members",
    "courses",
    "articles",
    "live",
    "community",
    "topics",
    "publishing",
    "api",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "studyhall_cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "studyhall_cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{CMS_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("STUDYHALL_CMS_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [CMS_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STUDYHALL_CMS_STATIC_ROOT", CMS_DIR / "static"))


MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("STUDYHALL_CMS_MEDIA_ROOT", CMS_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Studyhall"
WAGTAILADMIN_BASE_URL = os.environ.get("STUDYHALL_CMS_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "zip"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}

# Publish events become jobs on the database queue; `manage.py db_worker` runs them.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "builds"],
    }
}

#: Bearer token that `build.py build --source cms` sends to the build export API.
STUDYHALL_BUILD_TOKEN = os.environ.get("STUDYHALL_BUILD_TOKEN", "")
#: URL called (POST) after a publish, e.g. a Netlify build hook.
STUDYHALL_BUILD_HOOK_URL = os.environ.get("STUDYHALL_BUILD_HOOK_URL", "")
#: Without a hook: build the site locally into this folder after a publish.
STUDYHALL_BUILD_OUT = os.environ.get("STUDYHALL_BUILD_OUT", "")
#: Publishes within this many seconds share one build.
STUDYHALL_BUILD_DELAY = float(os.environ.get("STUDYHALL_BUILD_DELAY", "10"))
#: Attempts per build, and the first back-off in seconds (doubled each retry).
STUDYHALL_BUILD_ATTEMPTS = int(os.environ.get("STUDYHALL_BUILD_ATTEMPTS", "4"))
STUDYHALL_BUILD_BACKOFF = float(os.environ.get("STUDYHALL_BUILD_BACKOFF", "30"))
STUDYHALL_BUILD_TIMEOUT = float(os.environ.get("STUDYHALL_BUILD_TIMEOUT", "30"))
#: Where the static site finds images from bodies; defaults to the CMS's own address.
STUDYHALL_MEDIA_BASE_URL = os.environ.get("STUDYHALL_MEDIA_BASE_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "studyhall": {"handlers": ["console"], "level": "INFO"},
    },
}
