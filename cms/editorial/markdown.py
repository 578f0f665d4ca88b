"""StreamField bodies to and from the Markdown dialect the build renders.

The snapshot model knows only Markdown and members-only Markdown, so every
block is written out as Markdown here; the import goes the other way, keeping
each public chunk as one Markdown block so that an import followed by an
export gives back the same text.
"""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any, ClassVar
from urllib.parse import urljoin

from django.conf import settings

from site_builder.model import Body, Markdown, MembersOnly

Node = tuple[str, dict[str, str], list[Any]]


def stream_markdown(stream: Iterable[Any]) -> str:
    """All blocks as one Markdown text; members sections use the ``/// members`` syntax."""
    parts = []
    for block in stream:
        if block.block_type == "members":
            inner = stream_markdown(block.value["body"])
            parts.append(f"/// members | {block.value['entitlement']}\n{inner}\n///")
        else:
            parts.append(block_markdown(block.block_type, block.value))
    return "\n\n".join(part.strip("\n") for part in parts if part.strip())


def stream_body(stream: Iterable[Any], access: str | None) -> Body:
    """The snapshot body of a page, shaped exactly as the ``content/`` loader shapes it."""
    if access:
        return Body((MembersOnly(access, stream_markdown(stream), 0),))
    blocks: list[Markdown | MembersOnly] = []
    public: list[str] = []

    def flush() -> None:
        text = "\n\n".join(public).strip("\n")
        if text.strip():
            blocks.append(Markdown(text))
        public.clear()

    for block in stream:
        if block.block_type == "members":
            flush()
            index = sum(isinstance(b, MembersOnly) for b in blocks)
            text = stream_markdown(block.value["body"])
            blocks.append(MembersOnly(block.value["entitlement"] or "", text, index))
        else:
            text = block_markdown(block.block_type, block.value).strip("\n")
            if text.strip():
                public.append(text)
    flush()
    return Body(tuple(blocks))


def body_stream(body: Body) -> list[dict[str, Any]]:
    """Raw StreamField data for a snapshot body: one Markdown block per public chunk."""
    data: list[dict[str, Any]] = []
    for block in body.blocks:
        if isinstance(block, MembersOnly):
            inner = [{"type": "markdown", "value": block.text}] if block.text.strip() else []
            data.append(
                {"type": "members", "value": {"entitlement": block.entitlement, "body": inner}}
            )
        elif isinstance(block, Markdown):
            data.append({"type": "markdown", "value": block.text})
    return data


def body_text(body: Body) -> str:
    """A snapshot body as the Markdown of a ``content/`` page."""
    parts = []
    for block in body.blocks:
        if isinstance(block, MembersOnly):
            parts.append(f"/// members | {block.entitlement}\n{block.text}\n///")
        elif isinstance(block, Markdown):
            parts.append(block.text)
    return "\n\n".join(parts)


def block_markdown(block_type: str, value: Any) -> str:
    """One public block as Markdown."""
    if block_type == "markdown":
        return str(value)
    if block_type == "rich_text":
        return html_to_markdown(value.source if hasattr(value, "source") else str(value))
    if block_type == "code":
        fence = "````" if "```" in value["code"] else "```"
        return f"{fence}{value['language']}\n{value['code'].rstrip()}\n{fence}"
    if block_type == "callout":
        title = f' "{value["title"]}"' if value.get("title") else ""
        return f"!!! {value['kind']}{title}\n{_indent(value['text'])}"
    if block_type == "image":
        image = value["image"]
        if image is None:
            return ""
        caption = f"\n\n*{value['caption']}*" if value.get("caption") else ""
        return f"![{value['alt']}]({media_url(image.get_rendition('max-1600x1600').url)}){caption}"
    if block_type == "video":
        return f"[▶ {value['title']}]({value['url']})"
    if block_type == "exercise":
        text = f'!!! question "Exercise"\n{_indent(value["prompt"])}'
        if value.get("solution"):
            text += f'\n\n??? success "Solution"\n{_indent(value["solution"])}'
        return text
    raise ValueError(f"unknown block type {block_type!r}")


def media_url(path: str) -> str:
    """Media links in the static site point at the CMS (or the CDN in front of it)."""
    base = settings.STUDYHALL_MEDIA_BASE_URL or settings.WAGTAILADMIN_BASE_URL
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))


def _indent(text: str) -> str:
    return "\n".join(
        f"    {line}" if line.strip() else "" for line in text.strip("\n").splitlines()
    )


class _Tree(HTMLParser):
    VOID: ClassVar[set[str]] = {"br", "hr", "img", "embed"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: Node = ("root", {}, [])
        self.stack: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node: Node = (tag, {k: v or "" for k, v in attrs}, [])
        self.stack[-1][2].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1][2].append((tag, {k: v or "" for k, v in attrs}, []))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1][2].append(data)


def html_to_markdown(html: str) -> str:
    """Wagtail rich text (its database format) as Markdown."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return _blocks(tree.root[2]).strip("\n")


def _blocks(children: list[Any], list_depth: int = 0) -> str:
    out: list[str] = []
    for child in children:
        if isinstance(child, str):
            if child.strip():
                out.append(child.strip())
            continue
        tag, attrs, kids = child
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            out.append("#" * int(tag[1]) + " " + _inline(kids).strip())
        elif tag == "p":
            out.append(_inline(kids).strip())
        elif tag in ("ul", "ol"):
            out.append(_list(tag, kids, list_depth))
        elif tag == "blockquote":
            inner = _blocks(kids, list_depth)
            out.append("\n".join(f"> {line}" if line else ">" for line in inner.splitlines()))
        elif tag == "hr":
            out.append("---")
        elif tag == "embed" and attrs.get("embedtype") == "image":
            out.append(_image(attrs))
        else:
            out.append(_inline([child]).strip())
    return "\n\n".join(part for part in out if part)


def _list(tag: str, items: list[Any], depth: int) -> str:
    lines = []
    number = 0
    for item in items:
        if isinstance(item, str) or item[0] != "li":
            continue
        number += 1
        marker = f"{number}. " if tag == "ol" else "- "
        inline = [k for k in item[2] if isinstance(k, str) or k[0] not in ("ul", "ol")]
        nested = [k for k in item[2] if not isinstance(k, str) and k[0] in ("ul", "ol")]
        lines.append("    " * depth + marker + _inline(inline).strip())
        lines.extend(_list(n[0], n[2], depth + 1) for n in nested)
    return "\n".join(lines)


def _inline(children: list[Any]) -> str:
    text = ""
    for child in children:
        if isinstance(child, str):
            text += child.replace("\n", " ")
            continue
        tag, attrs, kids = child
        inner = _inline(kids)
        if tag in ("b", "strong"):
            text += f"**{inner}**"
        elif tag in ("i", "em"):
            text += f"*{inner}*"
        elif tag == "code":
            text += f"`{inner}`"
        elif tag == "br":
            text += "  \n"
        elif tag == "a":
            text += f"[{inner}]({_href(attrs)})"
        elif tag == "embed" and attrs.get("embedtype") == "image":
            text += _image(attrs)
        else:
            text += inner
    return text


def _href(attrs: dict[str, str]) -> str:
    """Internal links point at the page's address on the static site."""
    if attrs.get("linktype") == "page":
        from wagtail.models import Page

        page = Page.objects.filter(pk=attrs.get("id")).first()
        return getattr(page.specific, "site_url", page.url or "") if page else "#"
    if attrs.get("linktype") == "document":
        from wagtail.documents import get_document_model

        document = get_document_model().objects.filter(pk=attrs.get("id")).first()
        return media_url(document.url) if document else "#"
    return attrs.get("href", "#")


def _image(attrs: dict[str, str]) -> str:
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=attrs.get("id")).first()
    if image is None:
        return ""
    return f"![{attrs.get('alt', '')}]({media_url(image.get_rendition('max-1600x1600').url)})"
