"""The CMS under test: Django + Wagtail on SQLite, or on a real PostgreSQL server.

``STUDYHALL_CMS_TEST_DB=postgres`` (what ``scripts/test`` sets for its second
run) points the tests at PostgreSQL; if the server cannot be reached the tests
fail and say how to start it. The demo content is imported once per test
database, so each test starts from the demo and its changes are rolled back.
"""

from __future__ import annotations

import http.server
import importlib
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "cms"))

DATABASE = os.environ.get("STUDYHALL_CMS_TEST_DB", "sqlite")
POSTGRES_URL = os.environ.get(
    "STUDYHALL_CMS_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
)
if DATABASE not in ("sqlite", "postgres"):
    raise RuntimeError(f"STUDYHALL_CMS_TEST_DB={DATABASE!r}: use sqlite or postgres")
os.environ["DATABASE_URL"] = POSTGRES_URL if DATABASE == "postgres" else "sqlite://:memory:"
os.environ.pop("STUDYHALL_BUILD_HOOK_URL", None)
os.environ.pop("STUDYHALL_BUILD_OUT", None)

import django  # noqa: E402
from django.conf import settings  # noqa: E402

# Configured in place rather than through DJANGO_SETTINGS_MODULE, which pytest-xdist
# would pass on to workers that cannot import the settings before this file runs.
if not settings.configured:
    module = importlib.import_module("studyhall_cms.settings")
    settings.configure(**{name: getattr(module, name) for name in dir(module) if name.isupper()})
django.setup()

BUILD_TOKEN = "test-build-token-" + "t" * 32


def _check_postgres() -> None:
    import psycopg

    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.Error as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {POSTGRES_URL} ({str(error).strip()}). "
            "Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main "
            "start` (`.ci/run` does this), or point "
            "STUDYHALL_CMS_TEST_POSTGRES_URL at a server where the user may create databases.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    if DATABASE == "postgres":
        _check_postgres()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker) -> None:
    """The demo content, imported once into each test database."""
    with django_db_blocker.unblock():
        ensure_demo()


def ensure_demo() -> None:
    """Import the demo unless it is there; rebuilds Wagtail's tree after a flush."""
    from django.core.management import call_command
    from wagtail.models import Locale, Page

    from courses.models import CoursePage

    if CoursePage.objects.exists():
        return
    Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    call_command("import_content", str(ROOT / "content"), verbosity=0)


@pytest.fixture(autouse=True)
def _cms_settings(settings) -> None:
    settings.STUDYHALL_BUILD_TOKEN = BUILD_TOKEN
    settings.STUDYHALL_BUILD_HOOK_URL = ""
    settings.STUDYHALL_BUILD_OUT = ""
    settings.STUDYHALL_BUILD_DELAY = 0
    settings.STUDYHALL_BUILD_BACKOFF = 0.05
    settings.STUDYHALL_BUILD_ATTEMPTS = 3
    settings.STUDYHALL_BUILD_TIMEOUT = 5


@pytest.fixture
def demo(db) -> None:
    """The demo content (imported again if a transactional test flushed it)."""
    ensure_demo()


@dataclass
class HookServer:
    """A build hook on 127.0.0.1 that records each call and answers with ``status``."""

    url: str = ""
    status: int = 200
    calls: list[str] = field(default_factory=list)


@pytest.fixture
def hook_server() -> Iterator[HookServer]:
    hook = HookServer()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            hook.calls.append(self.path)
            self.send_response(hook.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    hook.url = f"http://127.0.0.1:{server.server_address[1]}/build-hook"
    yield hook
    server.shutdown()
    server.server_close()


@pytest.fixture
def run_worker(monkeypatch: pytest.MonkeyPatch):
    """Run ``manage.py db_worker --batch`` in this process, inside the test's transaction.

    The worker recycles database connections between tasks; here the test owns
    the connection (and its rollback), so recycling is switched off.
    """
    from django.core.management import call_command

    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run() -> None:
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--queue-name",
            "*",
            "--interval",
            "0",
            verbosity=0,
        )

    return run
