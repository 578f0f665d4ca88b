"""Topic settings: edited in the admin, checked with the build's words, exported losslessly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import ArticlePage
from publishing.models import BuildJob
from site_builder.sources.content_dir import ContentDirSource
from site_builder.sources.topics_file import read_topic_overrides
from tests.cms.conftest import BUILD_TOKEN
from tests.conftest import ROOT
from topics.models import TopicSettings

pytestmark = pytest.mark.usefixtures("demo")

DEMO = ContentDirSource(ROOT / "content").load()[0].topic_overrides


def edit_url(admin_client: Client) -> str:
    response = admin_client.get("/admin/settings/topics/topicsettings/")
    assert response.status_code == 302
    return response.url


def rows(name: str, fields: tuple[str, str], new: list[dict]) -> dict:
    """What the admin posts: the saved rows (here marked deleted) and then the new ones."""
    saved = [
        {"id": row.pk, **{f.removesuffix("_id"): getattr(row, f) for f in fields}, "DELETE": "1"}
        for row in getattr(TopicSettings.objects.get(), name).all()
    ]
    return inline_formset(saved + new, initial=len(saved))


def post(admin_client: Client, renames=(), merges=(), pins=()) -> str:
    """Replace every row with the given ones; returns the page when the admin refuses."""
    data = nested_form_data(
        {
            "renames": rows(
                "renames", ("slug", "label"), [{"slug": s, "label": x} for s, x in renames]
            ),
            "merges": rows("merges", ("slug", "into"), [{"slug": s, "into": x} for s, x in merges]),
            "pins": rows(
                "pins", ("page_id", "topic"), [{"page": p.pk, "topic": t} for p, t in pins]
            ),
        }
    )
    response = admin_client.post(edit_url(admin_client), data)
    return response.content.decode() if response.status_code == 200 else ""


def test_the_demo_import_brings_the_overrides_of_topics_yml() -> None:
    overrides = TopicSettings.objects.get().to_snapshot()

    assert list(overrides.rename.items()) == list(DEMO.rename.items())
    assert list(overrides.pin.items()) == [("article:on-call-without-burnout", "raft-leader")]
    assert overrides.source == "topic settings"


def test_the_build_export_carries_the_overrides(client: Client) -> None:
    response = client.get(
        "/api/build/snapshot/", headers={"Authorization": f"Bearer {BUILD_TOKEN}"}
    )

    exported = json.loads(response.content)["topic_overrides"]
    assert exported == {
        "rename": [list(pair) for pair in DEMO.rename.items()],
        "merge": [],
        "pin": [["article:on-call-without-burnout", "raft-leader"]],
        "source": "topic settings",
    }


def test_export_content_writes_topics_yml_back_as_it_was_read(tmp_path: Path) -> None:
    call_command("export_content", str(tmp_path / "content"), verbosity=0)

    exported, problems = read_topic_overrides(tmp_path / "content" / "topics.yml")
    assert problems == []
    for section in ("rename", "merge", "pin"):
        assert list(getattr(exported, section).items()) == list(getattr(DEMO, section).items())


def test_the_settings_screen_shows_the_rows(admin_client: Client) -> None:
    response = admin_client.get(edit_url(admin_client))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Async Python"' in page
    assert 'value="raft-leader"' in page


def test_the_admin_saves_rows_in_order_and_asks_for_a_build(admin_client: Client) -> None:
    article = ArticlePage.objects.get(slug="sqlite-is-probably-enough")

    assert (
        post(
            admin_client,
            renames=[("raft-leader", "Consensus"), ("pandas", "Pandas")],
            merges=[("review-rust", "asyncio-task")],
            pins=[(article, "databases")],
        )
        == ""
    )

    overrides = TopicSettings.objects.get().to_snapshot()
    assert list(overrides.rename.items()) == [("raft-leader", "Consensus"), ("pandas", "Pandas")]
    assert overrides.merge == {"review-rust": "asyncio-task"}
    assert overrides.pin == {"article:sqlite-is-probably-enough": "databases"}
    assert BuildJob.objects.filter(reasons__contains="changed the topic settings").exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            {"merges": [("review-rust", "pandas"), ("pandas", "review-rust")]},
            "merge: merges go round in a circle: pandas -&gt; review-rust -&gt; pandas; remove "
            "one of these merges",
        ),
        (
            {"merges": [("pandas", "pandas")]},
            "merge: &#x27;pandas&#x27; is merged into itself; remove the line or name another topic",
        ),
        (
            {"renames": [("Big Data", "Data")]},
            "rename: &#x27;Big Data&#x27; is not a topic slug; use the last part of a topic&#x27;s "
            "URL (/topics/SLUG/): lowercase letters, digits and hyphens",
        ),
    ],
)
def test_the_admin_refuses_what_the_build_would_refuse(
    admin_client: Client, rows: dict, message: str
) -> None:
    before = TopicSettings.objects.get().to_snapshot()

    page = post(admin_client, **rows)

    assert message in page
    after = TopicSettings.objects.get().to_snapshot()
    assert (after.rename, after.merge, after.pin) == (before.rename, before.merge, before.pin)


def test_a_pin_on_an_unpublished_page_gets_the_builds_message(admin_client: Client) -> None:
    article = ArticlePage.objects.get(slug="sqlite-is-probably-enough")
    article.unpublish()

    page = post(admin_client, pins=[(article, "databases")])

    assert (
        "pin: &#x27;article:sqlite-is-probably-enough&#x27; is not a page; use the id of an "
        "existing page: course:SLUG, lesson:COURSE/LESSON, article:SLUG or live:SLUG"
    ) in page


def test_the_settings_speak_chinese() -> None:
    from django.utils import translation

    with translation.override("zh-hans"):
        assert str(TopicSettings._meta.verbose_name) == "主题"
        assert str(TopicSettings._meta.get_field("renames").related_model._meta.verbose_name) == (
            "主题改名"
        )


def test_unpublishing_a_pinned_page_leaves_its_pin_out_of_the_build() -> None:
    article = ArticlePage.objects.get(slug="on-call-without-burnout")
    article.unpublish()

    assert TopicSettings.objects.get().to_snapshot().pin == {}
    article.save_revision().publish()
    assert TopicSettings.objects.get().to_snapshot().pin == {
        "article:on-call-without-burnout": "raft-leader"
    }


def test_the_worker_finds_the_last_topic_state_in_its_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``STUDYHALL_BUILD_OUT`` is built over every time: the next build starts from its state."""
    from articles.models import ArticleIndexPage
    from publishing.builds import build_locally
    from tests.conftest import TEST_SECRET

    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)
    out = tmp_path / "public"
    build_locally(out)
    before = json.loads((out / "topics" / "state.json").read_text(encoding="utf-8"))
    model = ArticlePage.objects.get(slug="sqlite-is-probably-enough")
    article = ArticlePage(
        title="Choosing a partition key",
        slug="choosing-a-partition-key",
        date=model.date,
        author=model.author,
        column=model.column,
        summary="How a partition key spreads load across replicas.",
    )
    ArticleIndexPage.objects.get().add_child(instance=article)
    article.save_revision().publish()

    build_locally(out)

    after = json.loads((out / "topics" / "state.json").read_text(encoding="utf-8"))
    assert after["placed"] == ["article:choosing-a-partition-key"]
    assert {t["slug"] for t in before["topics"]} <= {t["slug"] for t in after["topics"]}
