"""Topic URLs survive rebuilds: each build publishes its topic state and the next one reads it."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from site_builder.pipeline import BuildOptions, build_site
from tests.conftest import FIXTURES, ROOT, TEST_SECRET, tree_digest

NOW = time.time()

NEW_ARTICLE = """---
title: Choosing a partition key
date: 2026-04-02
author: mei-lin
column: systems-notes
tags: [databases, distributed-systems]
summary: How a partition key spreads load across replicas, and when it does not.
---
A partition key decides which replica owns a row. Pick one with many values
and even traffic, or one leader takes every write while its followers idle.
Consensus and quorums keep replicas in agreement; the key decides the load.
"""


def build(content: Path, out: Path, **options: object):
    return build_site(
        BuildOptions(content=content, out=out, now=NOW, secret_dir=out.parent, jobs=2, **options)
    )


def state(out: Path) -> dict:
    return json.loads((out / "topics" / "state.json").read_text(encoding="utf-8"))


def topic_of(data: dict) -> dict[str, str]:
    return {item: t["slug"] for t in data["topics"] for item in t["members"]}


@pytest.fixture
def secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)


@pytest.mark.usefixtures("secret")
def test_adding_an_article_keeps_pages_in_their_topics_and_every_topic_url(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "public"
    shutil.copytree(ROOT / "content", content)
    build(content, out)
    before = state(out)
    (content / "articles" / "choosing-a-partition-key.md").write_text(NEW_ARTICLE, encoding="utf-8")

    report = build(content, out)

    after = state(out)
    old, new = topic_of(before), topic_of(after)
    kept = sum(new.get(item) == slug for item, slug in old.items())
    assert kept / len(old) >= 0.9
    assert "article:choosing-a-partition-key" in new
    for topic in before["topics"]:
        assert (out / "topics" / topic["slug"] / "index.html").is_file(), topic["slug"]
    assert {t["id"]: t["slug"] for t in before["topics"]}.items() <= {
        t["id"]: t["slug"] for t in after["topics"]
    }.items()
    assert not [w for w in report.warnings if "state.json" in w]


@pytest.mark.usefixtures("secret")
def test_a_rebuild_over_its_own_output_is_byte_identical(tmp_path: Path) -> None:
    """The second build reads the first one's state: for unchanged content that is a fixed point."""
    out = tmp_path / "public"
    build(ROOT / "content", out)
    first = tree_digest(out)

    build(ROOT / "content", out)

    assert tree_digest(out) == first


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"\xff\xfe",
        b'{"format": "studyhall-topic-state/9"}',
        b'{"format": "studyhall-topic-state/1", "clustered": [{"id": "t1", "slug": "../x", '
        b'"label": "x", "members": [], "terms": []}], "placed": []}',
        b'{"format": "studyhall-topic-state/1", "clustered": 3, "placed": []}',
    ],
)
@pytest.mark.usefixtures("secret")
def test_an_unusable_state_is_a_warning_and_topics_are_clustered_afresh(
    tmp_path: Path, damage: bytes
) -> None:
    fresh, out = tmp_path / "fresh", tmp_path / "public"
    build(FIXTURES / "minimal", fresh)
    (out / "topics").mkdir(parents=True)
    (out / "topics" / "state.json").write_bytes(damage)

    report = build(FIXTURES / "minimal", out)

    warnings = [w for w in report.warnings if "state.json" in w]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{out / 'topics' / 'state.json'}: cannot be used as the ")
    assert warnings[0].endswith("; topics were clustered afresh, so topic URLs may change")
    assert tree_digest(out) == tree_digest(fresh)


@pytest.mark.usefixtures("secret")
def test_the_state_can_come_from_another_folder(tmp_path: Path) -> None:
    """What Netlify does: the previous state is fetched from the live site, not found in --out."""
    content, live, out = tmp_path / "content", tmp_path / "live", tmp_path / "public"
    shutil.copytree(ROOT / "content", content)
    build(content, live)
    (content / "articles" / "choosing-a-partition-key.md").write_text(NEW_ARTICLE, encoding="utf-8")

    build(content, out, topic_state=live / "topics" / "state.json")
    incremental = state(out)
    build(content, tmp_path / "without")

    assert incremental["placed"] == ["article:choosing-a-partition-key"]
    assert state(tmp_path / "without")["placed"] == []
