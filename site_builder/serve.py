"""A local preview that behaves like the real host: same headers, same 404 page."""

from __future__ import annotations

import argparse
import fnmatch
import functools
import threading
import tomllib
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

NETLIFY_TOML = Path(__file__).resolve().parent.parent / "netlify.toml"


def netlify_headers(path: Path = NETLIFY_TOML) -> list[tuple[str, dict[str, str]]]:
    """The ``[[headers]]`` rules of netlify.toml as (pattern, headers)."""
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(rule["for"], dict(rule.get("values", {}))) for rule in config.get("headers", [])]


class PreviewHandler(SimpleHTTPRequestHandler):
    rules: ClassVar[list[tuple[str, dict[str, str]]]] = []

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, values in self.rules:
            if fnmatch.fnmatch(path, pattern):
                for name, value in values.items():
                    self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    handler = functools.partial(PreviewHandler, directory=str(directory))
    PreviewHandler.rules = netlify_headers()
    return ThreadingHTTPServer((host, port), handler)


def serve(args: argparse.Namespace) -> int:
    from watchfiles import watch

    from site_builder.cli import DEFAULT_CACHE, err, out, run_build
    from site_builder.pipeline import BuildOptions
    from site_builder.workers import default_jobs

    options = BuildOptions(
        content=args.content, out=args.out, jobs=default_jobs(), cache_dir=DEFAULT_CACHE
    )
    if run_build(options) is None and not args.out.exists():
        return 1
    server = make_server(args.out.resolve(), args.host, args.port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out.print(f"Serving {args.out}/ at http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    if args.no_watch:
        threading.Event().wait()
    theme = Path(__file__).resolve().parent.parent / "themes"
    try:
        for changes in watch(args.content, theme):
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            err.print(f"Changed: {names}; rebuilding…", markup=False)
            run_build(options)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
