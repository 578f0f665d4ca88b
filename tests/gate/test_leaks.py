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


def _plant(path: Path, canary: str, *, whole_page: bool = False) -> None:
    """Add a members-only canary to one page: a section, or the whole page with a teaser."""
    text = path.read_text(encoding="utf-8")
    if whole_page:
        head, _, body = text.partition("\n---\n")
        head = head.replace("\naccess:", "\nformer_access:")
        text = (
            f"{head}\naccess: pro\nteaser: A public teaser.\n---\n{body}\n\nWhole page {canary}\n"
        )
    else:
        text += f"\n\n/// members | member\n## Hidden heading {canary}\n\nSection {canary}\n///\n"
    path.write_text(text, encoding="utf-8")


def test_generated_site_with_a_canary_in_every_page_type_leaks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import secrets

    from bench.generate import generate

    content = tmp_path / "content"
    generate(content, lessons=40, articles=30, seed=7)
    canaries: dict[str, str] = {}
    pages = {
        "course overview": sorted(content.glob("courses/*/course.md")),
        "lesson": sorted(content.glob("courses/*/[0-9]*.md")),
        "article": sorted(content.glob("articles/*.md")),
        "live session": sorted(content.glob("live/*.md")),
    }
    for kind, paths in pages.items():
        for number, path in enumerate(paths[:3]):
            canary = f"LEAK-{secrets.token_hex(8)}"
            whole = kind in {"lesson", "article"} and number == 0
            _plant(path, canary, whole_page=whole)
            canaries[f"{kind} {path.name}{' (whole page)' if whole else ''}"] = canary
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)

    build_site(BuildOptions(content=content, out=tmp_path / "public", secret_dir=tmp_path))

    leaks = {
        where: files_containing(tmp_path / "public", canary.encode())
        for where, canary in canaries.items()
        if files_containing(tmp_path / "public", canary.encode())
    }
    assert leaks == {}
    assert files_containing(tmp_path / "public", b"MEMBERS-CANARY-") == []
    assert files_containing(tmp_path / "public", b"Hidden heading") == []
