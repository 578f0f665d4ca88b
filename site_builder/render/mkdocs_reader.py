"""Course readers with MkDocs and the Material theme: one small MkDocs build per course."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from site_builder.model import Course, Lesson, Snapshot
from site_builder.render import urls
from site_builder.render.base import RenderContext, RenderJob
from site_builder.render.gated_body import entitlement_label, gated_markdown
from site_builder.render.markdown import mkdocs_extensions
from site_builder.render.shell import description

# Outputs of each MkDocs build that the site writes once for all courses.
_PER_BUILD_LEFTOVERS = ("sitemap.xml", "sitemap.xml.gz", "404.html", "search")


class MkDocsCourseRenderer:
    name = "mkdocs"

    def jobs(self, context: RenderContext) -> list[RenderJob]:
        return [
            RenderJob(
                f"course {course.slug}",
                build_course,
                str(self._prepare(context, course)),
                len(course.lessons),
            )
            for course in context.snapshot.courses
        ]

    def _prepare(self, context: RenderContext, course: Course) -> Path:
        snapshot = context.snapshot
        root = context.work_dir / "mkdocs" / course.slug
        docs = root / "docs"
        docs.mkdir(parents=True, exist_ok=True)
        _write_page(
            docs / "index.md",
            _overview_meta(snapshot, course),
            gated_markdown(snapshot, course.item_id, course.body),
        )
        for lesson in course.lessons:
            _write_page(
                docs / f"{lesson.slug}.md",
                _lesson_meta(snapshot, course, lesson) | _related_meta(context, lesson.item_id),
                gated_markdown(
                    snapshot, lesson.item_id, lesson.body, lesson.teaser if lesson.access else ""
                ),
            )
        config = {
            "site_name": course.title,
            "site_url": snapshot.site.url + urls.course_url(course),
            "site_description": course.summary,
            "docs_dir": str(docs),
            "site_dir": str(context.out_dir / urls.course_url(course).strip("/")),
            "use_directory_urls": True,
            "strict": False,
            "theme": {
                "name": "material",
                "custom_dir": str(context.theme_dir / "templates"),
                "language": "zh" if course.lang == "zh" else "en",
                "font": False,
                "favicon": context.shell["assets"]["img/favicon.svg"],
                # Only our colours: js/theme.js picks light or dark on every page of both
                # renderers (Material's own palette switch is not rendered, so it would not).
                "palette": {"scheme": "default", "primary": "custom", "accent": "custom"},
                "features": [
                    "navigation.footer",
                    "navigation.top",
                    "navigation.indexes",
                    "content.code.copy",
                    "toc.follow",
                ],
            },
            "plugins": [],
            "extra_css": [context.shell["assets"]["css/studyhall.css"]],
            "extra_javascript": [
                context.shell["assets"]["js/studyhall.js"],
                context.shell["assets"]["js/unlock.js"],
                context.shell["assets"]["js/search-engine.js"],
                context.shell["assets"]["js/search-ui.js"],
                context.shell["assets"]["js/recommend.js"],
            ],
            "extra": {
                "scope": "/",
                "shell": context.shell,
                "course": _course_context(snapshot, course)
                | {"path": context.extra["site_context"].get("paths", {}).get(course.slug, [])},
            },
            "nav": [{"Overview": "index.md"}]
            + [{lesson.title: f"{lesson.slug}.md"} for lesson in course.lessons],
        }
        config_path = root / "mkdocs.yml"
        config_path.write_text(_yaml(config, sort_keys=False), encoding="utf-8")
        return config_path


def build_course(config_path: str) -> list[str]:
    """Run one MkDocs build; returns its warnings. Runs in a worker process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(f"mkdocs: {record.getMessage()}")

    logger = logging.getLogger("mkdocs")
    handler = Collect(level=logging.WARNING)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        # Extensions are passed here: their slug functions cannot be written as YAML.
        config = load_config(config_path, markdown_extensions=mkdocs_extensions())
        config.plugins["studyhall-shared-theme-work"] = _SharedThemeWork()
        build(config)
    finally:
        logger.removeHandler(handler)
    site_dir = Path(config["site_dir"])
    for name in _PER_BUILD_LEFTOVERS:
        leftover = site_dir / name
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    return warnings


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of a worker process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecodeCache()
_THEME_LISTINGS: dict[tuple[Any, ...], list[str]] = {}


class _SharedThemeWork(BasePlugin):
    """Skip the work every course's build would repeat, in each worker process.

    MkDocs makes a fresh Jinja environment for every build: without this a
    worker building twenty courses compiles Material's templates twenty times
    and lists its 14,000 icon files twenty times. Material's CSS and JavaScript
    are not copied per course: the site writes one shared copy
    (:func:`site_builder.write.postprocess.share_material_assets`).
    """

    def on_config(self, config: MkDocsConfig, /) -> MkDocsConfig:
        theme = config.theme
        make_env = theme.get_env
        listing_key = (tuple(theme.dirs), tuple(theme.static_templates))

        def get_env() -> jinja2.Environment:
            env = make_env()
            env.bytecode_cache = _BYTECODE

            def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
                key = (*listing_key, extensions, filter_func is None)
                if key not in _THEME_LISTINGS:
                    _THEME_LISTINGS[key] = jinja2.Environment.list_templates(
                        env, extensions, filter_func
                    )
                return _THEME_LISTINGS[key]

            env.list_templates = list_templates  # type: ignore[method-assign]
            return env

        theme.get_env = get_env  # type: ignore[method-assign]
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        theme_dirs = set(config.theme.dirs)
        for file in list(files):
            if file.src_dir in theme_dirs and file.src_uri.startswith("assets/"):
                files.remove(file)
        return files


def _write_page(path: Path, meta: dict[str, Any], body: str) -> None:
    front = _yaml(meta, sort_keys=True)
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")


def _yaml(data: dict[str, Any], *, sort_keys: bool) -> str:
    # libyaml's emitter writes the same YAML as PyYAML's own, many times faster.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=sort_keys)


def _overview_meta(snapshot: Snapshot, course: Course) -> dict[str, Any]:
    return {
        "title": course.title,
        "description": description(course, snapshot.site.description),
        "lang": course.lang or snapshot.site.language,
        "course_home": True,
        "hide": ["toc"] if not course.body.public_text.count("\n#") else [],
    }


def _related_meta(context: RenderContext, item: str) -> dict[str, Any]:
    related = context.extra["site_context"].get("related", {}).get(item, [])
    return {"related": related} if related else {}


def _lesson_meta(snapshot: Snapshot, course: Course, lesson: Lesson) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": lesson.title,
        "description": description(lesson, course.summary),
        "lang": lesson.lang or course.lang or snapshot.site.language,
        "item": lesson.item_id,
        "order": lesson.order,
    }
    if lesson.access:
        meta["locked_for"] = entitlement_label(snapshot, lesson.access)
    return meta


def _course_context(snapshot: Snapshot, course: Course) -> dict[str, Any]:
    tier = snapshot.tier(course.tier)
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "level": course.level,
        "tier": {"slug": course.tier, "name": tier.name if tier else course.tier},
        "lang": course.lang or snapshot.site.language,
        "tags": list(course.tags),
        "authors": [
            {"name": a.name, "url": urls.author_url(a.slug)}
            for a in (snapshot.author(slug) for slug in course.authors)
            if a is not None
        ],
        "prerequisites": [
            {"title": p.title, "url": urls.course_url(p)}
            for p in (snapshot.course(slug) for slug in course.prerequisites)
            if p is not None
        ],
        "lessons": [
            {
                "order": lesson.order,
                "item": lesson.item_id,
                "title": lesson.title,
                "summary": lesson.summary,
                "url": urls.lesson_url(lesson),
                "locked": bool(lesson.access),
            }
            for lesson in course.lessons
        ],
    }
