"""Two builds of the same input give byte-identical output."""

from __future__ import annotations

import time
from pathlib import Path

from site_builder.pipeline import BuildOptions, build_site
from tests.conftest import ROOT, TEST_SECRET, tree_digest


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)
    now = time.time()
    first = build_site(
        BuildOptions(content=ROOT / "content", out=tmp_path / "a", now=now, secret_dir=tmp_path)
    )
    second = build_site(
        BuildOptions(content=ROOT / "content", out=tmp_path / "b", now=now, secret_dir=tmp_path)
    )

    assert first.pages == second.pages > 50
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_a_rebuild_replaces_the_previous_site_whole(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)
    out = tmp_path / "public"
    out.mkdir()
    (out / "stale.html").write_text("old page")

    build_site(BuildOptions(content=ROOT / "tests/fixtures/minimal", out=out, secret_dir=tmp_path))

    assert not (out / "stale.html").exists()
    assert (out / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]
