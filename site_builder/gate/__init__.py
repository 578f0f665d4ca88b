"""The only code that sees members-only text: it leaves here as ciphertext.

Every renderer receives the gated snapshot; :func:`gate_snapshot` is the one
step of the build where :class:`~site_builder.model.MembersOnly` blocks exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from site_builder.gate.keys import SiteSecret, derive_key
from site_builder.gate.seal import seal_section
from site_builder.model import Body, Course, MembersOnly, Sealed, Snapshot
from site_builder.model.snapshot import Page


class SectionSealer:
    """Seals sections with one key per entitlement for the current epoch.

    ``to_html`` renders a section's Markdown first: the browser that opens it
    has no Markdown parser, and the plain text must never leave this class.
    """

    def __init__(self, secret: SiteSecret, epoch: int, to_html: Callable[[str], str]) -> None:
        self.secret = secret
        self.epoch = epoch
        self.to_html = to_html
        self._keys: dict[str, bytes] = {}

    def key(self, entitlement: str) -> bytes:
        if entitlement not in self._keys:
            self._keys[entitlement] = derive_key(self.secret, entitlement, self.epoch)
        return self._keys[entitlement]

    def body(self, page_id: str, body: Body) -> Body:
        blocks = []
        for block in body.blocks:
            if isinstance(block, MembersOnly):
                html = self.to_html(block.text)
                nonce, ciphertext = seal_section(
                    self.key(block.entitlement), page_id, block.index, html
                )
                block = Sealed(block.entitlement, block.index, self.epoch, nonce, ciphertext)
            blocks.append(block)
        return Body(tuple(blocks))

    def page(self, page: Page) -> Page:
        return replace(page, body=self.body(page.item_id, page.body))


def gate_snapshot(snapshot: Snapshot, sealer: SectionSealer) -> Snapshot:
    """The snapshot with every members-only section sealed."""

    def course(c: Course) -> Course:
        return replace(sealer.page(c), lessons=tuple(sealer.page(lesson) for lesson in c.lessons))

    gated = snapshot.replace(
        courses=tuple(course(c) for c in snapshot.courses),
        articles=tuple(sealer.page(a) for a in snapshot.articles),
        live_sessions=tuple(sealer.page(s) for s in snapshot.live_sessions),
    )
    assert all(page.body.is_gated for page in gated.pages())
    return gated
