"""Publishing rebuilds the site through the task queue, once per burst, and survives a bad hook."""

from __future__ import annotations

import logging

import pytest
from django_tasks_db.models import DBTaskResult

from courses.models import LessonPage
from publishing.models import BuildJob


@pytest.fixture(autouse=True)
def empty_queue(demo: None) -> None:
    """The import queued a build of its own; these tests start from an empty queue."""
    BuildJob.objects.all().delete()
    DBTaskResult.objects.all().delete()


def publish(slug: str, title: str) -> LessonPage:
    page = LessonPage.objects.get(slug=slug)
    page.title = title
    page.save_revision().publish()
    return page


def build_tasks() -> int:
    return DBTaskResult.objects.filter(task_path="publishing.tasks.run_build").count()


def test_three_quick_publishes_make_one_build_hook_call(hook_server, run_worker, settings) -> None:
    settings.STUDYHALL_BUILD_HOOK_URL = hook_server.url

    publish("borrowing", "Borrowing, revised")
    publish("ownership", "Ownership, revised")
    publish("traits-and-generics", "Traits, revised")
    run_worker()

    assert hook_server.calls == ["/build-hook"]
    job = BuildJob.objects.get()
    assert (job.status, job.requests, job.attempts) == (BuildJob.SUCCEEDED, 3, 1)
    assert job.detail == "build hook answered HTTP 200"
    assert job.started_at <= job.finished_at
    assert "published “Traits, revised”" in job.reasons


def test_a_publish_after_a_build_queues_the_next_build(hook_server, run_worker, settings) -> None:
    settings.STUDYHALL_BUILD_HOOK_URL = hook_server.url

    publish("borrowing", "Borrowing, revised")
    run_worker()
    LessonPage.objects.get(slug="ownership").unpublish()
    run_worker()

    assert len(hook_server.calls) == 2
    assert [job.status for job in BuildJob.objects.order_by("pk")] == ["succeeded", "succeeded"]


def test_a_failing_hook_is_retried_with_backoff_and_the_page_stays_published(
    hook_server, run_worker, settings, caplog
) -> None:
    settings.STUDYHALL_BUILD_HOOK_URL = hook_server.url
    hook_server.status = 500
    caplog.set_level(logging.WARNING, logger="studyhall.publishing")

    page = publish("borrowing", "Borrowing, revised")
    for _round in range(100):
        run_worker()
        if BuildJob.objects.get().status == BuildJob.FAILED:
            break

    job = BuildJob.objects.get()
    assert (job.status, job.attempts) == (BuildJob.FAILED, 3)
    assert len(hook_server.calls) == 3
    assert build_tasks() == 3
    assert job.detail.splitlines() == [
        f"attempt {n}: build hook answered HTTP 500" for n in (1, 2, 3)
    ]
    assert "retrying in 0.1 s" in caplog.text
    assert "failed after 3 attempts" in caplog.text
    page.refresh_from_db()
    assert page.live and page.title == "Borrowing, revised" and not page.has_unpublished_changes


def test_a_broken_queue_never_blocks_a_publish(monkeypatch, caplog) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("queue is down")

    monkeypatch.setattr("publishing.builds._enqueue", broken)

    page = publish("borrowing", "Published anyway")

    page.refresh_from_db()
    assert page.live and page.title == "Published anyway"
    assert BuildJob.objects.count() == 0
    assert "could not queue a site build" in caplog.text


def test_a_waiting_build_whose_task_was_lost_is_queued_again(
    hook_server, run_worker, settings
) -> None:
    settings.STUDYHALL_BUILD_HOOK_URL = hook_server.url
    publish("borrowing", "Borrowing, revised")
    DBTaskResult.objects.all().delete()

    publish("ownership", "Ownership, revised")
    run_worker()

    assert hook_server.calls == ["/build-hook"]
    assert BuildJob.objects.get().requests == 2


def test_without_a_hook_or_an_output_folder_the_build_is_skipped(run_worker) -> None:

    publish("borrowing", "Borrowing, revised")
    run_worker()

    job = BuildJob.objects.get()
    assert job.status == BuildJob.SKIPPED
    assert "STUDYHALL_BUILD_HOOK_URL" in job.detail


def test_build_history_is_listed_in_the_admin(
    admin_client, hook_server, run_worker, settings
) -> None:
    settings.STUDYHALL_BUILD_HOOK_URL = hook_server.url
    publish("borrowing", "Borrowing, revised")
    run_worker()

    listing = admin_client.get("/admin/site_builds/")

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "succeeded" in html and "Duration" in html
    assert admin_client.get("/admin/site_builds/new/").status_code in (302, 403, 404)
