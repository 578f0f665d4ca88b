"""Every body block becomes the Markdown dialect the build renders."""

from __future__ import annotations

import pytest

from courses.models import LessonPage
from editorial.markdown import html_to_markdown, stream_body
from site_builder.model import Body, Markdown, MembersOnly

pytestmark = pytest.mark.usefixtures("demo")


def test_rich_text_becomes_markdown() -> None:
    lesson = LessonPage.objects.get(slug="borrowing")
    html = (
        '<h2 data-block-key="a">Slices</h2><p data-block-key="b">A <b>slice</b> is a '
        '<i>view</i>, see <code>&amp;str</code> and <a href="https://doc.rust-lang.org/">the book</a>'
        f' or <a linktype="page" id="{lesson.pk}">borrowing</a>.</p>'
        "<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul><hr/>"
    )

    assert html_to_markdown(html) == (
        "## Slices\n\n"
        "A **slice** is a *view*, see `&str` and [the book](https://doc.rust-lang.org/) or "
        "[borrowing](/courses/rust-foundations/borrowing/).\n\n"
        "- one\n- two\n    1. nested\n\n---"
    )


def test_blocks_become_one_public_chunk_around_each_members_section() -> None:
    lesson = LessonPage(title="t", slug="t")
    lesson.body = [
        ("markdown", "Intro."),
        ("code", {"language": "rust", "code": "fn main() {}\n"}),
        ("callout", {"kind": "tip", "title": "Hint", "text": "Read it twice.\n\nThen run it."}),
        (
            "members",
            {
                "entitlement": "pro",
                "body": [("exercise", {"prompt": "Write it.", "solution": "Like this."})],
            },
        ),
        ("video", {"url": "https://video.example/1", "title": "Replay"}),
    ]

    assert stream_body(lesson.body, None) == Body(
        (
            Markdown(
                "Intro.\n\n```rust\nfn main() {}\n```\n\n"
                '!!! tip "Hint"\n    Read it twice.\n\n    Then run it.'
            ),
            MembersOnly(
                "pro",
                '!!! question "Exercise"\n    Write it.\n\n??? success "Solution"\n    Like this.',
                0,
            ),
            Markdown("[▶ Replay](https://video.example/1)"),
        )
    )
    assert stream_body(lesson.body, "member").blocks[0].entitlement == "member"
