"""Typed reads of YAML mappings that record a problem instead of raising."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from site_builder.validate.problem import Problem


class Fields:
    """One YAML mapping (front matter or a list entry) and the problems found in it."""

    def __init__(self, data: dict[str, Any], path: str, problems: list[Problem]) -> None:
        self.data = data
        self.path = path
        self.problems = problems

    def problem(self, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.path, field, message, fix))

    def text(self, name: str, default: str = "", *, required: bool = False) -> str:
        value = self.data.get(name)
        if value is None or value == "":
            if required:
                self.problem(name, "missing", f"add `{name}:` to the front matter")
            return default
        if isinstance(value, dict | list):
            self.problem(
                name, f"expected text, found a {type(value).__name__}", "write one line of text"
            )
            return default
        return str(value).strip()

    def integer(self, name: str, default: int | None = None, *, minimum: int = 0) -> int | None:
        value = self.data.get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | str):
            self.problem(
                name, f"{value!r} is not a whole number", f"write a number such as `{name}: 1`"
            )
            return default
        try:
            number = int(value)
        except ValueError:
            self.problem(
                name, f"{value!r} is not a whole number", f"write a number such as `{name}: 1`"
            )
            return default
        if number < minimum:
            self.problem(name, f"{number} is below {minimum}", f"use {minimum} or more")
            return default
        return number

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            self.problem(name, "expected a list of words", f"write `{name}: [first, second]`")
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())

    def date(self, name: str, *, required: bool = False) -> dt.date | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(name, "missing", f"add `{name}: YYYY-MM-DD` to the front matter")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.problem(
                name, f"{str(value)!r} is not a date", "write it as YYYY-MM-DD, e.g. 2026-03-14"
            )
            return None

    def moment(self, name: str, zone_field: str) -> tuple[dt.datetime | None, str]:
        """A start time and its IANA time zone, as an aware datetime."""
        zone_name = self.text(zone_field, "UTC")
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(
                zone_field,
                f"{zone_name!r} is not a known time zone",
                "use an IANA name such as Europe/Berlin or Asia/Shanghai",
            )
            zone, zone_name = ZoneInfo("UTC"), "UTC"
        value = self.data.get(name)
        if value is None:
            self.problem(name, "missing", f"add `{name}: YYYY-MM-DD HH:MM` to the front matter")
            return None, zone_name
        if isinstance(value, dt.datetime):
            moment = value
        else:
            try:
                moment = dt.datetime.fromisoformat(str(value).strip())
            except ValueError:
                self.problem(
                    name,
                    f"{str(value)!r} is not a date and time",
                    "write it as YYYY-MM-DD HH:MM, e.g. 2026-12-17 19:00",
                )
                return None, zone_name
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zone)
        return moment, zone_name
