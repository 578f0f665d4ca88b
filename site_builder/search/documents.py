"""What the search index holds about each page, taken from the gated snapshot only.

A members-only page contributes its public title, summary and teaser; its
body is ciphertext after the gate and never reaches this module as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.model import Article, Course, Lesson, LiveSession, Sealed, Snapshot
from site_builder.model.snapshot import Page
from site_builder.render import urls

KINDS = ("course", "lesson", "article", "live")
_KIND_OF = {Course: "course", Lesson: "lesson", Article: "article", LiveSession: "live"}
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*\S+\s*(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
#: Emphasis marks, but not the underscores inside ``read_csv`` or ``to_thread``.
_MARKS = re.compile(r"[*`>|~\\]|^\s*#+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One page as the index sees it: scored text fields plus what a result shows."""

    url: str
    kind: str
    lang: str
    title: str
    headings: str
    summary: str
    tags: str
    context: str
    body: str
    #: Where the page sits (its course or column), shown beside the page type.
    label: str
    #: Who may read the members-only parts ("Pro"); empty when everything is public.
    badge: str


def search_text(markdown: str) -> str:
    """Public Markdown as one line of words, code included, identifiers kept whole.

    Code matters here: readers search for ``read_csv`` or ``asyncio.gather``.
    """
    lines: list[str] = []
    for line in markdown.splitlines():
        if _FENCE.match(line) or _TABLE_RULE.match(line) or line.startswith("///"):
            continue
        if admonition := _ADMONITION.match(line):
            line = admonition.group(1).replace('"', " ")
        lines.append(line)
    text = _TAG.sub(" ", _LINK.sub(r"\1", "\n".join(lines)))
    return " ".join(_MARKS.sub(" ", text).split())


def headings(markdown: str) -> list[str]:
    """``#`` headings of public Markdown, skipping fenced code (where ``#`` is a comment)."""
    found: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines():
        if opening := _FENCE.match(line):
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None and (heading := _HEADING.match(line)):
            found.append(search_text(heading.group(1)))
    return found


def tier_badge(snapshot: Snapshot, page: Page) -> str:
    """Who may read what is locked: the tier's name, or "Course purchase"."""
    locked = [getattr(page, "access", None)]
    locked += [b.entitlement for b in page.body.blocks if isinstance(b, Sealed)]
    entitlement = next((e for e in locked if e), "")
    if not entitlement:
        return ""
    if entitlement.startswith("course:"):
        return "Course purchase"
    tier = snapshot.tier(entitlement)
    return tier.name if tier else entitlement


def _names(snapshot: Snapshot, slugs: tuple[str, ...]) -> list[str]:
    return [a.name for a in (snapshot.author(s) for s in slugs) if a is not None]


def search_document(snapshot: Snapshot, page: Page) -> SearchDocument:
    """The index record of one gated page."""
    if not page.body.is_gated:
        raise ValueError(f"{page.item_id}: the search index accepts only gated pages")
    public = page.body.public_text
    teaser = getattr(page, "teaser", "")
    tags: tuple[str, ...] = getattr(page, "tags", ())
    course = snapshot.course(page.course) if isinstance(page, Lesson) else None
    badge = tier_badge(snapshot, page)
    match page:
        case Course():
            label = ""
            context = [*_names(snapshot, page.authors), page.level]
        case Lesson():
            label = course.title if course else page.course
            context = [label, *(course.tags if course else ())]
            context += _names(snapshot, course.authors) if course else []
        case Article():
            column = snapshot.column(page.column)
            label = column.name if column else page.column
            context = [label, *_names(snapshot, (page.author,))]
        case LiveSession():
            label = ""
            context = ["live session", *_names(snapshot, (page.host,))]
    return SearchDocument(
        url=urls.page_url(page),
        kind=_KIND_OF[type(page)],
        lang=page.lang or (course.lang if course else "") or snapshot.site.language,
        title=page.title,
        headings="\n".join(headings(public)),
        summary=" ".join(text for text in (page.summary, teaser) if text),
        tags=" ".join(tags),
        context="\n".join([*context, badge]),
        body=search_text(public),
        label=label,
        badge=badge,
    )


def search_documents(snapshot: Snapshot) -> list[SearchDocument]:
    """Every page of the gated snapshot, in the snapshot's stable order."""
    return [search_document(snapshot, page) for page in snapshot.pages()]
