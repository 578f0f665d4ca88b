"""Gated bodies as Markdown: public text plus a locked placeholder per sealed section."""

from __future__ import annotations

from html import escape

from site_builder.model import Body, Markdown, Sealed, Snapshot
from site_builder.render import urls


def entitlement_label(snapshot: Snapshot, entitlement: str) -> str:
    if entitlement.startswith("course:"):
        course = snapshot.course(entitlement.removeprefix("course:"))
        return f"buyers of “{course.title}”" if course else entitlement
    tier = snapshot.tier(entitlement)
    return f"{tier.name} members" if tier else entitlement


def locked_html(snapshot: Snapshot, page_id: str, block: Sealed) -> str:
    """A placeholder that carries only ciphertext; the browser may unlock it."""
    label = escape(entitlement_label(snapshot, block.entitlement))
    return (
        f'<div class="sh-locked" data-entitlement="{escape(block.entitlement)}" data-label="{label}" '
        f'data-page="{escape(page_id)}" data-index="{block.index}" data-epoch="{block.epoch}" '
        f'data-nonce="{block.nonce}" data-ciphertext="{block.ciphertext}">\n'
        f'<p class="sh-locked__title">Members-only section</p>\n'
        f'<p class="sh-locked__text" data-sh-locked-text>This part is for {label}. '
        f'<a href="{urls.PRICING}">See membership plans</a> or '
        f'<a href="{urls.UNLOCK}">use your access token</a>.</p>\n'
        f"</div>"
    )


def gated_markdown(snapshot: Snapshot, page_id: str, body: Body, teaser: str = "") -> str:
    """Markdown a renderer may publish: nothing in it is members-only text."""
    parts = [f'<p class="sh-teaser">{escape(teaser)}</p>'] if teaser else []
    for block in body.blocks:
        if isinstance(block, Markdown):
            parts.append(block.text)
        elif isinstance(block, Sealed):
            parts.append(locked_html(snapshot, page_id, block))
        else:
            raise TypeError(
                f"{page_id}: renderers accept only gated bodies, got {type(block).__name__}"
            )
    return "\n\n".join(parts) + "\n"
