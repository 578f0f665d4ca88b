"""Tasks for the django-tasks database queue; ``manage.py db_worker`` runs them."""

from __future__ import annotations

from django_tasks import task

from publishing.builds import run_job


@task(queue_name="builds")
def run_build(job_id: int) -> str:
    """Build the site once for every publish that joined this job."""
    return run_job(job_id)
