"""Changes to the rendered tree that hold for every renderer's pages."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from mkdocs.utils import get_theme_dir

from site_builder.render import urls

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_MATERIAL_ASSET = re.compile(r'(href|src)="(?:\./)?(?:\.\./)*assets/(stylesheets|javascripts)/')
MATERIAL_ASSETS = urls.ASSETS + "material/"


def externalise_inline_scripts(html: str, out_dir: Path) -> str:
    """Move inline scripts into files, so the Content-Security-Policy needs no 'unsafe-inline'.

    Scripts stay in place and in order, so they run exactly as before.
    """

    def move(match: re.Match[str]) -> str:
        code = match.group(1).strip()
        if not code:
            return ""
        name = hashlib.sha256(code.encode()).hexdigest()[:16] + ".js"
        target = out_dir / urls.ASSETS.strip("/") / "js" / "inline" / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code + "\n", encoding="utf-8")
        return f'<script src="{urls.ASSETS}js/inline/{name}"></script>'

    return _INLINE_SCRIPT.sub(move, html)


def share_material_assets(out_dir: Path) -> None:
    """Write one copy of Material's bundles for all course readers.

    The course builds leave them out (see ``render/mkdocs_reader.py``); pages
    point at this copy once :func:`postprocess_html` has rewritten their links.
    """
    if not (out_dir / urls.COURSES.strip("/")).is_dir():
        return
    bundles = Path(get_theme_dir("material")) / "assets"
    shared = out_dir / MATERIAL_ASSETS.strip("/")
    for kind in ("stylesheets", "javascripts"):
        shutil.copytree(bundles / kind, shared / kind, dirs_exist_ok=True)


def postprocess_html(out_dir: Path) -> int:
    """Apply every rewrite to every page; returns how many pages there are."""
    count = 0
    for page in sorted(out_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        rewritten = _MATERIAL_ASSET.sub(
            lambda m: f'{m.group(1)}="{MATERIAL_ASSETS}{m.group(2)}/', html
        )
        rewritten = externalise_inline_scripts(rewritten, out_dir)
        if rewritten != html:
            page.write_text(rewritten, encoding="utf-8")
        count += 1
    return count
