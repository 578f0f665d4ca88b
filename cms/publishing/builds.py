"""Asking for a build on publish, and running one: a build hook call or a local build.

Publishing never waits for a build and never fails because of one: the
request is a row and a queued task, written in its own savepoint, and
everything that can go wrong afterwards happens in the worker.
"""

from __future__ import annotations

import datetime as dt
import logging
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from publishing.models import BuildJob

logger = logging.getLogger("studyhall.publishing")


class BuildFailed(Exception):
    """A build attempt that may succeed if tried again later."""


def request_build(reason: str) -> BuildJob | None:
    """Queue a build, or join the one already waiting. Never raises."""
    try:
        return _join_or_queue(reason)
    except Exception:
        logger.exception(
            "could not queue a site build (%s); the publish itself went through", reason
        )
        return None


def _join_or_queue(reason: str) -> BuildJob:
    for _attempt in range(3):
        try:
            with transaction.atomic():
                waiting = (
                    BuildJob.objects.select_for_update().filter(status=BuildJob.QUEUED).first()
                )
                if waiting is not None:
                    waiting.requests += 1
                    waiting.reasons = f"{waiting.reasons}\n{reason}".strip()
                    waiting.save(update_fields=["requests", "reasons"])
                    if not _task_pending(waiting.task_id):
                        _enqueue(waiting, delay=settings.STUDYHALL_BUILD_DELAY)
                    return waiting
                job = BuildJob.objects.create(reasons=reason)
                _enqueue(job, delay=settings.STUDYHALL_BUILD_DELAY)
                return job
        except IntegrityError:
            continue  # another publish queued one at the same moment: join it
    raise RuntimeError("the build queue is busy")


def _task_pending(task_id: str) -> bool:
    """Whether the queue still holds the job's task (it may have been pruned or lost)."""
    from django_tasks import TaskResultStatus
    from django_tasks.exceptions import TaskResultDoesNotExist

    from publishing.tasks import run_build

    if not task_id:
        return False
    try:
        status = run_build.get_result(task_id).status
    except (TaskResultDoesNotExist, ValueError):
        return False
    return status in (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def _enqueue(job: BuildJob, delay: float) -> None:
    from publishing.tasks import run_build

    run_after = timezone.now() + dt.timedelta(seconds=delay)
    result = run_build.using(run_after=run_after).enqueue(job.pk)
    job.task_id = str(result.id)
    job.save(update_fields=["task_id"])


def run_job(job_id: int) -> str:
    """One attempt of a build job; on failure it queues the next attempt with back-off."""
    with transaction.atomic():
        job = BuildJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            return f"build {job_id} was deleted; nothing to do"
        if job.status != BuildJob.QUEUED:
            return f"build {job.pk} is {job.status}; nothing to do"
        job.status = BuildJob.RUNNING
        job.attempts += 1
        job.started_at = timezone.now()
        job.finished_at = None
        job.save(update_fields=["status", "attempts", "started_at", "finished_at"])
    try:
        status, detail = trigger_build()
    except BuildFailed as error:
        return _failed(job, str(error))
    except Exception as error:
        logger.exception("build %s crashed", job.pk)
        return _failed(job, f"{type(error).__name__}: {error}")
    job.status = status
    job.detail = detail
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "detail", "finished_at"])
    logger.info("build %s %s: %s", job.pk, status, detail)
    return detail


def _failed(job: BuildJob, reason: str) -> str:
    job.finished_at = timezone.now()
    job.detail = f"{job.detail}\nattempt {job.attempts}: {reason}".strip()
    attempts = settings.STUDYHALL_BUILD_ATTEMPTS
    if job.attempts < attempts:
        delay = settings.STUDYHALL_BUILD_BACKOFF * 2 ** (job.attempts - 1)
        try:
            with transaction.atomic():
                job.status = BuildJob.QUEUED
                job.save(update_fields=["status", "detail", "finished_at"])
                _enqueue(job, delay=delay)
        except IntegrityError:
            # A publish queued a newer build meanwhile; it builds the latest content anyway.
            job.status = BuildJob.FAILED
            job.detail += "\na newer build is already queued; it replaces this retry"
            job.save(update_fields=["status", "detail", "finished_at"])
            return reason
        logger.warning(
            "build %s attempt %s of %s failed (%s); retrying in %.1f s",
            job.pk,
            job.attempts,
            attempts,
            reason,
            delay,
        )
        return reason
    job.status = BuildJob.FAILED
    job.save(update_fields=["status", "detail", "finished_at"])
    logger.error("build %s failed after %s attempts: %s", job.pk, job.attempts, reason)
    return reason


def trigger_build() -> tuple[str, str]:
    """Call the build hook, or build locally; returns (status, detail)."""
    if settings.STUDYHALL_BUILD_HOOK_URL:
        return BuildJob.SUCCEEDED, call_hook(settings.STUDYHALL_BUILD_HOOK_URL)
    if settings.STUDYHALL_BUILD_OUT:
        return BuildJob.SUCCEEDED, build_locally(Path(settings.STUDYHALL_BUILD_OUT))
    return BuildJob.SKIPPED, (
        "no STUDYHALL_BUILD_HOOK_URL or STUDYHALL_BUILD_OUT is set; nothing was built"
    )


def call_hook(url: str) -> str:
    request = urllib.request.Request(
        url, data=b"{}", method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.STUDYHALL_BUILD_TIMEOUT) as response:
            return f"build hook answered HTTP {response.status}"
    except urllib.error.HTTPError as error:
        raise BuildFailed(f"build hook answered HTTP {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        raise BuildFailed(f"build hook unreachable ({getattr(error, 'reason', error)})") from error


def build_locally(out: Path) -> str:
    """Run the build in this worker, reading the database directly."""
    from publishing.snapshot import DatabaseSource
    from site_builder.gate.keys import MissingSecret
    from site_builder.pipeline import BuildOptions, build_site
    from site_builder.validate import ContentError

    options = BuildOptions(
        content=Path("content"),
        out=out,
        jobs=2,
        secret_dir=settings.CMS_DIR,
        source=DatabaseSource(),
        cache_dir=settings.CMS_DIR / ".studyhall" / "cache" / "analysis",
    )
    try:
        report = build_site(options)
    except ContentError as error:
        raise BuildFailed("; ".join(str(p) for p in error.problems)) from error
    except MissingSecret as error:
        raise BuildFailed(str(error)) from error
    return f"built {report.pages} pages into {out} in {report.seconds:.1f} s"
