"""Public API fields that never carry members-only text."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class PublicBodyField(serializers.Field):
    """A page body as anyone may read it.

    A members-only section keeps its place and names who may read it, but its
    blocks are left out; a members-only page has no body at all (its teaser is
    a field of its own).
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page: Any) -> list[dict[str, Any]]:
        if getattr(page, "access", ""):
            return []
        blocks = []
        for block in page.body:
            if block.block_type == "members":
                value: Any = {"entitlement": block.value.get("entitlement") or "", "locked": True}
            else:
                value = block.block.get_api_representation(block.value, self.context)
            blocks.append({"type": block.block_type, "value": value, "id": block.id})
        return blocks
