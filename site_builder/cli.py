"""The command line: ``python build.py [build|serve|check] ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from site_builder.gate.keys import SECRET_VARIABLE, MissingSecret
from site_builder.pipeline import BuildOptions, BuildReport, build_site
from site_builder.search_cli import add_search_command, run_search_command
from site_builder.sources.cms import add_cms_arguments, source_from_args
from site_builder.sources.content_dir import ContentDirSource
from site_builder.token_cli import add_token_commands, run_token_command
from site_builder.validate import ContentError, validate
from site_builder.workers import default_jobs

DEFAULT_CONTENT = Path("content")
DEFAULT_OUT = Path("public")
#: Analysis results kept between builds, beside the development secret.
DEFAULT_CACHE = Path(".studyhall") / "cache" / "analysis"

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


class RichProgress:
    """A progress bar on the terminal; silent when output is not a terminal."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._task: int | None = None

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def stage(self, name: str, total: int | None = None) -> None:
        if self._task is not None:
            self._progress.update(self._task, completed=self._progress.tasks[self._task].total or 1)
        self._task = self._progress.add_task(name, total=total or 1)

    def advance(self, detail: str = "") -> None:
        if self._task is not None:
            self._progress.advance(self._task)


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content/)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output folder (default: public/)"
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build a Studyhall learning site. With no command, builds content/ into public/.",
    )
    commands = parser.add_subparsers(dest="command")

    build = commands.add_parser("build", help="build the static site")
    _add_paths(build)
    build.add_argument(
        "--production",
        action="store_true",
        help=f"refuse to build without {SECRET_VARIABLE} in the environment",
    )
    build.add_argument(
        "--jobs", type=int, default=default_jobs(), help="render processes (default: CPU count)"
    )
    build.add_argument("--quiet", action="store_true", help="print only problems")
    build.add_argument(
        "--topic-state",
        type=Path,
        metavar="FILE",
        help="the previous build's topics/state.json, which keeps topic URLs stable "
        "(default: the one in --out)",
    )
    build.add_argument(
        "--no-cache",
        action="store_true",
        help=f"analyse afresh instead of reusing a result kept in {DEFAULT_CACHE}/",
    )
    add_cms_arguments(build)

    serve = commands.add_parser("serve", help="build, serve on localhost and rebuild on change")
    _add_paths(serve)
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--no-watch", action="store_true", help="do not rebuild on change")

    check = commands.add_parser("check", help="validate the content without building")
    check.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    add_token_commands(commands)
    add_search_command(commands)
    return parser


def run_build(options: BuildOptions, *, quiet: bool = False) -> BuildReport | None:
    """Build once; prints problems or a summary. Returns ``None`` on failure."""
    try:
        if quiet or not err.is_terminal:
            report = build_site(options)
        else:
            with RichProgress(err) as progress:
                report = build_site(options, progress)
    except ContentError as error:
        for warning in error.warnings:
            err.print(f"warning: {warning}", markup=False)
        for problem in error.problems:
            err.print(str(problem), markup=False)
        err.print(
            f"Build failed: {len(error.problems)} problem(s); {options.out}/ was left as it was.",
            markup=False,
        )
        return None
    except MissingSecret as error:
        err.print(f"Build failed: {error}", markup=False)
        return None
    if not quiet:
        _summary(report)
    return report


def _summary(report: BuildReport) -> None:
    for warning in report.warnings:
        err.print(f"warning: {warning}", markup=False)
    if report.development_secret:
        err.print(
            f"[yellow]Development secret in use ({report.secret_origin}); set {SECRET_VARIABLE} "
            "for a real site.[/yellow]"
        )
    out.print(
        f"[green]Built {report.pages} pages into {report.out}/ in {report.seconds:.1f} s"
        f"[/green] ({len(report.warnings)} warning(s))."
    )


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    command = args.command or "build"
    if command == "check":
        snapshot, problems = ContentDirSource(args.content).load()
        problems = sorted(set(problems + validate(snapshot)))
        for problem in problems:
            err.print(str(problem), markup=False)
        if not problems:
            out.print(f"{args.content}/ is valid.")
        return 1 if problems else 0
    if command == "token":
        return run_token_command(args, out, err)
    if command == "search":
        return run_search_command(args, out, err)
    if command == "serve":
        from site_builder.serve import serve

        return serve(args)
    options = BuildOptions(
        content=getattr(args, "content", DEFAULT_CONTENT),
        out=getattr(args, "out", DEFAULT_OUT),
        production=getattr(args, "production", False),
        jobs=getattr(args, "jobs", default_jobs()),
        source=source_from_args(args),
        topic_state=getattr(args, "topic_state", None),
        cache_dir=None if getattr(args, "no_cache", False) else DEFAULT_CACHE,
    )
    return 0 if run_build(options, quiet=getattr(args, "quiet", False)) else 1


if __name__ == "__main__":
    sys.exit(main())
