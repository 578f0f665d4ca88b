"""An editor in real Chromium: log in, edit a lesson, publish it."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS

PASSWORD = "correct-horse-battery-staple"
# Playwright's sync API runs an event loop in the test thread, which Django's ORM
# takes for async code; the ORM calls in this module are plain synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(
            "Chromium is missing: install it with `apt-get install chromium fonts-noto-cjk`"
        )
    return {"executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def editor(live_server) -> str:
    """A superuser in the demo CMS, served by a real HTTP server."""
    from django.contrib.auth import get_user_model

    from tests.cms.conftest import ensure_demo

    ensure_demo()
    get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    return live_server.url


def test_an_editor_edits_and_publishes_a_lesson(editor: str, page) -> None:
    from courses.models import LessonPage
    from publishing.models import BuildJob

    lesson = LessonPage.objects.get(slug="borrowing")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{editor}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))

    page.goto(f"{editor}/admin/pages/{lesson.pk}/edit/")
    page.fill("#id_title", "Borrowing and slices, revised")
    page.fill("#id_summary", "References, the aliasing rule and slices, now with more examples.")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "cms-lesson-editor.png"), full_page=False)

    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))

    assert "has been published" in page.content()
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "Borrowing and slices, revised"
    assert not lesson.has_unpublished_changes
    assert "published “Borrowing and slices, revised”" in BuildJob.objects.latest("pk").reasons
    assert os.path.getsize(ARTIFACTS / "cms-lesson-editor.png") > 10_000

    page.goto(f"{editor}/admin/pages/{lesson.pk}/view_draft/")
    assert page.locator("h1").inner_text() == "Borrowing and slices, revised"
    assert page.locator(".sh-members-preview").count() == 1
    page.screenshot(path=str(ARTIFACTS / "cms-lesson-preview.png"), full_page=False)
