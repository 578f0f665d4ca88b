"""No members-only text anywhere in the output, whatever the file type."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from site_builder.pipeline import BuildOptions, build_site
from tests.conftest import FIXTURES, ROOT, TEST_SECRET

DEMO_CANARY = b"MEMBERS-CANARY"


def files_containing(site: Path, needle: bytes) -> list[str]:
    """Every output file whose bytes (decompressed when gzipped) contain ``needle``."""
    found = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if needle in data:
            found.append(path.relative_to(site).as_posix())
    return found


def test_demo_content_really_has_members_only_text() -> None:
    sources = [p for p in (ROOT / "content").rglob("*.md") if DEMO_CANARY in p.read_bytes()]
    assert len(sources) >= 20


def test_demo_site_holds_no_members_only_text(demo_site: Path) -> None:
    assert files_containing(demo_site, DEMO_CANARY) == []


def test_the_scan_finds_a_planted_canary(demo_site: Path, tmp_path: Path) -> None:
    planted = tmp_path / "site"
    shutil.copytree(demo_site, planted)
    feed = planted / "feeds" / "atom.xml"
    feed.write_bytes(feed.read_bytes().replace(b"</feed>", b"<!-- MEMBERS-CANARY --></feed>"))
    (planted / "sitemap.xml.gz").write_bytes(gzip.compress(b"MEMBERS-CANARY"))

    assert files_containing(planted, DEMO_CANARY) == ["feeds/atom.xml", "sitemap.xml.gz"]


@pytest.mark.parametrize("canary", [b"FIXTURE-CANARY-LESSON", b"FIXTURE-CANARY-PAGE"])
def test_fixture_canaries_stay_sealed(
    canary: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)
    build_site(
        BuildOptions(content=FIXTURES / "minimal", out=tmp_path / "out", secret_dir=tmp_path)
    )

    assert files_containing(tmp_path / "out", canary) == []
    lesson = (tmp_path / "out" / "courses" / "intro" / "second" / "index.html").read_text()
    assert "What the second lesson covers, in public." in lesson
    assert 'class="sh-locked"' in lesson
