"""Pages in the real site theme, for previews and for the CMS's own public pages.

The theme's Jinja2 templates and its fingerprinted assets are the ones the
build uses, and Markdown goes through the build's ``MarkdownRenderer``, so an
author sees what readers will see. Members-only sections are shown to an
editor in a preview and replaced by a locked notice everywhere else.
"""

from __future__ import annotations

import tempfile
import threading
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import jinja2
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from site_builder.model import Markdown, MembersOnly, Snapshot
from site_builder.render.gated_body import entitlement_label
from site_builder.render.markdown import MarkdownRenderer
from site_builder.render.shell import shell_context
from site_builder.write.assets import write_theme_assets

ASSET_URL = "/preview-assets/"
_local = threading.local()


def markdown_html(text: str) -> str:
    """Markdown as the build renders it; one parser per thread, as it keeps state."""
    renderer = getattr(_local, "renderer", None)
    if renderer is None:
        renderer = _local.renderer = MarkdownRenderer()
    return renderer.html_only(text)


@cache
def theme_assets() -> tuple[Path, dict[str, str]]:
    """The build's own theme assets, written once per process into a private folder."""
    folder = Path(tempfile.mkdtemp(prefix="studyhall-preview-"))
    mapping = write_theme_assets(settings.THEME_DIR / "static", folder)
    return folder / "assets", {
        name: ASSET_URL + url.removeprefix("/assets/") for name, url in mapping.items()
    }


@cache
def _environment() -> jinja2.Environment:
    theme = settings.THEME_DIR
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [
                str(Path(__file__).resolve().parent / "jinja"),
                str(theme / "pelican" / "templates"),
                str(theme / "templates"),
            ]
        ),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.Undefined,
    )


def body_html(snapshot: Snapshot, page: Any, *, reveal: bool) -> str:
    """The page body; members-only text appears only when ``reveal`` is set (previews)."""
    record = page.to_snapshot()
    parts = []
    teaser = getattr(record, "teaser", "")
    if getattr(record, "access", None) and teaser:
        parts.append(f'<p class="sh-teaser">{escape(teaser)}</p>')
    heading = escape(_("Members-only section"))
    for_whom = escape(_("This part is for"))
    for block in record.body.blocks:
        if isinstance(block, Markdown):
            parts.append(markdown_html(block.text))
        elif isinstance(block, MembersOnly):
            label = escape(entitlement_label(snapshot, block.entitlement))
            if reveal:
                parts.append(
                    '<section class="sh-members-preview">'
                    f'<p class="sh-eyebrow">{heading}: {label}</p>'
                    f"{markdown_html(block.text)}</section>"
                )
            else:
                parts.append(
                    '<div class="sh-locked">'
                    f'<p class="sh-locked__title">{heading}</p>'
                    f'<p class="sh-locked__text">{for_whom} {label}.</p>'
                    "</div>"
                )
    return "\n".join(parts)


def render_page(
    request: HttpRequest, page: Any, template: str, *, reveal: bool, **extra: Any
) -> HttpResponse:
    """One page of the CMS in the site theme."""
    from editorial.models import BodyPage
    from publishing.snapshot import shell_snapshot

    snapshot = shell_snapshot()
    _folder, assets = theme_assets()
    shell = shell_context(snapshot, assets)
    context = {
        "SITENAME": snapshot.site.title,
        "SITEURL": "",
        "DEFAULT_LANG": snapshot.site.language,
        "SHELL": shell,
        "page": page,
        "page_lang": getattr(page, "lang", "") or snapshot.site.language,
        "page_url": request.path,
        "page_description": getattr(page, "summary", "") or snapshot.site.description,
        "preview": reveal,
        "body": body_html(snapshot, page, reveal=reveal) if isinstance(page, BodyPage) else "",
        **extra,
    }
    html = _environment().get_template(template).render(context)
    return HttpResponse(html, content_type="text/html; charset=utf-8")
