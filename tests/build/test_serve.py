"""The local preview: production headers, the site's 404 page, and rebuild on change."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, TEST_SECRET


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _wait_for(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_previews_with_production_headers_and_rebuilds_on_change(
    minimal_content: Path,
) -> None:
    port = _free_port()
    out = minimal_content.parent / "public"
    env = {**os.environ, "STUDYHALL_SECRET": TEST_SECRET}
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "serve",
            "--port",
            str(port),
            "--content",
            str(minimal_content),
            "--out",
            str(out),
        ],
        cwd=minimal_content.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(lambda: _get(base + "/")[0] == 200, 60), "the preview server did not start"
        status, headers, _ = _get(base + "/articles/hello/")
        assert status == 200
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        status, _, body = _get(base + "/no/such/page/")
        assert status == 404 and "Page not found" in body
        assert (
            "immutable"
            in _get(
                base
                + next(
                    f"/assets/{p.relative_to(out / 'assets').as_posix()}"
                    for p in (out / "assets" / "css").glob("*.css")
                )
            )[1]["Cache-Control"]
        )

        article = minimal_content / "articles" / "hello.md"
        article.write_text(article.read_text().replace("title: Hello", "title: Hello again"))

        assert _wait_for(lambda: "Hello again" in _get(base + "/articles/hello/")[2], 60), (
            "no rebuild"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
