"""A user mistake, reported as one line that says where, what and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    path: str
    field: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}: " if self.field else f"{self.path}: "
        return where + self.message + (f"; {self.fix}" if self.fix else "")


class ContentError(Exception):
    """Raised by a stage that cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem], warnings: list[str] | None = None) -> None:
        self.problems = sorted(set(problems))
        self.warnings = warnings or []
        super().__init__("\n".join(str(p) for p in self.problems))
