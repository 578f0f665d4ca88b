"""Page bodies: public Markdown interleaved with members-only sections.

A body is parsed once, by the source, into blocks. The gate replaces every
:class:`MembersOnly` block with a :class:`Sealed` one; renderers accept only
public and sealed blocks, so members-only text cannot reach them by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Markdown:
    """Public Markdown, rendered as it is."""

    text: str


@dataclass(frozen=True, slots=True)
class MembersOnly:
    """Members-only Markdown before the gate. ``index`` numbers sections within a page."""

    entitlement: str
    text: str
    index: int


@dataclass(frozen=True, slots=True)
class Sealed:
    """A members-only section after the gate: only ciphertext is left."""

    entitlement: str
    index: int
    epoch: int
    nonce: str
    ciphertext: str


Block = Markdown | MembersOnly | Sealed


@dataclass(frozen=True, slots=True)
class Body:
    blocks: tuple[Block, ...] = ()

    @property
    def is_gated(self) -> bool:
        return not any(isinstance(block, MembersOnly) for block in self.blocks)

    @property
    def public_text(self) -> str:
        """The Markdown anyone may read; the source of excerpts and search text."""
        return "\n\n".join(b.text for b in self.blocks if isinstance(b, Markdown))

    @property
    def entitlements(self) -> tuple[str, ...]:
        return tuple(b.entitlement for b in self.blocks if isinstance(b, MembersOnly | Sealed))
