"""The site built from the CMS is the site built from ``content/``, byte for byte."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command

from site_builder.pipeline import BuildOptions, build_site
from site_builder.sources.cms import CmsSource
from tests.cms.conftest import BUILD_TOKEN
from tests.conftest import ROOT, TEST_SECRET, run_build_py, tree_digest

NOW = time.time()

pytestmark = pytest.mark.usefixtures("demo")


def build(out: Path, **options: object) -> dict[str, str]:
    build_site(BuildOptions(out=out, now=NOW, secret_dir=out.parent, jobs=2, **options))
    return tree_digest(out)


def differences(one: dict[str, str], other: dict[str, str]) -> list[str]:
    """Output files that are missing on one side or differ in their bytes."""
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))


@pytest.fixture(scope="module")
def content_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STUDYHALL_SECRET", TEST_SECRET)
        return build(tmp_path_factory.mktemp("content") / "public", content=ROOT / "content")


@pytest.fixture
def export_bytes(client) -> bytes:
    response = client.get(
        "/api/build/snapshot/", headers={"Authorization": f"Bearer {BUILD_TOKEN}"}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    return response.content


@pytest.fixture
def cms_url(export_bytes: bytes) -> Iterator[str]:
    """The export, served over HTTP the way a running CMS serves it to ``build.py``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.headers.get("Authorization") != f"Bearer {BUILD_TOKEN}":
                self.send_response(401)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(export_bytes)))
            self.end_headers()
            self.wfile.write(export_bytes)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_site_built_from_the_cms_equals_the_site_built_from_content(
    cms_url: str, content_site: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)

    from_cms = build(
        tmp_path / "public", content=tmp_path / "unused", source=CmsSource(cms_url, BUILD_TOKEN)
    )

    assert len(from_cms) > 150
    assert differences(from_cms, content_site) == []


def test_import_then_export_is_lossless(
    content_site: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)
    call_command("export_content", str(tmp_path / "content"), verbosity=0)

    exported = build(tmp_path / "public", content=tmp_path / "content")

    assert differences(exported, content_site) == []


def test_the_export_needs_the_build_token(client) -> None:
    assert client.get("/api/build/snapshot/").status_code == 401
    wrong = client.get("/api/build/snapshot/", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert "MEMBERS-CANARY" not in wrong.content.decode()


def test_without_a_configured_token_the_export_is_off(client, settings) -> None:
    settings.STUDYHALL_BUILD_TOKEN = ""

    response = client.get("/api/build/snapshot/", headers={"Authorization": "Bearer "})

    assert response.status_code == 503
    assert "STUDYHALL_BUILD_TOKEN" in json.loads(response.content)["error"]


def test_build_py_reads_a_running_cms(cms_url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STUDYHALL_BUILD_TOKEN", BUILD_TOKEN)
    ok = run_build_py(
        "build",
        "--source",
        "cms",
        "--cms-url",
        cms_url,
        "--out",
        str(tmp_path / "out"),
        "--quiet",
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "out" / "courses" / "rust-foundations" / "index.html").exists()

    monkeypatch.setenv("STUDYHALL_BUILD_TOKEN", "wrong")
    refused = run_build_py(
        "build", "--source", "cms", "--cms-url", cms_url, "--out", str(tmp_path / "x"), cwd=tmp_path
    )
    assert refused.returncode == 1
    assert (
        f"{cms_url}/api/build/snapshot/: answered HTTP 401; set STUDYHALL_BUILD_TOKEN to the "
        "token the CMS was started with"
    ) in refused.stderr
    assert not (tmp_path / "x").exists()
