"""Theme assets, fingerprinted so that they can be cached for a year."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pygments.formatters import HtmlFormatter

from site_builder.render import urls

_CODE_LIGHT = "friendly"
_CODE_DARK = "github-dark"


def _code_styles() -> str:
    """Pygments colours for publication pages (Material brings its own for the readers)."""
    light = HtmlFormatter(style=_CODE_LIGHT).get_style_defs(".sh-prose .highlight")
    dark = HtmlFormatter(style=_CODE_DARK).get_style_defs(
        '[data-md-color-scheme="slate"] .sh-prose .highlight'
    )
    return f"\n/* Code highlighting (Pygments) */\n{light}\n{dark}\n"


def fingerprinted_name(name: str, data: bytes) -> str:
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{stem}.{digest}{dot}{suffix}" if dot else f"{name}.{digest}"


def write_theme_assets(static_dir: Path, out_dir: Path) -> dict[str, str]:
    """Copy the theme's static files under ``/assets/``; returns name -> URL."""
    mapping: dict[str, str] = {}
    for path in sorted(p for p in static_dir.rglob("*") if p.is_file()):
        name = path.relative_to(static_dir).as_posix()
        data = path.read_bytes()
        if name == "css/studyhall.css":
            data += _code_styles().encode()
        target = fingerprinted_name(name, data)
        destination = out_dir / urls.ASSETS.strip("/") / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        mapping[name] = urls.ASSETS + target
    return mapping
