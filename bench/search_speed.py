"""Our search (Whoosh index, static shards) against Pagefind, side by side, in headless Chromium.

Why: Studyhall promises search that is at least as good as Pagefind's in both
English and Chinese, downloads no more per query, and answers in under 50 ms.
This script makes that checkable:

- on the generated site (``bench/generate.py``, 2,000 pages by default) it
  prints index build time, total index bytes, bytes downloaded for a typical
  query and the median query latency, each query in a fresh browser context;
- on the demo content it prints MRR@10 and recall@10 on the labelled queries
  of ``tests/search/queries.yml``, per query language.

Both engines are served by one local server that gzips text like a CDN does
(Pagefind's own files are compressed already), and bytes are counted as they
leave the server: search files only (our two scripts and ``/search/``;
Pagefind's ``/pagefind/``), the page itself excluded.

What "first query latency" means, for each query in a fresh browser context
(empty cache, as for a first-time reader):

- ours, as a reader sees it: a real article page of the generated site; the
  header search box gets focus, which fetches the manifest and the page table
  (``search-ui.js`` does this on focus or pointer-over; the "prefetch" row
  times it). Then the query is entered in one of two ways, each in its own
  fresh context:

  - typed: Latin letters one key at a time, 100 ms apart (a fast typist),
    and each Han word committed whole, as an input method does;
  - pasted: the whole query in one input event (paste, autocomplete).

  The clock runs from the time stamp of the last input event to the frame
  that paints the results list for the whole query (titles, page types and
  places; the box shows up to 8). The box searches at every keystroke, so a
  typed query has usually fetched its Latin words' shards before the last
  key; a pasted one, a Han word, or a word whose shard the reader outran
  pays one round trip. The prefetch on focus is left out: a reader pays it
  while typing, it takes tens of milliseconds, and typing even one short
  word takes several hundred. The "snippets" rows run to the frame that
  paints the last snippet, one round trip later. Bytes count everything from
  the page load on: scripts, manifest, page table, shards and the snippets'
  page files; "bytes/query" is the pasted query (comparable with Pagefind's
  one query), "bytes while typing" adds the shards fetched for the words'
  first letters.
- Pagefind, through its JavaScript API (it has no header box on our pages):
  from ``pagefind.search()`` to having the top 10 results' data, after
  ``pagefind.init()``. Painting is not included, which favours it.

Pagefind keeps one index per page language and searches the one of the page
it runs on; it is measured that way (English queries on an English page,
Chinese and mixed ones on a Chinese page) and, as a second configuration,
with one index for everything (``force_language: zh``).

Usage::

    python bench/search_speed.py                # 1,000 lessons + 1,000 articles
    python bench/search_speed.py --small        # smoke run: 40 + 40
    python bench/search_speed.py --work DIR     # keep (and reuse) the generated sites

Exit status: 0 when everything ran (a target may still be MISSED), 1 when a
tool failed.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from bench.generate import generate  # noqa: E402
from site_builder.pipeline import BuildOptions, build_site  # noqa: E402
from site_builder.search import index_snapshot  # noqa: E402
from site_builder.search.evaluate import GROUPS, Scores, evaluate, load_queries  # noqa: E402
from site_builder.search.shards import export_shards  # noqa: E402
from site_builder.search_cli import public_snapshot  # noqa: E402

QUERIES = REPO / "tests" / "search" / "queries.yml"
LATENCY_TARGET_MS = 50.0
#: What readers type on the generated site: its vocabulary, both languages and mixed.
TYPICAL_QUERIES = (
    ("en", "lock-free buffer"),
    ("en", "async scheduler"),
    ("en", "zero-copy parser"),
    ("en", "idempotent migration"),
    ("en", "streaming pipeline benchmark"),
    ("en", "borrow lifetime"),
    ("en", "Rust"),
    ("en", "columnar index query"),
    ("zh", "事件循环"),
    ("zh", "借用检查器"),
    ("zh", "数据管道"),
    ("zh", "查询优化"),
    ("zh", "缓存失效"),
    ("zh", "线程池 调度器"),
    ("zh", "分布式系统 一致性"),
    ("zh", "并发编程"),
    ("mixed", "Rust 所有权规则"),
    ("mixed", "Python 异步任务"),
    ("mixed", "Tokio 调度器"),
    ("mixed", "SQL 事务隔离"),
)
#: Keys 100 ms apart: a fast typist (about 120 words a minute).
TYPE_DELAY_MS = 100
#: A query as the bench enters it: Han runs (committed whole by an input method) and the rest.
HAN_OR_NOT = re.compile(
    r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
)
TEXT_TYPES = (".html", ".js", ".json", ".css", ".svg", ".txt", ".xml")
EXCLUDE = ["header", "nav", "footer", ".md-sidebar", ".md-header", ".md-footer", ".sh-locked"]
GLOB = "{courses/*/index.html,courses/*/*/index.html,articles/*/index.html,live/*/index.html}"

PAGEFIND_PAGE = (
    """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body></body></html>"""
)
OURS_QUERY = """async (text) => {
  const engine = await window.StudyhallSearch.open();
  const start = performance.now();
  const result = await engine.search(text, {limit: 10});
  const docs = await Promise.all(result.hits.map((h) => engine.document(h.doc)));
  return {ms: performance.now() - start, urls: docs.map((d) => d.url)};
}"""
#: Focus the header box (search-ui.js then prefetches) and wait for the prefetch to end.
OURS_WARM = """async () => {
  const input = document.querySelector("[data-sh-search-input]");
  const start = performance.now();
  input.focus();
  await window.StudyhallSearch.warm();
  return performance.now() - start;
}"""
#: Watch the header box: from the last input event to the frames that paint the results
#: list for the whole query, then its snippets (the list's aria-busy turns "false").
OURS_WATCH = """(text) => {
  const input = document.querySelector("[data-sh-search-input]");
  const panel = document.querySelector("[data-sh-search-panel]");
  const list = document.getElementById("sh-search-hits");
  const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const until = (test) => new Promise((done) => {
    if (test()) return done();
    const watch = new MutationObserver(() => { if (test()) { watch.disconnect(); done(); } });
    watch.observe(panel, {subtree: true, childList: true, attributes: true, characterData: true});
  });
  const state = window.__benchSearch = {done: false};
  let typed = 0;
  const stamp = (event) => { typed = event.timeStamp; };
  input.addEventListener("input", stamp, true);
  (async () => {
    await until(() => !panel.hidden && list.getAttribute("data-sh-query") === text);
    await painted();
    state.ms = performance.now() - typed;
    input.removeEventListener("input", stamp, true);
    await until(() => list.getAttribute("aria-busy") === "false");
    await painted();
    state.full = performance.now() - typed;
    state.urls = Array.from(list.querySelectorAll(".sh-hit"), (a) => a.getAttribute("href"));
    state.done = true;
  })();
}"""
PAGEFIND_QUERY = """async ([text, bundle]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.init();
  const start = performance.now();
  const search = await pagefind.search(text);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return {ms: performance.now() - start, urls: data.map((d) => d.url)};
}"""


@dataclass
class Engine:
    """One search configuration under test and what was measured of it."""

    name: str
    #: Harness page for a query language, and the prefixes of the files it downloads.
    pages: dict[str, str]
    prefixes: tuple[str, ...]
    script: str
    bundle: str = ""
    build_seconds: float = 0.0
    index_bytes: int = 0
    index_wire_bytes: int = 0
    index_files: int = 0
    query_bytes: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    #: Ours only: the prefetch on focus; typed queries until their snippets are painted;
    #: pasted queries; bytes while typing.
    warm_latencies: list[float] = field(default_factory=list)
    snippet_latencies: list[float] = field(default_factory=list)
    paste_latencies: list[float] = field(default_factory=list)
    paste_snippet_latencies: list[float] = field(default_factory=list)
    typing_bytes: list[int] = field(default_factory=list)
    repeat_latencies: list[float] = field(default_factory=list)
    scores: dict[str, Scores] = field(default_factory=dict)

    def page_for(self, lang: str) -> str:
        return self.pages.get(lang, self.pages["en"])


class CountingServer:
    """Serves a folder plus harness pages, gzipped as a CDN would, and counts bytes sent.

    asyncio and an in-memory cache keep the server's own cost per request far
    below the browser's, so that latencies measure the engines, not the server.
    """

    def __init__(self, root: Path, pages: dict[str, str]) -> None:
        self.root = root
        self.pages = pages
        self.sent: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        self._cache: dict[str, tuple[bytes, str, str] | None] = {}
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        started = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(started,), daemon=True)
        self._thread.start()
        started.wait()

    def _serve(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0)
        )
        self.url = f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"
        started.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    def _response(self, path: str) -> tuple[bytes, str, str] | None:
        """Body, content type and encoding, as a CDN would send them."""
        if path not in self._cache:
            if path in self.pages:
                file, body = Path("page.html"), self.pages[path].encode()
            else:
                file = self.root / path.lstrip("/")
                if file.is_dir():
                    file = file / "index.html"
                body = file.read_bytes() if file.is_file() else b""
            if not body and path not in self.pages:
                self._cache[path] = None
            else:
                kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                if file.suffix in TEXT_TYPES:
                    self._cache[path] = (gzip.compress(body, 6, mtime=0), kind, "gzip")
                else:
                    self._cache[path] = (body, kind, "")
        return self._cache[path]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = unquote(head.split(b" ", 2)[1].decode("latin-1").split("?", 1)[0])
                found = self._response(path)
                if found is None:
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    continue
                body, kind, encoding = found
                headers = [
                    "HTTP/1.1 200 OK",
                    f"Content-Type: {kind}",
                    f"Content-Length: {len(body)}",
                    "Cache-Control: no-store",
                ] + ([f"Content-Encoding: {encoding}"] if encoding else [])
                writer.write(("\r\n".join(headers) + "\r\n\r\n").encode() + body)
                await writer.drain()
                with self.lock:
                    self.sent.append((path, len(body)))
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def reset(self) -> None:
        with self.lock:
            self.sent.clear()

    def bytes_for(self, prefixes: tuple[str, ...]) -> int:
        with self.lock:
            return sum(size for path, size in self.sent if path.startswith(prefixes))

    def close(self) -> None:
        async def stop() -> None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._loop.stop()

        asyncio.run_coroutine_threadsafe(stop(), self._loop)
        self._thread.join(timeout=10)


def _secret_env() -> None:
    os.environ.setdefault("STUDYHALL_SECRET", "bench-secret-" + "x" * 40)


def build(content: Path, out: Path, work: Path) -> None:
    build_site(BuildOptions(content=content, out=out, jobs=2, secret_dir=work))


def time_our_index(content: Path, scratch: Path) -> float:
    """Index and shard export only: loading and gating the content are not search's cost."""
    snapshot, problems = public_snapshot(content)
    if problems:
        raise SystemExit(f"{content}: {problems[0]}")
    started = time.perf_counter()
    export_shards(index_snapshot(snapshot), scratch)
    return time.perf_counter() - started


def run_pagefind(site: Path, subdir: str, work: Path, force_language: str = "") -> float:
    """Index ``site`` with Pagefind into ``site/subdir``; returns the wall time of the run."""
    config = work / f"pagefind-{subdir}"
    config.mkdir(parents=True, exist_ok=True)
    lines = [
        f"site: {site}",
        f"output_subdir: {subdir}",
        f'glob: "{GLOB}"',
        "exclude_selectors: [" + ", ".join(f'"{s}"' for s in EXCLUDE) + "]",
        "quiet: true",
    ]
    if force_language:
        lines.append(f"force_language: {force_language}")
    (config / "pagefind.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pagefind"], cwd=config, capture_output=True, text=True, timeout=900
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
    return seconds


def folder_bytes(folder: Path) -> tuple[int, int, int]:
    """Files, raw bytes and bytes on the wire (text gzipped) of every file under ``folder``."""
    files = raw = wire = 0
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            files += 1
            raw += len(data)
            wire += len(gzip.compress(data, 6)) if path.suffix in TEXT_TYPES else len(data)
    return files, raw, wire


def engines_for(site: Path) -> tuple[list[Engine], dict[str, str]]:
    scripts = tuple(
        "/" + next(site.glob(f"assets/js/{name}.*.js")).relative_to(site).as_posix()
        for name in ("search-engine", "search-ui")
    )
    article = min(site.glob("articles/*/index.html")).parent.relative_to(site).as_posix()
    pages = {
        "/__bench/en.html": PAGEFIND_PAGE.format(lang="en"),
        "/__bench/zh.html": PAGEFIND_PAGE.format(lang="zh"),
    }
    ours = Engine("ours", {"en": f"/{article}/"}, (*scripts, "/search/"), OURS_QUERY)
    pagefind = Engine(
        "pagefind",
        {"en": "/__bench/en.html", "zh": "/__bench/zh.html", "mixed": "/__bench/zh.html"},
        ("/pagefind/",),
        PAGEFIND_QUERY,
        bundle="/pagefind/",
    )
    single = Engine(
        "pagefind, one index",
        {"en": "/__bench/zh.html"},
        ("/pagefind-one/",),
        PAGEFIND_QUERY,
        bundle="/pagefind-one/",
    )
    return [ours, pagefind, single], pages


def run_query(page: Any, engine: Engine, text: str) -> dict[str, Any]:
    argument: Any = [text, engine.bundle] if engine.bundle else text
    return page.evaluate(engine.script, argument)


def enter_query(page: Any, text: str, typed: bool) -> dict[str, Any]:
    """One query into the focused header box, timed by OURS_WATCH (see the docstring).

    Playwright injects its polling script on the first ``wait_for_function`` in a
    page (some 20 ms of the page's main thread); done once before the first key,
    it stays out of the time measured.
    """
    page.wait_for_function("() => true")
    page.evaluate(OURS_WATCH, text)
    if typed:
        for run in HAN_OR_NOT.finditer(text):
            if run.group(1):
                page.wait_for_timeout(TYPE_DELAY_MS)
                page.keyboard.insert_text(run.group(0))
            else:
                page.keyboard.type(run.group(0), delay=TYPE_DELAY_MS)
    else:
        page.keyboard.insert_text(text)
    page.wait_for_function("() => window.__benchSearch.done", timeout=30_000)
    return page.evaluate("() => window.__benchSearch")


def measure_ui(browser: Any, server: CountingServer, engine: Engine) -> None:
    """Each typical query, typed and pasted, into the header box of a fresh context."""
    for _, text in TYPICAL_QUERIES:
        for typed in (True, False):
            context = browser.new_context()
            page = context.new_page()
            server.reset()
            page.goto(server.url + engine.page_for("en"))
            warm = page.evaluate(OURS_WARM)
            first = enter_query(page, text, typed)
            sent = server.bytes_for(engine.prefixes)
            if typed:
                engine.warm_latencies.append(warm)
                engine.latencies.append(first["ms"])
                engine.snippet_latencies.append(first["full"])
                engine.typing_bytes.append(sent)
            else:
                engine.paste_latencies.append(first["ms"])
                engine.paste_snippet_latencies.append(first["full"])
                engine.query_bytes.append(sent)
                page.keyboard.press("Control+A")
                page.keyboard.press("Backspace")
                engine.repeat_latencies.append(enter_query(page, text, False)["ms"])
            context.close()


def measure_queries(browser: Any, server: CountingServer, engine: Engine) -> None:
    """Each typical query in a fresh context: nothing cached, as for a first-time reader."""
    if engine.name == "ours":
        measure_ui(browser, server, engine)
        return
    for lang, text in TYPICAL_QUERIES:
        context = browser.new_context()
        page = context.new_page()
        server.reset()
        page.goto(server.url + engine.page_for(lang))
        result = run_query(page, engine, text)
        engine.query_bytes.append(server.bytes_for(engine.prefixes))
        engine.latencies.append(result["ms"])
        engine.repeat_latencies.append(run_query(page, engine, text)["ms"])
        context.close()


def measure_quality(browser: Any, server: CountingServer, engine: Engine) -> None:
    queries = load_queries(QUERIES)
    pages: dict[str, Any] = {}
    langs = {q.query: q.lang for q in queries}

    def rank(text: str) -> list[str]:
        where = engine.page_for(langs[text])
        if where not in pages:
            pages[where] = browser.new_page()
            pages[where].goto(server.url + where)
        return [_path(url) for url in run_query(pages[where], engine, text)["urls"]]

    engine.scores = evaluate(queries, rank)
    for page in pages.values():
        page.close()


def _path(url: str) -> str:
    path = "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url
    return path.removesuffix("index.html")


def _kib(value: float) -> str:
    return f"{value / 1024:,.1f} KiB"


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.1f}" if values else "-"


def report(engines: list[Engine], pages: int) -> bool:
    """Print the table and the targets; returns whether every target was met."""
    width = 24
    rows: list[tuple[str, list[str]]] = [
        ("index build (s)", [f"{e.build_seconds:.2f}" for e in engines]),
        ("index files", [f"{e.index_files:,}" for e in engines]),
        ("index bytes (raw)", [_kib(e.index_bytes) for e in engines]),
        ("index bytes (gzip)", [_kib(e.index_wire_bytes) for e in engines]),
        ("bytes/query (median)", [_kib(statistics.median(e.query_bytes)) for e in engines]),
        ("bytes/query (max)", [_kib(max(e.query_bytes)) for e in engines]),
        (
            "bytes while typing",
            [_kib(statistics.median(e.typing_bytes)) if e.typing_bytes else "-" for e in engines],
        ),
        ("prefetch median (ms)", [_median(e.warm_latencies) for e in engines]),
        ("latency median (ms)", [_median(e.latencies) for e in engines]),
        ("latency max (ms)", [f"{max(e.latencies):.1f}" for e in engines]),
        ("snippets median (ms)", [_median(e.snippet_latencies) for e in engines]),
        ("pasted median (ms)", [_median(e.paste_latencies) for e in engines]),
        ("pasted+snippets (ms)", [_median(e.paste_snippet_latencies) for e in engines]),
        ("repeat median (ms)", [_median(e.repeat_latencies) for e in engines]),
    ]
    for group in (*GROUPS, "all"):
        rows.append((f"MRR@10 {group}", [f"{e.scores[group].mrr:.3f}" for e in engines]))
    for group in (*GROUPS, "all"):
        rows.append((f"recall@10 {group}", [f"{e.scores[group].recall:.3f}" for e in engines]))
    print(f"\nSearch on {pages:,} generated pages (quality: the demo's labelled queries)\n")
    print("".ljust(width) + "".join(e.name.rjust(width) for e in engines))
    for label, values in rows:
        print(label.ljust(width) + "".join(v.rjust(width) for v in values))

    print(
        "\nFirst query: ours typed into the header box, last key -> results painted (pasted: the"
        "\nwhole query in one input event); Pagefind: search() -> top 10 data, no painting."
    )
    ours, others = engines[0], engines[1:]
    met = True
    print()
    for group in ("en", "zh"):
        best = max(e.scores[group].mrr for e in others)
        ok = ours.scores[group].mrr >= best
        met &= ok
        print(
            f"MRR@10 {group}: ours {ours.scores[group].mrr:.3f} vs Pagefind's best {best:.3f}: "
            f"{'met' if ok else 'MISSED'}"
        )
    ours_bytes = statistics.median(ours.query_bytes)
    least = min(statistics.median(e.query_bytes) for e in others)
    ok = ours_bytes <= least
    met &= ok
    print(
        f"bytes/query: ours {_kib(ours_bytes)} vs Pagefind's least {_kib(least)}: "
        f"{'met' if ok else 'MISSED'}"
    )
    latency = statistics.median(ours.latencies)
    ok = latency < LATENCY_TARGET_MS
    met &= ok
    print(
        f"median latency: ours {latency:.1f} ms, target < {LATENCY_TARGET_MS:.0f} ms: "
        f"{'met' if ok else 'MISSED'}"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--small", action="store_true", help="smoke run: 40 lessons, 40 articles")
    parser.add_argument(
        "--work", type=Path, help="keep generated content and built sites here, and reuse them"
    )
    args = parser.parse_args()
    if args.small:
        args.lessons, args.articles = 40, 40
    from playwright.sync_api import sync_playwright

    _secret_env()
    work = args.work or Path(tempfile.mkdtemp(prefix="studyhall-search-bench-"))
    try:
        content, big, demo = work / "content", work / "big", work / "demo"
        if not content.exists():
            print(f"Generating {args.lessons} lessons and {args.articles} articles…", flush=True)
            generate(content, args.lessons, args.articles, args.seed)
        print("Building both sites…", flush=True)
        for source, target in ((content, big), (REPO / "content", demo)):
            if not (target / "index.html").exists():
                build(source, target, work)
        engines, harness = engines_for(big)
        ours, pagefind, single = engines
        ours.build_seconds = time_our_index(content, work / "scratch")
        ours.index_files, ours.index_bytes, ours.index_wire_bytes = folder_bytes(
            big / "search" / "shards"
        )
        manifest_and_scripts = [big / "search" / "index.json"]
        manifest_and_scripts += [big / script.lstrip("/") for script in ours.prefixes[:2]]
        for path in manifest_and_scripts:
            data = path.read_bytes()
            ours.index_files += 1
            ours.index_bytes += len(data)
            ours.index_wire_bytes += len(gzip.compress(data, 6))
        print("Running Pagefind…", flush=True)
        pagefind.build_seconds = run_pagefind(big, "pagefind", work)
        single.build_seconds = run_pagefind(big, "pagefind-one", work, force_language="zh")
        for engine, subdir in ((pagefind, "pagefind"), (single, "pagefind-one")):
            engine.index_files, engine.index_bytes, engine.index_wire_bytes = folder_bytes(
                big / subdir
            )
        for subdir, language in (("pagefind", ""), ("pagefind-one", "zh")):
            run_pagefind(demo, subdir, work, force_language=language)

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM if Path(CHROMIUM).exists() else None,
                args=CHROMIUM_FLAGS,
            )
            print("Measuring queries in Chromium…", flush=True)
            server = CountingServer(big, harness)
            for engine in engines:
                measure_queries(browser, server, engine)
            server.close()
            demo_server = CountingServer(demo, engines_for(demo)[1])
            for engine, on_demo in zip(engines, engines_for(demo)[0], strict=True):
                measure_quality(browser, demo_server, on_demo)
                engine.scores = on_demo.scores
            demo_server.close()
            browser.close()
        report(engines, args.lessons + args.articles)
        return 0
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
