"""What every renderer promises, so that one can be swapped without touching the rest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from site_builder.model import Snapshot


@dataclass(frozen=True, slots=True)
class RenderJob:
    """A unit of rendering that can run in another process.

    ``run`` must be a module-level function so the job can be pickled.
    """

    name: str
    run: Callable[[Any], list[str]]
    payload: Any
    weight: int = 1


@dataclass(slots=True)
class RenderContext:
    """What the pipeline hands every renderer: the gated snapshot and the shared look."""

    snapshot: Snapshot
    shell: dict[str, Any]
    out_dir: Path
    work_dir: Path
    theme_dir: Path
    extra: dict[str, Any] = field(default_factory=dict)


class Renderer(Protocol):
    name: str

    def jobs(self, context: RenderContext) -> list[RenderJob]:
        """Prepare inputs and return the jobs that write pages into ``context.out_dir``."""
        ...
