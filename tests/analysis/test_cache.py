"""The analysis cache: a hit is the same result, and any change to what the analysis reads misses."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.analysis import AnalysisCache, AnalysisResult, analyse
from site_builder.analysis.cache import KEEP, analysis_key
from site_builder.gate import SectionSealer, gate_snapshot
from site_builder.gate.keys import SiteSecret
from site_builder.model import Snapshot
from site_builder.render.markdown import MarkdownRenderer

from .conftest import ROOT


def gated(snapshot: Snapshot, secret: bytes = b"k" * 32) -> Snapshot:
    sealer = SectionSealer(SiteSecret(secret, "test"), 7, MarkdownRenderer().html_only)
    return gate_snapshot(snapshot, sealer)


@pytest.fixture(scope="module")
def gated_demo(demo: Snapshot) -> Snapshot:
    return gated(demo)


def test_a_cached_result_is_the_fresh_result_byte_for_byte(
    gated_demo: Snapshot, tmp_path: Path
) -> None:
    cache = AnalysisCache(tmp_path)
    fresh = analyse(gated_demo, cache=cache)
    assert len(list(tmp_path.glob("*.json"))) == 1
    again = analyse(gated_demo, cache=cache)
    assert again == fresh
    assert again.to_json() == fresh.to_json() == analyse(gated_demo).to_json()


def test_a_hit_is_read_from_the_cache_not_computed(gated_demo: Snapshot, tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    key = analysis_key(gated_demo, None, None, 0)
    planted = AnalysisResult(popular=("article:planted",))
    cache.store(key, planted)
    assert analyse(gated_demo, cache=cache) == planted


def test_new_keys_keep_the_cache_key(demo: Snapshot) -> None:
    """Ciphertext changes with every key epoch; that alone must not defeat the cache."""
    first, second = gated(demo, b"k" * 32), gated(demo, b"j" * 32)
    assert first != second  # different ciphertext
    assert analysis_key(first, None, None, 0) == analysis_key(second, None, None, 0)


def test_public_text_previous_result_and_seed_are_all_in_the_key(gated_demo: Snapshot) -> None:
    article = gated_demo.articles[0]
    edited = gated_demo.replace(
        articles=(dataclasses.replace(article, title=article.title + "!"), *gated_demo.articles[1:])
    )
    base = analysis_key(gated_demo, None, None, 0)
    assert analysis_key(edited, None, None, 0) != base
    assert analysis_key(gated_demo, AnalysisResult(), None, 0) != base
    assert analysis_key(gated_demo, None, None, 1) != base


def test_an_unreadable_entry_is_computed_again_and_replaced(
    gated_demo: Snapshot, tmp_path: Path
) -> None:
    cache = AnalysisCache(tmp_path)
    key = analysis_key(gated_demo, None, None, 0)
    (tmp_path / f"{key}.json").write_text('{"topics": [{"id"', encoding="utf-8")
    result = analyse(gated_demo, cache=cache)
    assert result.to_json() == analyse(gated_demo).to_json()
    assert AnalysisResult.from_json((tmp_path / f"{key}.json").read_text("utf-8")) == result


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    for n in range(KEEP + 3):
        cache.store(f"{n:064x}", AnalysisResult(popular=(str(n),)))
        os.utime(tmp_path / f"{n:064x}.json", (n, n))
    kept = sorted(path.stem for path in tmp_path.glob("*.json"))
    assert kept == [f"{n:064x}" for n in range(3, KEEP + 3)]
    assert not list(tmp_path.glob("*.tmp"))


KEY_SCRIPT = """
from pathlib import Path
from site_builder.analysis.cache import analysis_key
from site_builder.sources.content_dir import ContentDirSource
snapshot, _ = ContentDirSource(Path("content")).load()
print(analysis_key(snapshot, None, snapshot.topic_overrides, 0))
"""


def test_the_key_is_the_same_in_every_process() -> None:
    keys = set()
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", KEY_SCRIPT],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        keys.add(done.stdout.strip())
    assert len(keys) == 1
