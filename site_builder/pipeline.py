"""One build: load -> validate -> gate -> analyse and index -> render -> write, and nothing else."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from site_builder.analysis import AnalysisCache, analyse
from site_builder.analysis.overrides import unused_overrides
from site_builder.gate import SectionSealer, gate_snapshot
from site_builder.gate.keys import key_epoch, load_secret
from site_builder.model import Snapshot
from site_builder.render.base import RenderContext, Renderer, RenderJob
from site_builder.render.markdown import MarkdownRenderer
from site_builder.render.mkdocs_reader import MkDocsCourseRenderer
from site_builder.render.pelican_site import PelicanSiteRenderer
from site_builder.render.shell import shell_context
from site_builder.render.site_context import site_context
from site_builder.search import write_search
from site_builder.sources.content_dir import ContentDirSource
from site_builder.validate import ContentError, validate
from site_builder.validate.rules import check_interactions
from site_builder.workers import Workers
from site_builder.write.assets import write_theme_assets
from site_builder.write.postprocess import postprocess_html, share_material_assets
from site_builder.write.recommendations import write_recommendations
from site_builder.write.site_files import write_calendars, write_robots, write_sitemap
from site_builder.write.staging import staging_folder
from site_builder.write.topic_state import read_topic_state, write_topic_state

THEME_DIR = Path(__file__).resolve().parent.parent / "themes" / "studyhall"
RENDERERS: tuple[Renderer, ...] = (PelicanSiteRenderer(), MkDocsCourseRenderer())


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...
    def advance(self, detail: str = "") -> None: ...


class SilentProgress:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, detail: str = "") -> None:
        pass


@dataclass(frozen=True)
class BuildOptions:
    content: Path
    out: Path
    production: bool = False
    jobs: int = 2
    #: Seconds since the epoch that pick the key epoch; ``None`` means now.
    now: float | None = None
    secret_dir: Path = field(default_factory=Path.cwd)
    #: Anything with ``load() -> (Snapshot, problems)``; ``None`` reads ``content``.
    source: Any = None
    #: The previous build's ``topics/state.json`` (keeps topic URLs); ``None`` reads it from ``out``.
    topic_state: Path | None = None
    #: Where analysis results are kept for the next build; ``None`` analyses afresh.
    cache_dir: Path | None = None


@dataclass
class BuildReport:
    out: Path
    pages: int
    seconds: float
    warnings: list[str]
    secret_origin: str
    development_secret: bool


def build_site(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build the site into ``options.out``; raises :class:`ContentError` on user mistakes."""
    progress = progress or SilentProgress()
    started = time.perf_counter()

    progress.stage("Loading content")
    snapshot, problems = (options.source or ContentDirSource(options.content)).load()
    progress.stage("Validating")
    problems += validate(snapshot)
    snapshot, warnings, interaction_problems = check_interactions(snapshot)
    problems += interaction_problems
    if problems:
        raise ContentError(problems, warnings)

    progress.stage("Sealing members-only sections")
    secret = load_secret(production=options.production, dev_dir=options.secret_dir)
    epoch = key_epoch(
        time.time() if options.now is None else options.now, snapshot.site.key_epoch_days
    )
    gated = gate_snapshot(snapshot, SectionSealer(secret, epoch, MarkdownRenderer().html_only))

    with (
        staging_folder(options.out) as out,
        tempfile.TemporaryDirectory(prefix="studyhall-") as work,
        Workers(options.jobs) as workers,
    ):
        # The search index needs only the gated snapshot: it runs while the catalogue
        # is analysed here, and the renderers follow once the analysis is done.
        workers.submit(RenderJob("search index", _index_for_search, (gated, out)))

        progress.stage("Analysing topics, related content and paths")
        previous, state_warnings = read_topic_state(options.topic_state or options.out)
        analysis = analyse(
            gated,
            previous=previous,
            overrides=gated.topic_overrides or None,
            cache=AnalysisCache(options.cache_dir) if options.cache_dir else None,
        )
        warnings += state_warnings + unused_overrides(gated.topic_overrides, analysis)

        assets = write_theme_assets(THEME_DIR / "static", out)
        shell = shell_context(gated, assets | write_recommendations(gated, analysis, out))
        context = RenderContext(
            gated,
            shell,
            out,
            Path(work),
            THEME_DIR,
            extra={"site_context": site_context(gated, analysis), "analysis": analysis},
        )
        workers.submit_all([job for renderer in RENDERERS for job in renderer.jobs(context)])
        progress.stage("Rendering", total=workers.submitted)
        warnings += workers.wait(progress)
        progress.stage("Writing")
        share_material_assets(out)
        pages = postprocess_html(out)
        write_calendars(gated, out)
        write_sitemap(out, gated.site.url)
        write_robots(out, gated.site.url)
        write_topic_state(analysis, out)

    return BuildReport(
        out=options.out,
        pages=pages,
        seconds=time.perf_counter() - started,
        warnings=warnings,
        secret_origin=secret.origin,
        development_secret=secret.is_development,
    )


def _index_for_search(payload: tuple[Snapshot, Path]) -> list[str]:
    write_search(*payload)
    return []
