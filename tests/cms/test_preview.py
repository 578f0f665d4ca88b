"""Previews show the page in the site's own theme, members-only sections included."""

from __future__ import annotations

import pytest
from django.test import Client

from courses.models import LessonPage

pytestmark = pytest.mark.usefixtures("demo")


def test_an_editor_previews_a_lesson_in_the_site_theme(admin_client: Client) -> None:
    lesson = LessonPage.objects.get(slug="borrowing")

    html = admin_client.get(f"/admin/pages/{lesson.pk}/view_draft/").content.decode()

    assert '<header class="sh-header"' in html  # the theme's own header partial
    assert 'class="language-rust highlight"' in html  # the build's Markdown renderer
    assert "MEMBERS-CANARY" in html  # the editor sees the members-only section
    stylesheet = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert stylesheet.startswith("/preview-assets/css/studyhall.")
    css = admin_client.get(stylesheet)
    assert css.status_code == 200 and css["Content-Type"] == "text/css"
    assert b".sh-locked" in b"".join(css.streaming_content)


def test_readers_of_the_cms_page_see_a_locked_notice(client: Client) -> None:
    html = client.get("/courses/rust-foundations/borrowing/").content.decode()

    assert "sh-locked" in html
    assert "MEMBERS-CANARY" not in html


def test_theme_assets_cannot_escape_their_folder(client: Client) -> None:
    assert client.get("/preview-assets/../../etc/passwd").status_code == 404
