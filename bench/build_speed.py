"""Time our build against MkDocs + Material, Pelican and Hugo on the same generated pages.

Why: Studyhall promises to build a site at least twice as fast as the two tools
it replaces (MkDocs + Material for courses, Pelican for articles) run one after
the other, and to stay under 1 GiB of memory. This script makes that claim
checkable: it generates a content folder (``bench/generate.py``), converts the
same lessons and articles into a plain project for each peer, and times every
build from scratch in a fresh process.

Each command runs under a small Python wrapper in its own process, so that
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` reports that command only
(the largest single process of its tree). The wrapper also samples the summed
RSS of the whole process tree from ``/proc`` every 0.1 s, which catches worker
pools; "peak MB" is the larger of the two.

Usage::

    python bench/build_speed.py [--lessons 1000 --articles 1000] [--runs 3] [--skip-hugo]
    python bench/build_speed.py --lessons 40 --articles 40 --runs 1 --skip-hugo   # smoke

Exit status: 0 when every command ran (the target may still be MISSED), 1 when
one failed or timed out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.generate import generate  # noqa: E402

TARGET_RATIO = 0.5
MEMORY_LIMIT_MB = 1024
TOOLS = ("ours", "mkdocs", "pelican", "hugo")

# Runs one command and writes {"wall", "returncode", "maxrss_kb", "tree_peak_bytes"}
# as JSON to argv[1]; argv[2] is the working folder, the rest is the command.
WRAPPER = r"""
import json, os, resource, subprocess, sys, threading, time

out, cwd, *cmd = sys.argv[1:]
page = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root):
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * page
        except (OSError, ValueError, IndexError):
            pass
        todo.extend(children.get(pid, ()))
    return total


peak = 0
done = threading.Event()


def sample(pid):
    global peak
    while not done.is_set():
        peak = max(peak, tree_rss(pid))
        done.wait(0.1)


start = time.perf_counter()
proc = subprocess.Popen(cmd, cwd=cwd)
sampler = threading.Thread(target=sample, args=(proc.pid,), daemon=True)
sampler.start()
returncode = proc.wait()
wall = time.perf_counter() - start
done.set()
sampler.join()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as handle:
    json.dump(
        {"wall": wall, "returncode": returncode, "maxrss_kb": usage.ru_maxrss,
         "tree_peak_bytes": peak},
        handle,
    )
"""

MKDOCS_EXTENSIONS: list[Any] = [
    "admonition",
    {"pymdownx.superfences": {}},
    {"pymdownx.highlight": {}},
    {"toc": {"permalink": True}},
    "attr_list",
    "md_in_html",
    "pymdownx.details",
    {"pymdownx.tabbed": {"alternate_style": True}},
]

PELICANCONF = """\
AUTHOR = "Studyhall Bench"
SITENAME = "Studyhall Bench (Pelican)"
SITEURL = "https://bench.example"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.admonition": {},
        "markdown.extensions.toc": {"permalink": True},
    },
    "output_format": "html5",
}
"""

HUGO_CONFIG = """\
baseURL = "https://bench.example/"
languageCode = "en"
title = "Studyhall Bench (Hugo)"
hasCJKLanguage = true
buildFuture = true
"""

HUGO_SINGLE = """\
<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></nav>
<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main>
</body>
</html>
"""

HUGO_LIST = """\
<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<main><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main>
</body>
</html>
"""

_MEMBERS_MARKER = re.compile(r"^///\s*(members\b.*)?$")


# --- reading the generated content ---------------------------------------------------


@dataclass(frozen=True)
class Page:
    path: Path
    meta: dict[str, Any]
    body: str


@dataclass(frozen=True)
class Content:
    root: Path
    courses: list[tuple[str, dict[str, Any], list[Page]]]
    articles: list[Page]
    live: list[Page]

    @property
    def lessons(self) -> list[Page]:
        return [lesson for _, _, lessons in self.courses for lesson in lessons]

    @property
    def source_pages(self) -> int:
        return len(self.courses) + len(self.lessons) + len(self.articles) + len(self.live)


def read_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        front, _, body = text[4:].partition("\n---\n")
        meta = yaml.safe_load(front) or {}
    else:
        meta, body = {}, text
    return Page(path, meta, body)


def read_content(root: Path) -> Content:
    courses = []
    for folder in sorted(p for p in (root / "courses").glob("*") if p.is_dir()):
        course = read_page(folder / "course.md")
        lessons = [read_page(p) for p in sorted(folder.glob("*.md")) if p.name != "course.md"]
        courses.append((folder.name, course.meta, lessons))
    articles = [read_page(p) for p in sorted((root / "articles").glob("*.md"))]
    live = [read_page(p) for p in sorted((root / "live").glob("*.md"))]
    return Content(root, courses, articles, live)


def strip_members(body: str) -> str:
    """Drop the ``/// members | X`` and ``///`` lines; peers show the text to everyone."""
    return "\n".join(line for line in body.splitlines() if not _MEMBERS_MARKER.match(line)) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def _front(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


# --- peer projects -------------------------------------------------------------------


def write_mkdocs(content: Content, root: Path) -> None:
    """One MkDocs + Material project holding every lesson, nav grouped per course."""
    docs = root / "docs"
    _write(docs / "index.md", "# Studyhall Bench\n\nEvery generated lesson, built by MkDocs.\n")
    nav: list[Any] = [{"Home": "index.md"}]
    for slug, course, lessons in content.courses:
        entries = []
        for lesson in lessons:
            relative = f"{slug}/{lesson.path.name}"
            title = str(lesson.meta.get("title", lesson.path.stem))
            _write(docs / relative, _front({"title": title}) + strip_members(lesson.body))
            entries.append({title: relative})
        nav.append({str(course.get("title", slug)): entries})
    config = {
        "site_name": "Studyhall Bench (MkDocs)",
        "site_url": "https://bench.example/",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": MKDOCS_EXTENSIONS,
        "nav": nav,
    }
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))


def write_pelican(content: Content, root: Path) -> None:
    """One Pelican project with every article, default theme, Markdown metadata."""
    columns = {c["slug"]: c["name"] for c in _yaml_list(content.root / "columns.yml")}
    authors = {a["slug"]: a["name"] for a in _yaml_list(content.root / "authors.yml")}
    _write(root / "pelicanconf.py", PELICANCONF)
    for article in content.articles:
        meta = article.meta
        lines = [
            f"Title: {meta.get('title', article.path.stem)}",
            f"Date: {meta.get('date', '2026-01-01')}",
            f"Category: {columns.get(str(meta.get('column')), 'Articles')}",
            f"Tags: {', '.join(str(t) for t in meta.get('tags') or [])}",
            f"Slug: {article.path.stem}",
            f"Lang: {meta.get('lang') or 'en'}",
            f"Author: {authors.get(str(meta.get('author')), 'Studyhall Bench')}",
            f"Summary: {meta.get('summary', '')}",
        ]
        text = "\n".join(lines) + "\n\n" + strip_members(article.body)
        _write(root / "content" / article.path.name, text)


def write_hugo(content: Content, root: Path) -> None:
    """A minimal Hugo site with every lesson and article and trivial layouts."""
    _write(root / "config.toml", HUGO_CONFIG)
    _write(root / "layouts" / "_default" / "single.html", HUGO_SINGLE)
    _write(root / "layouts" / "_default" / "list.html", HUGO_LIST)
    pages = root / "content"
    _write(pages / "lessons" / "_index.md", _front({"title": "Courses"}))
    for slug, course, lessons in content.courses:
        _write(
            pages / "lessons" / slug / "_index.md",
            _front({"title": str(course.get("title", slug))}),
        )
        for lesson in lessons:
            meta = {"title": lesson.meta.get("title"), "weight": lesson.meta.get("order")}
            _write(
                pages / "lessons" / slug / lesson.path.name,
                _front(meta) + strip_members(lesson.body),
            )
    _write(pages / "articles" / "_index.md", _front({"title": "Articles"}))
    for article in content.articles:
        meta = {
            "title": article.meta.get("title"),
            "date": str(article.meta.get("date")),
            "tags": article.meta.get("tags") or [],
            "categories": [article.meta.get("column")],
            "summary": article.meta.get("summary", ""),
        }
        _write(pages / "articles" / article.path.name, _front(meta) + strip_members(article.body))


def _yaml_list(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    return [item for item in data or [] if isinstance(item, dict)]


# --- running and measuring -----------------------------------------------------------


@dataclass
class Run:
    wall: float
    returncode: int
    maxrss_mb: float
    tree_peak_mb: float
    stderr_tail: str = ""


@dataclass
class Tool:
    name: str
    label: str
    pages: int
    command: list[str]
    cwd: Path
    output: Path
    runs: list[Run] = field(default_factory=list)
    missing: str = ""
    failed: str = ""
    html_files: int = 0

    @property
    def ok(self) -> bool:
        return bool(self.runs) and not self.failed and not self.missing

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(max(r.maxrss_mb, r.tree_peak_mb) for r in self.runs)


def measure(command: Sequence[str], cwd: Path, timeout: float) -> Run:
    """Run ``command`` in a fresh wrapper process and return its wall time and memory."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_path = Path(handle.name)
    try:
        wrapper = subprocess.Popen(
            [sys.executable, "-c", WRAPPER, str(result_path), str(cwd), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            start_new_session=True,
        )
        try:
            stdout, stderr = wrapper.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(wrapper.pid, signal.SIGKILL)
            stdout, stderr = wrapper.communicate()
            tail = _tail(stdout + stderr)
            return Run(timeout, -9, 0.0, 0.0, f"timed out after {timeout:.0f} s\n{tail}")
        try:
            data = json.loads(result_path.read_text())
        except (OSError, ValueError):
            return Run(0.0, wrapper.returncode or 1, 0.0, 0.0, _tail(stdout + stderr))
    finally:
        result_path.unlink(missing_ok=True)
    return Run(
        wall=float(data["wall"]),
        returncode=int(data["returncode"]),
        maxrss_mb=data["maxrss_kb"] / 1024,
        tree_peak_mb=data["tree_peak_bytes"] / 2**20,
        stderr_tail=_tail(stderr or stdout),
    )


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def count_html(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html")) if folder.is_dir() else 0


def run_tool(tool: Tool, runs: int, timeout: float, log: Callable[[str], None]) -> None:
    for number in range(1, runs + 1):
        shutil.rmtree(tool.output, ignore_errors=True)
        log(f"  {tool.name}: run {number}/{runs} ...")
        run = measure(tool.command, tool.cwd, timeout)
        tool.runs.append(run)
        if run.returncode != 0:
            tool.failed = f"exit status {run.returncode}"
            log(f"  {tool.name} FAILED ({tool.failed}); last lines of its output:")
            log("\n".join("    | " + line for line in run.stderr_tail.splitlines()))
            return
        log(f"  {tool.name}: {run.wall:.2f} s, peak {max(run.maxrss_mb, run.tree_peak_mb):.0f} MB")
    tool.html_files = count_html(tool.output)


def plan(
    content: Content, work: Path, tools: Sequence[str], log: Callable[[str], None]
) -> list[Tool]:
    python = sys.executable
    lessons, articles = len(content.lessons), len(content.articles)
    plans: list[Tool] = []
    if "ours" in tools:
        out = work / "ours"
        plans.append(
            Tool(
                "ours",
                "studyhall (build.py)",
                content.source_pages,
                # --no-cache: every run analyses afresh, as a first build does.
                [
                    python,
                    "build.py",
                    "build",
                    "--no-cache",
                    "--content",
                    str(content.root),
                    "--out",
                    str(out),
                ],
                REPO,
                out,
            )
        )
    if "mkdocs" in tools:
        root = work / "mkdocs"
        write_mkdocs(content, root)
        plans.append(
            Tool(
                "mkdocs",
                "mkdocs + material (lessons)",
                lessons,
                [python, "-m", "mkdocs", "build", "-q"],
                root,
                root / "site",
            )
        )
    if "pelican" in tools:
        root = work / "pelican"
        write_pelican(content, root)
        plans.append(
            Tool(
                "pelican",
                "pelican (articles)",
                articles,
                [python, "-m", "pelican", "content", "-o", "out", "-s", "pelicanconf.py", "-q"],
                root,
                root / "out",
            )
        )
    if "hugo" in tools:
        root = work / "hugo"
        hugo = shutil.which("hugo")
        tool = Tool(
            "hugo",
            "hugo (lessons + articles)",
            lessons + articles,
            [hugo or "hugo", "--quiet"],
            root,
            root / "public",
        )
        if hugo is None:
            tool.missing = "hugo not installed: apt-get install --no-install-recommends hugo"
            log(tool.missing)
        else:
            write_hugo(content, root)
        plans.append(tool)
    return plans


# --- report --------------------------------------------------------------------------


def summary(tools: list[Tool]) -> tuple[list[str], bool | None]:
    """Lines comparing ours to the peers, and whether the speed target was met."""
    by_name = {t.name: t for t in tools}
    ours = by_name.get("ours")
    lines: list[str] = []
    met: bool | None = None
    peers = [by_name.get("mkdocs"), by_name.get("pelican")]
    if ours and ours.ok and all(p and p.ok for p in peers):
        both = sum(p.median for p in peers if p)
        ratio = ours.median / both
        met = ratio <= TARGET_RATIO
        lines.append(
            f"ours / (mkdocs + pelican) = {ours.median:.2f} / {both:.2f} = {ratio:.3f} "
            f"(target <= {TARGET_RATIO}): {'MET' if met else 'MISSED'}"
        )
    else:
        lines.append("ours / (mkdocs + pelican): not measured (a build failed or was skipped)")
    hugo = by_name.get("hugo")
    if ours and ours.ok and hugo and hugo.ok:
        lines.append(
            f"ours vs hugo: {ours.median:.2f} s vs {hugo.median:.2f} s "
            f"= {ours.median / hugo.median:.2f}x hugo's time"
        )
    elif hugo and hugo.missing:
        lines.append("ours vs hugo: hugo MISSING")
    if ours and ours.ok:
        fits = ours.peak_mb < MEMORY_LIMIT_MB
        lines.append(
            f"ours peak memory {ours.peak_mb:.0f} MB < {MEMORY_LIMIT_MB} MB: "
            f"{'MET' if fits else 'MISSED'}"
        )
        if not fits:
            met = False
    return lines, met


def print_table(tools: list[Tool]) -> None:
    header = ("build", "pages", "wall median (s)", "runs (s)", "pages/s", "peak MB", "HTML files")
    rows = []
    for t in tools:
        if t.ok:
            rows.append(
                (
                    t.label,
                    str(t.pages),
                    f"{t.median:.2f}",
                    " ".join(f"{r.wall:.2f}" for r in t.runs),
                    f"{t.pages / t.median:.0f}" if t.median else "-",
                    f"{t.peak_mb:.0f}",
                    str(t.html_files),
                )
            )
        else:
            status = "MISSING" if t.missing else f"FAILED ({t.failed})"
            rows.append((t.label, str(t.pages), status, "", "", "", ""))
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        return
    table = Table(title="Build speed (fresh build, median wall time)")
    for index, name in enumerate(header):
        table.add_column(name, justify="left" if index == 0 else "right")
    for row in rows:
        table.add_row(*row)
    console = Console()
    if not console.is_terminal:
        console = Console(width=max(console.width, 130))
    console.print(table)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time our build against MkDocs, Pelican, Hugo.")
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3, help="builds per tool; the median counts")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument(
        "--tools",
        default=",".join(TOOLS),
        help=f"comma-separated subset of {','.join(TOOLS)} (default: all)",
    )
    parser.add_argument("--content", type=Path, help="use this content folder, do not generate")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per build")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown or args.runs < 1:
        parser.error(f"unknown tools {unknown}" if unknown else "--runs must be at least 1")
    if args.skip_hugo:
        tools = [t for t in tools if t != "hugo"]

    def log(message: str) -> None:
        print(message, flush=True)

    work = Path(tempfile.mkdtemp(prefix="studyhall-bench-"))
    try:
        if args.content:
            root = args.content.resolve()
        else:
            root = work / "content"
            started = time.perf_counter()
            generate(root, args.lessons, args.articles, args.seed)
            log(
                f"generated {args.lessons} lessons + {args.articles} articles in "
                f"{time.perf_counter() - started:.1f} s: {root}"
            )
        content = read_content(root)
        planned = plan(content, work, tools, log)
        for tool in planned:
            if not tool.missing:
                log(f"{tool.label}: {' '.join(tool.command)}  (in {tool.cwd})")
                run_tool(tool, args.runs, args.timeout, log)
        print_table(planned)
        lines, _met = summary(planned)
        for line in lines:
            print(line)
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "lessons": len(content.lessons),
                        "articles": len(content.articles),
                        "tools": [
                            {
                                "name": t.name,
                                "pages": t.pages,
                                "walls": [r.wall for r in t.runs],
                                "median": t.median if t.ok else None,
                                "peak_mb": t.peak_mb if t.ok else None,
                                "html_files": t.html_files,
                                "status": "missing" if t.missing else t.failed or "ok",
                            }
                            for t in planned
                        ],
                        "summary": lines,
                    },
                    indent=2,
                )
            )
        failed = [t.name for t in planned if t.failed]
        if failed:
            print(f"FAILED: {', '.join(failed)}")
            return 1
        return 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
