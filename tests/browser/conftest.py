"""Real headless Chromium against the built demo, served with the production headers."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_FLAGS
from site_builder.serve import make_server

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(
            "Chromium is missing: install it with `apt-get install chromium fonts-noto-cjk`"
        )
    return {"executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    server = make_server(demo_site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def problems(page) -> list[str]:
    """Console errors (CSP violations among them) and failed requests on the page."""
    seen: list[str] = []
    page.on(
        "console",
        lambda m: seen.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: seen.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: _failed(r, seen))
    return seen


def _failed(request, seen: list[str]) -> None:
    # Leaving a page cancels what it was still loading (its favicon, say): not a fault.
    if request.failure != "net::ERR_ABORTED":
        seen.append(f"request failed: {request.url} ({request.failure})")


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
