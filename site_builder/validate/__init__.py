"""Rules over a snapshot that yield problems; none of them raises on a user mistake."""

from site_builder.validate.problem import ContentError, Problem
from site_builder.validate.rules import validate

__all__ = ["ContentError", "Problem", "validate"]
