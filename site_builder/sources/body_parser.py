"""Split Markdown into public text and ``/// members | ENTITLEMENT`` sections."""

from __future__ import annotations

import re

from site_builder.model import Body, Markdown, MembersOnly
from site_builder.validate.problem import Problem

_OPEN = re.compile(r"^///\s*members\s*(?:\|\s*(?P<entitlement>.*?))?\s*$")
_ANY_OPEN = re.compile(r"^///\s*\S")
_CLOSE = re.compile(r"^///\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def parse_body(
    text: str, path: str, field: str = "body", line_offset: int = 0
) -> tuple[Body, list[Problem]]:
    """Parse a page body; fenced code is never mistaken for a block marker.

    ``line_offset`` turns body lines into file lines for messages.
    """
    blocks: list[Markdown | MembersOnly] = []
    problems: list[Problem] = []
    public: list[str] = []
    members: list[str] | None = None
    entitlement = ""
    opened_at = 0
    depth = 0
    fence: str | None = None

    def flush_public() -> None:
        chunk = "\n".join(public).strip("\n")
        if chunk.strip():
            blocks.append(Markdown(chunk))
        public.clear()

    for number, line in enumerate(text.splitlines(), start=1 + line_offset):
        fence_match = _FENCE.match(line)
        if fence is not None:
            if (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
            ):
                fence = None
        elif fence_match:
            fence = fence_match.group(1)
        elif members is None and (opening := _OPEN.match(line)):
            flush_public()
            entitlement = (opening.group("entitlement") or "").strip()
            if not entitlement:
                problems.append(
                    Problem(
                        path,
                        field,
                        f"line {number}: members section names no entitlement",
                        "write `/// members | member` (a tier slug or course:SLUG)",
                    )
                )
            members, opened_at, depth = [], number, 0
            continue
        elif members is not None and _OPEN.match(line):
            problems.append(
                Problem(
                    path,
                    field,
                    f"line {number}: members section inside another one (opened on line "
                    f"{opened_at})",
                    "close the first section with `///` before opening the next",
                )
            )
        elif members is not None and _CLOSE.match(line):
            if depth == 0:
                blocks.append(
                    MembersOnly(entitlement, "\n".join(members).strip("\n"), _count(blocks))
                )
                members = None
                continue
            depth -= 1
        elif members is not None and _ANY_OPEN.match(line):
            depth += 1
        (public if members is None else members).append(line)

    if members is not None:
        problems.append(
            Problem(
                path,
                field,
                f"line {opened_at}: members section is never closed",
                "add a line with only `///` where the section ends",
            )
        )
    flush_public()
    return Body(tuple(blocks)), problems


def whole_page_body(text: str, entitlement: str) -> Body:
    """A page whose front matter sets ``access:``: all of it is one members section."""
    return Body((MembersOnly(entitlement, text.strip("\n"), 0),))


def _count(blocks: list[Markdown | MembersOnly]) -> int:
    return sum(isinstance(b, MembersOnly) for b in blocks)
