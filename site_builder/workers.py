"""Worker processes for the build's independent jobs.

Jobs are handed over as soon as their input exists, not in one batch: the
search index needs only the gated snapshot, so it runs while the main process
analyses the catalogue, and the renderers follow once the analysis is done.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Protocol

from site_builder.render.base import RenderJob


class Progress(Protocol):
    def advance(self, detail: str = "") -> None: ...


class Workers:
    """Run :class:`RenderJob`\\ s in ``count`` processes; with one, here and in order.

    Use as a context manager; :meth:`wait` returns the warnings of every job
    submitted so far and re-raises the first failure.
    """

    def __init__(self, count: int) -> None:
        self.count = max(1, count)
        self._pool: ProcessPoolExecutor | None = None
        self._pending: list[RenderJob] = []
        self._futures: dict[Future[list[str]], RenderJob] = {}

    def __enter__(self) -> Workers:
        if self.count > 1:
            self._pool = ProcessPoolExecutor(max_workers=self.count)
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=exc_type is not None)

    @property
    def submitted(self) -> int:
        return len(self._pending) + len(self._futures)

    def submit(self, job: RenderJob) -> None:
        if self._pool is None:
            self._pending.append(job)
        else:
            self._futures[self._pool.submit(job.run, job.payload)] = job

    def submit_all(self, jobs: list[RenderJob]) -> None:
        """Submit the heaviest first, so that no long job starts last."""
        for job in sorted(jobs, key=lambda job: -job.weight):
            self.submit(job)

    def wait(self, progress: Progress) -> list[str]:
        warnings: list[str] = []
        while self._pending:
            job = self._pending.pop(0)
            warnings += job.run(job.payload)
            progress.advance(job.name)
        for future in as_completed(self._futures):
            warnings += future.result()
            progress.advance(self._futures[future].name)
        self._futures.clear()
        return sorted(warnings)


def default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))
